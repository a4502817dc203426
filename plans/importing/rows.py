"""What a row is: theme, theme field (Lead:, Objective:, Why this matters), category, note, key or
legend, total, repeated page header, action or continuation. Pure functions of the row's texts and
features; sheets.py walks the rows and acts on the kinds.
"""

import re

from plans.importing.cleaning import normalise_label

CATEGORY_LABELS = {
    "business fundamentals": "business_fundamental",
    "business fundamental": "business_fundamental",
    "business as usual": "business_fundamental",
    "bau": "business_fundamental",
    "core business": "business_fundamental",
    "business as usual actions": "business_fundamental",
    "business as usual bau": "business_fundamental",
    "change priorities": "change_priority",
    "change priority": "change_priority",
    "step change priorities": "change_priority",
    "step change priority": "change_priority",
    "change priorities actions": "change_priority",
    "transformation priorities": "change_priority",
}

_SPELLED = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
}
_NUMBER = r"(?P<number>\d{1,2}(?:\.\d{1,2})?[a-z]?|[A-H]\b|[IVX]{1,4}\b|(?:" + "|".join(_SPELLED) + r")\b)"
THEME_WORDS = (
    r"areas? for priority action|priority action|areas? of significant weakness|significant weakness|"
    r"areas? of weakness|improvement target|target|pledge|commitment|goal|"
    r"theme|area for improvement|areas for improvement|area of improvement|improvement area|strategic aim|aim|"
    r"priority|key priority|strategic priority|recommendation|section|outcome|workstream|work stream|strand|"
    r"objective|strategic objective|domain|pillar|key line of enquiry|kloe|area|part|improvement priority|"
    r"finding|area for development|areas for development|"
    r"thema|blaenoriaeth|argymhelliad"  # Welsh: theme, priority, recommendation
)
THEME_ROW = re.compile(
    r"^(?P<word>" + THEME_WORDS + r")\s*(?:no\.?\s*)?" + _NUMBER + r"?\s*(?P<sep>[:.\-–—)]|\s)?\s*(?P<title>.*)$",
    re.I | re.S,
)
NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,2}|[A-H])[.):]\s+(?P<title>\D.{3,})$", re.S)
THEME_FIELD = re.compile(
    r"^(?P<label>theme lead|lead officer|lead|leads|senior responsible officer|sro|responsible lead|accountable lead|"
    r"objective|objectives|aim|why this matters|why this is important|why is this important|rationale|context|"
    r"outcomes?|expected outcomes?|what success looks like|what good looks like|success will look like|"
    r"intended outcomes?|our ambition|ambition)\s*[:\-–]\s*(?P<value>.*)$",
    re.I | re.S,
)
NOTE_ROW = re.compile(
    r"^(?:n\.?\s?b\.?\b|note\b|notes\b|please\b|\*|†|‡|[¹²³⁴⁵⁶⁷⁸⁹]|generated (?:on|by)\b|source\s*:|sources\s*:|version\b|last updated|updated\b|"
    r"date updated|printed|page \d+|produced by|document owner|prepared by|status as at|as at\b|correct as at|"
    r"this plan\b|this document\b|for information|footnote|\(\d\)|\[\d\]|\d\)\s|see also|©|copyright|"
    r"classification|official\b|protect\b|restricted\b|draft\b|end of (?:plan|document|report))",
    re.I,
)
KEY_ROW = re.compile(
    r"^(?:(?:rag|action|status|icon|progress)\s+)?(?:key|legend|rag key|rag rating key|status key|rating key|key to rag|rag definitions?|definitions|status|statuses|status icons?)\b\s*[:\-–]?\s*$|^(?:rag\s+)?(?:key|legend)\b",
    re.I,
)
TOTAL_ROW = re.compile(
    r"^(?:sub[\s\-]?totals?|grand totals?|totals?|overall totals?|count|number of actions|no\.? of actions|summary|% complete)\b",
    re.I,
)
RAG_COLOUR_WORD = re.compile(
    r"^(?:b|g|a|r|gr|blue|green|amber|red|grey|gray|yellow|black|purple|complete|completed)$", re.I
)

