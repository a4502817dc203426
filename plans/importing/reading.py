"""Walk a plan workbook row by row (openpyxl read-only, so memory stays flat) into plain data.

The header is found wherever it is in the first rows (two-line headers too) and skipped when it is
repeated per theme. Columns are recognised by their header words; the admin may correct the mapping.
Theme rows, "Lead:" / "Objective:" rows and category rows shape the actions below them;
continuation rows (no ref) fold into the action above. Every doubtful row gets a warning.
"""
import datetime
import functools
import re
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from plans.importing.cleaning import (
    KNOWN_SOURCE_SPELLINGS,
    UnknownRag,
    clean_text,
    normalise_label,
    normalise_role_title,
    parse_due_date,
    parse_rag,
    parse_sources,
    rag_from_fill,
    split_lead_and_timescale,
    split_owners,
)
from plans.categories import category_label
from plans.rag import Rag
from plans.importing.files import ImportFileError, check_workbook_file

# field: (label shown to the admin, header words that mean it)
FIELDS = {
    "theme": ("Theme", ["theme", "area for improvement", "strategic aim", "aim", "priority area"]),
    "ref": ("Ref", ["ref", "ref no", "action no", "action number", "no", "number", "action ref", "reference no", "item"]),
    "improvement_need": ("Improvement need", ["improvement need", "improvement needs", "need", "what needs to improve", "area of weakness", "recommendation", "issue"]),
    "action": ("Action", ["action", "actions", "action text", "action required", "actions required", "what we will do", "activity"]),
    "category": ("Category", ["category", "type"]),
    "sources": ("Sources (derived from)", ["derived from", "reference to", "references", "source", "sources", "reference"]),
    "owners": ("Owners", ["action owner", "action owners", "owner", "owners", "lead", "leads", "lead person", "lead persons", "lead officer", "responsible", "responsible officer", "who"]),
    "owners_and_timescale": ("Lead and timescale", ["lead and timescale", "lead timescale", "owner and timescale"]),
    "timescale": ("Timescale", ["timescale", "timescales", "deadline", "by when", "target date", "completion date", "when"]),
    "due_date": ("Due date", ["due date", "due"]),
    "expected_impact": ("Expected impact", ["expected impact", "expected impact outcome", "expected outcome", "outcome", "impact", "intended impact"]),
    "measures": ("Measures of success", ["measures", "measure", "measures of success", "impact measure", "impact measures", "success measures", "success criteria", "evidence of success"]),
    "reporting_mechanism": ("Reporting mechanism", ["reporting mechanism", "reporting mechanisms", "reporting"]),
    "output": ("Output", ["output", "outputs"]),
    "latest_note": ("Progress note", ["progress to date", "review note for this period", "review note", "progress note", "latest note", "progress update", "update", "progress", "comments", "commentary"]),
    "progress_rag": ("Progress RAG", ["rag", "progress rag", "rag rating", "rag status", "status", "rating", "r a g"]),
    "impact_rag": ("Impact RAG", ["impact rag", "impact rating"]),
}
SYNONYMS = {word: name for name, (_label, words) in FIELDS.items() for word in words}
TEXT_FIELDS = ["ref", "improvement_need", "action", "timescale", "expected_impact", "measures", "reporting_mechanism", "output", "latest_note"]
HEADER_SEARCH_ROWS = 40
CATEGORY_LABELS = {
    "business fundamentals": "business_fundamental", "business fundamental": "business_fundamental",
    "change priorities": "change_priority", "change priority": "change_priority",
    "step change priorities": "change_priority", "step change priority": "change_priority",
}
_THEME_ROW = re.compile(
    r"^(?:theme|area for improvement|area of improvement|strategic aim|aim|priority)\s*(?P<number>\d+(?:\.\d+)?)?\s*[:.\-–—]?\s*(?P<title>.*)$",
    re.I | re.S,
)
_NUMBERED_AIM = re.compile(r"^(?P<number>\d{1,2})[.)]\s+(?P<title>\D.{8,})$", re.S)
_THEME_CELL = re.compile(r"^\s*(?P<number>\d+(?:[.\-]\d+)?)\s*[–—\-:.)]?\s*(?P<title>.*)$", re.S)
# Timescales that are not dates and so need no warning.
_NOT_A_DATE = re.compile(r"^(on-?going|continuous|monthly|quarterly|annually|weekly|immediate(ly)?|n/?a)\.?$", re.I)
_THEME_FIELD = re.compile(r"^(?P<label>theme lead|lead|objective|objectives|outcomes?)\s*:\s*(?P<value>.*)$", re.I | re.S)


