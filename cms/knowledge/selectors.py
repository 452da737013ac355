"""Reads for strategic plans and the document library."""

from collections.abc import Iterable

from django.db.models import F, QuerySet
from wagtail.models import Locale, Page

from cms.core.privacy import Viewer, visible_documents, visible_pages
from cms.core.translation import localize_relations, localized_page, localized_pages

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
    """Live plans `user` may see, a group's current plan first.

    The current plan is the one published last; of plans published at the same instant, the
    one created last, so that every reader of the rule picks the same plan.
    """
    plans = StrategicPlanPage.objects.all()
    return visible_pages(plans, user=user).order_by("-last_published_at", "-pk")


def current_plan_ids(*, group_ids: Iterable[int], user: Viewer = None) -> dict[int, int]:
    """{group id: id of its current plan} for the plans naming these very pages as their
    group, in any language, in one query (for lists of many groups)."""
    rows = (
        strategic_plans_newest_first(user=user)
        .filter(group__in=list(group_ids))
        .values_list("group_id", "pk")
    )
    current: dict[int, int] = {}
    for group_id, plan_id in rows:
        current.setdefault(group_id, plan_id)
    return current


def strategic_plan_for_group(*, group: Page, user: Viewer = None) -> StrategicPlanPage | None:
    """The current live plan of a thematic group, or None, in the group's language.

    A plan names its group in the source language (a translated plan keeps pointing at the
    source group), so any version of the group finds it; the plan is then the translation
    in the group's language when one is live.
    """
    plan = (
        strategic_plans_newest_first(user=user)
        .filter(group__translation_key=group.translation_key, locale=F("group__locale"))
        .first()
    )
    return localized_page(plan, group.locale_id, user=user)


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
