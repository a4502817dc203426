"""Server-side SVG charts for the dashboard and the board pack (the same SVG in both).

Each chart is drawn from plain figures (lists of months and numbers), so the board pack draws it
inline (WeasyPrint reads it as a data URL) and the dashboard serves it as its own image URL: the
figures travel signed in the URL (chart_image / chart_svg_from_token), so an image costs no query
and its URL changes exactly when its figures do.

Text is drawn at CHART_FONT_SIZE (14) or larger in a chart sized for the column it is shown in,
so it is read at about 12 px or more wherever the image is not shrunk below 86 % of its size.
Titles that do not fit are wrapped onto more lines, never cut.
"""

import datetime
import hashlib
import math
from dataclasses import dataclass

from django.core import signing
from django.core.cache import caches
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from plans.rag import RAG_ORDER, RAG_PALETTE

CHART_CACHE_SECONDS = 24 * 3600
# The most points (months, periods) one chart draws, whatever the data or its dates: a chart's cost is
# bounded. Ten years of monthly figures; the figures themselves are always in the table beside it.
MAX_CHART_POINTS = 120

# The bars' colours, by RAG code: the one palette (plans.rag.RAG_PALETTE).
RAG_COLOURS = {(rag.value if rag else None): colour.fill for rag, colour in RAG_PALETTE.items()}

FONT = "DejaVu Sans, Arial, sans-serif"
CHART_FONT_SIZE = 14  # axis labels, ticks and legends
TITLE_FONT_SIZE = 15
# A character's width at CHART_FONT_SIZE (DejaVu Sans, the widest of the fonts named): for laying out.
CHAR_WIDTH = 8.6
TEXT = "#0b0c0c"
SUBTLE = "#505a5f"
GRID = "#d8d8d8"


def cached_chart(kind, figures, draw):
    """The SVG `draw()` makes of `figures`, kept in the cache under them: the same figures always
    draw the same chart, and drawing takes longer than counting them. `figures` must hold
    everything the chart shows, in a form whose repr() is stable."""
    key = f"{kind}:" + hashlib.sha256(repr(figures).encode()).hexdigest()
    cache = caches["local"]  # each process keeps its own: a miss costs drawing time, never a query
    svg = cache.get(key)
    if svg is None:
        svg = draw()
        cache.set(key, svg, CHART_CACHE_SECONDS)
    return svg


def wrap(text, width, *, char_width=CHAR_WIDTH):
    """`text` as lines of at most `width` pixels, broken at spaces (a word longer than a line is
    broken inside it): every character is kept."""
    most = max(4, int(width // char_width))
    lines, line = [], ""
    for word in text.split():
        while len(word) > most:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:most])
            word = word[most:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= most:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _svg_open(*, title, width, height, name):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)} (figures in the table '
        f'with it)" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{FONT}" font-size="{CHART_FONT_SIZE}" fill="{TEXT}" id="chart-{name}">'
        f"<title>{escape(title)}</title>"
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
    )


