"""Template helpers for the dashboard and board pack; none of them touches the database."""
import base64
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def rag_param(rag):
    """The plan page's filter value for a RAG (or "none" for no rating)."""
    return rag.value if rag else "none"


def _plan_url(plan):
    # The dashboard links hundreds of figures to the same page: reverse it once per plan object.
    if not hasattr(plan, "_detail_url"):
        plan._detail_url = reverse("plans:plan_detail", args=[plan.pk])
    return plan._detail_url


@register.simple_tag
def drill_url(plan, period, **filters):
    """The plan page filtered to the actions behind a dashboard figure, as reported for `period`."""
    query = {"period": period.slug}
    query.update({key: value for key, value in filters.items() if value not in (None, "")})
    return f"{_plan_url(plan)}?{urlencode(query)}"


@register.simple_tag
def group_drill_url(plan, period, dimension, key, field, rag):
    """drill_url for one cell of the by-theme / by-owner table: dimension is "theme" or "owner"."""
    return drill_url(plan, period, **{dimension: key, f"{field}_rag": rag_param(rag)})


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


@register.simple_tag
def group_rows(groups, field, *, plan=None, period=None, dimension="", links=False):
    """The body rows of a by-theme / by-owner table: one per group, a count per RAG and the total.

    Written here rather than in the template because a plan with many owners has hundreds of cells,
    each with its own link, and the template engine would be most of the dashboard's time.
    """
    rows = []
    for group in groups:
        summary = getattr(group, field)
        cells = []
        for rag, n, _ in summary:
            if links and group.key and n:
                cells.append(format_html(
                    '<td class="govuk-table__cell govuk-table__cell--numeric"><a class="govuk-link" href="{}">'
                    '<span class="govuk-visually-hidden">{}, {}: </span>{}</a></td>',
                    group_drill_url(plan, period, dimension, group.key, field, rag), group.label,
                    rag.label if rag else "No rating", n,
                ))
            else:
                cells.append(format_html('<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>', n))
        rows.append(format_html(
            '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{}</th>{}'
            '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td></tr>',
            group.label, mark_safe("".join(cells)), summary.total,  # noqa: S308 - each cell is format_html output
        ))
    return mark_safe("\n".join(rows))  # noqa: S308 - each row is format_html output
