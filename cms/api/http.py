"""HTTP behaviour shared by the APIs (v2, v3, search): methods, caching, conditional requests.

Anonymous reads are public and cacheable for `CORDATA_API_CACHE_MAX_AGE` seconds, carry an
ETag and answer `If-None-Match` with 304. Anything read with a session or a token depends on
who asked, so it is `private, no-store`; who counts as signed in, and how each header is
written, is `cms.core.response_policy`. The APIs only read: other methods are refused (405,
OPTIONS 204) before any view runs, as are parameters carrying NUL characters (400); the
refusals are made by `cms.api.errors`.
"""

from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.views.decorators.csrf import csrf_exempt

from cms.api.errors import error_response, is_v3, keep_api_404s
from cms.core.response_policy import mark_no_store, mark_public, request_is_signed_in, vary_on

# The APIs only read: other methods are refused before any view runs.
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def apply_cache_policy(request, response, *, vary_on_cookie: bool):
    if request.method not in ("GET", "HEAD"):
        return response
    # The policy needs the final body (for the ETag), so REST framework responses render now.
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    vary_on(response, ("Authorization", "Cookie") if vary_on_cookie else ("Authorization",))
    if request_is_signed_in(request):
        return mark_no_store(response, private=True)
    if response.status_code != 200:
        return mark_no_store(response)
    mark_public(response, max_age=settings.CORDATA_API_CACHE_MAX_AGE)
    if not response.has_header("ETag"):
        set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def _nul_parameter(request) -> str | None:
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return key
    return None


def _nul_message(name: str) -> str:
    readable = name.replace("\x00", "")
    where = f"Parameter {readable}" if readable and readable == name else "A parameter name"
    return (
        f"{where} contains a NUL (0x00) character; remove it "
        "(query parameters may not contain NUL characters)."
    )


def _refuse_method(request) -> HttpResponse:
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
    else:
        response = error_response(
            405,
            f"{request.method} is not allowed: the API is read-only; use GET or HEAD.",
            problem=is_v3(request),
        )
    response["Allow"] = ", ".join(READ_METHODS)
    return response


def cache_policy(*, vary_on_cookie: bool):
    """Decorate an API view with the caching policy (`vary_on_cookie` where sessions count).

    The view sees only GET (HEAD runs as GET) with parameters free of NUL characters: other
    methods answer 405 (OPTIONS 204) with `Allow`, NUL characters 400.
    """

    def decorator(view):
        # The APIs change nothing, and refuse every unsafe method themselves: Django's CSRF
        # page (HTML, 403) would only hide the JSON 405 from clients.
        @csrf_exempt
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            # HEAD is a GET whose body the server drops; django-ninja routes only know GET.
            head = request.method == "HEAD"
            if head:
                request.method = "GET"
            try:
                if request.method not in ("GET", "HEAD"):
                    response = _refuse_method(request)
                elif (name := _nul_parameter(request)) is not None:
                    # No database stores NUL in text (PostgreSQL refuses it outright).
                    response = error_response(400, _nul_message(name), problem=is_v3(request))
                else:
                    response = view(request, *args, **kwargs)
            finally:
                if head:
                    request.method = "HEAD"
            keep_api_404s(request)
            return apply_cache_policy(request, response, vary_on_cookie=vary_on_cookie)

        return wrapped

    return decorator
