"""The board dashboard counted by the database (plans.selectors.dashboard) and its pages: the same
figures as the status read model's rules, lists that fetch only what they show, bounded pages."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import ActionSnapshot, PeriodFigures, Rag
from plans.selectors import dashboard
from plans.selectors.reporting import plan_periods
from plans.selectors.status import movement, progress_without_impact_rows, status_rows
from tests.factories import OwnerFactory
from tests.plans.reporting_fixtures import board, update  # noqa: F401 (fixture)
from tests.plans.test_reporting_views import _bulk_plan, close_jan_feb, dashboard_url

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 10)


def _expected(plan, period, periods):
    """The figures as the status read model and its rules give them, row by row."""
    rows = status_rows(plan=plan, period=period, as_of=TODAY, periods=periods)
    has_previous = any(p.month < period.month for p in periods)
    moved = [movement(r.progress_rag, r.previous_progress_rag) if has_previous else None for r in rows]
    return {
        "progress": {rag: sum(r.progress_rag == rag for r in rows) for rag in [*Rag, None]},
        "impact": {rag: sum(r.impact_rag == rag for r in rows) for rag in [*Rag, None]},
        "red": sum(r.progress_rag == Rag.RED for r in rows),
        "overdue": sum(r.is_overdue for r in rows),
        "stale": sum(r.is_stale for r in rows),
        "without_impact": len(progress_without_impact_rows(rows, plan=plan, period=period, periods=periods)),
        **{name: moved.count(name) for name in dashboard.MOVEMENTS},
    }


def _counted(figures):
    return {
        "progress": {rag: figures.progress.count(rag) for rag in [*Rag, None]},
        "impact": {rag: figures.impact.count(rag) for rag in [*Rag, None]},
        **figures.counts,
    }


def _still_impact(board):
    """An action Green for three periods with no impact rating: progress without impact by the
    "has not moved" half of the rule; and one Green with impact Red."""
    update(board.actions[4], board.jan, Rag.GREEN)
    update(board.actions[4], board.feb, Rag.GREEN)
    update(board.actions[4], board.mar, Rag.GREEN)
    update(board.actions[3], board.mar, Rag.GREEN, Rag.RED)


@pytest.mark.parametrize("closed", [False, True])
def test_figures_counted_by_the_database_are_the_status_rules_counts(board, closed):
    _still_impact(board)
    _bulk_plan(board, 40)
    if closed:
        close_jan_feb(board)
    periods = plan_periods(plan=board.plan)
    for period in periods:
        figures = dashboard.figures(plan=board.plan, period=period, periods=periods, today=TODAY)
        assert _counted(figures) == _expected(board.plan, period, periods), period.label
    march = dashboard.figures(plan=board.plan, period=board.mar, periods=periods, today=TODAY)
    assert march.counts["without_impact"] >= 2  # 2.2 (still for three periods) and 2.1 (impact Red)


def test_an_update_this_period_counts_though_a_later_recorded_one_is_for_an_earlier_period(board):
    """The open period's latest update may be a late one for February recorded after March's: the
    action was still updated in March (not "no update this period"), and its RAG is the late one's."""
    action = board.actions[5]
    update(action, board.mar, Rag.GREEN, day=datetime.date(2026, 3, 2))
    update(action, board.feb, Rag.AMBER, day=datetime.date(2026, 3, 4))
    periods = plan_periods(plan=board.plan)
    figures = dashboard.figures(plan=board.plan, period=board.mar, periods=periods, today=TODAY)
    assert _counted(figures) == _expected(board.plan, board.mar, periods)
    row = next(r for r in status_rows(plan=board.plan, period=board.mar, as_of=TODAY) if r.action_id == action.pk)
    assert row.progress_rag == Rag.AMBER and not row.is_stale


def test_the_hand_counted_february(board):
    periods = plan_periods(plan=board.plan)
    figures = dashboard.figures(plan=board.plan, period=board.feb, periods=periods, today=TODAY)
    assert [n for _, n, _ in figures.progress] == [1, 1, 0, 2, 1, 1]
    assert [n for _, n, _ in figures.impact] == [0, 1, 1, 0, 0, 4]
    assert figures.counts == {
        "red": 2,
        "overdue": 1,
        "stale": 2,
        "without_impact": 0,
        "completed": 1,
        "improved": 1,
        "worsened": 1,
        "changed": 0,
    }
    theme1 = board.themes[0].pk
    assert [n for _, n, _ in figures.by_theme[theme1][0]] == [1, 0, 0, 2, 0, 0]


