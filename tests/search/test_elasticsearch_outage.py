"""Elasticsearch down is an outage of search only.

With Elasticsearch unreachable, the Wagtail admin's searches (page search, explorer, choosers,
listings, its API) still answer, from a plain database match; the site search and the APIs
answer 503 with a message; saving and publishing pages and documents works and queues the
index writes; `update_index` and `update_index --pending` fail with status 1 and the reason.

No server runs here: "down" is a closed loopback port (connection refused), "silent" a port
that accepts connections and never answers (every request waits for TIMEOUT), and the
recording stand-in of `elasticsearch_server` plays the cluster that comes back.
"""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.core.models import TagTranslation
from cms.home.models import PressReleasePage
from cms.knowledge.models import ProjectDocument
from search.models import PendingIndexUpdate
from tests.factories import (
    PressReleasePageFactory,
    ProjectDocumentFactory,
    SuperUserFactory,
    pdf_bytes,
)

from . import elasticsearch_server

REPO_ROOT = Path(__file__).resolve().parents[2]
DATABASE_BACKEND = {"default": {"BACKEND": "search.backends.database"}}


def es_backend(port: int, **options) -> dict:
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [f"http://127.0.0.1:{port}"],
            "INDEX_PREFIX": "cordata_outage_",
            "TIMEOUT": 1,
            "RETRY_AFTER": 30,
            **options,
        }
    }


@pytest.fixture
def down(settings) -> int:
    """Elasticsearch configured on a closed port: every request is refused at once."""
    port = elasticsearch_server.closed_port()
    settings.WAGTAILSEARCH_BACKENDS = es_backend(port)
    return port


@pytest.fixture
def silent(settings):
    """Elasticsearch configured on a port that never answers: every request times out."""
    with elasticsearch_server.silent_port() as port:
        settings.WAGTAILSEARCH_BACKENDS = es_backend(port)
        yield port


@pytest.fixture(params=["down", "silent"])
def unreachable(request) -> int:
    return request.getfixturevalue(request.param)


@pytest.fixture
def content(site_tree):
    """A page, a document, an image and a tag translation, indexed while search was fine."""
    with override_settings(WAGTAILSEARCH_BACKENDS=DATABASE_BACKEND):
        page = PressReleasePageFactory(
            title="Piano per il turismo sostenibile", lead="Destinazioni di qualità."
        )
        document = ProjectDocumentFactory(title="Rapporto di valutazione")
        image = wagtail_factories.ImageFactory(title="Mappa dei distretti")
        TagTranslation.objects.create(
            tag=Tag.objects.create(name="turismo"), language_code="en", name="tourism"
        )
    return {"site_tree": site_tree, "page": page, "document": document, "image": image}


@pytest.fixture
def editor(client):
    client.force_login(SuperUserFactory())
    client.raise_request_exception = False
    return client


def _no_error_page(response) -> str:
    body = response.content.decode()
    assert "Traceback" not in body
    assert "Server Error" not in body
    return body


# What the admin searches, where, and the title it must find: every view that searches.
ADMIN_SEARCHES = [
    ("/admin/pages/search/?q=turismo", "Piano per il turismo sostenibile"),
    ("/admin/pages/search/results/?q=turismo", "Piano per il turismo sostenibile"),
    ("/admin/pages/{press_index}/?q=turismo", "Piano per il turismo sostenibile"),
    ("/admin/choose-page/search/?q=turismo", "Piano per il turismo sostenibile"),
    ("/admin/api/main/pages/?search=turismo", "Piano per il turismo sostenibile"),
    ("/admin/documents/?q=valutazione", "Rapporto di valutazione"),
    ("/admin/documents/results/?q=valutazione", "Rapporto di valutazione"),
    ("/admin/documents/chooser/?q=valutazione", "Rapporto di valutazione"),
    ("/admin/documents/chooser/results/?q=valutazione", "Rapporto di valutazione"),
    ("/admin/images/?q=distretti", "Mappa dei distretti"),
    ("/admin/images/results/?q=distretti", "Mappa dei distretti"),
    ("/admin/images/chooser/?q=distretti", "Mappa dei distretti"),
    ("/admin/images/chooser/results/?q=distretti", "Mappa dei distretti"),
    ("/admin/snippets/core/tagtranslation/?q=tourism", "tourism"),
]


