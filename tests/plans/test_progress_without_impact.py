"""Progress without impact (plans.selectors.status.progress_without_impact): the rule, and the rows it
picks from a plan's periods."""

import datetime

import pytest

from plans.models import Rag
from plans.selectors.status import (
    IMPACT_STILL_PERIODS,
    earlier_impact_rags,
    progress_without_impact,
    progress_without_impact_rows,
    status_rows,
)
from plans.services.periods import period_close
from tests.factories import ActionFactory, ReportingPeriodFactory, ThemeFactory, UserFactory
from tests.plans.reporting_fixtures import update

G, B, A, R, GREY = Rag.GREEN, Rag.BLUE, Rag.AMBER, Rag.RED, Rag.GREY


@pytest.mark.parametrize("progress", [G, B])
@pytest.mark.parametrize("impact", [A, R])
def test_progress_on_track_with_impact_amber_or_red_is_listed(progress, impact):
    reason = progress_without_impact(progress_rag=progress, impact_rag=impact)
    assert reason == f"Impact {impact.label} while progress is {progress.label}"


@pytest.mark.parametrize("progress", [A, R, GREY, None])
def test_progress_not_on_track_is_never_listed(progress):
    assert progress_without_impact(progress_rag=progress, impact_rag=R) == ""
    assert progress_without_impact(progress_rag=progress, impact_rag=None, earlier_impact_rags=(None, None)) == ""


@pytest.mark.parametrize("impact", [G, B])
def test_impact_green_or_blue_is_never_listed_even_when_it_stands_still(impact):
    assert progress_without_impact(progress_rag=G, impact_rag=impact, earlier_impact_rags=(impact,) * 5) == ""


@pytest.mark.parametrize("impact", [GREY, None])
def test_impact_that_has_not_moved_for_three_periods_is_listed(impact):
    assert IMPACT_STILL_PERIODS == 3
    reason = progress_without_impact(progress_rag=G, impact_rag=impact, earlier_impact_rags=(impact, impact))
    assert reason.endswith("for 3 periods while progress is Green")
    # Two periods are not enough; nor is a move within the three.
    assert progress_without_impact(progress_rag=G, impact_rag=impact, earlier_impact_rags=(impact,)) == ""
    assert progress_without_impact(progress_rag=G, impact_rag=impact, earlier_impact_rags=(impact, A)) == ""
    assert progress_without_impact(progress_rag=G, impact_rag=impact, earlier_impact_rags=(A, impact)) == ""
    # Only the latest periods count: an older move does not clear it.
    assert progress_without_impact(progress_rag=G, impact_rag=impact, earlier_impact_rags=(impact, impact, R))


@pytest.fixture
def four_months(db):
    theme = ThemeFactory()
    user = UserFactory(is_superuser=True)
    months = [datetime.date(2026, m, 1) for m in (1, 2, 3, 4)]
    periods = [ReportingPeriodFactory(plan=theme.plan, month=m) for m in months]
    still = ActionFactory(theme=theme, ref="still", position=1)
    moved = ActionFactory(theme=theme, ref="moved", position=2)
    red = ActionFactory(theme=theme, ref="red", position=3)
    amber_progress = ActionFactory(theme=theme, ref="amber progress", position=4)
    for i, period in enumerate(periods):
        update(still, period, G, "")  # green progress, no impact rating, month after month
        update(moved, period, G, A if i == 1 else GREY)
        update(red, period, B if i == 3 else G, R)
        update(amber_progress, period, A, GREY)
    for period in periods[:3]:
        period_close(period=period, user=user)
    return theme.plan, periods


def test_earlier_impact_is_as_reported_for_each_earlier_period_latest_first(four_months):
    plan, periods = four_months
    rows = {row.ref: row.action_id for row in status_rows(plan=plan, period=periods[3])}
    earlier = earlier_impact_rags(plan=plan, period=periods[3])
    assert earlier[rows["moved"]] == (GREY, A)
    assert earlier[rows["still"]] == (None, None)
    assert earlier_impact_rags(plan=plan, period=periods[0]) == {}


def test_rows_listed_for_an_open_period_read_the_closed_ones_before_it(four_months, django_assert_num_queries):
    plan, periods = four_months
    rows = status_rows(plan=plan, period=periods[3])
    with django_assert_num_queries(2):  # the periods before, their snapshots
        listed = progress_without_impact_rows(rows, plan=plan, period=periods[3])
    assert [(row.ref, row.without_impact) for row in listed] == [
        ("still", "No impact rating for 3 periods while progress is Green"),
        ("red", "Impact Red while progress is Blue"),
    ]
    # In March, "moved" had an Amber impact in February: not still for three periods.
    march = progress_without_impact_rows(status_rows(plan=plan, period=periods[2]), plan=plan, period=periods[2])
    assert [row.ref for row in march] == ["still", "red"]
    # In February, "still" has stood for two periods only.
    february = progress_without_impact_rows(status_rows(plan=plan, period=periods[1]), plan=plan, period=periods[1])
    assert [row.ref for row in february] == ["moved", "red"]


def test_the_plan_page_filters_to_progress_without_impact(four_months, client):
    from django.urls import reverse

    plan, periods = four_months
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("plans:plan_detail", args=[plan.pk])
    page = client.get(url, {"period": periods[3].slug, "without_impact": "on"}).content.decode()
    assert "Progress without impact only" in page
    refs = {ref for ref in ("still", "moved", "red", "amber progress") if f">{ref}<" in page}
    assert refs == {"still", "red"}
    # As reported for February instead: "moved" (Amber impact) and "red".
    page = client.get(url, {"period": periods[1].slug, "without_impact": "on"}).content.decode()
    assert {ref for ref in ("still", "moved", "red", "amber progress") if f">{ref}<" in page} == {"moved", "red"}
