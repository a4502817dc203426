"""Pure helpers turning one messy cell into clean values: text, owners, sources, RAG, dates."""

import calendar
import datetime
import functools
import html
import re

from plans.rag import Rag
from plans.validators import EARLIEST_DATE, LATEST_DATE

# ---------------------------------------------------------------- text

_TAG = re.compile(r"<[^>]+>")
_NEEDS_CLEANING = re.compile(r"[<\n\r\t\xa0]|  ")
_BLOCK_TAGS = re.compile(r"<\s*(br|/p|/div|/li|/tr|/h\d)\s*/?>", re.I)
_LIST_ITEM = re.compile(r"<\s*li[^>]*>", re.I)
_LOOKS_LIKE_HTML = re.compile(
    r"</?\s*(p|br|ul|ol|li|div|span|b|i|strong|em|u|sup|sub|font|table|tr|td|h\d)\b[^>]*>", re.I
)


def clean_text(value):
    """Return a cell's text: HTML fragments made plain text (list items on their own lines),
    spaces tidied, blank lines dropped."""
    if value is None:
        return ""
    if type(value) is str and not _NEEDS_CLEANING.search(value):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return f"{value.day} {value:%b %Y}"
    text = str(value)
    if "<" in text and _LOOKS_LIKE_HTML.search(text):
        text = _LIST_ITEM.sub("\n", text)
        text = _BLOCK_TAGS.sub("\n", text)
        text = _TAG.sub("", text)
        text = html.unescape(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def normalise_label(text):
    """Lower case words only: for comparing header and label text."""
    text = text.lower().replace("&", " and ").replace("(s)", "s")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


# ---------------------------------------------------------------- owners

ROLE_NOUNS = {
    "manager",
    "managers",
    "director",
    "directors",
    "head",
    "worker",
    "workers",
    "officer",
    "officers",
    "lead",
    "leads",
    "team",
    "teams",
    "panel",
    "group",
    "board",
    "chair",
    "chairs",
    "scrutineer",
    "practitioner",
    "practitioners",
    "lawyer",
    "executive",
    "inspector",
    "superintendent",
    "adviser",
    "advisor",
    "nurse",
    "doctor",
    "coordinator",
    "co-ordinator",
    "commissioner",
    "service",
    "services",
    "partnership",
    "consultant",
    "administrator",
    "analyst",
    "secretary",
    "clerk",
    "governor",
    "governors",
    "leader",
    "leaders",
    "chief",
    "principal",
    "deputy",
    "mayor",
    "councillor",
    "cllr",
    "officer.",
    "psychologist",
    "paediatrician",
    "psychiatrist",
    "therapist",
    "clinician",
    "solicitor",
    "senco",
}
# Words that name a service, a team or an area of work, never a person: "Detective Chief Inspector, Public
# Protection" is one role with its unit, not a role and a person called "Public Protection".
_SERVICE_WORDS = {
    "protection",
    "safeguarding",
    "exploitation",
    "care",
    "children",
    "families",
    "family",
    "education",
    "inclusion",
    "quality",
    "assurance",
    "improvement",
    "practice",
    "youth",
    "justice",
    "help",
    "social",
    "adults",
    "commissioning",
    "performance",
    "workforce",
    "development",
    "learning",
    "disability",
    "disabilities",
    "fostering",
    "adoption",
    "court",
    "legal",
    "public",
    "finance",
    "operations",
    "partnerships",
    "governance",
    "strategy",
    "intelligence",
    "prevention",
    "housing",
    "health",
}
_STOP_WORDS = {"of", "for", "the", "and", "in", "to", "with", "on", "at"}
_LABEL = re.compile(r"(?:^|\s)\(?([a-z]|[ivx]{1,4})\)\s+", re.I)
_SLASH = re.compile(r"\s*/\s*")
_TEMPORARY = re.compile(r"\b([TA])/(?=[A-Z])")  # "T/Detective ...": temporary (or acting), not two roles
_KEPT_SLASH = "\u2044"
# "Head of Service CIN/CP": a slash between two acronyms after other words is part of the role.
_INNER_SLASH = re.compile(r"(?<=\s[A-Z]{2})(?<![a-z])(?=[A-Z]{0,4}/[A-Z]{2,6}\b)([A-Z]{0,4})/")


def _keep_spaced_inner_slash(text):
    """ "Head of Service CIN / CP": spaced, the slash is still inside the role when an acronym after other words
    of the same role is followed by an acronym that ends the cell or its piece ("MASH / HSB" is two)."""
    parts = re.split(r"(\s+/\s*|\s*/\s+)", text)
    out = parts[0]
    for separator, following in zip(parts[1::2], parts[2::2]):
        words = re.split(r"[/;,\n]", out)[-1].split()
        if (
            len(words) >= 2
            and not {word.lower() for word in words} & {"and", "&"}  # "MASH and HSB / HSB": a list, not one role
            and re.fullmatch(r"[A-Z]{2,6}", words[-1])
            and re.match(r"[A-Z]{2,6}\s*(?:$|[,;\n])", following)
        ):
            out += separator.replace("/", _KEPT_SLASH) + following
        else:
            out += separator + following
    return out


_JOINER = re.compile(r",\s+|\s+&\s+|\s+and\s+")


def _words(text):
    return re.findall(r"[A-Za-z][A-Za-z'’.\-]*", text)


def _is_acronym(word):
    word = word.strip("().,")
    return len(word) >= 2 and word.isupper() and word.isalpha()


def _is_person(text):
    words = text.split()
    return (
        len(words) == 2
        and all(re.fullmatch(r"[A-Z][a-z'’\-]+", w) for w in words)
        and not any(w.lower() in ROLE_NOUNS or w.lower() in _SERVICE_WORDS for w in words)
    )


def _ends_like_role(text):
    words = _words(re.sub(r"\s*\([^()]*\)\s*$", "", text))  # "Police Inspector (Youth Engagement)"
    if not words:
        return False
    last = words[-1].strip("().,").lower()
    return last in ROLE_NOUNS or _is_acronym(words[-1]) or _is_person(text.strip())


def _starts_like_role(text):
    words = _words(text)
    if not words:
        return False
    return (
        _is_acronym(words[0])
        or any(w.strip("().,").lower() in ROLE_NOUNS - {"service", "services"} for w in words)
        or _is_person(text.strip())
    )


# Words a role title starts with: "Head of …", "Director of …", "Interim Head …", "Service Manager …".
ROLE_STARTS = {
    "head",
    "director",
    "manager",
    "officer",
    "chair",
    "lead",
    "worker",
    "practitioner",
    "lawyer",
    "nurse",
    "inspector",
    "superintendent",
    "commissioner",
    "coordinator",
    "co-ordinator",
    "adviser",
    "advisor",
    "consultant",
}
ROLE_QUALIFIERS = {
    "interim",
    "acting",
    "assistant",
    "deputy",
    "senior",
    "principal",
    "service",
    "strategic",
    "designated",
    "named",
    "independent",
    "t/detective",
}


def _starts_with_role_title(text):
    words = _words(text)
    while len(words) > 1 and _is_acronym(words[0]):
        words = words[1:]  # "ICB Director of Commissioning", "LA Head of SEND": the organisation before the post
    words = [w.strip("().,").lower() for w in words]
    if not words:
        return False
    return words[0] in ROLE_STARTS or (len(words) > 1 and words[0] in ROLE_QUALIFIERS and words[1] in ROLE_STARTS)


# A piece after ", " naming an organisation belongs to the role before it: "Designated Nurse, Westshire Health".
_ORGANISATIONS = {
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
    "hospitals",
    "constabulary",
    "foundation",
    "academy",
    "borough",
    "county",
    "authority",
    "ics",
    "cafcass",
    "dwp",
    "ltd",
    "limited",
    "charity",
    "cic",
    "hub",
    "unit",
    "agency",
    "directorate",
}


def _is_organisation(text):
    words = [w.strip("().,").lower() for w in _words(text)]
    return (
        bool(words)
        and any(w in _ORGANISATIONS for w in words)
        and not _starts_with_role_title(text)
        and not any(
            w in {"manager", "director", "head", "officer", "lead", "nurse", "worker", "chair", "coordinator"}
            for w in words
        )
    )


_POSTS = {
    "manager",
    "director",
    "head",
    "officer",
    "lead",
    "worker",
    "nurse",
    "doctor",
    "inspector",
    "chair",
    "coordinator",
    "co-ordinator",
    "adviser",
    "advisor",
    "consultant",
    "practitioner",
    "commissioner",
    "superintendent",
    "psychologist",
    "administrator",
    "analyst",
    "executive",
    "leader",
    "governor",
    "paediatrician",
    "lawyer",
    "solicitor",
}


def _ends_with_post(text):
    """ "Housing Options Manager": a person's post (not a service, team or board)."""
    words = _words(text)
    return len(words) >= 2 and words[-1].strip("().,").lower() in _POSTS


# Words that make "Leaving Care" or "Front Door" a service or team (not a person called so).
_SERVICE_WORDS = set(
    (
        "care leaving leavers service services team teams assessment safeguarding help early protection "
        "children families adoption fostering mash front door quality assurance youth justice disabilities "
        "disability court permanence looked after education send commissioning workforce development "
        "practice partnership support duty intake cin cp lac placements residential virtual exploitation "
        "referrals edge"
    ).split()
)


def _names_service(text):
    return any(word.strip("().,").lower() in _SERVICE_WORDS for word in _words(text))


def _split_joined(text):
    """Split ", " / " & " / " and " only where both sides are whole roles or people."""
    from plans.importing.values import EMAIL, looks_like_person

    commas = [part.strip() for part in re.split(r",\s*", text) if part.strip()]
    if len(commas) > 1 and all(looks_like_person(part) or EMAIL.fullmatch(part) for part in commas):
        return commas  # "Jane Smith, Tom Jones" or a list of emails
    pieces, joiners, pos = [], [], 0
    for match in _JOINER.finditer(text):
        pieces.append(text[pos : match.start()])
        joiners.append(match.group(0))
        pos = match.end()
    pieces.append(text[pos:])
    if len(pieces) == 1:
        return [text.strip()]
    result, current = [], pieces[0]
    for position, (joiner, piece) in enumerate(zip(joiners, pieces[1:]), start=1):
        # "Officer & Learning & Development Officer": the piece runs on through further "&"s.
        extended = piece
        for later_joiner, later in zip(joiners[position:], pieces[position + 1 :]):
            if later_joiner.strip() not in ("&", "and"):
                break  # "Manager & Learning and Improvement Officer": the piece runs on to its post
            extended = extended + later_joiner + later
        role_then_team = (
            joiner.startswith(",")
            and _is_acronym(piece.strip())
            and len(piece.split()) == 1
            and len(_words(current)) >= 2
            and _words(current)[-1].strip("().,").lower() in ROLE_NOUNS
        )  # "Detective Inspector, MASH": the team the role works in
        role_then_service = (
            joiner.startswith(",")
            and _ends_with_post(current)
            and not _ends_with_post(piece)
            and not _starts_with_role_title(piece)
            and (not _is_person(piece.strip()) or _names_service(piece))
            and len(_words(piece)) <= 4
        )  # "Service Manager, Leaving Care": the service the post is in qualifies it
        name_then_role = joiner.startswith(",") and (
            (_is_person(current.strip()) and not _is_person(piece.strip()))
            or _is_organisation(piece)
            or role_then_team
            or role_then_service
        )
        # "Director of Resources and Deputy Chief Executive" is one joint post: " and " needs a role title on both sides.
        whole_roles = _starts_with_role_title(current) and (
            _starts_with_role_title(piece)
            or (joiner.strip() == "&" and _ends_with_post(piece) and not _is_organisation(piece))
        )
        role_after_role = (
            joiner.startswith(",")
            and _starts_with_role_title(current)
            and _ends_with_post(piece)
            and not _is_organisation(piece)
        )
        runs_on = (
            joiner.strip() == "&"
            and _ends_like_role(current)
            and not _starts_like_role(piece)
            and _starts_like_role(extended)
        )
        if (
            whole_roles or role_after_role or runs_on or (_ends_like_role(current) and _starts_like_role(piece))
        ) and not name_then_role:
            # "Dara Lloyd, Manager, ..." is one person with their post, not two owners.
            result.append(current.strip())
            current = piece
        else:
            current = current + joiner + piece
    result.append(current.strip())
    return result


_AGENCIES = {"police", "health", "education", "probation", "schools", "council", "nhs", "cafcass", "housing", "youth"}


def _lone_word(piece):
    """A single ordinary word ("Prevention"), which cannot be a role of its own."""
    words = piece.split()
    word = words[0].strip("().,").lower() if len(words) == 1 else ""
    return len(words) == 1 and not _is_acronym(words[0]) and word not in ROLE_NOUNS and word not in _AGENCIES


def _join_slashed_words(pieces):
    """ "Head of Early Help/Prevention": a slash next to a lone ordinary word is part of one role."""
    joined = []
    for piece in pieces:
        if joined and piece.strip() and (_lone_word(piece) or _lone_word(joined[-1])):
            joined[-1] = joined[-1] + _KEPT_SLASH + piece
        else:
            joined.append(piece)
    return joined


def normalise_role_title(text):
    """One spelling per role: straight apostrophes, "Manager- X" spaced as "Manager - X"."""
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"(\w)- ", r"\1 - ", text)
    return " ".join(text.split())


