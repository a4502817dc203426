"""Template helpers for the dashboard and board pack; none of them touches the database, and the
tables' rows are drawn by their templates (plans/reporting/_rows_table.html, _group_table.html)."""

import base64
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from plans.rag import RAG_PALETTE
from plans.templatetags.plan_tags import rag_tag

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
def period_options(periods, chosen):
    """The <option> elements of the dashboard's period picker, `chosen` selected: drawn in one pass
    (a plan three years in has 36 periods; a template loop over them cost more than the rest of the
    form)."""
    return mark_safe(  # noqa: S308 - every value escaped here
        "".join(
            f'<option value="{escape(p.slug)}"{" selected" if p.pk == chosen.pk else ""}>'
            f"{escape(p.label)}{' (closed)' if p.closed else ''}</option>"
            for p in periods
        )
    )


@register.simple_tag
def glance_rag_rows(figures, plan, period):
    """The first screen's rows of actions by RAG rating: each rating's progress and impact numbers
    and percentages, each number linking to its actions. Drawn in one pass: as template loops these
    seven rows cost more than the rest of the first screen's table."""
    impact = {rag: (n, pct) for rag, n, pct in figures.impact}
    cell = (
        '<td class="govuk-table__cell govuk-table__cell--numeric"><a class="govuk-link" href="{}">'
        '<span class="govuk-visually-hidden">{} {}: </span>{}</a> <span class="app-secondary">({}%)</span></td>'
    )
    rows = []
    for rag, n, pct in figures.progress:
        words = rag.label if rag else "no rating"
        impact_n, impact_pct = impact.get(rag, (0, 0))
        rows.append(
            format_html(
                '\n        <tr class="govuk-table__row">\n          <th scope="row" class="govuk-table__header">{}</th>\n'
                "          {}\n          {}\n        </tr>\n      ",
                rag_tag(rag.value if rag else ""),
                format_html(cell, drill_url(plan, period, progress_rag=rag_param(rag)), "Progress", words, n, pct),
                format_html(
                    cell, drill_url(plan, period, impact_rag=rag_param(rag)), "Impact", words, impact_n, impact_pct
                ),
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - each row built by format_html


@register.simple_tag
def drill_url(plan, period, **filters):
    """The plan page filtered to the actions behind a dashboard figure, as reported for `period`."""
    query = {"period": period.slug}
    query.update({key: value for key, value in filters.items() if value not in (None, "")})
    return f"{_plan_url(plan)}?{urlencode(query)}"


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


@register.filter
def chart_img(image, alt):
    """A dashboard chart (plans.charts.ChartImage) as an <img> of its own URL, at its size unless
    the column is narrower. `alt` names the chart and says where its figures are given as text."""
    if not image:
        return ""
    return format_html(
        '<img class="app-chart__image" src="{}" width="{}" height="{}" alt="{}">',
        image.url,
        image.width,
        image.height,
        alt,
    )


@register.filter
def summary(group, field):
    """A GroupSummary's "progress" or "impact" RagSummary (the tables are drawn for either)."""
    return getattr(group, field)


@register.filter
def rag_row(summary, rag):
    """A RagSummary's (rag, count, percent) for `rag` (None: no rating)."""
    for row in summary:
        if row[0] == rag:
            return row
    return (rag, 0, 0)


@register.filter
def first(rows, limit):
    """The first `limit` rows (every row when there is no limit: None, 0 or "")."""
    limit = int(limit or 0)
    return rows[:limit] if limit else rows


@register.simple_tag
def rag_palette_css():
    """The RAG tags' colours for a document's own style sheet (the board pack PDF), from the one
    palette (plans.rag.RAG_PALETTE) that the pages' Sass mirrors."""
    rules = [
        f".app-rag--{rag.value if rag else 'none'} {{ background: {colour.fill}; color: {colour.text}; }}"
        for rag, colour in RAG_PALETTE.items()
    ]
    return mark_safe("\n  ".join(rules))  # noqa: S308 - colours from a constant table
