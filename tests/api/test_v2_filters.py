"""API v2 filters and ordering, and how every kind of bad parameter is answered."""

import pytest
from wagtail.search.backends import get_search_backend

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def pages(client, **params):
    return client.get("/api/v2/pages/", params)


class TestFilters:
    def test_type(self, client, catalogue):
        found = ids(pages(client, type="groups.PartnerPage"))
        assert found == [catalogue.lead.pk, catalogue.stuttgart.pk]

    def test_several_types(self, client, catalogue):
        found = ids(pages(client, type="groups.PartnerPage,knowledge.StrategicPlanPage"))
        assert set(found) == {catalogue.lead.pk, catalogue.stuttgart.pk, catalogue.plan.pk}

    def test_locale(self, client, catalogue):
        found = ids(pages(client, type="home.PressReleasePage", locale="en"))
        assert found == [catalogue.release_en.pk]

    def test_translation_of(self, client, catalogue):
        assert ids(pages(client, translation_of=catalogue.release.pk)) == [catalogue.release_en.pk]

    def test_child_of(self, client, catalogue):
        found = ids(pages(client, child_of=catalogue.tree.group_index.pk))
        assert found == [catalogue.energy.pk, catalogue.ict.pk]

    def test_descendant_of(self, client, catalogue):
        found = ids(pages(client, descendant_of=catalogue.tree.knowledge_index.pk))
        assert found == [catalogue.plan.pk]

    def test_tags(self, client, catalogue):
        found = ids(pages(client, type="home.PressReleasePage", tags="energia"))
        # The English translation carries the tags over.
        assert found == [catalogue.release.pk, catalogue.release_en.pk]
        assert ids(pages(client, type="home.PressReleasePage", tags="energia,assente")) == []

    def test_sector(self, client, catalogue):
        assert ids(pages(client, type="groups.ThematicGroupPage", sector="ict")) == [
            catalogue.ict.pk
        ]

    def test_country_and_kind(self, client, catalogue):
        assert ids(pages(client, type="groups.PartnerPage", country="DE")) == [
            catalogue.stuttgart.pk
        ]
        assert ids(pages(client, type="groups.PartnerPage", kind="development_agency")) == [
            catalogue.lead.pk
        ]

    def test_status(self, client, catalogue):
        assert ids(pages(client, type="knowledge.StrategicPlanPage", status="adopted")) == [
            catalogue.plan.pk
        ]
        assert ids(pages(client, type="knowledge.StrategicPlanPage", status="draft")) == []

    def test_order_by_date(self, client, catalogue):
        newest_first = ids(pages(client, type="home.PressReleasePage", locale="it", order="-date"))
        assert newest_first == [catalogue.release.pk, catalogue.older.pk]
        oldest_first = ids(pages(client, type="home.PressReleasePage", locale="it", order="date"))
        assert oldest_first == [catalogue.older.pk, catalogue.release.pk]

    def test_order_by_title(self, client, catalogue):
        found = ids(pages(client, type="groups.PartnerPage", order="-title"))
        assert found == [catalogue.stuttgart.pk, catalogue.lead.pk]

    def test_search_uses_the_search_backend(self, client, catalogue):
        found = ids(pages(client, search="Stuttgart"))
        assert found == [catalogue.stuttgart.pk]

    def test_search_within_a_type(self, client, catalogue):
        found = ids(pages(client, type="home.PressReleasePage", search="partenariato"))
        assert found == [catalogue.older.pk]

    def test_documents_by_kind_and_group(self, client, catalogue):
        assert ids(client.get("/api/v2/documents/", {"kind": "plan"})) == [catalogue.plan_pdf.pk]
        assert ids(client.get("/api/v2/documents/", {"thematic_group": catalogue.energy.pk})) == [
            catalogue.public_doc.pk
        ]

    def test_documents_search(self, client, catalogue):
        assert ids(client.get("/api/v2/documents/", {"search": "Programma"})) == [
            catalogue.public_doc.pk
        ]

    def test_limit_and_offset(self, client, catalogue):
        response = pages(client, type="groups.PartnerPage", limit=1, offset=1)
        assert ids(response) == [catalogue.stuttgart.pk]
        assert response.json()["meta"]["total_count"] == 2

    def test_limit_up_to_100(self, client, catalogue):
        assert pages(client, limit=100).status_code == 200


