"""The board pack: PDF (WeasyPrint) and Excel (openpyxl), both from the same BoardDashboard."""

from django.template.loader import render_to_string
from django.utils import timezone
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Alignment

from improvement.pdf import pdf_from_html
from improvement.spreadsheets import (
    cell_fill,
    cell_write,
    chart_place,
    table_finish,
    table_sheet,
    workbook_bytes,
    workbook_new,
)
from plans.charts import rag_trend_chart
from plans.rag import RAG_ORDER, rag_colour
from plans.selectors import dashboard as dashboard_figures
from plans.selectors.pack import board_pack
from plans.selectors.reporting import board_dashboard
from plans.services.measure_charts import measure_status_charts


def board_pack_data(*, plan, period, today=None):
    """The dashboard with every action's row: what the Excel pack prints."""
    return board_dashboard(plan=plan, period=period, today=today, all_rows=True)


# The summary's trend table shows this many periods at most (the chart shows them all, up to its cap).
SUMMARY_TREND_PERIODS = 12


def measure_chart_alt(status, *, period, full):
    """A measure chart's text alternative: what it shows, and its figures in words."""
    measure = status.measure
    parts = [f"Line chart of {measure.name}: readings by month up to {period.label}"]
    if status.latest:
        parts.append(f"latest {measure.value_text(status.latest.value)} in {status.latest.period.label}")
    if measure.baseline is not None:
        parts.append(f"baseline {measure.value_text(measure.baseline)}")
    if measure.target is not None:
        by = f" by {measure.target_date:%B %Y}" if measure.target_date else ""
        parts.append(f"target {measure.value_text(measure.target)}{by}")
    if status.next_milestone:
        parts.append(
            f"next milestone {measure.value_text(status.next_milestone.value)} by "
            f"{status.next_milestone.due_date:%B %Y}"
        )
    where = (
        "The measures table above gives the latest figures; the appendix gives every reading."
        if full
        else "The measures table above gives the latest figures."
    )
    return "; ".join(parts) + ". " + where


def board_pack_context(pack):
    dashboard = pack.dashboard
    points = dashboard_figures.trend(
        plan=dashboard.plan, period=dashboard.period, periods=dashboard.periods, last=SUMMARY_TREND_PERIODS
    )
    return {
        "pack": pack,
        "dashboard": dashboard,
        "plan": dashboard.plan,
        "period": dashboard.period,
        "trend_chart": rag_trend_chart(dashboard.trend),
        "trend": dashboard.trend[-SUMMARY_TREND_PERIODS:],
        "trend_more": len(dashboard.trend) > SUMMARY_TREND_PERIODS,
        "impact_chart": rag_trend_chart(points, title="Impact RAG by period", field="impact"),
        "impact_trend": points,
        "boards": [p for p in points if p.movement is not None][-dashboard_figures.MOVEMENT_BOARDS :],
        "measure_charts": [
            (status, chart, measure_chart_alt(status, period=dashboard.period, full=pack.full))
            for status, chart in measure_status_charts(dashboard.measures)
        ],
        "issued_at": dashboard.period.closed_at or timezone.now(),
        "rag_columns": [*RAG_ORDER, None],
    }


def board_pack_html(*, pack):
    return render_to_string("plans/reporting/board_pack_pdf.html", board_pack_context(pack))


def board_pack_pdf(*, plan, period, today=None, base_url=None, full=True):
    """Render the board pack for one period as tagged PDF bytes (A4, page numbers, repeated table
    headers): the summary, then (full) every action as an appendix. The full pack of a real plan takes
    WeasyPrint tens of seconds: pages call it through plans.services.packs, in the background."""
    pack = board_pack(plan=plan, period=period, today=today, full=full)
    return pdf_from_html(html=board_pack_html(pack=pack), base_url=base_url)


def board_pack_filename(*, plan, period, extension):
    return f"board-pack-plan-{plan.pk}-{period.slug}.{extension}"


# ---------------------------------------------------------------- Excel
#
# One table per sheet, each sheet named for what it holds: a header row (bold, frozen, filtered, no
# merged cells), the RAG word in every coloured cell, dates as dates, and the RAG figures charted
# beside their table with alternative text (improvement/spreadsheets.py).

RAG_COLUMNS = [*RAG_ORDER, None]
MONTH_FORMAT = "mmmm yyyy"
ROW_HEADERS = [
    "Theme",
    "Ref",
    "Action",
    "Owners",
    "Due date",
    "Progress RAG",
    "Impact RAG",
    "Previous progress RAG",
    "Overdue",
    "No update this period",
    "Latest note",
]


