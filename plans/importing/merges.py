"""Merged cells, read from the sheet's XML as a stream (openpyxl's read-only mode does not give them).

The <mergeCells> block sits after the sheet's data, so the part is read in chunks and only the
`<mergeCell ref="B4:B6"/>` elements are picked out: memory stays flat however long the sheet.
"""

import re

from openpyxl.utils.cell import range_boundaries

_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+\d+:[A-Z]+\d+)\"")
_CHUNK = 1 << 20


def sheet_merges(worksheet):
    """[(min_col, min_row, max_col, max_row)] (1-based) of a read-only worksheet's merged ranges."""
    path = getattr(worksheet, "_worksheet_path", None)
    archive = getattr(getattr(worksheet, "parent", None), "_archive", None)
    if not path or archive is None:
        return [
            tuple(range_boundaries(str(cells)))
            for cells in getattr(getattr(worksheet, "merged_cells", None), "ranges", [])
        ]
    ranges = []
    tail = b""
    with archive.open(path) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut < len(data) - 200:
                cut = len(data)
            for match in _MERGE.finditer(data, 0, cut):
                ranges.append(tuple(range_boundaries(match[1].decode())))
            tail = data[cut:]
        for match in _MERGE.finditer(tail):
            ranges.append(tuple(range_boundaries(match[1].decode())))
    return ranges


class Merges:
    """Merged ranges by row: which cells of a row take their value from a cell above or to the left."""

    def __init__(self, ranges):
        self.ranges = ranges
        self.starting = {}  # top row → ranges that start there and go down
        self.across = {}  # row → [(min_col, max_col)] merged across columns on that row
        for min_col, min_row, max_col, max_row in ranges:
            if max_row > min_row:
                self.starting.setdefault(min_row, []).append((min_col, min_row, max_col, max_row))
            for row in range(min_row, min(max_row, min_row + 2) + 1):
                self.across.setdefault(row, []).append((min_col, max_col))
        self.active = []  # (min_col, max_col, max_row, value)

    def width_merged(self, row):
        """The widest run of columns merged on `row` (1 when none)."""
        return max((max_col - min_col + 1 for min_col, max_col in self.across.get(row, [])), default=1)

    def fill(self, row, values):
        """Fill `values` (a list, 0-based) from merges that started above; return the indexes filled."""
        filled = set()
        self.active = [item for item in self.active if item[2] >= row]
        for min_col, max_col, _max_row, value in self.active:
            for column in range(min_col, max_col + 1):
                index = column - 1
                while len(values) <= index:
                    values.append(None)
                if values[index] in (None, ""):
                    values[index] = value if column == min_col else None
                    filled.add(index)
        for min_col, _min_row, max_col, max_row in self.starting.get(row, []):
            value = values[min_col - 1] if min_col - 1 < len(values) else None
            if value not in (None, ""):
                self.active.append((min_col, max_col, max_row, value))
        return filled


_COL = re.compile(rb"<(?:\w+:)?col\s[^>]*>")
_ATTR = re.compile(rb"\b(min|max|hidden)=\"([^\"]*)\"")


def hidden_columns(worksheet):
    """0-based indexes of the columns a read-only worksheet hides (from its <cols> block, before the data)."""
    path = getattr(worksheet, "_worksheet_path", None)
    archive = getattr(getattr(worksheet, "parent", None), "_archive", None)
    if not path or archive is None:
        dimensions = getattr(worksheet, "column_dimensions", {})
        from openpyxl.utils import column_index_from_string

        return {column_index_from_string(letter) - 1 for letter, d in dimensions.items() if getattr(d, "hidden", False)}
    with archive.open(path) as stream:
        head = stream.read(1 << 16)
    head = head.split(b"<sheetData", 1)[0]
    hidden = set()
    for element in _COL.findall(head):
        attributes = dict(_ATTR.findall(element))
        if attributes.get(b"hidden") in (b"1", b"true"):
            try:
                first, last = int(attributes[b"min"]), int(attributes[b"max"])
            except (KeyError, ValueError):
                continue
            hidden.update(range(first - 1, min(last, first + 200)))
    return hidden
