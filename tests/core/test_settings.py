"""Configuration from the environment: the typed readers and the production settings module."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import signing
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import env_bool, env_int, env_list, env_rate, env_str, require_secret_key

REPO_ROOT = Path(__file__).resolve().parents[2]

# A fixed key of the shape `secrets.token_urlsafe(48)` gives: 64 varied characters.
PRODUCTION_SECRET_KEY = "Zq7vR2mXk9pL4tWc8nBj3sHd6fGy1aUe5oIr0VzQxNlMwKiEbTcYuPgShJdFhAoX"

# Settings the production module reads; the test environment must not leak any of them.
CONFIG_VARIABLES = (
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "DEBUG",
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "ALLOWED_HOSTS",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECRET_KEY_FALLBACKS",
    "TRUSTED_PROXY_COUNT",
    "SIGNIN_FAILURE_LIMIT",
    "SIGNIN_COOLOFF_MINUTES",
    "PASSWORD_RESET_RATE_PER_ADDRESS",
    "PASSWORD_RESET_RATE_PER_ACCOUNT",
    "INVITATION_RATE_PER_ADDRESS",
    "INVITATION_RATE_PER_ACCOUNT",
    "API_TOKEN_FAILURE_RATE",
    "CORDATA_LANGUAGES",
)


class TestEnvBool:
    """Booleans are spelled one of a few ways; anything else stops the start-up."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("1", True),
            ("true", True),
            ("True", True),
            ("YES", True),
            ("on", True),
            (" yes ", True),
            ("0", False),
            ("false", False),
            ("FALSE", False),
            ("no", False),
            ("off", False),
        ],
    )
    def test_accepted_spellings(self, monkeypatch, raw, expected):
        monkeypatch.setenv("CORDATA_FLAG", raw)
        assert env_bool("CORDATA_FLAG", not expected) is expected

    @pytest.mark.parametrize("raw", ["2", "maybe", "y", "n", "tru", "enabled", "-1"])
    def test_other_values_are_refused(self, monkeypatch, raw):
        monkeypatch.setenv("CORDATA_FLAG", raw)
        with pytest.raises(ImproperlyConfigured, match="CORDATA_FLAG must be a boolean"):
            env_bool("CORDATA_FLAG", False)

    @pytest.mark.parametrize("default", [True, False])
    def test_unset_gives_the_default(self, monkeypatch, default):
        monkeypatch.delenv("CORDATA_FLAG", raising=False)
        assert env_bool("CORDATA_FLAG", default) is default


class TestEnvInt:
    """Integers parse strictly; an empty value means the default."""

    def test_integer(self, monkeypatch):
        monkeypatch.setenv("CORDATA_NUMBER", "600")
        assert env_int("CORDATA_NUMBER", 0) == 600

    def test_negative_and_padded(self, monkeypatch):
        monkeypatch.setenv("CORDATA_NUMBER", " -5 ")
        assert env_int("CORDATA_NUMBER", 0) == -5

    @pytest.mark.parametrize("raw", [None, "", "  "])
    def test_unset_or_empty_gives_the_default(self, monkeypatch, raw):
        if raw is None:
            monkeypatch.delenv("CORDATA_NUMBER", raising=False)
        else:
            monkeypatch.setenv("CORDATA_NUMBER", raw)
        assert env_int("CORDATA_NUMBER", 42) == 42

    @pytest.mark.parametrize("raw", ["abc", "4.2", "1e3", "10s"])
    def test_non_integers_are_refused(self, monkeypatch, raw):
        monkeypatch.setenv("CORDATA_NUMBER", raw)
        with pytest.raises(ImproperlyConfigured, match="CORDATA_NUMBER must be an integer"):
            env_int("CORDATA_NUMBER", 0)

    def test_a_minimum_is_enforced(self, monkeypatch):
        monkeypatch.setenv("CORDATA_NUMBER", "0")
        with pytest.raises(ImproperlyConfigured, match="CORDATA_NUMBER must be at least 1"):
            env_int("CORDATA_NUMBER", 5, minimum=1)
        monkeypatch.setenv("CORDATA_NUMBER", "1")
        assert env_int("CORDATA_NUMBER", 5, minimum=1) == 1


