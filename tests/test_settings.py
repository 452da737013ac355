"""Configuration from the environment: the typed readers and the production settings module."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import env_bool, env_int, env_list, env_str, require_secret_key

REPO_ROOT = Path(__file__).resolve().parent.parent

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
