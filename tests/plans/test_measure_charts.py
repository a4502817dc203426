"""Measure charts that do not mislead, read from the SVG they are: the y axis from zero to past the
target, baseline and target labelled on it, a target line unlike the grid, month labels that never
meet, labelled milestones, and words instead of an empty chart."""

import datetime
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest

from plans.services.measure_charts import LABEL_SPACING, measure_chart_svg, measure_status_charts


def month(year, m):
    return datetime.date(year, m, 1)


def a_measure(**fields):
    values = {
        "name": "Assessments on time",
        "unit": "%",
        "baseline": Decimal("40"),
        "target": Decimal("80"),
        "target_date": datetime.date(2026, 12, 31),
    }
    values.update(fields)
    return SimpleNamespace(**values)


def texts(svg, css_class):
    return re.findall(rf'<text class="{css_class}"[^>]*>([^<]*)</text>', svg)


def attributes(svg, element, css_class):
    return [
        dict(re.findall(r'(\S+?)="([^"]*)"', tag))
        for tag in re.findall(rf'<{element} class="{css_class}"([^>]*)>', svg)
    ]


@pytest.fixture(autouse=True)
def empty_chart_cache():
    from django.core.cache import caches

    caches["local"].clear()


def test_the_y_axis_starts_at_zero_and_shows_the_baseline_and_target():
    svg = measure_chart_svg(
        measure=a_measure(), readings=[(month(2026, 1), Decimal("55")), (month(2026, 2), Decimal("58"))], milestones=[]
    )
    ticks = texts(svg, "tick")
    assert ticks[0] == "0%"  # from zero, though every reading is above 50
    assert texts(svg, "axis-baseline") == ["Baseline 40%"] and texts(svg, "axis-target") == ["Target 80%"]
    # The axis reaches past the target: the highest tick is above it, and a percentage stops at 100.
    assert ticks[-1] in ("100%", "90%")
    assert "40%" not in ticks and "80%" not in ticks  # said once, as Baseline/Target, not twice


def test_a_count_starts_at_zero_too():
    svg = measure_chart_svg(
        measure=a_measure(unit="children", baseline=Decimal("300"), target=Decimal("250")),
        readings=[(month(2026, 1), Decimal("310")), (month(2026, 2), Decimal("290"))],
        milestones=[],
    )
    assert texts(svg, "tick")[0] == "0 children"
    assert texts(svg, "axis-target") == ["Target 250 children"]


def test_the_target_line_is_unlike_the_grid_lines_and_labelled():
    svg = measure_chart_svg(measure=a_measure(), readings=[(month(2026, 1), Decimal("55"))], milestones=[])
    [target] = attributes(svg, "line", "target")
    grid = re.findall(r'<g class="grid">(.*?)</g>', svg)[0]
    grid_lines = [dict(re.findall(r'(\S+?)="([^"]*)"', tag)) for tag in re.findall(r"<line([^>]*)/>", grid)]
    assert grid_lines
    for line in grid_lines:
        assert "stroke-dasharray" not in line and float(line["stroke-width"]) < float(target["stroke-width"])
        assert line["stroke"] != target["stroke"]
    assert target["stroke-dasharray"]
    assert texts(svg, "target-label") == ["Target 80%"] and "by Dec 2026" in svg


def test_month_labels_are_thinned_so_they_never_meet_and_the_latest_is_named():
    readings = [(month(2020 + i // 12, i % 12 + 1), Decimal(i % 90)) for i in range(60)]
    svg = measure_chart_svg(measure=a_measure(target_date=None), readings=readings, milestones=[])
    labels = attributes(svg, "text", "month")
    assert 3 <= len(labels) < 60
    xs = [float(label["x"]) for label in labels]
    assert all(b - a >= LABEL_SPACING for a, b in zip(xs, xs[1:], strict=False))
    assert texts(svg, "month")[-1] == "Dec 2024"


def test_a_short_series_names_every_month():
    readings = [(month(2026, m), Decimal(50 + m)) for m in range(1, 5)]
    svg = measure_chart_svg(measure=a_measure(target_date=None), readings=readings, milestones=[])
    assert texts(svg, "month") == ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026"]


def test_milestones_are_labelled_with_their_value():
    svg = measure_chart_svg(
        measure=a_measure(),
        readings=[(month(2026, 1), Decimal("55"))],
        milestones=[(datetime.date(2026, 4, 30), Decimal("60")), (datetime.date(2026, 9, 30), Decimal("70"))],
    )
    assert len(attributes(svg, "path", "milestone")) == 2
    assert texts(svg, "milestone-label") == ["Milestone 60%", "Milestone 70%"]


def test_readings_recorded_late_are_drawn_hollow_and_named():
    svg = measure_chart_svg(
        measure=a_measure(),
        readings=[(month(2026, 1), Decimal("55")), (month(2026, 2), Decimal("57"))],
        milestones=[],
        late=[month(2026, 2)],
    )
    fills = [circle["fill"] for circle in attributes(svg, "circle", "reading")]
    assert fills == ["#1d70b8", "#ffffff"]
    assert "Reading recorded late" in svg and "(recorded late)" in svg


def test_no_reading_means_no_chart():
    assert (
        measure_chart_svg(measure=a_measure(), readings=[], milestones=[(datetime.date(2026, 4, 30), Decimal("60"))])
        is None
    )
    status = SimpleNamespace(measure=a_measure(), readings=[], milestones=[])
    assert measure_status_charts([status]) == [(status, None)]


def test_a_chart_is_labelled_for_screen_readers_and_runs_nothing():
    svg = measure_chart_svg(measure=a_measure(), readings=[(month(2026, 1), Decimal("55"))], milestones=[])
    assert svg.startswith("<svg") and "<script" not in svg and 'role="img"' in svg
    assert "<title>Assessments on time</title>" in svg
