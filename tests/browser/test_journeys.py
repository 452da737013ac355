"""What visitors do on the public site, step by step in a real browser."""

import re

import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NAV_LINKS = ".main-nav__link"
PHONE = {"width": 375, "height": 812}

# --- Searching from the header ------------------------------------------------------------

SEARCH_LANGUAGES = ["it", "en"]
# The facet the visitor narrows by: its panel, and the value that keeps the press releases.
NARROW_BY_TYPE = {
    "it": {"facets": "Restringi i risultati", "facet": "Tipo", "value": "Comunicato stampa"},
    "en": {"facets": "Narrow the results", "facet": "Type", "value": "Press release"},
}


def header_search(tab, term: str) -> None:
    """Type `term` in the header's search box and press its button."""
    form = tab.locator("header [role=search]")
    form.get_by_role("searchbox").fill(term)
    form.get_by_role("button").click()


def results_total(tab) -> int:
    """The number of results the page announces."""
    total = re.match(r"\d+", tab.locator("#results-title").inner_text())
    assert total, tab.locator("#results-title").inner_text()
    return int(total.group())


@pytest.mark.parametrize("language", SEARCH_LANGUAGES)
def test_visitor_searches_from_the_header_and_opens_a_result(demo_site, page, screenshot, language):
    """From the home page: search, see the results, narrow them to press releases, open one.

    Results may also be documents, which download instead of opening; the visitor here
    wants a page of the site in their language.
    """
    term = demo_site.search_terms[language]
    demo_site.visit(page, demo_site.pages[language]["home"])

    header_search(page, term)
    page.wait_for_url(re.compile(rf"/{language}/search/\?q={re.escape(term)}$"))
    results = page.locator(".search-result")
    assert results.count() > 0
    total = results_total(page)
    assert total >= results.count()

    # Narrowing by type: the facet says how many remain, and that many press releases do.
    names = NARROW_BY_TYPE[language]
    facet = (
        page.get_by_role("complementary", name=names["facets"])
        .get_by_role("region", name=names["facet"], exact=True)
        .get_by_role("link", name=re.compile(rf"^{re.escape(names['value'])}\s*,"))
    )
    # The link reads "<value>, <n> results" to assistive technology.
    announced = int(re.search(r",\s*(\d+)", facet.inner_text()).group(1))
    assert 0 < announced < total
    facet.click()
    page.wait_for_url(re.compile(r"[?&]type="))
    assert results_total(page) == announced
    shown = min(announced, settings.CORDATA_SEARCH_PAGE_SIZE)
    assert results.locator(".search-card__type").all_inner_texts() == [names["value"]] * shown

    first_page = results.locator(f'.card__title a[href^="/{language}/"]').first
    title, href = first_page.inner_text().strip(), first_page.get_attribute("href")
    with page.expect_navigation() as navigation:
        first_page.click()
    assert navigation.value.status == 200
    assert page.url == demo_site(href)
    assert page.locator("h1").inner_text().strip() == title
    assert page.locator("html").get_attribute("lang") == language
    screenshot(page, f"journey-search-{language}-result")


# --- On a phone ---------------------------------------------------------------------------

PHONE_PAGES = ["home", "press release", "partner index", "search"]


def phone_path(demo_site, label: str) -> str:
    if label == "search":
        return f"/it/search/?q={demo_site.search_terms['it']}"
    return demo_site.pages["it"][label]


def fits_width(tab) -> bool:
    """No horizontal scrolling: the page is no wider than the viewport."""
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def within_viewport(tab, locator) -> bool:
    """Shown and not cut off at either side of the viewport."""
    box = locator.bounding_box()
    width = tab.evaluate("window.innerWidth")
    return (
        locator.is_visible()
        and box is not None
        and box["x"] >= 0
        and box["x"] + box["width"] <= width
    )


def open_navigation(tab):
    """The header's navigation links, behind its menu button if it has one."""
    links = tab.locator(NAV_LINKS)
    if not links.first.is_visible():
        tab.locator("header button[aria-controls]").click()
    return links


@pytest.mark.parametrize("label", PHONE_PAGES)
def test_page_is_usable_on_a_phone(demo_site, new_page, screenshot, label):
    """At 375 px: nothing scrolls sideways, the navigation and the search box are in reach."""
    tab = new_page(**PHONE, mobile=True)
    demo_site.visit(tab, phone_path(demo_site, label))

    assert tab.evaluate("window.innerWidth") == PHONE["width"]
    assert fits_width(tab), tab.evaluate("document.documentElement.scrollWidth")
    links = open_navigation(tab)
    assert links.count() >= 4
    cut_off = [
        links.nth(i).inner_text()
        for i in range(links.count())
        if not within_viewport(tab, links.nth(i))
    ]
    assert cut_off == []
    assert within_viewport(tab, tab.locator("header [role=search] input[type=search]"))
    assert tab.locator("main h1").is_visible()
    screenshot(tab, f"journey-phone-{label.replace(' ', '-')}")


def test_tapping_a_navigation_link_on_a_phone_opens_its_section(demo_site, new_page):
    tab = new_page(**PHONE, mobile=True)
    demo_site.visit(tab, demo_site.pages["it"]["home"])
    partners = demo_site.pages["it"]["partner index"]
    open_navigation(tab)
    tab.locator(f'{NAV_LINKS}[href="{partners}"]').tap()
    tab.wait_for_url(demo_site(partners))
    assert fits_width(tab)
