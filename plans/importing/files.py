"""Checks that an uploaded file is a workbook we can open safely, before openpyxl sees it.

Each problem raises ImportFileError with one message in the admin's words. Nothing here holds a
part of the workbook in memory whole: sizes come from the zip's directory, and the sheets and
shared strings are read as a stream, a chunk at a time.
"""

import re
import zipfile

from django.conf import settings

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A real plan is a few MB unpacked; a zip bomb is gigabytes. Generous, but bounded.
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
# One sheet, or the shared strings, unpacked: a plan of a few thousand actions is a few MB.
MAX_PART_BYTES = 50 * 1024 * 1024
# One cell: Excel itself holds at most 32,767 characters in a cell; as XML (UTF-8, &amp; and the
# like) that is at most about 200,000 bytes between two tags.
MAX_CELL_CHARACTERS = 32_767
MAX_CELL_BYTES = 200_000
# Small enough that splitting a chunk at its tags stays small (a sheet has a tag every few dozen
# bytes: a 1 MB chunk split into ~30,000 pieces held ten times the chunk while it was scanned).
CHUNK_BYTES = 64 * 1024
# Parts whose text openpyxl reads into cells.
TEXT_PART = re.compile(r"^xl/(worksheets/[^/]+\.xml|sharedStrings\.xml|comments[^/]*\.xml)$", re.IGNORECASE)
SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
EXTERNAL_LINK_TYPE = re.compile(rb"Type=\"[^\"]*/externalLink\"", re.IGNORECASE)
FORMULA = re.compile(rb"<f(?:\s[^>]*)?>([^<]*)</f>")
QUOTED = re.compile(rb'"[^"]*"')
# A DDE formula asks another program for data: =cmd|'/C calc'!A0, =MSEXCEL|'...'!A1.
DDE = re.compile(rb"(?:^|[=(,+\-*/&;\s])'?([A-Za-z][\w.]*)'?\s*\|")
BREAK_LINKS = "Remove them in Excel (Data, Edit Links, Break Link), save the workbook and upload it again."


class ImportFileError(ValueError):
    """A file we will not read; the message names the problem for the person who uploaded it."""


def check_workbook_file(fileobj, *, name="", size=None, max_bytes=None):
    """Raise ImportFileError unless `fileobj` (a binary file, seekable) looks like a safe .xlsx."""
    max_bytes = max_bytes or settings.MAX_UPLOAD_BYTES
    lower = (name or "").lower()
    if size is None:
        fileobj.seek(0, 2)
        size = fileobj.tell()
    fileobj.seek(0)
    if size == 0:
        raise ImportFileError("The file is empty. Choose the Excel file (.xlsx) that holds your plan.")
    if size > max_bytes:
        raise ImportFileError(
            f"The file is too big ({size / 1024 / 1024:.1f} MB). The largest file you can import is "
            f"{max_bytes / 1024 / 1024:.0f} MB."
        )
    head = fileobj.read(8)
    fileobj.seek(0)
    if head == OLE_SIGNATURE:
        if _is_encrypted_ole(fileobj):
            raise ImportFileError(
                "The file is protected with a password. Remove the password in Excel (File, Info, "
                "Protect Workbook), save it and upload it again."
            )
        raise ImportFileError(
            "The file is in the old Excel format (.xls). Open it in Excel, save it as an Excel "
            "Workbook (.xlsx) and upload that."
        )
    if lower.endswith((".xlsm", ".xltm", ".xlam")):
        raise ImportFileError(
            "The file contains macros (.xlsm). Save it as an Excel Workbook (.xlsx) without macros and upload that."
        )
    if not zipfile.is_zipfile(fileobj):
        fileobj.seek(0)
        raise ImportFileError("The file is not an Excel spreadsheet. Choose an Excel Workbook (.xlsx).")
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
                raise ImportFileError("The file is not an Excel spreadsheet. Choose an Excel Workbook (.xlsx).")
            unpacked = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos) or 1
            if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_COMPRESSION_RATIO:
                raise ImportFileError(
                    "The file unpacks to far more data than a plan holds, so it was not opened. "
                    "Save the plan again from Excel and upload that."
                )
            for info in infos:
                if info.file_size > MAX_PART_BYTES:
                    raise ImportFileError(
                        f"{_part_name(info.filename)} unpacks to {info.file_size / 1024 / 1024:.0f} MB, far larger "
                        f"than a plan could need (at most {MAX_PART_BYTES // 1024 // 1024} MB), so the file was not "
                        "opened. Check for a sheet or cell holding pasted data, remove it, save and upload again."
                    )
            content_types = _read_small(archive, "[Content_Types].xml")
            if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in content_types:
                raise ImportFileError(
                    "The file contains macros. Save it as an Excel Workbook (.xlsx) without macros and upload that."
                )
            _check_external_links(archive, names)
            for info in infos:
                if TEXT_PART.match(info.filename):
                    _check_text_part(archive, info)
    except zipfile.BadZipFile:
        raise ImportFileError(
            "The file is damaged or not an Excel spreadsheet. Save it again from Excel and upload that."
        ) from None
    finally:
        fileobj.seek(0)


