"""Writes about actions: recording progress."""
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from plans import permissions
from plans.models import ProgressUpdate, Rag, ReportingPeriod


@dataclass(frozen=True)
class RecordedUpdate:
    update: ProgressUpdate
    period: ReportingPeriod | None


def progress_update_record(
    *, action, author, progress_rag, note, impact_rag="", evidence_links="", period=None, created_at=None,
    no_change=False,
):
    """Append a progress update to an action for the open reporting period.

    Checks the author may update this action; never changes an earlier update.
    """
    if not permissions.can_record_update(author, action):
        raise PermissionDenied("You cannot record progress on this action.")
    if not note or not note.strip():
        raise ValidationError({"note": "Enter a progress note"})
    Rag(progress_rag)
    if impact_rag:
        Rag(impact_rag)
    now = created_at or timezone.now()
    with transaction.atomic():
        if period is None:
            period = ReportingPeriod.objects.current_for(action.theme.plan, timezone.localdate(now))
        elif period.closed:
            raise ValidationError("That reporting period is closed; record progress for the open period.")
        update = ProgressUpdate.objects.create(
            action=action,
            period=period,
            author=author,
            progress_rag=progress_rag,
            impact_rag=impact_rag or "",
            note=note.strip(),
            evidence_links="\n".join(line.strip() for line in evidence_links.splitlines() if line.strip()),
            created_at=now,
            no_change=no_change,
        )
    return RecordedUpdate(update=update, period=period)
