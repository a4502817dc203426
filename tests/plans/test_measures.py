"""Measures: definition, milestones, readings per period, corrections, chart and query counts."""

import base64
import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans.models import Measure, MeasureMilestone, MeasureReading
from plans.selectors.coordination import measure_page, milestone_due_by
from plans.services import measures as services
from plans.services.measure_charts import measure_chart_svg
from tests.factories import MeasureFactory, MeasureReadingFactory, ReportingPeriodFactory

pytestmark = pytest.mark.django_db


def month(year, m):
    return datetime.date(year, m, 1)


@pytest.fixture
def measure(world):
    m = MeasureFactory(
        plan=world.plan,
        name="Assessments on time",
        unit="%",
        baseline=50,
        target=90,
        target_date=datetime.date(2026, 12, 31),
    )
    m.actions.add(world.action)
    return m


@pytest.mark.parametrize(
    "role, list_status, detail_status, edit_status",
    [
        ("admin", 200, 200, 200),
        ("coordinator", 200, 200, 200),
        ("owner", 200, 200, 403),
        ("board", 200, 200, 403),
        ("outsider_coordinator", 403, 403, 403),
        ("outsider_board", 403, 403, 403),
        ("nobody", 403, 403, 403),
    ],
)
def test_measure_pages_by_role(client, world, measure, role, list_status, detail_status, edit_status):
    client.force_login(world.user(role))
    assert client.get(reverse("plans:measure_list", args=[world.plan.pk])).status_code == list_status
    assert client.get(reverse("plans:measure_detail", args=[measure.pk])).status_code == detail_status
    assert client.get(reverse("plans:measure_edit", args=[measure.pk])).status_code == edit_status
    assert client.get(reverse("plans:measure_create", args=[world.plan.pk])).status_code == edit_status