def _rag_label(rag):
    return rag.label if rag else "No rating"


def _rag_cell(ws, row, column, rag):
    """The RAG's word, on its colour from the one palette."""
    colour = rag_colour(rag.value if rag else None)
    return cell_fill(cell_write(ws, row, column, _rag_label(rag)), fill=colour.fill, text=colour.text)


def _summary_sheet(wb, title, summary, *, rating):
    ws = table_sheet(wb, title, ["RAG", "Meaning", "Number of actions", "% of all actions"], widths=[14, 60, 18, 16])
    for row, (rag, n, pct) in enumerate(summary, start=2):
        _rag_cell(ws, row, 1, rag)
        cell_write(ws, row, 2, rag.meaning if rag else "No update recorded")
        cell_write(ws, row, 3, n)
        cell_write(ws, row, 4, pct / 100, number_format="0%")
    last = len(summary) + 1
    total = last + 1
    cell_write(ws, total, 1, "All actions")
    cell_write(ws, total, 2, "Every action of the plan")
    cell_write(ws, total, 3, summary.total)
    cell_write(ws, total, 4, 1 if summary.total else 0, number_format="0%")
    table_finish(ws)
    chart = BarChart()
    chart.type = "bar"
    chart.legend = None
    chart.y_axis.title = "Number of actions"
    chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    series = chart.series[0]
    series.data_points = []
    for index, (rag, _n, _pct) in enumerate(summary):
        point = DataPoint(idx=index)
        point.graphicalProperties.solidFill = rag_colour(rag.value if rag else None).fill.lstrip("#")
        point.graphicalProperties.line.solidFill = "0B0C0C"
        series.data_points.append(point)
    chart_place(
        ws,
        chart,
        "F2",
        title=f"{rating} RAG: number of actions",
        description=f"Bar chart of how many actions have each {rating.lower()} RAG (Blue, Green, Amber, "
        f"Red, Grey, no rating). The table in columns A to D gives the same figures.",
    )
    return ws


def _group_sheet(wb, title, groups, label, attribute):
    ws = table_sheet(
        wb, title, [label, *[_rag_label(r) for r in RAG_COLUMNS], "Total"], widths=[40] + [11] * (len(RAG_COLUMNS) + 1)
    )
    for row, group in enumerate(groups, start=2):
        summary = getattr(group, attribute)
        cell_write(ws, row, 1, group.label)
        for column, rag in enumerate(RAG_COLUMNS, start=2):
            cell_write(ws, row, column, summary.count(rag))
        cell_write(ws, row, len(RAG_COLUMNS) + 2, summary.total)
    return table_finish(ws)