@pytest.mark.django_db
class TestTheAdminStillSearches:
    """While Elasticsearch cannot answer, the admin's searches match in the database instead."""

    @pytest.mark.parametrize(("url", "title"), ADMIN_SEARCHES)
    def test_search_answers_from_the_database(self, editor, content, down, url, title):
        url = url.format(press_index=content["site_tree"].press_index.pk)
        response = editor.get(url)
        assert response.status_code == 200, url
        assert title in _no_error_page(response)

    @pytest.mark.parametrize(
        "url", ["/admin/documents/chooser/?q=valutazione", "/admin/images/chooser/?q=distretti"]
    )
    def test_choosers_answer_their_modal_json(self, editor, content, down, url):
        response = editor.get(url)
        assert response.status_code == 200
        modal = response.json()
        assert modal["step"] == "choose"
        assert "Rapporto di valutazione" in modal["html"] or "Mappa dei distretti" in modal["html"]

    def test_the_database_match_is_narrowed_by_the_query(self, editor, content, down):
        with override_settings(WAGTAILSEARCH_BACKENDS=DATABASE_BACKEND):
            PressReleasePageFactory(title="Forum sull'energia", lead="Imprese.")
        body = _no_error_page(editor.get("/admin/pages/search/?q=turismo"))
        assert "Piano per il turismo sostenibile" in body
        assert "Forum sull&#x27;energia" not in body and "Forum sull'energia" not in body

    def test_bulk_actions_on_a_searched_listing(self, editor, content, down):
        response = editor.get(
            "/admin/bulk/knowledge/projectdocument/delete/",
            {"id": "all", "q": "valutazione", "next": "/admin/documents/"},
        )
        assert response.status_code == 200
        assert "Rapporto di valutazione" in _no_error_page(response)

    def test_a_silent_server_costs_one_timeout_per_outage(self, editor, content, settings):
        """After the first request times out the server is not asked again for RETRY_AFTER."""
        state, server = elasticsearch_server.start()
        state.delay = 2  # longer than TIMEOUT
        settings.WAGTAILSEARCH_BACKENDS = es_backend(int(state.url.rsplit(":", 1)[1]))
        try:
            response = editor.get("/admin/pages/search/?q=turismo")
            again = editor.get("/admin/documents/?q=valutazione")
        finally:
            server.shutdown()
            server.server_close()
        assert response.status_code == again.status_code == 200
        assert "Piano per il turismo sostenibile" in response.content.decode()
        assert "Rapporto di valutazione" in again.content.decode()
        # The page search counts, lists and facets: one request reached the server.
        assert len([r for r in state.requests if r.path.endswith(("_search", "_count"))]) == 1


@pytest.mark.django_db
class TestTheSiteAndTheAPIsSayUnavailable:
    """The site search and the APIs answer 503 with a message, never a 500."""

    @pytest.mark.parametrize(
        ("language", "heading"),
        [
            ("it", "La ricerca è temporaneamente non disponibile"),
            ("en", "Search is temporarily unavailable"),
        ],
    )
    def test_site_search_in_each_language(self, client, content, unreachable, language, heading):
        response = client.get(f"/{language}/search/", {"q": "turismo"})
        assert response.status_code == 503
        assert heading in _no_error_page(response)

    def test_a_silent_server_is_not_asked_again_for_a_while(self, client, content, settings):
        state, server = elasticsearch_server.start()
        state.delay = 2  # longer than TIMEOUT
        settings.WAGTAILSEARCH_BACKENDS = es_backend(int(state.url.rsplit(":", 1)[1]))
        try:
            first = client.get("/it/search/", {"q": "turismo"})
            second = client.get("/en/search/", {"q": "tourism"})
        finally:
            server.shutdown()
            server.server_close()
        assert first.status_code == second.status_code == 503
        # The first search waited for one timeout; for RETRY_AFTER seconds nothing else asks.
        assert len([r for r in state.requests if r.path.endswith("/_search")]) == 1

    @pytest.mark.parametrize(
        "url",
        [
            "/api/v2/search/?q=turismo",
            "/api/v2/pages/?search=turismo",
            "/api/v2/documents/?search=valutazione",
            "/api/v2/images/?search=distretti",
            "/api/v3/pages/?search=turismo",
            "/api/v3/documents/?search=valutazione",
            "/api/v3/images/?search=distretti",
        ],
    )
    def test_api_search(self, client, content, unreachable, url):
        response = client.get(url)
        assert response.status_code == 503
        body = response.json()
        assert "unavailable" in body["message"]
        if url.startswith("/api/v3/"):
            assert body["status"] == 503 and body["title"] == "Service Unavailable"
        assert "no-store" in response["Cache-Control"]

    def test_the_fallback_ends_with_the_admin_request(self, editor, content, down):
        assert editor.get("/admin/pages/search/", {"q": "turismo"}).status_code == 200
        assert editor.get("/it/search/", {"q": "turismo"}).status_code == 503

    def test_signed_in_api_search(self, editor, content, down):
        # A signed-in request is not inside the admin: no fallback, the same 503.
        response = editor.get("/api/v2/pages/", {"search": "turismo"})
        assert response.status_code == 503