@pytest.mark.parametrize("role", ["owner", "board", "outsider_coordinator", "nobody"])
def test_readers_cannot_record_readings_or_change_measures(client, world, measure, role):
    client.force_login(world.user(role))
    response = client.post(
        reverse("plans:measure_detail", args=[measure.pk]), {"period": world.period.pk, "value": "70"}
    )
    assert response.status_code == 403
    assert (
        client.post(
            reverse("plans:measure_edit", args=[measure.pk]), {"name": "Hijacked", "direction": "higher"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("plans:measure_create", args=[world.plan.pk]), {"name": "New", "direction": "higher"}
        ).status_code
        == 403
    )
    assert not MeasureReading.objects.exists()
    measure.refresh_from_db()
    assert measure.name == "Assessments on time" and Measure.objects.count() == 1


def test_define_a_measure_with_milestones_and_linked_actions(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:measure_create", args=[world.plan.pk]),
        {
            "name": "Re-referrals within 12 months",
            "unit": "%",
            "baseline": "24",
            "target": "18",
            "target_date": "2026-12-31",
            "direction": "lower",
            "actions": [world.action.pk, world.other_action.pk],
        },
    )
    measure = Measure.objects.get(name="Re-referrals within 12 months")
    assert response["Location"] == reverse("plans:measure_edit", args=[measure.pk])
    assert set(measure.actions.all()) == {world.action, world.other_action}
    url = reverse("plans:measure_edit", args=[measure.pk])
    client.post(url, {"milestone_submit": "1", "due_date": "2026-06-30", "value": "21", "label": "Half year"})
    response = client.post(url, {"milestone_submit": "1", "due_date": "2026-06-30", "value": "20"})
    assert "There is already a milestone due on 30 June 2026" in response.content.decode()
    response = client.post(url, {"milestone_submit": "1", "due_date": "", "value": "lots"})
    page = response.content.decode()
    assert "Enter the milestone date" in page and "Value to reach must be a number" in page
    assert list(measure.milestones.values_list("value", flat=True)) == [Decimal("21")]
    milestone = measure.milestones.get()
    client.post(reverse("plans:milestone_remove", args=[measure.pk, milestone.pk]))
    assert not measure.milestones.exists()
    action_page = client.get(world.action.get_absolute_url()).content.decode()
    assert reverse("plans:measure_detail", args=[measure.pk]) in action_page


def test_board_cannot_remove_a_milestone(client, world, measure):
    milestone = MeasureMilestone.objects.create(measure=measure, due_date=datetime.date(2026, 6, 30), value=70)
    client.force_login(world.board)
    assert client.post(reverse("plans:milestone_remove", args=[measure.pk, milestone.pk])).status_code == 403
    assert measure.milestones.exists()


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"name": "", "direction": "higher"}, "name", "Enter the name"),
        ({"name": "M", "direction": ""}, "direction", "Select whether higher or lower is better"),
        ({"name": "M", "direction": "higher", "baseline": "fifty"}, "baseline", "Baseline must be a number"),
        ({"name": "M", "direction": "higher", "target": "1.234"}, "target", "at most 2 decimal places"),
        ({"name": "M", "direction": "higher", "target_date": "2026-13-01"}, "target_date", "must be a real date"),
    ],
)
def test_measure_form_validation(client, world, data, field, message):
    client.force_login(world.coordinator)
    response = client.post(reverse("plans:measure_create", args=[world.plan.pk]), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Measure.objects.exists()


def test_linking_actions_of_another_plan_is_refused(world, measure):
    with pytest.raises(ValidationError):
        services.measure_update(measure=measure, actions=[world.foreign_action], expected_version=measure.version)
    assert list(measure.actions.all()) == [world.action]


def test_record_a_reading_and_correct_it_keeping_the_earlier_value(client, world, measure):
    client.force_login(world.coordinator)
    url = reverse("plans:measure_detail", args=[measure.pk])
    client.post(url, {"period": world.period.pk, "value": "64", "note": "From the October report", "source": "Mosaic"})
    reading = MeasureReading.objects.get()
    assert (reading.value, reading.recorded_by) == (Decimal("64"), world.coordinator)
    response = client.post(url, {"period": world.period.pk, "value": "66.5", "note": "Late returns added"}, follow=True)
    assert "corrected" in response.content.decode()
    reading = MeasureReading.objects.get()
    assert reading.value == Decimal("66.5")
    assert "Late returns added" in reading.note
    assert "Earlier reading 64" in reading.note and "64.00" not in reading.note and "source: Mosaic" in reading.note
    assert "From the October report" in reading.note
    assert "66.5" in response.content.decode()


def test_a_closed_periods_reading_is_never_changed(client, world, measure):
    closed = ReportingPeriodFactory(plan=world.plan, month=month(2025, 1), closed=True)
    MeasureReading.objects.create(measure=measure, period=closed, value=Decimal("40"))
    with pytest.raises(ValidationError) as error:
        services.reading_record(measure=measure, period=closed, value=Decimal("1"), recorded_by=world.coordinator)
    assert "January 2025 is closed and already has its reading" in str(error.value)
    client.force_login(world.coordinator)
    response = client.post(reverse("plans:measure_detail", args=[measure.pk]), {"period": closed.pk, "value": "5"})
    assert "January 2025 is closed and already has its reading" in response.content.decode()
    assert list(MeasureReading.objects.values_list("value", flat=True)) == [Decimal("40")]


def test_a_late_reading_for_a_closed_month_is_marked_late_and_leaves_its_frozen_figures_alone(client, world, measure):
    from django.utils import timezone

    from plans.selectors.reporting import measure_statuses

    closed = ReportingPeriodFactory(
        plan=world.plan, month=month(2025, 1), closed=True, closed_at=timezone.now() - datetime.timedelta(days=30)
    )
    assert measure_statuses(plan=world.plan, period=closed)[0].latest is None
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:measure_detail", args=[measure.pk]), {"period": closed.pk, "value": "55"}, follow=True
    )
    reading = MeasureReading.objects.get()
    assert (reading.period, reading.value, reading.late) == (closed, Decimal("55"), True)
    content = response.content.decode()
    assert "recorded late" in content and ">Late<" in content
    [chart] = re.findall(
        r'<img class="app-chart__image" src="data:image/svg\+xml;base64,([^"]+)" alt="Chart of readings', content
    )
    assert "Reading recorded late" in base64.b64decode(chart).decode()  # the chart's series for late readings
    # What the board read for January stays as it was; later months see the reading.
    assert measure_statuses(plan=world.plan, period=closed)[0].latest is None
    assert measure_statuses(plan=world.plan, period=world.period)[0].latest == reading


