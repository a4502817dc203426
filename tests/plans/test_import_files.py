"""Workbooks refused before openpyxl reads them: external links, DDE, and cells or sheets larger
than a plan could need (issue 13, points 6 and 7). Each workbook is built here, with openpyxl and
zipfile, from the Solihull layout the importer reads."""

import io
import random
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from plans.importing.files import MAX_PART_BYTES, ImportFileError, check_workbook_file
from plans.models import Action, Plan
from plans.services.importing import plan_import_preview
from tests.data import workbooks

EXTERNAL_LINK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1">'
    '<sheetNames><sheetName val="Budget"/></sheetNames></externalBook></externalLink>'
)
DDE_LINK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<ddeLink ddeService="cmd" ddeTopic="/c calc"><ddeItems><ddeItem name="A0"/></ddeItems></ddeLink></externalLink>'
)
LINK_RELATIONSHIP = (
    '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink"'
    ' Target="externalLinks/externalLink1.xml"/>'
)


def rewritten(content, add=None, rels=False):
    """The workbook's zip with parts added and, with `rels`, the external link named in the workbook's relationships."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if rels and item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", LINK_RELATIONSHIP.encode() + b"</Relationships>")
            archive.writestr(item, data)
        for name, data in (add or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def with_cell(value, cell="C5"):
    workbook = load_workbook(io.BytesIO(workbooks.solihull_layout()))
    workbook.active[cell] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_long_cell(text):
    """A workbook whose cell C5 holds `text` (openpyxl would not write a cell longer than Excel allows)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(with_cell("PLACEHOLDER"))) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for item in source.infolist():
            archive.writestr(item, source.read(item.filename).replace(b"PLACEHOLDER", text.encode()))
    return out.getvalue()


def huge_sheet(megabytes):
    """A workbook whose sheet unpacks to `megabytes` MB of ordinary rows (it compresses well, but not
    so well as to look like a zip bomb), written a row at a time."""
    out = io.BytesIO()
    rnd = random.Random(13)
    with (
        zipfile.ZipFile(io.BytesIO(workbooks.solihull_layout())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for item in source.infolist():
            if not item.filename.startswith("xl/worksheets/"):
                archive.writestr(item, source.read(item.filename))
        rows = []
        for row in range(1, 2001):
            words = " ".join(rnd.choice(["review", "audit", "plan", "board", "child", "staff"]) for _ in range(8))
            rows.append(f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>{row} {words}</t></is></c></row>')
        block = "".join(rows).encode()
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for _ in range(megabytes * 1024 * 1024 // len(block) + 1):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, words",
    [
        (
            rewritten(workbooks.solihull_layout(), {"xl/externalLinks/externalLink1.xml": EXTERNAL_LINK}, rels=True),
            "external links",
        ),
        (rewritten(workbooks.solihull_layout(), rels=True), "external links"),
        (
            rewritten(workbooks.solihull_layout(), {"xl/externalLinks/externalLink1.xml": DDE_LINK}, rels=True),
            "DDE link",
        ),
        (with_cell("=cmd|'/C calc'!A0"), "DDE formula"),
        (with_cell("=MSEXCEL|'\\..\\..\\..\\Windows\\System32\\cmd.exe /c calc.exe'!''"), "DDE formula"),
    ],
)
def test_workbooks_linking_to_other_workbooks_or_programs_are_refused(world, content, words):
    counts = (Plan.objects.count(), Action.objects.count())
    with pytest.raises(ImportFileError) as error:
        plan_import_preview(source=io.BytesIO(content), name="plan.xlsx")
    assert words in str(error.value)
    assert "Data, Edit Links, Break Link" in str(error.value)
    assert (Plan.objects.count(), Action.objects.count()) == counts


def test_a_formula_with_a_bar_inside_quotes_is_not_dde(world):
    parsed = plan_import_preview(source=io.BytesIO(with_cell('=CONCATENATE("a|b", "c")', cell="Z1")), name="plan.xlsx")
    assert parsed.actions


@pytest.mark.django_db
def test_a_cell_longer_than_excel_allows_is_refused_before_it_is_read(world):
    rnd = random.Random(7)
    text = "".join(rnd.choice("abcdefghij ") for _ in range(1_000_000))
    with pytest.raises(ImportFileError) as error:
        plan_import_preview(source=io.BytesIO(with_long_cell(text)), name="plan.xlsx")
    assert "more text than a plan could need" in str(error.value)
    assert "32,767 characters" in str(error.value)
    assert "No header row" not in str(error.value)


def test_a_sheet_larger_than_a_plan_could_need_is_refused_by_its_size():
    content = huge_sheet(MAX_PART_BYTES // 1024 // 1024 + 5)
    assert len(content) < 10 * 1024 * 1024  # under the upload limit, and not a zip bomb by ratio
    with pytest.raises(ImportFileError) as error:
        check_workbook_file(io.BytesIO(content), name="plan.xlsx")
    assert "A sheet (sheet1.xml) unpacks to 55 MB, far larger than a plan could need" in str(error.value)


def test_an_ordinary_plan_passes_the_checks():
    check_workbook_file(io.BytesIO(workbooks.solihull_layout()), name="plan.xlsx")
    check_workbook_file(io.BytesIO(with_long_cell("x" * 32_767)), name="plan.xlsx")
    check_workbook_file(io.BytesIO(with_long_cell("&amp;" * 32_767)), name="plan.xlsx")


@pytest.mark.django_db
def test_the_upload_page_shows_why_a_linked_workbook_is_refused(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(world.admin)
    content = with_cell("=cmd|'/C calc'!A0")
    response = client.post(reverse("plans:plan_import"), {"file": SimpleUploadedFile("plan.xlsx", content)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "DDE formula" in html and "Break Link" in html and "There is a problem" in html
    assert Plan.objects.count() == 2  # the world's two plans, nothing imported
