"""Server-side SVG chart of a measure's readings against its milestones and target.

Plain data in, an SVG string out, so the measure page and the board dashboard/pack share one chart.
Drawn here rather than by a charting library so that it cannot mislead:

- the y axis starts at zero (every measure counts something: cases, days, children, a rate or a
  share; a figure is never negative, see plans.models.measures.value_problem) and reaches past the
  highest of the readings, milestones, baseline and target; a percentage's axis stops at 100;
- the baseline and the target are labelled on the y axis, and the target line is thick, dark and
  long-dashed, unlike the thin, light, solid grid lines, with its value written at its end;
- month labels are thinned (every k-th month, counted back from the latest) so they never overlap;
- each milestone is a diamond with its value written beside it;
- a measure with no reading has no chart at all: the caller says so in words.
"""

import datetime
import math
from decimal import Decimal

from django.utils.html import escape

from plans.charts import MAX_CHART_POINTS, cached_chart
from plans.models.measures import unit_is_percentage, value_text

# The most months one chart's x axis holds.
MAX_CHART_MONTHS = MAX_CHART_POINTS

WIDTH, HEIGHT = 720, 340
LEFT, RIGHT, TOP, BOTTOM = 112, 104, 34, 78  # room for the y labels, the target's label, title, months + legend
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
READING_COLOUR = "#1d70b8"
MILESTONE_COLOUR = "#f47738"
TARGET_COLOUR = "#0b0c0c"
GRID_COLOUR = "#dcdcdc"
TEXT_COLOUR = "#0b0c0c"
SUBTLE_COLOUR = "#505a5f"
TARGET_DASH = "12 6"
# A month label ("Sep 2026" at 11 px) takes about 50 px: one label every LABEL_SPACING px at most.
LABEL_SPACING = 64


def measure_chart_svg(*, measure, readings, milestones, title=None, late=()):
    """Readings as a line, milestones as labelled diamonds, the target as a labelled dashed line,
    months on the x axis. Readings recorded late (`late`: their months) are drawn hollow and named
    "Reading recorded late" in the legend, so the chart says which they are.

    `readings` is [(period month date, value)], `milestones` [(due date, value)]. None when there is
    no reading: an empty chart says nothing, the caller says "no reading yet" in words. Kept in the
    cache under its figures (plans.charts.cached_chart).
    """
    if not readings:
        return None
    late = sorted(m.replace(day=1) for m in late)
    figures = (
        measure.name,
        measure.unit,
        str(measure.baseline),
        str(measure.target),
        measure.target_date,
        title,
        [(m.isoformat(), str(v)) for m, v in readings],
        [(d.isoformat(), str(v)) for d, v in milestones],
        [m.isoformat() for m in late],
    )
    return cached_chart(
        "measure-chart-2",
        figures,
        lambda: _draw(measure=measure, readings=readings, milestones=milestones, title=title, late=late),
    )


def chart_months(*, readings, milestones, target_date=None):
    """The x axis: the months that carry data, and the months between them when they span at most
    MAX_CHART_MONTHS (time evenly spaced); otherwise only the months that carry data. Never more
    than MAX_CHART_MONTHS: the latest readings are kept first, then the milestones and target date
    nearest to them. So a chart's cost does not depend on how far apart its dates are."""
    reading_months = sorted({month.replace(day=1) for month, _ in readings})
    other_months = {due.replace(day=1) for due, _ in milestones} | (
        {target_date.replace(day=1)} if target_date else set()
    )
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


def months_between(first, last):
    """Every first-of-month from `first` to `last`, so the x axis keeps time evenly spaced."""
    months, month = [], first
    while month <= last:
        months.append(month)
        month = month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1)
    return months