# "Thema 1 / Theme 1: …", "Blaenoriaeth 2 / Priority 2 –": a heading's label written in two languages, the same
# number in both halves (Welsh councils' bilingual plans). The second label is read.
_BILINGUAL_LABEL = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?P<n>\d{1,2}|[A-H])\s*/\s*(?=[^\W\d_]+\s+(?P=n)\b)")


def category_of(text):
    """ "Business as usual" → business_fundamental; "Change priorities" → change_priority; else ""."""
    label = normalise_label(text or "")
    if label in CATEGORY_LABELS:
        return CATEGORY_LABELS[label]
    label = re.sub(r"^(?:[a-z]|\d+|[ivx]+)\s+", "", label)  # "A. Business as usual"
    label = re.sub(r"\s+(?:actions?|priorities only)$", "", label)
    return CATEGORY_LABELS.get(label, "")


def theme_row(text, *, strict=False):
    """(number, title) when a lone text is a theme heading ("THEME 2 – Workforce", "Priority 3:",
    "SECTION B – Early help", "Recommendation 4: ...", "2. Early help"), else None."""
    text = text.strip()
    if len(text) > 400:
        return None
    bilingual = _BILINGUAL_LABEL.match(text)
    if bilingual:
        text = text[bilingual.end() :]  # "Thema 1 / Theme 1: ...": the label given in two languages, read once
    match = THEME_ROW.match(text)
    if match and (match["number"] or match["sep"] in (":", "–", "—", "-")):
        title = match["title"].strip(" :-–—.")
        word = match["word"].lower()
        if (
            word in {"objective", "outcome", "aim", "area", "part", "finding", "recommendation", "target", "goal"}
            or word in {"pledge", "commitment", "priority action", "improvement target"}
        ) and not match["number"]:
            return None
        if not match["number"] and not title:
            return None
        if strict and not match["number"]:
            return None
        number = match["number"] or ""
        return (_SPELLED.get(number.lower(), number), title)  # "Priority One:" is priority 1
    match = NUMBERED_HEADING.match(text)
    if match and len(text) <= 200:
        return (match["number"], match["title"].strip())
    return None


def theme_field(text):
    """("lead" | "objective" | "outcomes", value) for "Lead: ...", "Why this matters: ...", else None."""
    match = THEME_FIELD.match(text.strip())
    if not match:
        return None
    label = match["label"].lower()
    if any(word in label for word in ("lead", "sro", "responsible")):
        return ("lead", match["value"].strip())
    if any(word in label for word in ("outcome", "success", "good looks")):
        return ("outcomes", match["value"].strip())
    return ("objective", match["value"].strip())


def is_note(text):
    return bool(NOTE_ROW.match(text.strip()))


def is_key_heading(text):
    return bool(KEY_ROW.match(text.strip())) and len(text) < 300


# "Actions in theme: 3", "Number complete = 4", "Completed: 50%": a label and a count, a sub-total.
COUNT_ROW = re.compile(r"^[A-Za-z][^:=\n]{2,60}[:=]\s*\d+(?:\.\d+)?\s*%?\s*(?:actions?)?\.?$", re.I)


def is_total(text):
    text = text.strip()
    return bool(TOTAL_ROW.match(text) or (COUNT_ROW.match(text) and not THEME_FIELD.match(text)))


def is_rag_word(text):
    return bool(RAG_COLOUR_WORD.match(text.strip()))


SUBITEMS = re.compile(r"^(?:sub-?items?|sub-?tasks?|checklist(?: items?)?|milestones?)$", re.I)
CODED_HEADING = re.compile(
    r"^(?P<code>[A-Z]{2,8})\s?(?P<number>[A-Z]?\d{1,2}(?:\.\d{1,2})?)\s*[:\-–—.]?\s+(?P<title>[A-Za-z].{2,})$", re.S
)


def is_subitems_heading(text):
    """ "Subitems", "Sub-tasks", "Checklist": the header of a block of steps under an action."""
    return bool(SUBITEMS.match(text.strip()))


def coded_heading(text):
    """("P2", "Practice") for a tool's group row "CSIP P2 Practice with children", else None."""
    match = CODED_HEADING.match(text.strip())
    if not match:
        return None
    return (match["number"], match["title"].strip())
