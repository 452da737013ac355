"""Who is signed in, which responses are one person's, and which a cache may keep.

This module is the one owner of those rules; views, middleware, downloads, the response cache,
the APIs and templates call it and none re-implements them.

- **Signed in** means an authenticated, active account (`is_signed_in`). An inactive account
  (a revoked partner) counts as anonymous on every channel; Django's `ModelBackend` and the
  API tokens already resolve one to the anonymous user, and this rule holds wherever a user
  comes from.
- **Private**: whatever is rendered for someone signed in, and whatever only one person may
  read (a workspace, a private document, an account page), is sent with Django's never-cache
  headers (`Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private`), so
  neither a shared cache nor the browser keeps it (`mark_private`,
  `mark_private_if_signed_in`, and `never_stored` for a view's every answer).
- **Cacheable**: the server-side response cache keeps only a `GET` that identifies nobody
  (`may_cache`) answered with what every anonymous visitor receives alike (`may_store`).
  Browsers and proxies may keep what `mark_public` marks.
- `Vary` is merged, never replaced (`vary_on`): a header a view or a middleware already
  named stays.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    patch_cache_control,
    patch_vary_headers,
)

#: Cache-Control directives that forbid a shared copy.
SHARED_COPY_FORBIDDEN = frozenset({"private", "no-store", "no-cache"})
#: The directives that make a response one person's: no shared copy, and no copy at all.
ONE_PERSON = frozenset({"private", "no-store"})
#: Robots must not index what one person reads.
NOINDEX = "noindex, nofollow"


# --- Who is signed in ---------------------------------------------------------------------


def is_signed_in(user) -> bool:
    """Whether `user` counts as signed in on every channel: authenticated and active."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def request_is_signed_in(request: HttpRequest) -> bool:
    """Whether the person making `request` counts as signed in (no user yet: not signed in)."""
    return is_signed_in(getattr(request, "user", None))


# --- Reading a response's policy ------------------------------------------------------------


def cache_control_directives(response: HttpResponse) -> frozenset[str]:
    """The names of the response's `Cache-Control` directives, lower-cased (`max-age`, ...)."""
    return frozenset(
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    )


def is_private(response: HttpResponse) -> bool:
    """Whether `response` is already marked one person's (`private` and `no-store`)."""
    return ONE_PERSON <= cache_control_directives(response)


def forbids_shared_copy(response: HttpResponse) -> bool:
    """Whether `Cache-Control` keeps shared caches from storing `response` (`private`,
    `no-store` or `no-cache`)."""
    return bool(cache_control_directives(response) & SHARED_COPY_FORBIDDEN)


# --- Marking responses --------------------------------------------------------------------


def vary_on(response: HttpResponse, headers: Iterable[str]) -> HttpResponse:
    """Add `headers` to the response's `Vary`, keeping those it names (each once)."""
    patch_vary_headers(response, list(headers))
    return response


def mark_private(
    response: HttpResponse, *, vary: Sequence[str] = ("Cookie",), noindex: bool = True
) -> HttpResponse:
    """Mark `response` as for one person only: never stored, by a shared cache or the browser.

    Sets Django's never-cache headers (`Cache-Control: max-age=0, no-cache, no-store,
    must-revalidate, private` and `Expires`), adds `vary` to `Vary` and, unless `noindex` is
    false, `X-Robots-Tag: noindex, nofollow`.
    """
    add_never_cache_headers(response)
    if vary:
        vary_on(response, vary)
    if noindex:
        response["X-Robots-Tag"] = NOINDEX
    return response


def never_stored(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate a view of one person's whose every answer, its sign-in redirect included, no
    cache may keep: Django's never-cache headers, without `Vary` or the robots header (the
    answers the view marks `mark_private` keep theirs)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return mark_private(view(request, *args, **kwargs), vary=(), noindex=False)

    return wrapped


def mark_private_if_signed_in(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Mark a response rendered for someone signed in as theirs alone.

    Such a page may show their workspaces, their search results over private documents,
    their name and a form token: no shared cache, and no browser history after they sign
    out, may keep it. A response already marked `private` and `no-store` is left as it is,
    and nothing else is added (no `Vary`, no robots header).
    """
    if request_is_signed_in(request) and not is_private(response):
        mark_private(response, vary=(), noindex=False)
    return response


def mark_no_store(response: HttpResponse, *, private: bool = False) -> HttpResponse:
    """`Cache-Control: no-store` (and `private` when asked), without the other never-cache
    headers: what the APIs send with errors and with what a session or a token read."""
    if private:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, no_store=True)
    return response


def mark_public(response: HttpResponse, *, max_age: int) -> HttpResponse:
    """`Cache-Control: public, max-age=<max_age>`: any cache may keep `response` that long."""
    patch_cache_control(response, public=True, max_age=max_age)
    return response


# --- What the response cache may keep -----------------------------------------------------


def _is_excluded(path: str) -> bool:
    # `re` keeps the compiled patterns, so this costs no compilation per request.
    return any(
        re.match(pattern, path) for pattern in settings.CORDATA_RESPONSE_CACHE_EXCLUDED_PATHS
    )


def identifying_cookies() -> tuple[str, ...]:
    """Cookies whose presence means a request may be answered for someone in particular."""
    return (
        settings.SESSION_COOKIE_NAME,
        "messages",
        *settings.CORDATA_RESPONSE_CACHE_IDENTIFYING_COOKIES,
    )


def may_cache(request: HttpRequest) -> bool:
    """Whether the response cache may answer `request`, and keep its response: a GET that
    identifies nobody (no session or messages cookie, no `Authorization` header) to a path
    that is not excluded (`CORDATA_RESPONSE_CACHE_EXCLUDED_PATHS`)."""
    if request.method != "GET" or "authorization" in request.headers:
        return False
    if any(name in request.COOKIES for name in identifying_cookies()):
        return False
    return not _is_excluded(request.path_info)


def may_store(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether `response` is what every anonymous visitor would receive alike: a complete 200
    that sets no cookie, answered to nobody signed in, that `Cache-Control` lets a shared
    cache keep and that does not `Vary: *`."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request_is_signed_in(request):
        return False
    if forbids_shared_copy(response):
        return False
    return "*" not in response.get("Vary", "")
