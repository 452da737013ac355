"""API v3: Wagtail 8's API, every response validated against its own OpenAPI description."""

import io

import pytest
import schemathesis
from django.contrib.auth.models import Group
from django.core.management import call_command
from werkzeug.test import Client as WSGIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def v3(wsgi_app):
    """Requests through WSGI, each 200 response checked against /api/v3/openapi.json."""
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", wsgi_app)
    client = WSGIClient(wsgi_app)

    def get(path: str, *, operation: str, token: str | None = None, **params):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = client.get(path, query_string=params, headers=headers)
        schema[operation]["GET"].validate_response(response)
        return response

    get.schema = schema
    return get


def test_openapi_and_docs_are_published(client):
    spec = client.get("/api/v3/openapi.json").json()
    assert spec["info"]["title"] == "Cordata API"
    components = spec["components"]["schemas"]
    for name in ("PressReleasePageSchema", "PartnerPageSchema", "ThematicGroupPageSchema"):
        assert name in components
    assert {"date", "body", "related_groups", "translations"} <= set(
        components["PressReleasePageSchema"]["properties"]
    )
    docs = client.get("/api/v3/docs/")
    assert docs.status_code == 200
    assert b"openapi.json" in docs.content


def test_docs_can_be_switched_off(client, settings):
    settings.WAGTAILAPI_DOCS_ENABLED = False
    assert client.get("/api/v3/openapi.json").status_code == 404


def test_the_validator_rejects_a_wrong_shape(v3, catalogue):
    page = v3(f"/api/v3/pages/{catalogue.release.pk}/", operation="/api/v3/pages/{page_id}/")
    with pytest.raises(BaseExceptionGroup):
        v3.schema["/api/v3/images/{image_id}/"]["GET"].validate_response(page)


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_every_page_type_validates(v3, catalogue, people, who):
    token = people.member_token if who == "member" else None
    listing = v3("/api/v3/pages/", operation="/api/v3/pages/", token=token, limit=100)
    ids = [item["id"] for item in listing.get_json()["items"]]
    assert (catalogue.restricted.pk in ids) is (who == "member")
    for page_id in ids:
        response = v3(
            f"/api/v3/pages/{page_id}/", operation="/api/v3/pages/{page_id}/", token=token
        )
        assert response.status_code == 200


def test_page_detail_shape(v3, catalogue):
    data = v3(
        f"/api/v3/pages/{catalogue.release.pk}/", operation="/api/v3/pages/{page_id}/"
    ).get_json()
    assert data["meta"]["type"] == "home.PressReleasePage"
    assert data["meta"]["locale"] == "it"
    assert data["date"] == "2012-01-16"
    assert data["translations"] == [
        {"locale": "en", "id": catalogue.release_en.pk, "url": catalogue.release_en.full_url}
    ]
    assert data["related_groups"][0]["id"] == catalogue.energy.pk
    assert "linktype" not in data["body"][0]["value"]


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_documents_and_images_validate(v3, catalogue, people, who):
    token = people.member_token if who == "member" else None
    for kind, key in (("documents", "document_id"), ("images", "image_id")):
        listing = v3(f"/api/v3/{kind}/", operation=f"/api/v3/{kind}/", token=token)
        for item in listing.get_json()["items"]:
            detail = v3(
                f"/api/v3/{kind}/{item['id']}/", operation=f"/api/v3/{kind}/{{{key}}}/", token=token
            )
            assert detail.status_code == 200
    image = v3(f"/api/v3/images/{catalogue.image.pk}/", operation="/api/v3/images/{image_id}/")
    assert image.get_json()["rendition"]["alt"] == "Logo della Regione"


def test_whoami_needs_a_valid_token(v3, client, people):
    assert client.get("/api/v3/whoami/").status_code == 401
    revoked = client.get("/api/v3/whoami/", HTTP_AUTHORIZATION=f"Bearer {people.revoked_token}")
    assert revoked.status_code == 401
    me = v3("/api/v3/whoami/", operation="/api/v3/whoami/", token=people.member_token).get_json()
    assert me["user"]["username"] == "socio"
    assert me["groups"] == ["Partner di progetto"]


def ids(response) -> list[int]:
    assert response.status_code == 200, response.get_data()
    return [item["id"] for item in response.get_json()["items"]]