def _title_lines(title, width, *, show):
    """The title's lines (wrapped to the chart's width) and the height they take."""
    if not show or not title:
        return "", 12
    lines = wrap(title, width - 8, char_width=CHAR_WIDTH * TITLE_FONT_SIZE / CHART_FONT_SIZE)
    markup = "".join(
        f'<text x="4" y="{TITLE_FONT_SIZE + 2 + i * (TITLE_FONT_SIZE + 4)}" font-size="{TITLE_FONT_SIZE}" '
        f'font-weight="bold">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    return markup, len(lines) * (TITLE_FONT_SIZE + 4) + 18


def _month(iso):
    return datetime.date.fromisoformat(iso)


def _label_step(n, band, label_width):
    """Every how many points an x label fits (labels never overlap)."""
    return max(1, math.ceil((label_width + 8) / band)) if band else 1


def _x_labels(months, x, *, y, band):
    """Month labels under the x axis, every k-th counted back from the latest (always shown)."""
    n = len(months)
    step = _label_step(n, band, 6 * CHAR_WIDTH)
    return "".join(
        f'<text x="{x(i):.1f}" y="{y}" text-anchor="middle">{_month(months[i]).strftime("%b %y")}</text>'
        for i in range(n - 1, -1, -step)
    )


# ------------------------------------------------------------------ RAG mix by period (stacked bars)

RAG_SERIES = [(rag.label, rag.value) for rag in RAG_ORDER] + [("No rating", None)]


def rag_trend_figures(trend, *, field="progress"):
    """A trend's plain figures for rag_trend_svg: [[month, [count per RAG, then no rating]]], the
    latest MAX_CHART_POINTS periods."""
    return [
        [point.period.month.isoformat(), [n for _, n, _ in getattr(point, field)]]
        for point in list(trend)[-MAX_CHART_POINTS:]
    ]


def rag_trend_chart(trend, *, title="Progress RAG by period", width=760, height=360, field="progress"):
    """A stacked bar per period of its progress (or, with field="impact", impact) RAG counts, as
    inline SVG markup (the board pack). The latest MAX_CHART_POINTS periods at most."""
    svg = rag_trend_svg(figures=rag_trend_figures(trend, field=field), title=title, width=width, height=height)
    return mark_safe(svg)  # noqa: S308 - our markup, every text escaped


def rag_trend_svg(*, figures, title, width, height):
    """Kept in the cache under its figures (cached_chart)."""
    figures = [[month, list(counts)] for month, counts in figures][-MAX_CHART_POINTS:]
    return cached_chart(
        "rag-trend-3",
        (title, width, height, figures),
        lambda: _draw_rag_trend(figures, title=title, width=width, height=height),
    )


def _nice_step(highest, ticks=4):
    raw = max(1, highest) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _draw_rag_trend(figures, *, title, width, height):
    """Bars stacked in the RAG order (Blue at the bottom), each segment outlined so the light ones
    show on white; the legend names each colour in the same order, and each bar's <title> its counts."""
    title_markup, top = _title_lines(title, width, show=True)
    columns = 3 if width < 600 else 6
    legend_rows = math.ceil(len(RAG_SERIES) / columns)
    highest = max((sum(counts) for _, counts in figures), default=0)
    step = _nice_step(highest)
    top_value = max(step, math.ceil(highest / step) * step)
    tick_width = len(f"{top_value:g}") * CHAR_WIDTH
    left, right = 10 + tick_width, 3 * CHAR_WIDTH  # room for half the last month's label
    bottom = 28 + legend_rows * 22 + 6
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(figures)
    band = plot_w / n if n else plot_w

    def x(i):
        return left + band * (i + 0.5)

    def y(value):
        return top + plot_h * (1 - value / top_value)

    parts = [_svg_open(title=title, width=width, height=height, name="rag-trend"), title_markup]
    value = 0
    while value <= top_value:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 5}" y="{y(value) + 5:.1f}" text-anchor="end" fill="{SUBTLE}">{value:g}</text>'
        )
        value += step
    bar = max(2.0, band * 0.7)
    for i, (month, counts) in enumerate(figures):
        label = _month(month).strftime("%b %y")
        words = ", ".join(f"{name} {count}" for (name, _), count in zip(RAG_SERIES, counts, strict=False))
        parts.append(f"<g><title>{label}: {words}</title>")
        base = 0
        for (_, code), count in zip(RAG_SERIES, counts, strict=False):
            if count:
                parts.append(
                    f'<rect x="{x(i) - bar / 2:.1f}" y="{y(base + count):.1f}" width="{bar:.1f}" '
                    f'height="{plot_h * count / top_value:.1f}" fill="{RAG_COLOURS[code]}" stroke="{SUBTLE}" '
                    f'stroke-width="0.75"/>'
                )
            base += count
        parts.append("</g>")
    parts.append(_x_labels([m for m, _ in figures], x, y=top + plot_h + 20, band=band))
    cell = (width - left) / columns
    for k, (name, code) in enumerate(RAG_SERIES):
        lx = left + (k % columns) * cell
        ly = top + plot_h + 30 + (k // columns) * 22
        parts.append(
            f'<rect x="{lx:.1f}" y="{ly:.1f}" width="14" height="14" fill="{RAG_COLOURS[code]}" stroke="{SUBTLE}"/>'
            f'<text x="{lx + 20:.1f}" y="{ly + 12:.1f}">{name}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


# ------------------------------------------------------------------ % on track (two lines)

# Progress is drawn solid and blue, impact dashed and dark: told apart by line style and legend, not colour alone.
ON_TRACK_SERIES = (("Progress on track", "#1d70b8", None), ("Impact on track", "#0b0c0c", "6, 4"))
ON_TRACK_TITLE = "% of actions Blue or Green: progress and impact"
# The first screen's chart fits its third of the page; a theme's small multiple fits its tile.
GLANCE_CHART_SIZE = (340, 270)
THEME_CHART_SIZE = (320, 210)


def on_track_figures(trend):
    """[[month, progress %, impact %]] of the latest MAX_CHART_POINTS periods."""
    return [
        [p.period.month.isoformat(), p.progress_on_track, p.impact_on_track] for p in list(trend)[-MAX_CHART_POINTS:]
    ]


def on_track_chart(trend, *, title=ON_TRACK_TITLE, width=GLANCE_CHART_SIZE[0], height=GLANCE_CHART_SIZE[1]):
    """Two lines over the periods: the % of actions whose progress, and whose impact, is Blue or
    Green, as inline SVG markup."""
    svg = on_track_svg(figures=on_track_figures(trend), title=title, width=width, height=height)
    return mark_safe(svg)  # noqa: S308 - our markup, every text escaped


def on_track_svg(*, figures, title, width, height, show_title=True, name="on-track"):
    """Kept in the cache under its figures (cached_chart). With show_title=False the title is the
    image's name only (the page shows it as text above the chart)."""
    figures = [list(f) for f in figures][-MAX_CHART_POINTS:]
    return cached_chart(
        "on-track-2",
        (title, width, height, show_title, name, figures),
        lambda: _draw_on_track(figures, title=title, width=width, height=height, show_title=show_title, name=name),
    )


def _draw_on_track(figures, *, title, width, height, show_title, name):
    """Two lines on a 0-100 % scale, drawn as plain SVG (no style sheet): progress solid with round
    markers, impact dashed with square ones, so neither is told by colour."""
    title_markup, top = _title_lines(title, width, show=show_title)
    left, right, bottom = 10 + 4 * CHAR_WIDTH, 3 * CHAR_WIDTH + 4, 28 + 2 * 22
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(figures)
    band = plot_w / (n - 1) if n > 1 else plot_w

    def x(i):
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(pct):
        return top + plot_h * (100 - pct) / 100

    parts = [_svg_open(title=title, width=width, height=height, name=name), title_markup]
    for pct in (0, 50, 100):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(pct):.1f}" y2="{y(pct):.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 5}" y="{y(pct) + 5:.1f}" text-anchor="end" fill="{SUBTLE}">{pct}%</text>'
        )
    parts.append(_x_labels([m for m, _, _ in figures], x, y=top + plot_h + 20, band=band))
    for (label, colour, dash), column, marker in zip(ON_TRACK_SERIES, (1, 2), ("circle", "square"), strict=True):
        values = [f[column] for f in figures]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"{dashes}/>')
        for i, v in enumerate(values):
            tip = f"<title>{label}, {_month(figures[i][0]).strftime('%b %Y')}: {v}%</title>"
            if marker == "circle":
                parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}">{tip}</circle>')
            else:
                parts.append(
                    f'<rect x="{x(i) - 3.5:.1f}" y="{y(v) - 3.5:.1f}" width="7" height="7" fill="{colour}">{tip}</rect>'
                )
    for k, (label, colour, dash) in enumerate(ON_TRACK_SERIES):
        ly = top + plot_h + 36 + k * 22
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{left}" x2="{left + 28}" y1="{ly - 5}" y2="{ly - 5}" stroke="{colour}" '
            f'stroke-width="2.5"{dashes}/><text x="{left + 36}" y="{ly}">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


