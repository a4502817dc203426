"""Which column holds what: each column gets a score for each field from its header's words (their
variants, qualifiers and abbreviations) and from what its cells hold (RAG words or statuses, dates,
refs, sources, long text); the best-scoring assignment wins, each field once (a progress note or
RAG column per period may repeat). Pure functions.
"""

import functools
import re

from plans.importing.cleaning import clean_text, normalise_label
from plans.importing.values import header_period, looks_like_date, looks_like_ref, looks_like_status

# field: (label shown to the admin, whole-header phrases that mean it)
FIELDS = {
    "theme": (
        "Theme",
        [
            "theme",
            "area for improvement",
            "areas for improvement",
            "strategic aim",
            "aim",
            "priority area",
            "workstream",
            "strand",
            "priority",
            "bucket",
            "bucket name",
            "group",
            "section",
            "theme title",
            "key priority",
        ],
    ),
    "ref": (
        "Ref",
        [
            "ref",
            "ref no",
            "action no",
            "action number",
            "no",
            "number",
            "action ref",
            "reference no",
            "item",
            "id",
            "task id",
            "code",
            "action id",
            "wbs",
            "#",
            "action code",
        ],
    ),
    "improvement_need": (
        "Improvement need",
        [
            "improvement need",
            "improvement needs",
            "need",
            "what needs to improve",
            "area of weakness",
            "recommendation",
            "issue",
            "finding",
            "weakness",
            "what we need to improve",
            "areas for development",
            "requirement",
        ],
    ),
    "action": (
        "Action",
        [
            "action",
            "actions",
            "action text",
            "action required",
            "actions required",
            "what we will do",
            "activity",
            "task",
            "task name",
            "name",
            "title",
            "action title",
            "actions to be taken",
            "what",
            "item name",
            "milestone",
            "deliverable action",
            "description of action",
        ],
    ),
    "category": ("Category", ["category", "type", "action type"]),
    "sources": (
        "Sources (derived from)",
        [
            "derived from",
            "reference to",
            "references",
            "source",
            "sources",
            "reference",
            "ofsted ref",
            "inspection ref",
            "jtai ref",
            "letter ref",
            "in ref",
            "report paragraph",
            "para",
            "paragraph",
        ],
    ),
    "owners": (
        "Owners",
        [
            "action owner",
            "action owners",
            "owner",
            "owners",
            "lead",
            "leads",
            "lead person",
            "lead persons",
            "lead officer",
            "responsible",
            "responsible officer",
            "who",
            "assigned to",
            "assignee",
            "person",
            "people",
            "resource names",
            "accountable",
            "by whom",
        ],
    ),
    "owners_and_timescale": (
        "Lead and timescale",
        [
            "lead and timescale",
            "lead timescale",
            "owner and timescale",
            "lead and date",
            "owner and deadline",
            "who and when",
        ],
    ),
    "timescale": (
        "Timescale",
        [
            "timescale",
            "timescales",
            "deadline",
            "by when",
            "when",
            "timeframe",
            "time frame",
            "target",
            "timing",
            "timeline",
            "time line",
        ],
    ),
    "due_date": (
        "Due date",
        [
            "due date",
            "due",
            "target date",
            "completion date",
            "end date",
            "finish",
            "end",
            "date due",
            "deadline date",
            "revised due date",
            "date",
        ],
    ),
    "expected_impact": (
        "Expected impact",
        [
            "expected impact",
            "expected impact outcome",
            "expected outcome",
            "outcome",
            "outcomes",
            "impact",
            "intended impact",
            "intended outcome",
            "what difference will it make",
            "success looks like",
            "what good looks like",
        ],
    ),
    "measures": (
        "Measures of success",
        [
            "measures",
            "measure",
            "measures of success",
            "measure of success",
            "impact measure",
            "impact measures",
            "success measures",
            "success criteria",
            "evidence of success",
            "evidence",
            "kpi",
            "kpis",
            "performance indicator",
            "how will we know",
            "how we will measure",
        ],
    ),
    "reporting_mechanism": (
        "Reporting mechanism",
        [
            "reporting mechanism",
            "reporting mechanisms",
            "reporting",
            "reported to",
            "governance",
            "oversight",
            "monitoring",
        ],
    ),
    "output": ("Output", ["output", "outputs", "deliverable", "deliverables"]),
    "latest_note": (
        "Progress note",
        [
            "progress to date",
            "review note for this period",
            "review note",
            "progress note",
            "latest note",
            "progress update",
            "update",
            "progress",
            "comments",
            "commentary",
            "notes",
            "note",
            "narrative",
            "current position",
            "position statement",
            "latest update",
        ],
    ),
    "progress_rag": (
        "Progress RAG",
        [
            "rag",
            "progress rag",
            "rag rating",
            "rag status",
            "status",
            "rating",
            "r a g",
            "progress status",
            "progress rating",
            "current rag",
            "overall rag",
            "delivery rag",
            "rag progress",
            "traffic light",
            "state",
        ],
    ),
    "impact_rag": ("Impact RAG", ["impact rag", "impact rating", "rag impact", "impact status", "impact rag rating"]),
}
# Fields several columns may share: one column per reporting period ("Update June", "Update Sept").
PERIOD_FIELDS = {"latest_note", "progress_rag", "impact_rag"}

