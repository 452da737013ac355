"""Admin additions for the translation workflow: the status report, the checked PO upload and
the tag translations snippet."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TagTranslation
from .translation_admin import (
    TranslationStatusReportView,
    can_see_translation_status,
    sync_translations,
    upload_pofile,
)


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="cordata_translation_status",
        ),
        path(
            "reports/translation-status/sync/<int:page_id>/",
            sync_translations,
            name="cordata_translation_sync",
        ),
        # The same path as wagtail-localize's upload view, listed first so that it answers
        # instead; `wagtail_localize:upload_pofile` therefore reverses to this view.
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_pofile,
            name="cordata_upload_pofile",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    """Shown to whoever may start or sync translations."""

    def is_shown(self, request):
        return can_see_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("cordata_translation_status"),
        icon_name="site",
        order=9100,
    )


class TagTranslationViewSet(SnippetViewSet):
    """Tags' names in other languages, maintained by editors and translators."""

    model = TagTranslation
    icon = "tag"
    menu_label = _("Tag translations")
    list_display = ["tag", "language_code", "name"]
    list_filter = ["language_code"]
    search_fields = ["name", "tag__name"]


register_snippet(TagTranslationViewSet)