# ------------------------------------------------------------------ charts as their own image URLs

_SALT = "plans.charts.image"


def _measure_svg(*, figures, width, height):
    from plans.services.measure_charts import measure_chart_from_figures

    return measure_chart_from_figures(figures)  # drawn at the measure chart's own size


CHART_KINDS = {"rag-trend": rag_trend_svg, "on-track": on_track_svg, "measure": _measure_svg}


@dataclass(frozen=True)
class ChartImage:
    """A chart the page shows as an <img>: its URL and its size in CSS pixels."""

    url: str
    width: int
    height: int


def chart_image(*, plan, kind, width, height, **figures):
    """The chart `kind` of `figures` as an image URL under the plan's dashboard. The figures (every
    one the chart shows) are signed into the URL, so the image is drawn without a query, only for
    readers of the plan (plans:board_chart checks), and a new URL comes with new figures."""
    token = signing.Signer(salt=_SALT).sign_object(
        {"plan": plan.pk, "kind": kind, "width": width, "height": height, "figures": figures}, compress=True
    )
    return ChartImage(url=reverse("plans:board_chart", args=[plan.pk, token]), width=width, height=height)


def chart_svg_from_token(token, *, plan):
    """The SVG of a chart_image() URL's token for `plan`; None when the token is not one we signed
    for this plan (altered, or another plan's)."""
    try:
        spec = signing.Signer(salt=_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    if spec.get("plan") != plan.pk or spec.get("kind") not in CHART_KINDS:
        return None
    return CHART_KINDS[spec["kind"]](width=spec["width"], height=spec["height"], **spec["figures"])