SQUASHED_SYNONYMS = {word.replace(" ", ""): name for word, name in SYNONYMS.items()}


@functools.lru_cache(maxsize=512)
def field_for_header(text):
    """Return the field a header cell names, or None."""
    if not text or len(text) > 80:
        return None
    label = normalise_label(text)
    if label in SYNONYMS:
        return SYNONYMS[label]
    return SQUASHED_SYNONYMS.get(label.replace(" ", ""))


@dataclass
class RowWarning:
    row: int
    message: str
    sheet: str = ""


@dataclass
class ParsedTheme:
    number: str
    title: str = ""
    lead: str = ""
    objective: str = ""
    outcomes: str = ""
    row: int = 0


@dataclass
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

    @property
    def category_label(self):
        return category_label(self.category)

    def as_data(self):
        data = asdict(self)
        data.pop("row")
        data["sources"] = [{"code": code, "paragraph": paragraph} for code, paragraph in self.sources]
        data["due_date"] = self.due_date.isoformat() if self.due_date else None
        for name in ("progress_rag", "impact_rag"):
            data[name] = Rag(data[name]).slug if data[name] else None
        return data


@dataclass
class ParsedPlan:
    title: str
    sheet: str
    header_row: int
    header_rows: int
    headers: dict  # column index → header text
    mapping: dict  # column index → field
    columns: list = field(default_factory=list)  # column indexes with something in them, for the mapping form
    themes: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    rows_read: int = 0

    def as_data(self):
        """The plan in the JSON export's shape (see plans.services.plan_data)."""
        return {
            "title": self.title,
            "themes": [
                {"number": t.number, "title": t.title, "lead": t.lead, "objective": t.objective, "outcomes": t.outcomes}
                for t in self.themes
            ],
            "actions": [action.as_data() for action in self.actions],
        }

    @property
    def warnings_by_row(self):
        rows = {}
        for warning in self.warnings:
            rows.setdefault(warning.row, []).append(warning.message)
        return rows


def _row_texts(values):
    return [clean_text(value) for value in values]


def _header_mapping(texts):
    mapping = {}
    for index, text in enumerate(texts):
        name = field_for_header(text) if text and len(text) < 80 else None
        if name and name not in mapping.values():
            mapping[index] = name
    return mapping


def _is_header(mapping):
    names = set(mapping.values())
    return len(names) >= 2 and bool(names & {"action", "ref", "improvement_need"})


def find_header(rows):
    """Given the first rows (lists of cell values), return (index, number of lines, mapping, headers) or None."""
    best = None
    texts = [_row_texts(row) for row in rows]
    for index, row in enumerate(texts):
        mapping = _header_mapping(row)
        if not _is_header(mapping) and index + 1 >= len(texts):
            continue
        lines = 1
        if index + 1 < len(texts):
            below = texts[index + 1]
            width = max(len(row), len(below))
            joined = [
                " ".join(part for part in ((row[i] if i < len(row) else ""), (below[i] if i < len(below) else "")) if part)
                for i in range(width)
            ]
            joined_mapping = _header_mapping(joined)
            below_is_header_words = all(len(text) < 30 and not re.match(r"^\d+(\.\d+)*$", text) for text in below if text)
            if (
                below_is_header_words
                and _is_header(joined_mapping)
                and len(joined_mapping) > max(len(mapping), len(_header_mapping(below)))
            ):
                mapping, row, lines = joined_mapping, joined, 2
        if _is_header(mapping) and (best is None or len(mapping) > len(best[2])):
            best = (index, lines, mapping, {i: row[i] for i in range(len(row)) if row[i]})
            if len(mapping) >= 4:
                break
    return best


