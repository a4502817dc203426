"""One sheet at a time: find its header (one or two rows, anywhere in the first rows), score its
columns, then walk its rows, giving each a kind (theme, theme field, category, note, key, total,
repeated header, action, continuation) and acting on it. Results go into a Collector shared by every
sheet of the workbook, so themes, refs and source spellings carry across sheets.
"""

import datetime
import functools
import re
from dataclasses import dataclass

from plans.importing import rows as kinds
from plans.importing.cleaning import (
    KNOWN_SOURCE_SPELLINGS,
    clean_text,
    in_financial_year,
    month_without_year,
    normalise_label,
    normalise_role_title,
    parse_due_date,
    parse_sources,
    source_and_finding,
    split_lead_and_timescale,
    split_owners,
)
from plans.importing.colours import colour_rag, fill_rgb, font_rgb, learn_key
from plans.importing.columns import (
    FIELDS,
    PERIOD_FIELDS,
    assign_columns,
    content_profile,
    field_for_header,
    is_percent_header,
    report_code,
)
from plans.importing.values import (
    EMAIL,
    Status,
    clean_ref,
    header_period,
    looks_like_person,
    looks_like_ref,
    looks_like_status,
    period_order,
    period_slug,
    read_status,
    status_key,
)
from plans.rag import Rag

HEADER_SEARCH_ROWS = 100  # plans open with a foreword, governance and a glossary
PROFILE_ROWS = 200
TEXT_FIELDS = [
    "ref",
    "improvement_need",
    "action",
    "timescale",
    "expected_impact",
    "measures",
    "reporting_mechanism",
    "output",
    "latest_note",
]
CORE_FIELDS = {"action", "ref", "improvement_need"}
# Timescales that are not dates and so need no warning.
NOT_A_DATE = re.compile(
    r"^(on-?going|continuous|continual|monthly|quarterly|annually|annual|weekly|fortnightly|daily|termly|bi-?monthly|"
    r"immediate(ly)?|n/?a|tbc|tbd|to be confirmed|as required|as needed|in place|complete|completed|rolling|"
    r"throughout|every \w+|each \w+|regularly|business as usual|bau)\.?$",
    re.I,
)
_THEME_CELL = re.compile(r"^\s*(?P<number>\d+(?:[.\-]\d+)?|[A-H](?=[\s.:)\-–]))\s*[–—\-:.)]?\s*(?P<title>.*)$", re.S)


_DIGIT = re.compile(r"\d")
# The same owners, sources, dates and statuses come back row after row: each is cleaned once.
_clean_cell = functools.lru_cache(maxsize=4096, typed=True)(clean_text)
# Every short text of every row is asked whether it is a header (a repeated header, a new block's):
# the same owners and statuses come back, so each is scored once.
_field_of_header = functools.lru_cache(maxsize=4096)(field_for_header)


def _percent_rag(value):
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{1,3}(?:\.\d+)?)\s*%\s*", value)
        value = float(match[1]) / 100 if match else None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    done = value / 100 if value > 1 else value
    return (Rag.BLUE if done >= 1 else Rag.GREEN if done > 0 else Rag.GREY).value


def _float_ref(ref, previous):
    """A ref typed as a number loses its trailing zero: 1.10 is stored as 1.1. After 1.9, "1.1" is 1.10."""
    match, before = re.fullmatch(r"(\d+)\.(\d+)", ref), re.fullmatch(r"(\d+)\.(\d+)", previous or "")
    if match and before and match[1] == before[1] and int(match[2]) * 10 == int(before[2]) + 1:
        return f"{match[1]}.{int(before[2]) + 1}"
    return ref


_DOTS = {"●", "⬤", "•", "◉", "■", "▲", "◆", "⚫", "○", "◯"}
_LIST_LABEL = re.compile(r"^(?:\((?P<a>[a-z]|[ivx]{1,4}|\d{1,2})\)|(?P<b>[a-z]|[ivx]{1,4}|\d{1,2})[.)])\s+(?=\S)", re.I)


@dataclass
class RowWarning:
    row: int
    message: str
    sheet: str = ""


@dataclass
class SkippedRow:
    sheet: str
    row: int
    reason: str
    text: str = ""


@dataclass
class ParsedTheme:
    number: str
    title: str = ""
    lead: str = ""
    objective: str = ""
    outcomes: str = ""
    row: int = 0
    sheet: str = ""


# ---------------------------------------------------------------- header


def _texts(row):
    return [clean_text(value) for value in row]


def _header_fields(texts):
    names = {}
    for index, text in enumerate(texts):
        if text and len(text) <= 70:
            name = _field_of_header(text)
            if name and name not in names.values():
                names[index] = name
    return names


def _is_header(mapping):
    names = set(mapping.values())
    return len(names) >= 2 and bool(names & CORE_FIELDS)


def _spread(row, spans):
    """A group label merged over several columns applies to each of them (for header reading)."""
    row = list(row)
    for min_col, max_col in spans:
        if min_col - 1 < len(row) and row[min_col - 1]:
            while len(row) < max_col:
                row.append("")
            for index in range(min_col, max_col):
                if not row[index]:
                    row[index] = row[min_col - 1]
    return row


