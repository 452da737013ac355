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


def strategic_plans_newest_first(*, user: Viewer = None) -> QuerySet[StrategicPlanPage]:
    """Live plans `user` may see, newest first.

    Newest is published last; of plans published at the same instant, the one created last.
    A plan never published sorts last on every database, so that every reader of the rule
    picks the same plan.
    """
    plans = StrategicPlanPage.objects.all()
    return visible_pages(plans, user=user).order_by(
        F("last_published_at").desc(nulls_last=True), "-pk"
    )


def current_plan_ids(*, groups: Sequence[Page], user: Viewer = None) -> dict[int, int]:
    """{group id: id of the group's current plan, in the group's language}: the one rule for
    which plan a thematic group shows, on its page and in the APIs.

    A plan names its group in the source language (a translation of a plan keeps pointing at
    the source group), so every version of a group has the same current plan: the newest of
    the source-language plans naming it. Each group then gets that plan's translation in its
    own language when one is live and visible to `user`, the source plan otherwise. Two
    queries, whatever the number of groups.
    """
    if not groups:
        return {}
    newest: dict[UUID, tuple[int, UUID]] = {}
    sources = (
        strategic_plans_newest_first(user=user)
        .filter(
            group__translation_key__in={group.translation_key for group in groups},
            locale=F("group__locale"),
        )
        .values_list("group__translation_key", "pk", "translation_key")
    )
    for group_key, plan_id, plan_key in sources:
        newest.setdefault(group_key, (plan_id, plan_key))
    translations = visible_pages(
        StrategicPlanPage.objects.filter(
            translation_key__in={plan_key for _, plan_key in newest.values()},
            locale_id__in={group.locale_id for group in groups},
            alias_of__isnull=True,
        ),
        user=user,
    ).values_list("translation_key", "locale_id", "pk")
    in_language = {(plan_key, locale_id): plan_id for plan_key, locale_id, plan_id in translations}
    current: dict[int, int] = {}
    for group in groups:
        if group.translation_key in newest:
            source_id, plan_key = newest[group.translation_key]
            current[group.pk] = in_language.get((plan_key, group.locale_id), source_id)
    return current


def strategic_plan_for_group(*, group: Page, user: Viewer = None) -> StrategicPlanPage | None:
    """The current plan of a thematic group (see `current_plan_ids`), or None."""
    plan_id = current_plan_ids(groups=[group], user=user).get(group.pk)
    if plan_id is None:
        return None
    return StrategicPlanPage.objects.select_related("attachment").get(pk=plan_id)


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
