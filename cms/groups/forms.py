"""Forms of the groups app: the partner index filter, workspace documents, partner invitations."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.utils import parse_tags
from wagtail.models import Locale, Page

from cms.core.forms import ListingFilterForm
from cms.core.signin import LockoutAwareAuthenticationForm
from cms.core.translation import tag_name
from cms.knowledge.models import DocumentKind, document_language_choices
from cms.knowledge.uploads import megabytes, validate_document_upload

from .models import PartnerAccount, PartnerKind, PartnerPage


class PartnerFilterForm(ListingFilterForm):
    """Narrows the partners by country (ISO 3166 alpha-2, any case) and kind of organisation."""

    country = forms.CharField(label=_("Country"), required=False, max_length=2, widget=forms.Select)
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", _("All kinds"))] + list(PartnerKind.choices),
    )

    def __init__(self, *args: Any, page: Page | None = None, **kwargs: Any) -> None:
        super().__init__(*args, page=page, **kwargs)
        in_use: set[str] = set()
        if page is not None:
            from .selectors.partners import partner_countries

            in_use = set(partner_countries(locale=page.locale))
        # The menu offers the countries in use; any valid code is accepted (no match is an answer).
        self.fields["country"].widget.choices = [("", _("All countries"))] + [
            (code, name) for code, name in countries if code in in_use
        ]

    def clean_country(self):
        code = self.cleaned_data["country"].strip().upper()
        if code and code not in countries:
            raise forms.ValidationError(
                _("“%(code)s” is not an ISO 3166 country code."), params={"code": code}
            )
        return code


# --- Workspaces -----------------------------------------------------------------------------


def _document_kind_choices(empty: str):
    return [("", empty), *DocumentKind.choices]


def _document_language_choices(empty: str):
    return [("", empty), *document_language_choices()]


class WorkspaceDocumentFilterForm(ListingFilterForm):
    """Narrows a workspace's documents by kind, language, tag (slug) and year added."""

    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=())
    language = forms.ChoiceField(label=_("Language"), required=False, choices=())
    tag = forms.SlugField(label=_("Tag"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)

    def __init__(self, *args, page=None, user=None, **kwargs):
        super().__init__(*args, page=page, **kwargs)
        self.fields["kind"].choices = _document_kind_choices(_("All kinds"))
        self.fields["language"].choices = _document_language_choices(_("All languages"))
        if page is not None:
            from .selectors.workspace_documents import (
                workspace_document_tags,
                workspace_document_years,
            )

            language = page.locale.language_code
            tags = workspace_document_tags(workspace=page, user=user)
            years = workspace_document_years(workspace=page, user=user)
            self.fields["tag"].widget = forms.Select(
                choices=[("", _("All tags"))] + [(t.slug, tag_name(t, language)) for t in tags]
            )
            self.fields["year"].widget = forms.Select(
                choices=[("", _("All years"))] + [(y, y) for y in years]
            )


def _parse_tag_string(value: str) -> list[str]:
    tags = parse_tags(value or "")
    if len(tags) > 10:
        raise forms.ValidationError(_("Give at most 10 tags."), code="too_many_tags")
    if any(len(tag) > 100 for tag in tags):
        raise forms.ValidationError(_("A tag may have at most 100 characters."), code="long_tag")
    return tags


class WorkspaceDocumentMetadataForm(forms.Form):
    """What a member says about a document: title, description, language, kind and tags."""

    title = forms.CharField(label=_("Title"), max_length=255)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=())
    kind = forms.ChoiceField(label=_("Kind"), choices=())
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=1000,
        help_text=_("Separate tags with commas."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = document_language_choices()
        self.fields["kind"].choices = DocumentKind.choices

    def clean_tags(self) -> list[str]:
        return _parse_tag_string(self.cleaned_data["tags"])


class WorkspaceDocumentUploadForm(WorkspaceDocumentMetadataForm):
    """A new document for a workspace: the file (checked before anything is stored) and its
    metadata; the title defaults to the file name."""

    file = forms.FileField(
        label=_("File"),
        allow_empty_file=True,  # an empty file gets the workspace's own message
        error_messages={"required": _("Choose a file to upload.")},
    )
    field_order = ["file", "title", "description", "language", "kind", "tags"]

    def __init__(self, *args, **kwargs):
        # The workspace page shows this form next to the filter form, which has fields of the
        # same names: ids of its own keep each label tied to its own control.
        kwargs.setdefault("auto_id", "id_upload_%s")
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["file"].help_text = _(
            "PDF, DOCX, ODT, XLSX, PPTX or TXT, up to %(limit)s MB."
        ) % {"limit": megabytes(settings.CORDATA_UPLOAD_MAX_BYTES)}
        self.fields["file"].widget.attrs["accept"] = ",".join(
            f".{extension}" for extension in settings.WAGTAILDOCS_EXTENSIONS
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_document_upload(upload)
        return upload


# --- Partner invitations (admin) --------------------------------------------------------------


def _source_partners():
    # Accounts point at the source-language partner, which owns the group memberships.
    return PartnerPage.objects.filter(locale=Locale.get_default()).order_by("title")


class PartnerAccountForm(forms.ModelForm):
    """Moves an existing account to another partner (and so to that partner's groups)."""

    class Meta:
        model = PartnerAccount
        fields = ["partner"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = _source_partners()


class PartnerInviteForm(forms.ModelForm):
    """An editor's invitation: who the person is and which partner they work for."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=(),
        help_text=_("The email and the set-password page use this language."),
    )

    class Meta:
        model = PartnerAccount
        fields = ["email", "first_name", "last_name", "partner", "language"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = list(settings.LANGUAGES)
        self.fields["language"].initial = settings.LANGUAGE_CODE
        self.fields["partner"].queryset = _source_partners()

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this address already exists."))
        return email


# --- Partners' sign-in ------------------------------------------------------------------------


class PartnerAuthenticationForm(LockoutAwareAuthenticationForm):
    """Django's sign-in form; invited partners' user names are their email addresses."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Email address or user name")


class PartnerPasswordResetForm(PasswordResetForm):
    """Django's reset form, which also reaches invited partners who never chose a password
    (Django skips accounts without a usable password; an invitation creates exactly those)."""

    def get_users(self, email):
        yield from super().get_users(email)
        invited = get_user_model().objects.filter(
            email__iexact=email, is_active=True, partner_account__isnull=False
        )
        for user in invited:
            if not user.has_usable_password():
                yield user
