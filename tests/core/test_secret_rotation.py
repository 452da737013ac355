"""Secrets rotate without breaking partners: with the former key in SECRET_KEY_FALLBACKS,
sessions, set-password links and API tokens made under it keep working; once it is dropped,
what was not renewed in between stops working."""

import re

import pytest
from django.core import mail
from wagtail.models import APIToken

from cms.groups.services.invitations import partner_invite
from tests.factories import PartnerPageFactory
from tests.signin import signed_in

pytestmark = pytest.mark.django_db

OLD_KEY = "old-" + "Zq7vR2mXk9pL4tWc8nBj3sHd6fGy1aUe5oIr0VzQxNlMwKiEbTcYuPg"
NEW_KEY = "new-" + "Hb4nT8qLw2sXe6rVz0cJm5uKy9aDg3fPi7oNt1lQbWhZxRsEvMkYj"
LINK = re.compile(r"https?://[^/\s]+(/it/account/reset/[^\s]+/)")


def _rotate(settings, *, keep_old: bool) -> None:
    settings.SECRET_KEY = NEW_KEY
    settings.SECRET_KEY_FALLBACKS = [OLD_KEY] if keep_old else []


@pytest.fixture
def old_key(settings):
    settings.SECRET_KEY = OLD_KEY
    settings.SECRET_KEY_FALLBACKS = []


def _signed_in_client(client, people):
    assert signed_in(client, username="socia", password=people.password)
    return client


def _account_page(client):
    return client.get("/it/account/")


class TestSessions:
    def test_a_session_survives_the_rotation_and_is_renewed(
        self, client, people, old_key, settings
    ):
        _signed_in_client(client, people)
        _rotate(settings, keep_old=True)
        assert _account_page(client).status_code == 200
        # The visit re-signed the session under the new key: dropping the old one keeps it.
        _rotate(settings, keep_old=False)
        assert _account_page(client).status_code == 200

    def test_a_session_not_renewed_ends_with_the_old_key(self, client, people, old_key, settings):
        _signed_in_client(client, people)
        _rotate(settings, keep_old=False)
        response = _account_page(client)
        assert response.status_code == 302
        assert response["Location"].startswith("/it/account/login/")


def _reset_link(client) -> str:
    response = client.post("/it/account/password-reset/", {"email": "socia@example.org"})
    assert response.status_code == 302
    return LINK.search(mail.outbox[-1].body).group(1)


def _invitation_link(django_capture_on_commit_callbacks) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        partner_invite(
            email="lucia.bianchi@example.org",
            partner=PartnerPageFactory(title="Parco Tecnologico Padano"),
            base_url="http://cordata.example.org/",
        )
    return LINK.search(mail.outbox[-1].body).group(1)


def _link_is_valid(client, path: str) -> bool:
    response = client.get(path, follow=True)
    assert response.status_code == 200
    return response.context["validlink"]


class TestSetPasswordLinks:
    def test_a_reset_link_made_under_the_old_key_still_works(
        self, client, people, old_key, settings
    ):
        path = _reset_link(client)
        _rotate(settings, keep_old=True)
        response = client.get(path, follow=True)
        assert response.context["validlink"] is True
        new_password = "Zafferano-di-Lodi-2012"
        done = client.post(
            response.redirect_chain[-1][0],
            {"new_password1": new_password, "new_password2": new_password},
        )
        assert done.status_code == 302
        people.partner.refresh_from_db()
        assert people.partner.check_password(new_password)

    def test_a_reset_link_made_under_the_old_key_fails_once_it_is_dropped(
        self, client, people, old_key, settings
    ):
        path = _reset_link(client)
        _rotate(settings, keep_old=False)
        assert _link_is_valid(client, path) is False

    def test_an_invitation_link_follows_the_same_rule(
        self, client, people, old_key, settings, django_capture_on_commit_callbacks
    ):
        path = _invitation_link(django_capture_on_commit_callbacks)
        _rotate(settings, keep_old=True)
        assert _link_is_valid(client, path) is True
        _rotate(settings, keep_old=False)
        assert _link_is_valid(client, path) is False


def _whoami(client, token: str, path: str = "/api/v3/whoami/"):
    return client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}")


class TestAPITokens:
    def test_a_token_made_under_the_old_key_still_works_and_is_renewed(
        self, client, people, old_key, settings
    ):
        _token, plaintext = APIToken.create_token(user=people.partner, name="sito della socia")
        _rotate(settings, keep_old=True)
        response = _whoami(client, plaintext)
        assert response.status_code == 200
        assert response.json()["user"]["username"] == "socia"
        v2 = client.get("/api/v2/pages/", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
        assert "private" in v2["Cache-Control"]  # read as the token's user
        # Used during the rotation, it is stored under the new key: it survives the old one.
        _rotate(settings, keep_old=False)
        assert _whoami(client, plaintext).status_code == 200

    def test_a_token_unused_during_the_rotation_fails_once_the_old_key_is_dropped(
        self, client, people, old_key, settings
    ):
        _token, plaintext = APIToken.create_token(user=people.partner, name="sito della socia")
        _rotate(settings, keep_old=False)
        assert _whoami(client, plaintext).status_code == 401
        anonymous = client.get("/api/v2/pages/", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
        assert anonymous.status_code == 200
        assert "public" in anonymous["Cache-Control"]  # read as anonymous
