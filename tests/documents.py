"""Reading the documents the product makes as a screen reader's tools would: the structure tree of a
tagged PDF (pikepdf) and the navigation aids of a workbook (openpyxl).

The assertions every PDF and every workbook must pass live here, so each document's test says only
what is particular to it.
"""

import io
import itertools
import re
from dataclasses import dataclass, field

import pikepdf
from openpyxl import load_workbook


@dataclass
class PdfStructure:
    """What a tagged PDF tells assistive technology, read back from the file."""

    marked: bool
    lang: str
    title: str
    display_doc_title: bool
    tags: list  # every structure element's type, in reading order ("H1", "Table", "TH"...)
    headings: list  # ("H1", bookmark title) pairs, in order
    figure_alts: list
    tables: list = field(default_factory=list)  # per Table element: its tags in order


def _walk(element, found):
    if not isinstance(element, pikepdf.Dictionary):
        return
    kind = str(element.get("/S", ""))[1:]
    found.append((kind, element))
    kids = element.get("/K")
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            _walk(kid, found)
    elif isinstance(kids, pikepdf.Dictionary):
        _walk(kids, found)


def pdf_structure(content):
    pdf = pikepdf.open(io.BytesIO(content))
    root = pdf.Root
    assert "/StructTreeRoot" in root, "the PDF has no structure tree (untagged)"
    found = []
    for kid in root.StructTreeRoot.K:
        _walk(kid, found)
    bookmarks = []
    with pdf.open_outline() as outline:

        def collect(items):
            for item in items:
                bookmarks.append(item.title)
                collect(item.children)

        collect(outline.root)
    heading_tags = [kind for kind, _ in found if re.fullmatch(r"H[1-6]", kind)]
    tables = []
    for kind, element in found:
        if kind == "Table":
            inner = []
            _walk(element, inner)
            tables.append(inner[1:])
    return PdfStructure(
        marked=bool(root.get("/MarkInfo", {}).get("/Marked", False)),
        lang=str(root.get("/Lang", "")),
        title=str(pdf.docinfo.get("/Title", "")),
        display_doc_title=bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
        tags=[kind for kind, _ in found],
        headings=list(zip(heading_tags, bookmarks)),
        figure_alts=[str(element.get("/Alt", "")) for kind, element in found if kind == "Figure"],
        tables=tables,
    )


def assert_accessible_pdf(content, *, title, html_captions):
    """Tagged, with language, title shown as the window title, one H1 first and no heading level
    skipped, a bookmark per heading, every caption of the HTML tagged as a Caption, every table
    with header cells that come before its data cells and data cells that name their headers, and
    every figure with alternative text. Returns the structure for the document's own checks."""
    s = pdf_structure(content)
    assert s.marked, "MarkInfo /Marked is not true"
    assert s.lang == "en-GB"
    assert s.title == title
    assert s.display_doc_title, "the window shows the file name, not the title"
    levels = [int(tag[1]) for tag, _ in s.headings]
    assert levels and levels[0] == 1 and levels.count(1) == 1, s.headings
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), f"a heading level is skipped: {s.headings}"
    assert len(s.headings) == s.tags.count("H1") + s.tags.count("H2") + s.tags.count("H3") + s.tags.count("H4")
    assert s.tags.count("Caption") == html_captions
    assert s.tables
    for number, inner in enumerate(s.tables, start=1):
        kinds = [kind for kind, _ in inner]
        assert "TH" in kinds, f"table {number} has no header cells: {kinds[:30]}"
        if "THead" in kinds:
            body = kinds.index("TBody") if "TBody" in kinds else len(kinds)
            assert "TH" in kinds[kinds.index("THead") : body], f"table {number}: its head has no header cells"
        for kind, element in inner:
            if kind == "TBody":
                body_cells = []
                _walk(element, body_cells)
                for cell_kind, cell in body_cells:
                    if cell_kind == "TD":
                        headers = cell.get("/A", {}).get("/Headers", [])
                        assert len(headers) > 0, f"a data cell of table {number} names no header cell"
    assert all(alt.strip() for alt in s.figure_alts), f"a figure has no alternative text: {s.figure_alts}"
    return s


def html_caption_count(html):
    return len(re.findall(r"<caption\b", html))


# ---------------------------------------------------------------- workbooks


def read_workbook(content):
    return load_workbook(io.BytesIO(content))


def assert_navigable_workbook(content, *, title, sheets):
    """Title and description in the properties, the sheets named for what they hold, one header row
    per sheet (row 1: bold, no merged cells anywhere, every header filled) frozen below it, no
    formulas, every chart with alternative text. Returns the workbook."""
    workbook = read_workbook(content)
    assert workbook.properties.title == title
    assert workbook.properties.description and len(workbook.properties.description) > 20
    assert workbook.sheetnames == sheets
    for sheet in workbook.worksheets:
        assert not sheet.merged_cells.ranges, f"{sheet.title}: merged cells"
        header = [cell for cell in sheet[1]]
        values = [cell.value for cell in header]
        last = max((i for i, v in enumerate(values) if v not in (None, "")), default=-1)
        assert last >= 0, f"{sheet.title}: no header row"
        assert all(v not in (None, "") for v in values[: last + 1]), f"{sheet.title}: a blank header cell {values}"
        assert all(cell.font.bold for cell in header[: last + 1]), f"{sheet.title}: header row not bold"
        assert sheet.freeze_panes and sheet.freeze_panes.endswith("2"), f"{sheet.title}: header not frozen"
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
    return workbook


def chart_descriptions(content):
    """The alternative text (descr) of every chart drawing in the workbook, read from its XML."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        drawings = [name for name in archive.namelist() if re.fullmatch(r"xl/drawings/drawing\d+\.xml", name)]
        return [
            descr
            for name in drawings
            for descr in re.findall(r'<(?:xdr:)?cNvPr [^>]*descr="([^"]*)"', archive.read(name).decode())
        ]
