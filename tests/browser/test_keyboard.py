"""The header works from the keyboard alone: reachable by Tab, operable, focus always visible."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NAV_LINKS = ".main-nav__link"
SEARCH_BOX = "#site-search-q"
LANGUAGE_LINKS = ".language-switcher__link"

HEADER_CONTROLS = {"navigation": NAV_LINKS, "search": SEARCH_BOX, "language": LANGUAGE_LINKS}
# More than the header holds; a Tab loop that runs past this has lost its way.
MAX_TABS = 30

# What is focused, and whether the focus can be seen: an outline, or a ring drawn as a shadow.
FOCUSED = """(controls) => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return {
        control: Object.keys(controls).find((name) => element.matches(controls[name])) || null,
        href: element.getAttribute("href"),
        text: (element.innerText || element.value || element.id).trim(),
        focusVisible: outline || style.boxShadow !== "none",
    };
}"""


def focused(tab) -> dict:
    return tab.evaluate(FOCUSED, HEADER_CONTROLS)


def is_focused(tab, selector: str) -> bool:
    return tab.evaluate("(selector) => document.activeElement.matches(selector)", selector)


def tab_to(tab, selector: str) -> dict:
    """Press Tab until an element matching `selector` has the focus; returns what is focused."""
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        if is_focused(tab, selector):
            return focused(tab)
    raise AssertionError(f"{selector} not reached in {MAX_TABS} presses of Tab")


def test_header_controls_are_reached_in_order_with_visible_focus(demo_site, page, screenshot):
    demo_site.visit(page, "/it/")
    expected = (
        ["navigation"] * page.locator(NAV_LINKS).count()
        + ["search"]
        + ["language"] * page.locator(LANGUAGE_LINKS).count()
    )
    assert expected.count("navigation") >= 4
    assert expected.count("language") == 2

    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop["control"]:
            stops.append(stop)
        if len(stops) == len(expected):
            break

    assert [stop["control"] for stop in stops] == expected
    assert [stop["text"] for stop in stops if not stop["focusVisible"]] == []
    screenshot(page, "keyboard-focus-on-language-switcher")


def test_skip_link_comes_first_and_moves_focus_to_the_content(demo_site, page):
    demo_site.visit(page, "/it/")
    page.keyboard.press("Tab")
    assert is_focused(page, ".skip-link")
    assert focused(page)["focusVisible"]
    page.keyboard.press("Enter")
    assert is_focused(page, "#main")


def test_enter_on_a_navigation_link_opens_its_section(demo_site, page):
    demo_site.visit(page, "/it/")
    focused = tab_to(page, NAV_LINKS)
    page.keyboard.press("Enter")
    page.wait_for_url(demo_site(focused["href"]))
    assert page.locator("h1").inner_text().strip() == focused["text"]


def test_typing_in_the_search_box_and_enter_searches(demo_site, page):
    demo_site.visit(page, "/it/")
    term = demo_site.search_terms["it"]
    tab_to(page, SEARCH_BOX)
    page.keyboard.type(term)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/it/search/\?q={term}$"))
    assert page.locator(".search-result").count() > 0


def test_enter_on_the_language_switcher_opens_the_other_language(demo_site, page):
    demo_site.visit(page, "/it/")
    tab_to(page, f"{LANGUAGE_LINKS}:not([aria-current])")
    target, language = page.evaluate("[document.activeElement.href, document.activeElement.lang]")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("html").get_attribute("lang") == language