def find_header(rows, merges=None):
    """Given the first rows (lists of cell values), return (index, lines, headers) or None:
    the 0-based row of the header, 1 or 2 header lines, {column: header text}."""
    texts = [_texts(row) for row in rows]
    if merges is not None:
        texts = [_spread(row, merges.across.get(number, [])) for number, row in enumerate(texts, start=1)]
    best = None
    for index, row in enumerate(texts):
        long_cells = sum(1 for text in row if len(text) > 70)
        if long_cells > 1 or is_indicator_header(row):
            continue
        mapping = _header_fields(row)
        lines, chosen = 1, row
        if index + 1 < len(texts):
            below = texts[index + 1]
            below_words = [text for text in below if text]
            if below_words and all(
                len(text) <= 40 and (not looks_like_ref(text) or header_period(text)) and not looks_like_status(text)
                for text in below_words
            ):  # "Q1" under "Progress update" is a period, not a ref
                width = max(len(row), len(below))
                joined = [
                    " ".join(
                        part
                        for part in ((row[i] if i < len(row) else ""), (below[i] if i < len(below) else ""))
                        if part
                    )
                    for i in range(width)
                ]
                for i, text in enumerate(joined):
                    lower = below[i] if i < len(below) else ""
                    if lower and text != lower and not _field_of_header(text) and _field_of_header(lower):
                        joined[i] = lower  # "Plan" over "Action No": a group label that hides the column's own word
                joined_mapping = _header_fields(joined)
                # A group label merged over the columns below it ("RAG rating" over Progress and Impact) counts even
                # when it adds no column of its own.
                spans = merges.across.get(index + 1, []) if merges is not None else []
                widest = max((end - start + 1 for start, end in spans), default=0)
                grouped = (
                    bool(spans)
                    and 0 < len({t for t in row if t}) < len(below_words)  # group labels, spread over their columns
                    and widest < len(below_words)
                    and all(len(t) <= 40 for t in row if t)
                )  # not a title merged across the whole table
                if not grouped and spans and len(_header_fields(row)) >= 2:
                    # "Progress update" merged over Q1..Q4 beside single-row titles: the row below names only the
                    # merged group's columns.
                    under = {i for start, end in spans if end > start for i in range(start - 1, end)}
                    grouped = all(i in under for i, text in enumerate(below) if text) and all(
                        len(t) <= 40 for t in row if t
                    )
                best_alone = max(len(mapping), len(_header_fields(below)))
                if _is_header(joined_mapping) and (
                    len(joined_mapping) > best_alone or (grouped and len(joined_mapping) >= best_alone)
                ):
                    mapping, chosen, lines = joined_mapping, joined, 2
        if _is_header(mapping) and (best is None or len(mapping) > len(best[3])):
            best = (index, lines, {i: chosen[i] for i in range(len(chosen)) if chosen[i]}, mapping)
            if len(mapping) >= 5:
                break
    if best is None:
        return None
    return best[0], best[1], best[2]


_INDICATOR_WORDS = {
    "pi",
    "indicator",
    "kpi",
    "value",
    "trend",
    "baseline",
    "actual",
    "polarity",
    "direction",
    "performance",
}


def is_indicator_header(texts):
    """ "Code | PI Title | Current Value | Current Target | Status | Short Trend": a block of performance
    indicators, not actions."""
    words = [set(normalise_label(text).split()) for text in texts if text and len(text) <= 40]
    if len(words) < 3:
        return False
    hits = sum(1 for cell in words if cell & _INDICATOR_WORDS)
    return hits >= 2 and not any("action" in cell or "actions" in cell for cell in words)


def detect_mapping(headers, data_rows):
    """{column: field} for a header and the rows below it (header words and cell contents)."""
    width = max([max(headers, default=-1) + 1] + [len(row) for row in data_rows[:PROFILE_ROWS]])
    profiles = {}
    for index in range(width):
        values = [row[index] for row in data_rows[:PROFILE_ROWS] if index < len(row)]
        profiles[index] = content_profile(values)
    mapping = assign_columns(headers, {i: p for i, p in profiles.items() if p.get("count")})
    if not _is_header(mapping):
        mapping = {
            i: name
            for i, name in _header_fields([headers.get(i, "") for i in range(width)]).items()
            if not (name in ("action", "improvement_need") and profiles[i].get("numbers", 0) >= 0.8)
        }  # "Actions" over 2, 3, 5: a count of actions (a summary sheet), not their text
    # A column of long texts with no clear header is the action when none was found.
    if "action" not in mapping.values():
        candidates = [
            (profile.get("length", 0), index)
            for index, profile in profiles.items()
            if index not in mapping and profile.get("count", 0) >= 2 and profile.get("length", 0) > 25
        ]
        if candidates:
            mapping[max(candidates)[1]] = "action"
    if "theme" not in mapping.values():
        grouping = _grouping_column(mapping, profiles, data_rows[:PROFILE_ROWS], headers)
        if grouping is not None:
            mapping[grouping] = "theme"
    return mapping, profiles


# Header words that name a level above the actions: a column so headed groups them wherever it sits.
_GROUP_HEADER_WORDS = {
    "area",
    "areas",
    "recommendation",
    "recommendations",
    "priority",
    "priorities",
    "theme",
    "workstream",
    "strand",
    "domain",
    "pillar",
}

# ... but a weakness, need, issue or finding written beside each action is what that action answers: its need.
_NEED_HEADER_WORDS = {"weakness", "weaknesses", "need", "needs", "issue", "issues", "finding", "findings", "concern"}


def _grouping_column(mapping, profiles, data_rows, headers=None):
    """A text column left of the actions whose cells each cover several actions (merged down, written on a
    group's first row only, or repeated) groups them: it is the theme column, whatever its header ("Area of
    significant weakness", "Audit", "Strategic priority"). So is such a column to the right of the refs or the
    action when its header names a level above them ("Ofsted Recommendation", "Area for development"), as a
    list exported from SharePoint puts it. Not when the sheet has theme rows of its own."""
    action_index = min((i for i, name in mapping.items() if name == "action"), default=None)
    if action_index is None:
        return None
    action_rows = [row for row in data_rows if action_index < len(row) and row[action_index] not in (None, "")]
    if len(action_rows) < 3:
        return None
    for row in data_rows:
        filled = [value for value in row if value not in (None, "")]
        if len(filled) == 1 and isinstance(filled[0], str) and (kinds.theme_row(filled[0]) or ("",))[0]:
            return None  # "Priority 2: ..." rows: the sheet says its themes itself
    ref_index = min((i for i, name in mapping.items() if name == "ref"), default=action_index)
    left = min(action_index, ref_index)
    width = max((len(row) for row in data_rows), default=0)
    named = [
        index
        for index in range(left, width)
        if (words := set(normalise_label((headers or {}).get(index, "")).split())) & _GROUP_HEADER_WORDS
        and not words & _NEED_HEADER_WORDS
    ]
    for index in [*range(left), *named]:  # a level above the refs, not an attribute of each action
        if mapping.get(index) not in (None, "improvement_need"):
            continue
        profile = profiles.get(index, {})
        if (
            profile.get("count", 0) < 2
            or profile.get("status", 0) >= 0.3
            or (profile.get("dates", 0) >= 0.3 and profile.get("length", 0) < 20)  # "Audit (June 2024)" is a title
            or profile.get("numbers", 0) >= 0.3
            or profile.get("priorities", 0) >= 0.5  # a "Priority" of High / Medium / Low grades each action
            or profile.get("refs", 0) >= 0.5
            or profile.get("length", 0) < 4
        ):
            continue
        values = [clean_text(row[index]) if index < len(row) else "" for row in action_rows]
        filled = [value for value in values if value]
        if len(set(filled)) < 2:
            continue
        sparse = values[0] and len(filled) <= 0.6 * len(values)
        # Repeated in runs: at most half as many values as actions; two thirds under a header naming a level.
        share = 2 / 3 if index in named else 1 / 2
        repeated = len(filled) == len(values) and len(set(filled)) <= len(values) * share
        runs = sum(1 for i, value in enumerate(filled) if i == 0 or value != filled[i - 1])
        if (sparse or repeated) and runs == len(set(filled)):
            return index
    return None


