"""Graded audits: record grades, and feed a month's "% good or better" into a plan Measure."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from audits.models import GradedAuditItem
from audits.selectors import percentage
from plans.models import MeasureReading
from plans.services.measures import reading_late_check


def graded_item_record(*, kind, area, month, item_code, grade):
    item = GradedAuditItem(
        kind=kind, area=area.strip(), month=month.replace(day=1), item_code=item_code.strip(), grade=grade
    )
    item.full_clean()
    item.save()
    return item


@dataclass
class GradedReading:
    reading: MeasureReading
    good_or_better: int
    total: int


@transaction.atomic
def graded_percentage_record(*, area, month, measure, period, user=None):
    """Record the % of the area's items graded good or better in `month` as the measure's reading
    for `period` (replacing an earlier reading for that period while it is open; a closed period
    without a reading gets one marked late, and one with a reading is never changed)."""
    if measure.plan_id != period.plan_id:
        raise ValidationError("Choose a reporting period of the measure's plan.")
    late = reading_late_check(measure=measure, period=period)
    row = GradedAuditItem.objects.for_area(area).filter(month=month.replace(day=1)).monthly_grades().first()
    if not row or not row["total"]:
        raise ValidationError(f"No {area} items were graded in {month:%B %Y}.")
    value = percentage(row["good_or_better"], row["total"])
    reading, _ = MeasureReading.objects.update_or_create(
        measure=measure,
        period=period,
        defaults={
            "value": value,
            "source": f"Graded audits: {area}, {month:%B %Y} ({row['good_or_better']} of {row['total']} good or better)",
            "recorded_by": user,
            "late": late,
        },
    )
    return GradedReading(reading=reading, good_or_better=row["good_or_better"], total=row["total"])


@dataclass
class GradedFeed:
    recorded: list  # [GradedReading]
    skipped: list  # [(month, why)]


def graded_percentages_record_every(*, area, measure, user=None):
    """Feed every graded month of the area into the measure: each month's "% good or better" becomes
    the reading of the plan's reporting period for the same month. A closed month without its
    reading gets it late; a closed month with one, or a month with no reporting period, is skipped."""
    periods = {p.month: p for p in measure.plan.periods.all()}
    months = [row["month"] for row in GradedAuditItem.objects.for_area(area).monthly_grades()]
    if not months:
        raise ValidationError(f"No {area} items have been graded yet.")
    feed = GradedFeed(recorded=[], skipped=[])
    for month in sorted(months):
        period = periods.get(month)
        if period is None:
            feed.skipped.append((month, "the plan has no reporting period for it"))
            continue
        try:
            feed.recorded.append(
                graded_percentage_record(area=area, month=month, measure=measure, period=period, user=user)
            )
        except ValidationError as error:
            feed.skipped.append((month, " ".join(error.messages)))
    return feed
