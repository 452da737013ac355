"""Sign-in cannot be guessed: django-axes locks a user name out from one address after
`AXES_FAILURE_LIMIT` failures, on the site's form and on the admin's, with a clear 429 page."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command

from tests.signin import ADMIN_LOGIN, sign_in

pytestmark = pytest.mark.django_db

WRONG = "not-the-password"

LOCKED = {
    "it": "Troppi tentativi di accesso non riusciti con questo nome utente dalla vostra connessione",
    "en": "Too many failed attempts to sign in with this user name from your connection",
}
SITE_LOGIN = {"it": "/it/account/login/", "en": "/en/account/login/"}


def _attempts(username: str):
    return AccessAttempt.objects.filter(username=username)


def _fail(client, username: str, times: int, *, path: str, **extra) -> list[int]:
    return [
        sign_in(client, username=username, password=WRONG, path=path, **extra).status_code
        for _ in range(times)
    ]


def _signed_in(response, client) -> bool:
    return response.status_code == 302 and "_auth_user_id" in client.session


class TestSiteSignIn:
    @pytest.mark.parametrize("language", ["it", "en"])
    def test_the_limit_locks_the_user_name_out_with_a_message_in_the_page_language(
        self, client, people, language
    ):
        path = SITE_LOGIN[language]
        limit = settings.AXES_FAILURE_LIMIT
        assert limit == 5  # the default when SIGNIN_FAILURE_LIMIT is unset
        assert _fail(client, "socia", limit - 1, path=path) == [200] * (limit - 1)

        locked = sign_in(client, username="socia", password=WRONG, path=path)
        assert locked.status_code == 429
        assert locked["Retry-After"] == str(15 * 60)
        assert "no-store" in locked["Cache-Control"]
        page = locked.content.decode()
        assert f'<html lang="{language}">' in page
        assert 'class="site-header"' in page  # the site's own layout
        assert 'name="password"' in page  # the sign-in form, to try again later
        assert LOCKED[language] in page
        assert LOCKED["en" if language == "it" else "it"] not in page

        # Even the right password is refused now, without being checked.
        again = sign_in(client, username="socia", password=people.password, path=path)
        assert again.status_code == 429
        assert "_auth_user_id" not in client.session
        assert LOCKED[language] in again.content.decode()

    def test_failures_below_the_limit_say_only_that_the_password_is_wrong(self, client, people):
        response = sign_in(client, username="socia", password=WRONG, path=SITE_LOGIN["en"])
        assert response.status_code == 200
        assert LOCKED["en"] not in response.content.decode()
        assert _attempts("socia").get().failures_since_start == 1

    def test_a_success_resets_the_count(self, client, people):
        limit = settings.AXES_FAILURE_LIMIT
        path = SITE_LOGIN["it"]
        assert _fail(client, "socia", limit - 1, path=path) == [200] * (limit - 1)
        assert _signed_in(
            sign_in(client, username="socia", password=people.password, path=path), client
        )
        assert not _attempts("socia").exists()
        client.post("/it/account/logout/")
        # A fresh allowance: as many failures again without a lockout.
        assert _fail(client, "socia", limit - 1, path=path) == [200] * (limit - 1)
        assert _signed_in(
            sign_in(client, username="socia", password=people.password, path=path), client
        )

    def test_another_user_name_or_another_address_is_not_locked(self, client, people):
        path = SITE_LOGIN["it"]
        assert _fail(client, "socia", settings.AXES_FAILURE_LIMIT, path=path)[-1] == 429
        # The same person from another address.
        elsewhere = sign_in(
            client,
            username="socia",
            password=people.password,
            path=path,
            REMOTE_ADDR="198.51.100.7",
        )
        assert _signed_in(elsewhere, client)
        client.post("/it/account/logout/")
        # Someone else from the locked address.
        assert _signed_in(
            sign_in(client, username="altra", password=people.password, path=path), client
        )

    @pytest.mark.parametrize(
        ("command", "arguments"),
        [
            ("axes_reset", []),
            ("axes_reset_username", ["socia"]),
            ("axes_reset_ip", ["127.0.0.1"]),
            ("axes_reset_ip_username", ["127.0.0.1", "socia"]),
        ],
    )
    def test_the_reset_commands_unlock(self, client, people, command, arguments):
        path = SITE_LOGIN["it"]
        assert _fail(client, "socia", settings.AXES_FAILURE_LIMIT, path=path)[-1] == 429
        call_command(command, *arguments, verbosity=0)
        assert _signed_in(
            sign_in(client, username="socia", password=people.password, path=path), client
        )

    def test_the_limit_comes_from_the_settings(self, client, people, settings):
        settings.AXES_FAILURE_LIMIT = 2
        path = SITE_LOGIN["en"]
        assert _fail(client, "socia", 2, path=path) == [200, 429]


class TestClientAddress:
    """The address counted is REMOTE_ADDR unless a trusted proxy count says otherwise."""

    def test_forwarded_for_is_ignored_without_a_trusted_proxy(self, client, people):
        path = SITE_LOGIN["it"]
        assert _fail(client, "socia", settings.AXES_FAILURE_LIMIT, path=path)[-1] == 429
        # A client writing its own header does not get out of the lockout.
        response = sign_in(
            client,
            username="socia",
            password=people.password,
            path=path,
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )
        assert response.status_code == 429

    def test_an_ipv6_client_counts_as_its_64_network(self, client, people):
        path = SITE_LOGIN["it"]
        first = {"REMOTE_ADDR": "2001:db8:5:7::1"}
        assert _fail(client, "socia", settings.AXES_FAILURE_LIMIT, path=path, **first)[-1] == 429
        assert _attempts("socia").get().ip_address == "2001:db8:5:7::"
        # Another address of the same /64 is the same client, still locked out ...
        same = {"REMOTE_ADDR": "2001:db8:5:7:ffff:1234:5678:9abc"}
        response = sign_in(client, username="socia", password=people.password, path=path, **same)
        assert response.status_code == 429
        # ... while another network is not.
        other = {"REMOTE_ADDR": "2001:db8:5:8::1"}
        response = sign_in(client, username="socia", password=people.password, path=path, **other)
        assert _signed_in(response, client)

    def test_behind_a_trusted_proxy_its_entry_is_the_client(self, client, people, settings):
        settings.CORDATA_TRUSTED_PROXY_COUNT = 1
        path = SITE_LOGIN["it"]
        from_proxy = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
        statuses = _fail(client, "socia", settings.AXES_FAILURE_LIMIT, path=path, **from_proxy)
        assert statuses[-1] == 429
        assert _attempts("socia").get().ip_address == "203.0.113.5"
        # An entry the client wrote to the left of the proxy's proves nothing.
        spoofed = {"HTTP_X_FORWARDED_FOR": "198.51.100.7, 203.0.113.5"}
        response = sign_in(client, username="socia", password=people.password, path=path, **spoofed)
        assert response.status_code == 429
        # Another client behind the same proxy is not locked out.
        other = {"HTTP_X_FORWARDED_FOR": "203.0.113.6"}
        response = sign_in(client, username="socia", password=people.password, path=path, **other)
        assert _signed_in(response, client)


class TestAdminSignIn:
    @pytest.mark.parametrize("language", ["it", "en"])
    def test_the_admin_form_locks_out_in_the_browser_language(self, client, people, language):
        accept = {"HTTP_ACCEPT_LANGUAGE": language}
        limit = settings.AXES_FAILURE_LIMIT
        assert _fail(client, "redattrice", limit - 1, path=ADMIN_LOGIN, **accept) == [200] * (
            limit - 1
        )
        locked = sign_in(client, username="redattrice", password=WRONG, path=ADMIN_LOGIN, **accept)
        assert locked.status_code == 429
        assert locked["Retry-After"] == str(15 * 60)
        page = locked.content.decode()
        assert LOCKED[language] in page
        assert 'class="login-form"' in page  # Wagtail's own sign-in page
        refused = sign_in(
            client, username="redattrice", password=people.password, path=ADMIN_LOGIN, **accept
        )
        assert refused.status_code == 429
        assert client.get("/admin/").status_code == 302  # still signed out

    def test_the_admin_and_the_site_share_the_count(self, client, people):
        limit = settings.AXES_FAILURE_LIMIT
        assert _fail(client, "redattrice", limit - 1, path=ADMIN_LOGIN) == [200] * (limit - 1)
        response = sign_in(client, username="redattrice", password=WRONG, path=SITE_LOGIN["it"])
        assert response.status_code == 429

    def test_a_success_in_the_admin_resets_the_count(self, client, people):
        limit = settings.AXES_FAILURE_LIMIT
        assert _fail(client, "redattrice", limit - 1, path=ADMIN_LOGIN) == [200] * (limit - 1)
        response = sign_in(
            client, username="redattrice", password=people.password, path=ADMIN_LOGIN
        )
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200
        assert not _attempts("redattrice").exists()

    def test_another_sign_in_form_gets_the_site_page(self, client, people):
        # Django's own admin (/django-admin/) has no form of ours: the site's page says it.
        people.editor.is_staff = True
        people.editor.save()
        path = "/django-admin/login/"
        statuses = _fail(client, "redattrice", settings.AXES_FAILURE_LIMIT, path=path)
        assert statuses[-1] == 429
        refused = sign_in(client, username="redattrice", password=people.password, path=path)
        assert refused.status_code == 429
        assert LOCKED["it"] in refused.content.decode()
        assert 'class="site-header"' in refused.content.decode()
