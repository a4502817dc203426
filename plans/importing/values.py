"""What one cell's value means: a status or RAG on the five-point scale, a ref, a reporting period,
a person (rather than a role). Pure functions, no database; cleaning.py holds text, owners, sources
and dates.
"""

import datetime
import functools
import re

from plans.importing.cleaning import clean_text
from plans.rag import Rag

# ---------------------------------------------------------------- statuses

# Every way plans and tools write a status, by what it means on the scale. Keys are compared
# lower case with punctuation made spaces ("on-track" is "on track").
STATUS_WORDS = {
    Rag.BLUE: [
        "b",
        "blue",
        "complete",
        "completed",
        "done",
        "achieved",
        "delivered",
        "finished",
        "met",
        "fully met",
        "embedded",
        "completed and embedded",
        "complete embedded",
        "closed complete",
        "complete and closed",
        "completed closed",
        "evidenced",
        "impact evidenced",
        "fully achieved",
        "100",
        "100 complete",
        # Welsh (bilingual plans of Welsh councils and partnerships)
        "glas",
        "wedi i gwblhau",
        "wedi ei gwblhau",
        "cwblhawyd",
        "cyflawnwyd",
    ],
    Rag.GREEN: [
        "g",
        "green",
        "on track",
        "on target",
        "on schedule",
        "in progress",
        "progressing",
        "progressing well",
        "good progress",
        "working on it",
        "ongoing on track",
        "ok",
        "started",
        "underway",
        "under way",
        "in hand",
        "on time",
        "progressing as expected",
        "active",
        "gwyrdd",
        "ar y trywydd",
        "ar y trywydd iawn",
    ],
    Rag.AMBER: [
        "a",
        "amber",
        "yellow",
        "at risk",
        "some slippage",
        "slippage",
        "slipping",
        "partially",
        "partially met",
        "partially complete",
        "partially achieved",
        "partly met",
        "minor delay",
        "minor slippage",
        "behind",
        "behind schedule",
        "check progress",
        "warning",
        "needs attention",
        "requires attention",
        "some risk",
        "off track recoverable",
        "in progress at risk",
        "on hold",
        "paused",
        "under review",
        "in review",
        "awaiting review",
        "waiting for review",
        "needs review",
        "minor concern",
        "some concerns",
        "partially on track",
        "slightly behind",
        "ambr",
        "oren",
    ],
    Rag.RED: [
        "r",
        "red",
        "off track",
        "delayed",
        "not on track",
        "overdue",
        "late",
        "stuck",
        "blocked",
        "significant slippage",
        "not met",
        "not achieved",
        "alert",
        "critical",
        "at risk of not being met",
        "serious concern",
        "failed",
        "missed",
        "significantly off track",
        "significantly behind",
        "needs help",
        "coch",
        "oddi ar y trywydd",
        "help needed",
        "major concern",
        "not achieved on time",
        "escalated",
    ],
    Rag.GREY: [
        "gr",
        "grey",
        "gray",
        "not started",
        "not yet started",
        "not yet due",
        "not due",
        "not due yet",
        "future",
        "planned",
        "pending",
        "to do",
        "todo",
        "upcoming",
        "scheduled",
        "not begun",
        "new",
        "not yet begun",
        "unknown",
        "data only",
        "assigned",
        "not yet",
        "not commenced",
        "yet to start",
        "not yet commenced",
        "llwyd",
        "heb ddechrau",
        "heb ei ddechrau",
        "heb gychwyn",
    ],
}
# Statuses that say an action is open or live: no rating of their own.
OPEN_WORDS = {"open", "live", "opened", "reopened", "re opened", "in place", "n a", "na", "tbc"}
CLOSED_WORDS = {
    "cancelled",
    "canceled",
    "withdrawn",
    "closed",
    "no longer required",
    "superseded",
    "removed",
    "deleted",
    "merged",
    "not required",
    "closed cancelled",
    "dropped",
    "complete and closed",
    "closed complete",
    "completed closed",
}
_STATUS = {word: rag for rag, words in STATUS_WORDS.items() for word in words}


