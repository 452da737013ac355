"""API v2 shapes: every documented field of every type, as external sites read them."""

import pytest

pytestmark = pytest.mark.django_db

RELATION_KEYS = {"id", "title", "url", "locale"}
IMAGE_KEYS = {"id", "url", "width", "height", "alt"}
DOCUMENT_KEYS = {"id", "title", "url", "file_extension"}
PAGE_COMMON = {"id", "meta", "title", "listing_summary", "listing_image", "translations"}


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def ref(page) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.full_url,
        "locale": page.locale.language_code,
    }


class TestPressRelease:
    def test_fields(self, client, catalogue):
        data = detail(client, catalogue.release)
        assert set(data) == PAGE_COMMON | {
            "date",
            "lead",
            "body",
            "tags",
            "related_groups",
            "related_partners",
            "attachments",
            "contact",
        }
        assert data["meta"]["type"] == "home.PressReleasePage"
        assert data["meta"]["locale"] == "it"
        assert data["meta"]["html_url"].startswith("http://localhost/it/comunicati-stampa/")
        assert data["date"] == "2012-01-16"
        assert data["tags"] == ["cluster", "energia"]
        assert data["related_groups"] == [ref(catalogue.energy)]
        assert data["related_partners"] == [ref(catalogue.lead)]

    def test_attachments_leave_out_documents_in_restricted_collections(self, client, catalogue):
        attachments = detail(client, catalogue.release)["attachments"]
        assert [doc["title"] for doc in attachments] == ["Programma del forum"]
        assert set(attachments[0]) == DOCUMENT_KEYS
        assert attachments[0]["url"].startswith("http://localhost/documents/")

    def test_listing_image_is_a_rendition_with_alt_text(self, client, catalogue):
        image = detail(client, catalogue.release)["listing_image"]
        assert set(image) == IMAGE_KEYS
        assert image["url"].startswith("http://localhost/media/images/")
        assert (image["width"], image["height"]) == (100, 100)
        assert image["alt"] == "Logo della Regione"

    def test_translations_list_the_other_locales(self, client, catalogue):
        it, en = catalogue.release, catalogue.release_en
        assert detail(client, it)["translations"] == [
            {"locale": "en", "id": en.pk, "url": en.full_url}
        ]
        assert detail(client, en)["translations"] == [
            {"locale": "it", "id": it.pk, "url": it.full_url}
        ]
        assert detail(client, en)["title"] == "Thematic groups launched"

    def test_body_is_typed_blocks_with_rendered_rich_text(self, client, catalogue):
        body = detail(client, catalogue.release)["body"]
        assert [block["type"] for block in body] == [
            "paragraph",
            "heading",
            "quote",
            "image",
            "document",
            "document",
            "embed",
        ]
        assert all(set(block) == {"type", "value", "id"} for block in body)
        paragraph = body[0]["value"]
        assert "linktype" not in paragraph and "<embed" not in paragraph
        assert f'href="{catalogue.lead.full_url}"' in paragraph
        assert f'href="http://localhost/documents/{catalogue.public_doc.pk}/' in paragraph
        # The link to the restricted document loses its target, keeping only its text.
        assert "<a>il verbale</a>" in paragraph
        assert 'href="https://www.interreg-central.eu/"' in paragraph
        assert body[1]["value"] == {"text": "Cinque gruppi tematici", "level": "h2"}
        assert body[2]["value"] == {
            "quote": "Un meta-cluster transnazionale.",
            "attribution": "Il capofila",
        }
        assert set(body[3]["value"]["image"]) == IMAGE_KEYS
        assert body[3]["value"]["caption"] == "Il primo exchange forum"
        assert body[4]["value"]["document"]["title"] == "Programma del forum"
        assert body[5]["value"] == {"document": None, "label": "Verbale interno"}
        assert body[6]["value"].startswith("https://www.youtube.com/")


class TestPartner:
    def test_fields(self, client, catalogue):
        data = detail(client, catalogue.stuttgart)
        assert set(data) == PAGE_COMMON | {
            "short_name",
            "kind",
            "project_role",
            "country",
            "region",
            "city",
            "website",
            "logo",
            "description",
            "groups",
        }
        assert data["short_name"] == "WRS"
        assert data["kind"] == "cluster_manager"
        assert data["country"] == "DE"
        assert data["region"] == "Baden-Württemberg"
        assert data["city"] == "Stoccarda"
        assert data["website"] == "https://example.org/"
        assert data["logo"] is None
        assert data["description"] == "<p>Agenzia di sviluppo del territorio.</p>"
        assert data["groups"] == [ref(catalogue.energy)]

    def test_logo_is_a_rendition(self, client, catalogue):
        assert set(detail(client, catalogue.lead)["logo"]) == IMAGE_KEYS