# ---------------------------------------------------------------- the workbook-wide results


class Collector:
    """What every sheet adds to: themes, actions, warnings, skipped rows, statuses, people."""

    def __init__(self, themes_sheet=None):
        self.themes, self.actions, self.warnings, self.skipped = [], [], [], []
        self.themes_sheet = themes_sheet or {}
        self.spellings = dict(KNOWN_SOURCE_SPELLINGS)
        self.refs_seen = {}
        self.statuses = {}  # (field, label) → {"label", "field", "rag", "closed", "known", "count"}
        self.people = {}  # name → count
        self.owner_splits = {}  # cell text → owners, for cells that were split
        self.plan_year = None  # the financial year's first year, when the plan's title names one ("2025-26")
        self.initials = {}  # initials → job title, from a key of people on a sheet of the workbook
        self.initials_used = {}

    def warn(self, sheet, row, message):
        self.warnings.append(RowWarning(row=row, message=message, sheet=sheet))

    def skip(self, sheet, row, reason, text=""):
        self.skipped.append(SkippedRow(sheet=sheet, row=row, reason=reason, text=text[:120]))

    def theme(self, number, title, *, row, sheet):
        """The theme with this number or title, started if new."""
        title = (title or "").strip()
        for theme in self.themes:
            if (
                title
                and theme.title == title
                and (not number or theme.number == number or theme.number.startswith(f"{number}-"))
            ):
                return theme
        number = (number or "").strip() or self._next_number()
        known = self.themes_sheet.get(number, {})
        theme = ParsedTheme(
            number=number,
            title=title or known.get("title", ""),
            lead=normalise_role_title(known.get("lead", "")),
            objective=known.get("objective", ""),
            outcomes=known.get("outcomes", ""),
            row=row,
            sheet=sheet,
        )
        if any(other.number == number for other in self.themes):
            theme.number = f"{number}-{len(self.themes) + 1}"
            self.warn(sheet, row, f"Theme number {number} appears twice; the second is numbered {theme.number}.")
        self.themes.append(theme)
        return theme

    def _next_number(self):
        used = {theme.number for theme in self.themes}
        number = len(self.themes) + 1
        while str(number) in used:
            number += 1
        return str(number)

    def status(self, name, status):
        key = (name, status.label.lower())
        entry = self.statuses.get(key)
        if entry is None:
            entry = self.statuses[key] = {
                "field": name,
                "label": status.label,
                "rag": status.rag.label if status.rag else None,
                "closed": status.closed,
                "known": status.known,
                "count": 0,
            }
        entry["count"] += 1


# ---------------------------------------------------------------- one sheet


