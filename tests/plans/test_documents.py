"""The board pack and the plan export as a screen reader's tools read them: a tagged PDF and
workbooks with properties, named sheets, one frozen header row, charts with alternative text."""

import datetime

from django.urls import reverse

from plans.models import MeasureMilestone
from plans.rag import RAG_PALETTE, Rag
from plans.services import reports
from tests.documents import (
    assert_accessible_pdf,
    assert_navigable_workbook,
    chart_descriptions,
    html_caption_count,
)
from tests.factories import MeasureFactory, MeasureReadingFactory
from tests.plans.reporting_fixtures import board  # noqa: F401 (fixture)

RAG_WORDS = {"Blue", "Green", "Amber", "Red", "Grey", "No rating"}


def _with_measure(board):
    measure = MeasureFactory(plan=board.plan, name="Re-referrals within 12 months", baseline=30, target=18)
    MeasureReadingFactory(measure=measure, period=board.jan, value=24)
    MeasureReadingFactory(measure=measure, period=board.feb, value=22)
    MeasureMilestone.objects.create(measure=measure, due_date=datetime.date(2026, 6, 30), value=20)
    return measure


def test_board_pack_pdf_is_tagged_with_headings_tables_and_described_charts(client, board):
    from plans.selectors.pack import board_pack

    _with_measure(board)
    client.force_login(board.board)
    # February is open: its pack is the summary.
    response = client.get(reverse("plans:board_pack_pdf", args=[board.plan.pk]) + "?period=2026-02")
    html = reports.board_pack_html(pack=board_pack(plan=board.plan, period=board.feb, full=False))

    s = assert_accessible_pdf(
        response.content, title=f"Board pack: {board.plan.title}, February 2026", html_captions=html_caption_count(html)
    )

    assert s.headings[:4] == [
        ("H1", board.plan.title),
        ("H2", "Improvement board pack: February 2026"),
        ("H2", "Highlight report"),
        ("H2", "Summary of progress"),
    ]
    assert [title for _, title in s.headings if _ == "H2"][3:] == [
        "Movement since January 2026",
        "Exceptions",
        "Progress without impact",
        "Measures",
    ]
    assert ("H3", "Re-referrals within 12 months") in s.headings
    # The progress and impact trend charts and the measure's chart, each saying what it shows and
    # where its figures are; then the movement over the last boards.
    assert len(s.figure_alts) == 3
    assert s.figure_alts[0].startswith("Stacked bar chart of the progress RAG mix in each period")
    assert "table that follows gives the same figures" in s.figure_alts[0]
    assert s.figure_alts[1].startswith("Stacked bar chart of the impact RAG mix in each period")
    assert ("H3", "Impact trend") in s.headings
    assert ("H3", "Movement over the last 1 board") in s.headings
    assert s.figure_alts[2].startswith("Line chart of Re-referrals within 12 months")
    assert "latest 22" in s.figure_alts[2] and "target 18" in s.figure_alts[2]
    assert "measures table above gives the latest figures" in s.figure_alts[2]
    # The first table (progress RAG summary): its caption, then its head of RAG words, then its body.
    first = [kind for kind, _ in s.tables[0]]
    assert first[0] == "Caption"
    assert first.index("THead") < first.index("TBody")
    assert first[first.index("THead") : first.index("TBody")].count("TH") == 7  # 6 RAG columns and Total


def test_full_board_pack_pdf_is_tagged_with_its_appendix(client, board):
    from plans.selectors.pack import board_pack

    _with_measure(board)
    client.force_login(board.board)
    response = client.get(reverse("plans:board_pack_full_pdf", args=[board.plan.pk]) + "?period=2026-02")
    html = reports.board_pack_html(pack=board_pack(plan=board.plan, period=board.feb, full=True))
    s = assert_accessible_pdf(
        response.content, title=f"Board pack: {board.plan.title}, February 2026", html_captions=html_caption_count(html)
    )
    assert [title for _, title in s.headings if _ == "H2"][-1] == "Appendix: every action, by theme, owner and measure"
    assert ("H3", "Every action, by theme") in s.headings and ("H3", "Each measure's readings") in s.headings
    assert "the appendix gives every reading" in s.figure_alts[2]


def test_excel_pack_is_navigable_with_charts_described_and_dates_as_dates(client, board):
    _with_measure(board)
    client.force_login(board.board)
    response = client.get(reverse("plans:board_pack_xlsx", args=[board.plan.pk]) + "?period=2026-02")

    wb = assert_navigable_workbook(
        response.content,
        title=f"Board pack: {board.plan.title}, February 2026",
        sheets=[
            "About this pack",
            "Progress RAG summary",
            "Impact RAG summary",
            "Progress RAG trend",
            "Progress by theme",
            "Impact by theme",
            "Progress by owner",
            "Impact by owner",
            "Movement",
            "Exceptions",
            "Progress without impact",
            "All actions",
            "Measures",
            "Measure readings",
            "Highlight report",
            "Review of updates",
        ],
    )

    descriptions = chart_descriptions(response.content)
    assert len(descriptions) == 4  # progress and impact RAG counts, the trend, and the measure's readings
    assert all("gives the same figures" in text for text in descriptions)
    assert descriptions[0].startswith("Bar chart of how many actions have each progress RAG")
    # Every coloured cell carries its RAG word; the colour is the one palette's.
    for sheet in wb.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.fill.fill_type == "solid":
                    assert cell.value in RAG_WORDS, f"{sheet.title}!{cell.coordinate}: colour without its word"
    red = wb["Progress RAG summary"]["A5"]
    assert red.value == "Red" and red.fill.fgColor.rgb.endswith(RAG_PALETTE[Rag.RED].fill[1:].upper())
    # Dates are dates with a number format, not text.
    about = {row[0].value: row[1] for row in wb["About this pack"].iter_rows(min_row=2)}
    assert about["Reporting period"].value.date() == datetime.date(2026, 2, 1)
    assert about["Reporting period"].number_format == "mmmm yyyy"
    assert about["Board meeting"].is_date or about["Board meeting"].value == "Not set"
    header = [cell.value for cell in wb["All actions"][1]]
    due = [
        row[header.index("Due date")]
        for row in wb["All actions"].iter_rows(min_row=2)
        if row[header.index("Due date")].value
    ]
    assert due and all(cell.is_date and cell.number_format == "d mmm yyyy" for cell in due)
    trend = [row[0] for row in wb["Progress RAG trend"].iter_rows(min_row=2)]
    assert [cell.value.date() for cell in trend] == [datetime.date(2026, 1, 1), datetime.date(2026, 2, 1)]
    measures = {cell.value: cell for cell in wb["Measures"][1]}
    assert "Next milestone due" in measures
    row = next(wb["Measures"].iter_rows(min_row=2))
    assert row[7].is_date and row[7].value.date() == datetime.date(2026, 6, 30)


def test_plan_export_workbook_is_navigable(client, board):
    client.force_login(board.board)
    response = client.get(reverse("plans:plan_export_xlsx", args=[board.plan.pk]))
    wb = assert_navigable_workbook(
        response.content, title=f"{board.plan.title}: improvement plan", sheets=["Plan", "Themes"]
    )
    assert wb["Plan"].freeze_panes == "C2"
    header = [cell.value for cell in wb["Plan"][1]]
    for row in wb["Plan"].iter_rows(min_row=2):
        for column in ("Progress RAG", "Impact RAG"):
            cell = row[header.index(column)]
            if cell.fill.fill_type == "solid":
                assert cell.value in RAG_WORDS