# Placeholders that name nobody: the action has no owner yet.
_NO_OWNER = {
    "tbc",
    "tbd",
    "n/a",
    "na",
    "none",
    "?",
    "to be confirmed",
    "to be agreed",
    "to be decided",
    "tba",
    "not yet assigned",
    "unassigned",
}
_OWNER_LABEL = re.compile(
    r"(?:^|(?<=[\s/;,(]))(?:(?:joint |co-?|delivery |strategic |operational |overall )?leads?(?: officers?)?|support(?:ed by)?|"
    r"supporting(?: officers?)?|owners?|accountable(?: officer)?|responsible(?: officer)?|contributors?|sro|partners?)\s*:\s*",
    re.I,
)


def split_owners(value, previous=None):
    """Return the role titles in an owner cell, in order, without duplicates.

    Splits on "/" (not "T/" or "A/", nor "CIN/CP" inside a longer role), ";", new lines and
    "a) … b)" labels always, and on ", ", " & ", " and " only where they join whole roles or people
    (not before an organisation: "Designated Nurse, Westshire Health"). "As above" repeats `previous`.
    """
    text = clean_text(value)
    if not text:
        return []
    if re.fullmatch(r"(as )?(above|ditto|as per above)\.?", text.strip().lower()):
        return list(previous or [])
    return list(_split_owner_text(text))


