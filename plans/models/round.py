"""The monthly round: coordinators' reviews of updates, comments on actions, due dates moved."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class ReviewDecision(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    CHALLENGED = "challenged", "Challenged"


class UpdateReview(models.Model):
    """A coordinator accepting or challenging a progress update. Written once: a change of mind
    is a new review, and the latest review of an update is its state."""

    update = models.ForeignKey("plans.ProgressUpdate", on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=10, choices=ReviewDecision.choices)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(db_index=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["update", "-created_at", "-id"], name="plans_review_update_latest")]

    def __str__(self):
        return f"{self.get_decision_display()} ({self.created_at:%d %b %Y})"

    @property
    def is_challenge(self):
        return self.decision == ReviewDecision.CHALLENGED


class ActionComment(models.Model):
    """A comment on an action by anyone who may read it: not an update, never a RAG. A reply to a
    challenge names the review it answers."""

    action = models.ForeignKey("plans.Action", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    review = models.ForeignKey(UpdateReview, on_delete=models.SET_NULL, null=True, blank=True, related_name="replies")
    created_at = models.DateTimeField(db_index=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Comment ({self.created_at:%d %b %Y})"


class DueDateChange(models.Model):
    """An action's due date moved, with who agreed it and when: "moved from 31 March 2027 by
    board, 14 December 2026"."""

    action = models.ForeignKey("plans.Action", on_delete=models.CASCADE, related_name="due_date_changes")
    from_date = models.DateField(null=True, blank=True)
    to_date = models.DateField(null=True, blank=True)
    agreed_by = models.CharField(max_length=200)
    agreed_on = models.DateField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.summary

    @property
    def summary(self):
        start = f"{self.from_date:%-d %B %Y}" if self.from_date else "no date"
        return f"moved from {start} by {self.agreed_by}, {self.agreed_on:%-d %B %Y}"
