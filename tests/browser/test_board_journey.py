"""An improvement board member reads the plan and its dashboard, narrows it to the Red actions, downloads
the board pack, and cannot change anything."""

import datetime
import io
import re
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from plans.models import Action, Rag
from plans.selectors import reporting as selectors_reporting
from plans.selectors.dashboard import figures as dashboard_figures
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
    expect(
        page.get_by_text("Only the action's owners and the plan's coordinators can record progress.")
    ).to_be_visible()


def test_board_member_reads_the_dashboard_drills_into_red_and_downloads_the_board_pack(hands, demo, settings):
    """Mouse and keyboard alike: the latest period's dashboard, its RAG table, Red, an action, both packs."""
    # A closed period's pack is drawn by the background worker and kept; no worker runs beside the
    # live server, so here the task runs when it is queued, as the worker would run it.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    page = hands.page
    plan = demo.plan
    periods = selectors_reporting.plan_periods(plan=plan)
    period = selectors_reporting.default_period(periods)
    figures = dashboard_figures(plan=plan, period=period, periods=periods)
    red_count = figures.progress.count(Rag.RED)
    assert red_count, "the demo plan should have Red actions"

    hands.login("board", DEMO_PASSWORD)
    start = selectors_reporting.default_period(selectors_reporting.plan_periods(plan=plan))
    hands.at("start-board", title=f"Board dashboard, {start.label} – {plan.title}")
    hands.open_plan(plan, name="plan")
    hands.press(page.get_by_role("link", name=f"Board dashboard for {period.label}"))

    hands.at("dashboard", title=f"Board dashboard, {period.label} – {plan.title}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Board dashboard: {period.label}")
    # The first screen: how many actions carry each RAG, progress beside impact, number and %.
    table = page.get_by_role("table", name="Actions by RAG rating (number and %)")
    for (rag, n, pct), (_, impact_n, impact_pct) in zip(figures.progress, figures.impact, strict=True):
        word = rag.label if rag else "no rating"
        row = table.get_by_role("row", name=re.compile(f"^{rag.label if rag else 'No rating'} "))
        expect(row.get_by_role("link", name=f"Progress {word}: {n}", exact=True)).to_be_visible()
        expect(row.get_by_role("link", name=f"Impact {word}: {impact_n}", exact=True)).to_be_visible()
        expect(row).to_contain_text(f"({pct}%)")
        expect(row).to_contain_text(f"({impact_pct}%)")
    assert_first_screen(page, figures)

    # Both board packs, as downloads, carrying the plan's title.
    pdf = hands.download(page.get_by_role("link", name=f"Board pack for {period.label} (PDF)"))
    assert pdf.suggested_filename.endswith(".pdf")
    text = " ".join("".join(p.extract_text() for p in PdfReader(pdf.path()).pages).split())
    assert plan.title in text and period.label in text
    excel = hands.download(page.get_by_role("link", name=f"Board pack for {period.label} (Excel)"))
    assert excel.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(Path(excel.path()).read_bytes()), read_only=True)
    cells = {
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    assert any(plan.title in cell for cell in cells), "the plan's title is not in the Excel board pack"
    # The period is in the workbook's title, and a date (not text) on its "About this pack" sheet.
    assert period.label in book.properties.title
    assert str(datetime.datetime.combine(period.month, datetime.time())) in cells

    # "Red" in the table leads to the Red actions behind the number.
    hands.press(table.get_by_role("link", name=f"Progress Red: {red_count}", exact=True))
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


FIRST_SCREEN = 800  # px: what a board member sees at 1280 × 800 without scrolling


def assert_first_screen(page, figures):
    """At 1280 × 800, the period, its status, the RAG table, movement, exceptions and trend are all
    on the first screen, with the figures the database counted."""
    page.set_viewport_size({"width": 1280, "height": FIRST_SCREEN})
    page.evaluate("window.scrollTo(0, 0)")
    shown = [
        page.locator(".app-dashboard-status"),
        page.get_by_role("table", name="Actions by RAG rating (number and %)"),
        page.get_by_role("link", name=re.compile(r"^\d+ worsened")),
        page.get_by_role("link", name=re.compile(r"^\d+ progress without impact$")),
        page.get_by_role("img", name=re.compile("^Line chart of the % of actions")),
        page.get_by_role("navigation", name="Dashboard sections"),
    ]
    for locator in shown:
        box = locator.bounding_box()
        assert box and box["y"] + box["height"] <= FIRST_SCREEN, f"below the first screen: {locator} ({box})"
    for name, words in (
        ("red", "Red"),
        ("overdue", "overdue"),
        ("stale", "no update this period"),
        ("without_impact", "progress without impact"),
    ):
        expect(page.get_by_role("link", name=f"{figures.counts[name]} {words}", exact=True)).to_be_visible()


SECTIONS = ["Highlight report", "Trends", "By theme", "By owner", "Measures", "Exceptions", "Movement"]


def test_every_dashboard_section_is_one_step_from_the_first_screen(hands, demo):
    """Mouse and keyboard alike: each section from the contents, then back to the first screen; the
    summary table fits a phone without sideways scrolling."""
    page = hands.page
    plan = demo.plan
    periods = selectors_reporting.plan_periods(plan=plan)
    period = selectors_reporting.default_period(periods)
    hands.login("board", DEMO_PASSWORD)
    page.goto(f"/plans/{plan.pk}/dashboard/?period={period.slug}")
    hands.at("dashboard", title=f"Board dashboard, {period.label} – {plan.title}")
    contents = page.get_by_role("navigation", name="Dashboard sections")
    for section in SECTIONS:
        hands.press(contents.get_by_role("link", name=section, exact=True))
        expect(page.get_by_role("heading", level=2, name=re.compile(f"^{section}"))).to_be_visible()
        expect(contents.get_by_role("link", name=section, exact=True)).to_have_attribute("aria-current", "page")
        if section in ("Trends", "Exceptions", "By owner"):
            slug = section.lower().replace(" ", "-")
            hands.at(f"dashboard-{slug}", title=f"{section} – Board dashboard, {period.label} – {plan.title}")
        # Bounded whatever the plan's size: no section is more than a few screens at 1280 px.
        assert page.evaluate("document.documentElement.scrollHeight") < 8 * FIRST_SCREEN, section
    hands.press(contents.get_by_role("link", name="At a glance", exact=True))
    expect(page.get_by_role("table", name="Actions by RAG rating (number and %)")).to_be_visible()

    # At 375 px the summary table is whole on the screen: no sideways scrolling to reach a figure.
    page.set_viewport_size({"width": 375, "height": 812})
    box = page.locator(".app-glance-table").evaluate(
        "t => ({table: t.scrollWidth, box: t.parentElement.clientWidth, right: t.getBoundingClientRect().right})"
    )
    assert box["table"] <= box["box"] and box["right"] <= 375, box
    page.set_viewport_size({"width": 1280, "height": FIRST_SCREEN})
