"""How Cordata refuses what someone may not see, with one answer for "private" and "missing".

Someone who is not signed in is sent to the site's sign-in page, and back to the same address
afterwards; someone signed in gets the not-found page. The answer is the same whether the
thing exists and is private or does not exist at all, so an address or an id never tells which.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import resolve_url

from .response_policy import is_signed_in, mark_private


def sign_in_url() -> str:
    """The site's sign-in page in the active language."""
    return resolve_url(getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", settings.LOGIN_URL))


def sign_in_redirect(request) -> HttpResponse:
    """To the sign-in page with `next` set to this request's address; never stored."""
    return mark_private(redirect_to_login(request.get_full_path(), sign_in_url()))


def refuse(request) -> HttpResponse:
    """The answer for something `request.user` may not see, or that does not exist."""
    if is_signed_in(request.user):
        raise Http404
    return sign_in_redirect(request)
