"""Template helpers for the dashboard and board pack; none of them touches the database."""
import base64
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.filter
def rag_param(rag):
    """The plan page's filter value for a RAG (or "none" for no rating)."""
    return rag.value if rag else "none"


@register.simple_tag
def drill_url(plan, period, **filters):
    """The plan page filtered to the actions behind a dashboard figure, as reported for `period`."""
    query = {"period": period.slug}
    query.update({key: value for key, value in filters.items() if value not in (None, "")})
    return f"{reverse('plans:plan_detail', args=[plan.pk])}?{urlencode(query)}"


@register.simple_tag
def group_drill_url(plan, period, dimension, key, field, rag):
    """drill_url for one cell of the by-theme / by-owner table: dimension is "theme" or "owner"."""
    return drill_url(plan, period, **{dimension: key, f"{field}_rag": rag_param(rag)})


@register.filter
def summary_of(group, field):
    return getattr(group, field)


@register.filter
def svg_image(svg, alt):
    """A server-rendered SVG chart as an <img> of a data URL.

    As an image the SVG keeps its own <style> under the site's Content-Security-Policy (inline SVG
    markup would need its style sheet allowed page-wide) and can run nothing. `alt` names the chart
    and says where its figures are given as text.
    """
    if not svg:
        return ""
    data = base64.b64encode(str(svg).encode()).decode("ascii")
    return format_html('<img class="app-chart__image" src="data:image/svg+xml;base64,{}" alt="{}">', data, alt)
