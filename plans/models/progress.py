"""Monthly progress updates: append-only, a correction is a new update."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from plans.rag import Rag


class AppendOnlyError(ValidationError):
    pass


class ProgressUpdate(models.Model):
    action = models.ForeignKey("plans.Action", on_delete=models.CASCADE, related_name="updates")
    period = models.ForeignKey(
        "plans.ReportingPeriod", on_delete=models.PROTECT, null=True, blank=True, related_name="updates"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="progress_updates")
    progress_rag = models.CharField(max_length=2, choices=Rag.choices)
    impact_rag = models.CharField(max_length=2, choices=Rag.choices, blank=True)
    note = models.TextField()
    evidence_links = models.TextField(blank=True, help_text="One web address per line.")
    created_at = models.DateTimeField(db_index=True)
    no_change = models.BooleanField(
        default=False, help_text="Reported as no change since the last update: its RAGs are copied from it."
    )
    late_for = models.ForeignKey(
        "plans.ReportingPeriod",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="late_updates",
        help_text="The closed month this update reports on: recorded in the open period after that month "
        "closed, so the board read the month without it.",
    )
    imported_from = models.CharField(
        max_length=255,
        blank=True,
        help_text="The spreadsheet this update was read from; blank for updates people recorded here.",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["action", "-created_at", "-id"]),
            # "Has this action an update for this period?", asked for every action on the dashboard:
            # without it the database walks the whole period's updates for each action.
            models.Index(fields=["action", "period"], name="plans_update_action_period"),
        ]

    def __str__(self):
        return f"{self.action.ref} {self.get_progress_rag_display()} ({self.created_at:%d %b %Y})"

    def save(self, *args, **kwargs):
        # The history is the record the board relies on: rows are written once.
        if not self._state.adding:
            raise AppendOnlyError("A progress update cannot be changed; record a new update instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A progress update cannot be deleted.")

    @property
    def evidence_link_list(self):
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]
