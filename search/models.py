"""The queue of index writes that the search service could not take when they happened."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """An object whose search-index entry is stale because the search service was unavailable.

    One row per object: the latest action wins. `manage.py update_index --pending` replays the
    rows and deletes those that succeed; a full `update_index` clears the rows it covered.
    """

    class Action(models.TextChoices):
        INDEX = "index", _("Index")
        DELETE = "delete", _("Delete")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=50)
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    error = models.TextField(_("last error"), blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    queued_at = models.DateTimeField(_("queued at"), auto_now=True)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_pending_index_update"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.content_type.app_label}.{self.content_type.model} {self.object_id}"


class SearchRecord(models.Model):
    """What one searchable page or document is filed under, for counting search facets.

    A search reads one record per match instead of joining every relation of thousands of
    matches. Records hold ids of related rows (groups, partners, tags), never their names, so
    that renaming a group or a tag or moving a partner to another country never makes a record
    stale: names and countries are looked up per search, over the few rows concerned. Kept in
    step with the object and with the rows it draws on by `search.signals`; rebuilt by
    `update_index`. A match without a record is read from the live rows instead.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.OneToOneField(
        "knowledge.ProjectDocument",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    type = models.CharField(_("type"), max_length=100)
    language = models.CharField(_("language"), max_length=16, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    # Space-separated ids: read whole with the record, never queried by value.
    group_ids = models.TextField(_("thematic group ids"), blank=True)
    partner_ids = models.TextField(_("partner ids"), blank=True)
    tag_ids = models.TextField(_("tag ids"), blank=True)

    class Meta:
        verbose_name = _("search record")
        verbose_name_plural = _("search records")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page__isnull=False, document__isnull=True)
                | models.Q(page__isnull=True, document__isnull=False),
                name="search_record_page_or_document",
            )
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.page_id or self.document_id}"
