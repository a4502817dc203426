"""An action owner's monthly update, end to end in Chromium, as the owner sees it."""
from playwright.sync_api import expect

from plans.models import ProgressUpdate, Rag
from plans.services.demo import DEMO_PASSWORD


def test_owner_records_an_amber_update_after_correcting_a_missing_note(journey, demo):
    page = journey.page
    journey.login("owner", DEMO_PASSWORD)

    # My actions: what must I update before the next board?
    journey.check("my-actions", title="My actions")
    expect(page.get_by_role("heading", level=1)).to_have_text("My actions")
    expect(page.locator(".govuk-inset-text")).to_contain_text("still need")
    table = page.get_by_role("table", name="Actions owned by your roles")
    due = table.locator("tbody tr").filter(has_text="Update needed").first
    expect(due).to_be_visible()
    ref = due.get_by_role("link").first.inner_text().strip()

    due.get_by_role("link", name=ref, exact=True).click()
    journey.check("action", title=f"Action {ref} – {demo.plan.title}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Action {ref}")
    history_before = page.locator(".app-history__item").count()

    page.get_by_role("button", name="Record progress").click()
    journey.check("record-progress", title=f"Record progress on action {ref} – {demo.plan.title}")

    # First attempt: Amber chosen, the note forgotten.
    progress = page.get_by_role("group", name="Progress RAG")
    progress.get_by_label("Amber", exact=True).check()
    page.get_by_role("button", name="Save update").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    journey.check("record-progress-error", title=f"Error: Record progress on action {ref} – {demo.plan.title}")
    expect(page.locator("#id_note-error")).to_contain_text("Enter a progress note")
    expect(progress.get_by_label("Amber", exact=True)).to_be_checked()  # the choice is kept
    assert not ProgressUpdate.objects.filter(action__ref=ref, note="").exists()

    summary.get_by_role("link", name="Enter a progress note").click()
    expect(page.get_by_label("Progress note")).to_be_focused()

    note = "Recruitment to two vacant posts slipped; agency cover starts next month."
    page.get_by_label("Progress note").fill(note)
    page.get_by_role("button", name="Save update").click()

    # Back on the action: the success banner and the update at the top of the history.
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Progress update recorded for")
    history = page.locator(".app-history__item")
    expect(history).to_have_count(history_before + 1)
    newest = history.first
    expect(newest).to_contain_text(note)
    expect(newest).to_contain_text("by Alex Morgan")
    expect(newest.locator(".app-rag").first).to_have_text("Amber")
    expect(page.locator("h1 + p .app-rag").first).to_have_text("Amber")  # the action's current progress RAG
    journey.check("action-after-update", title=f"Action {ref} – {demo.plan.title}")

    update = ProgressUpdate.objects.filter(note=note).get()
    assert update.progress_rag == Rag.AMBER
    assert update.author.username == "owner"

    # My actions now shows the action as done for this period.
    page.get_by_role("link", name="My actions").click()
    row = page.get_by_role("table", name="Actions owned by your roles").locator("tbody tr").filter(
        has=page.get_by_role("link", name=ref, exact=True)
    ).first
    expect(row).to_contain_text("Updated")
    expect(row).to_contain_text(note[:40])
