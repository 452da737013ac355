"""How the APIs (v2, v3, search) refuse a request: the one place API errors are made.

Every refusal is an `APIError` (a status and a message written for the client: which
parameter is wrong, what it accepts, how to fix it), and every error body is made by
`error_body`, so the same mistake reads alike in every API; `error_response` makes it a
response for the views outside REST framework and django-ninja. The phrases below
(`invalid_value`, `unknown_parameters`, `not_visible`) keep the wording uniform; docs/api.md
lists the messages. Unknown URLs under /api/ are JSON 404s (`api_not_found`), never the
site's HTML page.

`error_body` itself is `cms.core.errors.error_body`, imported here as the APIs' own: core
answers with the same body (the translation editor's refusals) and may not import this
package, so the shape is defined once, in core, and everything API-specific (statuses,
messages, headers, `Cache-Control: no-store`, JSON 404s) is built on it here.
"""

from collections.abc import Iterable

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve

from cms.core.errors import error_body
from cms.core.response_policy import mark_no_store

API_URLCONF = "cms.api.urls"
# For the lists' `search` parameter when the search service cannot answer (503).
SEARCH_UNAVAILABLE = "Search is temporarily unavailable; try again later, or leave out search."
# How much of a client's value a message repeats.
SHOWN_VALUE_LENGTH = 60


class APIError(Exception):
    """A request an API refuses: the HTTP status and a message written for the client.

    `errors` optionally lists one `{"parameter", "in", "message"}` per invalid parameter
    (API v3 adds it to the body); `headers` are sent with the response (`Retry-After`...).
    """

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: list[dict] | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(message)
        self.status, self.message = status, message
        self.errors, self.headers = errors, headers or {}


def error_response(
    status: int, message: str, *, problem: bool, headers: dict[str, str] | None = None
) -> JsonResponse:
    """An error as a Django response, for the views outside REST framework and django-ninja."""
    response = JsonResponse(error_body(status, message, problem=problem), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    mark_no_store(response)
    return response


def shown(value: str) -> str:
    """A client's value as a message repeats it: quoted, and shortened when long."""
    value = str(value)
    if len(value) > SHOWN_VALUE_LENGTH:
        value = f"{value[:SHOWN_VALUE_LENGTH]}… ({len(value)} characters)"
    return f"'{value}'"


def invalid_value(name: str, rule: str, value: str | None = None) -> str:
    """`limit must be an integer from 1 to 100 (got 'abc').`"""
    got = "" if value is None else f" (got {shown(value)})"
    return f"{name} must be {rule}{got}."


def one_of(values: Iterable[str]) -> str:
    """The rule for a parameter that takes one of a few values."""
    return "one of " + ", ".join(values)


def unknown_parameters(names: Iterable[str], *, accepted: Iterable[str], where: str) -> str:
    """`Unknown query parameter: fields. /api/v3/pages/ accepts type, locale, ...`"""
    names = sorted(names)
    noun = "parameter" if len(names) == 1 else "parameters"
    return f"Unknown query {noun}: {', '.join(names)}. {where} accepts {', '.join(accepted)}."


def repeated_parameter(name: str, count: int) -> str:
    """`type may be given only once (got 2 values).`"""
    return f"{name} may be given only once (got {count} values)."


def not_visible(what: str, key: str, value, *, parameter: str | None = None) -> str:
    """`No page with id 5 (it does not exist or is not visible to you).`

    Privacy: an object the requester may not see is refused exactly like a missing one.
    """
    message = f"no {what} with {key} {value} (it does not exist or is not visible to you)."
    return f"{parameter}: {message}" if parameter else message[0].upper() + message[1:]


def keep_api_404s(request) -> None:
    """Finish the request with the APIs' own URLconf, so that their 404s stay JSON 404s.

    On a 404, LocaleMiddleware redirects to the same path under a language prefix whenever
    that resolves in the request's URLconf, and under /it/ Wagtail's catch-all resolves
    everything: an API 404 would become a redirect to an HTML page.
    """
    request.urlconf = API_URLCONF


def is_v3(request) -> bool:
    """API v3 answers RFC 7807 problem bodies; v2 and search answer `{"message"}`."""
    return request.path.startswith("/api/v3/")


def api_not_found(request, path=""):
    """JSON 404 for any unknown URL under /api/ (Django's own 404 page is HTML)."""
    if not request.path.endswith("/") and request.method in ("GET", "HEAD"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "api_not_found":
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    keep_api_404s(request)
    return error_response(404, _no_route_message(request.path), problem=is_v3(request))


API_ROUTES = {
    "/api/v2/": ("pages/", "documents/", "images/", "search/"),
    "/api/v3/": ("pages/", "documents/", "images/", "whoami/", "openapi.json"),
}


def _no_route_message(path: str) -> str:
    shown_path = path if len(path) <= 200 else path[:200] + "…"
    for base, routes in API_ROUTES.items():
        if not path.startswith(base):
            continue
        for route in routes[:3]:  # the routes with objects under them
            if path.startswith(base + route) and path != base + route:
                return (
                    f"No API route at {shown_path}: {base}{route} takes an id, a whole number "
                    f"(e.g. {base}{route}8/)."
                )
        listed = ", ".join(base + route for route in routes)
        return f"No API route at {shown_path}. The routes under {base} are {listed}."
    return f"No API at {shown_path}. The APIs are /api/v2/ and /api/v3/."
