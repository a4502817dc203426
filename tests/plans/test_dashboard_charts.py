"""The dashboard's charts: each an image of its own URL (the sections' HTML stays small whatever the
plan's size), drawn only for the plan's board, legible, and with long theme titles written whole."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from plans.benchmarks.reporting import _generate
from plans.charts import CHART_FONT_SIZE, THEME_CHART_SIZE, chart_image, on_track_svg, rag_trend_svg, wrap
from plans.models import Rag
from plans.permissions import BOARD
from plans.selectors.reporting import plan_periods
from plans.views.reporting import DASHBOARD_SECTIONS
from tests.factories import PlanFactory, UserFactory
from tests.plans.reporting_fixtures import board, update  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

TARGET_BYTES = 100 * 1024
IMAGE = re.compile(r'<img class="app-chart__image" src="([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]*)"')


def dashboard_url(plan, period, section):
    return reverse("plans:board_dashboard", args=[plan.pk]) + f"?period={period.slug}&section={section}"


def board_member_of(plan, username):
    user = UserFactory(username=username, groups=[BOARD])
    plan.board_members.add(user)
    return user


def chart_images(html):
    """[(url, width, height, alt)] of every chart image on a page."""
    return [(unescape(src), int(w), int(h), unescape(alt)) for src, w, h, alt in IMAGE.findall(html)]


def section_sizes(client, plan):
    """{(period kind, section): HTML} of every section on the open period and the last closed one."""
    periods = plan_periods(plan=plan)
    pages = {}
    for kind, period in (("open", periods[-1]), ("closed", periods[-2])):
        for section in DASHBOARD_SECTIONS:
            response = client.get(dashboard_url(plan, period, section))
            assert response.status_code == 200, (kind, section)
            pages[kind, section] = response.content.decode()
    return pages


def test_every_section_stays_small_as_the_plan_grows(client):
    """The plan the benchmark generates (40 owners, measures read monthly, a highlight report a
    period), at 200 and at 400 actions over 13 months: no section embeds a chart, each is under
    100 KB, and twice the actions adds under a fifth to any section (only counts grow, and the
    links of counts that were zero; a section listing every action would double)."""
    small, _ = _generate(200, 13)
    large, _ = _generate(400, 13)
    client.force_login(board_member_of(small, "small-board"))
    small_pages = section_sizes(client, small)
    client.force_login(board_member_of(large, "large-board"))
    large_pages = section_sizes(client, large)
    for key, html in large_pages.items():
        assert "data:" not in html and "<svg" not in html, key
        assert len(html.encode()) < TARGET_BYTES, (key, len(html.encode()))
        assert len(html.encode()) < len(small_pages[key].encode()) * 1.2, key
    # The charts are there, as images of their own, each with its text alternative.
    images = {section: chart_images(large_pages["open", section]) for section in ("glance", "trends", "measures")}
    assert len(images["glance"]) == 1 and len(images["trends"]) == 2 + 8 and len(images["measures"]) == 6
    for section, found in images.items():
        for url, _, _, alt in found:
            assert alt.strip() and url.startswith(f"/plans/{large.pk}/charts/"), section
            response = client.get(url)
            assert response.status_code == 200 and response["Content-Type"].startswith("image/svg+xml")


def test_a_chart_image_is_for_the_plans_board_only(client, board, django_assert_max_num_queries):
    client.force_login(board.board)
    html = client.get(dashboard_url(board.plan, board.feb, "trends")).content.decode()
    url = chart_images(html)[0][0]
    with django_assert_max_num_queries(5):  # the session, the reader, the plan, the right to read it: no figures
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "no-store" in response["Cache-Control"]  # like the page: a shared computer keeps no copy
    svg = response.content.decode()
    assert svg.startswith("<svg") and 'role="img"' in svg and "<script" not in svg
    # A board member of another plan is refused, as on the dashboard itself.
    client.force_login(board_member_of(PlanFactory(title="Another council's plan"), "other-board"))
    assert client.get(url).status_code == 403
    assert client.get(dashboard_url(board.plan, board.feb, "trends")).status_code == 403
    client.logout()
    assert client.get(url)["Location"].startswith(reverse("login"))


def test_an_altered_chart_url_or_another_plans_draws_nothing(client, board):
    other = PlanFactory(title="Another council's plan")
    client.force_login(board.board)
    url = chart_image(
        plan=board.plan, kind="on-track", width=320, height=210, figures=[["2026-01-01", 50, 25]], title="1 Leadership"
    ).url
    assert client.get(url).status_code == 200
    token = url.rsplit("/", 1)[1].removesuffix(".svg")
    forged = token.replace(token[2], "A" if token[2] != "A" else "B", 1)
    assert client.get(reverse("plans:board_chart", args=[board.plan.pk, forged])).status_code == 404
    # Another plan's chart, even when signed, is not drawn under this plan's number.
    elsewhere = chart_image(
        plan=other, kind="on-track", width=320, height=210, figures=[["2026-01-01", 99, 99]], title="1 Elsewhere"
    ).url
    token = elsewhere.rsplit("/", 1)[1].removesuffix(".svg")
    assert client.get(reverse("plans:board_chart", args=[board.plan.pk, token])).status_code == 404


def test_a_chart_url_changes_when_its_figures_do_and_only_then(client, board):
    """A chart's URL carries its figures: new figures, new URL; the same figures, the same URL."""
    client.force_login(board.board)
    first = chart_images(client.get(dashboard_url(board.plan, board.feb, "glance")).content.decode())
    again = chart_images(client.get(dashboard_url(board.plan, board.feb, "glance")).content.decode())
    assert first == again
    update(board.actions[4], board.feb, Rag.GREEN, Rag.GREEN, author=board.author)  # 2.2: no rating → Green
    changed = chart_images(client.get(dashboard_url(board.plan, board.feb, "glance")).content.decode())
    assert changed[0][0] != first[0][0]
    svg = client.get(changed[0][0]).content.decode()
    assert "Progress on track, Feb 2026: 50%" in svg  # Blue 1 + Green 2 of 6


