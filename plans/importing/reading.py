"""Read a plan workbook into plain data: every sheet that holds plan rows, in workbook order.

openpyxl read-only mode opens the workbook and stream.py walks the rows (memory stays flat); merged ranges come from the sheet XML
(merges.py). Per sheet, sheets.py finds the header and scores the columns (columns.py), and gives
each row a kind (rows.py); values.py and cleaning.py read one cell each. tools.py recognises
exports of Smartsheet, monday.com, Planner, Project, Pentana and Word tables and applies their
rules. Nothing here touches the database.
"""

import datetime
import itertools
import re
import zipfile
from dataclasses import dataclass, field, fields
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.read_only import EMPTY_CELL

from improvement.bulk import cycles_collected_after
from plans.categories import category_label
from plans.importing import rows as kinds
from plans.importing import tools
from plans.importing.cleaning import clean_text, financial_year_in, normalise_label
from plans.importing.colours import colour_rag, fill_rgb, learn_key, theme_colours
from plans.importing.columns import FIELDS, PERIOD_FIELDS, field_for_header  # noqa: F401 (FIELDS is the form's list)
from plans.importing.files import ImportFileError, check_workbook_file
from plans.importing.merges import Merges, hidden_columns, sheet_merges
from plans.importing.sheets import (
    HEADER_SEARCH_ROWS,
    PROFILE_ROWS,
    Collector,
    ParsedTheme,
    RowWarning,
    SheetReader,
    SkippedRow,
    _is_header,
    detect_mapping,
    find_header,
)
from plans.importing.stream import stream_rows
from plans.importing.values import looks_like_ref
from plans.rag import Rag

__all__ = [
    "FIELDS",
    "ParsedAction",
    "ParsedPlan",
    "ParsedTheme",
    "RowWarning",
    "SkippedRow",
    "read_plan_workbook",
    "field_for_header",
]

# A plan has tens or a few hundred actions; a sheet far longer than this is probably not the plan.
LARGE_SHEET_ROWS = 5000
_SKIP_SHEET_NAMES = {
    "key": "a key or legend",
    "legend": "a key or legend",
    "rag key": "a key or legend",
    "guidance": "guidance notes",
    "instructions": "guidance notes",
    "how to use": "guidance notes",
    "abbreviations": "a list of abbreviations",
    "glossary": "a list of abbreviations",
    "acronyms": "a list of abbreviations",
    "cover": "a cover sheet",
    "front sheet": "a cover sheet",
    "contents": "a contents page",
    "summary": "a summary of the other sheets",
    "dashboard": "a summary of the other sheets",
    "overview": "a summary of the other sheets",
    "rag summary": "a summary of the other sheets",
    "version control": "the version history",
    "change log": "the version history",
    "lists": "drop-down lists",
    "lookups": "drop-down lists",
    "resource table": "the tool's resource list",
    "assignment table": "the tool's assignment list",
    "info table": "the tool's project information",
}


_GENERIC_SHEET = re.compile(
    r"^(?:sheet|feuil|tabelle|hoja)\s*\d*$|^(?:tasks?|data|export|report|table\d*|task_table\d*|page\s*\d*)$", re.I
)
_NOT_TITLES = {
    "contents",
    "cover",
    "index",
    "summary",
    "key",
    "glossary",
    "introduction",
    "overview",
    "notes",
    "guidance",
    "instructions",
}
_TOOL_SHEETS = re.compile(r"^(?:resource|assignment|info)_?table\d*$", re.I)


@dataclass(slots=True)  # tens of thousands of them in a large file: no __dict__ each
class ParsedAction:
    row: int
    theme: str
    ref: str = ""
    improvement_need: str = ""
    action: str = ""
    category: str = ""
    owners: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    timescale: str = ""
    due_date: datetime.date | None = None
    expected_impact: str = ""
    measures: str = ""
    reporting_mechanism: str = ""
    output: str = ""
    progress_rag: str | None = None
    impact_rag: str | None = None
    latest_note: str = ""
    closed: bool = False
    note_period: str = ""
    sheet: str = ""

    @property
    def category_label(self):
        return category_label(self.category)

    # The import reads a parsed action as it reads an action of the export's shape
    # (plans.services.plan_data: item["theme"], item.get("owners")) without a copy of each being
    # made: the same keys, with the reader's own values (a date, a RAG code, sources as
    # (code, paragraph)), which the import reads as it reads the export's.
    def get(self, key, default=None):
        return getattr(self, key) if key in _DATA_KEYS else default

    def __getitem__(self, key):
        if key not in _DATA_KEYS:
            raise KeyError(key)
        return getattr(self, key)

    def as_data(self):
        # Field by field rather than dataclasses.asdict, which deep-copies every value: this runs once per action.
        data = {name: getattr(self, name) for name in _ACTION_DATA_FIELDS}
        data["owners"] = list(self.owners)
        data["sources"] = [{"code": code, "paragraph": paragraph} for code, paragraph in self.sources]
        data["due_date"] = self.due_date.isoformat() if self.due_date else None
        for name in ("progress_rag", "impact_rag"):
            data[name] = Rag(data[name]).slug if data[name] else None
        return data


