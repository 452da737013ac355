"""Refusals that say nothing: what a workspace and a private document answer to people outside
the group.

A visitor is sent to sign in; a signed-in partner of another group is told the workspace is not
theirs. Neither ever reads a title of the workspace's pages or documents, on any channel, and a
private document's id answers exactly as an id that names nothing.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.models import Page

from cms.knowledge.models import ProjectDocument
from tests.signin import bearer
from tests.workspace_content import PRIVATE_TITLE

pytestmark = pytest.mark.django_db

OUTSIDERS = ("anonymous", "outsider")


def _routes(workspace, document_id: int) -> list[str]:
    return [workspace.url, f"{workspace.url}upload/", f"{workspace.url}documents/{document_id}/"]


def _body(response, asked: str) -> str:
    """The body with the asked address (which pages echo, e.g. in the language switcher) and
    the per-response form token taken out."""
    # The switcher links to the same address under each language prefix.
    unprefixed = re.sub(r"^/(it|en)/", "/", asked)
    body = response.content.decode().replace(unprefixed, "/ASKED")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", body)


def _json(response, asked_id: int) -> str:
    """The JSON body with the id that was asked for taken out."""
    return re.sub(rf"\b{asked_id}\b", "ID", response.content.decode())


def _missing_document_id() -> int:
    return (ProjectDocument.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


def _missing_page_id() -> int:
    return (Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


class TestAVisitorIsSentToSignIn:
    def test_every_route_of_the_workspace_redirects_with_next(self, client, groups, documents):
        for url in _routes(groups.agri_workspace, documents.private.pk):
            for response in (client.get(url), client.post(url, {"title": "x"})):
                assert response.status_code == 302, url
                location = urlsplit(response["Location"])
                assert location.path == "/it/account/login/"
                assert parse_qs(location.query) == {"next": [url]}
                assert response.content == b""
                assert {"private", "no-store"} <= {
                    part.strip() for part in response["Cache-Control"].split(",")
                }

    def test_signing_in_leads_back_to_the_asked_address(self, client, groups, people, documents):
        people.member.set_password("cordata-test-password")
        people.member.save()
        url = f"{groups.agri_workspace.url}?kind=minutes"
        login = client.get(url)["Location"]
        response = client.post(
            login,
            {"username": "socio", "password": "cordata-test-password", "next": url},
        )
        assert response.status_code == 302
        assert response["Location"] == url
        assert PRIVATE_TITLE in client.get(url).content.decode()


class TestAPartnerOfAnotherGroup:
    def test_is_refused_with_403_and_reads_no_title(self, client_for, groups, documents):
        client = client_for("outsider")
        for url in _routes(groups.agri_workspace, documents.private.pk):
            response = client.get(url)
            html = response.content.decode()
            assert response.status_code == 403, url
            assert "Agroalimentare" in html  # whose workspace it is: the public group's name
            assert groups.agri_workspace.title not in html
            assert PRIVATE_TITLE not in html


class TestAPrivateIdAnswersAsAMissingOne:
    """For someone who may not see it, a private document or page id and an id that names
    nothing get the same status and the same body, on every channel."""

    @pytest.mark.parametrize("who", OUTSIDERS)
    def test_document_download(self, client_for, documents, who):
        client = client_for(who)
        private_url = documents.private.url
        missing_url = private_url.replace(
            f"/documents/{documents.private.pk}/", f"/documents/{_missing_document_id()}/"
        )
        private, missing = client.get(private_url), client.get(missing_url)
        assert private.status_code == missing.status_code == (302 if who == "anonymous" else 404)
        assert _body(private, private_url) == _body(missing, missing_url)
        assert PRIVATE_TITLE not in private.content.decode()
        if who == "anonymous":
            # The same redirect, each back to the address that was asked.
            assert private["Location"].replace(private_url, "ASKED") == missing["Location"].replace(
                missing_url, "ASKED"
            )

    @pytest.mark.parametrize("who", OUTSIDERS)
    @pytest.mark.parametrize("version", ["v2", "v3"])
    def test_api_document_detail(self, client, documents, people, who, version):
        headers = bearer(people.tokens[who])
        private_id, missing_id = documents.private.pk, _missing_document_id()
        private = client.get(f"/api/{version}/documents/{private_id}/", **headers)
        missing = client.get(f"/api/{version}/documents/{missing_id}/", **headers)
        assert private.status_code == missing.status_code == 404
        # The message repeats the id asked for, and nothing else tells them apart.
        assert _json(private, private_id) == _json(missing, missing_id)

    @pytest.mark.parametrize("who", OUTSIDERS)
    @pytest.mark.parametrize("version", ["v2", "v3"])
    def test_api_page_detail(self, client, groups, people, who, version):
        headers = bearer(people.tokens[who])
        private_id, missing_id = groups.agri_workspace.pk, _missing_page_id()
        private = client.get(f"/api/{version}/pages/{private_id}/", **headers)
        missing = client.get(f"/api/{version}/pages/{missing_id}/", **headers)
        assert private.status_code == missing.status_code == 404
        assert _json(private, private_id) == _json(missing, missing_id)

    @pytest.mark.parametrize("who", OUTSIDERS)
    def test_workspace_document_route(self, client_for, groups, documents, who):
        client = client_for(who)
        base = f"{groups.agri_workspace.url}documents/"
        private_url = f"{base}{documents.private.pk}/"
        missing_url = f"{base}{_missing_document_id()}/"
        private, missing = client.get(private_url), client.get(missing_url)
        assert private.status_code == missing.status_code == (302 if who == "anonymous" else 403)
        assert _body(private, private_url) == _body(missing, missing_url)


@pytest.mark.parametrize("who", OUTSIDERS)
def test_no_channel_shows_a_title_of_the_workspace(client_for, site_tree, groups, documents, who):
    """Every page, list, feed, search and error a person outside the group can reach."""
    workspace = groups.agri_workspace
    secrets = {PRIVATE_TITLE, workspace.title}
    client = client_for(who)
    urls = [
        "/it/",
        groups.agri.url,
        site_tree.group_index.url,
        site_tree.knowledge_index.url,
        f"{site_tree.press_index.url}feed/",
        "/sitemap.xml",
        *_routes(workspace, documents.private.pk),
        f"{workspace.url}nessuna-pagina/",
        documents.private.url,
        "/it/search/?q=zafferano",
        "/it/search/?q=Spazio+di+lavoro",
        "/it/account/",
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?type=groups.WorkspacePage",
        f"/api/v2/pages/{workspace.pk}/",
        "/api/v2/documents/?limit=100",
        f"/api/v2/documents/{documents.private.pk}/",
        "/api/v2/search/?q=zafferano&locale=it",
        "/api/v3/pages/?limit=100",
        "/api/v3/documents/?search=zafferano",
        f"/api/v3/documents/{documents.private.pk}/",
    ]
    for url in urls:
        response = client.get(url, follow=True, **bearer(None))
        assert response.status_code < 500, url
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode(errors="replace")
        for secret in secrets:
            assert secret not in body, (url, secret)
