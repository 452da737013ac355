"""The response policy (`cms.core.response_policy`): who counts as signed in, which responses
are one person's, which the response cache may keep, and how `Cache-Control` and `Vary` are
set. Through the test client where a real request can show the rule, on bare responses where
only the header arithmetic is at stake."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import BaseViewRestriction

from cms.core.response_policy import (
    forbids_shared_copy,
    is_private,
    is_signed_in,
    mark_no_store,
    mark_private,
    mark_private_if_signed_in,
    mark_public,
    may_cache,
    may_store,
    never_stored,
    request_is_signed_in,
    vary_on,
)
from tests.factories import (
    CollectionFactory,
    CollectionViewRestrictionFactory,
    GroupFactory,
    PressReleasePageFactory,
    ProjectDocumentFactory,
    SuperUserFactory,
    UserFactory,
)

# The header's sign-out form, shown to people signed in only.
SIGN_OUT_FORM = 'class="account-menu__form"'
NEVER_CACHE = {"max-age=0", "no-cache", "no-store", "must-revalidate", "private"}


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def vary(response) -> list[str]:
    return [part.strip() for part in response.get("Vary", "").split(",") if part]


@pytest.fixture
def release(site_tree):
    return PressReleasePageFactory(title="Avviati i gruppi tematici", lead="Cinque gruppi.")


@pytest.fixture
def request_as():
    factory = RequestFactory()

    def make(user=None, path="/it/", **extra):
        request = factory.get(path, **extra)
        if user is not None:
            request.user = user
        return request

    return make


class TestWhoIsSignedIn:
    def test_nobody_and_the_anonymous_user_are_not(self):
        assert not is_signed_in(None)
        assert not is_signed_in(AnonymousUser())

    def test_an_active_account_is(self, db):
        assert is_signed_in(UserFactory(username="attivo"))
        assert is_signed_in(SuperUserFactory(username="capo"))

    def test_an_inactive_account_is_not(self, db):
        assert not is_signed_in(UserFactory(username="revocato", is_active=False))
        assert not is_signed_in(SuperUserFactory(username="capo-revocato", is_active=False))

    def test_a_request_without_a_user_yet_is_not(self, request_as):
        assert not request_is_signed_in(request_as())

    def test_the_request_follows_its_user(self, db, request_as):
        assert request_is_signed_in(request_as(UserFactory(username="attivo")))
        inactive = UserFactory(username="revocato", is_active=False)
        assert not request_is_signed_in(request_as(inactive))


class TestSignedInResponsesArePrivate:
    """Through the site's middleware: what a page answers to whom."""

    def test_anonymous_pages_are_not_marked_private(self, client, release):
        response = client.get(release.url)
        assert response.status_code == 200
        assert not {"private", "no-store"} & directives(response)
        assert SIGN_OUT_FORM not in response.content.decode()

    def test_a_signed_in_person_gets_a_private_page(self, client, release):
        client.force_login(UserFactory(username="attivo"))
        response = client.get(release.url)
        assert response.status_code == 200
        assert directives(response) == NEVER_CACHE
        assert response.has_header("Expires")
        # The middleware adds no robots header: the page is public, only this copy is not.
        assert not response.has_header("X-Robots-Tag")
        assert SIGN_OUT_FORM in response.content.decode()

    def test_an_inactive_account_is_answered_as_anyone(self, client, release):
        anonymous = client.get(release.url)
        client.force_login(UserFactory(username="revocato", is_active=False))
        response = client.get(release.url)
        assert response.status_code == 200
        assert SIGN_OUT_FORM not in response.content.decode()
        assert directives(response) == directives(anonymous)

    def test_a_response_already_private_is_left_as_it_is(self, db, request_as):
        request = request_as(UserFactory(username="attivo"))
        response = HttpResponse("ciao")
        response["Cache-Control"] = "private, no-store"
        mark_private_if_signed_in(request, response)
        assert response["Cache-Control"] == "private, no-store"
        assert not response.has_header("Expires")

    def test_a_cacheable_response_to_someone_signed_in_becomes_private(self, db, request_as):
        request = request_as(UserFactory(username="attivo"))
        response = mark_public(HttpResponse("ciao"), max_age=60)
        mark_private_if_signed_in(request, response)
        assert directives(response) == NEVER_CACHE
        assert not response.has_header("Vary")

    def test_nothing_is_added_for_visitors(self, request_as):
        response = HttpResponse("ciao")
        mark_private_if_signed_in(request_as(AnonymousUser()), response)
        assert not response.has_header("Cache-Control")