_ACTION_DATA_FIELDS = [item.name for item in fields(ParsedAction) if item.name not in ("row", "sheet")]
_DATA_KEYS = frozenset(_ACTION_DATA_FIELDS)


@dataclass
class SheetReport:
    """One sheet: read (with its header, columns and actions) or skipped, with why."""

    name: str
    read: bool
    reason: str = ""
    header_row: int = 0
    header_rows: int = 1
    headers: dict = field(default_factory=dict)
    mapping: dict = field(default_factory=dict)
    columns: list = field(default_factory=list)
    actions: int = 0
    rows: int = 0
    hidden: set = field(default_factory=set)  # columns the sheet hides

    @property
    def unused_columns(self):
        return [(index, self.headers.get(index, "")) for index in self.columns if index not in self.mapping]

    @property
    def used_columns(self):
        return [(index, self.headers.get(index, ""), FIELDS[name][0]) for index, name in sorted(self.mapping.items())]


@dataclass
class ParsedPlan:
    """What was read. The contract (docs/decisions/0004): `as_data()` is the JSON export's shape.

    Attributes beyond the contract's: `sheets` (every sheet, read or skipped with why),
    `skipped_rows` (sheet, row number, reason), `detected_tool` (a slug: smartsheet, monday,
    planner, project, pentana, word, or "") and `tool_sentence` (for the preview),
    `statuses` (each status label met, per field, and the RAG it maps to; unmapped ones have
    known=False; a rating read from a colour is listed as "Fill colour #RRGGBB" or "“●” coloured
    #RRGGBB", mapped by the sheet's own key or the colour's hue, see colours.py), `people` ({name or email: times named}), `owner_splits` ({owner cell: owners}
    for cells that held several), `notices` (sheet-level messages such as a sheet far longer than
    any plan). `sheet`, `header_row`, `header_rows`, `headers`, `mapping` and `columns` describe the
    first sheet read (the mapping form corrects it). Each action's data adds "closed" (cancelled or
    closed in the file) and "note_period" ("YYYY-MM" when the note's column names its month).
    """

    title: str
    sheet: str
    header_row: int
    header_rows: int
    headers: dict  # column index → header text
    mapping: dict  # column index → field
    columns: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    rows_read: int = 0
    sheets: list = field(default_factory=list)
    skipped_rows: list = field(default_factory=list)
    detected_tool: str = ""
    tool_sentence: str = ""
    statuses: list = field(default_factory=list)
    people: dict = field(default_factory=dict)
    owner_splits: dict = field(default_factory=dict)
    notices: list = field(default_factory=list)

    def as_data(self, *, copy=True):
        """The plan in the JSON export's shape (see plans.services.plan_data).

        `copy=False` (what the import and its preview read): the actions are the ParsedActions
        themselves, read by the same keys (ParsedAction.get), not a dict made of each: a large
        file's actions are then held once, not twice."""
        return {
            "title": self.title,
            "themes": [
                {"number": t.number, "title": t.title, "lead": t.lead, "objective": t.objective, "outcomes": t.outcomes}
                for t in self.themes
            ],
            "actions": [action.as_data() for action in self.actions] if copy else list(self.actions),
        }

    @property
    def warnings_by_row(self):
        rows = {}
        for warning in self.warnings:
            rows.setdefault(warning.row, []).append(warning.message)
        return rows

    @property
    def sheets_read(self):
        return [sheet for sheet in self.sheets if sheet.read]

    @property
    def sheets_skipped(self):
        return [sheet for sheet in self.sheets if not sheet.read]

    @property
    def unmapped_statuses(self):
        return [status for status in self.statuses if not status["known"]]

    def report_lines(self):
        """Plain lines for the command line: sheets, unused columns, skipped rows, statuses, people."""
        lines = []
        if self.tool_sentence:
            lines.append(self.tool_sentence)
        for notice in self.notices:
            lines.append(notice)
        for sheet in self.sheets:
            if sheet.read:
                lines.append(f"Sheet “{sheet.name}”: read, header on row {sheet.header_row}, {sheet.actions} actions.")
                for index, header in sheet.unused_columns:
                    hidden = " (hidden)" if index in sheet.hidden else ""
                    lines.append(f"  column {_letter(index)} “{header or '(no header)'}”{hidden} not used")
            else:
                lines.append(f"Sheet “{sheet.name}”: skipped, {sheet.reason}.")
        for skipped in self.skipped_rows:
            lines.append(
                f"Skipped {skipped.sheet} row {skipped.row}: {skipped.reason}{f' ({skipped.text[:60]})' if skipped.text else ''}"
            )
        for status in self.statuses:
            target = status["rag"] or ("closed" if status["closed"] else "not mapped")
            lines.append(f"Status “{status['label']}” ({FIELDS[status['field']][0]}) → {target}")
        if self.people:
            lines.append("People named as owners: " + ", ".join(sorted(self.people)))
        return lines