@pytest.mark.parametrize(
    "data, message",
    [
        ({"value": ""}, "Enter the reading"),
        ({"value": "sixty"}, "Reading must be a number"),
        ({"value": "60", "period": "999999"}, "Select a reporting period of this plan"),
    ],
)
def test_reading_form_validation(client, world, measure, data, message):
    client.force_login(world.coordinator)
    response = client.post(reverse("plans:measure_detail", args=[measure.pk]), {"period": world.period.pk, **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MeasureReading.objects.exists()


def test_reading_for_another_plans_period_is_refused(world, measure):
    foreign_period = world.other_plan.periods.get()
    with pytest.raises(ValidationError):
        services.reading_record(measure=measure, period=foreign_period, value=Decimal("1"), recorded_by=world.admin)


def test_milestone_due_by_picks_the_latest_due_on_or_before():
    class M:
        def __init__(self, d):
            self.due_date = d

    milestones = [M(datetime.date(2026, 3, 31)), M(datetime.date(2026, 6, 30))]
    assert milestone_due_by(milestones, datetime.date(2026, 2, 28)) is None
    assert milestone_due_by(milestones, datetime.date(2026, 3, 31)) is milestones[0]
    assert milestone_due_by(milestones, datetime.date(2026, 6, 30)) is milestones[1]


@pytest.mark.parametrize(
    "direction, values, expected",
    [
        ("higher", [55, 70, 80], [True, False, True]),
        ("lower", [65, 45, 50], [False, True, True]),
    ],
)
def test_readings_against_milestones(world, direction, values, expected):
    # Milestones due by March and by May (50 then 75 rising, or 60 then 50 falling);
    # periods Feb (no milestone due yet), Mar, May, Jun (May's milestone still the one due).
    measure = MeasureFactory(plan=world.plan, direction=direction, target=90 if direction == "higher" else 10)
    MeasureMilestone.objects.create(
        measure=measure, due_date=datetime.date(2026, 3, 31), value=50 if direction == "higher" else 60
    )
    MeasureMilestone.objects.create(
        measure=measure, due_date=datetime.date(2026, 5, 31), value=75 if direction == "higher" else 50
    )
    feb = ReportingPeriodFactory(plan=world.plan, month=month(2026, 2))
    periods = [ReportingPeriodFactory(plan=world.plan, month=month(2026, m)) for m in (3, 5, 6)]
    MeasureReadingFactory(measure=measure, period=feb, value=10)
    for period, value in zip(periods, values):
        MeasureReadingFactory(measure=measure, period=period, value=value)
    page = measure_page(pk=measure.pk)
    by_month = {row.period.month: row for row in page.rows}
    assert by_month[month(2026, 2)].milestone is None and by_month[month(2026, 2)].met is None
    assert [by_month[p.month].met for p in periods] == expected
    assert by_month[month(2026, 6)].milestone.due_date == datetime.date(2026, 5, 31)


def test_measure_page_shows_chart_table_and_target_status(client, world, measure):
    MeasureMilestone.objects.create(measure=measure, due_date=datetime.date(2026, 6, 30), value=70)
    MeasureReadingFactory(measure=measure, period=world.period, value=72, note="Better", source="Mosaic")
    client.force_login(world.board)
    page = client.get(reverse("plans:measure_detail", args=[measure.pk])).content.decode()
    [chart] = re.findall(
        r'<img class="app-chart__image" src="data:image/svg\+xml;base64,([^"]+)" alt="Chart of readings', page
    )
    svg = base64.b64decode(chart).decode()
    assert svg.startswith("<svg") and "<script" not in svg and "Reading" in svg and ": 72%</title>" in svg
    assert "72%" in page and "Target not yet met" in page
    assert "Record a reading" not in page


def test_chart_renders_readings_milestones_and_target(world, measure):
    svg = measure_chart_svg(
        measure=measure,
        readings=[(month(2026, 1), Decimal("55")), (month(2026, 3), Decimal("68"))],
        milestones=[(datetime.date(2026, 6, 30), Decimal("75"))],
    )
    assert svg.startswith("<svg") and "<?xml" not in svg and "<script" not in svg
    for label in (
        "Reading January 2026: 55%",
        "Reading March 2026: 68%",
        "Milestone June 2026: 75%",
        "Dec 2026",
        "Reading",
        "Milestone",
        "Target 90%",
    ):
        assert label in svg
    assert "#1d70b8" in svg


def _many_readings(world, measure, n):
    for i in range(n):
        period = ReportingPeriodFactory(plan=world.plan, month=month(2020 + i // 12, i % 12 + 1))
        MeasureReadingFactory(measure=measure, period=period, value=50 + i)
        MeasureMilestone.objects.create(measure=measure, due_date=period.end, value=40 + i)


@pytest.mark.parametrize("size", [1, 40])
def test_measure_page_query_count_is_fixed(client, world, measure, size, django_assert_max_num_queries):
    _many_readings(world, measure, size)
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("plans:measure_detail", args=[measure.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 40])
def test_measure_list_query_count_is_fixed(client, world, size, django_assert_max_num_queries):
    for _i in range(size):
        MeasureFactory(plan=world.plan).actions.add(world.action)
    client.force_login(world.board)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("plans:measure_list", args=[world.plan.pk]))
    assert response.status_code == 200


def test_measure_page_query_count_is_the_same_for_small_and_large_data(client, world, measure):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _many_readings(world, measure, 1)
    client.force_login(world.coordinator)
    url = reverse("plans:measure_detail", args=[measure.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(30):
        period = ReportingPeriodFactory(plan=world.plan, month=month(2010 + i // 12, i % 12 + 1))
        MeasureReadingFactory(measure=measure, period=period, value=i)
        MeasureMilestone.objects.create(measure=measure, due_date=period.end, value=i)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(small) == len(large)


def test_chart_spaces_months_evenly_and_names_the_measure(world, measure):
    from plans.services.measure_charts import months_between

    assert months_between(month(2025, 11), month(2026, 2)) == [
        month(2025, 11),
        month(2025, 12),
        month(2026, 1),
        month(2026, 2),
    ]
    svg = measure_chart_svg(measure=measure, readings=[(month(2026, 9), Decimal("80"))], milestones=[])
    for label in ("Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026"):
        assert label in svg
    assert "<title>Assessments on time</title>" in svg and "Pygal" not in svg


@pytest.mark.parametrize(
    "value, unit, shown",
    [
        (Decimal("73.00"), "%", "73%"),
        (Decimal("12.50"), "days", "12.5 days"),
        (Decimal("400.00"), "", "400"),
        (Decimal("0.25"), "%", "0.25%"),
        (None, "%", "—"),
    ],
)
def test_measure_values_are_written_as_people_write_them(value, unit, shown):
    from plans.templatetags.plan_tags import measure_value

    assert measure_value(value, unit) == shown


@pytest.mark.parametrize(
    "unit, value, message",
    [
        ("%", "-5", "percentage: enter a number from 0 to 100"),
        ("%", "100.5", "percentage: enter a number from 0 to 100"),
        ("days", "-1", "The reading must be 0 or more"),
        ("", "-3", "The reading must be 0 or more"),
    ],
)
def test_a_reading_outside_its_units_range_is_refused(client, world, measure, unit, value, message):
    Measure.objects.filter(pk=measure.pk).update(unit=unit)
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:measure_detail", args=[measure.pk]), {"period": world.period.pk, "value": value}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MeasureReading.objects.exists()


@pytest.mark.parametrize("unit, value", [("%", "0"), ("%", "100"), ("days", "0"), ("per 10,000 children", "512.3")])
def test_a_reading_within_its_units_range_is_recorded(world, measure, unit, value):
    Measure.objects.filter(pk=measure.pk).update(unit=unit)
    measure.refresh_from_db()
    services.reading_record(measure=measure, period=world.period, value=Decimal(value), recorded_by=world.coordinator)
    assert MeasureReading.objects.get().value == Decimal(value)


def test_targets_baselines_and_milestones_follow_the_unit_too(world, measure):
    with pytest.raises(ValidationError, match="from 0 to 100"):
        services.measure_update(measure=measure, expected_version=measure.version, target=Decimal("120"))
    with pytest.raises(ValidationError, match="0 or more"):
        services.measure_create(plan=world.plan, name="Days to assessment", unit="days", baseline=Decimal("-2"))
    with pytest.raises(ValidationError, match="from 0 to 100"):
        services.milestone_add(measure=measure, due_date=datetime.date(2026, 6, 30), value=Decimal("-1"))
    measure.refresh_from_db()
    assert measure.target == 90 and not measure.milestones.exists()


def test_a_bad_milestone_keeps_everything_typed_in_the_measure_and_shows_one_summary(client, world, measure):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:measure_edit", args=[measure.pk]),
        {
            "name": "Assessments in 45 days (renamed)",
            "unit": "%",
            "baseline": "52",
            "target": "85",
            "target_date": "2027-03-31",
            "direction": "higher",
            "version": measure.version,
            "milestone_submit": "1",
            "due_date": "2026-06-30",
            "value": "seventy",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="govuk-error-summary"') == 1
    assert "Value to reach must be a number" in page
    for typed in ('value="Assessments in 45 days (renamed)"', 'value="52"', 'value="85"', 'value="2027-03-31"'):
        assert typed in page
    measure.refresh_from_db()
    assert measure.name != "Assessments in 45 days (renamed)" and not measure.milestones.exists()