@pytest.mark.parametrize("closed", [False, True])
def test_lists_show_the_first_actions_in_plan_order_and_count_them_all(board, closed, django_assert_max_num_queries):
    _bulk_plan(board, 60)
    if closed:
        close_jan_feb(board)
    periods = plan_periods(plan=board.plan)
    rows = status_rows(plan=board.plan, period=board.feb, as_of=TODAY, periods=periods)
    with django_assert_max_num_queries(5):
        lists = dashboard.action_lists(
            plan=board.plan,
            period=board.feb,
            periods=periods,
            names=[*dashboard.EXCEPTIONS, *dashboard.MOVEMENTS],
            limit=4,
            today=TODAY,
        )
    expected = {
        "red": [r for r in rows if r.progress_rag == Rag.RED],
        "overdue": [r for r in rows if r.is_overdue],
        "stale": [r for r in rows if r.is_stale],
        "without_impact": progress_without_impact_rows(rows, plan=board.plan, period=board.feb, periods=periods),
        **{name: [r for r in rows if r.movement == name] for name in dashboard.MOVEMENTS},
    }
    for name, wanted in expected.items():
        assert lists[name].total == len(wanted), name
        assert [r.ref for r in lists[name].rows] == [r.ref for r in wanted[:4]], name


def test_the_trend_has_impact_beside_progress_and_movement_for_each_board(board):
    close_jan_feb(board)
    periods = plan_periods(plan=board.plan)
    trend = dashboard.trend(plan=board.plan, period=board.feb, periods=periods)
    assert [p.period for p in trend] == [board.jan, board.feb]
    assert trend[0].movement is None  # the first period has nothing to move from
    assert trend[1].movement == {"completed": 1, "improved": 1, "worsened": 1, "changed": 0}
    assert trend[1].progress.count(Rag.BLUE) == 1 and trend[1].impact.count(Rag.AMBER) == 1
    assert (trend[1].progress_on_track, trend[1].impact_on_track) == (33, 17)  # 2 of 6, 1 of 6
    by_theme = dashboard.trend(plan=board.plan, period=board.feb, periods=periods, by_theme=True)
    assert by_theme[board.themes[0].pk][1].progress.total == 3


# ---------------------------------------------------------------- a closed period's kept figures


def test_closing_keeps_the_figures_and_the_dashboard_reads_them_without_the_snapshots(board):
    _still_impact(board)
    _bulk_plan(board, 40)
    close_jan_feb(board)
    periods = plan_periods(plan=board.plan)
    assert set(PeriodFigures.objects.values_list("period_id", flat=True)) == {board.jan.pk, board.feb.pk}
    with CaptureQueriesContext(connection) as queries:
        figures = dashboard.figures(plan=board.plan, period=board.feb, periods=periods, today=TODAY)
    assert len(queries.captured_queries) == 1
    assert ActionSnapshot._meta.db_table not in queries.captured_queries[0]["sql"]
    assert _counted(figures) == _expected(board.plan, board.feb, periods)
    # What is kept is what is shown: double every group's number and the page's figures double.
    kept = PeriodFigures.objects.get(period=board.feb)
    kept.groups = [[theme, values, n * 2] for theme, values, n in kept.groups]
    kept.save()
    doubled = dashboard.figures(plan=board.plan, period=board.feb, periods=periods, today=TODAY)
    assert doubled.progress.total == 2 * figures.progress.total
    assert doubled.counts == {name: 2 * n for name, n in figures.counts.items()}


def test_a_period_closed_before_figures_were_kept_has_them_counted_on_first_read_and_kept(board):
    _still_impact(board)
    close_jan_feb(board)
    PeriodFigures.objects.all().delete()
    periods = plan_periods(plan=board.plan)
    trend = dashboard.trend(plan=board.plan, period=board.feb, periods=periods)
    assert set(PeriodFigures.objects.values_list("period_id", flat=True)) == {board.jan.pk, board.feb.pk}
    for point in trend:
        snapshots = ActionSnapshot.objects.filter(period=point.period)
        for rag in [*Rag, None]:
            value = rag.value if rag else ""
            assert point.progress.count(rag) == snapshots.filter(progress_rag=value).count(), (point.period, rag)
            assert point.impact.count(rag) == snapshots.filter(impact_rag=value).count(), (point.period, rag)
    with CaptureQueriesContext(connection) as queries:
        again = dashboard.trend(plan=board.plan, period=board.feb, periods=periods)
    assert len(queries.captured_queries) == 1  # every closed period's kept figures at once
    assert [(p.progress, p.impact, p.movement) for p in again] == [(p.progress, p.impact, p.movement) for p in trend]
    # By theme, the kept figures give what the snapshots give.
    PeriodFigures.objects.all().delete()
    counted = dashboard.trend(plan=board.plan, period=board.feb, periods=periods, by_theme=True)
    with CaptureQueriesContext(connection) as queries:
        kept = dashboard.trend(plan=board.plan, period=board.feb, periods=periods, by_theme=True)
    assert len(queries.captured_queries) == 1
    assert set(kept) == set(counted) == {t.pk for t in board.themes}
    for theme, points in counted.items():
        assert [(p.progress, p.impact, p.movement) for p in kept[theme]] == [
            (p.progress, p.impact, p.movement) for p in points
        ], theme