class TestMarking:
    def test_private_is_never_cache_vary_cookie_and_noindex(self):
        response = mark_private(HttpResponse("ciao"))
        assert directives(response) == NEVER_CACHE
        assert response.has_header("Expires")
        assert vary(response) == ["Cookie"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert is_private(response)
        assert forbids_shared_copy(response)

    def test_private_without_vary_or_robots_header(self):
        response = mark_private(HttpResponse("ciao"), vary=(), noindex=False)
        assert directives(response) == NEVER_CACHE
        assert not response.has_header("Vary")
        assert not response.has_header("X-Robots-Tag")

    def test_vary_is_merged_not_replaced(self):
        response = HttpResponse("ciao")
        response["Vary"] = "Accept-Language, cookie"
        mark_private(response, vary=("Cookie", "Authorization"))
        # Each header once, whatever its case; those already named keep their place.
        assert vary(response) == ["Accept-Language", "cookie", "Authorization"]
        vary_on(response, ["Accept-Language", "Origin"])
        assert vary(response) == ["Accept-Language", "cookie", "Authorization", "Origin"]

    def test_public_with_a_max_age(self):
        response = mark_public(HttpResponse("ciao"), max_age=120)
        assert directives(response) == {"public", "max-age=120"}
        assert not forbids_shared_copy(response)
        assert not is_private(response)

    def test_public_replaces_private(self):
        response = HttpResponse("ciao")
        response["Cache-Control"] = "private"
        mark_public(response, max_age=120)
        assert directives(response) == {"public", "max-age=120"}

    def test_no_store_alone_or_private(self):
        assert mark_no_store(HttpResponse("no"))["Cache-Control"] == "no-store"
        private = mark_no_store(HttpResponse("no"), private=True)
        assert directives(private) == {"private", "no-store"}
        assert is_private(private)

    @pytest.mark.parametrize(
        ("value", "forbidden", "one_person"),
        [
            ("", False, False),
            ("max-age=60", False, False),
            ("Private", True, False),
            ("no-cache", True, False),
            ("no-store", True, False),
            ("private, max-age=60", True, False),
            ("no-store, private", True, True),
        ],
    )
    def test_reading_cache_control(self, value, forbidden, one_person):
        response = HttpResponse("ciao")
        if value:
            response["Cache-Control"] = value
        assert forbids_shared_copy(response) is forbidden
        assert is_private(response) is one_person


class TestNeverStoredViews:
    def test_every_answer_gets_the_never_cache_headers_only(self, request_as):
        view = never_stored(lambda request: HttpResponse("ciao", status=302))
        response = view(request_as(AnonymousUser()))
        assert directives(response) == NEVER_CACHE
        assert response.has_header("Expires")
        assert not response.has_header("Vary")
        assert not response.has_header("X-Robots-Tag")

    def test_an_answer_the_view_marked_private_keeps_its_headers(self, request_as):
        view = never_stored(lambda request: mark_private(HttpResponse("ciao")))
        response = view(request_as(AnonymousUser()))
        assert directives(response) == NEVER_CACHE
        assert vary(response) == ["Cookie"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"


class TestAccountPages:
    """The sign-in pages and the account page: one person's, whoever asks."""

    @pytest.mark.parametrize(
        "path",
        [
            "/it/account/login/",
            "/en/account/password-reset/",
            "/it/account/password-reset/sent/",
            "/it/account/reset/done/",
        ],
    )
    def test_the_sign_in_pages_are_private(self, client, site_tree, path):
        response = client.get(path)
        assert response.status_code == 200
        assert directives(response) == NEVER_CACHE
        assert vary(response) == ["Cookie"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"

    def test_a_visitor_is_sent_to_sign_in_by_an_answer_no_cache_keeps(self, client, site_tree):
        response = client.get("/it/account/")
        assert response.status_code == 302
        assert response["Location"] == "/it/account/login/?next=/it/account/"
        assert directives(response) == NEVER_CACHE
        assert response.has_header("Expires")
        # The redirect is Django's `login_required`'s: no robots header of its own.
        assert not response.has_header("X-Robots-Tag")

    def test_the_account_page_is_private(self, client, site_tree):
        client.force_login(UserFactory(username="attivo"))
        response = client.get("/it/account/")
        assert response.status_code == 200
        assert directives(response) == NEVER_CACHE
        assert vary(response) == ["Cookie"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"


class TestWhatTheResponseCacheMayKeep:
    def test_a_get_that_identifies_nobody(self, request_as):
        assert may_cache(request_as())

    @pytest.mark.parametrize(
        "extra",
        [
            {"HTTP_AUTHORIZATION": "Bearer x"},
            {"HTTP_COOKIE": "sessionid=abc"},
            {"HTTP_COOKIE": "messages=abc"},
        ],
    )
    def test_a_request_that_identifies_someone(self, request_as, extra):
        assert not may_cache(request_as(**extra))

    def test_other_methods(self):
        assert not may_cache(RequestFactory().post("/it/"))
        assert not may_cache(RequestFactory().head("/it/"))

    @pytest.mark.parametrize(
        "path", ["/admin/", "/django-admin/", "/documents/1/a.pdf", "/it/account/", "/en/account/"]
    )
    def test_excluded_paths(self, request_as, path):
        assert not may_cache(request_as(path=path))

    def test_a_site_specific_identifying_cookie(self, request_as, settings):
        settings.CORDATA_RESPONSE_CACHE_IDENTIFYING_COOKIES = ("preferenze",)
        assert not may_cache(request_as(HTTP_COOKIE="preferenze=1"))

    def test_a_plain_answer_to_a_visitor(self, request_as):
        assert may_store(request_as(AnonymousUser()), HttpResponse("ciao"))

    def test_never_an_answer_to_someone_signed_in(self, db, request_as):
        request = request_as(UserFactory(username="attivo"))
        assert not may_store(request, HttpResponse("ciao"))

    def test_an_inactive_account_reads_what_visitors_read(self, db, request_as):
        request = request_as(UserFactory(username="revocato", is_active=False))
        assert may_store(request, HttpResponse("ciao"))

    def test_never_an_error_a_cookie_a_private_mark_or_vary_star(self, request_as):
        request = request_as(AnonymousUser())
        assert not may_store(request, HttpResponse("no", status=404))
        with_cookie = HttpResponse("ciao")
        with_cookie.set_cookie("preferenza", "1")
        assert not may_store(request, with_cookie)
        assert not may_store(request, mark_private(HttpResponse("ciao")))
        assert not may_store(request, mark_no_store(HttpResponse("ciao")))
        star = HttpResponse("ciao")
        star["Vary"] = "*"
        assert not may_store(request, star)
        assert may_store(request, mark_public(HttpResponse("ciao"), max_age=60))


class TestDownloads:
    """Document downloads: private ones are marked for one person and vary on both identities."""

    @pytest.fixture
    def documents(self, site_tree):
        group = GroupFactory(name="Partner di progetto")
        member = UserFactory(username="membro", groups=[group])
        collection = CollectionFactory(name="Riservati")
        CollectionViewRestrictionFactory(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS, groups=[group]
        )
        public = ProjectDocumentFactory(
            title="Programma", file=ContentFile(b"Programma.", name="programma.txt")
        )
        private = ProjectDocumentFactory(
            title="Verbale",
            collection=collection,
            file=ContentFile(b"Verbale.", name="verbale.txt"),
        )
        return member, public, private

    def test_a_private_document_is_sent_to_its_reader_only(self, client, documents):
        member, _, private = documents
        client.force_login(member)
        response = client.get(private.url)
        assert response.status_code == 200
        assert directives(response) == NEVER_CACHE
        assert {"Cookie", "Authorization"} <= set(vary(response))
        assert response["X-Robots-Tag"] == "noindex, nofollow"

    def test_a_public_document_is_not_marked_private(self, client, documents):
        _, public, _ = documents
        response = client.get(public.url)
        assert response.status_code == 200
        assert not {"private", "no-store"} & directives(response)
        assert not response.has_header("X-Robots-Tag")

    def test_a_visitor_sent_to_sign_in_gets_a_private_redirect(self, client, documents):
        _, _, private = documents
        response = client.get(private.url)
        assert response.status_code == 302
        assert directives(response) == NEVER_CACHE
        assert response["X-Robots-Tag"] == "noindex, nofollow"
