"""An improvement board member reads the plan and its dashboard, narrows it to the Red actions, downloads
the board pack, and cannot change anything."""
import datetime
import io
import re
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from plans.selectors import reporting as selectors_reporting

from plans.models import Action, Rag
from plans.services.demo import DEMO_PASSWORD


def test_board_member_filters_the_plan_to_red_actions_and_is_refused_recording_progress(journey, demo):
    page = journey.page
    plan = demo.plan
    red = Action.objects.for_plan(plan).with_current_rag().filter(current_progress_rag=Rag.RED)
    red_refs = set(red.values_list("ref", flat=True))
    assert red_refs, "the demo plan should have Red actions"

    journey.login("board", DEMO_PASSWORD)
    # A board member of one plan starts on its dashboard (the open period's).
    period = selectors_reporting.default_period(selectors_reporting.plan_periods(plan=plan))
    journey.check("start-board", title=f"Board dashboard, {period.label} – {plan.title}")

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


def test_board_member_reads_the_dashboard_drills_into_red_and_downloads_the_board_pack(hands, demo):
    """Mouse and keyboard alike: the latest period's dashboard, its RAG table, Red, an action, both packs."""
    page = hands.page
    plan = demo.plan
    period = selectors_reporting.default_period(selectors_reporting.plan_periods(plan=plan))
    dashboard = selectors_reporting.board_dashboard(
        plan=plan, period=period, periods=selectors_reporting.plan_periods(plan=plan)
    )
    red_count = next(n for rag, n, _pct in dashboard.progress if rag == Rag.RED)
    assert red_count, "the demo plan should have Red actions"

    hands.login("board", DEMO_PASSWORD)
    start = selectors_reporting.default_period(selectors_reporting.plan_periods(plan=plan))
    hands.at("start-board", title=f"Board dashboard, {start.label} – {plan.title}")
    hands.open_plan(plan, name="plan")
    hands.press(page.get_by_role("link", name=f"Board dashboard for {period.label}"))

    hands.at("dashboard", title=f"Board dashboard, {period.label} – {plan.title}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Board dashboard: {period.label}")
    # The Walsall table: how many actions carry each RAG, and what % of all that is.
    table = page.get_by_role("table", name="Progress RAG: number and % of all actions")
    numbers = table.get_by_role("row", name=re.compile("^Number of actions"))
    percentages = table.get_by_role("row", name=re.compile("^% of total"))
    for rag, n, pct in dashboard.progress:
        word = rag.label if rag else "No rating"
        expect(numbers.get_by_role("link", name=f"{word}: {n}", exact=True)).to_be_visible()
    expect(percentages.locator("td")).to_have_text([f"{pct}%" for _rag, _n, pct in dashboard.progress] + ["100%"])

    # Both board packs, as downloads, carrying the plan's title.
    pdf = hands.download(page.get_by_role("link", name=f"Board pack for {period.label} (PDF)"))
    assert pdf.suggested_filename.endswith(".pdf")
    text = " ".join("".join(p.extract_text() for p in PdfReader(pdf.path()).pages).split())
    assert plan.title in text and period.label in text
    excel = hands.download(page.get_by_role("link", name=f"Board pack for {period.label} (Excel)"))
    assert excel.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(Path(excel.path()).read_bytes()), read_only=True)
    cells = {str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row if value is not None}
    assert any(plan.title in cell for cell in cells), "the plan's title is not in the Excel board pack"
    # The period is in the workbook's title, and a date (not text) on its "About this pack" sheet.
    assert period.label in book.properties.title
    assert str(datetime.datetime.combine(period.month, datetime.time())) in cells

    # "Red" in the table leads to the Red actions behind the number.
    hands.press(numbers.get_by_role("link", name=f"Red: {red_count}", exact=True))
    hands.at("plan-red-in-period", title=f"{plan.title} (filtered)")
    actions = page.get_by_role("table", name=re.compile("^Actions"))
    rows = actions.locator("tbody tr")
    expect(rows).to_have_count(min(red_count, 25))
    expect(page.get_by_text(f"{red_count} action")).to_be_visible()
    first = rows.first.get_by_role("link").first
    ref = first.inner_text().strip()

    hands.press(first)
    hands.at("action-board", title=f"Action {ref} – {plan.title}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Action {ref}")
    expect(page.get_by_role("button", name="Record progress")).to_have_count(0)
