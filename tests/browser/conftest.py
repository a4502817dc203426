"""Browser fixtures: one headless Debian Chromium per test session, a fresh context per test.

Every test in this folder is marked `browser` automatically and runs against pytest-django's
`live_server` (a real server on 127.0.0.1 with a transactional test database, static files
served through the staticfiles finders). See tests/browser/README.md.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.support import DESKTOP, HANDS, Journey

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder `browser` and run them after all the others.

    Last, because the browser's event loop lives until the end of the session: no other test
    should run while it does (see the `browser` fixture).
    """
    in_browser = [HERE in Path(str(item.fspath)).resolve().parents for item in items]
    for item, is_browser in zip(items, in_browser):
        if is_browser:
            item.add_marker(pytest.mark.browser)
    items[:] = [i for i, b in zip(items, in_browser) if not b] + [i for i, b in zip(items, in_browser) if b]


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Journeys queue background work (a closed period's full board pack) as the product does, on
    the database queue, and no worker runs beside the live server: a page never waits for it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless. `make test` installs it; Playwright's own download is never used."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}. Run `make test` (it installs it), or "
            "`apt-get install -y --no-install-recommends chromium`, or set CHROMIUM_PATH."
        )
    # Playwright's sync API keeps an asyncio loop running in this thread; the ORM calls the tests
    # make here (fixtures, assertions on the database) are still plain synchronous code. Only for
    # the browser's lifetime: a process started by another test must not inherit the switch.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def context(browser, live_server):
    """A fresh browser profile per test (no cookies carried over), aimed at the live server."""
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def journey(page, request):
    """A `Journey` over `page`: log in, check each page (title, axe, screenshots), use the keyboard."""
    journey = Journey(page, test_name=request.node.name)
    yield journey
    journey.assert_assets_loaded()


@pytest.fixture(params=list(HANDS))
def hands(request, journey):
    """The journey's person with the mouse, then again with the keyboard only (see support.Hands)."""
    return HANDS[request.param](journey)


@pytest.fixture
def demo(live_server, transactional_db):
    """The Solihull demo plan with six months of progress and the demo accounts (see load_demo)."""
    from improvement.demo import demo_load

    return demo_load()
