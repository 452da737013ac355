"""Typed readers for configuration taken from the environment (one place to parse it)."""

import os
import re

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be a boolean (1/0, true/false, yes/no, on/off), not {raw!r}"
    )


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from exc
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {raw!r}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


# django-ratelimit's rates: a count per period, the period in (a number of) seconds, minutes,
# hours or days: "5/m", "10/15m", "3/h", "20/d".
_RATE = re.compile(r"(\d+)/(\d*)([smhd])")


def env_rate(name: str, default: str) -> str:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    match = _RATE.fullmatch(value)
    if match is None or (match.group(2) and int(match.group(2)) == 0):
        raise ImproperlyConfigured(
            f"{name} must be a rate such as 5/m, 10/15m, 3/h or 20/d, not {raw!r}"
        )
    return value


def require_secret_key(*, secret_key: str, debug: bool) -> str:
    """Refuse to start without a real secret whenever DEBUG is off."""
    if not debug and len(secret_key) < 50:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to at least 50 random characters when DEBUG is off "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
        )
    return secret_key