def status_key(value):
    text = clean_text(value).lower().replace("%", " ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


class Status:
    """A status cell read: `rag` (a Rag or None), `closed` (cancelled, withdrawn, closed),
    `known` (False when the value could not be mapped: shown to the admin, never guessed)."""

    __slots__ = ("rag", "closed", "known", "label")

    def __init__(self, label, rag=None, closed=False, known=True):
        self.label, self.rag, self.closed, self.known = label, rag, closed, known

    def __repr__(self):
        return f"Status({self.label!r}, {self.rag}, closed={self.closed}, known={self.known})"


def read_status(value, extra=None):
    """See _read_status; cached by the cell's text (plans repeat a handful of statuses)."""
    if value is None or value == "":
        return None
    label = clean_text(value)
    if len(label) > 120:
        return Status(label, None, known=False)
    return _read_status_cached(label, tuple(sorted(extra.items())) if extra else ())


@functools.lru_cache(maxsize=4096)
def _read_status_cached(label, extra_items):
    return _read_status(label, dict(extra_items) if extra_items else None)


def _read_status(value, extra=None):
    """Map a status, RAG word, letter or "word - suffix" to the scale.

    `extra` maps status_key → Rag for labels a tool or the sheet's own key defines.
    Returns None for an empty cell.
    """
    label = clean_text(value)
    key = status_key(label)
    if not key:
        symbol = _SYMBOLS.get(label.replace("\ufe0f", "").strip())
        return Status(label, symbol, known=symbol is not None) if label else None
    extra = extra or {}
    if key in extra:
        return Status(label, extra[key], closed=key in CLOSED_WORDS)
    if re.match(r"\(?[a-z]\)\s+\w", label, re.I) and key not in _STATUS:
        # "a) agree the data set": a list label, not the letter A of a rating; read what follows it.
        rest = _read_status(re.sub(r"^\(?[a-z]\)\s+", "", label, flags=re.I), extra)
        return Status(
            label, rest.rag if rest else None, closed=bool(rest and rest.closed), known=bool(rest and rest.known)
        )
    if key in CLOSED_WORDS:
        complete = any(word.startswith("complete") for word in key.split())  # "Closed - complete" is Blue
        return Status(label, _STATUS.get(key) if complete else None, closed=True)
    if key in OPEN_WORDS:
        return Status(label, None)
    if key in _STATUS:
        return Status(label, _STATUS[key])
    # "Blue - complete", "Green (on track)", "Status: Amber", "R - delayed": try the parts.
    parts = [status_key(part) for part in re.split(r"\s[-–—:/]\s|[-–—:()/\n]|\s{2,}", label) if status_key(part)]
    if len(parts) >= 2 and parts[0] in _SPLIT_RATINGS and parts[1] in _SPLIT_RATINGS:
        # "A/R", "Amber/Green", "Amber-Red: two homes delayed": a rating between two counts as its weaker part,
        # so the board sees the risk.
        return Status(label, min((_STATUS[part] for part in parts[:2]), key=lambda rag: rag.rank))
    for part in parts:
        if part in extra:
            return Status(label, extra[part], closed=part in CLOSED_WORDS)
        if part in CLOSED_WORDS:
            # "Closed - complete": closed, and rated by the other part when it rates ("complete" is Blue).
            rated = [_STATUS[other] for other in parts if other != part and other in _STATUS and len(other) > 2]
            return Status(label, rated[0] if rated else None, closed=True)
        if part in _STATUS and (len(part) > 2 or len(parts) > 1):
            return Status(label, _STATUS[part])
    words = key.split()
    if (
        words
        and words[0] in _STATUS
        and len(words[0]) > 2
        and words[0] in {"blue", "green", "amber", "red", "grey", "gray", "yellow"}
    ):
        return Status(label, _STATUS[words[0]])  # "Green on track"
    for size in (3, 2):
        head = " ".join(words[:size])
        if len(words) > size and head in _STATUS:
            return Status(label, _STATUS[head])  # "On track but watch recruitment"
    for phrase, rag in _PHRASES:
        if f" {phrase} " in f" {key} ":
            return Status(label, rag)  # "Significantly off track", "Broadly on track"
    return Status(label, None, known=False)


_SPLIT_RATINGS = {"b", "g", "a", "r", "blue", "green", "amber", "red"}
_PHRASES = [("not on track", Rag.RED), ("off track", Rag.RED), ("behind schedule", Rag.AMBER), ("on track", Rag.GREEN)]
# Ticks and coloured circles typed or pasted into a RAG cell.
_SYMBOLS = {
    "✓": Rag.BLUE,
    "✔": Rag.BLUE,
    "☑": Rag.BLUE,
    "✅": Rag.BLUE,
    "🟢": Rag.GREEN,
    "🟡": Rag.AMBER,
    "🟠": Rag.AMBER,
    "🔴": Rag.RED,
    "🔵": Rag.BLUE,
    "⚪": Rag.GREY,
    "⚫": None,
}


def looks_like_status(value):
    status = read_status(value)
    return status is not None and status.known


# ---------------------------------------------------------------- refs

_REF = re.compile(
    r"^(?:(?:action|ref|no|item|rec|recommendation)\.?\s*)?"
    r"(?:[A-Z]{2,6}\s?\d{1,3}(?:\.\d{1,3}){1,3}[a-z]?|\d{1,3}(?:[.\-]\d{1,3}){0,3}[a-z]?|[A-Z]{1,2}[.\-]?\d{1,3}(?:[.\-]\d{1,3}){0,2}[a-z]?|\d{1,3}\.?[a-z]|[A-Z]\.?)[.)]?$",
    re.I,
)


def looks_like_ref(text):
    """ "1.1", "1.1.2", "1a", "A1", "B3a", "E.1", "Action 3", "2)": a short ref, not a sentence."""
    text = clean_text(text)
    return bool(text) and len(text) <= 16 and bool(_REF.match(text))


def clean_ref(text):
    """ "1.1." and "2)" are refs 1.1 and 2; "Action 3" stays as written."""
    text = clean_text(text)
    if text[-1:] in (".", ")") and re.fullmatch(r"[\w.\-]*\w[.)]", text):
        return text[:-1]
    return text.rstrip(".)") if re.match(r"^[\w.\-]+[.)]$", text) else text


# ---------------------------------------------------------------- periods

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_WORD = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s*'?(\d{4}|\d{2})?\b",
    re.I,
)
_QUARTER = re.compile(r"\bQ([1-4])\s*(?:FY\s*)?(?:(\d{4})\s*[/\-]\s*(\d{2,4})|(\d{4})|(\d{2})/(\d{2}))?\b", re.I)