_REF_VALUE = re.compile(r"^\d{1,2}(\.\d{1,3})*[a-z]?\)?$")


def _with_unlabelled_ref_column(mapping, rows):
    """Find the refs in a column with no header (the LSCB plan): an unmapped column left of the
    action whose values below the header look like "1.1", "2.10"."""
    if "ref" in mapping.values():
        return mapping
    right_of = {name: index for index, name in mapping.items()}.get("action", min(mapping) if mapping else 0)
    best, best_count = None, 1
    for index in range(right_of):
        if index in mapping:
            continue
        count = sum(1 for row in rows if index < len(row) and _REF_VALUE.match(clean_text(row[index])))
        if count > best_count:
            best, best_count = index, count
    return {**mapping, best: "ref"} if best is not None else mapping


def _themes_sheet(workbook, plan_sheet_title):
    """Read a separate sheet listing themes (Number, Title, Lead, Objective), if there is one."""
    wanted = {"number": "number", "no": "number", "theme": "title", "title": "title", "lead": "lead", "theme lead": "lead", "objective": "objective", "outcomes": "outcomes"}
    for sheet in workbook.worksheets:
        if sheet.title == plan_sheet_title:
            continue
        rows = sheet.iter_rows(max_row=500, values_only=True)
        header = next(rows, None)
        if not header:
            continue
        columns = {}
        for index, value in enumerate(header):
            key = wanted.get(normalise_label(clean_text(value)))
            if key and key not in columns.values():
                columns[index] = key
        if not {"number", "title"} <= set(columns.values()):
            continue
        themes = {}
        for values in rows:
            item = {key: clean_text(values[index]) if index < len(values) else "" for index, key in columns.items()}
            if item["number"]:
                themes[item["number"]] = item
        return themes
    return {}