def _publish_press_release(client, parent, *, title: str, slug: str):
    return client.post(
        f"/admin/pages/add/home/pressreleasepage/{parent.pk}/",
        nested_form_data(
            {
                "title": title,
                "slug": slug,
                "date": "2024-05-01",
                "lead": "Pubblicato mentre la ricerca non risponde.",
                "body": streamfield([]),
                "tags": "",
                "related_groups": inline_formset([]),
                "related_partners": inline_formset([]),
                "attachments": inline_formset([]),
                "comments": inline_formset([]),
                "contact": "",
                "seo_title": "",
                "search_description": "",
                "listing_summary": "",
                "action-publish": "action-publish",
            }
        ),
    )


def _upload_document(client, *, title: str):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": ContentFile(pdf_bytes("Indagine sui servizi turistici"), name="rapporto.pdf"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "description": "Caricato durante il guasto.",
            "language": "it",
            "kind": "report",
            "thematic_group": "",
        },
    )


def _queued(obj) -> PendingIndexUpdate:
    return PendingIndexUpdate.objects.get(object_id=str(obj.pk))


@pytest.mark.django_db
class TestSavingWhileDown:
    """Saving and publishing work; the index writes wait in the queue."""

    def test_publishing_a_page(self, editor, site_tree, unreachable):
        response = _publish_press_release(
            editor, site_tree.press_index, title="Comunicato durante il guasto", slug="guasto"
        )
        assert response.status_code == 302
        page = PressReleasePage.objects.get(slug="guasto")
        assert page.live
        assert _queued(page).action == "index"
        # The explorer the editor lands on answers too.
        assert editor.get(response["Location"]).status_code == 200

    def test_editing_and_publishing_a_page(self, editor, content, unreachable):
        page = content["page"]
        response = editor.post(
            f"/admin/pages/{page.pk}/edit/",
            nested_form_data(
                {
                    "title": "Piano per il turismo, rivisto",
                    "slug": page.slug,
                    "date": "2024-05-02",
                    "lead": page.lead,
                    "body": streamfield([]),
                    "tags": "",
                    "related_groups": inline_formset([]),
                    "related_partners": inline_formset([]),
                    "attachments": inline_formset([]),
                    "comments": inline_formset([]),
                    "contact": "",
                    "seo_title": "",
                    "search_description": "",
                    "listing_summary": "",
                    "action-publish": "action-publish",
                }
            ),
        )
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.title == "Piano per il turismo, rivisto" and page.live
        assert _queued(page).action == "index"

    def test_uploading_and_editing_a_document(self, editor, site_tree, unreachable):
        response = _upload_document(editor, title="Rapporto durante il guasto")
        assert response.status_code == 302
        document = ProjectDocument.objects.get(title="Rapporto durante il guasto")
        assert _queued(document).action == "index"

        response = editor.post(
            f"/admin/documents/edit/{document.pk}/",
            {
                "title": "Rapporto rivisto",
                "collection": document.collection_id,
                "tags": "",
                "description": "Rivisto durante il guasto.",
                "language": "it",
                "kind": "report",
                "thematic_group": "",
            },
        )
        assert response.status_code == 302
        document.refresh_from_db()
        assert document.title == "Rapporto rivisto"
        assert _queued(document).action == "index"

    def test_uploading_an_image(self, editor, site_tree, unreachable):
        png = io.BytesIO()
        PILImage.new("RGB", (8, 8), "white").save(png, "PNG")
        response = editor.post(
            "/admin/images/add/",
            {
                "title": "Foto durante il guasto",
                "file": ContentFile(png.getvalue(), name="foto.png"),
                "collection": Collection.get_first_root_node().pk,
                "tags": "",
            },
        )
        assert response.status_code == 302
        image = get_image_model().objects.get(title="Foto durante il guasto")
        assert _queued(image).action == "index"


