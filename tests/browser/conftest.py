"""Real-browser fixtures: the demo site served on loopback and one headless Chromium per session.

The demo is loaded once, inside a transaction that is rolled back when the session ends, and
the live server answers on the tests' own database connection, one request at a time, so it
sees that uncommitted demo on SQLite and PostgreSQL alike and nothing is ever committed. Each
test runs in a savepoint of its own (the `django_db` marker), never in pytest-django's
transactional `live_server` set-up, whose flush would wipe the demo after the first test.
The browser tests run after every other test, so that none of those sees the demo.
"""

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import cache
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.core.signals import request_finished, request_started
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connections, transaction
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "browser"
DESKTOP = {"width": 1280, "height": 900}
# Long enough for a cold page on a busy two-core machine, short enough to fail fast.
TIMEOUT_MS = 30_000


def _missing_requirement() -> str:
    """Why the browser tests cannot run here, or an empty string when they can."""
    if not CHROMIUM.exists():
        return (
            f"{CHROMIUM} not found: install Debian's Chromium "
            "(apt-get install chromium) to run the browser tests"
        )
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError:
        return "playwright or axe-playwright-python missing: pip install -e '.[dev]'"
    return ""


SKIP_REASON = _missing_requirement()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # After pytest-django's own ordering. While the browser tests run, the demo sits in an
    # open transaction on the shared connection, where no other test should find it.
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items:
        return
    others = [item for item in items if not item.get_closest_marker("browser")]
    items[:] = others + browser_items
    if SKIP_REASON:
        skip = pytest.mark.skip(reason=SKIP_REASON)
        for item in browser_items:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "browser" in getattr(report, "keywords", {})
    ]
    if SKIP_REASON and skipped:
        terminalreporter.write_sep("-", "browser tests")
        terminalreporter.write_line(f"{len(skipped)} browser tests skipped: {SKIP_REASON}")


@dataclass(frozen=True)
class DemoSite:
    """The served demo: its base URL and the paths of the pages the tests visit, per language."""

    url: str
    # language code → {label → path}; a language appears once the demo has its home page.
    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    # language code → a word the demo's pages in that language contain.
    search_terms: dict[str, str] = field(default_factory=dict)

    def __call__(self, path: str) -> str:
        return self.url + path

    def visit(self, tab, path: str):
        """Open `path` in `tab`; a page that fails to render stops the test right there."""
        response = tab.goto(self(path))
        status = response.status if response else None
        assert status == 200, f"{path} answered {status}"
        return response


def _page_paths(language: str) -> dict[str, str]:
    """One live page of each public type in `language`, keyed by a readable label."""
    from wagtail.models import Page

    from cms.groups.models import (
        PartnerIndexPage,
        PartnerPage,
        ThematicGroupIndexPage,
        ThematicGroupPage,
    )
    from cms.home.models import HomePage, PressReleaseIndexPage, PressReleasePage
    from cms.knowledge.models import KnowledgeIndexPage, StrategicPlanPage

    models: dict[str, type[Page]] = {
        "home": HomePage,
        "press release index": PressReleaseIndexPage,
        "press release": PressReleasePage,
        "partner index": PartnerIndexPage,
        "partner": PartnerPage,
        "thematic group index": ThematicGroupIndexPage,
        "thematic group": ThematicGroupPage,
        "knowledge index": KnowledgeIndexPage,
        "strategic plan": StrategicPlanPage,
    }
    paths = {}
    for label, model in models.items():
        page = (
            model.objects.live()
            .public()
            .filter(locale__language_code=language)
            .order_by("path")
            .first()
        )
        if page is not None:
            paths[label] = page.url
    return paths if "home" in paths else {}


@pytest.fixture(autouse=True)
def _media_root():
    # The demo's files stay in the test settings' media directory for the whole session.
    return None