def y_axis(*, values, unit):
    """(top, ticks) of the y axis: from zero to a round number at or above every value; a
    percentage's axis stops at 100. About five ticks, each a round step."""
    highest = max([float(v) for v in values if v is not None] or [0.0])
    if unit_is_percentage(unit):
        highest = min(max(highest, 1.0), 100.0)
    if highest <= 0:
        highest = 1.0
    highest *= 1.05  # room above the highest mark, so the target line never sits on the chart's edge
    if unit_is_percentage(unit):
        highest = min(highest, 100.0)
    raw_step = highest / 5
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    top = step * math.ceil(highest / step - 1e-9)
    if unit_is_percentage(unit):
        top = min(top, 100.0) if highest <= 100 else top
    ticks = [round(i * step, 10) for i in range(int(round(top / step)) + 1)]
    return top, ticks


def month_label_positions(count, *, plot_width):
    """The indexes of the months whose label is written: every k-th, counted back from the latest,
    so no two labels are closer than LABEL_SPACING px."""
    if count == 0:
        return []
    slot = plot_width / max(count - 1, 1)
    every = max(1, math.ceil(LABEL_SPACING / slot)) if count > 1 else 1
    return sorted(range(count - 1, -1, -every))


def _number(value):
    return Decimal(str(value)).normalize() if value is not None else None


