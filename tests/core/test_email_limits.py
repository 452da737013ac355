"""Emails cannot be used to flood anyone: password-reset links and invitations are limited per
client address and per addressee (`cms.core.throttle`, counts in django-ratelimit's cache)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from cms.groups.models import PartnerAccount
from tests.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db

# Windows of a year: no test run straddles the end of one, so no count restarts mid-test.
RATES = {
    "password_reset": {"address": "4/365d", "account": "2/365d"},
    "invitation": {"address": "3/365d", "account": "1/365d"},
}
RESET = {"it": "/it/account/password-reset/", "en": "/en/account/password-reset/"}
SENT = {"it": "/it/account/password-reset/sent/", "en": "/en/account/password-reset/sent/"}
TOO_MANY_LINKS = {
    "it": "Dalla vostra connessione sono stati chiesti troppi link.",
    "en": "Too many links have been asked for from your connection.",
}


@pytest.fixture(autouse=True)
def _rates(settings):
    settings.CORDATA_EMAIL_RATES = RATES


def _ask(client, email: str, *, language: str = "it", **extra):
    return client.post(RESET[language], {"email": email}, **extra)


class TestPasswordResetPerAccount:
    def test_past_the_limit_nothing_more_is_sent_and_the_page_is_the_same(self, client, people):
        responses = [_ask(client, "socia@example.org") for _ in range(3)]
        assert [r.status_code for r in responses] == [302, 302, 302]
        assert {r["Location"] for r in responses} == {SENT["it"]}
        assert len(mail.outbox) == 2
        assert all(message.to == ["socia@example.org"] for message in mail.outbox)

    def test_an_address_without_an_account_answers_alike(self, client, people):
        for email in ("socia@example.org", "nessuno@example.org"):
            statuses = [_ask(client, email, REMOTE_ADDR=f"198.51.100.{n}") for n in range(3)]
            assert [(r.status_code, r["Location"]) for r in statuses] == [(302, SENT["it"])] * 3
        assert len(mail.outbox) == 2  # only socia has an account

    def test_the_address_is_counted_whatever_its_case(self, client, people):
        for email in ("socia@example.org", "SOCIA@Example.org ", "Socia@example.ORG"):
            assert _ask(client, email).status_code == 302
        assert len(mail.outbox) == 2

    def test_another_account_still_gets_its_link(self, client, people):
        for _ in range(3):
            _ask(client, "socia@example.org")
        mail.outbox.clear()
        assert _ask(client, "altra@example.org").status_code == 302
        assert [message.to for message in mail.outbox] == [["altra@example.org"]]


class TestPasswordResetPerAddress:
    @pytest.mark.parametrize("language", ["it", "en"])
    def test_past_the_limit_the_address_gets_a_429_in_the_page_language(
        self, client, people, language
    ):
        emails = [f"persona{n}@example.org" for n in range(4)]
        assert [_ask(client, email, language=language).status_code for email in emails] == [302] * 4
        refused = _ask(client, "socia@example.org", language=language)
        assert refused.status_code == 429
        assert 0 < int(refused["Retry-After"]) <= 365 * 24 * 60 * 60
        page = refused.content.decode()
        assert f'<html lang="{language}">' in page
        assert 'class="site-header"' in page
        assert TOO_MANY_LINKS[language] in page
        assert 'name="email"' in page
        assert "no-store" in refused["Cache-Control"]
        assert mail.outbox == []  # socia's link was not sent

    def test_another_address_is_not_limited(self, client, people):
        for n in range(5):
            _ask(client, f"persona{n}@example.org")
        assert _ask(client, "socia@example.org").status_code == 429
        response = _ask(client, "socia@example.org", REMOTE_ADDR="198.51.100.9")
        assert response.status_code == 302
        assert [message.to for message in mail.outbox] == [["socia@example.org"]]

    def test_an_invalid_address_is_not_counted(self, client, people):
        for _ in range(6):
            assert _ask(client, "not an address").status_code == 200
        assert _ask(client, "socia@example.org").status_code == 302
        assert len(mail.outbox) == 1


TOO_MANY_INVITATIONS = {
    "it": "Dalla vostra connessione sono stati mandati troppi inviti. Riprovate più tardi.",
    "en": "Too many invitations have been sent from your connection. Try again later.",
}
ADDRESS_INVITED_TOO_OFTEN = {
    "it": "A questo indirizzo sono stati mandati troppi inviti. Riprovate più tardi.",
    "en": "This address has been sent too many invitations. Try again later.",
}


def _admin_language(user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


ADMIN_RESET = "/admin/password_reset/"


class TestAdminPasswordReset:
    """Wagtail's "Forgotten password?" page sends the same links: the same limits, one count."""

    def test_past_the_address_limit_the_admin_form_says_so_with_429(self, client, people):
        for n in range(4):
            response = client.post(ADMIN_RESET, {"email": f"persona{n}@example.org"})
            assert response.status_code == 302
        refused = client.post(
            ADMIN_RESET, {"email": "redattrice@example.org"}, HTTP_ACCEPT_LANGUAGE="en"
        )
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) > 0
        assert TOO_MANY_LINKS["en"] in refused.content.decode()
        assert "wagtailadmin/account/password_reset/form.html" in [
            template.name for template in refused.templates
        ]
        assert mail.outbox == []

    def test_the_site_and_the_admin_share_the_count_per_account(self, client, people):
        assert _ask(client, "redattrice@example.org").status_code == 302
        response = client.post(ADMIN_RESET, {"email": "redattrice@example.org"})
        assert response.status_code == 302
        third = client.post(ADMIN_RESET, {"email": "redattrice@example.org"})
        assert third.status_code == 302
        assert third["Location"] == response["Location"]  # the same "sent" page
        assert len(mail.outbox) == 2