# Single words (after variants) and what they suggest, with a weight.
WORDS = {
    "theme": {
        "theme": 8,
        "themes": 8,
        "priority": 5,
        "priorities": 5,
        "workstream": 7,
        "strand": 7,
        "aim": 5,
        "bucket": 8,
        "section": 4,
        "area": 3,
        "domain": 5,
        "pillar": 6,
        "objective": 3,
        "group": 3,
        "programme": 3,
    },
    "ref": {"ref": 7, "no": 5, "number": 5, "id": 6, "code": 4, "wbs": 6, "item": 2, "#": 6, "num": 5},
    "improvement_need": {
        "need": 7,
        "needs": 7,
        "weakness": 6,
        "issue": 5,
        "issues": 5,
        "recommendation": 6,
        "recommendations": 6,
        "finding": 4,
        "findings": 4,
        "requirement": 5,
        "improve": 3,
        "concern": 4,
        "gap": 4,
    },
    "action": {
        "action": 6,
        "actions": 6,
        "activity": 6,
        "activities": 6,
        "task": 6,
        "tasks": 6,
        "do": 3,
        "deliver": 3,
        "name": 2,
        "title": 2,
        "step": 5,
        "steps": 5,
        "milestone": 4,
        "intervention": 5,
        "what": 2,
    },
    "category": {"category": 7, "type": 4, "kind": 4, "classification": 5},
    "sources": {
        "source": 7,
        "sources": 7,
        "derived": 7,
        "ofsted": 6,
        "inspection": 5,
        "jtai": 7,
        "ilacs": 7,
        "letter": 5,
        "paragraph": 6,
        "para": 6,
        "paras": 6,
        "report": 3,
        "reference": 4,
        "references": 5,
        "in": 0,
        "judgement": 4,
        "finding": 3,
        "findings": 3,
        "recommendation": 2,
        "wsoa": 6,
    },
    "owners": {
        "owner": 8,
        "owners": 8,
        "lead": 6,
        "leads": 6,
        "responsible": 8,
        "officer": 4,
        "who": 6,
        "accountable": 7,
        "person": 5,
        "persons": 5,
        "people": 5,
        "assigned": 8,
        "assignee": 8,
        "resource": 5,
        "resources": 4,
        "manager": 3,
        "sro": 7,
        "whom": 6,
        "champion": 4,
    },
    "timescale": {
        "timescale": 8,
        "timescales": 8,
        "deadline": 7,
        "when": 6,
        "timeframe": 8,
        "timing": 6,
        "timeline": 7,
        "target": 3,
        "by": 1,
        "completion": 3,
    },
    "due_date": {
        "due": 8,
        "date": 4,
        "end": 3,
        "finish": 6,
        "completion": 4,
        "deadline": 5,
        "target": 3,
        "revised": 2,
        "by": 1,
    },
    "expected_impact": {
        "impact": 6,
        "outcome": 6,
        "outcomes": 6,
        "expected": 3,
        "intended": 3,
        "difference": 5,
        "benefit": 4,
        "benefits": 4,
        "look": 2,
        "good": 1,
    },
    "measures": {
        "measure": 7,
        "measures": 7,
        "success": 5,
        "evidence": 6,
        "kpi": 7,
        "kpis": 7,
        "indicator": 6,
        "indicators": 6,
        "criteria": 5,
        "metric": 6,
        "metrics": 6,
        "know": 3,
        "target": 2,
        "data": 2,
    },
    "reporting_mechanism": {
        "reporting": 7,
        "mechanism": 6,
        "governance": 5,
        "reported": 6,
        "oversight": 5,
        "monitoring": 4,
        "monitored": 4,
        "board": 2,
        "forum": 4,
    },
    "output": {"output": 7, "outputs": 7, "deliverable": 6, "deliverables": 6, "product": 3},
    "latest_note": {
        "update": 7,
        "updates": 7,
        "progress": 5,
        "comment": 7,
        "comments": 7,
        "commentary": 7,
        "note": 6,
        "notes": 6,
        "narrative": 6,
        "position": 4,
        "review": 4,
        "remarks": 6,
        "achieved": 3,
        "latest": 2,
        "current": 1,
        "description": 2,
    },
    "progress_rag": {
        "rag": 8,
        "status": 6,
        "rating": 5,
        "rated": 5,
        "traffic": 5,
        "light": 2,
        "brag": 8,
        "rag'd": 8,
        "state": 4,
        "health": 3,
    },
    "impact_rag": {},
}
# Short forms written in headers.
VARIANTS = {
    "resp": "responsible",
    "respons": "responsible",
    "ref": "ref",
    "refs": "ref",
    "reference": "reference",
    "num": "no",
    "nr": "no",
    "nbr": "no",
    "tgt": "target",
    "comp": "completion",
    "compl": "completion",
    "upd": "update",
    "comms": "comments",
    "desc": "description",
    "officers": "officer",
    "measurement": "measure",
    "measures": "measures",
    "timescales": "timescale",
    "dates": "date",
    "deadlines": "deadline",
    "statuses": "status",
    "ratings": "rating",
    "updates": "update",
    "outcomes": "outcome",
    "impacts": "impact",
    "different": "difference",
    "owners": "owner",
    "leads": "lead",
    "risks": "risk",
    "sept": "sep",
    "actions": "action",
    "tasks": "task",
    "needs": "need",
}
# Words that say the column is not the field its other words suggest.
NEGATIVE = {
    "due_date": {
        "start",
        "created",
        "begin",
        "original",
        "baseline",
        "completed",
        "modified",
        "last",
        "closed",
        "opened",
        "meeting",
        "raised",
        "logged",
        "note",
    },
    "timescale": {"start", "created"},
    "owners": {"created", "completed", "modified"},
    "ref": {"predecessors", "successors", "parent", "plan", "source", "sources"},
    "action": {
        "owner",
        "owners",
        "no",
        "number",
        "ref",
        "id",
        "date",
        "due",
        "lead",
        "status",
        "rag",
        "type",
        "category",
        "theme",
    },
    "progress_rag": {"impact"},
    "latest_note": {"date", "rag", "status"},
    "expected_impact": {"rag", "rating", "status"},
    "theme": {"lead", "owner", "id", "rag"},
}
RAG_WORDS_IN_HEADER = {"rag", "status", "rating", "rated", "brag", "traffic"}
REPORT_WORDS = {
    "ofsted": "Ofsted",
    "jtai": "JTAI",
    "ilacs": "ILACS",
    "letter": "Letter",
    "wsoa": "WSOA",
    "inspection": "Ofsted",
}
_MONTH_OR_QUARTER = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bq[1-4]\b|\b20\d\d\b", re.I
)

