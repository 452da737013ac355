"""The response cache: anonymous responses come from it, content changes retire them, and
nothing that depends on who asks is ever kept or served to someone else."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import BaseViewRestriction, Collection

from cms.core import cache
from cms.core.middleware import AnonymousResponseCacheMiddleware
from tests.api.helpers import token_for
from tests.factories import (
    CollectionFactory,
    CollectionViewRestrictionFactory,
    GroupFactory,
    PageViewRestrictionFactory,
    PressReleasePageFactory,
    ProjectDocumentFactory,
    UserFactory,
)
from tests.signin import bearer

pytestmark = pytest.mark.django_db


def fetch(client, url, **extra):
    """The response to `url` and the number of SQL queries it cost."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


@pytest.fixture
def release(site_tree):
    return PressReleasePageFactory(title="Avviati i gruppi tematici", lead="Cinque gruppi.")


@pytest.fixture
def member(db):
    group = GroupFactory(name="Partner di progetto")
    return UserFactory(username="membro-del-gruppo", groups=[group]), group


class TestServedFromCache:
    @pytest.mark.parametrize("name", ["home", "press index", "release", "search", "api list"])
    def test_a_second_anonymous_request_costs_no_query(self, client, response_cache, release, name):
        url = {
            "home": "/it/",
            "press index": release.get_parent().url,
            "release": release.url,
            "search": "/it/search/?q=gruppi",
            "api list": "/api/v2/pages/?type=home.PressReleasePage",
        }[name]
        first, first_queries = fetch(client, url)
        second, second_queries = fetch(client, url)
        assert first.status_code == second.status_code == 200
        assert first_queries > 0
        assert second_queries == 0
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]

    def test_the_api_answers_if_none_match_from_the_cache(self, client, response_cache, release):
        url = "/api/v2/pages/?type=home.PressReleasePage"
        etag = client.get(url)["ETag"]
        response, queries = fetch(client, url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304
        assert queries == 0

    def test_each_url_and_language_has_its_own_entry(self, client, response_cache, release):
        other = PressReleasePageFactory(title="Firmato il partenariato", lead="A Milano.")
        first = client.get("/it/search/?q=gruppi").content.decode()
        second = client.get("/it/search/?q=partenariato").content.decode()
        assert "Avviati i gruppi tematici" in first and "Firmato il partenariato" not in first
        assert other.title in second and release.title not in second
        # The API answers in the negotiated language: one entry per language.
        it = client.get("/api/v2/pages/?type=home.PressReleasePage", HTTP_ACCEPT_LANGUAGE="it")
        en, queries = fetch(
            client, "/api/v2/pages/?type=home.PressReleasePage", HTTP_ACCEPT_LANGUAGE="en"
        )
        assert it.status_code == en.status_code == 200
        assert queries > 0

    def test_off_unless_configured(self, client, settings, release):
        settings.CORDATA_RESPONSE_CACHE_SECONDS = 0
        client.get(release.url)
        _, queries = fetch(client, release.url)
        assert queries > 0


class TestInvalidation:
    def test_publishing_retires_the_cached_pages(self, client, response_cache, release):
        index_url = release.get_parent().url
        assert "Avviati i gruppi tematici" in client.get(index_url).content.decode()
        fetch(client, release.url)
        release.title = "Cinque gruppi tematici al lavoro"
        release.save_revision().publish()
        assert "Cinque gruppi tematici al lavoro" in client.get(release.url).content.decode()
        assert "Cinque gruppi tematici al lavoro" in client.get(index_url).content.decode()

    def test_a_new_release_appears_on_the_home_page(self, client, response_cache, release):
        client.get("/it/")
        new = PressReleasePageFactory(title="Nuovo comunicato", live=False)
        new.save_revision().publish()
        assert "Nuovo comunicato" in client.get("/it/").content.decode()

    def test_unpublishing_retires_the_page(self, client, response_cache, release):
        url = release.url
        assert client.get(url).status_code == 200
        release.unpublish()
        assert client.get(url).status_code == 404
        assert release.title not in client.get(release.get_parent().url).content.decode()

    def test_deleting_retires_the_page(self, client, response_cache, release):
        url, index_url = release.url, release.get_parent().url
        client.get(url)
        client.get(index_url)
        release.delete()
        assert client.get(url).status_code == 404
        assert "Avviati i gruppi tematici" not in client.get(index_url).content.decode()

    def test_moving_retires_the_old_address(self, client, response_cache, release, site_tree):
        url = release.url
        client.get(url)
        # A press release can only live under a press release index: make a second one.
        from tests.factories import PressReleaseIndexPageFactory

        archive = PressReleaseIndexPageFactory(title="Archivio", slug="archivio")
        release.move(archive, pos="last-child")
        moved = client.get(url)
        # Wagtail leaves a redirect from the old address to the new one.
        assert moved.status_code == 301
        assert moved["Location"] == "/it/archivio/avviati-i-gruppi-tematici/"

    def test_a_page_made_private_is_no_longer_served(self, client, response_cache, release, member):
        _, group = member
        index_url = release.get_parent().url
        assert client.get(release.url).status_code == 200
        assert release.title in client.get(index_url).content.decode()
        api = "/api/v2/pages/?type=home.PressReleasePage"
        assert release.title in client.get(api).content.decode()
        PageViewRestrictionFactory(
            page=release, restriction_type=BaseViewRestriction.GROUPS, groups=[group]
        )
        assert client.get(release.url).status_code == 302  # to the sign-in page
        assert release.title not in client.get(index_url).content.decode()
        assert release.title not in client.get(api).content.decode()

    def test_a_collection_made_private_hides_its_documents(self, client, response_cache, site_tree):
        collection = CollectionFactory(name="Verbali", parent=Collection.get_first_root_node())
        ProjectDocumentFactory(
            title="Verbale del comitato",
            collection=collection,
            file=ContentFile(b"Verbale.", name="verbale.txt"),
        )
        url = site_tree.knowledge_index.url
        assert "Verbale del comitato" in client.get(url).content.decode()
        CollectionViewRestrictionFactory(collection=collection)
        assert "Verbale del comitato" not in client.get(url).content.decode()

    def test_a_new_document_appears_in_the_library(self, client, response_cache, site_tree):
        url = site_tree.knowledge_index.url
        client.get(url)
        ProjectDocumentFactory(
            title="Rapporto finale", file=ContentFile(b"Rapporto.", name="rapporto.txt")
        )
        assert "Rapporto finale" in client.get(url).content.decode()

    def test_another_process_changing_content_retires_entries(
        self, client, response_cache, release
    ):
        # What a worker does after another worker published: it sees a new generation.
        client.get(release.url)
        cache._write_generation_file(cache._generation_file())
        _, queries = fetch(client, release.url)
        assert queries > 0

    def test_a_response_rendered_during_a_change_is_not_kept_for_later(
        self, client, response_cache, release, monkeypatch
    ):
        # The generation is read before the view runs: a change while it renders (another
        # worker publishing) leaves the entry with an old generation.
        real_get_response = AnonymousResponseCacheMiddleware.__call__

        def publish_meanwhile(self, request):
            original = self.get_response

            def get_response(request):
                response = original(request)
                cache.invalidate()
                return response

            self.get_response = get_response
            try:
                return real_get_response(self, request)
            finally:
                self.get_response = original

        monkeypatch.setattr(AnonymousResponseCacheMiddleware, "__call__", publish_meanwhile)
        client.get(release.url)
        monkeypatch.undo()
        _, queries = fetch(client, release.url)
        assert queries > 0


class TestNeverForSomeoneInParticular:
    def test_signed_in_visitors_are_never_served_or_stored(
        self, client, response_cache, release, member
    ):
        user, _ = member
        anonymous = client.get(release.url).content  # an anonymous entry exists
        client.force_login(user)
        signed_in, queries = fetch(client, release.url)
        assert queries > 0
        assert signed_in.content != anonymous  # the header offers the account and sign-out
        _, queries = fetch(client, release.url)
        assert queries > 0
        client.logout()
        assert client.__class__().get(release.url).content == anonymous

    def test_private_api_answers_are_not_kept(self, client, response_cache, release, member):
        user, group = member
        secret = PressReleasePageFactory(title="Riunione riservata del comitato")
        PageViewRestrictionFactory(
            page=secret, restriction_type=BaseViewRestriction.GROUPS, groups=[group]
        )
        url = "/api/v2/pages/?type=home.PressReleasePage"
        private = client.get(url, **bearer(token_for(user)))
        assert "private" in private["Cache-Control"]
        assert secret.title in private.content.decode()
        public, queries = fetch(client, url)
        assert queries > 0
        assert secret.title not in public.content.decode()
        # And a bearer request never receives the anonymous entry.
        again, queries = fetch(client, url, **bearer(token_for(user)))
        assert queries > 0
        assert secret.title in again.content.decode()

    def test_a_request_with_a_session_cookie_goes_to_the_view(
        self, client, response_cache, release
    ):
        client.get(release.url)
        client.cookies["sessionid"] = "not-a-real-session"
        _, queries = fetch(client, release.url)
        assert queries > 0

    def test_the_admin_and_document_downloads_are_never_kept(
        self, client, response_cache, site_tree
    ):
        document = ProjectDocumentFactory(
            title="Programma", file=ContentFile(b"Programma.", name="programma.txt")
        )
        client.get(document.url)
        _, queries = fetch(client, document.url)
        assert queries > 0


class TestWhatIsKept:
    """The middleware on its own, with views that answer in ways the site's views do not."""

    @pytest.fixture
    def serve(self, response_cache, settings):
        settings.ALLOWED_HOSTS = ["testserver"]
        factory = RequestFactory()
        calls = []

        def run(make_response, path="/it/prova/", **extra):
            def view(request):
                calls.append(request.path)
                return make_response()

            middleware = AnonymousResponseCacheMiddleware(view)
            for _ in range(2):
                request = factory.get(path, **extra)
                middleware(request)
            return len(calls)

        return run

    def test_a_plain_response_is_kept(self, serve):
        assert serve(lambda: HttpResponse("ciao")) == 1

    def test_a_response_that_sets_a_cookie_is_not_kept(self, serve):
        def response():
            answer = HttpResponse("ciao")
            answer.set_cookie("preferenza", "1")
            return answer

        assert serve(response) == 2

    @pytest.mark.parametrize(
        "directive", ["private", "no-store", "no-cache", "private, max-age=60"]
    )
    def test_a_private_response_is_not_kept(self, serve, directive):
        def response():
            answer = HttpResponse("ciao")
            answer["Cache-Control"] = directive
            return answer

        assert serve(response) == 2

    def test_an_error_is_not_kept(self, serve):
        assert serve(lambda: HttpResponse("no", status=500)) == 2

    def test_vary_star_is_not_kept(self, serve):
        def response():
            answer = HttpResponse("ciao")
            answer["Vary"] = "*"
            return answer

        assert serve(response) == 2

    def test_a_request_with_authorization_is_never_answered_from_the_cache(self, serve):
        assert serve(lambda: HttpResponse("ciao"), HTTP_AUTHORIZATION="Bearer x") == 2

    def test_a_messages_cookie_bypasses_the_cache(self, serve):
        assert serve(lambda: HttpResponse("ciao"), HTTP_COOKIE="messages=abc") == 2


class TestGenerationInTheCache:
    """With Redis the generation is a key beside the responses, shared by every host."""

    @pytest.fixture
    def shared_cache(self, response_cache, settings):
        settings.CORDATA_RESPONSE_CACHE_GENERATION_FILE = ""
        return response_cache

    def test_served_then_retired_on_publish(self, client, shared_cache, release):
        client.get(release.url)
        _, queries = fetch(client, release.url)
        assert queries == 0
        release.title = "Titolo nuovo"
        release.save_revision().publish()
        assert "Titolo nuovo" in client.get(release.url).content.decode()

    def test_another_host_changing_content_retires_entries(self, client, shared_cache, release):
        client.get(release.url)
        shared_cache.incr(cache.GENERATION_KEY)
        _, queries = fetch(client, release.url)
        assert queries > 0

    def test_a_lost_generation_never_revives_old_entries(self, client, shared_cache, release):
        client.get(release.url)
        shared_cache.delete(cache.GENERATION_KEY)  # evicted
        _, queries = fetch(client, release.url)
        assert queries > 0


class TestUnusableGenerationFile:
    """A generation file that cannot be read or written turns the cache off, not the site."""

    @pytest.fixture
    def broken(self, response_cache, settings, tmp_path):
        # A directory where the file should be: reading and replacing it both fail.
        path = tmp_path / "not-a-file"
        path.mkdir()
        (path / "keep").write_text("")
        settings.CORDATA_RESPONSE_CACHE_GENERATION_FILE = str(path)
        return path

    def test_pages_are_served_uncached(self, client, broken, release):
        assert client.get(release.url).status_code == 200
        response, queries = fetch(client, release.url)
        assert response.status_code == 200
        assert queries > 0

    def test_publishing_still_works(self, client, broken, release):
        release.title = "Titolo nuovo"
        release.save_revision().publish()
        assert "Titolo nuovo" in client.get(release.url).content.decode()
