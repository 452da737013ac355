"""The pending-index queue in Django's admin: what the search service still has to catch up with."""

from django.contrib import admin

from .models import PendingIndexUpdate


@admin.register(PendingIndexUpdate)
class PendingIndexUpdateAdmin(admin.ModelAdmin):
    """Read-only: rows come from failed index writes and leave with `update_index --pending`."""

    list_display = ("content_type", "object_id", "action", "attempts", "queued_at")
    list_filter = ("action", "content_type")
    readonly_fields = ("content_type", "object_id", "action", "error", "attempts", "queued_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
