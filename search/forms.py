"""The search query string, validated once for the page and the API."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.knowledge.models import document_language_codes

from .selectors import ORDERS, SearchFilters, SearchOutcome, result_types, site_search

MAX_QUERY_LENGTH = 300
#: More selected values than this in one facet is not a visitor's doing.
MAX_FACET_VALUES = 20

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_SLUG = re.compile(r"^[-\w]{1,100}$")


class ValuesField(forms.Field):
    """A facet: the query string may repeat it (`?tag=a&tag=b`); each value is checked by `clean_value`."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, clean_value, **kwargs):
        super().__init__(required=False, **kwargs)
        self.clean_value = clean_value

    def to_python(self, value):
        values = [value] if isinstance(value, str) else list(value or [])
        values = [item.strip() for item in values if item and item.strip()]
        if len(values) > MAX_FACET_VALUES:
            raise ValidationError(_("Too many values selected."), code="too_many")
        return tuple(dict.fromkeys(self.clean_value(item) for item in values))


def _choice(allowed):
    def clean(value):
        if value not in allowed():
            raise ValidationError(
                _("“%(value)s” is not one of the choices."), code="invalid", params={"value": value}
            )
        return value

    return clean


def _pattern(pattern: re.Pattern, *, transform=str):
    def clean(value):
        value = transform(value)
        if not pattern.match(value):
            raise ValidationError(
                _("“%(value)s” is not a valid value."), code="invalid", params={"value": value}
            )
        return value

    return clean


def _year(value):
    if not value.isdigit() or not 1900 <= int(value) <= 2200:
        raise ValidationError(
            _("“%(value)s” is not a year."), code="invalid", params={"value": value}
        )
    return int(value)


def _printable(text: str) -> str:
    # NUL bytes and other control characters are never part of a question.
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


class SearchForm(forms.Form):
    """A free-text query, the facets to narrow by, the order; invalid input answers 400 with a message."""

    q = forms.CharField(label=_("Search for"), max_length=MAX_QUERY_LENGTH, strip=True)
    # `SearchAPIForm` replaces this field with a strict one, and removes `page`.
    all_languages: forms.Field = forms.BooleanField(
        label=_("Search in all languages"), required=False
    )
    type = ValuesField(label=_("Type"), clean_value=_choice(result_types))
    group = ValuesField(label=_("Thematic group"), clean_value=_pattern(_UUID, transform=str.lower))
    country = ValuesField(
        label=_("Partner country"), clean_value=_pattern(_COUNTRY, transform=str.upper)
    )
    language = ValuesField(label=_("Language"), clean_value=_choice(document_language_codes))
    year = ValuesField(label=_("Year"), clean_value=_year)
    tag = ValuesField(label=_("Tag"), clean_value=_pattern(_SLUG))
    order = forms.ChoiceField(
        label=_("Order"),
        choices=[("relevance", _("Relevance")), ("date", _("Date, newest first"))],
        required=False,
    )
    page: forms.Field | None = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def clean_q(self):
        query = _printable(self.cleaned_data["q"])
        if not query:
            raise ValidationError(_("Type one or more words to search for."), code="required")
        return query

    def clean_order(self):
        return self.cleaned_data.get("order") or ORDERS[0]

    @property
    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            **{name: data.get(name) or () for name in SearchFilters.__dataclass_fields__}
        )

    def search(self, *, user, language: str) -> SearchOutcome:
        """The site search this valid form asks for, by `user` reading in `language`.

        Raises `search.backends.SearchUnavailable` when the backend is down.
        """
        data = self.cleaned_data
        return site_search(
            user=user,
            text=data["q"],
            language=language,
            all_languages=data["all_languages"],
            filters=self.filters,
            order=data["order"],
        )


#: How the API spells a yes/no parameter (the page's checkbox sends "on").
BOOLEAN_VALUES = {"true": True, "1": True, "false": False, "0": False}


class SearchAPIForm(SearchForm):
    """The API's parameters: the page's, with `locale` and `offset`/`limit` instead of `page`.

    `all_languages` is strict here (`true`/`false`/`1`/`0`): a client's typo is refused, not
    read as yes. Errors keep their codes; `cms.api.search` words them for clients.
    """

    page = None
    all_languages = forms.TypedChoiceField(
        choices=[(value, value) for value in BOOLEAN_VALUES],
        coerce=BOOLEAN_VALUES.__getitem__,
        # Django takes any value; django-stubs allows only text.
        empty_value=False,  # type: ignore[arg-type]
        required=False,
    )
    locale = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
    offset = forms.IntegerField(required=False, min_value=0, max_value=100_000)
    limit = forms.IntegerField(
        required=False, min_value=1, max_value=settings.CORDATA_SEARCH_API_LIMIT_MAX
    )

    def clean(self):
        cleaned = super().clean()
        unknown = sorted(set(self.data) - set(self.fields))
        if unknown:
            raise ValidationError(
                _("Unknown parameter: %(names)s."),
                code="unknown",
                params={"names": ", ".join(unknown)},
            )
        return cleaned