class TestEnvRate:
    """Rates as django-ratelimit reads them: a count per (a number of) s, m, h or d."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [("5/m", "5/m"), (" 10/15m ", "10/15m"), ("3/H", "3/h"), ("20/d", "20/d"), ("0/h", "0/h")],
    )
    def test_accepted(self, monkeypatch, raw, expected):
        monkeypatch.setenv("CORDATA_RATE", raw)
        assert env_rate("CORDATA_RATE", "1/s") == expected

    @pytest.mark.parametrize("raw", ["5", "five/m", "5/w", "5/0m", "-1/h", "5/m/h", "5 /m"])
    def test_others_are_refused(self, monkeypatch, raw):
        monkeypatch.setenv("CORDATA_RATE", raw)
        with pytest.raises(ImproperlyConfigured, match="CORDATA_RATE must be a rate"):
            env_rate("CORDATA_RATE", "1/s")

    @pytest.mark.parametrize("raw", [None, "", " "])
    def test_unset_or_empty_gives_the_default(self, monkeypatch, raw):
        if raw is None:
            monkeypatch.delenv("CORDATA_RATE", raising=False)
        else:
            monkeypatch.setenv("CORDATA_RATE", raw)
        assert env_rate("CORDATA_RATE", "3/h") == "3/h"


class TestEnvList:
    """Comma-separated lists, blanks dropped."""

    def test_items_are_stripped_and_blanks_dropped(self, monkeypatch):
        monkeypatch.setenv("CORDATA_HOSTS", " example.org, www.example.org,, ")
        assert env_list("CORDATA_HOSTS", []) == ["example.org", "www.example.org"]

    def test_empty_value_is_an_empty_list(self, monkeypatch):
        monkeypatch.setenv("CORDATA_HOSTS", "")
        assert env_list("CORDATA_HOSTS", ["localhost"]) == []

    def test_unset_gives_a_copy_of_the_default(self, monkeypatch):
        monkeypatch.delenv("CORDATA_HOSTS", raising=False)
        default = ["localhost"]
        value = env_list("CORDATA_HOSTS", default)
        assert value == ["localhost"]
        value.append("example.org")
        assert default == ["localhost"]

    def test_env_str_default(self, monkeypatch):
        monkeypatch.delenv("CORDATA_NAME", raising=False)
        assert env_str("CORDATA_NAME", "Cordata") == "Cordata"
        monkeypatch.setenv("CORDATA_NAME", "Clusters Cord")
        assert env_str("CORDATA_NAME", "Cordata") == "Clusters Cord"


class TestRequireSecretKey:
    """Without DEBUG a real secret is required; with DEBUG anything goes."""

    def test_long_key_passes(self):
        assert require_secret_key(secret_key=PRODUCTION_SECRET_KEY, debug=False) == (
            PRODUCTION_SECRET_KEY
        )

    @pytest.mark.parametrize("key", ["", "short", "x" * 49])
    def test_missing_or_short_key_is_refused_without_debug(self, key):
        with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
            require_secret_key(secret_key=key, debug=False)

    def test_debug_allows_any_key(self):
        assert require_secret_key(secret_key="", debug=True) == ""


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    """Runs Python in the repository with only the given configuration in the environment."""
    clean = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    clean.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO_ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _production_env(tmp_path, **overrides: str) -> dict[str, str]:
    env = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": PRODUCTION_SECRET_KEY,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "ALLOWED_HOSTS": "example.org",
        "TASK_BACKEND": "database",
    }
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


_PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "DATABASES": settings.DATABASES,
    "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
    "SECRET_KEY_FALLBACKS": settings.SECRET_KEY_FALLBACKS,
    "MIDDLEWARE": settings.MIDDLEWARE,
    "AUTHENTICATION_BACKENDS": settings.AUTHENTICATION_BACKENDS,
    "AXES_FAILURE_LIMIT": settings.AXES_FAILURE_LIMIT,
    "AXES_COOLOFF_SECONDS": settings.AXES_COOLOFF_TIME.total_seconds(),
    "AXES_LOCKOUT_PARAMETERS": settings.AXES_LOCKOUT_PARAMETERS,
    "AXES_RESET_ON_SUCCESS": settings.AXES_RESET_ON_SUCCESS,
    "CORDATA_TRUSTED_PROXY_COUNT": settings.CORDATA_TRUSTED_PROXY_COUNT,
    "CORDATA_EMAIL_RATES": settings.CORDATA_EMAIL_RATES,
    "CORDATA_API_TOKEN_FAILURE_RATE": settings.CORDATA_API_TOKEN_FAILURE_RATE,
}, default=str))
"""


