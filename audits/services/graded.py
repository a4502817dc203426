"""Graded audits: record grades, and feed a month's "% good or better" into a plan Measure."""
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from audits.models import GradedAuditItem
from audits.selectors import percentage
from plans.models import MeasureReading


def graded_item_record(*, kind, area, month, item_code, grade):
    item = GradedAuditItem(kind=kind, area=area.strip(), month=month.replace(day=1), item_code=item_code.strip(),
                           grade=grade)
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
    for `period` (replacing an earlier reading for that period, unless the period is closed)."""
    if measure.plan_id != period.plan_id:
        raise ValidationError("Choose a reporting period of the measure's plan.")
    if period.closed:
        raise ValidationError(f"{period.label} is closed: its readings can no longer change.")
    row = GradedAuditItem.objects.for_area(area).filter(month=month.replace(day=1)).monthly_grades().first()
    if not row or not row["total"]:
        raise ValidationError(f"No {area} items were graded in {month:%B %Y}.")
    value = percentage(row["good_or_better"], row["total"])
    reading, _ = MeasureReading.objects.update_or_create(
        measure=measure, period=period,
        defaults={
            "value": value,
            "source": f"Graded audits: {area}, {month:%B %Y} ({row['good_or_better']} of {row['total']} good or better)",
            "recorded_by": user,
        },
    )
    return GradedReading(reading=reading, good_or_better=row["good_or_better"], total=row["total"])