def test_chart_text_is_drawn_large_enough_to_read(client, board):
    """Every text in the dashboard's charts is at least 12 px at the chart's own size (the size the
    page shows it at, unless the column is narrower: the browser test measures that)."""
    client.force_login(board.board)
    for section in ("glance", "trends"):
        for url, width, height, _ in chart_images(
            client.get(dashboard_url(board.plan, board.feb, section)).content.decode()
        ):
            svg = client.get(url).content.decode()
            assert f'width="{width}" height="{height}"' in svg  # the <img> is sized as the chart is drawn
            sizes = [int(s) for s in re.findall(r'font-size="(\d+)"', svg)]
            assert sizes and min(sizes) >= CHART_FONT_SIZE >= 12, (section, sizes)


def test_a_long_theme_title_is_written_whole_beside_its_chart_never_cut(client, board):
    title = (
        "Strengthen the multi-agency safeguarding hub's front door so that every contact about a child is "
        "triaged within one working day by a qualified social worker"
    )
    theme = board.themes[0]
    theme.title = title
    theme.save()
    client.force_login(board.board)
    html = client.get(dashboard_url(board.plan, board.feb, "trends")).content.decode()
    headings = [
        unescape(h) for h in re.findall(r'<h4 class="govuk-heading-s app-small-multiples__title">([^<]*)</h4>', html)
    ]
    assert f"1 {title}" in headings
    [chart] = [c for c in chart_images(html) if c[3].startswith(f"1 {title}")]
    svg = client.get(chart[0]).content.decode()
    assert "…" not in svg and "..." not in svg
    assert chart[1:3] == THEME_CHART_SIZE


def test_a_title_too_long_for_its_chart_is_wrapped_with_every_word_kept():
    title = "1 " + "Strengthen the front door's triage of every contact " * 3 + "Supercalifragilisticexpialidocious" * 2
    lines = wrap(title, 300)
    assert len(lines) > 1 and all(len(line) * 8.6 <= 300 for line in lines)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    svg = on_track_svg(figures=[["2026-01-01", 50, 25]], title=title, width=320, height=260)
    drawn = re.findall(r'font-weight="bold">([^<]*)</text>', svg)
    assert len(drawn) == len(wrap(title, 320 - 8, char_width=8.6 * 15 / 14)) > 1
    assert "".join(drawn).replace(" ", "").replace("&#x27;", "'") == title.replace(" ", "")


def test_the_stacked_bar_chart_names_each_bar_and_colour_in_words():
    figures = [[datetime.date(2026, m, 1).isoformat(), [1, 2, 3, 4, 5, 6]] for m in range(1, 4)]
    svg = rag_trend_svg(figures=figures, title="Progress RAG by period", width=400, height=290)
    assert "<title>Mar 26: Blue 1, Green 2, Amber 3, Red 4, Grey 5, No rating 6</title>" in svg
    for name in ("Blue", "Green", "Amber", "Red", "Grey", "No rating"):
        assert f">{name}</text>" in svg  # the legend
