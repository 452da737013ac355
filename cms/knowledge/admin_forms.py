"""The admin's document form: Wagtail's, plus the document's title in each translation language."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from cms.core.translation import translation_language_choices

from .models import TextExtractionStatus
from .uploads import validate_document_upload


def title_field_name(language_code: str) -> str:
    return f"title_{language_code}"


class ProjectDocumentForm(BaseDocumentForm):
    """Wagtail's document form, with every new file through Cordata's upload gate, the state of
    the document's text beside the file, and one optional title field per translation language
    (stored in `title_translations`).

    Documents are shared by every locale; visitors reading in a language see the title entered
    for it, else the document's own title (`cms.core.translation.document_title`).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields and self.instance.pk:
            self.fields["file"].help_text = text_state_message(self.instance)
        saved = self.instance.title_translations or {}
        for code, name in translation_language_choices():
            self.fields[title_field_name(code)] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                help_text=_(
                    "Shown to visitors reading in %(language)s; leave empty to show the title."
                )
                % {"language": name},
                required=False,
                max_length=255,
                initial=saved.get(code, ""),
            )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # Only a newly chosen file is checked; the stored one passed when it was uploaded.
        if isinstance(upload, UploadedFile):
            validate_document_upload(upload)
        return upload

    def save(self, commit=True):
        translations = dict(self.instance.title_translations or {})
        for code, _name in translation_language_choices():
            title = self.cleaned_data.get(title_field_name(code), "").strip()
            if title:
                translations[code] = title
            else:
                translations.pop(code, None)
        self.instance.title_translations = translations
        return super().save(commit=commit)


def text_state_message(document) -> str:
    """What editors read about a document's text: read, waiting, or not readable and why."""
    state = document.get_text_status_display()
    if document.text_note:
        return f"{state}: {document.text_note_message}"
    if document.text_status == TextExtractionStatus.PENDING:
        return str(_("Text for search: waiting to be read."))
    return str(state)