class _Reader:
    def __init__(self, *, sheet_title, mapping, header_rows, themes_sheet, progress):
        self.sheet = sheet_title
        self.mapping = mapping
        self.header_rows = header_rows
        self.themes_sheet = themes_sheet
        self.progress = progress
        self.themes, self.actions, self.warnings = [], [], []
        self.theme = None
        self.category = ""
        self.current = None
        self.spellings = dict(KNOWN_SOURCE_SPELLINGS)
        self.refs_seen = {}
        self.header_labels = {index: name for index, name in mapping.items()}
        self.columns_by_field = {name: index for index, name in mapping.items()}
        self.skip_next = False

    def warn(self, row, message):
        self.warnings.append(RowWarning(row=row, message=message, sheet=self.sheet))

    # -- themes

    def start_theme(self, row, number, title):
        number = (number or "").strip() or str(len(self.themes) + 1)
        known = self.themes_sheet.get(number, {})
        self.theme = ParsedTheme(
            number=number,
            title=title.strip() or known.get("title", ""),
            lead=normalise_role_title(known.get("lead", "")),
            objective=known.get("objective", ""),
            outcomes=known.get("outcomes", ""),
            row=row,
        )
        if any(theme.number == number for theme in self.themes):
            self.theme.number = f"{number}-{len(self.themes) + 1}"
            self.warn(row, f"Theme number {number} appears twice; the second is numbered {self.theme.number}.")
        self.themes.append(self.theme)
        self.category = ""
        self.current = None

    def ensure_theme(self, row):
        if self.theme is None:
            self.start_theme(row, "1", "Actions")

    def theme_has_actions(self):
        return self.current is not None

    # -- rows

    def is_repeated_header(self, texts):
        same = sum(
            1 for index, name in self.mapping.items()
            if index < len(texts) and 0 < len(texts[index]) <= 40 and field_for_header(texts[index]) == name
        )
        return same >= max(2, (len(self.mapping) + 1) // 2)

    def label_row(self, row, index, text):
        """Handle a row with one filled cell; return True when it was a theme, field or category row."""
        category = CATEGORY_LABELS.get(normalise_label(text))
        if category:
            self.category = category
            return True
        match = _THEME_FIELD.match(text)
        if match and self.theme is not None:
            label, value = match["label"].lower(), match["value"].strip()
            if "lead" in label:
                self.theme.lead = normalise_role_title(value)
            elif label.startswith("objective"):
                self.theme.objective = value
            else:
                self.theme.outcomes = value
            return True
        column_field = self.mapping.get(index)
        first_column = column_field in (None, "ref", "theme") or index == min(self.mapping)
        match = _THEME_ROW.match(text)
        if match and first_column and (match["number"] or ":" in text):
            self.start_theme(row, match["number"], match["title"].rstrip(": "))
            return True
        match = _NUMBERED_AIM.match(text)
        if match and first_column:  # "1. To lead, listen to and advise …": a strategic aim
            self.start_theme(row, match["number"], match["title"])
            return True
        if self.theme is not None and column_field in (None, "ref", "theme") and (
            not self.theme_has_actions() or (len(text) > 30 and " " in text)
        ):
            # Text alone in the first column is about the theme (its title, then its objective),
            # not an action: Walsall's bold "Strengthen the role of the WSCB …" paragraphs.
            if not self.theme.title:
                self.theme.title = text
            else:
                self.theme.objective = "\n".join(part for part in (self.theme.objective, text) if part)
            return True
        return False

    def read_row(self, row, cells):
        values = [cell.value for cell in cells]
        filled = [(index, value) for index, value in enumerate(values) if value not in (None, "")]
        if not filled:
            return
        if self.skip_next:
            self.skip_next = False
            header_like = all(len(clean_text(value)) < 30 for _index, value in filled)
            if header_like and not any(self.mapping.get(index) == "action" for index, _value in filled):
                return  # the second line of a repeated two-line header
        texts = {index: clean_text(value) for index, value in filled}
        if self.is_repeated_header([texts.get(i, "") for i in range(len(values))]):
            self.skip_next = self.header_rows > 1
            return
        distinct = {text for text in texts.values() if text}
        if len(distinct) == 1:
            index = filled[0][0]
            if self.label_row(row, index, next(iter(distinct))):
                return

        by_field = {}
        for index, name in self.mapping.items():
            if index < len(values) and values[index] not in (None, ""):
                by_field[name] = values[index]

        theme_value = clean_text(by_field.get("theme"))
        if theme_value:
            match = _THEME_CELL.match(theme_value)
            number, title = (match["number"], match["title"].strip()) if match else ("", theme_value)
            same = self.theme is not None and (self.theme.number == number if number else self.theme.title == title)
            if not same:
                self.start_theme(row, number, title)

        columns = self.columns_by_field
        text = {name: texts.get(columns[name], "") if name in columns else "" for name in TEXT_FIELDS}
        category = CATEGORY_LABELS.get(normalise_label(text["action"])) if text["action"] else None
        if category and not any(text[name] for name in TEXT_FIELDS if name not in ("ref", "action")):
            self.category = category
            return

        content_fields = [name for name in by_field if name != "theme"]
        if not content_fields:
            return
        self.ensure_theme(row)
        if not text["ref"] and self.current is not None:
            self.fold(row, text, by_field, cells)
            return
        self.new_action(row, text, by_field, cells)

    def owners_and_timescale(self, by_field, previous):
        owners_text = by_field.get("owners")
        timescale_text = clean_text(by_field.get("timescale"))
        combined = by_field.get("owners_and_timescale")
        if combined not in (None, ""):
            lead, timescale = split_lead_and_timescale(combined)
            owners_text = "\n".join(part for part in (clean_text(owners_text), lead) if part)
            timescale_text = " ".join(part for part in (timescale_text, timescale) if part)
        return split_owners(owners_text, previous=previous), timescale_text

    def rag(self, row, name, by_field, cells):
        value = by_field.get(name)
        if value not in (None, ""):
            try:
                rag = parse_rag(value)
            except UnknownRag:
                self.warn(row, f"{FIELDS[name][0]} “{clean_text(value)}” is not a RAG rating (Blue, Green, Amber, Red or Grey); left empty.")
                return None
            return rag.value if rag else None
        index = self.columns_by_field.get(name)
        if index is not None and index < len(cells):
            # Only empty RAG cells need their fill: keeps the read-only stream cheap.
            rag = rag_from_fill(getattr(cells[index], "fill", None))
            return rag.value if rag else None
        return None

    def new_action(self, row, text, by_field, cells):
        previous_owners = self.actions[-1].owners if self.actions else []
        owners, timescale = self.owners_and_timescale(by_field, previous_owners)
        sources, orphans = parse_sources(by_field.get("sources"), self.spellings)
        if orphans:
            self.warn(row, f"Source paragraph {', '.join(orphans)} has no source code before it; not linked.")
        due = None
        if by_field.get("due_date") not in (None, ""):
            due = parse_due_date(by_field["due_date"])
            if due is None:
                self.warn(row, f"The due date “{clean_text(by_field['due_date'])}” could not be read.")
        if due is None and timescale:
            due = parse_due_date(by_field.get("timescale") if not by_field.get("owners_and_timescale") else timescale)
            if due is None and not _NOT_A_DATE.match(timescale):
                self.warn(row, f"No due date could be read from the timescale “{timescale}”; kept as written.")
        action = ParsedAction(
            row=row,
            theme=self.theme.number,
            ref=text["ref"],
            improvement_need=text["improvement_need"],
            action=text["action"],
            category=CATEGORY_LABELS.get(normalise_label(clean_text(by_field.get("category"))), self.category),
            owners=owners,
            sources=sources,
            timescale=timescale[:300],
            due_date=due,
            expected_impact=text["expected_impact"],
            measures=text["measures"],
            reporting_mechanism=text["reporting_mechanism"],
            output=text["output"],
            progress_rag=self.rag(row, "progress_rag", by_field, cells),
            impact_rag=self.rag(row, "impact_rag", by_field, cells),
            latest_note=text["latest_note"],
        )
        if action.ref:
            if action.ref in self.refs_seen:
                self.warn(row, f"Ref {action.ref} is used again (first on row {self.refs_seen[action.ref]}); both actions are kept, in order.")
            else:
                self.refs_seen[action.ref] = row
        self.current = action
        self.actions.append(action)

    def fold(self, row, text, by_field, cells):
        """A row with no ref continues the action above: its text is added on new lines."""
        action = self.current
        for name in TEXT_FIELDS:
            if name != "ref" and text[name]:
                joined = "\n".join(part for part in (getattr(action, name), text[name]) if part)
                setattr(action, name, joined)
        owners, timescale = self.owners_and_timescale(by_field, action.owners)
        for owner in owners:
            if owner not in action.owners:
                action.owners.append(owner)
        if timescale and not text["timescale"]:
            action.timescale = " ".join(part for part in (action.timescale, timescale) if part)[:300]
        action.timescale = action.timescale[:300]
        sources, _orphans = parse_sources(by_field.get("sources"), self.spellings)
        for source in sources:
            if source not in action.sources:
                action.sources.append(source)
        if action.due_date is None and action.timescale:
            action.due_date = parse_due_date(action.timescale)
        for name in ("progress_rag", "impact_rag"):
            if getattr(action, name) is None:
                setattr(action, name, self.rag(row, name, by_field, cells))

    def finish(self):
        for action in self.actions:
            if not action.action:
                self.warn(action.row, f"Row has no action text (ref {action.ref or 'none'}).")
            if (action.latest_note and not action.progress_rag):
                self.warn(action.row, "A progress note without a progress RAG: it is kept on the action's first update only when a RAG is given.")
        self.warnings.sort(key=lambda warning: warning.row)


def read_plan_workbook(source, *, name="", mapping=None, title="", progress=None):
    """Read a plan workbook (a path or a binary file) into a ParsedPlan; raise ImportFileError if we cannot.

    `mapping` ({column index: field name or ""}) overrides the detected columns.
    `progress(rows_read, total_rows)` is called now and then on long sheets.
    """
    close = None
    if isinstance(source, (str, Path)):
        name = name or str(source)
        try:
            source = close = open(source, "rb")
        except OSError as error:
            raise ImportFileError(f"The file could not be opened: {error.strerror}.")
    try:
        check_workbook_file(source, name=name)
        try:
            workbook = load_workbook(source, read_only=True, data_only=True)
        except Exception:
            raise ImportFileError("The file is damaged or not an Excel spreadsheet. Save it again from Excel and upload that.")
        try:
            return _read(workbook, name=name, mapping=mapping, title=title, progress=progress)
        except (zipfile.BadZipFile, SyntaxError, KeyError, EOFError, OSError):  # SyntaxError: broken XML (ElementTree or lxml)
            raise ImportFileError("The file is damaged and could not be read to the end. Save it again from Excel and upload that.")
        finally:
            workbook.close()
    finally:
        if close:
            close.close()


def _read(workbook, *, name, mapping, title, progress):
    found = None
    any_cells = False
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue
        rows = [list(row) for row in sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True)]
        if any(value not in (None, "") for row in rows for value in row):
            any_cells = True
        header = find_header(rows)
        if header and (found is None or len(header[2]) > len(found[1][2])):
            found = (sheet, header, rows)
    if found is None:
        if not any_cells:
            raise ImportFileError("The spreadsheet has no data in it.")
        raise ImportFileError(
            "No header row was recognised in the first rows of any sheet. The plan needs a header row "
            "naming its columns, for example Ref, Action, Action Owner, Timescale."
        )
    sheet, (header_index, header_lines, detected, headers), first_rows = found
    if not title:
        for row in first_rows[:header_index]:
            texts = [clean_text(value) for value in row if value not in (None, "")]
            if len(texts) == 1 and len(texts[0]) < 200:
                title = texts[0]
                break
    title = title or Path(name).stem.replace("_", " ").strip() or "Imported plan"
    if mapping is not None:
        mapping = {int(index): name for index, name in mapping.items() if name in FIELDS}
        if not _is_header(mapping):
            raise ImportFileError("Choose at least an Action or Ref column, and one other column.")
    else:
        mapping = _with_unlabelled_ref_column(detected, first_rows[header_index + header_lines:])
    themes_sheet = _themes_sheet(workbook, sheet.title)
    reader = _Reader(sheet_title=sheet.title, mapping=mapping, header_rows=header_lines, themes_sheet=themes_sheet, progress=progress)
    # Theme rows may come before the first header ("Area for Improvement 1:" above its table).
    for index, row in enumerate(first_rows[:header_index], start=1):
        texts = [(i, clean_text(value)) for i, value in enumerate(row) if value not in (None, "")]
        if len({text for _i, text in texts}) == 1 and clean_text(texts[0][1]) != title:
            reader.label_row(index, texts[0][0], texts[0][1])
    first_data_row = header_index + header_lines + 1
    total = sheet.max_row
    rows_read = 0
    for row_number, cells in enumerate(sheet.iter_rows(min_row=first_data_row), start=first_data_row):
        reader.read_row(row_number, cells)
        rows_read += 1
        if progress and rows_read % 250 == 0:
            progress(rows_read, total)
    if progress:
        progress(rows_read, total)
    reader.finish()
    if not reader.actions:
        raise ImportFileError("A header row was found but no actions below it. Check the file holds the plan's actions.")
    used_numbers = {action.theme for action in reader.actions}
    width = max((len(row) for row in first_rows), default=0)
    columns = [i for i in range(width) if any(i < len(row) and row[i] not in (None, "") for row in first_rows)]
    return ParsedPlan(
        title=title[:300],
        sheet=sheet.title,
        header_row=header_index + 1,
        header_rows=header_lines,
        headers=headers,
        mapping=mapping,
        columns=sorted(set(columns) | set(mapping)),
        themes=[theme for theme in reader.themes if theme.number in used_numbers or theme.title],
        actions=reader.actions,
        warnings=reader.warnings,
        rows_read=rows_read,
    )
