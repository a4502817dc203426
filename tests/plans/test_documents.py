"""The board pack and the plan export as a screen reader's tools read them: a tagged PDF and
workbooks with properties, named sheets, one frozen header row, charts with alternative text."""
import datetime

from django.urls import reverse

from plans.models import MeasureMilestone
from plans.services import reports
from tests.documents import assert_accessible_pdf, html_caption_count
from tests.factories import MeasureFactory, MeasureReadingFactory
from tests.plans.reporting_fixtures import board, update  # noqa: F401 (fixture)


def _with_measure(board):
    measure = MeasureFactory(plan=board.plan, name="Re-referrals within 12 months", baseline=30, target=18)
    MeasureReadingFactory(measure=measure, period=board.jan, value=24)
    MeasureReadingFactory(measure=measure, period=board.feb, value=22)
    MeasureMilestone.objects.create(measure=measure, due_date=datetime.date(2026, 6, 30), value=20)
    return measure


def test_board_pack_pdf_is_tagged_with_headings_tables_and_described_charts(client, board):
    _with_measure(board)
    client.force_login(board.board)
    response = client.get(reverse("plans:board_pack_pdf", args=[board.plan.pk]) + "?period=2026-02")
    html = reports.board_pack_html(dashboard=reports.board_pack_data(plan=board.plan, period=board.feb))

    s = assert_accessible_pdf(response.content, title=f"Board pack: {board.plan.title}, February 2026",
                              html_captions=html_caption_count(html))

    assert s.headings[:4] == [("H1", board.plan.title), ("H2", "Improvement board pack: February 2026"),
                              ("H2", "Highlight report"), ("H2", "Summary of progress")]
    assert [title for _, title in s.headings if _ == "H2"][4:] == [
        "By owner", "Measures", "Movement since January 2026", "Exceptions", "Every action, by theme"]
    assert ("H3", "Re-referrals within 12 months") in s.headings
    # The trend chart and the measure's chart, each saying what it shows and where its figures are.
    assert len(s.figure_alts) == 2
    assert s.figure_alts[0].startswith("Stacked bar chart of the progress RAG mix in each period")
    assert "Re-referrals within 12 months" in s.figure_alts[1]
    assert all("table that follows gives the same figures" in alt for alt in s.figure_alts)
    # The first table (progress RAG summary): its caption, then its head of RAG words, then its body.
    first = [kind for kind, _ in s.tables[0]]
    assert first[0] == "Caption"
    assert first.index("THead") < first.index("TBody")
    assert first[first.index("THead"):first.index("TBody")].count("TH") == 7  # 6 RAG columns and Total
