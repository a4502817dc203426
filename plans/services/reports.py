"""The board pack: PDF (WeasyPrint) and Excel (openpyxl), both from the same BoardDashboard."""
import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from plans.charts import RAG_COLOURS, rag_trend_chart
from plans.rag import RAG_ORDER
from plans.services.measure_charts import measure_status_charts
from plans.selectors_reporting import board_dashboard

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def board_pack_data(*, plan, period, today=None):
    """The dashboard with every action's row: what both packs print."""
    return board_dashboard(plan=plan, period=period, today=today, all_rows=True)


def board_pack_context(dashboard):
    return {
        "dashboard": dashboard,
        "plan": dashboard.plan,
        "period": dashboard.period,
        "trend_chart": rag_trend_chart(dashboard.trend),
        "measure_charts": measure_status_charts(dashboard.measures),
        "issued_at": dashboard.period.closed_at or timezone.now(),
        "rag_columns": [*RAG_ORDER, None],
    }


def board_pack_html(*, dashboard):
    return render_to_string("plans/reporting/board_pack_pdf.html", board_pack_context(dashboard))


def board_pack_pdf(*, plan, period, today=None, base_url=None):
    """Render the board pack for one period as PDF bytes (A4, page numbers, repeated table headers)."""
    from weasyprint import HTML

    dashboard = board_pack_data(plan=plan, period=period, today=today)
    html = board_pack_html(dashboard=dashboard)
    return HTML(string=html, base_url=base_url or str(settings.BASE_DIR)).write_pdf()


def board_pack_filename(*, plan, period, extension):
    return f"board-pack-plan-{plan.pk}-{period.slug}.{extension}"


# ---------------------------------------------------------------- Excel



def _write(ws, row, column, value, *, bold=False):
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        # openpyxl would store "=..." as a formula: force a plain text cell instead.
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def _rag_label(rag):
    return rag.label if rag else "No rating"


def _rag_cell(ws, row, column, rag):
    cell = _write(ws, row, column, _rag_label(rag))
    colour = RAG_COLOURS[rag.value if rag else None].lstrip("#")
    cell.fill = PatternFill("solid", fgColor=colour)
    dark = rag is not None and rag.value in {"B", "G", "R"}
    cell.font = Font(bold=True, color="FFFFFF" if dark else "0B0C0C")
    return cell


def _header(ws, row, titles):
    thin = Side(style="thin")
    for column, title in enumerate(titles, start=1):
        cell = _write(ws, row, column, title, bold=True)
        cell.border = Border(bottom=thin)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(ws, widths):
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def _summary_block(ws, row, title, summary):
    _write(ws, row, 1, title, bold=True)
    _header(ws, row + 1, ["RAG", "Meaning", "Number of actions", "% of total"])
    for offset, (rag, n, pct) in enumerate(summary, start=2):
        _rag_cell(ws, row + offset, 1, rag)
        _write(ws, row + offset, 2, rag.meaning if rag else "No update recorded")
        _write(ws, row + offset, 3, n)
        _write(ws, row + offset, 4, pct / 100).number_format = "0%"
    total_row = row + len(summary) + 2
    _write(ws, total_row, 1, "Total", bold=True)
    _write(ws, total_row, 3, summary.total, bold=True)
    return total_row + 2


def _group_sheet(wb, title, groups, label):
    ws = wb.create_sheet(title)
    columns = [*RAG_ORDER, None]
    row = 1
    for heading, attribute in (("Progress RAG", "progress"), ("Impact RAG", "impact")):
        _write(ws, row, 1, heading, bold=True)
        _header(ws, row + 1, [label, *[_rag_label(r) for r in columns], "Total"])
        row += 2
        for group in groups:
            summary = getattr(group, attribute)
            _write(ws, row, 1, group.label)
            for column, rag in enumerate(columns, start=2):
                _write(ws, row, column, summary.count(rag))
            _write(ws, row, len(columns) + 2, summary.total)
            row += 1
        row += 1
    _widths(ws, [40] + [11] * (len(columns) + 1))
    return ws


def _rows_sheet(wb, title, rows, *, with_theme=True):
    ws = wb.create_sheet(title)
    titles = ["Theme", "Ref", "Action", "Owners", "Due date", "Progress RAG", "Impact RAG", "Previous progress RAG",
              "Overdue", "No update this period", "Latest note"]
    _header(ws, 1, titles)
    for index, r in enumerate(rows, start=2):
        _write(ws, index, 1, f"{r.theme_number} {r.theme_title}".strip())
        _write(ws, index, 2, r.ref)
        _write(ws, index, 3, r.action_text)
        _write(ws, index, 4, r.owners)
        if r.due_date:
            _write(ws, index, 5, r.due_date).number_format = "d mmm yyyy"
        _rag_cell(ws, index, 6, r.progress_rag)
        _rag_cell(ws, index, 7, r.impact_rag)
        _write(ws, index, 8, _rag_label(r.previous_progress_rag))
        _write(ws, index, 9, "Yes" if r.is_overdue else "No")
        _write(ws, index, 10, "Yes" if r.is_stale else "No")
        _write(ws, index, 11, r.note)
    _widths(ws, [28, 8, 60, 30, 12, 12, 12, 12, 9, 12, 60])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{max(len(rows) + 1, 1)}"
    return ws