def test_figures_kept_under_other_rules_are_counted_again_and_rewritten(board):
    _still_impact(board)
    close_jan_feb(board)
    PeriodFigures.objects.filter(period=board.feb).update(rules="0|older rules", groups=[[None, ["G|G"], 999]])
    periods = plan_periods(plan=board.plan)
    figures = dashboard.figures(plan=board.plan, period=board.feb, periods=periods, today=TODAY)
    assert _counted(figures) == _expected(board.plan, board.feb, periods)
    kept = PeriodFigures.objects.get(period=board.feb)
    assert kept.rules != "0|older rules"
    assert sum(n for _, _, n in kept.groups) == figures.progress.total


# ---------------------------------------------------------------- the pages


SECTIONS = ["", "highlight", "trends", "themes", "owners", "measures", "exceptions", "movement"]


@pytest.mark.parametrize("closed", [False, True])
def test_every_section_is_a_fixed_number_of_queries_whatever_the_plan_size(client, board, closed):
    if closed:
        close_jan_feb(board)
    client.force_login(board.board)
    counts = {}
    for section in SECTIONS:
        client.get(dashboard_url(board, section=section))  # the session warm
        with CaptureQueriesContext(connection) as small:
            client.get(dashboard_url(board, section=section))
        counts[section] = len(small.captured_queries)
    _bulk_plan(board, 300)
    for n in range(30):
        board.actions[0].owners.add(OwnerFactory(title=f"Extra owner {n}"))
    from django.core.cache import cache

    cache.clear()
    for section in SECTIONS:
        client.get(dashboard_url(board, section=section))
        with CaptureQueriesContext(connection) as big:
            assert client.get(dashboard_url(board, section=section)).status_code == 200
        assert len(big.captured_queries) == counts[section], section
        assert counts[section] <= 16, section


def test_the_first_screen_links_each_figure_to_its_actions(client, board):
    _still_impact(board)
    client.force_login(board.board)
    html = client.get(dashboard_url(board, slug="2026-03")).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Provisional" in text and "Since the last board (February 2026)" in text
    link = re.search(r'href="([^"]+)"><span class="app-glance-count">(\d+)</span> progress without impact', html)
    assert "without_impact=on" in link.group(1) and int(link.group(2)) >= 2
    listed = client.get(link.group(1).replace("&amp;", "&")).content.decode()
    assert len(re.findall(r'href="/actions/\d+/">', listed)) == int(link.group(2))
    for name in ("completed", "improved", "worsened"):
        assert re.search(rf'section=movement#{name}"><span class="app-glance-count">\d+</span> {name}', html)
    # Colour is never the only signal: every RAG in the summary has its word.
    for rag in Rag:
        assert f">{rag.label}</strong>" in html


def test_closed_figures_say_they_are_final(client, board):
    close_jan_feb(board)
    client.force_login(board.board)
    html = client.get(dashboard_url(board)).content.decode()
    assert "Final</strong>" in html and "Figures frozen when the period closed" in html


def test_each_section_names_itself_in_the_page_title(client, board):
    """A browser tab or a screen reader's first words tell "Trends" from "Exceptions"."""
    client.force_login(board.board)
    titles = {
        section: re.search(r"<title>(.*?)</title>", client.get(dashboard_url(board, **kw)).content.decode(), re.S)
        .group(1)
        .strip()
        for section, kw in {"glance": {}, "trends": {"section": "trends"}, "owners": {"section": "owners"}}.items()
    }
    assert titles["glance"].startswith("Board dashboard, ")
    assert titles["trends"].startswith("Trends – Board dashboard, ")
    assert titles["owners"].startswith("By owner – Board dashboard, ")


def test_an_unknown_section_or_page_is_a_clear_404(client, board):
    client.force_login(board.board)
    assert client.get(dashboard_url(board, section="nonsense")).status_code == 404
    assert client.get(dashboard_url(board, section="owners") + "&page=abc").status_code == 404
    assert client.get(dashboard_url(board, section="owners") + "&page=99").status_code == 404


def test_the_by_owner_table_pages_so_the_page_stays_short(client, board):
    for n in range(30):
        board.actions[0].owners.add(OwnerFactory(title=f"Owner {n:02d}"))
    client.force_login(board.board)
    html = client.get(dashboard_url(board, section="owners")).content.decode()
    assert "33 owners, 1 to 25 shown" in html and 'rel="next"' in html  # 32 owners and "No owner"
    second = client.get(dashboard_url(board, section="owners") + "&page=2").content.decode()
    assert "No owner" in second and "Owner 00" not in second


def test_the_page_height_is_bounded_lists_show_ten_and_link_on(client, board):
    _bulk_plan(board, 400)
    client.force_login(board.board)
    for section in SECTIONS:
        html = client.get(dashboard_url(board, section=section)).content.decode()
        assert len(html) < 100_000, section
        assert html.count('<tr class="govuk-table__row">') < 120, section
