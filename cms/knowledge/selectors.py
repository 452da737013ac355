"""Reads for strategic plans and the document library."""

from collections.abc import Sequence
from uuid import UUID

from django.db.models import F, QuerySet
from wagtail.models import Locale, Page

from cms.core.privacy import Viewer, visible_documents, visible_pages
from cms.core.translation import localize_relations, localized_pages

from .models import ProjectDocument, StrategicPlanPage


def strategic_plan_list(
    *, locale: Locale, user: Viewer = None, status: str = ""
) -> list[StrategicPlanPage]:
    """Live strategic plans in `locale` that `user` may see, in tree order, with their group
    (in `locale`) and attachment loaded."""
    plans = StrategicPlanPage.objects.filter(locale=locale).select_related("group", "attachment")
    if status:
        plans = plans.filter(status=status)
    plans = visible_pages(plans, user=user).order_by("path")
    return localize_relations(plans, "group", locale, user=user)


#: Newest first: published last; of plans published at the same instant, the one created last.
#: A plan never published sorts last on every database (PostgreSQL would put NULL first).
NEWEST_FIRST = (F("last_published_at").desc(nulls_last=True), "-pk")


def current_plan_ids(*, groups: Sequence[Page], user: Viewer = None) -> dict[int, int]:
    """{group id: id of the group's current plan, in the group's language}: the one rule for
    which plan a thematic group shows, on its page and in the APIs.

    A plan names its group in the source language (a translation keeps pointing at the source
    group), so every version of a group ranks the same plans: the live source-language plans
    naming it, newest first. Each group shows the first of them that `user` may see, in the
    group's language when that version is live and visible, in the source language otherwise.
    Two queries (and the privacy rule's), whatever the number of groups.
    """
    if not groups:
        return {}
    candidates: dict[UUID, list[tuple[int, UUID, int]]] = {}
    sources = (
        StrategicPlanPage.objects.live()
        .filter(
            alias_of__isnull=True,
            group__translation_key__in={group.translation_key for group in groups},
            locale=F("group__locale"),
        )
        .order_by(*NEWEST_FIRST)
        .values_list("group__translation_key", "pk", "translation_key", "locale_id")
    )
    for group_key, plan_id, plan_key, source_locale_id in sources:
        candidates.setdefault(group_key, []).append((plan_id, plan_key, source_locale_id))
    ranked = [plan for plans in candidates.values() for plan in plans]
    visible = visible_pages(
        StrategicPlanPage.objects.filter(
            translation_key__in={plan_key for _, plan_key, _ in ranked},
            locale_id__in={group.locale_id for group in groups}
            | {locale_id for _, _, locale_id in ranked},
            alias_of__isnull=True,
        ),
        user=user,
    ).values_list("translation_key", "locale_id", "pk")
    version = {(plan_key, locale_id): plan_id for plan_key, locale_id, plan_id in visible}
    current: dict[int, int] = {}
    for group in groups:
        for _, plan_key, source_locale_id in candidates.get(group.translation_key, ()):
            shown = version.get((plan_key, group.locale_id)) or version.get(
                (plan_key, source_locale_id)
            )
            if shown is not None:
                current[group.pk] = shown
                break
    return current


def strategic_plan_for_group(*, group: Page, user: Viewer = None) -> StrategicPlanPage | None:
    """The current plan of a thematic group (see `current_plan_ids`), or None."""
    plan_id = current_plan_ids(groups=[group], user=user).get(group.pk)
    if plan_id is None:
        return None
    return StrategicPlanPage.objects.filter(pk=plan_id).select_related("attachment").first()


def plan_action_owners(*, plan: StrategicPlanPage, user: Viewer = None) -> dict[int, Page]:
    """The partners owning the plan's actions, in the plan's language, by the id stored in
    the block (the source-language partner); partners the user may not see are left out."""
    ids = [
        block.value["owner"].pk
        for block in plan.sections
        if block.block_type == "action" and block.value.get("owner")
    ]
    if not ids:
        return {}
    # The partner page type, as the action block names it: this app imports no other content app.
    owner_block = plan.sections.stream_block.child_blocks["action"].child_blocks["owner"]
    partners = owner_block.target_model.objects.filter(pk__in=ids)
    owners = list(visible_pages(partners, user=user))
    localized = localized_pages(owners, plan.locale_id, user=user)
    return {owner.pk: page for owner, page in zip(owners, localized, strict=True)}


def document_list(
    *,
    user: Viewer = None,
    group: Page | None = None,
    kinds: tuple[str, ...] = (),
    language: str = "",
) -> QuerySet[ProjectDocument]:
    """Documents `user` may see, optionally narrowed; privacy is applied here and nowhere else."""
    documents = ProjectDocument.objects.select_related("collection", "thematic_group")
    if group is not None:
        documents = documents.filter(thematic_group=group)
    if kinds:
        documents = documents.filter(kind__in=kinds)
    if language:
        documents = documents.filter(language=language)
    return visible_documents(documents, user=user).order_by("-created_at", "title")


def public_document_list(
    *, group: Page | None = None, kinds: tuple[str, ...] = (), language: str = ""
) -> QuerySet[ProjectDocument]:
    """The public library: what an anonymous visitor may see."""
    return document_list(user=None, group=group, kinds=kinds, language=language)
