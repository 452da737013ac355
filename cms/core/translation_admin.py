"""Admin views of the translation workflow: the translation status report, its sync action
and the PO upload.

Registered in `wagtail_hooks.py`. The upload view takes the place of wagtail-localize's own
(same URL): that one answers a file without its header with a server error and imports a
file whose strings belong elsewhere; this one checks the file first (`translation_po_import`).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from .selectors import STATE_LABELS, TranslationState, translation_status
from .services import POImportError, translation_po_import, translation_sync

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def can_see_translation_status(user) -> bool:
    """Translators and moderators: whoever may start or sync translations."""
    return user.is_active and user.has_perm(SUBMIT_TRANSLATION)


class StateFilterForm(forms.Form):
    """Narrows the report to one state."""

    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        required=False,
        choices=[("", gettext_lazy("All"))]
        + [(s.value, label) for s, label in STATE_LABELS.items()],
    )


class TranslationStatusReportView(WagtailAdminTemplateMixin, TemplateView):
    """Pages without English, out of date and up to date, with counts per page type."""

    template_name = "core/admin/translation_status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_translation_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = StateFilterForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            return HttpResponseBadRequest(_("Unknown state."))
        state = form.cleaned_data.get("state") if form.is_bound else ""
        report = translation_status(language_code="en")
        rows = report.with_state(TranslationState(state)) if state else report.rows
        context = self.get_context_data(form=form, report=report, rows=rows, **kwargs)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = kwargs["report"]
        context["states"] = [(state, STATE_LABELS[state]) for state in TranslationState]
        context["totals"] = [(STATE_LABELS[s], report.counts[s]) for s in TranslationState]
        context["by_type"] = [
            (page_type, [counts[s] for s in TranslationState])
            for page_type, counts in report.counts_by_page_type.items()
        ]
        context["sync_allowed"] = self.request.user.has_perm(SUBMIT_TRANSLATION)
        return context


@require_POST
def upload_pofile(request, translation_id: int):
    """Import a translated PO file into `translation`, or say clearly why it was refused."""
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
        return redirect(next_url)
    try:
        result = translation_po_import(
            translation=translation, content=upload.read(), user=request.user
        )
    except POImportError as error:
        messages.error(request, str(error))
        return redirect(next_url)
    message = _("Imported %(count)d translated strings from the PO file.") % {
        "count": result.translated
    }
    if result.ignored:
        message += " " + _(
            "%(count)d strings are no longer on the page and were ignored; download the PO "
            "file again to see the current ones."
        ) % {"count": result.ignored}
    messages.success(request, message)
    return redirect(next_url)


@require_POST
def sync_translations(request, page_id: int):
    """Sync the translations of a source page from the report: each gets a draft in step with
    the page (`translation_sync`) and stays out of date until a translator publishes it."""
    if not can_see_translation_status(request.user):
        raise PermissionDenied
    page = get_object_or_404(Page, id=page_id).specific
    drafts = translation_sync(page=page, user=request.user)
    if drafts:
        messages.success(
            request,
            _("“%(title)s” synced: its translations have a new draft to review and publish.")
            % {"title": page.title},
        )
    else:
        messages.warning(
            request, _("“%(title)s” has no translation to sync.") % {"title": page.title}
        )
    return redirect(
        get_valid_next_url_from_request(request) or reverse("cordata_translation_status")
    )