def _letter(index):
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def read_plan_workbook(source, *, name="", mapping=None, title="", progress=None, statuses=None):
    """Read a plan workbook (a path or a binary file) into a ParsedPlan; raise ImportFileError if we cannot.

    `mapping` overrides the detected columns: {column index: field name or ""} for the first sheet
    read (and any other sheet with the same header), or {sheet name: {column index: field}} per sheet
    (a sheet given {} is skipped: the admin chose to ignore every column of it).
    `statuses` ({status_key(label): Rag or None for no rating}) reads those labels as the admin
    chose, before any rule of the reader's or a tool's.
    `progress(rows_read, total_rows)` is called now and then on long sheets.
    """
    with cycles_collected_after():
        return _read_file(source, name=name, mapping=mapping, title=title, progress=progress, statuses=statuses)


def _read_file(source, *, name, mapping, title, progress, statuses):
    close = None
    if isinstance(source, (str, Path)):
        name = name or str(source)
        try:
            source = close = open(source, "rb")
        except OSError as error:
            raise ImportFileError(f"The file could not be opened: {error.strerror}.") from None
    try:
        check_workbook_file(source, name=name)
        try:
            workbook = load_workbook(source, read_only=True, data_only=True)
        except Exception:
            raise ImportFileError(
                "The file is damaged or not an Excel spreadsheet. Save it again from Excel and upload that."
            ) from None
        try:
            return _read(workbook, name=name, mapping=mapping, title=title, progress=progress, statuses=statuses)
        except (
            zipfile.BadZipFile,
            SyntaxError,
            KeyError,
            EOFError,
            OSError,
        ):  # SyntaxError: broken XML (ElementTree or lxml)
            raise ImportFileError(
                "The file is damaged and could not be read to the end. Save it again from Excel and upload that."
            ) from None
        finally:
            workbook.close()
    finally:
        if close:
            close.close()


def _themes_sheet(rows):
    """A sheet listing themes (Number, Title, Lead, Objective): {number: {...}} or None."""
    wanted = {
        "number": "number",
        "no": "number",
        "theme no": "number",
        "theme": "title",
        "title": "title",
        "theme title": "title",
        "lead": "lead",
        "theme lead": "lead",
        "objective": "objective",
        "objectives": "objective",
        "outcomes": "outcomes",
    }
    if not rows:
        return None
    columns = {}
    for index, value in enumerate(rows[0]):
        key = wanted.get(normalise_label(clean_text(value)))
        if key and key not in columns.values():
            columns[index] = key
    if not {"number", "title"} <= set(columns.values()):
        return None
    themes = {}
    for values in rows[1:]:
        item = {key: clean_text(values[index]) if index < len(values) else "" for index, key in columns.items()}
        if item["number"]:
            themes[item["number"]] = item
    return themes


# Two-letter owners that are not someone's initials.
_TWO_LETTER_ROLES = {"LA", "HR", "IT", "GP", "CP", "SW", "YJ", "EH", "QA", "PH", "ED", "IO", "PA", "HT", "MP"}
_INITIALS_HEADERS = {"initials", "initial", "owner initials", "lead initials"}
_ROLE_HEADERS = {"job title", "role", "post", "position", "title", "job role", "designation", "role title"}
_NAME_HEADERS = {"name", "full name", "officer", "person"}