def board_pack_xlsx(*, plan, period, today=None):
    """The board pack as an Excel workbook (bytes): the same figures as the dashboard and the PDF."""
    d = board_pack_data(plan=plan, period=period, today=today)
    wb = Workbook()
    ws = wb.active
    ws.title = "Summary"
    _write(ws, 1, 1, plan.title, bold=True).font = Font(bold=True, size=14)
    _write(ws, 2, 1, plan.organisation)
    _write(ws, 3, 1, "Reporting period")
    _write(ws, 3, 2, period.label)
    _write(ws, 4, 1, "Board meeting")
    _write(ws, 4, 2, period.board_meeting_date.strftime("%-d %B %Y") if period.board_meeting_date else "Not set")
    _write(ws, 5, 1, "Plan version")
    _write(ws, 5, 2, plan.version_label or "—")
    _write(ws, 6, 1, "Status of figures")
    if period.closed:
        status = f"Final: period closed {period.closed_at:%-d %B %Y}" if period.closed_at else "Final: period closed"
    else:
        status = "Provisional: period still open"
    _write(ws, 6, 2, status)
    row = _summary_block(ws, 8, "Progress RAG: number and % of all actions", d.progress)
    row = _summary_block(ws, row, "Impact RAG: number and % of all actions", d.impact)
    if d.reviews is not None:
        _write(ws, row, 1, "Coordinators' review of the period's updates", bold=True)
        _header(ws, row + 1, ["Accepted", "Challenged", "Not reviewed", "Updates"])
        for column, value in enumerate([d.reviews.accepted, d.reviews.challenged, d.reviews.unreviewed, d.reviews.total], 1):
            _write(ws, row + 2, column, value)
        row += 4
    _write(ws, row, 1, "Trend: progress RAG by period", bold=True)
    _header(ws, row + 1, ["Period", *[_rag_label(r) for r in [*RAG_ORDER, None]], "Total"])
    for offset, point in enumerate(d.trend, start=2):
        _write(ws, row + offset, 1, point.period.label)
        for column, rag in enumerate([*RAG_ORDER, None], start=2):
            _write(ws, row + offset, column, point.progress.count(rag))
        _write(ws, row + offset, 8, point.progress.total)
    _widths(ws, [34, 40, 18, 12, 12, 12, 12, 12])

    _group_sheet(wb, "By theme", d.by_theme, "Theme")
    _group_sheet(wb, "By owner", d.by_owner, "Owner")

    ws = wb.create_sheet("Movement")
    _header(ws, 1, ["Movement", "Theme", "Ref", "Action", "Owners", "Previous progress RAG", "Progress RAG", "Latest note"])
    row = 2
    for kind in ("completed", "improved", "worsened", "changed"):
        for r in d.movement.get(kind, []):
            _write(ws, row, 1, kind.capitalize())
            _write(ws, row, 2, f"{r.theme_number} {r.theme_title}".strip())
            _write(ws, row, 3, r.ref)
            _write(ws, row, 4, r.action_text)
            _write(ws, row, 5, r.owners)
            _rag_cell(ws, row, 6, r.previous_progress_rag)
            _rag_cell(ws, row, 7, r.progress_rag)
            _write(ws, row, 8, r.note)
            row += 1
    _widths(ws, [12, 28, 8, 60, 30, 12, 12, 60])

    ws = wb.create_sheet("Exceptions")
    _header(ws, 1, ["Exception", "Theme", "Ref", "Action", "Owners", "Due date", "Progress RAG", "Latest note"])
    row = 2
    for kind, rows in (("Red", d.red), ("Overdue", d.overdue), ("No update this period", d.stale)):
        for r in rows:
            _write(ws, row, 1, kind)
            _write(ws, row, 2, f"{r.theme_number} {r.theme_title}".strip())
            _write(ws, row, 3, r.ref)
            _write(ws, row, 4, r.action_text)
            _write(ws, row, 5, r.owners)
            if r.due_date:
                _write(ws, row, 6, r.due_date).number_format = "d mmm yyyy"
            _rag_cell(ws, row, 7, r.progress_rag)
            _write(ws, row, 8, r.note)
            row += 1
    _widths(ws, [22, 28, 8, 60, 30, 12, 12, 60])

    _rows_sheet(wb, "All actions", d.rows)

    ws = wb.create_sheet("Measures")
    _header(ws, 1, ["Measure", "Unit", "Direction", "Baseline", "Latest reading", "Reading period", "Next milestone",
                    "Target", "Target met", "Since previous reading"])
    for row, m in enumerate(d.measures, start=2):
        _write(ws, row, 1, m.measure.name)
        _write(ws, row, 2, m.measure.unit)
        _write(ws, row, 3, m.measure.get_direction_display())
        _write(ws, row, 4, m.measure.baseline)
        _write(ws, row, 5, m.latest.value if m.latest else None)
        _write(ws, row, 6, m.latest.period.label if m.latest else "No reading")
        _write(ws, row, 7, f"{m.next_milestone.value} by {m.next_milestone.due_date:%b %Y}" if m.next_milestone else "")
        _write(ws, row, 8, m.measure.target)
        _write(ws, row, 9, {True: "Yes", False: "No", None: ""}[m.target_met])
        _write(ws, row, 10, m.trend.capitalize())
    _widths(ws, [40, 8, 18, 10, 14, 16, 20, 10, 10, 14])

    ws = wb.create_sheet("Highlight report")
    h = d.highlight
    for row, (label, value) in enumerate((
        ("Key achievements", h.achievements if h else ""),
        ("Risks and issues", h.risks if h else ""),
        ("Decisions needed from the board", h.decisions if h else ""),
    ), start=1):
        _write(ws, row, 1, label, bold=True)
        _write(ws, row, 2, value or "None recorded").alignment = Alignment(wrap_text=True, vertical="top")
    _widths(ws, [32, 100])

    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
