"""The privacy matrix: a workspace and a private document of Agroalimentare, on every channel,
for an anonymous visitor, a partner of another group, a member and an editor.

Members and the project staff (editors) see them; nobody else does, on any channel. Public
channels (sitemap, feeds) never list them, whoever asks.
"""

import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

from tests.signin import bearer
from tests.workspace_content import PEOPLE, PRIVATE_TITLE, PUBLIC_TITLE

pytestmark = pytest.mark.django_db

ALLOWED = {"member", "editor"}


def _directives(response) -> set[str]:
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}


def _ids(response) -> set[int]:
    assert response.status_code == 200, response.content[:500]
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize("who", PEOPLE)
class TestHTML:
    def test_workspace_page(self, client_for, groups, documents, who):
        response = client_for(who).get(groups.agri_workspace.url)
        html = response.content.decode()
        assert PRIVATE_TITLE not in html or who in ALLOWED
        if who in ALLOWED:
            assert response.status_code == 200
            assert PRIVATE_TITLE in html
            # The public document of the group is listed too.
            assert PUBLIC_TITLE in html
        elif who == "anonymous":
            # Sent to sign in, and back to the workspace afterwards.
            assert response.status_code == 302
            assert response["Location"].startswith("/it/account/login/?next=")
            assert html == ""
        else:
            assert response.status_code == 403
            assert PUBLIC_TITLE not in html
            assert groups.agri_workspace.title not in html
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]

    def test_sub_routes_of_the_workspace(self, client_for, groups, documents, who):
        url = f"{groups.agri_workspace.url}documents/{documents.private.pk}/"
        response = client_for(who).get(url)
        if who in ALLOWED:
            # The document is visible but was uploaded by nobody here: read-only.
            assert response.status_code == 403
            assert PRIVATE_TITLE in response.content.decode()
        elif who == "anonymous":
            assert response.status_code == 302
            assert response["Location"].startswith("/it/account/login/?next=")
        else:
            assert response.status_code == 403
            assert PRIVATE_TITLE not in response.content.decode()

    def test_document_download(self, client_for, documents, who):
        response = client_for(who).get(documents.private.url)
        if who in ALLOWED:
            assert response.status_code == 200
            assert b"".join(response.streaming_content).startswith(b"%PDF-")
            assert "no-store" in response["Cache-Control"]
            assert "private" in response["Cache-Control"]
            # A plain file: no (bogus) content coding for the client to undo.
            assert "Content-Encoding" not in response
        elif who == "anonymous":
            assert response.status_code == 302
            assert "/account/login/" in response["Location"]
            assert "no-store" in response["Cache-Control"]
        else:
            assert response.status_code == 404
            assert PRIVATE_TITLE not in response.content.decode()

    def test_media_url(self, client_for, documents, who):
        # Not routed at all without DEBUG; the DEBUG case is in TestMediaInDevelopment.
        media_url = f"/media/{documents.private.file.name}"
        assert client_for(who).get(media_url).status_code == 404

    def test_html_search(self, client_for, documents, who):
        response = client_for(who).get("/it/search/", {"q": "zafferano"})
        assert response.status_code == 200
        html = response.content.decode()
        assert PUBLIC_TITLE in html
        assert (PRIVATE_TITLE in html) == (who in ALLOWED)
        # Results for a signed-in person are theirs: never kept by a shared cache.
        if who != "anonymous":
            assert {"private", "no-store"} <= _directives(response)

    def test_html_search_for_the_workspace(self, client_for, groups, who):
        response = client_for(who).get("/it/search/", {"q": "Spazio di lavoro"})
        assert response.status_code == 200
        assert (groups.agri_workspace.url in response.content.decode()) == (who in ALLOWED)