# What sits in brackets qualifies one role and never parts two: "Head of Service (CIN/CP)", "Nurse (LAC, SEND)".
_BRACKETED = re.compile(r"\([^()\n]*\)")
_KEEP_IN_BRACKETS = str.maketrans({"/": _KEPT_SLASH, ",": "\ue001", "&": "\ue002", ";": "\ue003", " ": "\ue004"})
_RESTORE = str.maketrans({"\ue001": ",", "\ue002": "&", "\ue003": ";", "\ue004": " "})


@functools.lru_cache(maxsize=4096)
def _split_owner_text(text):
    # "Lead: Head of SEND / Support: EHC Team Manager": both are owners; the labels are not part of the roles.
    text = _OWNER_LABEL.sub("\n", text)
    text = _BRACKETED.sub(lambda m: m[0].translate(_KEEP_IN_BRACKETS), text)  # "Head of Service (CIN/CP)"
    text = re.sub(r"\[\s*\d+\s*%\s*\]", "", text.replace(";", "\n"))  # "Tom Reid[50%]": Project's units
    text = re.sub(r",(?=[A-Za-z])", ", ", text)
    text = _INNER_SLASH.sub(lambda m: m[1] + _KEPT_SLASH, text)
    text = _keep_spaced_inner_slash(text) if " /" in text or "/ " in text else text
    parts = []
    for line in text.split("\n"):
        for labelled in _LABEL.split(" " + line):
            if not labelled or re.fullmatch(r"[a-z]|[ivx]{1,4}", labelled.strip(), re.I):
                continue
            for piece in _join_slashed_words(_SLASH.split(_TEMPORARY.sub(r"\1" + _KEPT_SLASH, labelled))):
                parts.extend(part.translate(_RESTORE).replace(_KEPT_SLASH, "/") for part in _split_joined(piece))
    owners = []
    for part in parts:
        part = normalise_role_title(part.strip(" ;,.-–•").strip())
        if part and part not in owners and part.lower() not in _NO_OWNER:
            owners.append(part)
    return tuple(owners)


