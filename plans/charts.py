"""Server-side SVG charts for the dashboard and the board pack (the same SVG in both)."""
import hashlib
import re

import pygal
from django.core.cache import caches
from django.utils.safestring import mark_safe
from pygal.style import Style

from plans.rag import RAG_ORDER, RAG_PALETTE

CHART_CACHE_SECONDS = 24 * 3600
# The most points (months, periods) one chart draws, whatever the data or its dates: a chart's cost is
# bounded. Ten years of monthly figures; the figures themselves are always in the table beside it.
MAX_CHART_POINTS = 120

# The bars' colours, by RAG code: the one palette (plans.rag.RAG_PALETTE).
RAG_COLOURS = {(rag.value if rag else None): colour.fill for rag, colour in RAG_PALETTE.items()}


def rag_trend_chart(trend, *, title="Progress RAG by period", width=760, height=360):
    """A stacked bar per period of its progress RAG counts, as inline SVG markup.

    Kept in the cache under its figures (cached_chart). The latest MAX_CHART_POINTS periods at most.
    """
    trend = list(trend)[-MAX_CHART_POINTS:]
    figures = [(point.period.month.isoformat(), tuple(n for _, n, _ in point.progress)) for point in trend]
    svg = cached_chart(
        "rag-trend", (title, width, height, figures, tuple(RAG_COLOURS.items())),
        lambda: _draw_rag_trend_chart(trend, title=title, width=width, height=height),
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


def _draw_rag_trend_chart(trend, *, title, width, height):
    series = [(rag.label, rag.value) for rag in RAG_ORDER] + [("No rating", None)]
    style = Style(
        font_family="DejaVu Sans, Arial, sans-serif",
        background="white", plot_background="white", foreground="#0b0c0c", foreground_strong="#0b0c0c",
        foreground_subtle="#505a5f", colors=tuple(RAG_COLOURS[code] for _, code in series),
        opacity="1", opacity_hover="1", stroke_opacity="1", label_font_size=12, legend_font_size=12,
        title_font_size=14, major_label_font_size=12,
    )
    chart = pygal.StackedBar(
        style=style, js=[], disable_xml_declaration=True, width=width, height=height, title=title,
        legend_at_bottom=True, legend_at_bottom_columns=6, print_values=False, show_y_guides=True,
        x_label_rotation=0 if len(trend) <= 12 else 45, truncate_label=-1, explicit_size=True,
        stroke_style={"width": 1}, margin=10,
    )
    chart.x_labels = [point.period.month.strftime("%b %y") for point in trend]
    for label, code in series:
        rag = next((r for r in RAG_ORDER if r.value == code), None)
        chart.add(label, [point.progress.count(rag) for point in trend])
    svg = chart.render(is_unicode=True)
    # Same figures, same markup: drop pygal's random id and its dated comments.
    svg = re.sub(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "chart-rag-trend", svg)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<script[^>]*>.*?</script>", "", svg, flags=re.S)  # no chart depends on JavaScript
    svg = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "rag-trend", svg)
    return svg.replace("<svg ", '<svg role="img" aria-label="' + title + ' (figures in the table that follows)" ', 1)