@pytest.mark.parametrize("who", PEOPLE)
class TestAPIs:
    @pytest.mark.parametrize("version", ["v2", "v3"])
    def test_pages_list_and_detail(self, client, groups, people, who, version):
        headers = bearer(people.tokens[who])
        workspace = groups.agri_workspace
        listed = _ids(client.get(f"/api/{version}/pages/", {"limit": 100}, **headers))
        assert (workspace.pk in listed) == (who in ALLOWED)
        assert groups.agri.pk in listed  # the group's public page
        detail = client.get(f"/api/{version}/pages/{workspace.pk}/", **headers)
        assert detail.status_code == (200 if who in ALLOWED else 404)

    @pytest.mark.parametrize("version", ["v2", "v3"])
    def test_pages_by_type(self, client, groups, people, who, version):
        headers = bearer(people.tokens[who])
        response = client.get(
            f"/api/{version}/pages/", {"type": "groups.WorkspacePage", "limit": 100}, **headers
        )
        expected = {
            "anonymous": set(),
            "outsider": {groups.energy_workspace.pk},
            "member": {groups.agri_workspace.pk},
            "editor": {groups.agri_workspace.pk, groups.energy_workspace.pk},
        }[who]
        assert _ids(response) == expected

    @pytest.mark.parametrize("version", ["v2", "v3"])
    def test_documents_list_and_detail(self, client, documents, people, who, version):
        headers = bearer(people.tokens[who])
        listed = _ids(client.get(f"/api/{version}/documents/", {"limit": 100}, **headers))
        assert documents.public.pk in listed
        assert (documents.private.pk in listed) == (who in ALLOWED)
        detail = client.get(f"/api/{version}/documents/{documents.private.pk}/", **headers)
        assert detail.status_code == (200 if who in ALLOWED else 404)
        if who in ALLOWED:
            assert {"private", "no-store"} <= _directives(detail)

    def test_session_sees_the_same_as_the_token(self, client_for, groups, who):
        # The v2 API also knows a signed-in visitor of the site.
        listed = _ids(client_for(who).get("/api/v2/pages/", {"limit": 100}))
        assert (groups.agri_workspace.pk in listed) == (who in ALLOWED)

    def test_search_api(self, client, documents, people, who):
        response = client.get(
            "/api/v2/search/", {"q": "zafferano", "locale": "it"}, **bearer(people.tokens[who])
        )
        assert response.status_code == 200, response.content[:300]
        titles = {item["title"] for item in response.json()["items"]}
        assert PUBLIC_TITLE in titles
        assert (PRIVATE_TITLE in titles) == (who in ALLOWED)
        if who != "anonymous":
            assert {"private", "no-store"} <= _directives(response)


@pytest.mark.parametrize("who", PEOPLE)
class TestPublicChannels:
    """Sitemap and feeds describe the public site: nobody's session widens them."""

    def test_sitemap(self, client_for, groups, who):
        response = client_for(who).get("/sitemap.xml")
        assert response.status_code == 200
        xml = response.content.decode()
        assert groups.agri.url in xml
        assert "spazio-di-lavoro" not in xml

    def test_feed(self, client_for, site_tree, groups, documents, who):
        from tests.factories import PageViewRestrictionFactory, PressReleasePageFactory

        public = PressReleasePageFactory(title="Comunicato pubblico sulla filiera")
        internal = PressReleasePageFactory(title="Nota interna del gruppo Agroalimentare")
        PageViewRestrictionFactory(
            page=internal,
            restriction_type="groups",
            groups=[groups.agri_workspace.members_group],
        )
        response = client_for(who).get(f"{site_tree.press_index.url}feed/")
        assert response.status_code == 200
        xml = response.content.decode()
        assert public.title in xml
        assert internal.title not in xml
        assert PRIVATE_TITLE not in xml


@pytest.fixture
def debug_urls(settings):
    """The URLconf as the development server builds it (DEBUG on), restored afterwards."""
    import cms.urls

    settings.DEBUG = True
    clear_url_caches()
    importlib.reload(cms.urls)
    yield
    settings.DEBUG = False
    clear_url_caches()
    with override_settings(DEBUG=False):
        importlib.reload(cms.urls)
    clear_url_caches()


class TestMediaInDevelopment:
    """With DEBUG on, MEDIA_ROOT is served for images only: never a document, whatever path."""

    def test_documents_are_not_served_from_media(self, client_for, documents, debug_urls):
        name = documents.private.file.name  # documents/verbale-zafferano….pdf
        for who in PEOPLE:
            client = client_for(who)
            for path in (
                f"/media/{name}",
                f"/media/images/../{name}",
                f"/media/original_images/../{name}",
                f"/media/./{name}",
                f"/media/images/%2e%2e/{name}",
            ):
                assert client.get(path).status_code == 404, (who, path)

    def test_images_are_served(self, client, debug_urls):
        import wagtail_factories

        image = wagtail_factories.ImageFactory(title="Logo")
        response = client.get(f"/media/{image.file.name}")
        assert response.status_code == 200
