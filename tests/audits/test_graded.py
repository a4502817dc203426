"""Graded audits: "% good or better" per month, and feeding it into a plan measure."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from audits.models import Grade, GradedAuditItem
from audits.selectors import graded_trend
from audits.services.graded import graded_percentage_record
from plans.models import MeasureReading
from tests.factories import MeasureFactory, ReportingPeriodFactory

MARCH, APRIL = datetime.date(2016, 3, 1), datetime.date(2016, 4, 1)


def _grades(month, grades, area="Assessments"):
    GradedAuditItem.objects.bulk_create(
        GradedAuditItem(area=area, month=month, item_code=f"CJA-{month:%Y%m}-{n:02d}", grade=grade)
        for n, grade in enumerate(grades, start=1)
    )


@pytest.fixture
def graded(db):
    # March: 2 of 3 good or better (67%); April: 7 of 8 (88%: 87.5 rounds half up)
    _grades(MARCH, [Grade.GOOD, Grade.OUTSTANDING, Grade.INADEQUATE])
    _grades(APRIL, [Grade.GOOD] * 6 + [Grade.OUTSTANDING, Grade.REQUIRES_IMPROVEMENT])
    _grades(APRIL, [Grade.INADEQUATE] * 5, area="Plans")  # another area: not counted


def test_trend_gives_percent_good_or_better_per_month(graded):
    trend = graded_trend(area="Assessments")
    assert [(row.month, row.good_or_better, row.total, row.percent) for row in trend] == [
        (MARCH, 2, 3, 67),
        (APRIL, 7, 8, 88),
    ]


def test_percentage_becomes_the_measure_reading_for_a_period(graded, world):
    measure = MeasureFactory(plan=world.plan, name="Assessments judged good", unit="%", target=90)
    result = graded_percentage_record(area="Assessments", month=APRIL, measure=measure, period=world.period)

    reading = MeasureReading.objects.get(measure=measure, period=world.period)
    assert reading.value == 88 and reading.pk == result.reading.pk
    assert "7 of 8" in reading.source

    # recording another month for the same period replaces the reading rather than adding one
    graded_percentage_record(area="Assessments", month=MARCH, measure=measure, period=world.period)
    assert list(MeasureReading.objects.filter(measure=measure).values_list("value", flat=True)) == [67]


def test_closed_period_with_a_reading_and_empty_month_are_refused(graded, world):
    measure = MeasureFactory(plan=world.plan)
    closed = ReportingPeriodFactory(plan=world.plan, month=datetime.date(2016, 1, 1), closed=True)
    MeasureReading.objects.create(measure=measure, period=closed, value=10)
    with pytest.raises(ValidationError, match="closed"):
        graded_percentage_record(area="Assessments", month=APRIL, measure=measure, period=closed)
    MeasureReading.objects.all().delete()
    with pytest.raises(ValidationError, match="No Assessments items"):
        graded_percentage_record(
            area="Assessments", month=datetime.date(2015, 1, 1), measure=measure, period=world.period
        )
    assert not MeasureReading.objects.exists()


def test_trend_page_shows_table_and_chart_and_lead_records_reading(graded, world, audit, client):
    world.plan.coordinators.add(audit.lead)
    measure = MeasureFactory(plan=world.plan, name="Assessments judged good")
    client.force_login(audit.lead)

    page = client.get("/audits/graded/?area=Assessments").content.decode()
    assert '<img class="app-chart__image" src="data:image/svg+xml;base64,' in page and "88%" in page and "67%" in page

    response = client.post(
        "/audits/graded/?area=Assessments",
        {
            "month": APRIL.isoformat(),
            "measure": measure.pk,
            "period": world.period.pk,
        },
    )
    assert response.status_code == 302
    assert MeasureReading.objects.get(measure=measure).value == 88

    client.force_login(audit.board)
    assert (
        client.post(
            "/audits/graded/?area=Assessments",
            {
                "month": MARCH.isoformat(),
                "measure": measure.pk,
                "period": world.period.pk,
            },
        ).status_code
        == 403
    )
    assert MeasureReading.objects.get(measure=measure).value == 88


def test_graded_item_form_refuses_a_name_as_item_code(audit, client):
    client.force_login(audit.lead)
    refused = client.post(
        "/audits/graded/new/",
        {
            "kind": "child_journey",
            "area": "Assessments",
            "month": "2016-04-12",
            "item_code": "Olivia Brown",
            "grade": "good",
        },
    )
    accepted = client.post(
        "/audits/graded/new/",
        {"kind": "child_journey", "area": "Assessments", "month": "2016-04-12", "item_code": "CJA-04", "grade": "good"},
    )
    assert refused.status_code == 200 and "There is a problem" in refused.content.decode()
    assert accepted.status_code == 302
    assert list(GradedAuditItem.objects.values_list("item_code", "month")) == [("CJA-04", APRIL)]


def test_every_graded_month_feeds_the_measure_a_closed_month_late(graded, world):
    from audits.services.graded import graded_percentages_record_every

    measure = MeasureFactory(plan=world.plan, unit="%")
    march = ReportingPeriodFactory(plan=world.plan, month=MARCH, closed=True)
    april = ReportingPeriodFactory(plan=world.plan, month=APRIL)
    feed = graded_percentages_record_every(area="Assessments", measure=measure)
    readings = {r.period: (r.value, r.late) for r in MeasureReading.objects.all()}
    assert readings == {march: (67, True), april: (88, False)}
    assert feed.skipped == []
    # Again: March is closed with its reading now, and is skipped with the reason; April is corrected.
    feed = graded_percentages_record_every(area="Assessments", measure=measure)
    assert [month for month, _why in feed.skipped] == [MARCH]
    assert "already has its reading" in feed.skipped[0][1]
