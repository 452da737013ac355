"""How often one client may ask: the client's address, the email limits and the API token limit.

Password-reset and invitation emails are limited per client address and per addressee; unknown
API tokens per client address. Counts live in django-ratelimit's cache (`RATELIMIT_USE_CACHE`),
in fixed windows of the configured period (`cms/settings/security.py`). Sign-in failures are
counted by django-axes, which takes its address from `client_ip` too.
"""

import ipaddress
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage

TOKEN_FAILURES = "cordata.api_token_failures"


# One IPv6 subscriber commonly holds a whole /64: counting each address apart would give an
# attacker billions of fresh starts, so an IPv6 client counts as its /64.
IPV6_CLIENT_PREFIX = 64


def _counted_as(value: str) -> str | None:
    """The address a count is kept under: an IPv4 address itself, an IPv6 one's /64 (written
    as that network's first address); None for something that is no address."""
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:  # ::ffff:a.b.c.d is an IPv4 client
            return str(address.ipv4_mapped)
        network = ipaddress.IPv6Network(f"{address}/{IPV6_CLIENT_PREFIX}", strict=False)
        return str(network.network_address)
    return str(address)


def client_ip(request: HttpRequest) -> str:
    """The address the request came from, as counts are kept (IPv6: its /64).

    REMOTE_ADDR, unless `CORDATA_TRUSTED_PROXY_COUNT` proxies stand in front: then the address
    the outermost of them saw, which is that many entries from the end of X-Forwarded-For
    (entries further left were written by the client and prove nothing). A request that did
    not come through them all keeps REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR") or ""
    proxies = settings.CORDATA_TRUSTED_PROXY_COUNT
    if proxies > 0:
        chain = [
            entry.strip()
            for entry in request.headers.get("x-forwarded-for", "").split(",")
            if entry.strip()
        ]
        if len(chain) >= proxies and (forwarded := _counted_as(chain[-proxies])):
            return forwarded
    return _counted_as(remote) or remote


def _usage(request: HttpRequest, *, group: str, value: str, rate: str, increment: bool):
    return get_usage(
        request,
        group=group,
        key=lambda _group, _request: value,
        rate=rate,
        increment=increment,
    )


class EmailAction(StrEnum):
    """What an email is for; each has its own rates in `CORDATA_EMAIL_RATES`."""

    PASSWORD_RESET = "password_reset"
    INVITATION = "invitation"


class Scope(StrEnum):
    """Which count a request went past: its address's, or its addressee's."""

    ADDRESS = "address"
    ACCOUNT = "account"


@dataclass(frozen=True)
class Limited:
    """A limit a request went past, and the seconds until its window ends."""

    scope: Scope
    retry_after: int


def email_limit(*, request: HttpRequest, action: EmailAction, recipient: str) -> Limited | None:
    """Count one email of `action` to `recipient`, asked for from the request's address.

    Returns the limit it goes past (then nothing may be sent), or None. The address is counted
    first: a request refused for its address does not use up the addressee's allowance.
    """
    rates = settings.CORDATA_EMAIL_RATES[action]
    for scope, value in (
        (Scope.ADDRESS, client_ip(request)),
        (Scope.ACCOUNT, recipient.strip().lower()),
    ):
        usage = _usage(
            request,
            group=f"cordata.email.{action}.{scope}",
            value=value,
            rate=rates[scope],
            increment=True,
        )
        if usage is not None and usage["should_limit"]:
            return Limited(scope=scope, retry_after=max(usage["time_left"], 1))
    return None


def token_retry_after(request: HttpRequest) -> int | None:
    """Seconds until the request's address may present API tokens again; None while it may."""
    usage = _usage(
        request,
        group=TOKEN_FAILURES,
        value=client_ip(request),
        rate=settings.CORDATA_API_TOKEN_FAILURE_RATE,
        increment=False,
    )
    if usage is not None and usage["count"] >= usage["limit"]:
        return max(usage["time_left"], 1)
    return None


def token_failure_record(request: HttpRequest) -> None:
    """Count one unknown API token presented from the request's address."""
    _usage(
        request,
        group=TOKEN_FAILURES,
        value=client_ip(request),
        rate=settings.CORDATA_API_TOKEN_FAILURE_RATE,
        increment=True,
    )
