"""Writes about sources: their list of paragraphs, which coverage is checked against."""
import re

from django.core.exceptions import ValidationError
from django.db import transaction

from plans.models import SourceParagraph
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


def source_paragraphs_set(*, source, paragraphs):
    """Make `paragraphs` [(number, text)] the source's list; references by actions are untouched."""
    with transaction.atomic():
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
