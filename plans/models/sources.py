"""The numbered paragraphs of a source, so coverage can flag those no action answers."""
import re

from django.db import models


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
