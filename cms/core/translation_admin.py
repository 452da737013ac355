"""Admin views of the translation workflow: the translation status report, its sync action,
and the ways translations get in.

Registered in `wagtail_hooks.py`. The views below take the place of wagtail-localize's own (same
URLs, listed first) so that every translation passes `translation_markup` before it is saved:

- the PO upload: wagtail-localize's answers a file without its header with a server error and
  imports a file whose strings belong elsewhere or break the page; this one checks the file
  first (`translation_po_import`) and refuses it whole;
- the editor's save of one string, and of an address that replaces the source's (a link's, a URL
  block's): refused with a 400 and its reason, nothing saved (wagtail-localize would save it);
  `static/core/translation-editor-refusals.js` shows the reason in the editor;
- machine translation, from the editor and from the "update translations" form: the translator
  is `CheckedMachineTranslator`, and its refusal is shown here instead of a server error.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, StringSegment, Translation
from wagtail_localize.views import edit_translation as localize_editor
from wagtail_localize.views.update_translations import UpdateTranslationsView

from . import languages
from .errors import error_body
from .machine_translation import MachineTranslationRefused
from .selectors import STATE_LABELS, TranslationState, translation_status
from .services import POImportError, translation_po_import, translation_sync
from .translation import translation_language_choices
from .translation_markup import TranslationRefused, address_problem, markup_problems

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def can_see_translation_status(user) -> bool:
    """Translators and moderators: whoever may start or sync translations."""
    return user.is_active and user.has_perm(SUBMIT_TRANSLATION)


class StateFilterForm(forms.Form):
    """Picks the translation language (the first one by default) and narrows to one state."""

    language = forms.ChoiceField(
        label=gettext_lazy("Language"), required=False, choices=translation_language_choices
    )
    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        required=False,
        choices=[("", gettext_lazy("All"))]
        + [(s.value, label) for s, label in STATE_LABELS.items()],
    )


class TranslationStatusReportView(WagtailAdminTemplateMixin, TemplateView):
    """Pages without a translation, out of date and up to date in one translation language,
    with counts per page type."""

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
            if "language" in form.errors:
                return HttpResponseBadRequest(_("Unknown language."))
            return HttpResponseBadRequest(_("Unknown state."))
        state = form.cleaned_data.get("state") if form.is_bound else ""
        language = form.cleaned_data.get("language") if form.is_bound else ""
        report = translation_status(language_code=language or None)
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
        context["language_label"] = languages.label(report.language_code)
        context["source_label"] = languages.label(languages.source_language())
        # With one translation language there is nothing to choose.
        context["language_choice"] = len(translation_language_choices()) > 1
        return context


def editable_translation(request, translation_id: int) -> Translation:
    """The translation `translation_id`, when `request.user` may edit its target (else 403)."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not localize_editor.user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    return translation


def show_refusal(request, refusal: TranslationRefused) -> None:
    """The refusal as admin messages: what happened, then one message per string at fault."""
    messages.error(request, str(refusal))
    for detail in refusal.details:
        messages.error(request, detail)


def _next_url(request) -> str:
    return get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")


@require_POST
def upload_pofile(request, translation_id: int):
    """Import a translated PO file into `translation`, or say clearly why it was refused."""
    translation = editable_translation(request, translation_id)
    next_url = _next_url(request)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
        return redirect(next_url)
    try:
        result = translation_po_import(
            translation=translation, content=upload.read(), user=request.user
        )
    except POImportError as error:
        show_refusal(request, error)
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


def _bad_request(message: str) -> Response:
    return Response(error_body(400, message, problem=False), status=400)


def _put_value(request) -> str | None:
    # Read into memory first, so that wagtail-localize's view can parse the same body again.
    request.body  # noqa: B018
    # wagtail-localize reads the form field, as its editor sends it.
    return request.POST.get("value")


def _segment_of(translation: Translation, model, segment_id: int):
    segment = get_object_or_404(model.objects.select_related("context"), id=segment_id)
    if segment.context.object_id != translation.source.object_id:
        raise Http404
    return segment


# The same authentication and permission as wagtail-localize's editor endpoints.
@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def edit_string_translation(request, translation_id: int, string_segment_id: int):
    """The translation editor's save of one string: refused with a 400 when the string is not
    safe markup for its source (`markup_problems`), else saved by wagtail-localize."""
    if request.method == "PUT":
        translation = editable_translation(request, translation_id)
        segment = _segment_of(translation, StringSegment, string_segment_id)
        value = _put_value(request)
        if value is None:
            return _bad_request(_("The translation is missing; nothing was saved."))
        problems = markup_problems(source=segment.string.data, translation=value)
        if problems:
            return _bad_request(
                _("This translation would break the page, so it was not saved: %(problems)s.")
                % {"problems": "; ".join(problems)}
            )
    return localize_editor.edit_string_translation(
        request._request, translation_id=translation_id, string_segment_id=string_segment_id
    )


@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def edit_override(request, translation_id: int, overridable_segment_id: int):
    """The translation editor's replacement of a source value (a link's address, a URL
    block's, an image): refused with a 400 when it is an address no page may link to
    (`address_problem`), else saved by wagtail-localize."""
    if request.method == "PUT":
        translation = editable_translation(request, translation_id)
        _segment_of(translation, OverridableSegment, overridable_segment_id)
        value = _put_value(request)
        if value is None:
            return _bad_request(_("The value is missing; nothing was saved."))
        problem = address_problem(value)
        if problem:
            return _bad_request(_("This value was not saved: %(problem)s.") % {"problem": problem})
    return localize_editor.edit_override(
        request._request,
        translation_id=translation_id,
        overridable_segment_id=overridable_segment_id,
    )


@require_POST
def machine_translate(request, translation_id: int):
    """The editor's machine translation, its refusal (`MachineTranslationRefused`) shown."""
    try:
        return localize_editor.machine_translate(request, translation_id)
    except MachineTranslationRefused as refusal:
        show_refusal(request, refusal)
        return redirect(_next_url(request))


class CheckedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "update translations" form; when its machine translation is refused,
    the whole update is rolled back and the form says why."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except MachineTranslationRefused as refusal:
            show_refusal(self.request, refusal)
            return redirect(self.request.get_full_path())


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
