"""Server-side SVG chart of a measure's readings against its milestones and target.

Plain data in, an SVG string out, so the measure page and the board dashboard/pack can share it.
"""
import re

import pygal
from django.utils.html import escape
from pygal.style import Style

from plans.charts import MAX_CHART_POINTS, cached_chart

SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
# The most months one chart's x axis holds.
MAX_CHART_MONTHS = MAX_CHART_POINTS

CHART_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f",
    colors=("#1d70b8", "#f47738", "#00703c"),
    font_family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=13,
)


def measure_chart_svg(*, measure, readings, milestones, title=None, late=()):
    """Readings as a line, milestones as points, the target as a dashed line; months on the x axis.
    Readings recorded late (`late`: their months) are also drawn as their own series, "Reading
    recorded late", so the chart says which they are.

    `readings` is [(period month date, value)], `milestones` [(due date, value)]. Kept in the cache under
    its figures (plans.charts.cached_chart).
    """
    late = sorted(m.replace(day=1) for m in late)
    figures = (measure.name, str(measure.target), measure.target_date, title,
               [(m.isoformat(), str(v)) for m, v in readings], [(d.isoformat(), str(v)) for d, v in milestones],
               [m.isoformat() for m in late])
    return cached_chart(
        "measure-chart", figures,
        lambda: _draw(measure=measure, readings=readings, milestones=milestones, title=title, late=late),
    )


def chart_months(*, readings, milestones, target_date=None):
    """The x axis: the months that carry data, and the months between them when they span at most
    MAX_CHART_MONTHS (time evenly spaced); otherwise only the months that carry data. Never more
    than MAX_CHART_MONTHS: the latest readings are kept first, then the milestones and target date
    nearest to them. So a chart's cost does not depend on how far apart its dates are."""
    reading_months = sorted({month.replace(day=1) for month, _ in readings})
    other_months = {due.replace(day=1) for due, _ in milestones} | ({target_date.replace(day=1)} if target_date else set())
    marked = set(reading_months) | other_months
    if not marked:
        return []
    first, last = min(marked), max(marked)
    if (last.year - first.year) * 12 + last.month - first.month < MAX_CHART_MONTHS:
        return months_between(first, last)
    kept = set(reading_months[-MAX_CHART_MONTHS:])
    anchor = reading_months[-1] if reading_months else first
    for month in sorted(other_months - kept, key=lambda month: abs((month - anchor).days)):
        if len(kept) >= MAX_CHART_MONTHS:
            break
        kept.add(month)
    return sorted(kept)


def _draw(*, measure, readings, milestones, title, late=()):
    months = chart_months(readings=readings, milestones=milestones, target_date=measure.target_date)
    index = {month: i for i, month in enumerate(months)}
    readings = [(month, value) for month, value in readings if month.replace(day=1) in index]
    milestones = [(due, value) for due, value in milestones if due.replace(day=1) in index]
    chart = pygal.Line(
        style=CHART_STYLE, js=[], disable_xml_declaration=True, width=720, height=320,
        show_legend=True, legend_at_bottom=True, allow_interruptions=True, x_label_rotation=0,
        title=title, truncate_label=-1, print_values=False, dots_size=4,
        explicit_size=False,
    )
    chart.x_labels = [m.strftime("%b %Y") for m in months]
    values = [None] * len(months)
    for month, value in readings:
        values[index[month.replace(day=1)]] = float(value)
    chart.add("Reading", values)
    if late:
        late_values = [values[i] if months[i] in set(late) else None for i in range(len(months))]
        chart.add("Reading recorded late", late_values, stroke=False, dots_size=7)
    marks = [None] * len(months)
    for due, value in milestones:
        marks[index[due.replace(day=1)]] = float(value)
    chart.add("Milestone", marks, stroke=False, dots_size=6)
    if measure.target is not None and months:
        chart.add("Target", [float(measure.target)] * len(months), show_dots=False,
                  stroke_style={"dasharray": "6, 4", "width": 2})
    # pygal writes an inline <script> with its config even when js=[]: nothing reads it, and a
    # strict Content-Security-Policy would refuse it, so it is dropped.
    svg = SCRIPT.sub("", chart.render(is_unicode=True))
    return svg.replace("<title>Pygal</title>", f"<title>{escape(title or measure.name)}</title>", 1)


def months_between(first, last):
    """Every first-of-month from `first` to `last`, so the x axis keeps time evenly spaced."""
    months, month = [], first
    while month <= last:
        months.append(month)
        month = month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1)
    return months


def measure_status_charts(statuses):
    """[(MeasureStatus, SVG)] for the dashboard and board pack: each measure with something to plot,
    its readings up to the period against its milestones and target. No query: the statuses carry
    their readings and milestones."""
    return [
        (status, measure_chart_svg(
            measure=status.measure, title=status.measure.name,
            readings=[(reading.period.month, reading.value) for reading in status.readings],
            milestones=[(milestone.due_date, milestone.value) for milestone in status.milestones],
        ))
        for status in statuses if status.readings or status.milestones
    ]
