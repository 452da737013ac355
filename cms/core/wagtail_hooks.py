"""Admin additions for the translation workflow: the status report, the checked ways
translations get in (PO upload, the editor's saves, machine translation) and the tag
translations snippet."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TagTranslation
from .translation_admin import (
    CheckedUpdateTranslationsView,
    TranslationStatusReportView,
    can_see_translation_status,
    edit_override,
    edit_string_translation,
    machine_translate,
    sync_translations,
    upload_pofile,
)

# wagtail-localize's URLs whose views Cordata's replace (`translation_admin`), so that every
# translation passes the markup rule. Registered before wagtail-localize's own (cms.core comes
# first in INSTALLED_APPS) on the same paths, they answer the links wagtail-localize makes
# (`wagtail_localize:<name>`) and its editor calls.
LOCALIZE = "localize/"
CHECKED_LOCALIZE_VIEWS = {
    "upload_pofile": ("translate/<int:translation_id>/pofile/upload/", upload_pofile),
    "edit_string_translation": (
        "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
        edit_string_translation,
    ),
    "edit_override": (
        "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        edit_override,
    ),
    "machine_translate": ("translate/<int:translation_id>/machine_translate/", machine_translate),
    "update_translations": (
        "update/<int:translation_source_id>/",
        CheckedUpdateTranslationsView.as_view(),
    ),
}


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
        *(
            path(LOCALIZE + route, view, name=f"cordata_{name}")
            for name, (route, view) in CHECKED_LOCALIZE_VIEWS.items()
        ),
    ]


@hooks.register("insert_global_admin_js")
def translation_editor_refusals():
    # The editor shows a refused save's reason instead of "Server error".
    return format_html('<script src="{}"></script>', static("core/translation-editor-refusals.js"))


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
