"""Server-side SVG charts for the dashboard and the board pack (the same SVG in both)."""

import hashlib
import re

import pygal
from django.core.cache import caches
from django.utils.html import escape
from django.utils.safestring import mark_safe
from pygal.style import Style

from plans.rag import RAG_ORDER, RAG_PALETTE

CHART_CACHE_SECONDS = 24 * 3600
# The most points (months, periods) one chart draws, whatever the data or its dates: a chart's cost is
# bounded. Ten years of monthly figures; the figures themselves are always in the table beside it.
MAX_CHART_POINTS = 120

# The bars' colours, by RAG code: the one palette (plans.rag.RAG_PALETTE).
RAG_COLOURS = {(rag.value if rag else None): colour.fill for rag, colour in RAG_PALETTE.items()}


def rag_trend_chart(trend, *, title="Progress RAG by period", width=760, height=360, field="progress"):
    """A stacked bar per period of its progress (or, with field="impact", impact) RAG counts, as
    inline SVG markup.

    Kept in the cache under its figures (cached_chart). The latest MAX_CHART_POINTS periods at most.
    """
    trend = list(trend)[-MAX_CHART_POINTS:]
    figures = [(point.period.month.isoformat(), tuple(n for _, n, _ in getattr(point, field))) for point in trend]
    svg = cached_chart(
        "rag-trend",
        (title, width, height, figures, tuple(RAG_COLOURS.items())),
        lambda: _draw_rag_trend_chart(trend, title=title, width=width, height=height, field=field),
    )
    return mark_safe(svg)  # noqa: S308 - pygal's markup; the title is ours


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


def _draw_rag_trend_chart(trend, *, title, width, height, field="progress"):
    series = [(rag.label, rag.value) for rag in RAG_ORDER] + [("No rating", None)]
    style = Style(
        font_family="DejaVu Sans, Arial, sans-serif",
        background="white",
        plot_background="white",
        foreground="#0b0c0c",
        foreground_strong="#0b0c0c",
        foreground_subtle="#505a5f",
        colors=tuple(RAG_COLOURS[code] for _, code in series),
        opacity="1",
        opacity_hover="1",
        stroke_opacity="1",
        label_font_size=12,
        legend_font_size=12,
        title_font_size=14,
        major_label_font_size=12,
    )
    chart = pygal.StackedBar(
        style=style,
        js=[],
        disable_xml_declaration=True,
        width=width,
        height=height,
        title=title,
        legend_at_bottom=True,
        legend_at_bottom_columns=6,
        print_values=False,
        show_y_guides=True,
        x_label_rotation=0 if len(trend) <= 12 else 45,
        truncate_label=-1,
        explicit_size=True,
        stroke_style={"width": 1},
        margin=10,
    )
    chart.x_labels = [point.period.month.strftime("%b %y") for point in trend]
    for label, code in series:
        rag = next((r for r in RAG_ORDER if r.value == code), None)
        chart.add(label, [getattr(point, field).count(rag) for point in trend])
    svg = chart.render(is_unicode=True)
    # Same figures, same markup: drop pygal's random id and its dated comments.
    svg = re.sub(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "chart-rag-trend", svg)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<script[^>]*>.*?</script>", "", svg, flags=re.S)  # no chart depends on JavaScript
    svg = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "rag-trend", svg)
    return svg.replace("<svg ", '<svg role="img" aria-label="' + title + ' (figures in the table that follows)" ', 1)


# Progress is drawn solid and blue, impact dashed and dark: told apart by line style and legend, not colour alone.
ON_TRACK_SERIES = (("Progress on track", "#1d70b8", None), ("Impact on track", "#0b0c0c", "6, 4"))


def on_track_chart(
    trend, *, title="% of actions Blue or Green: progress and impact", width=420, height=230, name="on-track"
):
    """Two lines over the periods: the % of actions whose progress, and whose impact, is Blue or
    Green. Small enough for the dashboard's first screen and for small multiples (theme_chart)."""
    trend = list(trend)[-MAX_CHART_POINTS:]
    figures = [(p.period.month.isoformat(), p.progress_on_track, p.impact_on_track) for p in trend]
    svg = cached_chart(
        "on-track",
        (title, width, height, figures),
        lambda: _draw_on_track_chart(trend, title=title, width=width, height=height, name=name),
    )
    return mark_safe(svg)  # noqa: S308 - our markup, every text escaped


def theme_chart(trend, *, title):
    """One theme's small multiple: its progress and impact on track over the periods."""
    return on_track_chart(trend, title=title, width=300, height=190, name="theme")


def _fit(text, width, char_width=7):
    """`text` cut with an ellipsis to fit `width` pixels (the whole of it is the chart's title and alt)."""
    most = max(4, (width - 8) // char_width)
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _draw_on_track_chart(trend, *, title, width, height, name):
    """Two lines on a 0-100 % scale, drawn as plain SVG (a few hundred bytes a line, no style sheet):
    progress solid with round markers, impact dashed with square ones, so neither is told by colour."""
    left, right, top, bottom = 38, 24, 22, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(trend)

    def x(i):
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(pct):
        return top + plot_h * (100 - pct) / 100

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)} (figures in the table '
        f'with it)" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="11" id="chart-{name}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="4" y="14" font-size="12" font-weight="bold" fill="#0b0c0c">{escape(_fit(title, width))}</text>',
    ]
    for pct in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(pct):.1f}" y2="{y(pct):.1f}" stroke="#d8d8d8"/>'
            f'<text x="{left - 4}" y="{y(pct) + 4:.1f}" text-anchor="end" fill="#505a5f">{pct}%</text>'
        )
    step = max(1, -(-n // 5))  # at most about five month labels: they never overlap
    for i, point in enumerate(trend):
        if i % step == 0 or i == n - 1:
            if i != n - 1 and n - 1 - i < step:
                continue  # too close to the last label
            parts.append(
                f'<text x="{x(i):.1f}" y="{top + plot_h + 14}" text-anchor="middle" fill="#0b0c0c">'
                f"{point.period.month.strftime('%b %y')}</text>"
            )
    for (label, colour, dash), attr, marker in zip(
        ON_TRACK_SERIES, ("progress_on_track", "impact_on_track"), ("circle", "square"), strict=True
    ):
        values = [getattr(point, attr) for point in trend]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>')
        for i, v in enumerate(values):
            if marker == "circle":
                parts.append(
                    f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"><title>{label}, '
                    f"{trend[i].period.month.strftime('%b %Y')}: {v}%</title></circle>"
                )
            else:
                parts.append(
                    f'<rect x="{x(i) - 3:.1f}" y="{y(v) - 3:.1f}" width="6" height="6" fill="{colour}">'
                    f"<title>{label}, {trend[i].period.month.strftime('%b %Y')}: {v}%</title></rect>"
                )
    legend_y = height - 10
    for k, (label, colour, dash) in enumerate(ON_TRACK_SERIES):
        lx = left + k * (plot_w // 2)
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{lx}" x2="{lx + 24}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="{colour}" '
            f'stroke-width="2"{dashes}/><text x="{lx + 30}" y="{legend_y}" fill="#0b0c0c">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
