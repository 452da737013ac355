"""Caching, conditional requests and CORS on both API versions."""

import pytest

from tests.signin import bearer

pytestmark = pytest.mark.django_db

READ_URLS = ["/api/v2/pages/", "/api/v2/documents/", "/api/v3/pages/", "/api/v3/documents/"]


@pytest.mark.parametrize("url", READ_URLS)
def test_anonymous_reads_are_public_with_an_etag(client, catalogue, settings, url):
    settings.CORDATA_API_CACHE_MAX_AGE = 120
    response = client.get(url)
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=120"}
    assert response["ETag"].startswith('"')
    assert "Authorization" in response["Vary"]


@pytest.mark.parametrize("url", READ_URLS)
def test_head_answers_like_get_without_a_body(client, catalogue, url):
    get, head = client.get(url), client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]


@pytest.mark.parametrize("url", READ_URLS)
def test_if_none_match_answers_304(client, catalogue, url):
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_changed_resource_gets_a_new_etag(client, catalogue):
    url = f"/api/v2/pages/{catalogue.lead.pk}/"
    etag = client.get(url)["ETag"]
    catalogue.lead.city = "Bergamo"
    catalogue.lead.save_revision().publish()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["city"] == "Bergamo"


@pytest.mark.parametrize("url", READ_URLS)
def test_token_reads_are_private(client, catalogue, people, url):
    response = client.get(url, **bearer(people.member_token))
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}


def test_session_reads_on_v2_are_private(client, catalogue, people):
    client.force_login(people.member)
    response = client.get("/api/v2/pages/")
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert "Cookie" in response["Vary"]


def test_v3_ignores_sessions(client, catalogue, people):
    client.force_login(people.member)
    response = client.get("/api/v3/pages/")
    assert "public" in response["Cache-Control"]
    assert catalogue.restricted.pk not in [item["id"] for item in response.json()["items"]]


def test_revoked_token_reads_are_anonymous_and_public(client, catalogue, people):
    response = client.get("/api/v2/pages/", **bearer(people.revoked_token))
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]


def test_errors_are_not_cached(client, site_tree):
    assert client.get("/api/v2/pages/", {"limit": "x"})["Cache-Control"] == "no-store"
    assert client.get("/api/v2/pages/999999/")["Cache-Control"] == "no-store"


class TestCORS:
    ORIGIN = "https://www.region-stuttgart.de"

    @pytest.fixture(autouse=True)
    def _allowed_origins(self, settings):
        settings.CORS_ALLOWED_ORIGINS = [self.ORIGIN]

    @pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v3/pages/"])
    def test_allowed_origin(self, client, catalogue, url):
        response = client.get(url, HTTP_ORIGIN=self.ORIGIN)
        assert response["Access-Control-Allow-Origin"] == self.ORIGIN
        assert "ETag" in response["Access-Control-Expose-Headers"]

    def test_refused_origin(self, client, catalogue):
        response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
        assert response.status_code == 200
        assert "Access-Control-Allow-Origin" not in response

    def test_preflight_allows_reading_methods_only(self, client, catalogue):
        response = client.options(
            "/api/v2/pages/",
            HTTP_ORIGIN=self.ORIGIN,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        )
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == self.ORIGIN
        assert set(response["Access-Control-Allow-Methods"].split(", ")) == {
            "GET",
            "HEAD",
            "OPTIONS",
        }

    def test_cors_is_limited_to_the_apis(self, client, catalogue):
        response = client.get("/it/", HTTP_ORIGIN=self.ORIGIN)
        assert "Access-Control-Allow-Origin" not in response


def test_allowed_origins_come_from_the_environment(monkeypatch):
    import importlib

    from cms.settings import api as api_settings

    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", "https://a.example, https://b.example")
    monkeypatch.setenv("API_CACHE_MAX_AGE", "60")
    try:
        reloaded = importlib.reload(api_settings)
        assert reloaded.CORS_ALLOWED_ORIGINS == ["https://a.example", "https://b.example"]
        assert reloaded.CORDATA_API_CACHE_MAX_AGE == 60
    finally:
        monkeypatch.delenv("CORS_ALLOWED_ORIGINS")
        monkeypatch.delenv("API_CACHE_MAX_AGE")
        importlib.reload(api_settings)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_v2_is_read_only(client, site_tree, method):
    response = getattr(client, method)("/api/v2/pages/", content_type="application/json")
    assert response.status_code == 405
    assert "message" in response.json()


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/api/v2/documents/", "/api/v3/pages/", "/api/v3/images/"]
)
def test_nul_bytes_in_parameters_are_a_clear_400(client, url):
    """PostgreSQL refuses NUL in text: the API answers 400 before any query sees it."""
    response = client.get(url, {"search": "vendemmia\x00", "title": "\x00"})
    assert response.status_code == 400
    assert "NUL" in response.json()["message"]