class TestFilters:
    def pages(self, v3, **params):
        return ids(v3("/api/v3/pages/", operation="/api/v3/pages/", **params))

    def test_type_locale_and_translation_of(self, v3, catalogue):
        assert self.pages(v3, type="groups.PartnerPage") == [
            catalogue.lead.pk,
            catalogue.stuttgart.pk,
        ]
        assert self.pages(v3, type="home.PressReleasePage", locale="en") == [
            catalogue.release_en.pk
        ]
        assert self.pages(v3, translation_of=catalogue.release.pk) == [catalogue.release_en.pk]

    def test_tree_filters(self, v3, catalogue):
        group_index = catalogue.tree.group_index.pk
        assert self.pages(v3, child_of=group_index) == [catalogue.energy.pk, catalogue.ict.pk]
        knowledge = catalogue.tree.knowledge_index.pk
        assert self.pages(v3, descendant_of=knowledge) == [catalogue.plan.pk]

    def test_field_filters(self, v3, catalogue):
        assert self.pages(v3, type="groups.ThematicGroupPage", sector="ict") == [catalogue.ict.pk]
        assert self.pages(v3, type="groups.PartnerPage", country="DE") == [catalogue.stuttgart.pk]
        assert self.pages(v3, type="groups.PartnerPage", kind="cluster_manager") == [
            catalogue.stuttgart.pk
        ]
        assert self.pages(v3, type="knowledge.StrategicPlanPage", status="adopted") == [
            catalogue.plan.pk
        ]
        assert self.pages(v3, type="home.PressReleasePage", locale="it", tags="energia") == [
            catalogue.release.pk
        ]

    def test_order_and_search(self, v3, catalogue):
        assert self.pages(v3, type="home.PressReleasePage", locale="it", order="-date") == [
            catalogue.release.pk,
            catalogue.older.pk,
        ]
        assert self.pages(v3, type="groups.PartnerPage", order="-title") == [
            catalogue.stuttgart.pk,
            catalogue.lead.pk,
        ]
        assert self.pages(v3, search="Stuttgart") == [catalogue.stuttgart.pk]

    def test_documents(self, v3, catalogue):
        found = ids(v3("/api/v3/documents/", operation="/api/v3/documents/", kind="plan"))
        assert found == [catalogue.plan_pdf.pk]
        found = ids(
            v3(
                "/api/v3/documents/",
                operation="/api/v3/documents/",
                thematic_group=catalogue.energy.pk,
            )
        )
        assert found == [catalogue.public_doc.pk]
        found = ids(v3("/api/v3/documents/", operation="/api/v3/documents/", search="Programma"))
        assert found == [catalogue.public_doc.pk]


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/v3/pages/", {"limit": "101"}),
        ("/api/v3/pages/", {"limit": "abc"}),
        ("/api/v3/pages/", {"offset": "-1"}),
        ("/api/v3/pages/", {"type": "home.Nothing"}),
        ("/api/v3/pages/", {"locale": "xx"}),
        ("/api/v3/pages/", {"order": "colour"}),
        ("/api/v3/pages/", {"order": "date"}),
        ("/api/v3/pages/", {"sector": "ict"}),
        ("/api/v3/pages/", {"type": "groups.PartnerPage", "country": "Germany"}),
        ("/api/v3/pages/", {"fields": "title"}),
        ("/api/v3/documents/", {"kind": "poster"}),
        ("/api/v3/pages/0/", {}),
    ],
)
def test_bad_parameters_answer_400(client, site_tree, path, params):
    response = client.get(path, params)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["status"] == 400 and body["message"] == body["detail"]


@pytest.mark.parametrize(
    "path",
    ["/api/v3/pages/999999/", "/api/v3/documents/999999/", "/api/v3/pages/abc/", "/api/v3/nope/"],
)
def test_unknown_ids_answer_404(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["status"] == 404


class TestTokens:
    def test_created_and_revoked_with_the_management_command(self, client, catalogue, people):
        out = io.StringIO()
        call_command(
            "api_tokens", "create", "--user", "socio", "--name", "portale regionale", stdout=out
        )
        token = out.getvalue().strip()
        assert token.startswith("wagtail_")
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        listing = client.get("/api/v3/pages/", {"limit": 100}, **headers).json()
        assert catalogue.restricted.pk in [item["id"] for item in listing["items"]]

        prefix = token[: len("wagtail_") + 4]
        call_command(
            "api_tokens", "revoke", "--user", "socio", "--prefix", prefix, stdout=io.StringIO()
        )
        listing = client.get("/api/v3/pages/", {"limit": 100}, **headers).json()
        assert catalogue.restricted.pk not in [item["id"] for item in listing["items"]]

    def test_the_admin_manages_tokens(self, client, db):
        from tests.factories import SuperUserFactory

        client.force_login(SuperUserFactory())
        assert client.get("/admin/api-tokens/").status_code == 200

    def test_v3_has_no_write_routes(self, client, people):
        response = client.post(
            "/api/v3/pages/",
            data={"meta": {"type": "home.PressReleasePage", "parent_id": 1}, "title": "x"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {people.member_token}",
        )
        assert response.status_code == 405


def test_whoami_lists_groups_in_name_order(v3, people, django_user_model):
    member = django_user_model.objects.get(username="socio")
    # Created after the member's first group, and named to sort before it.
    member.groups.add(Group.objects.create(name="Zeta"), Group.objects.create(name="Alfa"))

    me = v3("/api/v3/whoami/", operation="/api/v3/whoami/", token=people.member_token).get_json()

    assert me["groups"] == ["Alfa", "Partner di progetto", "Zeta"]
