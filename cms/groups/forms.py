"""Query-string forms for the partner index."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cms.core.forms import ListingFilterForm

from .models import PartnerKind


class PartnerFilterForm(ListingFilterForm):
    """Narrows the partners by country (ISO 3166 alpha-2, any case) and kind of organisation."""

    country = forms.CharField(label=_("Country"), required=False, max_length=2, widget=forms.Select)
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", _("All kinds"))] + list(PartnerKind.choices),
    )

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, page=page, **kwargs)
        in_use: set[str] = set()
        if page is not None:
            from .selectors import partner_countries

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