def _initials_key(rows):
    """{initials: job title} from a key of the people a plan names by initials ("Initials | Name | Job title"),
    or {} when the sheet holds none. With no job title column, the name is used (a person, mapped on the
    preview like any other)."""
    for index, row in enumerate(rows[:30]):
        labels = [normalise_label(clean_text(value)) for value in row]
        initials = next((i for i, label in enumerate(labels) if label in _INITIALS_HEADERS), None)
        if initials is None:
            continue
        target = next((i for i, label in enumerate(labels) if label in _ROLE_HEADERS), None)
        if target is None:
            target = next((i for i, label in enumerate(labels) if label in _NAME_HEADERS), None)
        if target is None:
            continue
        key = {}
        for values in rows[index + 1 :]:
            short = clean_text(values[initials]) if initials < len(values) else ""
            long = clean_text(values[target]) if target < len(values) else ""
            if re.fullmatch(r"[A-Z]{2,4}", short) and long:
                key[short] = long
        return key
    return {}


def _transposed(buffered, stream):
    """(rows, header, label column, first label row) for a sheet laid out sideways, or None: the field names down one of its first columns
    (Theme, Action ref, Action, Lead officer, Deadline, RAG) and one action per column to their right, as
    trackers printed on one landscape page are. The rows above the names (the title) stay as they are; each
    column to the right of the names becomes a row below them. Only a sheet short enough to be held whole
    (a sideways plan has a row per field, not per action)."""
    extra = next(stream, None)
    if extra is not None or not buffered:
        return None
    width = max(len(row) for row in buffered)
    for column in range(min(width, 5)):
        down = [clean_text(row[column].value) if column < len(row) else "" for row in buffered]
        found = find_header([down])
        if found is None:
            continue
        named = [index for index, text in found[2].items() if len(text) <= 40 and field_for_header(text)]
        if len(named) < 3 or not any(
            any(cell.value not in (None, "") for cell in buffered[index][column + 1 :]) for index in named
        ):
            continue  # field names with nothing beside them
        first, last = min(named), max(named)
        rows = [list(row) for row in buffered[:first]]
        for across in range(column, width):
            rows.append(
                [
                    (buffered[down_index][across] if across < len(buffered[down_index]) else EMPTY_CELL)
                    for down_index in range(first, last + 1)
                ]
            )
        if len(rows) - first < 2:
            continue
        header = find_header([[cell.value for cell in row] for row in rows])
        if header is not None and header[0] == first:
            return rows, header, column, first
    return None


def _override(mapping, sheet_name, headers, first_headers):
    if mapping is None:
        return None
    per_sheet = any(isinstance(value, dict) or not str(key).lstrip("-").isdigit() for key, value in mapping.items())
    if per_sheet:
        chosen = mapping.get(sheet_name)
        if chosen is None:
            return None
    else:
        if first_headers is not None and headers != first_headers:
            return None
        chosen = mapping
    return {int(index): name for index, name in chosen.items() if name in FIELDS}


def _lone_text(row):
    texts = [clean_text(value) for value in row if value not in (None, "")]
    texts = [text for text in texts if text]
    return texts[0] if len(set(texts)) == 1 else None


