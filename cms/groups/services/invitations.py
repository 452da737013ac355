"""Writes for partner accounts: inviting a partner's person, who then chooses a password from
the emailed link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from ..models import PartnerAccount, PartnerPage
from ..selectors.partners import partner_groups
from ..selectors.workspaces import source_version
from .membership import membership_add

if TYPE_CHECKING:
    # The model AUTH_USER_MODEL names, as django-stubs resolves `get_user_model()`.
    from django.contrib.auth.models import User as AuthUser

User = get_user_model()


def _free_username(email: str) -> str:
    base = email.strip().lower()[:140]
    name, number = base, 2
    while User.objects.filter(username=name).exists():
        name, number = f"{base}-{number}", number + 1
    return name


def invitation_link(*, user: AuthUser, language: str, base_url: str) -> str:
    """The set-password page for `user`, in `language`, as an absolute URL."""
    with translation.override(language):
        path = reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    return base_url.rstrip("/") + path


def _invitation_send(*, user_pk: int, partner_title: str, language: str, base_url: str) -> None:
    user = User.objects.get(pk=user_pk)
    context = {
        "user": user,
        "partner": partner_title,
        "link": invitation_link(user=user, language=language, base_url=base_url),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "login_url": base_url.rstrip("/") + _login_path(language),
    }
    with translation.override(language):
        subject = render_to_string("groups/emails/partner_invitation_subject.txt", context)
        body = render_to_string("groups/emails/partner_invitation.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def _login_path(language: str) -> str:
    with translation.override(language):
        return reverse("account_login")


@transaction.atomic
def partner_invite(
    *,
    email: str,
    partner: PartnerPage,
    first_name: str = "",
    last_name: str = "",
    language: str = "",
    invited_by: AuthUser | None = None,
    base_url: str = "",
) -> PartnerAccount:
    """Create a partner's account and email them a link to choose their password.

    The account has no usable password until then. It joins the members group of every
    thematic group the partner belongs to. The email leaves once the transaction commits.
    """
    email = email.strip()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            _("An account with the address %(email)s already exists.") % {"email": email}
        )
    partner = source_version(partner)
    user = User(
        username=_free_username(email),
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        is_active=True,
    )
    user.set_unusable_password()
    user.save()
    account = PartnerAccount.objects.create(user=user, partner=partner, invited_by=invited_by)
    for group in partner_groups(partner=partner):
        membership_add(partner_user=user, group=group)
    language = language or settings.LANGUAGE_CODE
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    transaction.on_commit(
        lambda: _invitation_send(
            user_pk=user.pk, partner_title=partner.title, language=language, base_url=base_url
        )
    )
    return account
