"""Bearer tokens, for every API: how the header is read, how a token is resolved, how often an
address may present one that resolves to nothing.

`Authorization: Bearer <token>` is resolved by Wagtail's `BearerTokenAuth` (the token's digest
under `SECRET_KEY` or one of `SECRET_KEY_FALLBACKS`; a revoked token, or one of an inactive
user, resolves to nothing and the request reads as anonymous). API v3 uses `BearerTokenAuth`
below as its django-ninja auth callback (its `/whoami/` route too), API v2 `APITokenAuthentication` (REST framework), the search API `request_token`. A request
without a bearer token is never counted. A token found under a fallback key is stored again
under the current one, so a rotation of SECRET_KEY ends without breaking the tokens in use.

After `CORDATA_API_TOKEN_FAILURE_RATE` unknown tokens from one address (`cms.core.throttle`),
every bearer request from it raises `TokenThrottled` until the period ends, valid token or not
(otherwise the answers would keep telling good guesses from bad): each API answers 429 with
`Retry-After`.
"""

from django.http import HttpRequest
from rest_framework.authentication import BaseAuthentication
from wagtail.api.v3.auth import BearerTokenAuth as WagtailBearerTokenAuth
from wagtail.models import APIToken

from cms.api.errors import APIError
from cms.core.throttle import token_failure_record, token_retry_after


class TokenThrottled(APIError):
    """Too many unknown tokens came from the request's address; retry in `retry_after` seconds.

    An `APIError` like every other refusal: each API answers it 429 with `Retry-After`.
    """

    def __init__(self, retry_after: int):
        super().__init__(
            429,
            f"Too many invalid API tokens came from this address; wait {retry_after} seconds "
            "(Retry-After) before sending a token again.",
            headers={"Retry-After": str(retry_after)},
        )
        self.retry_after = retry_after


def presented_token(request: HttpRequest) -> str | None:
    """The token of the request's `Authorization: Bearer` header; None without one."""
    scheme, _space, token = request.headers.get("Authorization", "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token


def _rehash_under_current_key(api_token: APIToken, token: str) -> None:
    # A token found under a fallback key is stored again under the current one, so that it
    # keeps working once the old key is dropped after a rotation.
    current = APIToken.hash_token(token)
    if api_token.key_hash != current:
        APIToken.objects.filter(pk=api_token.pk).update(key_hash=current)
        api_token.key_hash = current


class BearerTokenAuth(WagtailBearerTokenAuth):
    """Wagtail's token resolution, with the failure count and the header read as above.

    Same name as Wagtail's class: it names the security scheme in the OpenAPI description.
    """

    def __call__(self, request: HttpRequest):
        token = presented_token(request)
        return None if token is None else self.authenticate(request, token)

    def authenticate(self, request: HttpRequest, token: str):
        retry_after = token_retry_after(request)
        if retry_after is not None:
            raise TokenThrottled(retry_after)
        api_token = super().authenticate(request, token)
        if api_token is None:
            token_failure_record(request)
        else:
            _rehash_under_current_key(api_token, token)
        return api_token


_bearer = BearerTokenAuth()


def request_token(request: HttpRequest) -> APIToken | None:
    """Resolve the request's bearer token, setting `request.user` (anonymous when it resolves
    to nothing); None without a token. Raises TokenThrottled (see the module docstring)."""
    return _bearer(request)


class APITokenAuthentication(BaseAuthentication):
    """REST framework authentication (API v2) by bearer token, resolved as above."""

    def authenticate(self, request):
        api_token = request_token(request._request)
        if api_token is None:
            return None
        return api_token.user, api_token
