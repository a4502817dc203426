"""The Solihull workbook's preview is short enough to work through: its rows to check are listed in the
first screen (a few: every one, with no "See all" link), each person named as an owner is one row with a
searchable role, and the long list of actions scrolls in its own region (the page was 38,000 px tall)."""

from playwright.sync_api import expect

from plans.permissions import ADMIN
from tests.browser.test_import_journey import PASSWORD, SOLIHULL_WORKBOOK
from tests.factories import UserFactory


def test_the_solihull_preview_is_short_with_its_warnings_first(hands, transactional_db):
    page = hands.page
    UserFactory(username="importer", first_name="Sam", last_name="Patel", groups=[ADMIN])
    hands.login("importer", PASSWORD)
    page.goto("/import/")
    hands.at("import-length-upload", title="Import a plan")
    page.get_by_label("Upload the plan").set_input_files(str(SOLIHULL_WORKBOOK))  # the upload has its own journey
    hands.press(page.get_by_role("button", name="Upload and preview"))
    hands.at("import-length-preview", title=f"Check the import of {SOLIHULL_WORKBOOK.name}")

    summary = page.locator("#warnings-summary")
    expect(summary).to_be_visible()
    viewport = page.viewport_size["height"]
    assert summary.bounding_box()["y"] < viewport, "the warnings are summarised in the first screen"
    height = page.evaluate("document.body.scrollHeight")
    assert height < 8 * viewport, f"the preview is {height} px tall"

    people = page.locator("#people + p + .app-table-scroll tbody tr")
    assert people.count() >= 1
    first = people.first.locator("input[role=combobox]")
    expect(first).to_be_visible()  # a searchable role, not a long drop-down

    # Its few rows to check (refs used again) are each listed in the first screen: nothing to go down for.
    listed = page.locator("#warnings-summary + ul li")
    assert 1 <= listed.count() <= 5 and all("is used again" in text for text in listed.all_inner_texts())
    assert listed.last.bounding_box()["y"] < viewport
    expect(page.get_by_role("link", name="See all")).to_have_count(0)