class TestInvitations:
    @pytest.fixture
    def partner(self, site_tree):
        return PartnerPageFactory(title="Parco Tecnologico Padano", short_name="PTP")

    def _invite(self, client, partner, email, django_capture_on_commit_callbacks, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("partner_accounts:add"),
                {
                    "email": email,
                    "first_name": "Lucia",
                    "last_name": "Bianchi",
                    "partner": partner.pk,
                    "language": "it",
                },
                **extra,
            )

    def _errors(self, response, language: str) -> list[str]:
        form = response.context["form"]
        with translation.override(language):
            return [str(error) for errors in form.errors.values() for error in errors]

    @pytest.mark.parametrize("language", ["it", "en"])
    def test_past_the_address_limit_the_editor_is_told_and_nothing_is_made(
        self, client, people, partner, django_capture_on_commit_callbacks, language
    ):
        _admin_language(people.editor, language)
        client.force_login(people.editor)
        for n in range(3):
            response = self._invite(
                client, partner, f"invitata{n}@example.org", django_capture_on_commit_callbacks
            )
            assert response.status_code == 302
        assert len(mail.outbox) == 3

        refused = self._invite(
            client, partner, "invitata9@example.org", django_capture_on_commit_callbacks
        )
        assert refused.status_code == 200
        assert self._errors(refused, language) == [TOO_MANY_INVITATIONS[language]]
        assert TOO_MANY_INVITATIONS[language] in refused.content.decode()  # shown in the admin
        assert not get_user_model().objects.filter(email="invitata9@example.org").exists()
        assert PartnerAccount.objects.count() == 3
        assert len(mail.outbox) == 3

    @pytest.mark.parametrize("language", ["it", "en"])
    def test_an_address_invited_again_past_its_limit_is_refused(
        self, client, people, partner, django_capture_on_commit_callbacks, language
    ):
        _admin_language(people.editor, language)
        client.force_login(people.editor)
        first = self._invite(
            client, partner, "lucia@example.org", django_capture_on_commit_callbacks
        )
        assert first.status_code == 302
        # The account is removed and the same address invited again.
        get_user_model().objects.filter(email="lucia@example.org").delete()
        refused = self._invite(
            client, partner, "Lucia@Example.org", django_capture_on_commit_callbacks
        )
        assert refused.status_code == 200
        assert self._errors(refused, language) == [ADDRESS_INVITED_TOO_OFTEN[language]]
        assert not get_user_model().objects.filter(email__iexact="lucia@example.org").exists()
        assert len(mail.outbox) == 1

    def test_another_editor_elsewhere_may_still_invite(
        self, client, people, partner, django_capture_on_commit_callbacks
    ):
        client.force_login(people.editor)
        for n in range(4):
            self._invite(
                client, partner, f"invitata{n}@example.org", django_capture_on_commit_callbacks
            )
        assert PartnerAccount.objects.count() == 3
        response = self._invite(
            client,
            partner,
            "invitata9@example.org",
            django_capture_on_commit_callbacks,
            REMOTE_ADDR="198.51.100.9",
        )
        assert response.status_code == 302
        assert PartnerAccount.objects.filter(user__email="invitata9@example.org").exists()
