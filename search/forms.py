"""The search box's query-string form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    """A free-text query; control characters are dropped, overlong queries refused with a message."""

    q = forms.CharField(label=_("Search"), max_length=300, strip=True)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def clean_q(self):
        query = "".join(ch for ch in self.cleaned_data["q"] if ch.isprintable())
        if not query.strip():
            raise forms.ValidationError(_("Type one or more words to search for."))
        return query.strip()
