"""Board packs kept as they were made: a closed period's pack is rendered once, in the background,
when the period closes; the open period's full pack (summary and appendix) is built in the background
on request. The row also says how far a build has got, for the page that waits for it."""

from django.db import models


class BoardPackKind(models.TextChoices):
    FULL = "full", "Summary and every action (appendix)"


class BoardPackState(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being prepared"
    DONE = "done", "Ready"
    FAILED = "failed", "Could not be made"


class BoardPackDocument(models.Model):
    """One rendered board pack PDF of a period, for the figures and names it was drawn from (`stamp`):
    when they change (an owner or theme renamed, or, while the period is open, any update), the
    stamp changes and the pack is made again."""

    period = models.ForeignKey("plans.ReportingPeriod", on_delete=models.CASCADE, related_name="pack_documents")
    kind = models.CharField(max_length=10, choices=BoardPackKind.choices, default=BoardPackKind.FULL)
    stamp = models.CharField(max_length=64)
    state = models.CharField(max_length=10, choices=BoardPackState.choices, default=BoardPackState.QUEUED)
    step = models.CharField(max_length=200, blank=True)
    pages_done = models.PositiveIntegerField(default=0)
    pages_expected = models.PositiveIntegerField(default=0)
    pages = models.PositiveIntegerField(null=True, blank=True)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The background task drawing it (django-tasks' result id) and when the build last said how far
    # it had got: a pack whose task is gone, or whose build has said nothing for a long time (its
    # worker stopped mid-way), is queued again when next asked for (plans.services.packs).
    task_id = models.CharField(max_length=64, blank=True)
    touched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["period", "kind", "stamp"], name="board_pack_one_per_stamp"),
        ]

    def __str__(self):
        return f"Board pack {self.period} ({self.get_state_display()})"

    @property
    def waiting_since(self):
        """When it was last asked for or last said how far it had got."""
        return self.touched_at or self.requested_at

    @property
    def percent(self):
        """How far the build has got, 0 to 100 (never 100 until it is done)."""
        if self.state == BoardPackState.DONE:
            return 100
        if self.state == BoardPackState.QUEUED:
            return 0
        if not self.pages_expected:
            return 5 if self.state == BoardPackState.RUNNING else 0
        return min(95, 10 + int(85 * self.pages_done / self.pages_expected))
