"""The pseudonymity guard: a case code must never name a child or give a date of birth.

Deliberately cautious: a code that merely looks like a name is refused, and the audit lead
uses a code such as "MACA-2015-07" or "Case 7" instead.
"""

import re

from django.core.exceptions import ValidationError

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
DATE_PATTERNS = [
    re.compile(r"\b\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}\b"),  # 12/03/2009, 12.3.09, 12-03-2009
    re.compile(r"\b\d{4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2}\b"),  # 2009-03-12
    re.compile(rf"\b\d{{1,2}}(st|nd|rd|th)?\s+({MONTHS})\b", re.IGNORECASE),  # 12 March 2009
    re.compile(rf"\b({MONTHS})\s+\d{{1,2}}(st|nd|rd|th)?\b,?\s*\d{{2,4}}", re.IGNORECASE),  # March 12, 2009
    re.compile(r"\b(dob|d\.o\.b|born)\b", re.IGNORECASE),
]
TITLES = re.compile(r"\b(mr|mrs|miss|ms|mx|master|dr)\b\.?", re.IGNORECASE)
TWO_CAPITALISED_WORDS = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\s+[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b")
# Words allowed in codes even when capitalised ("Case 7", "Neglect Case 3").
CODE_WORDS = {
    "case",
    "audit",
    "maca",
    "neglect",
    "cse",
    "early",
    "help",
    "sample",
    "dip",
    "journey",
    "child",
    "family",
    "cohort",
    "priority",
    "group",
    "area",
    "multi",
    "agency",
    "review",
    "cin",
    "cp",
    "lac",
}
COMMON_FIRST_NAMES = {
    "aaliyah",
    "adam",
    "aidan",
    "alfie",
    "alice",
    "amelia",
    "amy",
    "archie",
    "ava",
    "ben",
    "bethany",
    "charlie",
    "chloe",
    "daniel",
    "david",
    "dylan",
    "ella",
    "ellie",
    "emily",
    "emma",
    "ethan",
    "evie",
    "freddie",
    "george",
    "grace",
    "harry",
    "harvey",
    "hannah",
    "isabella",
    "isla",
    "jack",
    "jacob",
    "jade",
    "james",
    "jayden",
    "jessica",
    "john",
    "joshua",
    "kai",
    "katie",
    "kyle",
    "leah",
    "lewis",
    "liam",
    "lily",
    "logan",
    "lucy",
    "luke",
    "mason",
    "megan",
    "mia",
    "mohammed",
    "muhammad",
    "noah",
    "oliver",
    "olivia",
    "oscar",
    "poppy",
    "rebecca",
    "riley",
    "ruby",
    "ryan",
    "sophie",
    "sophia",
    "tyler",
    "william",
    "zara",
}


def pseudonymous_code_validate(value):
    """Raise ValidationError when the text looks like a person's name or a date of birth."""
    text = (value or "").strip()
    problem = "Enter a pseudonymous code such as \u201cMACA-2015-07\u201d or \u201cCase 7\u201d: "
    if any(pattern.search(text) for pattern in DATE_PATTERNS):
        raise ValidationError(
            problem + "the code must not contain a date (it could be a date of birth).", code="looks_like_date"
        )
    if TITLES.search(text):
        raise ValidationError(
            problem + "the code must not contain a title such as Mr, Mrs or Miss.", code="looks_like_name"
        )
    words = {word.lower() for word in re.findall(r"[A-Za-z]+", text)}
    if words & COMMON_FIRST_NAMES:
        raise ValidationError(problem + "the code must not contain a first name.", code="looks_like_name")
    for match in TWO_CAPITALISED_WORDS.finditer(text):
        pair = {word.lower() for word in re.findall(r"[A-Za-z]+", match.group(0))}
        if not pair <= CODE_WORDS:
            raise ValidationError(problem + "the code must not look like a person's name.", code="looks_like_name")
