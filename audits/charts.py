"""Server-side SVG charts (pygal): the same markup in the page and the PDF."""

import pygal
from django.utils.safestring import mark_safe
from pygal.style import Style

from plans.charts import MAX_CHART_POINTS

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f",
    colors=("#00703c", "#1d70b8"),
    font_family="DejaVu Sans, Arial, sans-serif",
    value_font_size=14,
    label_font_size=14,
    major_label_font_size=14,
    title_font_size=16,
)


def good_or_better_chart(*, trend, area):
    """A line of "% good or better" per month that has grades: the latest MAX_CHART_POINTS months at most."""
    trend = list(trend)[-MAX_CHART_POINTS:]
    chart = pygal.Line(
        style=STYLE,
        js=[],
        disable_xml_declaration=True,
        height=320,
        width=760,
        range=(0, 100),
        show_legend=True,
        legend_at_bottom=True,
        print_values=True,
        dots_size=4,
        title=f"{area}: % judged good or better",
    )
    chart.x_labels = [row.month.strftime("%b %Y") for row in trend]
    chart.add("% good or better", [row.percent for row in trend], formatter=lambda v: f"{v}%")
    return mark_safe(chart.render(is_unicode=True))  # noqa: S308 - pygal's markup; the titles are ours
