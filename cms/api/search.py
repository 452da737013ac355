"""The search API: `/api/v2/search/?q=&locale=`, the search page's results as JSON.

`{"meta": {"total_count"}, "items": [{"type", "id", "title", "url", "locale", "date",
"snippet"}], "facets": {name: [{"value", "label", "count", "selected"}]}}`; the facet and
order parameters are the search page's (`type`, `group`, `country`, `language`, `year`, `tag`,
`all_languages`, `order`), with `offset`/`limit` for paging. Invalid parameters answer 400
`{"message"}` saying which parameter is wrong and what it accepts (in English, whatever the
request's language: the page's form words its errors for people, this module for clients);
an unavailable search service 503. A session or an API token (`Authorization: Bearer`, read by
`cms.api.auth` as by the other endpoints) identifies the user, whose privacy rules then apply;
too many unknown tokens from one address answer 429.

The search itself (the form, the backends, the results) is the `search` app's; this module
only reads the request and words the answer for clients, like the other API endpoints.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation

from cms.api.auth import TokenThrottled, request_token
from cms.api.errors import (
    error_response,
    invalid_value,
    one_of,
    repeated_parameter,
    unknown_parameters,
)
from cms.api.http import cache_policy
from cms.knowledge.models import document_language_codes
from search.backends import SearchUnavailable
from search.forms import MAX_FACET_VALUES, MAX_QUERY_LENGTH, SearchAPIForm, ValuesField
from search.selectors import ORDERS, result_types, search_items

URL = "/api/v2/search/"
SEARCH_UNAVAILABLE = "Search is temporarily unavailable; try again later."
Q_REQUIRED = f"q is required: the words to search for, e.g. {URL}?q=turismo."


def _rules(form: SearchAPIForm) -> dict[str, str]:
    """What each parameter accepts, in words."""
    return {
        "q": f"the words to search for, at most {MAX_QUERY_LENGTH} characters",
        "locale": one_of(code for code, _name in settings.LANGUAGES),
        "all_languages": "true or false (or 1 or 0)",
        "type": one_of(result_types()),
        "group": "a thematic group's key (a UUID, as the group facet lists them)",
        "country": "a two-letter ISO 3166-1 country code, e.g. DE",
        "language": one_of(document_language_codes()),
        "year": "a year from 1900 to 2200",
        "tag": "a tag's slug (letters, digits, - and _, at most 100 characters)",
        "order": one_of(ORDERS),
        # Both are IntegerFields; the form's `fields` holds them as plain fields.
        "offset": f"a whole number from 0 to {form.fields['offset'].max_value}",  # type: ignore[attr-defined]
        "limit": f"a whole number from 1 to {form.fields['limit'].max_value}",  # type: ignore[attr-defined]
    }


def _error_message(form: SearchAPIForm, name: str, error) -> str:
    if error.code == "unknown":
        unknown = set(form.data) - set(form.fields)
        return unknown_parameters(unknown, accepted=list(form.fields), where=URL)
    if name == "q" and error.code == "required":
        return Q_REQUIRED
    if error.code == "too_many":
        return f"{name} may be given at most {MAX_FACET_VALUES} times."
    params = error.params or {}
    value = params.get("value", form.data.get(name))
    return invalid_value(name, _rules(form).get(name, "a valid value"), value)


def _form_message(form: SearchAPIForm) -> str:
    messages = [
        _error_message(form, name, error)
        for name, errors in form.errors.as_data().items()
        for error in errors
    ]
    return " ".join(dict.fromkeys(messages))


@cache_policy(vary_on_cookie=True)
def search(request):
    """Pages and documents matching `q` that the requester may see, with facets."""
    try:
        request_token(request)
    except TokenThrottled as throttled:
        return error_response(429, throttled.message, problem=False, headers=throttled.headers)
    form = SearchAPIForm(request.GET)
    for name, values in request.GET.lists():
        if (
            len(values) > 1
            and name in form.fields
            and not isinstance(form.fields[name], ValuesField)
        ):
            return error_response(400, repeated_parameter(name, len(values)), problem=False)
    if not form.is_valid():
        return error_response(400, _form_message(form), problem=False)
    data = form.cleaned_data
    language = data["locale"] or settings.LANGUAGE_CODE
    offset = data["offset"] or 0
    limit = data["limit"] or settings.CORDATA_SEARCH_API_LIMIT
    with translation.override(language):
        try:
            outcome = form.search(user=request.user, language=language)
        except SearchUnavailable:
            return error_response(503, SEARCH_UNAVAILABLE, problem=False)
        items = search_items(
            outcome.hits[offset : offset + limit],
            query=outcome.query,
            language=language,
            request=request,
            absolute=True,
        )
        body = {
            "meta": {"total_count": outcome.total},
            "items": [
                {
                    "type": item.type,
                    "id": item.id,
                    "title": item.title,
                    "url": item.url,
                    "locale": item.locale,
                    "date": item.date.isoformat() if item.date else None,
                    "snippet": str(item.snippet),
                }
                for item in items
            ],
            "facets": {
                name: [
                    {
                        "value": value.value,
                        "label": value.label,
                        "count": value.count,
                        "selected": value.selected,
                    }
                    for value in values
                ]
                for name, values in outcome.facets.items()
            },
        }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
