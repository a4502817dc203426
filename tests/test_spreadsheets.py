"""The one formula-safe cell writer every workbook uses (improvement/spreadsheets.py)."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from improvement.spreadsheets import cell_write, table_sheet, workbook_bytes, workbook_new


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://evil.example")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_text_that_looks_like_a_formula_is_kept_as_written_and_stored_as_text(text):
    workbook = workbook_new(title="T", description="A workbook to test the writer")
    sheet = table_sheet(workbook, "Cells", ["Value"])
    cell_write(sheet, 2, 1, text)
    cell = load_workbook(io.BytesIO(workbook_bytes(workbook)))["Cells"]["A2"]
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix


def test_numbers_stay_numbers_and_dates_are_dates_with_a_format():
    workbook = workbook_new(title="T", description="A workbook to test the writer")
    sheet = table_sheet(workbook, "Cells", ["Number", "Date"])
    cell_write(sheet, 2, 1, -5)
    cell_write(sheet, 2, 2, datetime.date(2026, 3, 31))
    read = load_workbook(io.BytesIO(workbook_bytes(workbook)))["Cells"]
    assert read["A2"].value == -5 and read["A2"].data_type == "n"
    assert read["B2"].is_date and read["B2"].value.date() == datetime.date(2026, 3, 31)
    assert read["B2"].number_format == "d mmm yyyy"
    assert read.freeze_panes == "A2" and read["A1"].font.bold
