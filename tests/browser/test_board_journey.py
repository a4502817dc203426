"""An improvement board member reads the plan, narrows it to the Red actions, and cannot change anything."""
from playwright.sync_api import expect

from plans.models import Action, Rag
from plans.services.demo import DEMO_PASSWORD


def test_board_member_filters_the_plan_to_red_actions_and_is_refused_recording_progress(journey, demo):
    page = journey.page
    plan = demo.plan
    red = Action.objects.for_plan(plan).with_current_rag().filter(current_progress_rag=Rag.RED)
    red_refs = set(red.values_list("ref", flat=True))
    assert red_refs, "the demo plan should have Red actions"

    journey.login("board", DEMO_PASSWORD)
    journey.check("my-actions-board", title="My actions")
    expect(page.get_by_text("None of your roles owns an open action.")).to_be_visible()

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Plans").click()
    journey.check("plans", title="Plans")
    page.get_by_role("table", name="Improvement plans you can read").get_by_role("link", name=plan.title).click()

    journey.check("plan", title=plan.title)
    expect(page.get_by_role("heading", level=1)).to_have_text(plan.title)
    actions = page.get_by_role("table", name="Actions with their owners, due dates and current progress and impact RAG")
    expect(actions).to_be_visible()

    filters = page.get_by_role("form", name="Filter actions")
    filters.get_by_label("Progress RAG").select_option(label="Red")
    filters.get_by_role("button", name="Apply filters").click()

    journey.check("plan-filtered-red", title=f"{plan.title} (filtered)")
    expect(filters.get_by_label("Progress RAG")).to_have_value(Rag.RED)
    rows = actions.locator("tbody tr")
    expect(rows).to_have_count(min(len(red), 25))
    headers = [text.strip() for text in actions.locator("thead th").all_inner_texts()]
    progress_column = next(i for i, text in enumerate(headers) if text.startswith("Progress"))
    for row in rows.all():
        expect(row.locator("td").nth(progress_column)).to_have_text("Red")
    shown_refs = {text.strip() for text in actions.locator("tbody tr td:first-child a").all_inner_texts()}
    assert shown_refs <= red_refs
    expect(page.get_by_text(f"{len(red)} action")).to_be_visible()

    first = rows.first.get_by_role("link").first
    ref = first.inner_text().strip()
    first.click()
    journey.check("action-board", title=f"Action {ref} – {plan.title}")
    expect(page.locator("h1 + p .app-rag").first).to_have_text("Red")
    expect(page.get_by_role("button", name="Record progress")).to_have_count(0)
    expect(page.get_by_role("heading", name="Update history")).to_be_visible()

    # Typing the address of the form is refused, with a page that says so.
    response = page.goto(page.url.rstrip("/") + "/update/")
    assert response.status == 403
    journey.check("forbidden", title="You cannot do this")
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot do this")
    expect(page.get_by_text("Only the action's owners and the plan's coordinators can record progress.")).to_be_visible()