def _read(workbook, *, name, mapping, title, progress, statuses=None):
    visible = [sheet for sheet in workbook.worksheets if getattr(sheet, "sheet_state", "visible") == "visible"]
    reports, candidates, any_cells = [], [], False
    palette, workbook_key = theme_colours(workbook), {}
    themes_sheet, buffers, initials, transposed = {}, {}, {}, {}
    for sheet in workbook.worksheets:
        if sheet not in visible:
            reports.append(SheetReport(name=sheet.title, read=False, reason="it is hidden"))
            continue
        # The first rows are read once, kept as cells, and the same stream goes on below them.
        stream = stream_rows(sheet)
        buffered = list(itertools.islice(stream, HEADER_SEARCH_ROWS + PROFILE_ROWS))
        buffers[sheet.title] = (stream, buffered)
        first_rows = [[cell.value for cell in row] for row in buffered]
        for short, long in _initials_key(first_rows).items():
            initials.setdefault(short, (long, sheet.title))
        if any(value not in (None, "") for row in first_rows for value in row):
            any_cells = True
        merges = Merges(sheet_merges(sheet))
        header = find_header(first_rows[:HEADER_SEARCH_ROWS], merges)
        if header is None and not _TOOL_SHEETS.match(sheet.title.strip()):
            turned = _transposed(buffered, stream)
            if turned is not None:
                # One action per column, the field names down a column: read as if each column were a row.
                buffered, header, column, first = turned
                buffers[sheet.title] = (iter(()), buffered)
                first_rows = [[cell.value for cell in row] for row in buffered]
                merges = Merges([])
                transposed[sheet.title] = (column, first)
        listed = _themes_sheet(first_rows[:500])
        header_labels = {normalise_label(clean_text(value)) for value in (first_rows[0] if first_rows else [])}
        if _TOOL_SHEETS.match(sheet.title.strip()):
            reports.append(
                SheetReport(
                    name=sheet.title,
                    read=False,
                    reason="it is the project tool's resource, assignment or information table, not tasks",
                )
            )
            continue
        if listed is not None and (
            header is None
            or re.search(r"theme|priorit|\baims?\b|objective|outcome", sheet.title, re.I)
            or not header_labels & {"action", "actions", "ref", "owner", "action owner", "due date", "timescale"}
        ):
            themes_sheet.update(listed)
            reports.append(
                SheetReport(
                    name=sheet.title,
                    read=False,
                    reason="it lists the themes (their titles, leads and objectives are used)",
                )
            )
            continue
        report = SheetReport(name=sheet.title, read=False)
        reports.append(report)
        if header is None:
            reason = _SKIP_SHEET_NAMES.get(normalise_label(sheet.title).replace("_", " "))
            report.reason = (
                (
                    f"it looks like {reason}"
                    if reason
                    else "no header row naming plan columns (such as Ref, Action, Owner) was found"
                )
                if any(value not in (None, "") for row in first_rows for value in row)
                else "it is empty"
            )
            candidates.append((sheet, None, first_rows, merges, report))
            for cells in buffered:  # a key or legend sheet: what its colours mean
                learn_key(cells, workbook_key, read_status=kinds_status, theme=palette)
            continue
        candidates.append((sheet, header, first_rows, merges, report))
    if not any_cells:
        raise ImportFileError("The spreadsheet has no data in it.")
    if not any(header for _sheet, header, _rows, _merges, _report in candidates):
        raise ImportFileError(
            "No header row was recognised in the first rows of any sheet. The plan needs a header row "
            "naming its columns, for example Ref, Action, Action Owner, Timescale."
        )
    tool = tools.detect(
        workbook,
        [(sheet, header, rows) for sheet, header, rows, _m, _r in candidates],
        cells={name: buffered for name, (_stream, buffered) in buffers.items()},
    )
    collector = Collector(themes_sheet)
    collector.initials = {short: long for short, (long, _sheet) in initials.items()}
    for sheet_title, (column, first) in transposed.items():
        collector.warn(
            sheet_title,
            0,
            f"Sheet “{sheet_title}” holds one action per column (its field names run down column "
            f"{_letter(column)} from row {first + 1}), so each column was read as an action. Where this preview "
            f"gives a row number on that sheet, it counts columns: row {first + 2} is column {_letter(column + 1)}.",
        )
    plan_sheets = [item for item in candidates if item[1] is not None]
    multi = len(plan_sheets) > 1
    # The plan's title: the first lone text above the first plan sheet's header (or on a cover sheet before it).
    given_title, title = title, ""
    # The plan sheet's own title first; else a cover sheet before it.
    ordered = [item for item in candidates if item[1] is not None][:1] + [
        item for item in candidates if item[1] is None
    ]
    if True:
        for _sheet, header, rows, _merges, _report in ordered:
            if header and _bare_theme_sheet(_sheet.title, rows[: header[0]]) is not None:
                continue  # a sheet named "Theme 1": the text above its header is the theme's title
            limit = header[0] if header else min(len(rows), 12)
            for row in rows[:limit]:
                text = _lone_text(row)
                if (
                    text
                    and len(text) < 200
                    and not kinds.is_note(text)
                    and not kinds.is_key_heading(text)
                    and not kinds.theme_row(text)
                    and not kinds.theme_field(text)
                    and not kinds.category_of(text)
                    and not (tool and tool.is_banner(text))
                    and normalise_label(text) not in _NOT_TITLES
                    and not re.fullmatch(r"\[.*\]", text)  # "[council logo]": a placeholder, not a title
                ):
                    title = text
                    break
            if title:
                break
        if not title and tool:
            title = tool.title_from(candidates)
    file_title = title
    title = given_title or title or Path(name).stem.replace("_", " ").strip() or "Imported plan"
    collector.plan_year = financial_year_in(given_title or file_title)  # "End of March" in a plan for 2025-26
    total = sum((sheet.max_row or 0) for sheet, header, _rows, _merges, _report in plan_sheets)
    state = {"rows": 0}
    first = None
    for sheet, header, first_rows, merges, report in plan_sheets:
        header_index, header_lines, headers = header
        data_rows = first_rows[header_index + header_lines :]
        detected, _profiles = detect_mapping(headers, data_rows)
        chosen = _override(mapping, sheet.title, headers, first.headers if first else None)
        if chosen == {} and mapping and isinstance(mapping.get(sheet.title), dict):
            report.header_row, report.header_rows, report.headers = header_index + 1, header_lines, headers
            report.reason = "you chose to ignore every column of it"
            continue
        if chosen is not None:
            if not _is_header(chosen):
                raise ImportFileError("Choose at least an Action or Ref column, and one other column.")
            sheet_mapping = chosen
        else:
            sheet_mapping = detected
        if tool is not None:
            sheet_mapping = tool.adjust_mapping(sheet_mapping, headers) if chosen is None else sheet_mapping
        report.hidden = hidden_columns(sheet)
        if chosen is None:
            sheet_mapping = _without_hidden_duplicates(report.hidden, sheet_mapping, headers)
            sheet_mapping = _with_fill_only_rag(
                sheet_mapping, headers, buffers[sheet.title][1][header_index + header_lines :], palette
            )
        width = max([max(headers, default=-1) + 1] + [len(row) for row in first_rows])
        columns = [
            i
            for i in range(width)
            if any(i < len(row) and row[i] not in (None, "") for row in first_rows[header_index:])
        ]
        report.header_row, report.header_rows, report.headers = header_index + 1, header_lines, headers
        report.mapping, report.columns = sheet_mapping, sorted(set(columns) | set(sheet_mapping))
        ref_index = next((i for i, n in sorted(sheet_mapping.items()) if n == "ref"), None)
        ref_share = 1.0
        if ref_index is not None:
            filled = [row for row in data_rows if any(v not in (None, "") for v in row)]
            refs = sum(1 for row in filled if ref_index < len(row) and looks_like_ref(clean_text(row[ref_index])))
            ref_share = refs / len(filled) if filled else 1.0
        # Actions before any theme row belong to the sheet's theme: its name (unless a default name like "Sheet1").
        default_theme = (
            ("", _sheet_theme_title(sheet.title)) if multi or not _GENERIC_SHEET.match(sheet.title.strip()) else None
        )
        named = _bare_theme_sheet(sheet.title, first_rows[:header_index])
        numbered = kinds.theme_row(_sheet_theme_title(sheet.title))
        if default_theme and numbered and numbered[0] and numbered[1]:
            default_theme = (numbered[0], numbered[1])  # a tab "1. Leadership" or "Priority 2 - Workforce"
        if named is not None:
            default_theme, theme_title_row = (named[0], named[1]), named[2]
        else:
            theme_title_row = None
        stream, buffered = buffers.pop(sheet.title)
        sheet_key = _sheet_fill_key(buffered, header_index, header_lines, headers, palette)
        for rgb, rag in workbook_key.items():
            sheet_key.setdefault(rgb, rag)
        reader = SheetReader(
            collector=collector,
            sheet=sheet.title,
            mapping=sheet_mapping,
            headers=headers,
            header_rows=header_lines,
            merges=merges,
            tool=tool,
            default_theme=default_theme,
            ref_share=ref_share,
            fill_key=sheet_key,
            palette=palette,
        )
        if statuses:
            reader.status_extra = {**reader.status_extra, **statuses}
        # Rows above the header: the title, then theme headings, Lead:/Objective: rows, keys and notes.
        last_text_row = max(
            (n for n, row in enumerate(first_rows[:header_index], start=1) if _lone_text(row)), default=0
        )
        for number, row in enumerate(first_rows[:header_index], start=1):
            merges.fill(number, list(row)) if merges.ranges else None
            text = _lone_text(row)
            if number == theme_title_row:
                continue  # the theme's title, on a sheet named only "Theme 2"
            if not text or text in (title, file_title):
                if text:
                    collector.skip(sheet.title, number, "the plan's title", text)
                continue
            if tool is not None and tool.is_banner(text):
                collector.skip(sheet.title, number, f"the {tool.name} export's heading", text)
                continue
            index = next(i for i, value in enumerate(row) if value not in (None, ""))
            if not reader.label_row(
                number, index, text, heading=number == header_index == last_text_row, before_header=True
            ):
                collector.skip(sheet.title, number, "a title or note above the header", text)
        reader.in_key = False
        first_data_row = header_index + header_lines + 1
        if sheet.max_row and sheet.max_row > LARGE_SHEET_ROWS:
            notice = (
                f"Sheet “{sheet.title}” holds {sheet.max_row:,} rows, far more than any plan (plans hold tens or a few "
                f"hundred actions). Check it is the plan; reading it may take a while."
            )
            collector.warn(sheet.title, 0, notice)
        for row_number, cells in enumerate(
            itertools.chain(buffered[first_data_row - 1 :], stream), start=first_data_row
        ):
            reader.read_row(row_number, cells)
            state["rows"] += 1
            if progress and state["rows"] % 250 == 0:
                progress(state["rows"], total)
        reader.resolve_fills()
        if tool is not None:
            tool.finish_sheet(reader)
        report.actions, report.rows = reader.actions_read, (sheet.max_row or 0)
        if reader.actions_read:
            report.read = True
            if first is None:
                first = report
        else:
            report.reason = "a header row was found but no actions below it"
    if progress:
        progress(state["rows"], total)
    # A sheet that only sums up the others (Summary, Dashboard) is not read twice.
    if first is None:
        raise ImportFileError(
            "A header row was found but no actions below it. Check the file holds the plan's actions."
        )
    _finish(collector)
    guessed = sorted(
        {
            owner
            for action in collector.actions
            for owner in action.owners
            if re.fullmatch(r"[A-Z]{2}|(?:[A-Z]\.){2,3}", owner) and owner not in _TWO_LETTER_ROLES
        }
    )
    if guessed:
        # "JM", "S.K.": a person's initials, which no key in the workbook explains: kept as written, never guessed.
        collector.warn(
            first.name,
            0,
            f"Owners {', '.join(guessed[:12])} look like people's initials, and no key in the workbook (a sheet with "
            "Initials and Job title columns) says who they are: they were kept as written. Check them, or add such "
            "a key and upload the file again.",
        )
    if collector.initials_used:
        sheets = sorted({initials[short][1] for short in collector.initials_used})
        collector.warn(
            sheets[0],
            0,
            "Owners written as initials were read from the key on sheet "
            + ", ".join(f"“{name}”" for name in sheets)
            + ": "
            + "; ".join(f"{short} = {long}" for short, long in sorted(collector.initials_used.items()))
            + ". Check them below.",
        )
    if tool is not None and tool.found_title and not given_title and not file_title:
        title = tool.found_title  # the root row of a tool's hierarchy: the plan itself
    used = {action.theme for action in collector.actions}
    themes = [theme for theme in collector.themes if theme.number in used]
    notices = [warning.message for warning in collector.warnings if warning.row == 0]
    parsed = ParsedPlan(
        title=title[:300],
        sheet=first.name,
        header_row=first.header_row,
        header_rows=first.header_rows,
        headers=first.headers,
        mapping=first.mapping,
        columns=first.columns,
        themes=themes,
        actions=collector.actions,
        warnings=[warning for warning in collector.warnings if warning.row != 0],
        rows_read=state["rows"],
        sheets=reports,
        skipped_rows=collector.skipped,
        detected_tool=tool.slug if tool else "",
        tool_sentence=tool.sentence if tool else "",
        statuses=sorted(collector.statuses.values(), key=lambda s: (s["field"], -s["count"])),
        people=collector.people,
        owner_splits=collector.owner_splits,
        notices=notices,
    )
    return parsed