def _is_test_database(connection) -> bool:
    """True for a database pytest-django created, never for a developer's own."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return True
    return Path(str(connection.settings_dict["NAME"])).name.startswith("test_")


class SerialLiveServerThread(LiveServerThread):
    """Django's live server thread, answering one request at a time on the tests' connection.

    Serving requests in turn lets them share one connection, and with it the transaction
    that holds the demo; Django then sends `Connection: close`, so the browser never waits
    on a kept-alive socket.
    """

    def _create_server(self, connections_override=None):
        return WSGIServer(
            (self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=False
        )


@contextmanager
def live_server(connection) -> Iterator[str]:
    """Serve the project on a free loopback port through `connection`; yields the base URL."""
    thread = SerialLiveServerThread(
        "127.0.0.1", StaticFilesHandler, connections_override={connection.alias: connection}
    )
    thread.daemon = True
    connection.inc_thread_sharing()
    # Django closes "old" connections around each request; here that would end the transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://{thread.host}:{thread.port}"
    finally:
        thread.terminate()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        connection.dec_thread_sharing()


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker) -> Iterator[DemoSite]:
    """The demo content, never committed, served on loopback."""
    if SKIP_REASON:
        pytest.skip(SKIP_REASON)
    connection = connections[DEFAULT_DB_ALIAS]
    assert _is_test_database(connection), "the browser tests need the `django_db` marker"
    # The server thread reaches the database whenever a page is requested, so the blocker
    # stays open for the whole session. The server stops after the rollback: on its way out
    # it closes the connection it was lent.
    with django_db_blocker.unblock(), live_server(connection) as url:
        with transaction.atomic(using=connection.alias):
            cache.clear()
            call_command("load_demo", verbosity=0)
            pages = {code: _page_paths(code) for code, _name in settings.LANGUAGES}
            yield DemoSite(
                url=url,
                pages={code: paths for code, paths in pages.items() if paths},
                search_terms={"it": "agroalimentare", "en": "agri-food"},
            )
            transaction.set_rollback(True, using=connection.alias)
        # Wagtail caches site root paths by page id, and the ids just rolled back will return.
        cache.clear()


@pytest.fixture(scope="session")
def browser(demo_site):
    """Headless Debian Chromium, started after the demo is loaded and closed before cleanup."""
    from playwright.sync_api import sync_playwright

    connection = connections[DEFAULT_DB_ALIAS]
    # Between calls Playwright's sync API leaves its event loop marked as running in this
    # thread. Django then treats the thread as async: it refuses ORM calls, and it looks
    # connections up per async context, where it would open a second connection outside the
    # demo's transaction. Each test's savepoint needs both, on the thread's own connection.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        # Set after a call, while the loop is marked running: this fills the async lookup.
        connections[DEFAULT_DB_ALIAS] = connection
        yield browser
        browser.close()
        del connections[DEFAULT_DB_ALIAS]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where each journey's last screenshot goes, emptied once per session."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def _new_page(browser, viewport: dict[str, int], *, locale: str = "it", mobile: bool = False):
    context = browser.new_context(
        viewport=viewport,
        locale=locale,
        is_mobile=mobile,
        has_touch=mobile,
        service_workers="block",
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser):
    """A fresh desktop-sized tab with its own cookies, asking for Italian."""
    context, tab = _new_page(browser, DESKTOP)
    yield tab
    context.close()


@pytest.fixture
def new_page(browser):
    """A factory for tabs of a given size and language, each closed after the test.

    `mobile` makes Chromium honour the page's viewport meta tag and report touch, as a phone does.
    """
    contexts = []

    def make(width: int, height: int, *, locale: str = "it", mobile: bool = False):
        context, tab = _new_page(
            browser, {"width": width, "height": height}, locale=locale, mobile=mobile
        )
        contexts.append(context)
        return tab

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot(artifacts):
    """Saves a full-page screenshot of a tab under `test-artifacts/browser/<name>.png`."""

    def save(tab, name: str) -> Path:
        path = artifacts / f"{name}.png"
        tab.screenshot(path=str(path), full_page=True)
        return path

    return save
