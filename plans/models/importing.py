"""What admins decided in the import preview, remembered for the next import."""
from django.conf import settings
from django.db import models

from plans.rag import Rag


class StatusLabelMapping(models.Model):
    """A status or RAG label a file uses ("Stuck", "Parked") and the RAG an admin chose for it.

    Chosen in the import preview where it differs from how the reader reads the label itself (or
    the reader could not read it), and applied to every later import, across plans, as
    PersonRoleMapping is for people. A blank `rag` means the label is read as no rating.
    """

    label = models.CharField(max_length=120, help_text="As the file writes it.")
    key = models.CharField(max_length=120, unique=True, editable=False, help_text="The label, lower case, punctuation as spaces.")
    rag = models.CharField(max_length=2, choices=Rag.choices, blank=True, help_text="Blank: no rating.")
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return f"{self.label} → {self.get_rag_display() or 'no rating'}"

    @staticmethod
    def key_for(label):
        from plans.importing.values import status_key

        return status_key(label)[:120]