def _full_year(text):
    year = int(text)
    return year + 2000 if year < 100 else year


@functools.lru_cache(maxsize=1024)
def header_period(text):
    """The reporting period a header names ("Update Sept 2024", "Progress Q2 2024/25", "RAG June"):
    (year or None, month) of the period's last month, or None."""
    text = clean_text(text)
    match = _QUARTER.search(text)
    if match:
        quarter = int(match[1])
        if match[2] or match[5]:  # a financial year: Q1 is April to June
            start = _full_year(match[2] or match[5])
            month = {1: 6, 2: 9, 3: 12, 4: 3}[quarter]
            return (start + 1 if quarter == 4 else start, month)
        if match[4]:
            return (int(match[4]), quarter * 3)
        return (None, {1: 6, 2: 9, 3: 12, 4: 3}[quarter])
    match = _MONTH_WORD.search(text)
    if match:
        month = _MONTHS[match[1][:4].lower() if match[1].lower().startswith("sept") else match[1][:3].lower()]
        return (_full_year(match[2]) if match[2] else None, month)
    return None


def period_slug(period):
    if not period or period[0] is None:
        return ""
    return f"{period[0]:04d}-{period[1]:02d}"


def period_order(period, position):
    """Sort key for period columns: by date where the year is known, else by position."""
    if not period:
        return (0, 0, position)
    year, month = period
    return (year or 0, month if year else 0, position)


# ---------------------------------------------------------------- people

EMAIL = re.compile(r"[\w.+'\-]+@[\w\-]+(?:\.[\w\-]+)+")
NAMED_EMAIL = re.compile(r"[A-Za-z][\w.'’\- ]{1,60}?\s*[<(\[]\s*" + EMAIL.pattern + r"\s*[>)\]]")
ORGANISATION_WORDS = {
    "health",
    "council",
    "police",
    "trust",
    "nhs",
    "icb",
    "ccg",
    "school",
    "schools",
    "college",
    "university",
    "hospital",
    "constabulary",
    "foundation",
    "partnership",
    "probation",
    "academy",
    "borough",
    "county",
    "authority",
    "services",
    "service",
    "board",
    "team",
    "unit",
    "centre",
    "center",
    "department",
    "directorate",
}
_ROLE_WORDS = {
    "manager",
    "director",
    "head",
    "officer",
    "lead",
    "chair",
    "worker",
    "nurse",
    "doctor",
    "inspector",
    "superintendent",
    "coordinator",
    "co-ordinator",
    "adviser",
    "advisor",
    "consultant",
    "practitioner",
    "executive",
    "chief",
    "principal",
    "assistant",
    "deputy",
    "senior",
    "team",
    "group",
    "panel",
    "board",
    "partnership",
    "service",
    "services",
    "administrator",
    "analyst",
    "commissioner",
    "designated",
    "named",
    "interim",
    "acting",
    "social",
    "business",
    "safeguarding",
    "quality",
    "performance",
    "all",
    "strategic",
}


@functools.lru_cache(maxsize=4096)
def looks_like_person(text):
    """A person's name or email ("Jane Smith", "j.smith@council.gov.uk", "Mary-Ann O'Neill"), not a role."""
    text = clean_text(text).strip()
    if EMAIL.fullmatch(text):
        return True
    named = NAMED_EMAIL.fullmatch(text)
    if named:  # "Bob Jones <bob.jones@council.gov.uk>": a name with an email is a person
        return True
    surname_first = re.fullmatch(r"([A-Z][\w'’\-]+),\s*([A-Z][\w'’\-]+(?:\s+[A-Z]\.?)?)", text)
    if surname_first:
        text = f"{surname_first[2]} {surname_first[1]}"  # "Patel, Anita": a directory's display name, surname first
    words = text.split()
    if not 2 <= len(words) <= 3:
        return False
    if any(w.lower().strip(".,") in _ROLE_WORDS | ORGANISATION_WORDS for w in words):
        return False
    return all(
        re.fullmatch(r"(?:[A-Z][a-z'’\-]+(?:-[A-Z][a-z]+)?|[A-Z]\.?|(?:Mc|Mac|O['’])[A-Z][a-z]+)", w) for w in words
    )


def looks_like_date(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return True
    from plans.importing.cleaning import parse_due_date

    text = clean_text(value)
    return bool(text) and len(text) <= 40 and parse_due_date(text) is not None