def _draw(*, measure, readings, milestones, title, late=()):
    months = chart_months(readings=readings, milestones=milestones, target_date=measure.target_date)
    index = {month: i for i, month in enumerate(months)}
    readings = [(month.replace(day=1), value) for month, value in readings if month.replace(day=1) in index]
    milestones = [(due.replace(day=1), value) for due, value in milestones if due.replace(day=1) in index]
    unit = measure.unit
    label = escape(title or measure.name)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top, ticks = y_axis(
        values=[v for _, v in readings] + [v for _, v in milestones] + [measure.baseline, measure.target], unit=unit
    )

    def x(month):
        return LEFT + (plot_w * index[month] / (len(months) - 1) if len(months) > 1 else plot_w / 2)

    def y(value):
        return TOP + plot_h - plot_h * float(value) / top

    def text(value):
        return escape(value_text(_number(value), unit))

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{label}: readings by month against milestones and target" '
        f'font-family="{escape(FONT)}" font-size="12" fill="{TEXT_COLOUR}">',
        f"<title>{label}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="18" font-size="14" font-weight="bold">{label}</text>',
    ]
    # The y axis: grid lines and their values, then the baseline and target on the axis, labelled.
    marked = [(v, name) for v, name in ((measure.baseline, "Baseline"), (measure.target, "Target")) if v is not None]
    min_gap = 14  # px between two labels on the y axis
    out.append('<g class="grid">')
    for tick in ticks:
        ty = y(tick)
        out.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        if all(abs(ty - y(v)) >= min_gap for v, _ in marked):
            out.append(
                f'<text class="tick" x="{LEFT - 8}" y="{ty + 4:.1f}" text-anchor="end" fill="{SUBTLE_COLOUR}">{text(tick)}</text>'
            )
    out.append("</g>")
    out.append(
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + plot_h}" stroke="{TEXT_COLOUR}" stroke-width="1"/>'
    )
    out.append(
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="{TEXT_COLOUR}" stroke-width="1"/>'
    )
    placed = []
    for value, name in sorted(marked, key=lambda m: -float(m[0])):
        ly = y(value) + 4
        for other in placed:
            if abs(ly - other) < min_gap:
                ly = other + min_gap
        placed.append(ly)
        out.append(
            f'<text class="axis-{name.lower()}" x="{LEFT - 8}" y="{ly:.1f}" text-anchor="end" font-weight="bold">'
            f"{name} {text(value)}</text>"
        )
    if measure.baseline is not None:
        by = y(measure.baseline)
        out.append(
            f'<line class="baseline" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{by:.1f}" y2="{by:.1f}" '
            f'stroke="{SUBTLE_COLOUR}" stroke-width="1.5" stroke-dasharray="2 3"/>'
        )
    if measure.target is not None:
        ty = y(measure.target)
        by_when = f" by {measure.target_date:%b %Y}" if measure.target_date else ""
        out.append(
            f'<line class="target" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}" '
            f'stroke="{TARGET_COLOUR}" stroke-width="3" stroke-dasharray="{TARGET_DASH}"/>'
        )
        out.append(
            f'<text class="target-label" x="{LEFT + plot_w + 6}" y="{ty + 4:.1f}" font-weight="bold">'
            f"Target {text(measure.target)}</text>"
        )
        if by_when:
            out.append(
                f'<text x="{LEFT + plot_w + 6}" y="{ty + 18:.1f}" fill="{SUBTLE_COLOUR}">{escape(by_when.strip())}</text>'
            )
    # The months, thinned so that no two labels meet; the latest month is always named.
    out.append('<g class="months">')
    for i in month_label_positions(len(months), plot_width=plot_w):
        mx = x(months[i])
        out.append(
            f'<line x1="{mx:.1f}" x2="{mx:.1f}" y1="{TOP + plot_h}" y2="{TOP + plot_h + 4}" stroke="{TEXT_COLOUR}"/>'
        )
        out.append(
            f'<text class="month" x="{mx:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{months[i]:%b %Y}</text>'
        )
    out.append("</g>")
    # The readings: one line, broken where a month has none; late readings hollow.
    late = set(late)
    segments, current = [], []
    by_month = dict(readings)
    for month in months:
        if month in by_month:
            current.append(f"{x(month):.1f},{y(by_month[month]):.1f}")
        elif current:
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    out.append('<g class="readings">')
    for points in segments:
        if len(points) > 1:
            out.append(
                f'<polyline points="{" ".join(points)}" fill="none" stroke="{READING_COLOUR}" stroke-width="3"/>'
            )
    for month, value in readings:
        fill = "#ffffff" if month in late else READING_COLOUR
        out.append(
            f'<circle class="reading" cx="{x(month):.1f}" cy="{y(value):.1f}" r="4.5" fill="{fill}" '
            f'stroke="{READING_COLOUR}" stroke-width="2"><title>Reading {month:%B %Y}: {text(value)}'
            f"{' (recorded late)' if month in late else ''}</title></circle>"
        )
    out.append("</g>")
    # The milestones: diamonds with their value beside them (labels that would meet are left to the table).
    out.append('<g class="milestones">')
    boxes = []  # (x0, x1, y0, y1) of the labels written so far
    for month, value in sorted(milestones):
        mx, my = x(month), y(value)
        out.append(
            f'<path class="milestone" d="M{mx:.1f},{my - 7:.1f} L{mx + 7:.1f},{my:.1f} L{mx:.1f},{my + 7:.1f} '
            f'L{mx - 7:.1f},{my:.1f} Z" fill="{MILESTONE_COLOUR}" stroke="{TEXT_COLOUR}" stroke-width="1">'
            f"<title>Milestone {month:%B %Y}: {text(value)}</title></path>"
        )
        words = f"Milestone {text(value)}"
        width = 6.8 * len(words)
        # Beside the diamond, inside the plot, off the target line and off the other labels; a label
        # with nowhere to go is left to the figures table.
        anchor, x0 = ("end", mx - 9 - width) if mx > LEFT + plot_w - width - 20 else ("start", mx + 9)
        target_y = y(measure.target) if measure.target is not None else None
        for ly in (my - 8, my + 20, my - 22):
            box = (x0, x0 + width, ly - 11, ly + 2)
            if box[2] < TOP or box[3] > TOP + plot_h:
                continue
            if target_y is not None and box[2] - 2 <= target_y <= box[3] + 2:
                continue
            if any(box[0] < b[1] and b[0] < box[1] and box[2] < b[3] and b[2] < box[3] for b in boxes):
                continue
            boxes.append(box)
            lx = x0 + width if anchor == "end" else x0
            out.append(
                f'<text class="milestone-label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" font-size="12">'
                f"{words}</text>"
            )
            break
    out.append("</g>")
    # The legend: what each mark is, in words.
    ly = HEIGHT - 16
    legend = [
        f'<line x1="{LEFT}" x2="{LEFT + 24}" y1="{ly - 4}" y2="{ly - 4}" stroke="{READING_COLOUR}" stroke-width="3"/>'
        f'<circle cx="{LEFT + 12}" cy="{ly - 4}" r="4.5" fill="{READING_COLOUR}"/>'
        f'<text x="{LEFT + 30}" y="{ly}">Reading</text>',
        f'<path d="M{LEFT + 112},{ly - 11} L{LEFT + 119},{ly - 4} L{LEFT + 112},{ly + 3} L{LEFT + 105},{ly - 4} Z" '
        f'fill="{MILESTONE_COLOUR}" stroke="{TEXT_COLOUR}"/><text x="{LEFT + 126}" y="{ly}">Milestone</text>',
    ]
    if measure.target is not None:
        legend.append(
            f'<line x1="{LEFT + 210}" x2="{LEFT + 250}" y1="{ly - 4}" y2="{ly - 4}" stroke="{TARGET_COLOUR}" '
            f'stroke-width="3" stroke-dasharray="{TARGET_DASH}"/><text x="{LEFT + 256}" y="{ly}">Target</text>'
        )
    if late:
        legend.append(
            f'<circle cx="{LEFT + 318}" cy="{ly - 4}" r="4.5" fill="#ffffff" stroke="{READING_COLOUR}" '
            f'stroke-width="2"/><text x="{LEFT + 328}" y="{ly}">Reading recorded late</text>'
        )
    out.append('<g class="legend">' + "".join(legend) + "</g>")
    out.append("</svg>")
    return "".join(out)