PHRASES = {
    normalise_label(phrase): name
    for name, (_label, phrases) in FIELDS.items()
    for phrase in phrases
    if normalise_label(phrase)
}
SQUASHED_PHRASES = {phrase.replace(" ", ""): name for phrase, name in PHRASES.items()}


def header_words(text):
    """The header's words, lower case, abbreviations and plurals made their usual form."""
    label = normalise_label(text.replace("#", " # ").replace("%", " percent "))
    words = []
    for word in label.split():
        words.append(VARIANTS.get(word, word))
    if "#" in text:
        words.append("#")
    return words


@functools.lru_cache(maxsize=8192)
def header_scores(text):
    """{field: score} for one header cell's text (two-line headers come joined)."""
    text = clean_text(text)
    if not text or len(text) > 90:
        return {}
    label = normalise_label(text)
    scores = {}
    without_period = normalise_label(_MONTH_OR_QUARTER.sub(" ", text.lower()))
    for candidate in (label, without_period, label.replace(" ", "")):
        if not candidate:
            continue
        if candidate in PHRASES:
            scores[PHRASES[candidate]] = 20
            break
        if candidate.replace(" ", "") in SQUASHED_PHRASES:
            scores[SQUASHED_PHRASES[candidate.replace(" ", "")]] = 18
            break
    words = header_words(text)
    upper_words = set(re.findall(r"\b[A-Z]{2,}\b", text))
    # "Recommendation from Ofsted": what follows "from" qualifies; the head noun is before it.
    head_at = words.index("from") - 1 if "from" in words[1:] else len(words) - 1
    for position, word in enumerate(words):
        head = position == head_at or (
            head_at == len(words) - 1 and position == len(words) - 2 and words[-1] in {"s", "to", "date", "by"}
        )
        for name, weights in WORDS.items():
            weight = weights.get(word, 0)
            if word == "in" and "IN" in upper_words:
                weight = 6 if name == "sources" else 0  # "IN ref": the improvement notice's paragraph
            if weight:
                scores[name] = scores.get(name, 0) + weight * (2 if head else 1)
    wordset = set(words)
    for name, bad in NEGATIVE.items():
        if name in scores and wordset & bad and scores[name] < 20:
            scores[name] -= 12
    # Qualifiers: a RAG word with "impact" is the impact RAG; a report's name with "ref" is a source.
    if wordset & RAG_WORDS_IN_HEADER:
        base = max(scores.get("progress_rag", 0), 12)
        if "impact" in wordset or "outcome" in wordset:
            scores["impact_rag"] = base + 4
            scores["progress_rag"] = base - 4
        elif not (wordset & {"date", "note", "comment", "comments", "update"}):
            scores["progress_rag"] = base
    report_named = wordset & set(REPORT_WORDS) or ("in" in wordset and "IN" in upper_words)
    if report_named and (
        wordset & {"ref", "reference", "para", "paras", "paragraph", "no", "number", "#"}
        or words[head_at] in REPORT_WORDS
        or len(words) == 1
    ):
        scores["sources"] = max(scores.get("sources", 0), scores.get("ref", 0) + 4, 12)
    if "lead" in wordset and wordset & {"timescale", "date", "when", "deadline"} and "and" in label.split():
        scores["owners_and_timescale"] = 25
    if wordset & {"area", "areas"} and "improvement" in wordset and not wordset & {"action", "ref", "no", "number"}:
        scores["theme"] = max(scores.get("theme", 0), 16)
    return {name: score for name, score in scores.items() if score > 0}


