"""Query-string forms for the press release index."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.core.forms import ListingFilterForm


class PressReleaseFilterForm(ListingFilterForm):
    """Narrows the press releases by tag (slug) and year."""

    tag = forms.SlugField(label=_("Tag"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, page=page, **kwargs)
        if page is not None:
            from .selectors import press_release_tags, press_release_years

            self.fields["tag"].widget = forms.Select(
                choices=[("", _("All tags"))]
                + [(t.slug, t.name) for t in press_release_tags(locale=page.locale)]
            )
            self.fields["year"].widget = forms.Select(
                choices=[("", _("All years"))]
                + [(y, y) for y in press_release_years(locale=page.locale)]
            )