def measure_status_charts(statuses):
    """[(MeasureStatus, SVG or None)] for the dashboard and board pack: every measure, with its
    readings up to the period charted against its milestones and target; None (said in words by
    the template) for a measure with no reading yet. No query: the statuses carry their readings."""
    return [
        (
            status,
            measure_chart_svg(
                measure=status.measure,
                title=status.measure.name,
                readings=[(reading.period.month, reading.value) for reading in status.readings],
                milestones=[(milestone.due_date, milestone.value) for milestone in status.milestones],
            ),
        )
        for status in statuses
    ]


def measure_chart_figures(status):
    """A MeasureStatus's chart as plain figures (measure_chart_from_figures draws them): what the
    dashboard signs into the chart's image URL. None when the measure has no reading yet."""
    measure = status.measure
    if not status.readings:
        return None
    return {
        "name": measure.name,
        "unit": measure.unit,
        "baseline": None if measure.baseline is None else str(measure.baseline),
        "target": None if measure.target is None else str(measure.target),
        "target_date": measure.target_date.isoformat() if measure.target_date else None,
        "readings": [[r.period.month.isoformat(), str(r.value)] for r in status.readings],
        "milestones": [[m.due_date.isoformat(), str(m.value)] for m in status.milestones],
    }


def measure_chart_from_figures(figures):
    """The chart of measure_chart_figures(), the same SVG as measure_status_charts draws."""
    from types import SimpleNamespace

    def number(value):
        return None if value is None else Decimal(value)

    measure = SimpleNamespace(
        name=figures["name"],
        unit=figures["unit"],
        baseline=number(figures["baseline"]),
        target=number(figures["target"]),
        target_date=datetime.date.fromisoformat(figures["target_date"]) if figures["target_date"] else None,
    )
    return measure_chart_svg(
        measure=measure,
        title=measure.name,
        readings=[(datetime.date.fromisoformat(m), Decimal(v)) for m, v in figures["readings"]],
        milestones=[(datetime.date.fromisoformat(d), Decimal(v)) for d, v in figures["milestones"]],
    )