def _part_name(filename):
    if SHEET_PART.match(filename):
        return f"A sheet ({filename.rsplit('/', 1)[-1]})"
    if filename.lower() == "xl/sharedstrings.xml":
        return "The workbook's text (its shared strings)"
    return f"A part of the workbook ({filename})"


def _read_small(archive, name):
    """A part already known to be at most MAX_PART_BYTES unpacked."""
    return archive.read(name)


def _check_external_links(archive, names):
    """Refuse links to other workbooks or programs: their cells are not the plan's own text, and a
    DDE link asks Excel to run a program when the file is opened."""
    linked = sorted(n for n in names if n.lower().startswith("xl/externallinks/") and n.lower().endswith(".xml"))
    for name in linked:
        with archive.open(name) as part:
            if b"<ddeLink" in part.read(MAX_PART_BYTES):
                raise ImportFileError(
                    "The file has a DDE link: a formula that asks another program for data when the workbook "
                    f"opens ({name}). {BREAK_LINKS}"
                )
    rels = "xl/_rels/workbook.xml.rels"
    if linked or (rels in names and EXTERNAL_LINK_TYPE.search(_read_small(archive, rels))):
        where = ", ".join(linked) or rels
        raise ImportFileError(
            f"The file has external links: cells that take their values from other workbooks ({where}). {BREAK_LINKS}"
        )


def _check_text_part(archive, info):
    """Stream a sheet or the shared strings: refuse a cell longer than Excel allows and DDE formulas.

    Reads a chunk at a time; the longest run of bytes between two tags (a cell's text, or a formula)
    is counted across chunks, so a huge cell is refused without being held in memory."""
    run = 0
    carry = b""
    is_sheet = SHEET_PART.match(info.filename)
    with archive.open(info) as part:
        while chunk := part.read(CHUNK_BYTES):
            pieces = chunk.split(b"<")
            if len(pieces) == 1:
                longest = run = run + len(chunk)
            else:  # a run after a "<" counts it
                longest = max(run + len(pieces[0]), max(map(len, pieces[1:])) + 1)
                run = len(pieces[-1]) + 1
            del pieces
            if longest > MAX_CELL_BYTES:
                raise ImportFileError(
                    f"{_part_name(info.filename)} has a cell holding more text than a plan could need (Excel itself "
                    f"allows at most {MAX_CELL_CHARACTERS:,} characters in a cell), so the file was not opened. "
                    "Find the cell, shorten it, save the workbook and upload it again."
                )
            if is_sheet:
                text = carry + chunk
                _check_formulas(text)
                # A formula cut by the chunk's end is read whole with the next chunk.
                start = text.rfind(b"<f")
                carry = text[start:] if start != -1 and b"</f>" not in text[start:] else b""


def _check_formulas(xml):
    for match in FORMULA.finditer(xml):
        formula = QUOTED.sub(b"", match.group(1).replace(b"&quot;", b'"'))
        dde = DDE.search(formula)
        if dde:
            program = dde.group(1).decode("ascii", "replace")[:40]
            raise ImportFileError(
                f"The file has a DDE formula: a cell that asks another program ({program}) for data. "
                f"{BREAK_LINKS} Or delete the formula."
            )


def _is_encrypted_ole(fileobj):
    """Password-protected .xlsx files are OLE containers holding an "EncryptedPackage" stream."""
    fileobj.seek(0)
    data = fileobj.read(4 * 1024 * 1024)
    fileobj.seek(0)
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data
