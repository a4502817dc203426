"""A sheet's rows, streamed from its XML several times faster than openpyxl's read-only iter_rows.

openpyxl (read-only) still opens the workbook: sheet names and states, shared strings, styles, date
formats and the sheet's <dimension> come from it. The rows themselves are read here with the
standard library's C XML parser (expat through ElementTree's XMLPullParser), fed a chunk at a time,
keeping only the cell value and its style index; a cell's font, fill
and alignment are looked up only when the reader asks for them (a bold heading, a RAG given only as
a fill, an outline indent), from the same tables openpyxl's ReadOnlyCell uses. Values are converted
exactly as openpyxl converts them with data_only=True (numbers, dates by their number format,
booleans, shared and inline strings, errors as their text), and rows are padded and numbered as
openpyxl's iter_rows pads them, so the reader cannot tell the two apart
(tests/plans/test_import_at_size.py compares them cell by cell on every workbook of the corpus).
Each row element is dropped once read: memory stays flat however long the sheet.

The parser is the C one rather than defusedxml's pure-Python subclass (which costs more than the
rest of the read): a sheet never holds a document type declaration, so any chunk that holds one
(`<!DOCTYPE`, `<!ENTITY`: the way to entity expansion and external entities) is refused before
the parser sees it. ElementTree resolves no external entity in any case, and expat 2.4.1 and later
refuse exponential entity expansion.
"""

from xml.etree.ElementTree import XMLPullParser

from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.cell.text import Text
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

from plans.importing.files import ImportFileError

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _INLINE, _TEXT = f"{_NS}row", f"{_NS}c", f"{_NS}v", f"{_NS}is", f"{_NS}t"
_DIGITS = "0123456789"
_columns = {}
_CHUNK = 64 * 1024
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_OVERLAP = max(len(word) for word in _DECLARATIONS) - 1


def _column(letters):
    index = _columns[letters] = column_index_from_string(letters)
    return index


class StreamCell:
    """One cell's value, with its style looked up only when asked (as openpyxl's ReadOnlyCell)."""

    __slots__ = ("value", "_style", "_book")

    def __init__(self, value, style, book):
        self.value = value
        self._style = style
        self._book = book

    @property
    def style_array(self):
        return self._book._cell_styles[self._style]

    @property
    def font(self):
        return self._book._fonts[self.style_array.fontId]

    @property
    def fill(self):
        return self._book._fills[self.style_array.fillId]

    @property
    def alignment(self):
        return self._book._alignments[self.style_array.alignmentId]

    def __repr__(self):
        return f"<StreamCell {self.value!r}>"


def _cast_number(text):
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _date(text, style, book):
    try:
        return from_excel(_cast_number(text), book.epoch, timedelta=style in book._timedelta_formats)
    except (OverflowError, ValueError):
        return "#VALUE!"


def _elements(source):
    """The elements of the XML in `source` (a binary file), each as its end tag is read; refuses
    a document type or entity declaration (see the module's docstring)."""
    parser = XMLPullParser(events=("end",))
    tail = b""
    first = True
    while chunk := source.read(_CHUNK):
        if first and (chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:256]):
            # Excel writes its sheets in UTF-8; in UTF-16 the declarations would slip past the check below.
            raise ImportFileError(
                "The file holds a sheet that is not written the way Excel writes sheets, so it was not read. "
                "Save the workbook again from Excel and upload that."
            )
        first = False
        seen = tail + chunk
        if b"<!" in seen and any(word in seen for word in _DECLARATIONS):
            raise ImportFileError(
                "The file holds a sheet with a document type declaration, which Excel never writes, so it was "
                "not read. Save the workbook again from Excel and upload that."
            )
        tail = seen[-_OVERLAP:]
        parser.feed(chunk)
        for _event, element in parser.read_events():
            yield element
    parser.close()
    for _event, element in parser.read_events():
        yield element


def stream_rows(worksheet):
    """The rows of a read-only worksheet as tuples of cells, as `worksheet.iter_rows()` gives them.

    Falls back to openpyxl's own iter_rows for a worksheet that is not read from a file part.
    """
    book = getattr(worksheet, "parent", None)
    path = getattr(worksheet, "_worksheet_path", None)
    archive = getattr(book, "_archive", None)
    if not path or archive is None:
        yield from worksheet.iter_rows()
        return
    strings = worksheet._shared_strings
    # Row outline levels (a tool's hierarchy written as Excel row groups), by row number, as rows are read.
    outline = {}
    try:
        worksheet._outline_levels = outline
    except AttributeError:
        pass
    date_styles = book._date_formats
    max_col, max_row = worksheet.max_column, worksheet.max_row
    empty_row = (EMPTY_CELL,) * max_col if max_col is not None else ()
    counter, number, past_end = 1, 0, False
    columns, new_cell = _columns, StreamCell
    with archive.open(path) as source:
        for element in _elements(source):
            if element.tag != _ROW:
                continue
            attribute = element.get("r")
            number = (int(attribute) if attribute.isdigit() else int(float(attribute))) if attribute else number + 1
            level = element.get("outlineLevel")
            if level and level != "0":
                outline[number] = int(level)
            if max_row is not None and number > max_row:
                past_end = True
                break
            cells, column = [], 0
            for cell in element:
                if cell.tag != _CELL:
                    continue
                coordinate = cell.get("r")
                if coordinate:
                    letters = coordinate.rstrip(_DIGITS)
                    column = columns.get(letters) or _column(letters)
                else:
                    column += 1
                kind = cell.get("t")
                style = cell.get("s")
                style = int(style) if style else 0
                if kind == "inlineStr":
                    child = cell.find(_INLINE)
                    if child is not None and len(child) == 1 and child[0].tag == _TEXT and child[0].text is not None:
                        value = child[0].text  # plain text, the usual case: what Text.content would give
                    else:
                        value = Text.from_tree(child).content if child is not None else None
                else:
                    value = cell.findtext(_VALUE) or None
                    if value is not None:
                        if kind is None or kind == "n":
                            if style in date_styles:
                                value = _date(value, style, book)
                            else:
                                value = int(value) if value.isdigit() else _cast_number(value)
                        elif kind == "s":
                            value = strings[int(value)]
                        elif kind == "b":
                            value = bool(int(value))
                        elif kind == "d":
                            value = from_ISO8601(value)
                cells.append((column, new_cell(value, style, book)))
            element.clear()  # the row is read: let its cells go
            while counter < number:
                counter += 1
                yield empty_row
            if counter == number:
                counter += 1
                yield _padded(cells, max_col)
    if past_end:  # as openpyxl: rows missing before the end are filled in only when the file runs past it
        while counter <= max_row:
            counter += 1
            yield empty_row


def _padded(cells, max_col):
    if not cells and not max_col:
        return ()
    width = max_col or cells[-1][0]
    row = [EMPTY_CELL] * width
    for column, cell in cells:
        if 1 <= column <= width:
            row[column - 1] = cell
    return tuple(row)