def _production_settings(tmp_path, **overrides: str) -> dict:
    result = _run(["-c", _PRINT_SETTINGS], **_production_env(tmp_path, **overrides))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class TestProductionSettings:
    """The production module as a deployment starts it: a fresh interpreter per configuration."""

    def test_deploy_check_passes_without_warnings(self, tmp_path):
        result = _run(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            **_production_env(tmp_path),
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "WARNING" not in result.stdout + result.stderr
        assert "no issues" in result.stdout

    def test_deploy_check_warns_when_tasks_run_inside_requests(self, tmp_path):
        result = _run(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            **_production_env(tmp_path, TASK_BACKEND="immediate"),
        )
        assert result.returncode != 0
        assert "cordata.W001" in result.stdout + result.stderr
        assert "TASK_BACKEND=database" in result.stdout + result.stderr

    def test_an_unknown_task_backend_stops_with_a_clear_message(self, tmp_path):
        result = _run(["manage.py", "check"], **_production_env(tmp_path, TASK_BACKEND="celery"))
        assert result.returncode != 0
        assert "TASK_BACKEND must be one of immediate, database" in result.stderr

    def test_missing_secret_key_stops_with_a_clear_message(self, tmp_path):
        result = _run(["manage.py", "check"], **_production_env(tmp_path, SECRET_KEY=None))
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr
        assert "SECRET_KEY must be set to at least 50 random characters" in result.stderr

    def test_short_secret_key_is_refused(self, tmp_path):
        result = _run(["manage.py", "check"], **_production_env(tmp_path, SECRET_KEY="s3cret"))
        assert result.returncode != 0
        assert "SECRET_KEY must be set" in result.stderr

    def test_malformed_boolean_stops_with_a_clear_message(self, tmp_path):
        result = _run(["manage.py", "check"], **_production_env(tmp_path, DEBUG="maybe"))
        assert result.returncode != 0
        assert "DEBUG must be a boolean" in result.stderr

    def test_environment_is_honoured(self, tmp_path):
        media = tmp_path / "media"
        values = _production_settings(
            tmp_path,
            DATABASE_URL="postgres://u:p@h:5432/db",
            ALLOWED_HOSTS="example.org, www.example.org",
            MEDIA_ROOT=str(media),
        )
        database = values["DATABASES"]["default"]
        assert database["ENGINE"] == "django.db.backends.postgresql"
        assert (database["NAME"], database["USER"], database["PASSWORD"]) == ("db", "u", "p")
        assert (database["HOST"], int(database["PORT"])) == ("h", 5432)
        assert values["DEBUG"] is False
        assert values["ALLOWED_HOSTS"] == ["example.org", "www.example.org"]
        assert values["MEDIA_ROOT"] == str(media)
        assert values["SECURE_SSL_REDIRECT"] is True
        assert values["SESSION_COOKIE_SECURE"] is True
        assert values["CSRF_COOKIE_SECURE"] is True
        assert values["SECURE_HSTS_SECONDS"] > 0

    def test_sqlite_database_url(self, tmp_path):
        values = _production_settings(tmp_path)
        database = values["DATABASES"]["default"]
        assert database["ENGINE"] == "django.db.backends.sqlite3"
        assert database["NAME"] == str(tmp_path / "production.sqlite3")

    def test_plain_http_switches_off_the_https_only_settings(self, tmp_path):
        values = _production_settings(tmp_path, SECURE_SSL_REDIRECT="0", DEBUG="off")
        assert values["SECURE_SSL_REDIRECT"] is False
        assert values["SESSION_COOKIE_SECURE"] is False
        assert values["CSRF_COOKIE_SECURE"] is False
        assert values["SECURE_HSTS_SECONDS"] == 0
        assert values["DEBUG"] is False

    def test_debug_on(self, tmp_path):
        assert _production_settings(tmp_path, DEBUG="1")["DEBUG"] is True


# A second key of the same strength: what the current key was before a rotation.
FORMER_SECRET_KEY = "Xb2nT8qLw4sXe6rVz0cJm5uKy9aDg3fPi7oNt1lQbWhZxRsEvMkYjAoCpGuHdFiS"


_READ_UNDER_FORMER_KEY = """
import json
import django
django.setup()
from django.core import signing
from wagtail.models import APIToken
former_digest = APIToken.hash_token("partner-token", secret_key="{former}")
print(json.dumps({{
    "signed": signing.loads("{signed}"),
    "token": former_digest in APIToken.candidate_key_hashes("partner-token"),
}}))
"""


class TestSecretKeyRotation:
    """SECRET_KEY_FALLBACKS: the former keys, still honoured for what they signed."""

    def test_none_by_default(self, tmp_path):
        assert _production_settings(tmp_path)["SECRET_KEY_FALLBACKS"] == []

    def test_comma_separated_from_the_environment(self, tmp_path):
        values = _production_settings(
            tmp_path, SECRET_KEY_FALLBACKS=f" {FORMER_SECRET_KEY}, {PRODUCTION_SECRET_KEY[::-1]} "
        )
        assert values["SECRET_KEY_FALLBACKS"] == [FORMER_SECRET_KEY, PRODUCTION_SECRET_KEY[::-1]]

    def test_what_the_former_key_signed_is_honoured_from_the_environment(self, tmp_path):
        # A value and a token digest made under the former key, read by a process started
        # with the new key and the former one in SECRET_KEY_FALLBACKS; then without it.
        signed = signing.dumps({"session": "partner"}, key=FORMER_SECRET_KEY)
        script = _READ_UNDER_FORMER_KEY.format(signed=signed, former=FORMER_SECRET_KEY)
        rotated = _run(
            ["-c", script], **_production_env(tmp_path, SECRET_KEY_FALLBACKS=FORMER_SECRET_KEY)
        )
        assert rotated.returncode == 0, rotated.stderr
        assert json.loads(rotated.stdout) == {"signed": {"session": "partner"}, "token": True}
        dropped = _run(["-c", script], **_production_env(tmp_path))
        assert dropped.returncode != 0
        assert "BadSignature" in dropped.stderr

    def test_deploy_check_passes_with_a_strong_fallback(self, tmp_path):
        result = _run(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            **_production_env(tmp_path, SECRET_KEY_FALLBACKS=FORMER_SECRET_KEY),
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no issues" in result.stdout

    def test_deploy_check_refuses_a_weak_fallback(self, tmp_path):
        result = _run(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            **_production_env(tmp_path, SECRET_KEY_FALLBACKS="s3cret"),
        )
        assert result.returncode != 0
        assert "security.W025" in result.stdout + result.stderr


class TestGuessingDefences:
    """Sign-in lockout, email and token limits: their defaults and their environment."""

    def test_defaults(self, tmp_path):
        values = _production_settings(tmp_path)
        assert values["MIDDLEWARE"][-1] == "axes.middleware.AxesMiddleware"
        assert values["AUTHENTICATION_BACKENDS"][0] == "axes.backends.AxesStandaloneBackend"
        assert values["AXES_FAILURE_LIMIT"] == 5
        assert values["AXES_COOLOFF_SECONDS"] == 15 * 60
        assert values["AXES_LOCKOUT_PARAMETERS"] == [["username", "ip_address"]]
        assert values["AXES_RESET_ON_SUCCESS"] is True
        assert values["CORDATA_TRUSTED_PROXY_COUNT"] == 0
        assert values["CORDATA_EMAIL_RATES"] == {
            "password_reset": {"address": "10/h", "account": "3/h"},
            "invitation": {"address": "30/h", "account": "3/d"},
        }
        assert values["CORDATA_API_TOKEN_FAILURE_RATE"] == "10/15m"

    def test_environment_is_honoured(self, tmp_path):
        values = _production_settings(
            tmp_path,
            SIGNIN_FAILURE_LIMIT="8",
            SIGNIN_COOLOFF_MINUTES="60",
            TRUSTED_PROXY_COUNT="1",
            PASSWORD_RESET_RATE_PER_ADDRESS="20/h",
            PASSWORD_RESET_RATE_PER_ACCOUNT="2/h",
            INVITATION_RATE_PER_ADDRESS="50/d",
            INVITATION_RATE_PER_ACCOUNT="1/d",
            API_TOKEN_FAILURE_RATE="5/m",
        )
        assert values["AXES_FAILURE_LIMIT"] == 8
        assert values["AXES_COOLOFF_SECONDS"] == 60 * 60
        assert values["CORDATA_TRUSTED_PROXY_COUNT"] == 1
        assert values["CORDATA_EMAIL_RATES"] == {
            "password_reset": {"address": "20/h", "account": "2/h"},
            "invitation": {"address": "50/d", "account": "1/d"},
        }
        assert values["CORDATA_API_TOKEN_FAILURE_RATE"] == "5/m"

    @pytest.mark.parametrize(
        ("name", "value", "message"),
        [
            ("SIGNIN_FAILURE_LIMIT", "0", "SIGNIN_FAILURE_LIMIT must be at least 1"),
            ("SIGNIN_COOLOFF_MINUTES", "soon", "SIGNIN_COOLOFF_MINUTES must be an integer"),
            ("TRUSTED_PROXY_COUNT", "-1", "TRUSTED_PROXY_COUNT must be at least 0"),
            ("API_TOKEN_FAILURE_RATE", "10", "API_TOKEN_FAILURE_RATE must be a rate"),
        ],
    )
    def test_malformed_values_stop_with_a_clear_message(self, tmp_path, name, value, message):
        result = _run(["manage.py", "check"], **_production_env(tmp_path, **{name: value}))
        assert result.returncode != 0
        assert message in result.stderr


_PRINT_LANGUAGES = """
import json
from django.conf import settings
print(json.dumps({
    "LANGUAGE_CODE": settings.LANGUAGE_CODE,
    "LANGUAGES": settings.LANGUAGES,
    "WAGTAIL_CONTENT_LANGUAGES": settings.WAGTAIL_CONTENT_LANGUAGES,
}))
"""


class TestLanguageSettings:
    """`CORDATA_LANGUAGES` names the languages, the source language first; a typo stops start-up."""

    def _languages(self, tmp_path, **env: str) -> dict:
        result = _run(["-c", _PRINT_LANGUAGES], **_production_env(tmp_path, **env))
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def test_italian_then_english_by_default(self, tmp_path):
        values = self._languages(tmp_path)
        assert values["LANGUAGE_CODE"] == "it"
        assert values["LANGUAGES"] == [["it", "Italiano"], ["en", "English"]]
        assert values["WAGTAIL_CONTENT_LANGUAGES"] == values["LANGUAGES"]

    def test_the_setting_gives_the_languages_in_its_order(self, tmp_path):
        values = self._languages(tmp_path, CORDATA_LANGUAGES=" it, EN ,de")
        assert values["LANGUAGE_CODE"] == "it"
        assert values["LANGUAGES"] == [["it", "Italiano"], ["en", "English"], ["de", "Deutsch"]]
        assert values["WAGTAIL_CONTENT_LANGUAGES"] == values["LANGUAGES"]

    def test_a_third_supported_language_passes_the_checks(self, tmp_path):
        result = _run(
            ["manage.py", "check", "--fail-level", "WARNING"],
            **_production_env(tmp_path, CORDATA_LANGUAGES="it,en,de"),
        )
        assert result.returncode == 0, result.stderr

    def test_an_unknown_code_stops_with_a_clear_message(self, tmp_path):
        result = _run(
            ["manage.py", "check"], **_production_env(tmp_path, CORDATA_LANGUAGES="it,xx")
        )
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr
        assert "CORDATA_LANGUAGES names 'xx', which Cordata does not support" in result.stderr
        assert "the supported languages are de, en, it" in result.stderr

    @pytest.mark.parametrize(
        ("value", "message"),
        [("it,en,it", "names 'it' more than once"), (" , ", "names no language")],
    )
    def test_repeated_or_missing_codes_stop(self, tmp_path, value, message):
        result = _run(["manage.py", "check"], **_production_env(tmp_path, CORDATA_LANGUAGES=value))
        assert result.returncode != 0
        assert message in result.stderr
