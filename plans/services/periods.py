"""Writes about reporting periods: opening the next month, closing (freezing) a period, the highlight report.

A plan always has an open period: closing one opens the next in the same transaction (its board
meeting date from the plan's board schedule), so an update is never left without a period."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.concurrency import save_if_unchanged
from plans import permissions
from plans.models import ActionSnapshot, HighlightReport, ReportingPeriod
from plans.selectors.dashboard import figures_keep
from plans.selectors.status import status_rows
from plans.validators import LATEST_DATE, check_dates


def _next_month(month):
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def period_create_next(*, plan, user, board_meeting_date=None, today=None):
    """Open the month after the plan's latest period (or this month when it has none); its board
    meeting date is the one given, else the plan's board schedule's."""
    if not permissions.coordinates(user, plan):
        raise PermissionDenied("Only the plan's coordinators can open a reporting period.")
    with transaction.atomic():
        return _period_open_next(plan=plan, board_meeting_date=board_meeting_date, today=today)


def _period_open_next(*, plan, board_meeting_date=None, today=None):
    today = today or timezone.localdate()
    latest = ReportingPeriod.objects.select_for_update().filter(plan=plan).order_by("-month").first()
    month = _next_month(latest.month) if latest else today.replace(day=1)
    check_dates(board_meeting_date=board_meeting_date)
    if month > LATEST_DATE:
        raise ValidationError(f"Reporting periods cannot go past {LATEST_DATE:%B %Y}")
    if board_meeting_date and board_meeting_date < month:
        raise ValidationError(
            {"board_meeting_date": "The board meeting date must be on or after the start of the period"}
        )
    if board_meeting_date is None:
        scheduled = plan.board_meeting_for(month)
        board_meeting_date = scheduled if scheduled and scheduled <= LATEST_DATE else None
    return ReportingPeriod.objects.create(plan=plan, month=month, board_meeting_date=board_meeting_date)


def period_ensure_open(*, plan, today=None):
    """The plan's open period owners report for, opened (the month after its latest period, or this
    month) when it has none: no moment without an open period."""
    today = today or timezone.localdate()
    with transaction.atomic():
        current = ReportingPeriod.objects.current_for(plan, today)
        return current or _period_open_next(plan=plan, today=today)


@dataclass(frozen=True)
class ClosedPeriod:
    period: ReportingPeriod
    snapshot_count: int
    next_period: ReportingPeriod  # the open period owners now report for (opened by the close if need be)


def period_close_work_enqueue(*, period):
    """Work to do once a period's close is committed (for example rendering its board pack in the
    background): the one place to hook it. Runs after the commit, so a worker reads the frozen
    figures; nothing here may undo the close."""
    from plans.services.packs import board_pack_request

    board_pack_request(period=period)  # the closed period's pack, rendered once and kept


def period_close(*, period, user, today=None):
    """Close a period and freeze what it reports: one ActionSnapshot per action of the plan.

    The rows are those the open period's dashboard showed (plans.selectors.status.status_rows),
    written in one bulk_create with their owners; the highlight report is kept as it is and can no
    longer be edited.
    """
    from plans.selectors.reporting import plan_periods

    plan = period.plan
    if not permissions.coordinates(user, plan):
        raise PermissionDenied("Only the plan's coordinators can close a reporting period.")
    given = period
    with transaction.atomic():
        period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
        if period.closed:
            raise ValidationError(f"{period.label} is already closed.")
        periods = plan_periods(plan=plan)
        earlier_open = [p for p in periods if p.month < period.month and not p.closed]
        if earlier_open:
            raise ValidationError(f"Close {earlier_open[0].label} first: periods close in order.")
        written = _snapshot_write(period=period, periods=periods, today=today)
        period.closed = True
        period.closed_at = timezone.now()
        period.closed_by = user
        period.save(update_fields=["closed", "closed_at", "closed_by"])
        # Its figures never change now: counted once from the snapshots and kept for the dashboard.
        figures_keep(period=period, periods=periods)
        # The next month opens in the same transaction: there is never a moment with no open period.
        later_open = [p for p in periods if p.month > period.month and not p.closed]
        next_period = later_open[0] if later_open else _period_open_next(plan=plan, today=today)
        closed = period
        transaction.on_commit(lambda: period_close_work_enqueue(period=closed))
    given.closed, given.closed_at, given.closed_by = period.closed, period.closed_at, period.closed_by
    return ClosedPeriod(period=period, snapshot_count=written, next_period=next_period)


def highlight_report_save(*, period, user, expected_version, achievements="", risks="", decisions=""):
    """Write the period's highlight report; refused once the period is closed.

    `expected_version` is the version of the report the page was loaded with, 0 when there was
    none: a report saved by someone else since is not overwritten (ConcurrentEditError)."""
    if not permissions.coordinates(user, period.plan):
        raise PermissionDenied("Only the plan's coordinators can write the highlight report.")
    if period.closed:
        raise ValidationError(f"{period.label} is closed: its highlight report can no longer change.")
    changes = {"achievements": achievements.strip(), "risks": risks.strip(), "decisions": decisions.strip()}
    with transaction.atomic():
        report, created = HighlightReport.objects.get_or_create(period=period, defaults={**changes, "updated_by": user})
        if created:
            return report  # the period had no report: nothing to overwrite
        report.updated_by = user
        # A report created since the page was loaded (expected 0) is at version 1 or more: refused.
        return save_if_unchanged(report, expected_version=expected_version, changes=changes)


def _snapshot_write(*, period, periods, today=None):
    """Store the status rows of `period` (status_rows, computed from live data) as its ActionSnapshot
    rows with their owners; return how many."""
    rows = status_rows(plan=period.plan, period=period, as_of=today, periods=periods, frozen=False)
    snapshots = [
        ActionSnapshot(
            period=period,
            action_id=row.action_id,
            theme_id=row.theme_id,
            theme_number=row.theme_number,
            theme_title=row.theme_title,
            theme_position=row.theme_position,
            position=row.position,
            ref=row.ref,
            action_text=row.action_text,
            owner_titles=row.owners,
            due_date=row.due_date,
            status=row.status,
            progress_rag=row.progress_rag or "",
            impact_rag=row.impact_rag or "",
            previous_progress_rag=row.previous_progress_rag or "",
            note=row.note,
            latest_update_at=row.latest_update_at,
            is_overdue=row.is_overdue,
            is_stale=row.is_stale,
        )
        for row in rows
    ]
    ActionSnapshot.objects.bulk_create(snapshots, batch_size=500)
    # bulk_create sets pks on PostgreSQL and SQLite 3.35+, both of which we run on.
    through = ActionSnapshot.owners.through
    through.objects.bulk_create(
        [
            through(actionsnapshot_id=snap.pk, owner_id=owner_id)
            for snap, row in zip(snapshots, rows)
            for owner_id, _ in row.owner_keys
        ],
        batch_size=1000,
    )
    return len(snapshots)


def period_snapshots_backfill(*, plan):
    """Freeze closed periods that have no snapshot yet (closed before snapshots existed, or by the demo loader).

    Periods are taken in month order so each one's "previous RAG" comes from the snapshot just written.
    Updates are attributed to periods, so live data gives the figures the period had, apart from later edits
    to actions (which is why closing writes the snapshot at once).
    """
    from plans.selectors.reporting import plan_periods

    done = 0
    with transaction.atomic():
        periods = plan_periods(plan=plan)
        with_snapshots = set(
            ActionSnapshot.objects.filter(period__plan=plan).values_list("period_id", flat=True).distinct()
        )
        for period in periods:
            if period.closed and period.pk not in with_snapshots:
                _snapshot_write(period=period, periods=periods, today=period.end)
                figures_keep(period=period, periods=periods)
                done += 1
    return done