# ---------------------------------------------------------------- sources

KNOWN_SOURCE_SPELLINGS = {"NATENQ": "Nat. Enq"}
# Words between a source's code and its paragraphs: "JTAI paras 14, 15" is JTAI 14 and JTAI 15.
_SOURCE_FILLER = {
    "and",
    "see",
    "also",
    "ref",
    "refs",
    "para",
    "paras",
    "paragraph",
    "paragraphs",
    "p",
    "pp",
    "section",
    "sections",
    "s",
    "rec",
    "recs",
    "recommendation",
    "recommendations",
    "no",
    "nos",
    "number",
    "numbers",
    "finding",
    "findings",
    "point",
    "points",
    "page",
    "pages",
    "area",
    "areas",
    "for",
    "improvement",
    "of",
    "the",
    "in",
    "report",
    "letter",
    "judgement",
    "at",
    "on",
}
_SOURCE_TOKEN = re.compile(r"(?P<num>\d+(?:\.\d+)*[a-z]?)(?![A-Za-z])|(?P<word>[A-Za-z][A-Za-z.'’]*)")


def source_key(code):
    """The same source however it is spelt: "Nat Enq." and "Nat. Enq" both give "NATENQ"."""
    return re.sub(r"[^A-Z0-9]", "", code.upper())


