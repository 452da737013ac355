"""The search API: `/api/v2/search/?q=&locale=`, the search page's results as JSON.

`{"meta": {"total_count"}, "items": [{"type", "id", "title", "url", "locale", "date",
"snippet"}], "facets": {name: [{"value", "label", "count", "selected"}]}}`; the facet and
order parameters are the search page's (`type`, `group`, `country`, `language`, `year`, `tag`,
`all_languages`, `order`), with `offset`/`limit` for paging. Invalid parameters answer 400
`{"message"}`; an unavailable search service 503. A session or an API token
(`Authorization: Bearer`, read by `cms.api_auth` as by the other endpoints) identifies the
user, whose privacy rules then apply; too many unknown tokens from one address answer 429.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_safe

from cms.api_auth import TokenThrottled, request_token
from cms.api_http import cache_policy, error_body

from .backends import SearchUnavailable
from .forms import SearchAPIForm
from .selectors import search_items, site_search


def _message(status: int, message: str) -> JsonResponse:
    return JsonResponse(error_body(status, message, problem=False), status=status)


def _form_message(form) -> str:
    messages = []
    for name, errors in form.errors.items():
        prefix = "" if name == "__all__" else f"{name}: "
        messages.extend(f"{prefix}{error}" for error in errors)
    return " ".join(messages)


@require_safe
@cache_policy(vary_on_cookie=True)
def search(request):
    """Pages and documents matching `q` that the requester may see, with facets."""
    try:
        request_token(request)
    except TokenThrottled as throttled:
        return JsonResponse(
            error_body(429, throttled.message, problem=False),
            status=429,
            headers={"Retry-After": str(throttled.retry_after)},
        )
    form = SearchAPIForm(request.GET)
    if not form.is_valid():
        return _message(400, _form_message(form))
    data = form.cleaned_data
    language = data["locale"] or settings.LANGUAGE_CODE
    offset = data["offset"] or 0
    limit = data["limit"] or settings.CORDATA_SEARCH_API_LIMIT
    with translation.override(language):
        try:
            outcome = site_search(
                user=request.user,
                text=data["q"],
                language=language,
                all_languages=data["all_languages"],
                filters=form.filters,
                order=data["order"],
            )
        except SearchUnavailable:
            return _message(503, "Search is temporarily unavailable; try again later.")
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