class TestThematicGroup:
    def test_fields(self, client, catalogue):
        data = detail(client, catalogue.energy)
        assert set(data) == PAGE_COMMON | {
            "sector",
            "objectives",
            "coordinators",
            "supporters",
            "members",
            "activities",
            "plan",
        }
        assert data["sector"] == "energy_environment"
        assert (
            data["objectives"] == f'<p>Guidato da <a href="{catalogue.lead.full_url}">RL</a>.</p>'
        )
        assert data["coordinators"] == [ref(catalogue.lead)]
        assert data["supporters"] == []
        assert data["members"] == [ref(catalogue.stuttgart)]
        assert data["plan"] == ref(catalogue.plan)
        forum = data["activities"][0]
        assert forum["type"] == "exchange_forum"
        assert forum["value"] == {
            "title": "Primo exchange forum",
            "date": "2012-03-15",
            "place": "Stoccarda",
            "description": "<p>Incontro tra i gestori di cluster.</p>",
        }

    def test_a_group_without_plan(self, client, catalogue):
        assert detail(client, catalogue.ict)["plan"] is None


class TestStrategicPlan:
    def test_fields(self, client, catalogue):
        data = detail(client, catalogue.plan)
        assert set(data) == PAGE_COMMON | {
            "group",
            "status",
            "version",
            "adopted_on",
            "summary",
            "sections",
            "attachment",
        }
        assert data["group"] == ref(catalogue.energy)
        assert (data["status"], data["version"], data["adopted_on"]) == (
            "adopted",
            "0.3",
            "2013-05-20",
        )
        assert data["summary"] == "Azioni per arrivare al meta-cluster transnazionale."
        assert data["attachment"]["title"] == "Piano energia (PDF)"
        assert data["attachment"]["file_extension"] == "pdf"
        objective, action = data["sections"]
        assert objective["type"] == "objective"
        assert action["value"]["owner"] == ref(catalogue.lead)
        assert action["value"]["start"] == "2012-03-01"
        assert action["value"]["indicators"] == ["Numero di imprese mappate"]


@pytest.mark.parametrize(
    "index", ["home", "press_index", "partner_index", "group_index", "knowledge_index"]
)
def test_home_and_index_pages_render_their_intro(client, catalogue, index):
    page = getattr(catalogue.tree, index)
    data = detail(client, page)
    assert set(data) >= PAGE_COMMON | {"intro"}
    assert data["intro"].startswith("<p>")


def test_group_index_names_its_coordinator(client, catalogue):
    index = catalogue.tree.group_index
    index.coordinator = catalogue.lead
    index.save_revision().publish()
    assert detail(client, index)["coordinator"] == ref(catalogue.lead)


def test_listing_defaults(client, catalogue):
    response = client.get("/api/v2/pages/", {"type": "home.PressReleasePage"})
    item = response.json()["items"][0]
    assert set(item) == {"id", "meta", "title"}
    assert set(item["meta"]) == {
        "type",
        "detail_url",
        "html_url",
        "slug",
        "first_published_at",
        "locale",
    }


def test_listing_fields_on_request(client, catalogue):
    response = client.get(
        "/api/v2/pages/", {"type": "home.PressReleasePage", "fields": "date,tags,translations"}
    )
    items = {item["id"]: item for item in response.json()["items"]}
    assert items[catalogue.release.pk]["tags"] == ["cluster", "energia"]
    assert items[catalogue.release.pk]["translations"][0]["id"] == catalogue.release_en.pk


class TestDocuments:
    def test_listing(self, client, catalogue):
        items = client.get("/api/v2/documents/").json()["items"]
        public = next(item for item in items if item["id"] == catalogue.public_doc.pk)
        assert public["title"] == "Programma del forum"
        assert public["meta"]["tags"] == ["forum"]
        assert public["meta"]["download_url"] == f"http://localhost{catalogue.public_doc.url}"

    def test_detail(self, client, catalogue):
        data = client.get(f"/api/v2/documents/{catalogue.public_doc.pk}/").json()
        assert set(data) == {
            "id",
            "meta",
            "title",
            "description",
            "language",
            "kind",
            "thematic_group",
            "file_extension",
            "file_size",
            "created_at",
        }
        assert data["kind"] == "presentation"
        assert data["language"] == "it"
        assert data["thematic_group"] == ref(catalogue.energy)
        assert data["file_extension"] == "pdf"


class TestImages:
    def test_listing_gives_a_rendition(self, client, catalogue):
        item = client.get("/api/v2/images/").json()["items"][0]
        assert item["title"] == "Logo Regione"
        assert set(item["rendition"]) == IMAGE_KEYS
        assert item["rendition"]["alt"] == "Logo della Regione"
        assert item["meta"]["download_url"].startswith("http://localhost/media/original_images/")

    def test_detail(self, client, catalogue):
        data = client.get(f"/api/v2/images/{catalogue.image.pk}/").json()
        assert {"id", "title", "width", "height", "rendition"} <= set(data)
