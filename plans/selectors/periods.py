"""Reads about reporting periods: what closing one will freeze, and who has not reported for it."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from plans.models import HighlightReport
from plans.selectors.status import status_rows


@dataclass
class ClosePreview:
    """What closing `period` will freeze and who has not reported, for the confirmation page."""

    period: object
    progress: object  # RagSummary of the rows to be frozen
    impact: object
    action_count: int
    round: object  # selectors_round.RoundPage: the actions with no update, by role and by person
    has_highlight_report: bool
    earlier_open: object  # an earlier open period (periods close in order), or None
    next_period: object  # the open period after it, if there is one already
    next_month: object  # the month that opens when there is none
    next_board_meeting: object  # the next period's board meeting (from the plan's board schedule), or None


def period_close_preview(*, plan, period, periods, today=None):
    """The figures the close will freeze (the open period's status rows, as the dashboard counts
    them), the round's missing updates, and the period that will be open afterwards."""
    from plans.selectors.reporting import rag_summary
    from plans.selectors.round import round_status

    today = today or timezone.localdate()
    rows = status_rows(plan=plan, period=period, as_of=today, periods=periods)
    progress, impact = rag_summary(rows)
    later_open = [p for p in periods if p.month > period.month and not p.closed]
    earlier_open = [p for p in periods if p.month < period.month and not p.closed]
    next_month = (periods[-1].month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    report = HighlightReport.objects.filter(period=period).first()
    return ClosePreview(
        period=period,
        progress=progress,
        impact=impact,
        action_count=len(rows),
        round=round_status(plan=plan, period=period, today=today),
        has_highlight_report=report is not None and not report.is_empty,
        earlier_open=earlier_open[0] if earlier_open else None,
        next_period=later_open[0] if later_open else None,
        next_month=None if later_open else next_month,
        next_board_meeting=later_open[0].board_meeting_date if later_open else plan.board_meeting_for(next_month),
    )
