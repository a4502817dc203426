"""The owner's monthly update without a mouse: Tab, Shift+Tab, Enter, Space and arrow keys only.

Every Tab stop on the way must show a visible focus indicator (`Journey.tab_to` checks each one).
"""

import re

from playwright.sync_api import expect

from plans.models import ProgressUpdate, Rag
from plans.services.demo import DEMO_PASSWORD
from tests.browser.support import MOBILE, skip_to_main_content


def test_owner_records_an_update_with_the_keyboard_only(journey, demo):
    page = journey.page
    keyboard = page.keyboard
    page.goto("/login/")

    skip_to_main_content(journey)
    journey.tab_to_id("id_username")
    keyboard.type("owner")
    journey.tab_to_id("id_password")
    keyboard.type(DEMO_PASSWORD)
    keyboard.press("Enter")

    expect(page).to_have_title(journey.expected_title("My actions"))
    skip_to_main_content(journey)
    link = journey.tab_to(lambda element: element["tag"] == "a" and element["text"].startswith("Record progress"))
    ref = re.sub(r"\s\(theme\s[^)]*\)$", "", link["text"].removeprefix("Record progress on action ").strip())
    keyboard.press("Enter")

    expect(page).to_have_title(journey.expected_title(f"Record progress on action {ref} – {demo.plan.title}"))
    progress = page.get_by_role("group", name="Progress RAG")
    journey.tab_to_id("id_progress_rag_0")
    keyboard.press("Space")
    expect(progress.get_by_label("Blue", exact=True)).to_be_checked()
    keyboard.press("ArrowDown")
    keyboard.press("ArrowDown")
    amber = progress.get_by_label("Amber", exact=True)
    expect(amber).to_be_focused()
    expect(amber).to_be_checked()
    journey.assert_focus_visible()

    # Submit with the note forgotten: the error summary takes focus and its link leads to the field.
    journey.tab_to(lambda element: element["tag"] == "button" and element["text"] == "Save update")
    keyboard.press("Enter")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    journey.tab_to_text("Enter a progress note", limit=3)
    keyboard.press("Enter")
    expect(page.locator("#id_note")).to_be_focused()
    journey.assert_focus_visible()
    note = "Typed without a mouse: interim cover agreed, recovery plan with the Assistant Director."
    keyboard.type(note)
    journey.tab_to(lambda element: element["tag"] == "button" and element["text"] == "Save update")
    keyboard.press("Space")

    # Save and next: on to the next action still needing an update, saying how many are done.
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text("Progress update recorded")
    expect(banner).to_contain_text("of your actions updated this month")
    update = ProgressUpdate.objects.get(note=note)
    assert update.progress_rag == Rag.AMBER
    assert update.action.ref == ref


def test_mobile_menu_opens_and_closes_with_the_keyboard(journey, demo):
    page = journey.page
    journey.login("board", DEMO_PASSWORD)
    page.set_viewport_size(MOBILE)
    toggle = page.get_by_role("button", name="Menu")
    links = page.locator("#navigation")
    expect(toggle).to_be_visible()  # GOV.UK Frontend's JavaScript shows the toggle on small screens
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links).to_be_hidden()

    journey.tab_to(lambda element: element["tag"] == "button" and element["text"] == "Menu")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(links.get_by_role("link", name="Plans")).to_be_visible()
    journey.screenshot("menu-open", sizes={"mobile": MOBILE})
    journey.tab_to_text("Plans", limit=5)
    page.keyboard.press("Enter")
    expect(page).to_have_title(journey.expected_title("Plans"))

    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "true")
    page.get_by_role("button", name="Menu").click()
    expect(page.locator("#navigation")).to_be_hidden()
