"""Progressive enhancement: with JavaScript off, an owner still signs in and records an update."""

import pytest
from playwright.sync_api import expect

from plans.models import ProgressUpdate, Rag
from plans.services.demo import DEMO_PASSWORD
from tests.browser.support import DESKTOP, MOBILE, Journey


@pytest.fixture
def journey_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, locale="en-GB", java_script_enabled=False)
    context.set_default_timeout(10_000)
    yield Journey(context.new_page(), javascript=False)
    context.close()


def test_owner_records_an_update_with_javascript_off(journey_without_javascript, demo):
    journey = journey_without_javascript
    page = journey.page
    journey.login("owner", DEMO_PASSWORD)
    page.get_by_role("link", name="Record progress").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Record progress")

    page.get_by_role("group", name="Progress RAG").get_by_label("Green", exact=True).check()
    page.get_by_role("button", name="Save update").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a progress note")
    page.get_by_label("Progress note").fill("Recorded with scripts blocked by the council's browser policy.")
    page.get_by_role("button", name="Save update").click()

    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert ProgressUpdate.objects.get(note__startswith="Recorded with scripts blocked").progress_rag == Rag.GREEN

    # On a phone the navigation is simply listed: there is no menu button to press.
    page.set_viewport_size(MOBILE)
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Plans")).to_be_visible()
