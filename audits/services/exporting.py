"""Findings as an Excel workbook (openpyxl), safe from formula injection."""
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet would read as a formula is written as text (prefixed with ')."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _sheet(workbook, title, header, rows):
    sheet = workbook.create_sheet(title)
    sheet.append([safe_cell(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    sheet.freeze_panes = "A2"
    return sheet


def findings_workbook(*, findings):
    """Return the bytes of an .xlsx with the findings by standard, by KLOE and by agency."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    header = ["Met", "Applicable cases", "Percentage met", "Not met", "Not applicable", "Finding"]
    _sheet(workbook, "By standard", ["KLOE", "Standard", "Text", *header], [
        [f.standard.kloe.number, f.standard.number, f.standard.text, f.figure.met, f.figure.applicable,
         f.figure.percent, f.figure.not_met, f.figure.not_applicable, f.figure.text]
        for kloe in findings.kloes for f in kloe.standards
    ])
    _sheet(workbook, "By KLOE", ["KLOE", "Question", *header], [
        [k.kloe.number, k.kloe.question, k.figure.met, k.figure.applicable, k.figure.percent, k.figure.not_met,
         k.figure.not_applicable, k.figure.text] for k in findings.kloes
    ])
    _sheet(workbook, "By agency", ["Agency", "Met", "Judged applicable", "Percentage met", "Not met",
                                   "Not applicable"], [
        [a.agency.name, a.figure.met, a.figure.applicable, a.figure.percent, a.figure.not_met,
         a.figure.not_applicable] for a in findings.agencies
    ])
    _sheet(workbook, "Matrix", ["Standard", *[f"{a.agency.label} met" for a in findings.agencies],
                                *[f"{a.agency.label} not met" for a in findings.agencies]], [
        [f"S{s.number}", *[a.cells[i].met for a in findings.agencies],
         *[a.cells[i].not_met for a in findings.agencies]]
        for i, s in enumerate(findings.standards)
    ])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
