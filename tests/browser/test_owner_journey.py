"""An action owner's monthly round, end to end in Chromium, as the owner sees it: an update with an
error corrected, save and next, "no change since last month", answering a coordinator's challenge,
and a comment."""

import re

from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from plans.models import Action, ActionComment, ProgressUpdate, Rag, UpdateReview
from plans.services.demo import DEMO_PASSWORD

CHALLENGE = "Green, but the March audit says otherwise"


def _challenge_one_of_the_owners_updates():
    """The coordinator challenged the latest update of one of the owner's actions (as the review queue does)."""
    users = get_user_model().objects
    owner, coordinator = users.get(username="owner"), users.get(username="coordinator")
    action = Action.objects.owned_by_user(owner).open().filter(updates__isnull=False).in_plan_order().last()
    update = action.updates.order_by("-created_at").first()
    UpdateReview.objects.create(
        update=update, reviewer=coordinator, decision="challenged", comment=CHALLENGE, created_at=timezone.now()
    )
    return action


def test_owner_records_an_amber_update_after_correcting_a_missing_note(journey, demo):
    page = journey.page
    challenged = _challenge_one_of_the_owners_updates()
    journey.login("owner", DEMO_PASSWORD)

    # My actions: what must I update before the next board, and what was challenged?
    journey.check("my-actions", title="My actions")
    expect(page.get_by_role("heading", level=1)).to_have_text("My actions")
    expect(page.locator(".govuk-inset-text")).to_contain_text("still need")
    challenges = page.get_by_role("region", name="Challenged updates")
    expect(challenges).to_contain_text(CHALLENGE)
    table = page.get_by_role("table", name="Actions owned by your roles")
    due = table.locator("tbody tr").filter(has_text="Update needed").first
    expect(due).to_be_visible()
    shown = due.get_by_role("link").first.inner_text().strip()
    ref = re.sub(r"\s\(theme\s[^)]*\)$", "", shown)  # "2.15 (theme 3)": refs repeat across themes

    due.get_by_role("link", name=shown, exact=True).click()
    journey.check("action", title=f"Action {ref} – {demo.plan.title}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Action {ref}")

    page.get_by_role("button", name="Record progress").click()
    journey.check("record-progress", title=f"Record progress on action {ref} – {demo.plan.title}")
    expect(page.locator("#round-progress")).to_contain_text("of your actions updated this month")

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

    # Save and next: the next action still needing an update, with how many are done.
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text("Progress update recorded for")
    expect(banner).to_contain_text(re.compile(r"\d+ of \d+ of your actions updated this month"))
    expect(banner).to_contain_text("Next: action")
    next_ref = re.search(r"Next: action (\S+) \(theme\s\d+\)\.", banner.inner_text()).group(1)
    journey.check("record-progress-next", title=f"Record progress on action {next_ref} – {demo.plan.title}")
    update = ProgressUpdate.objects.filter(note=note).get()
    assert (update.progress_rag, update.author.username) == (Rag.AMBER, "owner")

    # Nothing has changed on this one: no change since last month, with a short note.
    before = (
        ProgressUpdate.objects.filter(action__ref=next_ref, action__theme__plan=demo.plan)
        .order_by("-created_at")
        .first()
    )
    page.get_by_label("Short note").fill("Waiting for the partnership's decision in January.")
    page.get_by_role("button", name="No change since last month").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("No change since last month recorded")
    same = ProgressUpdate.objects.filter(note="Waiting for the partnership's decision in January.").get()
    assert same.no_change and (same.progress_rag, same.impact_rag) == (before.progress_rag, before.impact_rag)
    assert same.pk != before.pk  # a new, dated update: the earlier one is untouched

    # My actions: the first action is done; the challenge is still waiting for an answer.
    page.get_by_role("link", name="My actions").click()
    row = (
        page.get_by_role("table", name="Actions owned by your roles")
        .locator("tbody tr")
        .filter(has=page.get_by_role("link", name=shown, exact=True))
        .first
    )
    expect(row).to_contain_text("Updated")
    expect(row).to_contain_text(note[:40])

    # Answering the challenge with a reply.
    page.get_by_role("region", name="Challenged updates").get_by_role("link", name=f"Action {challenged.ref}").click()
    journey.check("action-challenged", title=f"Action {challenged.ref} – {demo.plan.title}")
    expect(page.get_by_role("region", name="Update challenged")).to_contain_text(CHALLENGE)
    page.get_by_role("region", name="Update challenged").get_by_role("link", name="reply to the challenge").click()
    journey.check("reply", title=f"Reply to the challenge on action {challenged.ref} – {demo.plan.title}")
    page.get_by_role("button", name="Send reply").click()
    journey.check("reply-error", title=f"Error: Reply to the challenge on action {challenged.ref} – {demo.plan.title}")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your comment")
    reply = "The audit sampled cases from before the new front door; the April audit will show the change."
    page.get_by_label("Comment").fill(reply)
    page.get_by_role("button", name="Send reply").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Reply added")
    history = page.locator(".app-history__item")
    expect(history.first).to_contain_text(reply)
    expect(page.get_by_role("region", name="Update challenged")).to_have_count(0)
    assert ActionComment.objects.get(text=reply).review.comment == CHALLENGE

    # A comment on the action: not an update, no RAG changes.
    rag_before = page.locator("h1 + p .app-rag").first.inner_text()
    comment = "Shared with the Head of Service: the protocol goes to the partnership in January."
    page.get_by_label("Comment", exact=True).fill(comment)
    page.get_by_role("button", name="Add comment").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Comment added")
    expect(page.locator(".app-history__item").first).to_contain_text(comment)
    expect(page.locator("h1 + p .app-rag").first).to_have_text(rag_before)

    page.get_by_role("link", name="My actions").click()
    expect(page.get_by_role("region", name="Challenged updates")).to_have_count(0)
