"""Browser-side defences in the response headers: every HTML answer of the public site carries
the strict Content-Security-Policy and the Permissions-Policy, the admin its own policy, and
document downloads keep their stricter `default-src 'none'`."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import path
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed

from cms.groups.models import PartnerAccount
from cms.groups.selectors.workspaces import group_workspace
from cms.urls import urlpatterns as site_urlpatterns
from tests import html
from tests.core.test_settings import _production_env, _run
from tests.factories import (
    CollectionFactory,
    CollectionViewRestrictionFactory,
    PartnerPageFactory,
    PressReleasePageFactory,
    ProjectDocumentFactory,
    StrategicPlanPageFactory,
    SuperUserFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
    UserFactory,
    pdf_file,
)

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "frame-src": ["https://www.youtube.com", "https://player.vimeo.com"],
}
DENIED_FEATURES = (
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "browsing-topics",
    "interest-cohort",
)
EMBED_URL = "https://www.youtube.com/watch?v=clusters-cord"


def directives(response) -> dict[str, list[str]]:
    """The response's Content-Security-Policy as {directive: [sources]}."""
    assert CSP in response, f"no {CSP} header"
    policy = {}
    for part in response[CSP].split(";"):
        name, *sources = part.split()
        assert name not in policy, f"{name} twice"
        policy[name] = sources
    return policy


def denied_features(response) -> set[str]:
    """The features the response's Permissions-Policy allows to no origin at all."""
    return set(re.findall(r"([a-z-]+)=\(\)", response.get("Permissions-Policy", "")))


class _InlineCode(HTMLParser):
    """What a strict policy refuses: inline scripts, handlers, style attributes, `<style>`
    without a nonce and `javascript:` links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes:
            if attributes.get("type") not in {"application/json", "application/ld+json"}:
                self.found.append(f"inline <script> {attributes}")
        if tag == "style" and not attributes.get("nonce"):
            self.found.append("<style> without a nonce")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'<{tag} style="{value}">')
            elif name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            elif name in {"href", "src", "action"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value}>")


def inline_code(response) -> list[str]:
    parser = _InlineCode()
    parser.feed(response.content.decode(response.charset or "utf-8"))
    return parser.found


def assert_public_policy(response) -> None:
    policy = directives(response)
    for name, sources in PUBLIC_POLICY.items():
        assert policy.get(name) == sources, (name, policy.get(name))
    everything = " ".join(response[CSP].split())
    for loosening in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:"):
        assert loosening not in everything.split(), loosening
    assert set(DENIED_FEATURES) <= denied_features(response)


@pytest.fixture
def pages(site_tree):
    """One published page of each public type (Italian)."""
    partner = PartnerPageFactory(title="Milano Metropoli Agenzia di Sviluppo")
    group = ThematicGroupPageFactory(title="Agroalimentare")
    ThematicGroupMembershipFactory(page=group, partner=partner)
    return {
        "home": site_tree.home,
        "press release index": site_tree.press_index,
        "press release": PressReleasePageFactory(title="Avviati i cinque gruppi tematici"),
        "partner index": site_tree.partner_index,
        "partner": partner,
        "thematic group index": site_tree.group_index,
        "thematic group": group,
        "knowledge index": site_tree.knowledge_index,
        "strategic plan": StrategicPlanPageFactory(title="Piano strategico", group=group),
    }


@pytest.fixture
def member(pages):
    """A partner signed up to the thematic group's workspace, and that workspace."""
    user = UserFactory(username="socio", email="socio@example.org")
    PartnerAccount.objects.create(user=user, partner=pages["partner"])
    pages["thematic group"].save_revision().publish()
    return user, group_workspace(pages["thematic group"])