_SOURCE_THEN_FINDING = re.compile(
    r"^(?P<source>[^:–—]{0,40}?\b(?:paras?|paragraphs?|p|pp|section|rec|recommendation)\.?\s*\d[\w.]*"
    r"(?:\s*(?:,|&|and)\s*\d[\w.]*)*)\s*(?::|\s[-–—]\s)\s*(?P<finding>\S.{2,})$",
    re.I | re.S,
)


def source_and_finding(value):
    """ "Para 12: thresholds not consistently applied" → ("Para 12", "thresholds not consistently applied"):
    after a paragraph reference and a colon or dash, the words are the finding (the improvement need), not a source."""
    text = clean_text(value)
    match = _SOURCE_THEN_FINDING.match(text) if text else None
    if not match or len(match["finding"].split()) < 2:
        return value, ""
    return match["source"].strip(), match["finding"].strip()


def parse_sources(value, spellings=None, default_code=""):
    """Return (code, paragraph) pairs from a "Derived From" cell; a bare number takes the code before it.

    `spellings` maps source_key → the spelling to use, and learns new codes as it meets them.
    Returns (pairs, problems) where problems lists numbers that had no code before them;
    `default_code` (the report a column's header names, "Ofsted ref") takes them instead.
    """
    spellings = KNOWN_SOURCE_SPELLINGS.copy() if spellings is None else spellings
    pairs, problems, learnt = _sources_in(clean_text(value), default_code)
    for key, written in learnt:  # the first spelling met of each source is the one used from then on
        spellings.setdefault(key, written)
    unique = []
    for key, paragraph in pairs:
        pair = (spellings[key], paragraph)
        if pair not in unique:
            unique.append(pair)
    return unique, list(problems)


