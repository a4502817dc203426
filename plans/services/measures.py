"""Writes about impact measures: definition, milestones, links to actions, monthly readings.

Readings: one per measure per reporting period (a database constraint). A reading for an open
period may be corrected; the correction replaces the value and the earlier value is kept in the
reading's correction history (see docs/decisions/0006-measure-reading-corrections.md). Readings
for closed periods are what the board read and cannot be entered or changed.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.concurrency import many_to_many, save_if_unchanged
from plans.models import Measure, MeasureDirection, MeasureMilestone, MeasureReading
from plans.models.measures import value_problem
from plans.services import stripped
from plans.validators import check_dates

MEASURE_FIELDS = ("name", "description", "unit", "baseline", "target", "target_date", "direction")


def _validate_measure(fields, unit=""):
    """`unit`: the measure's unit as saved, when `fields` do not change it."""
    errors = {}
    unit = fields.get("unit", unit)
    for name, what in (("baseline", "The baseline"), ("target", "The target")):
        problem = value_problem(fields.get(name), unit, what)
        if problem:
            errors[name] = problem
    if "name" in fields and not (fields["name"] or "").strip():
        errors["name"] = "Enter the measure's name"
    if "direction" in fields and fields["direction"] not in MeasureDirection.values:
        errors["direction"] = "Select whether higher or lower is better"
    try:
        check_dates(target_date=fields.get("target_date"))
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)


def _check_actions(plan, actions):
    for action in actions:
        if action.theme.plan_id != plan.pk:
            raise ValidationError({"actions": "Linked actions must be actions of this plan"})


def measure_create(*, plan, name, actions=(), **fields):
    fields = {k: v for k, v in fields.items() if k in MEASURE_FIELDS}
    _validate_measure({"name": name, **fields})
    actions = list(actions)
    _check_actions(plan, actions)
    with transaction.atomic():
        measure = Measure.objects.create(plan=plan, name=name.strip(), **fields)
        measure.actions.set(actions)
    return measure


def measure_update(*, measure, expected_version, actions=None, **fields):
    """Change a measure's definition and linked actions, if nobody has saved it since
    `expected_version` (else ConcurrentEditError, nothing written)."""
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"measure_update does not change {sorted(unknown)}")
    _validate_measure(fields, unit=measure.unit)
    if actions is not None:
        actions = list(actions)
        _check_actions(measure.plan, actions)
    related = (
        {"actions": many_to_many(Measure, "actions", actions, label="Linked actions")} if actions is not None else {}
    )
    with transaction.atomic():
        save_if_unchanged(measure, expected_version=expected_version, changes=stripped(fields), related=related)
        if actions is not None:
            measure.actions.set(actions)
    return measure


def milestone_add(*, measure, due_date, value, label=""):
    errors = {}
    if due_date is None:
        errors["due_date"] = "Enter the date the milestone is due"
    if value is None:
        errors["value"] = "Enter the value to reach by then"
    elif problem := measure.value_problem(value, "The value to reach"):
        errors["value"] = problem
    try:
        check_dates(due_date=due_date)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not errors and measure.milestones.filter(due_date=due_date).exists():
        errors["due_date"] = f"There is already a milestone due on {due_date:%-d %B %Y}"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return MeasureMilestone.objects.create(measure=measure, due_date=due_date, value=value, label=label.strip())


def milestone_remove(*, milestone):
    with transaction.atomic():
        milestone.delete()


def reading_late_check(*, measure, period):
    """Whether a reading for `period` is late (its month is closed), refusing a closed month that
    already has its reading: what the board read for it never changes."""
    if not period.closed:
        return False
    if MeasureReading.objects.filter(measure=measure, period=period).exists():
        raise ValidationError(
            {"period": f"{period.label} is closed and already has its reading: the board read it and it cannot change"}
        )
    return True


def reading_record(*, measure, period, value, recorded_by, note="", source="", now=None):
    """Record the measure's reading for a period, or correct it while the period is open.

    A reading for a closed period that has none is recorded late (marked so, shown on the chart);
    the figures frozen when the period closed never include it. A correction replaces the value;
    the replaced value, note and who recorded it are appended to the note under "Earlier reading",
    so nothing entered is lost. Returns (reading, corrected).
    """
    errors = {}
    if period is None or period.plan_id != measure.plan_id:
        errors["period"] = "Select a reporting period of this plan"
    if value is None:
        errors["value"] = "Enter the reading, as a number"
    elif problem := measure.value_problem(value):
        errors["value"] = problem
    if errors:
        raise ValidationError(errors)
    late = reading_late_check(measure=measure, period=period)
    now = now or timezone.now()
    note, source = (note or "").strip(), (source or "").strip()
    with transaction.atomic():
        reading = MeasureReading.objects.select_for_update().filter(measure=measure, period=period).first()
        if reading is None:
            reading = MeasureReading.objects.create(
                measure=measure,
                period=period,
                value=value,
                note=note,
                source=source,
                recorded_by=recorded_by,
                late=late,
            )
            return reading, False
        who = (
            reading.recorded_by.get_full_name() or reading.recorded_by.get_username()
            if reading.recorded_by
            else "unknown"
        )
        earlier = f"Earlier reading {measure.value_text(reading.value)} (recorded by {who}"
        earlier += f", source: {reading.source}" if reading.source else ""
        earlier += f"), replaced on {timezone.localtime(now):%-d %B %Y}"
        earlier += f": {reading.note}" if reading.note else ""
        reading.value = value
        reading.source = source
        reading.note = f"{note}\n\n{earlier}" if note else earlier
        reading.recorded_by = recorded_by
        reading.save()
    return reading, True
