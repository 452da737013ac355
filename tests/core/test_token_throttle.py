"""API tokens cannot be guessed: after `CORDATA_API_TOKEN_FAILURE_RATE` unknown bearer tokens
from one address, every bearer request from it answers 429 with Retry-After, on API v2, v3 and
the search API alike (`cms.api.auth`)."""

import pytest
from wagtail.models import APIToken

pytestmark = pytest.mark.django_db

# A window of a year: no test run straddles the end of one, so no count restarts mid-test.
LIMIT = 3
RATE = f"{LIMIT}/365d"

# Each endpoint, and how it answers an unknown token below the limit (as anonymous, or 401
# where a token is required).
ENDPOINTS = {
    "v2 pages": ("/api/v2/pages/", 200),
    "v2 documents": ("/api/v2/documents/", 200),
    "v3 pages": ("/api/v3/pages/", 200),
    "v3 whoami": ("/api/v3/whoami/", 401),
    "search": ("/api/v2/search/?q=piano", 200),
}
OTHER_ADDRESS = "198.51.100.9"


@pytest.fixture(autouse=True)
def _rate(settings):
    settings.CORDATA_API_TOKEN_FAILURE_RATE = RATE


@pytest.fixture
def token(people):
    return APIToken.create_token(user=people.partner, name="sito della socia")[1]


def _get(client, path: str, token: str | None = None, **extra):
    if token is not None:
        extra["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client.get(path, **extra)


def _guess(client, path: str, n: int, **extra) -> list[int]:
    return [_get(client, path, f"indovino-{i}", **extra).status_code for i in range(n)]


@pytest.mark.parametrize("endpoint", ENDPOINTS.values(), ids=ENDPOINTS.keys())
def test_past_the_limit_the_address_gets_429_with_retry_after(client, people, endpoint):
    path, below = endpoint
    assert _guess(client, path, LIMIT) == [below] * LIMIT
    response = _get(client, path, "indovino-ultimo")
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert 0 < int(response["Retry-After"]) <= 365 * 24 * 60 * 60
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["message"] == (
        "Too many invalid API tokens came from this address; wait "
        f"{response['Retry-After']} seconds (Retry-After) before sending a token again."
    )
    if path.startswith("/api/v3/"):
        assert body == {
            "message": body["message"],
            "type": "about:blank",
            "title": "Too Many Requests",
            "status": 429,
            "detail": body["message"],
        }
    else:
        assert body == {"message": body["message"]}


@pytest.mark.parametrize("endpoint", ENDPOINTS.values(), ids=ENDPOINTS.keys())
def test_a_throttled_address_is_refused_even_a_valid_token(client, people, token, endpoint):
    # Otherwise the answers would still tell a right guess from a wrong one.
    path, _below = endpoint
    _guess(client, path, LIMIT)
    assert _get(client, path, token).status_code == 429
    # Another address is not concerned, and reads as the token's user.
    me = _get(client, "/api/v3/whoami/", token, REMOTE_ADDR=OTHER_ADDRESS)
    assert me.status_code == 200
    assert me.json()["user"]["username"] == "socia"


def test_requests_without_a_token_are_never_counted_nor_refused(client, people):
    for _ in range(LIMIT * 3):
        assert client.get("/api/v2/pages/").status_code == 200
        assert client.get("/api/v3/pages/").status_code == 200
    assert _guess(client, "/api/v3/pages/", LIMIT) == [200] * LIMIT
    assert _get(client, "/api/v3/pages/", "indovino-ultimo").status_code == 429
    # Anonymous reads from the throttled address carry on.
    assert client.get("/api/v2/pages/").status_code == 200
    assert client.get("/api/v3/pages/").status_code == 200
    assert client.get("/api/v2/search/?q=piano").status_code == 200


def test_a_valid_token_works_below_the_limit_and_is_not_counted(client, people, token):
    assert _guess(client, "/api/v3/pages/", LIMIT - 1) == [200] * (LIMIT - 1)
    for _ in range(LIMIT * 2):
        me = _get(client, "/api/v3/whoami/", token)
        assert me.status_code == 200
        assert me.json()["user"]["username"] == "socia"
        # v2 and search read as the token's user: their answers are private.
        for path in ("/api/v2/pages/", "/api/v2/search/?q=piano"):
            response = _get(client, path, token)
            assert response.status_code == 200
            assert "private" in response["Cache-Control"]
    # One more unknown token is still within the limit.
    assert _get(client, "/api/v3/pages/", "indovino-ultimo").status_code == 200


def test_the_apis_share_one_count(client, people):
    assert _get(client, "/api/v2/pages/", "uno").status_code == 200
    assert _get(client, "/api/v3/pages/", "due").status_code == 200
    assert _get(client, "/api/v2/search/?q=piano", "tre").status_code == 200
    assert _get(client, "/api/v2/pages/", "quattro").status_code == 429


def test_a_revoked_token_counts_as_unknown(client, people):
    revoked, plaintext = APIToken.create_token(user=people.partner, name="vecchio")
    revoked.revoke()
    statuses = [_get(client, "/api/v3/whoami/", plaintext).status_code for _ in range(LIMIT + 1)]
    assert statuses == [401] * LIMIT + [429]


def test_the_count_follows_the_trusted_proxy_setting(client, people, settings):
    settings.CORDATA_TRUSTED_PROXY_COUNT = 1
    via_proxy = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    assert _guess(client, "/api/v3/pages/", LIMIT, **via_proxy) == [200] * LIMIT
    assert _get(client, "/api/v3/pages/", "x", **via_proxy).status_code == 429
    # Another client behind the same proxy.
    other = {"HTTP_X_FORWARDED_FOR": "203.0.113.6"}
    assert _get(client, "/api/v3/pages/", "x", **other).status_code == 200