def _without_hidden_duplicates(hidden, mapping, headers):
    """A hidden column (an old owner column kept out of sight, last quarter's updates) gives way to a
    visible column of the same field; a hidden column that is the only one of its field is still read."""
    if not hidden or not hidden & set(mapping):
        return mapping
    mapping = dict(mapping)
    dates = {"due_date", "timescale"}  # a hidden old target date gives way to a visible "Target" of any form
    for index in sorted(hidden & set(mapping)):
        name = mapping[index]
        family = dates if name in dates else {name}
        if any(other not in hidden and field in family for other, field in mapping.items()):
            del mapping[index]
            continue
        # The field may be in a visible column of the same title that the hidden one took it from.
        alternative = next(
            (
                other
                for other, header in sorted(headers.items())
                if other not in hidden and other not in mapping and field_for_header(header) == name
            ),
            None,
        )
        if alternative is not None:
            del mapping[index]
            mapping[alternative] = name
    return mapping


def _with_fill_only_rag(mapping, headers, data_cells, palette):
    """A column whose cells hold nothing but are filled in colours that differ from row to row and from the
    row's own background is a RAG shown by colour only ("Progress" with green, amber and red cells): it is
    the progress RAG when no column of ratings was found (or the impact RAG when its header says impact), and
    a "RAG" column of colours comes before a "Status" column of words."""
    action_index = min((i for i, name in mapping.items() if name == "action"), default=None)
    if action_index is None:
        return mapping
    rows = [
        cells
        for cells in data_cells
        if action_index < len(cells)
        and cells[action_index].value not in (None, "")
        and sum(1 for i in mapping if i < len(cells) and cells[i].value not in (None, "")) >= 2
    ]  # rows of actions (a ref, owner or date beside the text), not headings, notes or a key below the table
    if len(rows) < 2:
        return mapping
    rated = {name for name in mapping.values() if name in ("progress_rag", "impact_rag")}
    for index in sorted(headers):
        if index == action_index or any(index < len(cells) and cells[index].value not in (None, "") for cells in rows):
            continue
        colours = []
        for cells in rows:
            if index >= len(cells):
                continue
            rgb = fill_rgb(getattr(cells[index], "fill", None), palette)
            if rgb and rgb != fill_rgb(getattr(cells[action_index], "fill", None), palette):
                colours.append(rgb)
        if len(colours) < 0.6 * len(rows) or len(set(colours)) < 2:
            continue
        if not all(colour_rag(rgb)[1] for rgb in set(colours)):
            continue
        words = normalise_label(headers.get(index, "")).split()
        name = "impact_rag" if "impact" in words else "progress_rag"
        if name in rated and not (
            "rag" in words
            and not any("rag" in normalise_label(headers.get(i, "")).split() for i, n in mapping.items() if n == name)
        ):
            continue  # (a "RAG" of colours beside a "Status" of words rates; the status is its fallback)
        mapping = {i: field for i, field in mapping.items() if i != index}
        mapping[index] = name
        rated.add(name)
    return mapping