class _Learning(dict):
    """A spellings dict that records what it learns, in order (so parsing one text can be cached)."""

    def __init__(self):
        super().__init__()
        self.learnt = []

    def setdefault(self, key, default=None):
        if key not in self:
            self.learnt.append((key, default))
        return super().setdefault(key, default)


@functools.lru_cache(maxsize=4096)
def _sources_in(text, default_code):
    learning = _Learning()
    pairs, problems = _parse_sources_text(text, learning, default_code)
    written_key = {written: key for key, written in learning.learnt}
    return tuple((written_key[code], paragraph) for code, paragraph in pairs), tuple(problems), tuple(learning.learnt)


def _parse_sources_text(text, spellings, default_code):
    # ";", new lines, and "/" or "," before another code ("Ofsted;JTAI", "Ofsted 14 / JTAI 3") part sources.
    parts = [part for part in re.split(r"\s*[;\n]\s*|\s*[/,]\s*(?=[A-Za-z]{2})", text) if part.strip()]
    if len(parts) > 1:
        pairs, problems = [], []
        for part in parts:
            more, orphans = _parse_sources_text(part, spellings, default_code)
            pairs.extend(pair for pair in more if pair not in pairs)
            problems.extend(orphans)
        return pairs, problems
    pairs, problems = [], []
    code_words, code, code_has_paragraph = [], None, False

    def finish_code():
        nonlocal code, code_words, code_has_paragraph
        if code_words:
            written = " ".join(code_words).rstrip(".")
            key = source_key(written)
            code = spellings.setdefault(key, written)
            code_words, code_has_paragraph = [], False

    previous_was_word = False
    for match in _SOURCE_TOKEN.finditer(text):
        if match.group("word"):
            word = match.group("word")
            if word.lower().rstrip(".") in _SOURCE_FILLER and not (
                word.isupper() and len(word) > 1 and word.lower() not in {"para", "paras", "pp"}
            ):
                previous_was_word = False
                continue
            if not previous_was_word:
                if code is not None and not code_has_paragraph and not code_words:
                    pairs.append((code, ""))
                code, code_has_paragraph = None, False
            code_words.append(word)
            previous_was_word = True
            continue
        number = match.group("num")
        if code_words and re.fullmatch(r"(19|20)\d\d", number):
            code_words.append(number)  # "OIS 2012": the year is part of the source's name
            finish_code()
            previous_was_word = False
            continue
        finish_code()
        previous_was_word = False
        if code is None and default_code:
            code = spellings.setdefault(source_key(default_code), default_code)
        if code is None:
            problems.append(number)
            continue
        pairs.append((code, number))
        code_has_paragraph = True
    finish_code()
    if code is not None and not code_has_paragraph:
        pairs.append((code, ""))
    unique = []
    for pair in pairs:
        if pair not in unique:
            unique.append(pair)
    return unique, problems


# ---------------------------------------------------------------- RAG

RAG_WORDS = {
    "b": Rag.BLUE,
    "blue": Rag.BLUE,
    "complete": Rag.BLUE,
    "completed": Rag.BLUE,
    "g": Rag.GREEN,
    "green": Rag.GREEN,
    "a": Rag.AMBER,
    "amber": Rag.AMBER,
    "r": Rag.RED,
    "red": Rag.RED,
    "gr": Rag.GREY,
    "grey": Rag.GREY,
    "gray": Rag.GREY,
    "not started": Rag.GREY,
    "not yet started": Rag.GREY,
}


