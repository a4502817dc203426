"""Dates people type are bounded, and no date held makes a chart, page or board pack cost more than
a bounded amount (issue 13, point 1)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans.models import Measure, MeasureMilestone
from plans.services import measures as measure_services
from plans.services import structure as structure_services
from plans.services.measure_charts import MAX_CHART_MONTHS, measure_chart_svg
from tests.factories import MeasureFactory, MeasureReadingFactory

pytestmark = pytest.mark.django_db

FAR = datetime.date(9999, 12, 31)


def test_a_far_future_target_date_is_refused_by_the_form(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:measure_create", args=[world.plan.pk]),
        {"name": "Visits on time", "direction": "higher", "target_date": "31/12/9999"},
    )
    assert response.status_code == 200
    assert "between 1 January 2000 and 31 December 2100" in " ".join(response.context["form"].errors["target_date"])
    assert not Measure.objects.exists()


@pytest.mark.parametrize("day", [datetime.date(1999, 12, 31), datetime.date(2101, 1, 1), FAR])
def test_services_refuse_dates_out_of_range(world, day):
    measure = MeasureFactory(plan=world.plan)
    with pytest.raises(ValidationError, match="between 1 January 2000"):
        measure_services.milestone_add(measure=measure, due_date=day, value=Decimal("10"))
    with pytest.raises(ValidationError, match="between 1 January 2000"):
        measure_services.measure_update(measure=measure, expected_version=measure.version, target_date=day)
    with pytest.raises(ValidationError, match="between 1 January 2000"):
        structure_services.action_update(action=world.action, expected_version=world.action.version, due_date=day)
    with pytest.raises(ValidationError, match="between 1 January 2000"):
        structure_services.plan_update(plan=world.plan, expected_version=world.plan.version, end_date=day)
    assert not measure.milestones.exists()
    measure.refresh_from_db()
    world.action.refresh_from_db()
    world.plan.refresh_from_db()
    assert measure.target_date != day and world.action.due_date != day and world.plan.end_date != day


def test_the_bounds_are_inclusive(world):
    measure = MeasureFactory(plan=world.plan)
    measure_services.milestone_add(measure=measure, due_date=datetime.date(2100, 12, 31), value=Decimal("10"))
    measure_services.milestone_add(measure=measure, due_date=datetime.date(2000, 1, 1), value=Decimal("10"))
    assert measure.milestones.count() == 2


@pytest.fixture
def far_measure(world):
    """A measure already holding 9999-12-31 (written before the bound existed), with a reading and
    milestones months and millennia apart."""
    measure = MeasureFactory(plan=world.plan, name="Visits on time", unit="%", target=90)
    measure.actions.add(world.action)
    MeasureReadingFactory(measure=measure, period=world.period, value=64)
    MeasureMilestone.objects.create(measure=measure, due_date=datetime.date(2026, 6, 30), value=70)
    MeasureMilestone.objects.create(measure=measure, due_date=datetime.date(9999, 11, 30), value=80)
    Measure.objects.filter(pk=measure.pk).update(target_date=FAR)
    measure.refresh_from_db()
    return measure


def test_a_measure_holding_a_far_future_date_still_renders_its_pages(client, world, far_measure):
    client.force_login(world.coordinator)
    for url in (
        reverse("plans:measure_detail", args=[far_measure.pk]),
        reverse("plans:board_dashboard", args=[world.plan.pk]) + "?section=measures",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(response.content) < 600_000, url
        assert "Visits on time" in response.content.decode()
    response = client.get(reverse("plans:board_pack_pdf", args=[world.plan.pk]))
    assert response.status_code == 200
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    assert pdf.startswith(b"%PDF") and len(pdf) < 2_000_000


def test_a_chart_spans_the_months_that_carry_data_capped(world, far_measure):
    svg = measure_chart_svg(
        measure=far_measure,
        readings=[(world.period.month, Decimal("64"))],
        milestones=[(datetime.date(2026, 6, 30), Decimal("70")), (datetime.date(9999, 11, 30), Decimal("80"))],
    )
    assert "Nov 9999" in svg and "Dec 9999" in svg
    assert "Dec 5000" not in svg and len(svg) < 100_000
    many = [(datetime.date(2000 + i // 12, i % 12 + 1, 1), Decimal(i % 100)) for i in range(1200)]
    svg = measure_chart_svg(measure=far_measure, readings=many, milestones=[])
    assert svg.count('<desc class="value">') <= 3 * MAX_CHART_MONTHS
    assert "Dec 2099" in svg  # the latest months are the ones kept


def test_the_rag_trend_chart_draws_a_bounded_number_of_periods(world):
    from plans.charts import MAX_CHART_POINTS, rag_trend_chart
    from plans.models import ReportingPeriod
    from plans.rag import RAG_ORDER
    from plans.selectors.reporting import RagSummary, TrendPoint

    summary = RagSummary.build([(rag, 1) for rag in [*RAG_ORDER, None]], len(RAG_ORDER) + 1)
    trend = [
        TrendPoint(period=ReportingPeriod(month=datetime.date(2000 + i // 12, i % 12 + 1, 1)), progress=summary)
        for i in range(MAX_CHART_POINTS * 3)
    ]
    svg = str(rag_trend_chart(trend))
    assert "Dec 29" in svg and "Jan 00" not in svg
    assert len(set(re.findall(r"\b[A-Z][a-z]{2} \d\d\b", svg))) == MAX_CHART_POINTS


@pytest.mark.django_db
def test_the_graded_audit_chart_draws_a_bounded_number_of_months():
    from audits.charts import good_or_better_chart
    from audits.selectors import GradedMonth
    from plans.charts import MAX_CHART_POINTS

    fields = {name: 1 for name in GradedMonth.__dataclass_fields__ if name != "month"}
    trend = [
        GradedMonth(month=datetime.date(2000 + i // 12, i % 12 + 1, 1), **fields) for i in range(MAX_CHART_POINTS * 3)
    ]
    svg = str(good_or_better_chart(trend=trend, area="Assessments"))
    assert "Dec 2029" in svg and "Jan 2000" not in svg
    assert len(set(re.findall(r"\b[A-Z][a-z]{2} \d{4}\b", svg))) == MAX_CHART_POINTS


def test_the_models_refuse_dates_out_of_range_so_the_admin_does_too(world):
    from audits.models import AuditProgramme

    milestone = MeasureMilestone(measure=MeasureFactory(plan=world.plan), due_date=FAR, value=1)
    with pytest.raises(ValidationError, match="between 1 January 2000"):
        milestone.full_clean()
    world.plan.end_date = FAR
    with pytest.raises(ValidationError) as error:
        world.plan.full_clean()
    assert "end_date" in error.value.message_dict
    programme = AuditProgramme(title="Audit", period_start=datetime.date(2015, 4, 1), period_end=FAR)
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "period_end" in error.value.message_dict


@pytest.mark.parametrize(
    "timescale, due",
    [
        ("31/12/9999", None),
        ("Ongoing (31/12/9999)", None),
        (datetime.datetime(9999, 12, 31), None),
        ("31 March 2027, then 31/12/9999", datetime.date(2027, 3, 31)),
    ],
)
def test_an_imported_timescale_out_of_range_gives_no_due_date(timescale, due):
    from plans.importing.cleaning import parse_due_date

    assert parse_due_date(timescale) == due