BAD_PAGE_PARAMETERS = [
    {"limit": "abc"},
    {"limit": "-1"},
    {"limit": "101"},
    {"offset": "abc"},
    {"offset": "-5"},
    {"offset": str(10**12)},
    {"type": "home.Nothing"},
    {"type": "notamodel"},
    {"type": "knowledge.ProjectDocument"},
    {"fields": "nonexistent"},
    {"fields": "title,,"},
    {"fields": "body(x)"},
    {"order": "nonexistent"},
    {"order": "date"},  # generic pages have no date
    {"order": "random,title"},
    {"locale": "xx"},
    {"child_of": "abc"},
    {"child_of": "-2"},
    {"child_of": "999999"},
    {"child_of": str(2**70)},
    {"descendant_of": "abc"},
    {"translation_of": "abc"},
    {"translation_of": "999999"},
    {"sector": "ict"},  # needs type=groups.ThematicGroupPage
    {"type": "groups.ThematicGroupPage", "sector": "gardening"},
    {"type": "groups.PartnerPage", "country": "ZZ"},
    {"type": "groups.PartnerPage", "country": "it"},
    {"type": "groups.PartnerPage", "kind": "bakery"},
    {"type": "knowledge.StrategicPlanPage", "status": "lost"},
    {"type": "home.PressReleasePage", "date": "16/01/2012"},
    {"type": "home.PressReleasePage", "related_groups": "abc"},
    {"type": "home.PressReleasePage", "body": "x"},
    {"type": "knowledge.StrategicPlanPage", "group": "abc"},
    {"id": "abc"},
    {"child_of": "²"},
    {"translation_of": "-²"},
    {"id": str(2**70)},
    {"title": "nul\x00"},
    {"search_operator": "xor", "search": "gruppi"},
    {"unknown": "1"},
    {"format": "xml"},
    {"site": "example.org"},
]


@pytest.mark.parametrize(
    "params", BAD_PAGE_PARAMETERS, ids=lambda p: "&".join(f"{k}={v!r}" for k, v in p.items())
)
def test_bad_page_parameters_answer_400_with_a_message(client, site_tree, params):
    response = pages(client, **params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert isinstance(response.json()["message"], str)


@pytest.mark.parametrize(
    "url, params",
    [
        ("/api/v2/documents/", {"kind": "poster"}),
        ("/api/v2/documents/", {"thematic_group": "abc"}),
        ("/api/v2/documents/", {"created_at": "yesterday"}),
        ("/api/v2/documents/", {"limit": "500"}),
        ("/api/v2/images/", {"width": "wide"}),
        ("/api/v2/images/", {"order": "colour"}),
        ("/api/v2/pages/find/", {"id": "abc"}),
        ("/api/v2/pages/find/", {"id": "²"}),
        ("/api/v2/pages/find/", {"id": "0"}),
    ],
)
def test_bad_document_and_image_parameters_answer_400(client, site_tree, url, params):
    response = client.get(url, params)
    assert response.status_code == 400, response.content
    assert "message" in response.json()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/999999/",
        f"/api/v2/pages/{2**70}/",
        "/api/v2/pages/abc/",
        "/api/v2/documents/999999/",
        "/api/v2/images/999999/",
        "/api/v2/nothing/",
        "/api/v2/pages/find/?id=999999",
    ],
)
def test_unknown_ids_and_urls_answer_404_json(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "message" in response.json()


def test_find_redirects_to_the_detail(client, catalogue):
    response = client.get("/api/v2/pages/find/", {"id": catalogue.lead.pk})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{catalogue.lead.pk}/?")


def test_find_by_public_path(client, catalogue):
    response = client.get("/api/v2/pages/find/", {"html_path": "/partner/regione-lombardia/"})
    assert response.status_code == 302
    assert f"/api/v2/pages/{catalogue.lead.pk}/" in response["Location"]


def test_missing_slash_redirects(client, site_tree):
    response = client.get("/api/v2/pages")
    assert response.status_code == 301
    assert response["Location"] == "/api/v2/pages/"


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v3/pages/", "/api/v2/documents/"])
def test_an_unavailable_search_service_answers_503(client, site_tree, monkeypatch, url):
    from search.backends import SearchUnavailable

    def unavailable(*args, **kwargs):
        raise SearchUnavailable("the search service timed out")

    backend = type(get_search_backend())
    monkeypatch.setattr(backend, "search", unavailable)
    response = client.get(url, {"search": "cluster"})
    assert response.status_code == 503
    assert response.json()["message"] == (
        "Search is temporarily unavailable; try again later, or leave out search."
    )
