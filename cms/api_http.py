"""HTTP behaviour shared by both API versions: caching, conditional requests, JSON 404s.

Anonymous reads are public and cacheable for `CORDATA_API_CACHE_MAX_AGE` seconds, carry an
ETag and answer `If-None-Match` with 304. Anything read with a session or a token depends on
who asked, so it is `private, no-store`.
"""

from functools import wraps
from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

API_URLCONF = "cms.api_urls"
# Database ids are 64-bit: a larger number names nothing (and would overflow SQLite), and no
# client pages a billion items deep. Both versions refuse such values as bad parameters.
MAX_ID = 2**63 - 1
MAX_OFFSET = 10**9


def apply_cache_policy(request, response, *, vary_on_cookie: bool):
    if request.method not in ("GET", "HEAD"):
        return response
    # The policy needs the final body (for the ETag), so REST framework responses render now.
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    patch_vary_headers(
        response, ("Authorization", "Cookie") if vary_on_cookie else ("Authorization",)
    )
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        patch_cache_control(response, private=True, no_store=True)
        return response
    if response.status_code != 200:
        patch_cache_control(response, no_store=True)
        return response
    patch_cache_control(response, public=True, max_age=settings.CORDATA_API_CACHE_MAX_AGE)
    if not response.has_header("ETag"):
        set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def keep_api_404s(request) -> None:
    """Finish the request with the APIs' own URLconf, so that their 404s stay JSON 404s.

    On a 404, LocaleMiddleware redirects to the same path under a language prefix whenever
    that resolves in the request's URLconf, and under /it/ Wagtail's catch-all resolves
    everything: an API 404 would become a redirect to an HTML page.
    """
    request.urlconf = API_URLCONF


def _has_nul_byte(request) -> bool:
    return any("\x00" in key or "\x00" in value for key, value in request.GET.items())


def cache_policy(*, vary_on_cookie: bool):
    """Decorate an API view with the caching policy (`vary_on_cookie` where sessions count)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            # HEAD is a GET whose body the server drops; django-ninja routes only know GET.
            head = request.method == "HEAD"
            if head:
                request.method = "GET"
            try:
                if _has_nul_byte(request):
                    # No database stores NUL in text (PostgreSQL refuses it outright).
                    response = JsonResponse(
                        error_body(
                            400,
                            "Query parameters may not contain NUL (0x00) characters.",
                            problem=request.path.startswith("/api/v3/"),
                        ),
                        status=400,
                    )
                else:
                    response = view(request, *args, **kwargs)
            finally:
                if head:
                    request.method = "HEAD"
            keep_api_404s(request)
            return apply_cache_policy(request, response, vary_on_cookie=vary_on_cookie)

        return wrapped

    return decorator


def error_body(status: int, message: str, *, problem: bool) -> dict:
    """An error document: `{"message"}`, plus RFC 7807 members for API v3."""
    body: dict = {"message": message}
    if problem:
        body.update(
            type="about:blank", title=HTTPStatus(status).phrase, status=status, detail=message
        )
    return body


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
    response = JsonResponse(
        error_body(404, "not found", problem=request.path.startswith("/api/v3/")), status=404
    )
    patch_cache_control(response, no_store=True)
    return response