@pytest.mark.django_db
class TestUpdateIndexWhileDown:
    """`update_index` and `update_index --pending` fail with status 1 and the reason."""

    def test_pending_fails_with_the_reason_and_keeps_the_queue(self, site_tree, down):
        release = PressReleasePageFactory(title="In attesa", lead="Guasto.")
        attempts = _queued(release).attempts
        with pytest.raises(CommandError) as failure:
            call_command("update_index", "--pending", stdout=io.StringIO())
        assert failure.value.returncode == 1
        message = str(failure.value)
        assert "still fail and stay queued" in message
        assert "Connection refused" in message
        entry = _queued(release)
        assert "Connection refused" in entry.error
        assert entry.attempts == attempts + 1

    def test_pending_stops_at_the_first_timeout(self, site_tree, silent):
        releases = [PressReleasePageFactory(title=f"In coda {n}", lead="Guasto.") for n in range(3)]
        before = [_queued(release).attempts for release in releases]
        with pytest.raises(CommandError, match="3 queued index writes still fail"):
            call_command("update_index", "--pending", stdout=io.StringIO())
        tried = [
            _queued(release).attempts - was for release, was in zip(releases, before, strict=True)
        ]
        # The first write waited for the timeout; the others were left for the next run.
        assert sorted(tried) == [0, 0, 1]

    def test_full_rebuild_fails_with_the_reason(self, site_tree, down):
        PressReleasePageFactory(title="Da ricostruire", lead="Guasto.")
        with pytest.raises(CommandError) as failure:
            call_command("update_index", stdout=io.StringIO())
        assert failure.value.returncode == 1
        assert "was not rebuilt" in str(failure.value)
        assert "Connection refused" in str(failure.value)
        assert PendingIndexUpdate.objects.exists()  # nothing queued was forgotten

    def test_manage_py_exits_1_with_the_reason_on_stderr(self, tmp_path):
        """As an operator runs it: status 1, one line on stderr, no traceback."""
        port = elasticsearch_server.closed_port()
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
            "ELASTICSEARCH_URL": f"http://127.0.0.1:{port}",
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "update_index"],
            cwd=REPO_ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1, result.stdout + result.stderr
        assert "CommandError: The search index of backend 'default' was not rebuilt" in (
            result.stderr
        )
        assert "Connection refused" in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_after_the_cluster_comes_back_the_queue_is_replayed(editor, content, down):
    """Writes queued while down reach the server once it answers, and searches use it again."""
    response = _publish_press_release(
        editor, content["site_tree"].press_index, title="Pubblicato al buio", slug="al-buio"
    )
    assert response.status_code == 302
    page = PressReleasePage.objects.get(slug="al-buio")
    assert _upload_document(editor, title="Caricato al buio").status_code == 302
    document = ProjectDocument.objects.get(title="Caricato al buio")
    with pytest.raises(CommandError):
        call_command("update_index", "--pending", stdout=io.StringIO())
    assert PendingIndexUpdate.objects.count() == 2

    state, server = elasticsearch_server.start(port=down)
    try:
        output = io.StringIO()
        call_command("update_index", "--pending", stdout=output)
        state.hits = [(str(page.pk), 1.0)]
        admin_search = editor.get("/admin/pages/search/", {"q": "buio"})
        site_search = editor.get("/it/search/", {"q": "buio"})
    finally:
        server.shutdown()
        server.server_close()

    assert "Replayed 2 queued index writes; 0 still failing." in output.getvalue()
    assert not PendingIndexUpdate.objects.exists()
    written = {r.path: r.body for r in state.requests if r.method == "PUT" and "/_doc/" in r.path}
    page_index, document_index = (
        "cordata_outage_wagtailcore_page",
        "cordata_outage_knowledge_projectdocument",
    )
    assert written[f"/{page_index}/_doc/{page.pk}"]["cordata_title_it"] == "Pubblicato al buio"
    assert (
        written[f"/{document_index}/_doc/{document.pk}"]["cordata_title_it"] == "Caricato al buio"
    )
    # Both searches asked the server again rather than the database.
    assert admin_search.status_code == 200
    assert "Pubblicato al buio" in admin_search.content.decode()
    assert site_search.status_code == 200
    assert "Pubblicato al buio" in site_search.content.decode()
    page_searches = state.bodies("POST", "wagtailcore_page/_search")
    assert len(page_searches) >= 2
