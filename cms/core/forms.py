"""Form pieces shared by the index filters."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ListingFilterForm(forms.Form):
    """Base for index filters: every filter is optional; `page` is validated here once."""

    page = forms.IntegerField(
        label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput
    )

    def __init__(self, *args, page=None, **kwargs):
        self.index_page = page
        super().__init__(*args, **kwargs)