def kinds_status(text):
    from plans.importing.values import read_status

    return read_status(text)


def _sheet_fill_key(buffered, header_index, header_lines, headers, palette):
    """The RAG key a plan sheet shows in its first rows: above the header, or in a legend beside the table."""
    key = {}
    for cells in buffered[:header_index]:
        learn_key(cells, key, read_status=kinds_status, theme=palette)
    beside = max(headers, default=-1) + 1
    for cells in buffered[header_index + header_lines :]:
        if len(cells) > beside:
            learn_key(cells, key, read_status=kinds_status, theme=palette, beside=beside)
    return key


def _bare_theme_sheet(name, rows_above):
    """(number, title, row number) for a sheet named only by a theme word and a number ("Theme 2", "Priority
    3") whose first lone text above the header is the theme's title; else None."""
    label = kinds.theme_row(name.replace("_", " ").strip())
    if not label or not label[0] or label[1]:
        return None
    if any((kinds.theme_row(_lone_text(row) or "") or ("",))[0] for row in rows_above):
        return None  # "Theme 1: ..." above the header says it itself
    for number, row in enumerate(rows_above, start=1):
        text = _lone_text(row)
        if not text:
            continue
        if (
            len(text) > 150
            or kinds.is_note(text)
            or kinds.is_key_heading(text)
            or kinds.theme_field(text)
            or kinds.category_of(text)
        ):
            return None
        parsed = kinds.theme_row(text)
        return (label[0], parsed[1] if parsed and parsed[1] else text, number)
    return None


def _sheet_theme_title(name):
    return " ".join(name.replace("_", " ").split())


def _finish(collector):
    for action in collector.actions:
        if not action.action and not action.improvement_need:
            collector.warn(action.sheet, action.row, f"Row has no action text (ref {action.ref or 'none'}).")
        elif not action.action:
            collector.warn(action.sheet, action.row, f"Row has no action text (ref {action.ref or 'none'}).")
    collector.warnings.sort(key=lambda warning: warning.row)
