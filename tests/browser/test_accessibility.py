"""axe-core on every kind of public page, the search results, the admin and site sign-in pages
and a group workspace."""

from functools import cache

import pytest

from .accounts import site_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The Italian source pages and their published English translations.
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
BLOCKING_IMPACTS = {"serious", "critical"}
# A partner account in three thematic groups.
WORKSPACE_MEMBER = "partner"


@cache
def _axe():
    # Imported on first use, so that without the package the tests skip instead of erroring.
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def blocking_violations(tab) -> list[str]:
    """axe's serious and critical violations on the loaded page, one readable line each,
    and any id used twice."""
    violations = _axe().run(tab).response["violations"]
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in violations
        if violation["impact"] in BLOCKING_IMPACTS
    ] + [f"duplicate id: {element_id}" for element_id in duplicate_ids(tab)]


def duplicate_ids(tab) -> list[str]:
    """Ids that more than one element has.

    axe counts a `<label for>` as naming every control with that id, but the browser ties it to
    the first one only: a second form with the same field names leaves its controls unnamed.
    """
    return tab.evaluate(
        """() => {
            const seen = new Set(), twice = new Set();
            for (const element of document.querySelectorAll("[id]")) {
                (seen.has(element.id) ? twice : seen).add(element.id);
            }
            return [...twice];
        }"""
    )


@pytest.mark.parametrize("label", PAGE_LABELS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_has_no_serious_violation(demo_site, page, language, label):
    demo_site.visit(page, demo_site.pages[language][label])
    assert blocking_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_have_no_serious_violation(demo_site, page, language):
    demo_site.visit(page, f"/{language}/search/?q={demo_site.search_terms[language]}")
    assert page.locator(".search-result").count() > 0
    assert blocking_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_login_has_no_serious_violation(demo_site, new_page, language):
    tab = new_page(1280, 900, locale=language)
    demo_site.visit(tab, "/admin/login/")
    assert tab.locator("input[name=password]").is_visible()
    assert blocking_violations(tab) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_site_sign_in_page_has_no_serious_violation(demo_site, new_page, language):
    tab = new_page(1280, 900, locale=language)
    demo_site.visit(tab, f"/{language}/account/login/")
    assert tab.get_by_label("Password").is_visible()
    assert blocking_violations(tab) == []


def member_workspace_path(language: str) -> str:
    """A workspace the demo partner may enter, in `language`."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale

    from cms.groups.selectors.workspaces import workspace_list

    member = get_user_model().objects.get(username=WORKSPACE_MEMBER)
    workspace = workspace_list(user=member, locale=Locale.objects.get(language_code=language))[0]
    assert workspace.locale.language_code == language
    return workspace.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_workspace_page_has_no_serious_violation(demo_site, new_page, language):
    """Signed in as a member: the document list, its filters and the upload form."""
    tab = new_page(1280, 900, locale=language)
    site_sign_in(demo_site, tab, WORKSPACE_MEMBER, language=language)
    demo_site.visit(tab, member_workspace_path(language))
    assert tab.locator("input[type=file]").is_visible()
    assert blocking_violations(tab) == []
