"""Every workbook the product writes goes through these helpers (plans and audits alike).

- `cell_write` is the one formula-safe cell writer: text that starts like a formula ("=", "+", "-",
  "@", tab, carriage return) is stored as text, exactly as written (a quote-prefixed text cell, so
  Excel shows it and never runs it, and a re-import reads back the same text); dates are real
  dates with a day-month-year number format.
- `workbook_new` sets the document title and description that assistive technology announces.
- `table_sheet` writes a sheet holding one table: one header row (bold, no merged cells), frozen
  below it, with a filter, column widths and the rows.
- `chart_place` puts a chart on a sheet with its alternative text (the drawing's title and
  description, which openpyxl has no setting for).
"""

import datetime
import io

from openpyxl import Workbook
from openpyxl.drawing.spreadsheet_drawing import OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.units import cm_to_EMU

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "d mmm yyyy"
HEADER_FONT = Font(bold=True)
HEADER_BORDER = Border(bottom=Side(style="thin"))
WRAP = Alignment(wrap_text=True, vertical="top")


def workbook_new(*, title, description):
    """An empty workbook (no sheet yet) whose properties carry its title and description."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    workbook.properties.description = description
    workbook.properties.subject = title
    workbook.properties.creator = "Improvement plan tracker"
    return workbook


def workbook_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cell_write(sheet, row, column, value, *, bold=False, wrap=False, number_format=None):
    """Write one cell safely (see the module docstring) and return it."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # openpyxl would store it as a formula
        cell.quotePrefix = True
    if isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = HEADER_FONT
    if wrap:
        cell.alignment = WRAP
    return cell


def cell_fill(cell, *, fill, text):
    """Colour a cell that already carries its word (a RAG, a finding): `fill` and `text` "#rrggbb"."""
    cell.fill = PatternFill("solid", fgColor=fill.lstrip("#").upper())
    cell.font = Font(bold=True, color=text.lstrip("#").upper())
    return cell


def table_sheet(workbook, title, headers, *, widths=None, freeze="A2", autofilter=True):
    """A new sheet named `title` holding one table: its header row written, frozen and filtered.

    Returns the sheet; the caller writes the rows from row 2 with `cell_write`."""
    sheet = workbook.create_sheet(title)
    for column, header in enumerate(headers, start=1):
        cell = cell_write(sheet, 1, column, header, bold=True)
        cell.border = HEADER_BORDER
        cell.alignment = WRAP
    for column, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = freeze
    sheet.print_title_rows = "1:1"
    if autofilter:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"
    return sheet


def table_finish(sheet):
    """Stretch the header's filter over the rows written since `table_sheet`."""
    if sheet.auto_filter.ref:
        sheet.auto_filter.ref = f"A1:{get_column_letter(sheet.max_column)}{max(sheet.max_row, 2)}"
    return sheet


class _DescribedAnchor(OneCellAnchor):
    """A chart's place on the sheet that gives the chart's frame its alternative text when openpyxl
    makes the frame on saving (openpyxl names it "Chart N" and has no setting for its description)."""

    tagname = OneCellAnchor.tagname
    __elements__ = OneCellAnchor.__elements__
    __attrs__ = OneCellAnchor.__attrs__

    def __init__(self, *args, alt_title="", alt_text="", **kwargs):
        self._alt = (alt_title, alt_text)
        self._frame = None
        super().__init__(*args, **kwargs)

    @property
    def graphicFrame(self):  # openpyxl's attribute name
        return self._frame

    @graphicFrame.setter
    def graphicFrame(self, frame):
        if frame is not None:
            frame.nvGraphicFramePr.cNvPr.title = self._alt[0]
            frame.nvGraphicFramePr.cNvPr.descr = self._alt[1]
        self._frame = frame


def chart_place(sheet, chart, cell, *, title, description, width_cm=16, height_cm=8):
    """Put `chart` on `sheet` with its top-left corner at `cell` ("J2"), its title shown, and its
    alternative text: `title` and `description` (what it shows, and where the figures are)."""
    column_letters, row = coordinate_from_string(cell)
    anchor = _DescribedAnchor(alt_title=title, alt_text=description)
    anchor._from.col = column_index_from_string(column_letters) - 1
    anchor._from.row = row - 1
    anchor.ext = XDRPositiveSize2D(cm_to_EMU(width_cm), cm_to_EMU(height_cm))
    chart.title = title
    chart.width, chart.height = width_cm, height_cm
    chart.anchor = anchor
    sheet.add_chart(chart)
    return chart
