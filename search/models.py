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