def _trend_sheet(wb, trend):
    ws = table_sheet(
        wb,
        "Progress RAG trend",
        ["Period", *[_rag_label(r) for r in RAG_COLUMNS], "Total", "Closed"],
        widths=[18] + [11] * (len(RAG_COLUMNS) + 2),
    )
    for row, point in enumerate(trend, start=2):
        cell_write(ws, row, 1, point.period.month, number_format=MONTH_FORMAT)
        for column, rag in enumerate(RAG_COLUMNS, start=2):
            cell_write(ws, row, column, point.progress.count(rag))
        cell_write(ws, row, len(RAG_COLUMNS) + 2, point.progress.total)
        cell_write(ws, row, len(RAG_COLUMNS) + 3, "Yes" if point.period.closed else "No")
    table_finish(ws)
    if trend:
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.y_axis.title = "Number of actions"
        last = len(trend) + 1
        chart.add_data(
            Reference(ws, min_col=2, max_col=len(RAG_COLUMNS) + 1, min_row=1, max_row=last), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
        for series, rag in zip(chart.series, RAG_COLUMNS):
            series.graphicalProperties.solidFill = rag_colour(rag.value if rag else None).fill.lstrip("#")
            series.graphicalProperties.line.solidFill = "0B0C0C"
        chart_place(
            ws,
            chart,
            "J2",
            title="Progress RAG by period",
            width_cm=20,
            height_cm=10,
            description="Stacked column chart of the progress RAG mix in each period: how many actions were "
            "Blue, Green, Amber, Red, Grey or had no rating. The table in columns A to I gives the "
            "same figures.",
        )
    return ws


def _action_cells(ws, row, column, r):
    cell_write(ws, row, column, f"{r.theme_number} {r.theme_title}".strip())
    cell_write(ws, row, column + 1, r.ref)
    cell_write(ws, row, column + 2, r.action_text, wrap=True)
    cell_write(ws, row, column + 3, r.owners)


def _rows_sheet(wb, title, rows):
    ws = table_sheet(wb, title, ROW_HEADERS, widths=[28, 8, 60, 30, 12, 12, 12, 12, 9, 12, 60])
    for index, r in enumerate(rows, start=2):
        _action_cells(ws, index, 1, r)
        cell_write(ws, index, 5, r.due_date)
        _rag_cell(ws, index, 6, r.progress_rag)
        _rag_cell(ws, index, 7, r.impact_rag)
        cell_write(ws, index, 8, _rag_label(r.previous_progress_rag))
        cell_write(ws, index, 9, "Yes" if r.is_overdue else "No")
        cell_write(ws, index, 10, "Yes" if r.is_stale else "No")
        cell_write(ws, index, 11, r.note, wrap=True)
    return table_finish(ws)


def _measure_readings_sheet(wb, measures):
    """Every reading of every measure up to the period (one table), and a line chart per measure
    with readings, beside the table: its readings, with the target as a second line."""
    ws = table_sheet(wb, "Measure readings", ["Measure", "Month", "Reading", "Target"], widths=[40, 16, 12, 12])
    row = 2
    placed = 0
    for status in measures:
        first = row
        for reading in status.readings:
            cell_write(ws, row, 1, status.measure.name)
            cell_write(ws, row, 2, reading.period.month, number_format=MONTH_FORMAT)
            cell_write(ws, row, 3, reading.value)
            cell_write(ws, row, 4, status.measure.target)
            row += 1
        if row == first:
            continue
        chart = LineChart()
        chart.y_axis.title = status.measure.unit or "Reading"
        chart.y_axis.scaling.min = 0  # from zero, as on the pages and in the PDF
        columns = 4 if status.measure.target is not None else 3
        chart.add_data(
            Reference(ws, min_col=3, max_col=columns, min_row=first, max_row=row - 1), titles_from_data=False
        )
        chart.set_categories(Reference(ws, min_col=2, min_row=first, max_row=row - 1))
        chart.series[0].tx = SeriesLabel(v="Reading")
        chart.series[0].graphicalProperties.line.solidFill = "1D70B8"
        chart.series[0].graphicalProperties.line.width = 28575
        if columns == 4:
            chart.series[1].graphicalProperties.line.solidFill = "0B0C0C"
            chart.series[1].graphicalProperties.line.dashStyle = "dash"
            chart.series[1].tx = SeriesLabel(v="Target")
        chart.legend.position = "b"
        chart_place(
            ws,
            chart,
            f"F{2 + placed * 18}",
            title=f"{status.measure.name}: readings against the target",
            description=f"Line chart of the readings of {status.measure.name} by month, from zero, with the "
            f"target as a dashed line. The table in rows {first} to {row - 1} of columns A to D gives "
            f"the same figures.",
        )
        placed += 1
    return table_finish(ws)


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


def board_pack_xlsx(*, plan, period, today=None):
    """The board pack as an Excel workbook (bytes): the same figures as the dashboard and the PDF."""
    pack = board_pack(plan=plan, period=period, today=today, full=True)
    d = pack.dashboard
    wb = workbook_new(
        title=f"Board pack: {plan.title}, {period.label}",
        description=(
            f"The improvement board's pack for {period.label} ({plan.organisation}): RAG summaries with "
            "charts, the trend, figures by theme and by owner, movement, exceptions, every action, the "
            "measures and the highlight report, one table per sheet."
        ),
    )
    ws = table_sheet(wb, "About this pack", ["Item", "Value"], widths=[28, 70], autofilter=False)
    if period.closed:
        status = f"Final: period closed {period.closed_at:%-d %B %Y}" if period.closed_at else "Final: period closed"
    else:
        status = "Provisional: period still open"
    for row, (item, value, number_format) in enumerate(
        (
            ("Plan", plan.title, None),
            ("Organisation", plan.organisation, None),
            ("Reporting period", period.month, MONTH_FORMAT),
            ("Board meeting", period.board_meeting_date or "Not set", None),
            ("Plan version", plan.version_label or "—", None),
            ("Status of figures", status, None),
            ("Issued", _local_date(period.closed_at) or (today or timezone.localdate()), None),
            ("Number of actions", d.progress.total, None),
        ),
        start=2,
    ):
        cell_write(ws, row, 1, item, bold=True)
        cell_write(ws, row, 2, value, number_format=number_format, wrap=True).alignment = Alignment(
            horizontal="left", wrap_text=True
        )

    _summary_sheet(wb, "Progress RAG summary", d.progress, rating="Progress")
    _summary_sheet(wb, "Impact RAG summary", d.impact, rating="Impact")
    _trend_sheet(wb, d.trend)
    _group_sheet(wb, "Progress by theme", d.by_theme, "Theme", "progress")
    _group_sheet(wb, "Impact by theme", d.by_theme, "Theme", "impact")
    _group_sheet(wb, "Progress by owner", d.by_owner, "Owner", "progress")
    _group_sheet(wb, "Impact by owner", d.by_owner, "Owner", "impact")

    ws = table_sheet(
        wb,
        "Movement",
        ["Movement", "Theme", "Ref", "Action", "Owners", "Previous progress RAG", "Progress RAG", "Latest note"],
        widths=[12, 28, 8, 60, 30, 12, 12, 60],
    )
    row = 2
    for kind in ("completed", "improved", "worsened", "changed"):
        for r in d.movement.get(kind, []):
            cell_write(ws, row, 1, kind.capitalize())
            _action_cells(ws, row, 2, r)
            _rag_cell(ws, row, 6, r.previous_progress_rag)
            _rag_cell(ws, row, 7, r.progress_rag)
            cell_write(ws, row, 8, r.note, wrap=True)
            row += 1
    table_finish(ws)

    ws = table_sheet(
        wb,
        "Exceptions",
        ["Exception", "Theme", "Ref", "Action", "Owners", "Due date", "Progress RAG", "Latest note"],
        widths=[22, 28, 8, 60, 30, 12, 12, 60],
    )
    row = 2
    for kind, rows in (("Red", d.red), ("Overdue", d.overdue), ("No update this period", d.stale)):
        for r in rows:
            cell_write(ws, row, 1, kind)
            _action_cells(ws, row, 2, r)
            cell_write(ws, row, 6, r.due_date)
            _rag_cell(ws, row, 7, r.progress_rag)
            cell_write(ws, row, 8, r.note, wrap=True)
            row += 1
    table_finish(ws)

    ws = _rows_sheet(wb, "Progress without impact", pack.without_impact.rows)

    _rows_sheet(wb, "All actions", d.rows)

    ws = table_sheet(
        wb,
        "Measures",
        [
            "Measure",
            "Unit",
            "Direction",
            "Baseline",
            "Latest reading",
            "Reading period",
            "Next milestone",
            "Next milestone due",
            "Target",
            "Target met",
            "Since previous reading",
        ],
        widths=[40, 8, 18, 10, 14, 16, 14, 16, 10, 10, 14],
    )
    for row, m in enumerate(d.measures, start=2):
        cell_write(ws, row, 1, m.measure.name)
        cell_write(ws, row, 2, m.measure.unit)
        cell_write(ws, row, 3, m.measure.get_direction_display())
        cell_write(ws, row, 4, m.measure.baseline)
        cell_write(ws, row, 5, m.latest.value if m.latest else None)
        if m.latest:
            cell_write(ws, row, 6, m.latest.period.month, number_format=MONTH_FORMAT)
        else:
            cell_write(ws, row, 6, "No reading")
        if m.next_milestone:
            cell_write(ws, row, 7, m.next_milestone.value)
            cell_write(ws, row, 8, m.next_milestone.due_date)
        cell_write(ws, row, 9, m.measure.target)
        cell_write(ws, row, 10, {True: "Yes", False: "No", None: ""}[m.target_met])
        cell_write(ws, row, 11, m.trend.capitalize())
    table_finish(ws)

    _measure_readings_sheet(wb, d.measures)

    ws = table_sheet(wb, "Highlight report", ["Section", "Text"], widths=[32, 100], autofilter=False)
    h = d.highlight
    for row, (label, value) in enumerate(
        (
            ("Key achievements", h.achievements if h else ""),
            ("Risks and issues", h.risks if h else ""),
            ("Decisions needed from the board", h.decisions if h else ""),
        ),
        start=2,
    ):
        cell_write(ws, row, 1, label, bold=True)
        cell_write(ws, row, 2, value or "None recorded", wrap=True)

    if d.reviews is not None:
        ws = table_sheet(
            wb, "Review of updates", ["Accepted", "Challenged", "Not reviewed", "Updates"], widths=[14, 14, 14, 14]
        )
        for column, value in enumerate(
            [d.reviews.accepted, d.reviews.challenged, d.reviews.unreviewed, d.reviews.total], 1
        ):
            cell_write(ws, 2, column, value)
        table_finish(ws)
    return workbook_bytes(wb)
