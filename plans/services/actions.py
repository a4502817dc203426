"""Writes about actions: recording progress."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from plans import permissions
from plans.models import ProgressUpdate, Rag, ReportingPeriod
from plans.services.periods import period_ensure_open


@dataclass(frozen=True)
class RecordedUpdate:
    update: ProgressUpdate
    period: ReportingPeriod | None
    late_for: ReportingPeriod | None = None  # the closed month it reports on, when recorded late


def progress_update_record(
    *,
    action,
    author,
    progress_rag,
    note,
    impact_rag="",
    evidence_links="",
    period=None,
    created_at=None,
    no_change=False,
):
    """Append a progress update to an action for the open reporting period.

    `period` is the month the author reports on (the one their page showed). When it has closed
    since, the update is recorded in the open period and marked late for it (`late_for`): the board
    read the closed month without it, and its figures never change. Checks the author may update
    this action; never changes an earlier update.
    """
    if not permissions.can_record_update(author, action):
        raise PermissionDenied("You cannot record progress on this action.")
    if not note or not note.strip():
        raise ValidationError({"note": "Enter a progress note"})
    Rag(progress_rag)
    if impact_rag:
        Rag(impact_rag)
    now = created_at or timezone.now()
    plan = action.theme.plan
    late_for = None
    if period is not None and period.plan_id != plan.pk:
        raise ValidationError("That reporting period is not one of this action's plan.")
    with transaction.atomic():
        if period is not None:
            period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
        if period is None or period.closed:
            late_for = period
            period = period_ensure_open(plan=plan, today=timezone.localdate(now))
        update = ProgressUpdate.objects.create(
            action=action,
            period=period,
            late_for=late_for,
            author=author,
            progress_rag=progress_rag,
            impact_rag=impact_rag or "",
            note=note.strip(),
            evidence_links="\n".join(line.strip() for line in evidence_links.splitlines() if line.strip()),
            created_at=now,
            no_change=no_change,
        )
    return RecordedUpdate(update=update, period=period, late_for=late_for)