@functools.lru_cache(maxsize=8192)
def field_for_header(text):
    """The field a header cell most likely names, or None."""
    if not text or len(text) > 90:
        return None
    scores = header_scores(text)
    if not scores:
        return None
    name, score = max(scores.items(), key=lambda item: item[1])
    return name if score >= 6 else None


def report_code(header):
    """The source a column's header names ("Ofsted ref" → Ofsted; "IN ref" → IN), or ""."""
    if re.search(r"\bIN\b", header or ""):
        return "IN"
    for word in header_words(header or ""):
        if word in REPORT_WORDS:
            return REPORT_WORDS[word]
    return ""


def is_percent_header(header):
    """ "% complete", "Percent Complete", "% done", "Progress %": how much of the action is done."""
    words = set(header_words(header or ""))
    return ("percent" in words or "pct" in words) and bool(
        words & {"complete", "completed", "completion", "done", "progress"}
    )


def is_period_column(header):
    return header_period(header) is not None


# ---------------------------------------------------------------- contents

_SOURCE_CELL = re.compile(
    r"^(?:[A-Z][A-Za-z.]{1,10}\s*)+(?:paras?\.?\s*|para(?:graph)?s?\s*)?\d{1,3}(?:\.\d{1,3})*[a-z]?(?:\s*[,/&]\s*\d{1,3}(?:\.\d{1,3})*[a-z]?)*$"
)