class UnknownRag(ValueError):
    pass


def parse_rag(value, extra=None):
    """Return the Rag written in a cell (code, word, status or "word - suffix"), None when empty or
    when the status means no rating (cancelled); raise UnknownRag when it cannot be mapped."""
    from plans.importing.values import read_status

    status = read_status(value, extra)
    if status is None:
        return None
    if not status.known:
        raise UnknownRag(status.label)
    return status.rag


def rag_from_rgb(rgb):
    """Return the Rag a fill colour ("FF00B050" or "00B050") shows, or None (white, or no RAG hue).
    See plans.importing.colours: Excel's usual shades first, then the colour's hue."""
    from plans.importing.colours import colour_rag

    if not rgb or not isinstance(rgb, str):
        return None
    return colour_rag(rgb[-6:])[0]


def rag_from_fill(fill):
    """Return the Rag a solid cell fill shows, or None."""
    from plans.importing.colours import fill_rgb

    return rag_from_rgb(fill_rgb(fill))


# ---------------------------------------------------------------- dates

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)" + _MONTH + r",?(?:\s+|-)(?P<year>\d{4}|\d{2})\b", re.I
)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?(?:\s+|-|\s*'\s*)(?P<year>\d{4}|'?\d{2})\b", re.I)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_FY_QUARTER = re.compile(
    r"\bQ(?P<q>[1-4])\s*(?:FY\s*)?(?P<start>20\d\d|\d\d)\s*[/\-–]\s*(?P<end>\d{2,4})\b|\b(?:FY\s*)?(?P<start2>20\d\d)\s*[/\-–]\s*(?P<end2>\d{2,4})\s*Q(?P<q2>[1-4])\b",
    re.I,
)
_CALENDAR_QUARTER = re.compile(r"\bQ(?P<q>[1-4])\s+(?P<year>20\d\d)\b(?!\s*[/\-–]\s*\d)", re.I)
_FINANCIAL_YEAR = re.compile(r"\b(?:FY\s*)?(?P<start>20\d\d)\s*[/\-–]\s*(?P<end>\d{2}|20\d\d)\b")
_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b")


def _year(text):
    year = int(text.lstrip("'"))
    return year + 2000 if year < 100 else year


def _month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def parse_due_date(value):
    """Return the latest date a timescale names ("31 Jan 2013", "Mar 2024", "12/12/2023"), or None.

    A month without a day means its last day. Dates are read the British way (day first). A date
    outside plans.validators' range ("31/12/9999" for "no end date") is not read as a due date.
    """
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value if EARLIEST_DATE <= value <= LATEST_DATE else None
    return _due_date_in(clean_text(value))


_TERM = re.compile(
    r"\b(?P<term>autumn|spring|summer)\s+term\s+(?P<year>20\d\d)(?:\s*[/\-–]\s*(?P<end>\d{2}|20\d\d))?\b", re.I
)
_TERM_END = {"autumn": 12, "spring": 3, "summer": 7}
_EXCEL_SERIAL = re.compile(r"\d{5}(?:\.0+)?")


