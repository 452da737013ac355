"""The defences against guessing as people meet them, on the site and in the admin.

- Sign-in: django-axes refuses a user name from an address after `AXES_FAILURE_LIMIT` failures
  for `AXES_COOLOFF_TIME` (see `cms/settings/security.py`). The sign-in forms then carry one
  error saying so, in the request's language, and the page they render is answered with 429
  and `Retry-After` instead of the usual 200.
- Password reset: links are limited per client address and per address asked for
  (`cms.core.throttle`); the site's form and the admin's share the counts.
"""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.account import PasswordResetView as WagtailPasswordResetView

from cms.core.response_policy import mark_private
from cms.core.throttle import EmailAction, Scope, email_limit

LOCKED_OUT = "locked_out"


def cooloff_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def lockout_message() -> str:
    minutes = max(cooloff_seconds() // 60, 1)
    return ngettext(
        "Too many failed attempts to sign in with this user name from your connection. "
        "Try again in %(minutes)s minute, or ask the project staff to unlock the account.",
        "Too many failed attempts to sign in with this user name from your connection. "
        "Try again in %(minutes)s minutes, or ask the project staff to unlock the account.",
        minutes,
    ) % {"minutes": minutes}


class LockoutAwareAuthenticationForm(AuthenticationForm):
    """A sign-in form whose error says so when the attempt was refused for a lockout."""

    def get_invalid_login_error(self):
        # django-axes marks the request when this failure reached the limit, or when it came
        # during a lockout (then the password was not even checked).
        if getattr(self.request, "axes_locked_out", False):
            return ValidationError(lockout_message(), code=LOCKED_OUT)
        return super().get_invalid_login_error()


class AdminLoginForm(LockoutAwareAuthenticationForm, LoginForm):
    """Wagtail's admin sign-in form (`WAGTAILADMIN_USER_LOGIN_FORM`), telling of lockouts."""


def _shows_lockout(response: HttpResponse | None) -> bool:
    context = getattr(response, "context_data", None) or {}
    form = context.get("form")
    return isinstance(form, AuthenticationForm) and form.has_error(NON_FIELD_ERRORS, LOCKED_OUT)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The answer to a locked-out sign-in (`AXES_LOCKOUT_CALLABLE`).

    The site's and the admin's sign-in pages already show the form with the lockout message:
    they are kept, with status 429. Any other sign-in (Django's own admin) gets a page of the
    site saying the same.
    """
    if original_response is not None and _shows_lockout(original_response):
        response = original_response
    else:
        response = TemplateResponse(
            request, "registration/locked_out.html", {"message": lockout_message()}
        ).render()
        mark_private(response)
    response.status_code = settings.AXES_HTTP_RESPONSE_CODE
    response["Retry-After"] = str(cooloff_seconds())
    return response


class ResetLinksLimitedMixin:
    """A password-reset view whose links are limited per client address and per address.

    Past the address's limit the form says so, with 429 and `Retry-After`, and nothing is sent.
    Past the limit of the address asked for, nothing is sent either, but the answer is the
    usual "sent" page: whether the address has an account stays unsaid.
    """

    def form_valid(self, form):
        limited = email_limit(
            request=self.request,
            action=EmailAction.PASSWORD_RESET,
            recipient=form.cleaned_data["email"],
        )
        if limited is None:
            return super().form_valid(form)
        if limited.scope is Scope.ACCOUNT:
            return HttpResponseRedirect(self.get_success_url())
        form.add_error(
            None,
            gettext(
                "Too many links have been asked for from your connection. "
                "Wait a while before asking again."
            ),
        )
        response = self.form_invalid(form)
        response.status_code = 429
        response["Retry-After"] = str(limited.retry_after)
        return response


class AdminPasswordResetView(ResetLinksLimitedMixin, WagtailPasswordResetView):
    """Wagtail's "Forgotten password?" page (`/admin/password_reset/`), its links limited."""
