"""Writes about sources: the one place sources are matched by code, and their list of paragraphs,
which coverage is checked against."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from improvement.concurrency import RelatedSet, save_if_unchanged
from improvement.text import name_key, normalise_name
from plans.models import Source, SourceParagraph
from plans.models.sources import paragraph_sort_key
from plans.services.structure import PARAGRAPH

LINE = re.compile(r"^\s*(?P<number>\S+)\s*(?P<text>.*)$")


def source_paragraphs_parse(text):
    """Read one paragraph per line, "3.4 Partners should …", into [(number, text)]."""
    rows, problems, seen = [], [], set()
    for line_number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        match = LINE.match(line)
        number = match["number"].rstrip(":")
        if len(number) > 50 or not PARAGRAPH.match(number):
            problems.append(f"line {line_number} does not start with a paragraph number like 3.4")
            continue
        if number in seen:
            problems.append(f"paragraph {number} is listed twice (line {line_number})")
            continue
        seen.add(number)
        rows.append((number, match["text"].strip()))
    if problems:
        raise ValidationError("Could not read the paragraphs: " + "; ".join(problems) + ".")
    return rows


def _paragraph_words(number, text):
    text = " ".join(text.split())
    return f"{number} {text[:57] + '…' if len(text) > 60 else text}".strip()


def _paragraphs_now(pk, before=None):
    """The source's paragraphs as lines, now (before=None); their past is not recorded."""
    if before is not None:
        return None
    paragraphs = sorted(SourceParagraph.objects.filter(source_id=pk), key=lambda p: paragraph_sort_key(p.number))
    return [_paragraph_words(p.number, p.text) for p in paragraphs]


def source_paragraphs_set(*, source, paragraphs, expected_version=None):
    """Make `paragraphs` [(number, text)] the source's list; references by actions are untouched.

    With `expected_version` (the version of the source the page was loaded with) the list is
    saved only if nobody changed the source since (ConcurrentEditError otherwise, nothing written).
    """
    with transaction.atomic():
        if expected_version is not None:
            yours = [
                _paragraph_words(number, text)
                for number, text in sorted(paragraphs, key=lambda row: paragraph_sort_key(row[0]))
            ]
            save_if_unchanged(
                source,
                expected_version=expected_version,
                changes={},
                related={"paragraphs": RelatedSet(label="Paragraphs", yours=yours, read=_paragraphs_now)},
            )
        existing = {p.number: p for p in source.paragraphs.all()}
        wanted = dict(paragraphs)
        for number, text in wanted.items():
            if number in existing:
                if existing[number].text != text:
                    existing[number].text = text
                    existing[number].save(update_fields=["text"])
            else:
                SourceParagraph.objects.create(source=source, number=number, text=text)
        source.paragraphs.exclude(number__in=list(wanted)).delete()
    return source


# ---------------------------------------------------------------- matching sources by code


def source_match_key(code):
    """What two source codes are compared by: the normalised code's letters and digits, ignoring
    case, so "Nat Enq", "Nat. Enq" and "NAT ENQ." are one source."""
    return "".join(char for char in name_key(code) if char.isalnum())


def source_find(*, code):
    """The source with this code, however it is spelt, or None."""
    key = source_match_key(code)
    for source in Source.objects.all():
        if source_match_key(source.code) == key:
            return source
    return None


def sources_by_key():
    """{source_match_key: source} for every source: the cache source_get_or_create fills as it goes."""
    return {source_match_key(source.code): source for source in Source.objects.order_by("pk")}


def _source_new(*, code, stamp):
    source = Source(code=code)
    if stamp is not None:
        stamp(source)
    source.save()
    return source


def source_get_or_create(*, code, cache=None, stamp=None):
    """The source with this code, however it is spelt ("Nat Enq." is "Nat. Enq"); created if new.

    `cache`: the result of sources_by_key(), for matching many codes at once (imports). `stamp(source)`
    is called on a new source before it is saved (imports name themselves in its history)."""
    code = normalise_name(code)[:50]
    if cache is None:
        return source_find(code=code) or _source_new(code=code, stamp=stamp)
    key = source_match_key(code)
    if key not in cache:
        cache[key] = _source_new(code=code, stamp=stamp)
    return cache[key]
