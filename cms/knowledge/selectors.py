"""Reads for strategic plans and the document library."""

from django.db.models import QuerySet
from wagtail.models import Locale

from cms.core.privacy import visible_documents, visible_pages

from .models import ProjectDocument, StrategicPlanPage


def strategic_plan_list(
    *, locale: Locale, user=None, status: str = ""
) -> QuerySet[StrategicPlanPage]:
    """Live strategic plans in `locale` that `user` may see, in tree order."""
    plans = StrategicPlanPage.objects.filter(locale=locale).select_related("group", "attachment")
    if status:
        plans = plans.filter(status=status)
    return visible_pages(plans, user=user).order_by("path")


def strategic_plan_for_group(*, group, user=None) -> StrategicPlanPage | None:
    """The newest live plan of a thematic group, or None."""
    plans = StrategicPlanPage.objects.filter(group=group)
    return visible_pages(plans, user=user).order_by("-last_published_at").first()


def document_list(
    *, user=None, group=None, kinds: tuple[str, ...] = (), language: str = ""
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


def public_document_list(**filters) -> QuerySet[ProjectDocument]:
    """The public library: what an anonymous visitor may see."""
    return document_list(user=None, **filters)