class TestPublicSite:
    @pytest.mark.parametrize(
        "label",
        [
            "home",
            "press release index",
            "press release",
            "partner index",
            "partner",
            "thematic group index",
            "thematic group",
            "knowledge index",
            "strategic plan",
        ],
    )
    def test_every_page_type(self, client, pages, label):
        response = client.get(pages[label].url)
        assert response.status_code == 200
        assert_public_policy(response)
        assert inline_code(response) == []

    @pytest.mark.parametrize(
        "url",
        [
            "/it/search/?q=gruppi",
            "/en/search/?q=groups",
            "/it/account/login/",
            "/en/account/login/",
            "/it/account/password-reset/",
        ],
    )
    def test_search_and_sign_in(self, client, site_tree, url):
        response = client.get(url)
        assert response.status_code == 200
        assert_public_policy(response)
        assert inline_code(response) == []

    def test_signed_in_partner_pages(self, client, member):
        user, workspace = member
        client.force_login(user)
        for url in ("/it/account/", workspace.url):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_public_policy(response)
            assert inline_code(response) == [], url

    @pytest.mark.parametrize("url", ["/it/non-esiste/", "/en/missing/", "/documents/999999/x.pdf"])
    def test_not_found(self, client, site_tree, url):
        # Signed in: a visitor asking for a document that is not theirs is sent to sign in.
        client.force_login(UserFactory(username="lettore"))
        response = client.get(url)
        assert response.status_code == 404
        assert_public_policy(response)
        assert inline_code(response) == []

    def test_a_form_refused_by_the_csrf_check(self, site_tree):
        """Django's own page for it carries an inline style; the site's own does not."""
        client = Client(enforce_csrf_checks=True)
        response = client.post("/it/account/login/", {"username": "socio", "password": "x"})
        assert response.status_code == 403
        assert_public_policy(response)
        assert inline_code(response) == []
        assert "Non è stato possibile inviare il modulo" in html.text(response)

    def test_cached_response(self, client, pages, settings, tmp_path):
        """A response served from the response cache gets the headers as the first one did."""
        settings.CORDATA_RESPONSE_CACHE_SECONDS = 600
        settings.CORDATA_RESPONSE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
        first = client.get("/it/")
        second = client.get("/it/")
        assert first.status_code == second.status_code == 200
        assert first[CSP] == second[CSP]
        assert_public_policy(second)

    def test_the_api_and_its_docs(self, client, site_tree):
        for url in ("/api/v2/pages/", "/api/v3/openapi.json", "/api/v3/docs/"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_public_policy(response)
        # Swagger UI's files are served from here, never from a CDN.
        docs = client.get("/api/v3/docs/").content.decode()
        assert re.findall(r'(?:src|href)="(https?:)?//', docs) == []
        assert inline_code(client.get("/api/v3/docs/")) == []

    def test_django_admin(self, client, db):
        response = client.get("/django-admin/login/")
        assert response.status_code == 200
        assert_public_policy(response)


def failing_view(request):
    raise RuntimeError("the database is gone")


urlpatterns = [path("it/guasto/", failing_view), *site_urlpatterns]
handler404 = "cms.core.views.page_not_found"
handler500 = "cms.core.views.server_error"


@pytest.mark.urls(__name__)
def test_server_error_page_styles_itself_with_the_policys_nonce(client, site_tree):
    client.raise_request_exception = False
    response = client.get("/it/guasto/")
    assert response.status_code == 500
    style_sources = directives(response)["style-src"]
    nonces = [source for source in style_sources if source.startswith("'nonce-")]
    assert len(nonces) == 1, style_sources
    nonce = nonces[0][len("'nonce-") : -1]
    assert f'<style nonce="{nonce}">' in response.content.decode()
    assert inline_code(response) == []
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    # A page that never asks for a nonce gets none: the nonce is this response's alone.
    assert "nonce" not in client.get("/it/")[CSP]


class TestAdmin:
    def test_admin_has_its_own_policy(self, client, site_tree):
        client.force_login(SuperUserFactory())
        for url in ("/admin/", f"/admin/pages/{site_tree.home.pk}/edit/", "/admin/login/"):
            response = client.get(url)
            assert response.status_code in {200, 302}, url
            policy = directives(response)
            assert policy["default-src"] == ["'self'"]
            assert policy["object-src"] == ["'none'"]
            assert policy["base-uri"] == ["'self'"]
            assert policy["form-action"] == ["'self'"]
            # The editor's preview is a frame of the admin; nothing else may frame it.
            assert policy["frame-ancestors"] == ["'self'"]
            assert "'unsafe-eval'" not in response[CSP]
            # No origin but this one, bar the video players an embed shows.
            origins = set(re.findall(r"https?://[^\s;]+", response[CSP]))
            assert origins <= set(PUBLIC_POLICY["frame-src"]), origins
            assert set(DENIED_FEATURES) <= denied_features(response)

    def test_a_page_preview_keeps_the_public_policy_framed_by_the_admin(self, rf, pages):
        """Wagtail renders a preview through the middleware at the page's own URL; the admin
        shows it in a frame, so only `frame-ancestors` differs from what visitors get."""
        editor_request = rf.get("/admin/")
        editor_request.user = SuperUserFactory()
        response = pages["press release"].make_preview_request(original_request=editor_request)
        assert response.status_code == 200
        policy = directives(response)
        assert policy["frame-ancestors"] == ["'self'"]
        for name, sources in PUBLIC_POLICY.items():
            if name != "frame-ancestors":
                assert policy.get(name) == sources, name

    def test_admin_calls_no_third_party(self, client, site_tree):
        client.force_login(SuperUserFactory(email="redazione@example.org"))
        content = client.get("/admin/").content.decode()
        assert "gravatar.com" not in content
        assert "releases.wagtail" not in content


class TestDocumentDownloads:
    @pytest.mark.parametrize("private", [False, True])
    def test_downloads_keep_their_stricter_policy(self, client, site_tree, private):
        collection = CollectionFactory(name="Riservati" if private else "Pubblici")
        document = ProjectDocumentFactory(
            title="Verbale", file=pdf_file(name="verbale.pdf"), collection=collection
        )
        if private:
            CollectionViewRestrictionFactory(collection=collection)
            client.force_login(SuperUserFactory())
        response = client.get(document.url)
        assert response.status_code == 200
        assert response[CSP] == "default-src 'none'"
        assert set(DENIED_FEATURES) <= denied_features(response)


class TestEmbeds:
    def test_a_video_embed_needs_no_inline_style(self, client, site_tree):
        Embed.objects.create(
            url=EMBED_URL,
            hash=get_embed_hash(EMBED_URL),
            type="video",
            html='<iframe src="https://www.youtube.com/embed/clusters-cord" title="Clusters Cord"'
            ' width="200" height="113" allowfullscreen></iframe>',
            width=200,
            height=113,
        )
        release = PressReleasePageFactory(body=[("embed", EMBED_URL)])
        response = client.get(release.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert 'class="responsive-object responsive-object--16x9"' in content
        assert "https://www.youtube.com/embed/clusters-cord" in content
        assert inline_code(response) == []
        # The player's origin is one the policy lets the page frame.
        assert "https://www.youtube.com" in directives(response)["frame-src"]

    @pytest.mark.parametrize(
        ("url", "accepted"),
        [
            ("https://www.youtube.com/watch?v=clusters-cord", True),
            ("https://youtu.be/clusters-cord", True),
            ("https://vimeo.com/76979871", True),
            # Script embeds, or players of origins the policy does not list.
            ("https://twitter.com/clusterscord/status/1", False),
            ("https://www.dailymotion.com/video/x7clusters", False),
            ("https://soundcloud.com/clusterscord/forum", False),
            ("https://open.spotify.com/episode/1", False),
            ("https://www.flickr.com/photos/clusterscord/1", False),
        ],
    )
    def test_only_providers_the_policy_lets_in_are_embedded(self, url, accepted):
        """An editor may embed only what the page can show: other URLs are refused in the
        admin ("Cannot find an embed for this URL") rather than saved as a blocked frame."""
        assert any(finder.accept(url) for finder in get_finders()) is accepted


_PRINT_POLICY = """
import django
django.setup()
from csp.utils import build_policy
print(build_policy())
"""


@pytest.mark.parametrize("report_uri", [None, "https://reports.example.org/csp"])
def test_violation_reports_go_where_the_environment_says(tmp_path, report_uri):
    result = _run(["-c", _PRINT_POLICY], **_production_env(tmp_path, CSP_REPORT_URI=report_uri))
    assert result.returncode == 0, result.stderr
    policy = result.stdout.strip()
    assert "script-src 'self'" in policy
    if report_uri:
        assert policy.endswith(f"report-uri {report_uri}")
    else:
        assert "report-uri" not in policy