class SheetReader:
    def __init__(
        self,
        *,
        collector,
        sheet,
        mapping,
        headers,
        header_rows,
        merges,
        tool=None,
        default_theme=None,
        ref_share=1.0,
        fill_key=None,
        palette=None,
    ):
        self.c = collector
        self.fill_key = fill_key if fill_key is not None else {}  # the sheet's own RAG key: RRGGBB → Rag
        self.palette = palette  # the workbook's theme colours
        self.pending_fills = []  # (action, row, field, RRGGBB): RAGs read from a fill, resolved when the sheet ends
        self.fills_now = {}
        # With no RAG or status column, a "% complete" column rates: 100 % Blue, started Green, 0 % Grey.
        self.percent_index = None
        if "progress_rag" not in mapping.values() and not (tool is not None and tool.slug == "project"):
            self.percent_index = next(
                (i for i, header in sorted(headers.items()) if i not in mapping and is_percent_header(header)), None
            )
        self.sheet = sheet
        self.mapping = mapping
        self.headers = headers
        self.header_rows = header_rows
        self.merges = merges
        self.tool = tool
        self.default_theme = default_theme  # (number, title) when the sheet itself is the theme
        self.theme = None
        self.theme_has_actions = False
        self.category = ""
        self.current = None
        self.in_key = False
        self.skip_next = False
        self.blank_run = 0
        self.after_blank = False
        self.in_indicators = False
        self.first_mapping, self.first_headers = mapping, headers
        self.use_mapping(mapping, headers)
        self.has_refs = "ref" in self.columns and ref_share >= 0.3
        self.source_code = report_code(headers.get(self.columns["sources"][0], "")) if "sources" in self.columns else ""
        self.status_extra = tool.statuses if tool else {}
        self.actions_read = 0
        self.force_new = False
        self.in_subitems = False
        self.placeholder = None

    def use_mapping(self, mapping, headers):
        self.mapping, self.headers = mapping, headers
        self.columns = {}
        for index, name in sorted(mapping.items()):
            self.columns.setdefault(name, []).append(index)
        # Period columns: the latest period first; a RAG column before a status column it falls back to.
        for name in PERIOD_FIELDS:
            indexes = self.columns.get(name, [])
            if len(indexes) > 1 and any(header_period(headers.get(i, "")) for i in indexes):
                indexes.sort(key=lambda i: period_order(header_period(headers.get(i, "")), i), reverse=True)
            elif len(indexes) > 1:
                indexes.sort(key=lambda i: (0 if re.search(r"\brag\b", headers.get(i, ""), re.I) else 1, i))
        self.first_column = min(mapping) if mapping else 0
        self.header_threshold = max(2, (len(mapping) + 1) // 2)
        if hasattr(self, "c"):
            self.source_code = (
                report_code(headers.get(self.columns["sources"][0], "")) if "sources" in self.columns else ""
            )

    # -- helpers

    def warn(self, row, message):
        self.c.warn(self.sheet, row, message)

    def skip(self, row, reason, text=""):
        self.c.skip(self.sheet, row, reason, text)

    def start_theme(self, row, number, title):
        self.theme = self.c.theme(number, title, row=row, sheet=self.sheet)
        self.theme_numbered = bool(number)  # numbered in the file (not counted by us)
        self.gap_after_action = False
        self.last_label = ""
        self.theme_has_actions = False
        self.category = ""
        self.current = None

    def ensure_theme(self, row):
        if self.theme is None:
            number, title = self.default_theme or ("", "Actions")
            self.start_theme(row, number, title)
            self.placeholder = self.theme  # dropped if a tool's hierarchy leaves it empty

    def value(self, values, name):
        """The value of a field on a row: for period columns, the latest period's that is filled."""
        for index in self.columns.get(name, []):
            if index < len(values) and values[index] not in (None, ""):
                return values[index], index
        return None, None

    def is_repeated_header(self, texts):
        if (
            sum(1 for index in self.mapping if index < len(texts) and 0 < len(texts[index]) <= 70)
            < self.header_threshold
        ):
            return False
        same = 0
        for index, name in self.mapping.items():
            if index >= len(texts):
                continue
            text = texts[index]
            if not text or len(text) > 70:
                continue
            if text == self.headers.get(index) or (
                len(text) <= 40 and not _DIGIT.search(text) and _field_of_header(text) == name
            ):
                same += 1
                if same >= self.header_threshold:
                    return True
        return False

    # -- lone texts

    def label_row(self, row, index, text, *, heading=False, before_header=False):
        """A row with one text in it; return True when it was used (theme, field, category) or skipped."""
        category = kinds.category_of(text)
        if category:
            self.category = category
            return True
        if kinds.is_key_heading(text):
            self.in_key = True
            self.skip(row, "a RAG key or legend", text)
            return True
        numbered = kinds.theme_row(text) if heading else None
        if numbered and numbered[0] and numbered[1] and not before_header:
            # "1) The quality of ..." merged across the table or in bold: a numbered theme, not a footnote.
            self.start_theme(row, numbered[0], numbered[1])
            return True
        if kinds.is_note(text) or kinds.is_total(text):
            self.skip(row, "a note" if kinds.is_note(text) else "a total", text)
            return True
        field_match = kinds.theme_field(text)
        if field_match:
            if self.theme is None and self.default_theme:
                self.ensure_theme(row)
            if self.theme is not None:
                label, value = field_match
                if label == "lead":
                    self.theme.lead = normalise_role_title(value)
                elif label == "objective":
                    self.theme.objective = "\n".join(part for part in (self.theme.objective, value) if part)
                else:
                    self.theme.outcomes = "\n".join(part for part in (self.theme.outcomes, value) if part)
                return True
        column_field = self.mapping.get(index)
        in_first_columns = column_field in (None, "ref", "theme") or index == self.first_column or heading
        match = kinds.theme_row(text)
        if match and (in_first_columns or match[0]):
            self.start_theme(row, match[0], match[1])
            return True
        if self.theme is not None and not self.theme.title and not self.theme_has_actions and len(text) <= 200:
            self.theme.title = text
            return True
        coded = kinds.coded_heading(text)
        if coded and in_first_columns:
            self.start_theme(row, coded[0], coded[1])  # "CSIP P2 Practice with children": a tool's group row
            return True
        if before_header:
            if self.theme is not None and not self.theme_has_actions and len(text) > 30:
                self.theme.objective = "\n".join(part for part in (self.theme.objective, text) if part)
                return True
            if heading and len(text) <= 120:
                self.start_theme(row, "", text.rstrip(":"))
                return True
            return False
        if in_first_columns and not looks_like_ref(text):
            if len(text) <= 90 and heading and (self.theme is None or self.theme_has_actions or self.theme.title):
                # An unnumbered heading merged across the table or in bold: a theme.
                self.start_theme(row, "", text.rstrip(":"))
                return True
            if self.theme is not None and (not self.theme_has_actions or (len(text) > 30 and " " in text)):
                # Text alone in the first column is about the theme (its objective), not an action.
                self.theme.objective = "\n".join(part for part in (self.theme.objective, text) if part)
                return True
            if self.theme is None and len(text) <= 120:
                self.start_theme(row, "", text.rstrip(":"))
                return True
        return False

    # -- rows

    def read_row(self, row, cells):
        values = [cell.value for cell in cells]
        filled_by_merge = self.merges.fill(row, values) if self.merges.ranges else set()
        for index in list(filled_by_merge):
            if self.mapping.get(index) == "ref":
                values[index] = None  # a ref merged over rows: the rows below continue its action
        texts = {index: _clean_cell(value) for index, value in enumerate(values) if value not in (None, "")}
        texts = {index: text for index, text in texts.items() if text}
        if not texts:
            self.blank_run += 1
            self.in_key = False
            self.gap_after_action = self.current is not None
            return
        self.after_blank = self.blank_run > 0
        self.blank_run = 0
        own = {index: text for index, text in texts.items() if index not in filled_by_merge}
        if self.skip_next:
            self.skip_next = False
            if all(len(text) < 40 for text in own.values()) and not any(
                self.mapping.get(i) == "ref" and looks_like_ref(t) for i, t in own.items()
            ):
                self.skip(row, "the header's second line, repeated")
                return
        line = [texts.get(i, "") for i in range(max(texts) + 1)]
        if self.is_repeated_header(line):
            self.skip_next = self.header_rows > 1
            self.in_indicators = False
            if self.mapping is not self.first_mapping:
                self.use_mapping(self.first_mapping, self.first_headers)
            self.skip(row, "the header, repeated")
            return
        first_index = min(texts)
        first_text = texts[first_index]
        if kinds.is_subitems_heading(first_text) and len(own) > 1:
            self.in_subitems = True
            self.skip(
                row, "the header of sub-items (steps of the action above, not actions)", " | ".join(texts.values())
            )
            return
        if self.in_subitems:
            if first_index > self.first_column and values and (not values[0] if self.first_column == 0 else True):
                self.skip(row, "a sub-item of the action above", " | ".join(texts.values()))
                return
            self.in_subitems = False
        if len(own) >= 3 and all(len(text) <= 40 for text in own.values()):
            if is_indicator_header(line):
                self.in_indicators = True
                self.skip(
                    row, "the header of a block of performance indicators (not actions)", " | ".join(own.values())
                )
                return
            fields = _header_fields(line)
            if (
                _is_header(fields)
                and len(fields) >= 3
                and not any(looks_like_ref(t) or looks_like_status(t) for t in own.values())
            ):
                # A block with a header of its own (another column order): read the rows below by it.
                self.in_indicators = False
                headers = {i: t for i, t in enumerate(line) if t}
                self.use_mapping(assign_columns(headers, {}), headers)
                self.skip(row, "the header of the next block", " | ".join(own.values()))
                return
        if self.in_indicators:
            self.skip(row, "a performance indicator (not an action)", " | ".join(own.values()))
            return
        self.force_new = False
        if self.tool is not None:
            verdict = self.tool.row_kind(self, row, values, texts, cells)
            if verdict == "skip":
                return
        if self.in_key:
            self.learn_key(cells)
            self.skip(row, "a RAG key or legend", " | ".join(texts.values()))
            return
        if (
            len(own) > 1
            and kinds.is_key_heading(first_text)
            and all(looks_like_status(text) for index, text in own.items() if index != first_index)
        ):
            self.learn_key(cells)  # "Key: | Complete | On track | ...", each word in its colour
            self.skip(row, "a RAG key or legend", " | ".join(own.values()))
            return
        if kinds.is_total(first_text) and not looks_like_ref(first_text):
            self.skip(row, "a total", " | ".join(texts.values()))
            return
        numbered_heading = (
            len(own) == 1
            and (kinds.theme_row(first_text) or ("",))[0]
            and (self.merges.width_merged(row) >= 3 or self.is_bold(cells, first_index))
        )  # "1) The quality of ..." merged across the table: a theme, not a footnote "1) see ..."
        if (
            kinds.is_note(first_text)
            and self.mapping.get(min(texts)) != "action"
            or (kinds.is_note(first_text) and len(own) == 1)
        ) and not numbered_heading:
            self.skip(row, "a note", first_text)
            return
        if self.is_status_count(own):
            self.skip(row, "a count of actions by status", " | ".join(own.values()))
            return
        if self.is_status_list(own):
            self.learn_key(cells)
            self.skip(row, "a RAG key or legend", " | ".join(own.values()))
            return
        if len(own) <= 3 and self.is_key_row(own):
            self.learn_key(cells)
            self.skip(row, "a RAG key or legend", " | ".join(own.values()))
            return
        distinct = set(own.values())
        lone_index = min(own) if len(distinct) == 1 else None
        if (
            lone_index is not None
            and self.theme_has_actions
            and not self.has_refs
            and self.mapping.get(lone_index) == "action"
            and self.next_paragraph({"action": own[lone_index]}, {})
        ):
            distinct = ()  # the action's next paragraph, not a heading or the theme's objective
        if len(distinct) == 1:
            index = min(own)
            text = own[index]
            heading = (
                self.merges.width_merged(row) >= 3
                or self.is_bold(cells, index)
                or (self.after_blank and index == self.first_column and len(text) <= 80 and not text.endswith("."))
                or (self.tool is not None and self.tool.slug == "monday" and index == self.first_column)
            )
            if self.label_row(row, index, text, heading=heading):
                return
        # A number alone with a title and nothing else, merged or bold: a numbered theme row.
        ref_index = self.columns.get("ref", [None])[0]
        if (
            ref_index is not None
            and len(own) == 2
            and ref_index in own
            and re.fullmatch(r"\d{1,2}\.?|[A-H]\.?", own[ref_index])
        ):
            other = next(i for i in own if i != ref_index)
            if (self.merges.width_merged(row) >= 3 or self.is_bold(cells, other)) and len(own[other]) <= 150:
                self.start_theme(row, own[ref_index].rstrip("."), own[other])
                return
        if (
            ref_index is not None
            and len(own) == 2
            and ref_index in own
            and re.fullmatch(r"[A-Z]{1,8}\s?\d{1,3}", own[ref_index])
            and self.mapping.get(next(i for i in own if i != ref_index)) in ("action", "improvement_need", "theme")
        ):
            other = next(i for i in own if i != ref_index)
            if (
                self.merges.width_merged(row) >= 3 or self.is_bold(cells, other) or self.is_bold(cells, ref_index)
            ) and len(own[other]) <= 150:
                # "CSIP01 | Leadership and workforce" in bold, nothing else: a performance system's plan group; so is
                # "R1 | The quality of assessments" above R1.1 and R1.2, a recommendation heading its actions.
                self.start_theme(row, own[ref_index], own[other])
                return
        by_field, field_text = {}, {}
        for name, indexes in self.columns.items():
            for index in indexes:
                if index in texts:
                    by_field[name] = values[index]
                    field_text[name] = texts[index]
                    break
        theme_value = field_text.get("theme", "")
        if theme_value:
            parsed = kinds.theme_row(theme_value)
            if parsed is None:
                match = _THEME_CELL.match(theme_value)
                parsed = (
                    (match["number"], match["title"].strip()) if match and match["title"].strip() else ("", theme_value)
                )
            number, title = parsed
            same = self.theme is not None and (
                (self.theme.number == number and (not title or self.theme.title == title))
                if number
                else self.theme.title == title
            )
            if not same:
                self.start_theme(row, number, title)
        text = {name: field_text.get(name, "") for name in TEXT_FIELDS}
        text["ref"] = clean_ref(text["ref"])
        if not text["ref"] and text["action"] and not by_field.get("owners") and len(text["action"]) <= 120:
            numbered = kinds.NUMBERED_HEADING.match(text["action"]) or kinds.THEME_ROW.match(text["action"])
            parsed_heading = kinds.theme_row(text["action"]) if numbered else None
            if (
                parsed_heading
                and parsed_heading[0]
                and ("ref" in self.columns or not set(by_field) - {"action", "theme"})
            ):
                # "1. Neglect" in the action column with no ref or owner: a parent row, the theme.
                self.start_theme(row, parsed_heading[0], parsed_heading[1])
                self.skip(row, "a theme heading with roll-up values", " | ".join(texts.values()))
                return
            action_index = self.columns.get("action", [None])[0]
            if (
                self.has_refs
                and not by_field.get("progress_rag")
                and len(text["action"]) <= 80
                and action_index is not None
                and self.is_bold(cells, action_index)
                and not any(self.is_bold(cells, i) for i in self.columns.get("ref", []))
            ):
                # A bold parent row with no ref, owner or status (its dates roll up its children): a theme.
                if self.tool is not None and hasattr(self.tool, "heading_made"):
                    self.tool.heading_made(self, row)
                self.start_theme(row, "", text["action"].rstrip(":"))
                self.skip(row, "a theme heading with roll-up values", " | ".join(texts.values()))
                return
        category = kinds.category_of(text["action"]) if text["action"] and len(text["action"]) <= 60 else ""
        if category and not any(text[name] for name in TEXT_FIELDS if name not in ("ref", "action")):
            self.category = category
            return
        content = [name for name in by_field if name != "theme"]
        if not content:
            if theme_value:
                return
            self.skip(row, "nothing in the plan's columns", " | ".join(texts.values()))
            return
        if not text["action"] and not text["improvement_need"] and not text["ref"]:
            if self.current is None:
                self.skip(row, "no action text or ref", " | ".join(texts.values()))
                return
        self.ensure_theme(row)
        if (
            not text["ref"]
            and text["action"]
            and "ref" not in self.columns
            or (not text["ref"] and not self.has_refs and text["action"])
        ):
            labelled = self.list_label(text["action"])
            if labelled:
                text["ref"], text["action"] = labelled
        if (
            getattr(self, "gap_after_action", False)
            and self.has_refs
            and not text["ref"]
            and not filled_by_merge
            and not set(by_field)
            & {"owners", "due_date", "timescale", "progress_rag", "impact_rag", "sources", "owners_and_timescale"}
            and re.search(r"[\d:%]", " ".join(own.values()))
        ):
            # Below the actions, after a blank row, with no ref: a count, a sign-off or a note, not more of the action.
            self.skip(row, "a note or count below the actions", " | ".join(own.values()))
            return
        continues = (
            self.current is not None
            and not text["ref"]
            and not self.force_new
            and (
                self.has_refs
                or not text["action"]
                or all(i in filled_by_merge for i in self.columns.get("action", []))
                or self.next_paragraph(text, by_field)
            )
        )
        own_values = self.own_values(by_field, filled_by_merge)
        if continues and self.has_refs and text["action"] and own_values:
            # No ref, but its own rating, date or owner: an action of its own, never text pasted into the one above.
            text["ref"] = self.generated_ref()
            self.warn(
                row,
                f"This row has no ref but its own {' and '.join(own_values)}: imported as its own action, "
                f"ref {text['ref']} (given here). Check it is not part of the action above.",
            )
            continues = False
        if continues:
            self.fold(row, text, by_field, values, cells, filled_by_merge)
            return
        self.new_action(row, text, by_field, values, cells)

    def own_values(self, by_field, filled_by_merge):
        """What the row holds in its own cells (not filled in from a merge above) that only an action has."""
        merged = {self.mapping.get(index) for index in filled_by_merge}
        words = {"progress_rag": "rating", "impact_rag": "rating", "due_date": "date", "timescale": "date"}
        words["owners"] = "owner"
        found = []
        for name, word in words.items():
            if by_field.get(name) not in (None, "") and name not in merged and word not in found:
                if (
                    name == "owners"
                    and self.current is not None
                    and split_owners(by_field[name]) == self.current.owners
                ):
                    continue  # the same owner repeated on a continuation row
                found.append(word)
        return found if set(found) & {"rating", "date"} or len(found) > 1 else []

    def generated_ref(self):
        """A ref for an action the sheet left without one: the next number after the action above, else a letter."""
        previous = self.current.ref if self.current is not None else ""
        used = {action.ref for action in self.c.actions if action.sheet == self.sheet}
        match = re.fullmatch(r"(.*?)(\d+)", previous or "")
        if match:
            candidate = f"{match[1]}{int(match[2]) + 1}"
            if candidate not in used:
                return candidate
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if f"{previous}{letter}" not in used:
                return f"{previous}{letter}"
        return previous

    def next_paragraph(self, text, by_field):
        """With no refs, a row that carries on the action above: a Word cell's next paragraph pasted into its
        own row (a bullet, a sentence going on in lower case, or after "We will:"), with no date or rating."""
        if (
            self.current is None
            or self.current.sheet != self.sheet
            or set(by_field) & {"due_date", "timescale", "progress_rag", "impact_rag", "ref"}
        ):
            return False
        first = text["action"][:1]
        previous = (self.current.action or "").rstrip()
        return first in "•·-–*▪◦" or first.islower() or previous[-1:] in (":", ",", ";")

    def list_label(self, action):
        """ "(a) Set a standard …" under recommendation 1, with no ref column: (ref "1a", the text without its label).
        Letters join the theme's number ("1a"), roman numerals and numbers follow a dot ("2.ii", "3.1")."""
        match = _LIST_LABEL.match(action)
        if not match or not getattr(self, "theme_numbered", False) or self.theme is None:
            return None
        label = (match["a"] or match["b"]).lower()
        roman = re.fullmatch(r"[ivx]{1,4}", label) and (
            len(label) > 1 or self.last_label in ("", "roman") and label == "i" or self.last_label == "roman"
        )
        if roman:
            self.last_label = "roman"
            ref = f"{self.theme.number}.{label}"
        elif label.isdigit():
            self.last_label = "number"
            ref = f"{self.theme.number}.{label}"
        else:
            self.last_label = "letter"
            ref = f"{self.theme.number}{label}"
        return ref, action[match.end() :].strip()

    def is_status_list(self, own):
        """A row of nothing but status words ("Overdue; Neglected"), outside the status columns: a legend."""
        rag_columns = set(self.columns.get("progress_rag", [])) | set(self.columns.get("impact_rag", []))
        if (
            not own
            or len(own) > 4
            or any(index in rag_columns for index in own)
            or any(len(text) > 80 for text in own.values())
        ):
            return False
        for text in own.values():
            parts = [part for part in re.split(r"[;,/\n]", text) if part.strip()]
            if not parts or not all(
                (status := read_status(part)) is not None and status.known or (status is not None and status.closed)
                for part in parts
            ):
                return False
            if looks_like_ref(text) or len(text) > 80:
                return False
        return True

    def is_status_count(self, own):
        """ "Achieved | 1 | On track | 2": how many actions have each status (a summary, not an action)."""
        if len(own) < 3 or any(len(text) > 30 for text in own.values()):
            return False
        statuses = sum(1 for text in own.values() if looks_like_status(text) and not looks_like_ref(text))
        numbers = sum(1 for text in own.values() if re.fullmatch(r"\d+(?:\.\d+)?%?", text))
        return statuses >= 2 and numbers >= 1 and statuses + numbers == len(own)

    def is_key_row(self, own):
        """A legend row: a colour or RAG word next to what it means, with no ref."""
        texts = list(own.values())
        if len(texts) < 2 or any(len(text) > 160 for text in texts):
            return False
        rag_columns = set(self.columns.get("progress_rag", [])) | set(self.columns.get("impact_rag", []))
        for index, text in own.items():
            if (
                kinds.is_rag_word(text)
                and index not in rag_columns
                and (self.mapping.get(index) != "ref" or len(text) > 2)
            ):
                others = [t for i, t in own.items() if i != index]
                return all(
                    read_status(t) is not None and (read_status(t).known or len(t) < 100) for t in others
                ) and not any(looks_like_ref(t) for t in others)
        return False

    @staticmethod
    def is_bold(cells, index):
        if index >= len(cells):
            return False
        font = getattr(cells[index], "font", None)
        return bool(font is not None and getattr(font, "b", False))

    # -- values

    def owners_and_timescale(self, by_field, previous):
        owners_text = by_field.get("owners")
        timescale_text = clean_text(by_field.get("timescale"))
        combined = by_field.get("owners_and_timescale")
        if combined not in (None, ""):
            lead, timescale = split_lead_and_timescale(combined)
            owners_text = "\n".join(part for part in (clean_text(owners_text), lead) if part)
            timescale_text = " ".join(part for part in (timescale_text, timescale) if part)
        owners = split_owners(owners_text, previous=previous)
        if self.c.initials and any(owner in self.c.initials for owner in owners):
            # "SK/PB" with a key sheet saying who SK and PB are: their job titles are the owners.
            expanded = []
            for owner in owners:
                if owner in self.c.initials:
                    self.c.initials_used[owner] = self.c.initials[owner]
                    owner = normalise_role_title(self.c.initials[owner])
                if owner not in expanded:
                    expanded.append(owner)
            owners = expanded
        if owners_text and len(owners) > 1:
            self.c.owner_splits.setdefault(clean_text(owners_text), owners)
        for owner in owners:
            if looks_like_person(owner) or EMAIL.fullmatch(owner):
                self.c.people[owner] = self.c.people.get(owner, 0) + 1
        return owners, timescale_text

    def rag(self, row, name, values, cells):
        """(rag code or None, closed) from the field's cell: a word, letter, status or only a fill."""
        rag, closed, seen = None, False, False
        indexes = self.columns.get(name, [])
        if (
            len(indexes) > 1
            and indexes[0] < len(cells)
            and header_period(self.headers.get(indexes[0], "")) is None
            and (values[indexes[0]] if indexes[0] < len(values) else None) in (None, "")
        ):
            # The RAG column shown by colour only, beside a status column of words: the colour rates, the status
            # only says whether the action is closed.
            rgb = fill_rgb(getattr(cells[indexes[0]], "fill", None), self.palette)
            if rgb is not None and (rgb in self.fill_key or colour_rag(rgb)[0] is not None):
                self.fills_now[name] = (rgb, "")
                for index in indexes[1:]:
                    value = values[index] if index < len(values) else None
                    if value not in (None, ""):
                        status = read_status(value, self.status_extra)
                        closed = closed or bool(status and status.closed)
                return None, closed
        for index in indexes:
            value = values[index] if index < len(values) else None
            if value in (None, ""):
                continue
            seen = True
            status = read_status(value, self.status_extra)
            if not status.known and index < len(cells):
                # A dot coloured by its font ("●"), or a label of the tool's own coloured as its rating: read the colour.
                cell = cells[index]
                rgb = (
                    font_rgb(getattr(cell, "font", None), self.palette)
                    if status.label in _DOTS
                    else fill_rgb(getattr(cell, "fill", None), self.palette)
                )
                if rgb is not None:
                    self.fills_now[name] = (rgb, status.label)
                    continue
            self.c.status(name, status)
            if not status.known:
                self.warn(
                    row,
                    f"{FIELDS[name][0]} “{status.label}” is not a RAG rating or status we know (Blue, Green, Amber, Red or Grey); left empty unless you choose its RAG under “Status labels”.",
                )
                continue
            closed = closed or status.closed
            if rag is None and status.rag is not None:
                rag = status.rag.value
        if seen:
            return rag, closed
        for index in self.columns.get(name, [])[:1]:
            if index < len(cells):
                rgb = fill_rgb(getattr(cells[index], "fill", None), self.palette)
                if rgb is not None:
                    self.fills_now[name] = (rgb, "")  # read when the sheet ends, with the key wherever it sits
        return None, False

    def learn_key(self, cells):
        """A key or legend row: learn what its fill colours mean."""
        learn_key(cells, self.fill_key, read_status=read_status, theme=self.palette)

    def attach_fills(self, action, row):
        for name, (rgb, label) in self.fills_now.items():
            if getattr(action, name) is None:
                self.pending_fills.append((action, row, name, rgb, label))
        self.fills_now = {}

    def resolve_fills(self):
        """RAG cells that were only a fill: the sheet's key first, else the colour's hue; a colour
        neither places is reported (left empty), never guessed."""
        for action, row, name, rgb, label in self.pending_fills:
            if getattr(action, name) is not None:
                continue
            shown = f"“{label}” coloured #{rgb}" if label else f"Fill colour #{rgb}"
            chosen = status_key(shown)
            if chosen in self.status_extra:  # the admin said what this colour means on the preview
                rag, known = self.status_extra[chosen], True
            elif rgb in self.fill_key:
                rag, known = self.fill_key[rgb], True
            else:
                rag, known = colour_rag(rgb)
            if rag is None and known and chosen not in self.status_extra:
                continue  # white: no rating
            self.c.status(name, Status(shown, rag, known=known))
            if rag is None and known:
                continue
            if not known:
                what = f"“{label}” in a colour" if label else "only a fill colour"
                self.warn(
                    row,
                    f"{FIELDS[name][0]} is {what} (#{rgb}) that is not a RAG colour, and no key on the sheet "
                    "says what it means; left empty unless you choose its RAG under “Status labels”.",
                )
                continue
            setattr(action, name, rag.value)
        self.pending_fills = []

    def due_and_timescale(self, row, by_field, timescale):
        due = None
        raw = by_field.get("due_date")
        if raw not in (None, ""):
            due = parse_due_date(raw)
            if due is not None and isinstance(raw, (int, float)) and not isinstance(raw, bool):
                if due < datetime.date.today() - datetime.timedelta(days=365):
                    # A bare number read as a spreadsheet serial date: a date long past is more likely a count or a code.
                    self.warn(
                        row,
                        f"The due date was the number {raw:g}, read as a spreadsheet date: {due:%-d %B %Y}, "
                        "long past. Check it is a date.",
                    )
            if due is None:
                written = clean_text(raw)
                if not timescale:
                    timescale = written
                if not NOT_A_DATE.match(written) and month_without_year(written) is None:
                    self.warn(row, f"The due date “{written}” could not be read.")
        if due is None and timescale:
            due = parse_due_date(timescale)
            if due is None:
                due = self.due_in_plan_year(row, timescale)
            if due is None and not NOT_A_DATE.match(timescale) and raw in (None, ""):
                self.warn(row, f"No due date could be read from the timescale “{timescale}”; kept as written.")
        return due, timescale

    def due_in_plan_year(self, row, timescale):
        """ "End of March" gives no year: with the plan's financial year in its title ("Plan 2025-26") it is that
        year's March, and the row says so for the admin to check; with none, no due date is read."""
        month = month_without_year(timescale)
        start = self.c.plan_year
        if month is None:
            return None
        if start is None:
            self.warn(
                row,
                f"The timescale “{timescale}” names no year, and the plan's title gives no financial year to read it "
                "in; kept as written with no due date.",
            )
            return None
        due = in_financial_year(start, *month)
        if due is not None:
            self.warn(
                row,
                f"The timescale “{timescale}” names no year: read as {due:%-d %B %Y}, in the plan's year "
                f"{start}-{(start + 1) % 100:02d} (from its title). Check it.",
            )
        return due

    def new_action(self, row, text, by_field, values, cells):
        from plans.importing.reading import ParsedAction

        previous_owners = self.c.actions[-1].owners if self.c.actions else []
        owners, timescale = self.owners_and_timescale(by_field, previous_owners)
        source_text, finding = source_and_finding(by_field.get("sources"))
        if finding and finding not in text["improvement_need"]:
            # "Para 12: thresholds not consistently applied": the paragraph is the source, the words its finding.
            text["improvement_need"] = "\n".join(part for part in (text["improvement_need"], finding) if part)
        sources, orphans = parse_sources(source_text, self.c.spellings, default_code=self.source_code)
        if orphans:
            self.warn(row, f"Source paragraph {', '.join(orphans)} has no source code before it; not linked.")
        due, timescale = self.due_and_timescale(row, by_field, timescale)
        progress, closed = self.rag(row, "progress_rag", values, cells)
        if progress is None and self.percent_index is not None and self.percent_index < len(values):
            progress = _percent_rag(values[self.percent_index])
        impact, impact_closed = self.rag(row, "impact_rag", values, cells)
        note_value, note_index = self.value(values, "latest_note")
        period = header_period(self.headers.get(note_index, "")) if note_index is not None else None
        if isinstance(by_field.get("ref"), float) and self.current is not None and self.current.sheet == self.sheet:
            text["ref"] = _float_ref(text["ref"], self.current.ref)
        action = ParsedAction(
            row=row,
            theme=self.theme.number,
            ref=text["ref"],
            improvement_need=text["improvement_need"],
            action=text["action"],
            category=(kinds.category_of(clean_text(by_field.get("category"))) if "category" in by_field else "")
            or self.category,
            owners=owners,
            sources=sources,
            timescale=timescale[:300],
            due_date=due,
            expected_impact=text["expected_impact"],
            measures=text["measures"],
            reporting_mechanism=text["reporting_mechanism"],
            output=text["output"],
            progress_rag=progress,
            impact_rag=impact,
            latest_note=text["latest_note"],
            closed=closed or impact_closed,
            note_period=period_slug(period),
            sheet=self.sheet,
        )
        if action.ref:
            key = (self.theme.number, action.ref)
            if action.ref in self.c.refs_seen and self.c.refs_seen[action.ref][1] == self.sheet:
                self.warn(
                    row,
                    f"Ref {action.ref} is used again (first on row {self.c.refs_seen[action.ref][0]}); both actions are kept, in order.",
                )
            elif action.ref not in self.c.refs_seen:
                self.c.refs_seen[action.ref] = (row, self.sheet)
            del key
        self.current = action
        self.gap_after_action = False
        if self.fills_now:
            self.attach_fills(action, row)
        self.theme_has_actions = True
        self.actions_read += 1
        self.c.actions.append(action)

    def fold(self, row, text, by_field, values, cells, filled_by_merge):
        """A row with no ref continues the action above: its own text is added on new lines."""
        action = self.current
        merged_fields = {self.mapping.get(index) for index in filled_by_merge}
        for name in TEXT_FIELDS:
            if name != "ref" and text[name] and name not in merged_fields and text[name] != getattr(action, name):
                joined = "\n".join(part for part in (getattr(action, name), text[name]) if part)
                setattr(action, name, joined)
        if "owners" not in merged_fields:
            owners, timescale = self.owners_and_timescale(by_field, action.owners)
            for owner in owners:
                if owner not in action.owners:
                    action.owners.append(owner)
        else:
            timescale = clean_text(by_field.get("timescale"))
        if timescale and not text["timescale"] and "timescale" not in merged_fields:
            action.timescale = " ".join(part for part in (action.timescale, timescale) if part)[:300]
        action.timescale = action.timescale[:300]
        sources, _orphans = parse_sources(by_field.get("sources"), self.c.spellings, default_code=self.source_code)
        for source in sources:
            if source not in action.sources:
                action.sources.append(source)
        if action.due_date is None:
            action.due_date = (
                parse_due_date(by_field["due_date"]) if by_field.get("due_date") not in (None, "") else None
            )
        if action.due_date is None and action.timescale:
            action.due_date = parse_due_date(action.timescale)
        for name in ("progress_rag", "impact_rag"):
            if getattr(action, name) is None:
                rag, closed = self.rag(row, name, values, cells)
                setattr(action, name, rag)
                action.closed = action.closed or closed
        if self.fills_now:
            self.attach_fills(action, row)