@functools.lru_cache(maxsize=4096)
def _due_date_in(text):
    if _EXCEL_SERIAL.fullmatch(text) and 36526 <= float(text) <= 73050:
        # A date typed as a number (Excel's day count): "45747" is 31 March 2025.
        day = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(text)))
        return day if EARLIEST_DATE <= day <= LATEST_DATE else None
    found, taken = [], []
    for match in _TERM.finditer(text):
        # School terms end with December (autumn), March (spring) and July (summer); "Spring term 2024/25" is 2025's.
        term, year = match["term"].lower(), int(match["year"])
        if match["end"] and term != "autumn":
            year += 1
        found.append(_month_end(year, _TERM_END[term]))
        taken.append(match.span())
    for match in _ISO.finditer(text):
        try:
            found.append(datetime.date(int(match["year"]), int(match["month"]), int(match["day"])))
            taken.append(match.span())
        except ValueError:
            pass
    for match in _DAY_MONTH_YEAR.finditer(text):
        try:
            found.append(datetime.date(_year(match["year"]), _MONTHS[match["month"].lower()], int(match["day"])))
            taken.append(match.span())
        except ValueError:
            pass
    for match in _NUMERIC.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        day, month = int(match["day"]), int(match["month"])
        if month > 12 and day <= 12:
            day, month = month, day  # only the American order makes sense: 03/31/2025
        try:
            found.append(datetime.date(_year(match["year"]), month, day))
            taken.append(match.span())
        except ValueError:
            pass
    for match in _FY_QUARTER.finditer(text):
        quarter, start = int(match["q"] or match["q2"]), _year(match["start"] or match["start2"])
        # A financial-year quarter: Q1 April to June ... Q4 January to March of the next year.
        found.append(_month_end(start + 1, 3) if quarter == 4 else _month_end(start, quarter * 3 + 3))
        taken.append(match.span())
    for match in _CALENDAR_QUARTER.finditer(text):
        if not any(start <= match.start() < end for start, end in taken):
            found.append(_month_end(int(match["year"]), int(match["q"]) * 3))
            taken.append(match.span())
    for match in _MONTH_YEAR.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        found.append(_month_end(_year(match["year"]), _MONTHS[match["month"].lower()]))
    if not found:
        for match in _FINANCIAL_YEAR.finditer(text):
            start, end = int(match["start"]), int(match["end"]) % 100
            if end == (start + 1) % 100:  # "by 2024/25": the end of that financial year
                found.append(datetime.date(start + 1, 3, 31))
    found = [day for day in found if EARLIEST_DATE <= day <= LATEST_DATE]
    return max(found) if found else None


_MONTH_ALONE = re.compile(
    r"^(?:by\s+)?(?:the\s+)?(?:end\s+(?:of\s+)?)?(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?" + _MONTH + r"$", re.I
)


def month_without_year(text):
    """(month, day or None) for a timescale naming a month and no year ("End of March", "Sept", "by 30th June")."""
    match = _MONTH_ALONE.match(clean_text(text).strip(" ."))
    if not match:
        return None
    return _MONTHS[match["month"].lower()], int(match["day"]) if match["day"] else None


def financial_year_in(text):
    """The first calendar year of the one financial year a text names ("Plan 2025-26", "2025/2026"), or None."""
    years = [
        int(match["start"])
        for match in _FINANCIAL_YEAR.finditer(clean_text(text))
        if int(match["end"]) % 100 == (int(match["start"]) + 1) % 100
    ]
    return years[0] if len(set(years)) == 1 else None


def in_financial_year(start, month, day=None):
    """The date of `month` (and `day`, else the month's last) within the financial year April `start` to March."""
    year = start if month >= 4 else start + 1
    try:
        return datetime.date(year, month, day) if day else _month_end(year, month)
    except ValueError:
        return None


_TIMESCALE_START = re.compile(
    r"\b(\d{1,2}(st|nd|rd|th)?\s+)?"
    + _MONTH
    + r"\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\bQ[1-4]\b|\bongoing\b|\bby\s|\bmonthly\b|\bquarterly\b|\b(19|20)\d\d\b",
    re.I,
)


def split_lead_and_timescale(value):
    """Split a "Lead and Timescale" cell ("SM QA Jan 2024") into (lead text, timescale text)."""
    text = clean_text(value)
    if not text:
        return "", ""
    lines = text.split("\n")
    if len(lines) > 1:
        leads = [line for line in lines if not _TIMESCALE_START.match(line)]
        times = [line for line in lines if _TIMESCALE_START.match(line)]
        if leads and times:
            return "\n".join(leads), " ".join(times)
    match = _TIMESCALE_START.search(text)
    if not match or match.start() == 0:
        return ("", text) if match else (text, "")
    return text[: match.start()].strip(" ,;-–"), text[match.start() :].strip()
