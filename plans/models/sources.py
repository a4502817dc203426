"""Sources (inspection reports, reviews) actions answer to, their numbered paragraphs (so coverage
can flag those no action answers) and the references from actions to them."""

import re

from django.db import models
from simple_history.models import HistoricalRecords

from plans.models.versioning import Versioned
from plans.validators import validate_plan_date


def paragraph_sort_key(number):
    """Natural order for paragraph numbers: 3.2 before 3.10, "3.4a" after "3.4"."""
    parts = re.findall(r"\d+|[^\W\d_]+", number or "")
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.lower()) for part in parts]


class SourceParagraph(models.Model):
    """One recommendation or paragraph of a source (JTAI 3.4), as the inspector numbered it."""

    source = models.ForeignKey("plans.Source", on_delete=models.CASCADE, related_name="paragraphs")
    number = models.CharField(max_length=50)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["source", "number"]
        constraints = [models.UniqueConstraint(fields=["source", "number"], name="unique_source_paragraph")]

    def __str__(self):
        return f"{self.source.code} {self.number}"


class Source(Versioned):
    """A document actions answer to: "JTAI", "IN", "OIS 2012", "Nat. Enq", "IOCS".

    Versioned: saving its list of paragraphs claims its version, so two people editing the list at
    once cannot overwrite each other unseen."""

    code = models.CharField(max_length=50, unique=True)
    title = models.CharField(max_length=300, blank=True)
    date = models.DateField(null=True, blank=True, validators=[validate_plan_date])

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code


class SourceReference(models.Model):
    """An action answering a paragraph of a source: JTAI 3.1, Nat. Enq 1.6."""

    action = models.ForeignKey("plans.Action", on_delete=models.CASCADE, related_name="source_references")
    source = models.ForeignKey("plans.Source", on_delete=models.PROTECT, related_name="references")
    paragraph = models.CharField(max_length=50, blank=True)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["action", "source", "paragraph"], name="unique_source_reference")
        ]

    def __str__(self):
        return f"{self.source.code} {self.paragraph}".strip()
