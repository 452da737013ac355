"""Partners' sign-in pages under /<lang>/account/: Django's authentication views in the site's
look and language, and the account page listing the workspaces a person may enter.

None of these pages is ever cached: they show or handle one person's credentials.
"""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.urls import path, reverse_lazy
from django.utils.translation import get_language
from wagtail.models import Locale

from cms.core.response_policy import mark_private, never_stored
from cms.core.signin import ResetLinksLimitedMixin

from .forms import PartnerAuthenticationForm, PartnerPasswordResetForm
from .models import PartnerAccount
from .selectors.workspaces import workspace_list


class _Private:
    """Every response of the view is private and never stored."""

    def dispatch(self, request, *args, **kwargs):
        return mark_private(super().dispatch(request, *args, **kwargs))


class LoginView(_Private, auth_views.LoginView):
    """Sign in; afterwards the `next` page (checked to be on this site) or the account page."""

    template_name = "registration/login.html"
    authentication_form = PartnerAuthenticationForm


class LogoutView(_Private, auth_views.LogoutView):
    """Sign out (POST only, as in Django), then a page saying so."""

    template_name = "registration/logged_out.html"


class PasswordResetView(_Private, ResetLinksLimitedMixin, auth_views.PasswordResetView):
    """Ask for a link to choose a new password, sent to the account's address (links are
    limited per client address and per address asked for, see the mixin)."""

    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    form_class = PartnerPasswordResetForm
    success_url = reverse_lazy("password_reset_done")


class PasswordResetDoneView(_Private, auth_views.PasswordResetDoneView):
    """The link is on its way (said whether or not the address has an account)."""

    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(_Private, auth_views.PasswordResetConfirmView):
    """Choose a password from an emailed link (a reset or an invitation)."""

    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(_Private, auth_views.PasswordResetCompleteView):
    """The password is set; sign in."""

    template_name = "registration/password_reset_complete.html"


# Outside `login_required`: a visitor's redirect to the sign-in page is never stored either.
@never_stored
@login_required(login_url="account_login")
def account_home(request):
    """Who is signed in, for which partner, and the workspaces they may enter."""
    locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    account = PartnerAccount.objects.filter(user=request.user).select_related("partner").first()
    context = {
        "account": account,
        "workspaces": workspace_list(user=request.user, locale=locale),
    }
    return mark_private(TemplateResponse(request, "registration/account.html", context))


urlpatterns = [
    path("", account_home, name="account_home"),
    path("login/", LoginView.as_view(), name="account_login"),
    path("logout/", LogoutView.as_view(), name="account_logout"),
    path("password-reset/", PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("reset/done/", PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