def content_profile(values):
    """What a column's cells hold: shares of statuses, dates, refs, sources; mean text length."""
    texts = [clean_text(value) for value in values if value not in (None, "")]
    count = len(texts)
    if not count:
        return {"count": 0}
    status = sum(1 for value in values if value not in (None, "") and looks_like_status(value)) / count
    dates = sum(1 for value in values if value not in (None, "") and looks_like_date(value)) / count
    refs = sum(1 for text in texts if looks_like_ref(text)) / count
    sources = sum(1 for text in texts if _SOURCE_CELL.match(text)) / count
    length = sum(len(text) for text in texts) / count
    distinct = len(set(texts)) / count
    numbers = (
        sum(
            1
            for value in values
            if isinstance(value, (int, float))
            and not isinstance(value, bool)
            or (isinstance(value, str) and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*%?\s*", value))
        )
        / count
    )
    flags = sum(1 for text in texts if text.lower() in {"true", "false", "yes", "no", "y", "n"}) / count
    priorities = sum(1 for text in texts if text.lower() in PRIORITY_WORDS) / count
    return {
        "count": count,
        "status": status,
        "dates": dates,
        "refs": refs,
        "sources": sources,
        "length": length,
        "distinct": distinct,
        "numbers": numbers,
        "flags": flags,
        "priorities": priorities,
        "labels": len(set(texts)),
    }


PRIORITY_WORDS = {"urgent", "important", "high", "medium", "low", "critical", "normal", "p1", "p2", "p3", "p4"}
TEXT_FIELD_NAMES = {
    "action",
    "latest_note",
    "expected_impact",
    "measures",
    "improvement_need",
    "theme",
    "owners",
    "sources",
    "output",
    "reporting_mechanism",
    "timescale",
}
NOT_DUE = {
    "created",
    "modified",
    "updated",
    "start",
    "last",
    "baseline",
    "original",
    "closed",
    "opened",
    "meeting",
    "raised",
    "logged",
    "added",
    "note",
}


def content_scores(profile):
    """{field: score} suggested by what a column holds."""
    if not profile.get("count"):
        return {}
    scores = {}
    if profile["status"] >= 0.6:
        scores["progress_rag"] = 10
    if profile["dates"] >= 0.6:
        scores["due_date"] = 8
    if profile["refs"] >= 0.6 and profile["length"] < 8:
        scores["ref"] = 8
    elif profile["refs"] >= 0.4 and profile["count"] * profile["refs"] >= 2:
        scores["ref"] = 6  # refs among theme headings in an unlabelled first column
    if profile["sources"] >= 0.5:
        scores["sources"] = 8
    if profile["length"] > 40:
        for name in ("action", "latest_note", "expected_impact", "measures", "improvement_need"):
            scores[name] = 2
    return scores


def assign_columns(headers, profiles):
    """{column index: field} from header texts ({index: text}) and content profiles ({index: profile}).

    Greedy: the highest (column, field) score first; a field taken once, except period columns.
    Content decides when the header is unclear, and overrules a header only where cells disagree
    strongly (a "Status" column of dates is not a RAG).
    """
    candidates = []
    for index in set(headers) | set(profiles):
        header = headers.get(index, "")
        scores = dict(header_scores(header)) if header else {}
        profile = profiles.get(index, {})
        content = content_scores(profile)
        for name, score in content.items():
            if name in scores:
                scores[name] += score // 2
            elif not header or max(scores.values(), default=0) < 6:
                scores[name] = score
        if profile.get("count"):
            if profile.get("numbers", 0) >= 0.8 or profile.get("flags", 0) >= 0.8:
                # "IN para" over 3, 5: the paragraphs of the report the header names are sources.
                paragraphs = profile.get("flags", 0) < 0.8 and bool(report_code(header))
                for name in TEXT_FIELD_NAMES | {"progress_rag", "impact_rag"}:
                    if not (paragraphs and name == "sources"):
                        scores.pop(name, None)  # a column of numbers or TRUE/FALSE is not text, nor a RAG
            if profile.get("distinct", 0) >= 0.8 and profile.get("count", 0) >= 4 and scores.get("theme", 0) < 16:
                scores.pop("theme", None)  # a different long text on every row is not a theme
            if profile.get("priorities", 0) >= 0.8:
                scores.pop("theme", None)
                scores.pop("progress_rag", None)
            if set(header_words(header)) & NOT_DUE:
                scores.pop("due_date", None) if scores.get("due_date", 0) < 20 else None
            if (
                profile.get("status", 0) >= 0.8
                and profile.get("labels", 99) <= 12
                and profile.get("length", 99) < 25
                and "impact_rag" not in scores
            ):
                # A column of status words is a status, whatever its header says ("Progress"); under a header that
                # speaks of impact or outcome ("Impact" holding 🟢 and 🔴) it is the impact rating.
                if set(header_words(header)) & {"impact", "outcome"}:
                    scores["impact_rag"] = max(22, scores.get("expected_impact", 0) + 2)
                    scores.pop("expected_impact", None)
                else:
                    scores["progress_rag"] = max(scores.get("progress_rag", 0), 22, scores.get("latest_note", 0) + 2)
            if profile.get("dates", 0) >= 0.8 and "progress_rag" in scores and scores["progress_rag"] < 20:
                scores.pop("progress_rag")
            if (
                profile.get("status", 0) < 0.2
                and profile.get("length", 0) > 25
                and "progress_rag" in scores
                and header_period(header) is None
            ):
                scores["progress_rag"] -= 10  # a "Status" column of sentences is a note
                scores["latest_note"] = max(scores.get("latest_note", 0), 8)
            if profile.get("length", 0) > 60 and "ref" in scores:
                scores["ref"] -= 10
            if is_percent_header(header):
                scores.pop("ref", None)  # "% Complete" holding 1 and 0.5 is not a ref
            if header and looks_like_status(header) and profile.get("numbers", 0) >= 0.8:
                scores.pop("ref", None)  # "Blue" or "On track" over numbers: a count of actions, not refs
            if profile.get("numbers", 0) >= 0.8 and profile.get("length", 0) >= 8 and scores.get("ref", 0) < 25:
                scores.pop("ref", None)  # a long system number (a tool's item id) is not the plan's ref
            if (
                "sources" in scores
                and profile.get("sources", 0) < 0.2
                and profile.get("length", 0) > 25
                and scores["sources"] < 20
            ):
                # "Recommendation from Ofsted" holding sentences: the need, not the source paragraph.
                scores["improvement_need"] = max(scores.get("improvement_need", 0), scores.pop("sources"))
        for name, score in scores.items():
            if score >= 6:
                candidates.append((score, -index, index, name))
    candidates.sort(reverse=True)
    mapping, taken = {}, set()
    for _score, _order, index, name in candidates:
        if index in mapping:
            continue
        if name in taken and not (name in PERIOD_FIELDS and header_period(headers.get(index, "")) is not None):
            continue
        if name == "owners_and_timescale" and {"owners", "timescale"} <= taken:
            continue
        mapping[index] = name
        taken.add(name)
    # A "Status" column beside a "RAG" column: the RAG rates, the status may say closed or cancelled.
    rag_columns = [i for i, n in mapping.items() if n == "progress_rag"]
    if len(rag_columns) == 1 and "rag" in header_words(headers.get(rag_columns[0], "")):
        for index, header in headers.items():
            if (
                index not in mapping
                and set(header_words(header)) & {"status", "state"}
                and not set(header_words(header)) & {"impact", "date"}
            ):
                profile = profiles.get(index, {})
                if profile.get("status", 0) >= 0.3 or profile.get("count", 0) == 0 or not profile:
                    mapping[index] = "progress_rag"
                    break
    # Period columns of one field only count when the first taken was a period column too.
    by_field = {}
    for index, name in mapping.items():
        by_field.setdefault(name, []).append(index)
    for name, indexes in by_field.items():
        if (
            name == "progress_rag"
            and len(indexes) == 2
            and any("rag" in header_words(headers.get(i, "")) for i in indexes)
        ):
            continue
        if len(indexes) > 1 and any(header_period(headers.get(i, "")) is None for i in indexes):
            keep = [i for i in indexes if header_period(headers.get(i, "")) is None][:1]
            for index in indexes:
                if index not in keep and header_period(headers.get(index, "")) is None:
                    mapping.pop(index)
    return mapping
