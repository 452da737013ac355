"""The Content-Security-Policy in a real browser: every page type, signed in or not, in both
languages, and the admin's pages load without a single violation, while script injected into
a public page is refused.

Chromium reports each refusal twice: as a `securitypolicyviolation` event in the page (recorded
by a listener installed before any of the page's own code runs) and as a console message.
Both are collected; either fails the test.
"""

import io
import re

import pytest

from .accounts import admin_sign_in, site_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = ["it", "en"]
PAGE_LABELS = [
    "home",
    "press release index",
    "press release",
    "partner index",
    "partner",
    "thematic group index",
    "thematic group",
    "knowledge index",
    "strategic plan",
]
MEMBER = "partner"
ADMIN = "admin"

POLICY_NAMES = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")
# Runs in every document before its own scripts (Playwright adds it through the browser's
# debugging protocol, which the page's policy does not govern).
VIOLATION_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} refused ${event.blockedURI || "inline"}`
        + ` at ${event.sourceFile || document.location.pathname}:${event.lineNumber}`
        + (event.sample ? ` (${event.sample})` : "")
    );
});
"""


class PolicyWatch:
    """Records the policy violations of everything one tab loads."""

    def __init__(self, tab):
        self.tab = tab
        self.console: list[str] = []
        tab.add_init_script(VIOLATION_RECORDER)
        tab.on("console", self._console)

    def _console(self, message) -> None:
        # Also the browser's complaints about the Permissions-Policy header, such as a
        # feature it does not know.
        if any(name in message.text for name in POLICY_NAMES):
            self.console.append(f"{self.tab.url}: {message.text}")

    def violations(self) -> list[str]:
        """This document's violations and every console report so far, emptied once read."""
        self.tab.wait_for_load_state("networkidle")
        # Imported here, so that without Playwright the tests skip instead of erroring.
        from playwright.sync_api import Error as PlaywrightError

        recorded = []
        for frame in self.tab.frames:
            try:
                recorded += frame.evaluate("() => window.__cspViolations || []")
            except PlaywrightError:  # a frame replaced while being read
                continue
        reported, self.console = self.console, []
        return [f"{self.tab.url}: {violation}" for violation in recorded] + reported

    def visit(self, url: str, *, status: int = 200) -> str:
        """Open `url`; returns the policy its response carried."""
        response = self.tab.goto(url)
        assert response is not None and response.status == status, (url, response)
        policy = response.headers.get("content-security-policy")
        assert policy, f"{url} came without a Content-Security-Policy"
        return policy


def sources(policy: str, directive: str) -> list[str]:
    for part in policy.split(";"):
        name, *values = part.split()
        if name == directive:
            return values
    return []


@pytest.fixture
def watched(new_page):
    """`watched(locale=...)`: a fresh tab and its PolicyWatch."""

    def make(*, locale: str = "it") -> PolicyWatch:
        return PolicyWatch(new_page(1280, 900, locale=locale))

    return make


def workspace_path(language: str) -> str:
    """A workspace the demo partner may enter, in `language`."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale

    from cms.groups.selectors.workspaces import workspace_list

    member = get_user_model().objects.get(username=MEMBER)
    return workspace_list(user=member, locale=Locale.objects.get(language_code=language))[0].url


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_load_without_a_violation(demo_site, watched, language):
    watch = watched(locale=language)
    urls = [demo_site(demo_site.pages[language][label]) for label in PAGE_LABELS]
    urls += [
        demo_site(f"/{language}/search/?q={demo_site.search_terms[language]}"),
        demo_site(f"/{language}/account/login/"),
    ]
    found = []
    for url in urls:
        policy = watch.visit(url)
        assert sources(policy, "script-src") == ["'self'"], url
        assert sources(policy, "frame-ancestors") == ["'none'"], url
        found += watch.violations()
    watch.visit(demo_site(f"/{language}/pagina-che-non-esiste/"), status=404)
    found += watch.violations()
    assert found == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_signed_in_partner_sees_no_violation(demo_site, watched, language):
    watch = watched(locale=language)
    site_sign_in(demo_site, watch.tab, MEMBER, language=language)
    found = watch.violations()
    for url in (f"/{language}/account/", workspace_path(language)):
        watch.visit(demo_site(url))
        assert watch.tab.get_by_role("heading", level=1).is_visible()
        found += watch.violations()
    assert watch.tab.locator("input[type=file]").is_visible()
    assert found == []


def a_small_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (18, 48, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_admin_works_under_its_own_policy(demo_site, watched, tmp_path):
    """Dashboard, page editors with the live preview and a chooser, uploads, settings pages."""
    from wagtail.models import Locale

    from cms.groups.models import PartnerPage
    from cms.home.models import PressReleasePage

    release = PressReleasePage.objects.filter(locale__language_code="it").order_by("path")[0]
    translation = release.get_translation(Locale.objects.get(language_code="en"))
    partner = PartnerPage.objects.filter(locale__language_code="it").order_by("path")[0]
    watch = watched(locale="en")
    tab = watch.tab
    admin_sign_in(demo_site, tab, ADMIN)
    found = watch.violations()

    policy = watch.visit(demo_site("/admin/"))
    assert sources(policy, "script-src") == ["'self'", "'unsafe-inline'"]
    assert sources(policy, "frame-ancestors") == ["'self'"]
    assert "'unsafe-eval'" not in policy
    found += watch.violations()

    # The live preview: the page rendered under the public policy, in a frame of the admin.
    watch.visit(demo_site(f"/admin/pages/{partner.pk}/edit/"))
    tab.get_by_role("button", name="Toggle preview").click()
    preview = tab.frame_locator("#w-preview-iframe")
    assert preview.get_by_role("heading", level=1).inner_text() == partner.title
    found += watch.violations()

    # An inline panel's new form and the document chooser, searched as one types.
    watch.visit(demo_site(f"/admin/pages/{release.pk}/edit/"))
    tab.get_by_role("button", name="Add attached document").click()
    tab.get_by_role("button", name="Choose a document").click()
    chooser = tab.get_by_role("dialog")
    chooser.get_by_role("textbox", name="Search").fill("piano")
    chooser.get_by_role("link").first.wait_for()
    found += watch.violations()

    # wagtail-localize's translation editor.
    watch.visit(demo_site(f"/admin/pages/{translation.pk}/edit/"))
    found += watch.violations()

    # An image upload, previewed from a `blob:` URL.
    image = tmp_path / "logo-partner.png"
    image.write_bytes(a_small_png())
    watch.visit(demo_site("/admin/images/multiple/add/"))
    tab.locator("input[type=file]").first.set_input_files(image)
    tab.get_by_text("Upload successful", exact=False).first.wait_for()
    found += watch.violations()

    for path in (
        "/admin/images/",
        "/admin/documents/",
        "/admin/pages/search/?q=gruppi",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/reports/translation-status/",
    ):
        watch.visit(demo_site(path))
        found += watch.violations()
    assert found == []


def test_the_api_docs_and_django_admin_need_no_allowance(demo_site, watched):
    watch = watched(locale="en")
    policy = watch.visit(demo_site("/api/v3/docs/"))
    assert sources(policy, "script-src") == ["'self'"]
    watch.tab.get_by_text("/api/v3/pages/", exact=False).first.wait_for()
    found = watch.violations()
    watch.visit(demo_site("/django-admin/login/"))
    found += watch.violations()
    assert found == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_script_injected_into_a_public_page_is_refused(demo_site, watched, language):
    watch = watched(locale=language)
    watch.visit(demo_site(demo_site.pages[language]["press release"]))
    assert watch.violations() == []

    watch.tab.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true;";
            document.body.append(script);
            const heading = document.querySelector("h1");
            heading.setAttribute("style", "color: rgb(255, 0, 0)");
            heading.setAttribute("onclick", "window.__clicked = true");
        }"""
    )
    watch.tab.locator("h1").click()
    assert watch.tab.evaluate("() => window.__injected === undefined")
    assert watch.tab.evaluate("() => window.__clicked === undefined")
    assert (
        watch.tab.evaluate("() => getComputedStyle(document.querySelector('h1')).color")
        != "rgb(255, 0, 0)"
    )
    refused = " ".join(watch.violations())
    for directive in ("script-src-elem", "style-src-attr", "script-src-attr"):
        assert re.search(rf"{directive} refused inline", refused), (directive, refused)
