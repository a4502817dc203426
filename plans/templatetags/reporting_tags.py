"""Template helpers for the dashboard and board pack; none of them touches the database."""
import base64
from urllib.parse import urlencode

from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.dates import MONTHS_3
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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


@register.simple_tag
def group_rows(groups, field, *, plan=None, period=None, dimension="", links=False):
    """The body rows of a by-theme / by-owner table: one per group, a count per RAG and the total.

    Written here rather than in the template because a plan with many owners has hundreds of cells,
    each with its own link, and the template engine would be most of the dashboard's time.
    """
    rows = []
    rag_params = {}  # the drill link's "&progress_rag=R" part, the same for every group
    for group in groups:
        summary = getattr(group, field)
        cells = []
        group_url = drill_url(plan, period, **{dimension: group.key}) if links and group.key else ""
        for rag, n, _ in summary:
            if group_url and n:
                if rag not in rag_params:
                    rag_params[rag] = "&" + urlencode({f"{field}_rag": rag_param(rag)})
                cells.append(format_html(
                    '<td class="govuk-table__cell govuk-table__cell--numeric"><a class="govuk-link" href="{}">'
                    '<span class="govuk-visually-hidden">{}, {}: </span>{}</a></td>',
                    group_url + rag_params[rag], group.label, rag.label if rag else "No rating", n,
                ))
            else:
                cells.append(format_html('<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>', n))
        rows.append(format_html(
            '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{}</th>{}'
            '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td></tr>',
            group.label, mark_safe("".join(cells)), summary.total,  # noqa: S308 - each cell is format_html output
        ))
    return mark_safe("\n".join(rows))  # noqa: S308 - each row is format_html output


def _rag_cell(rag):
    return format_html('<td class="govuk-table__cell">{}</td>', rag_tag(rag.value if rag else None))


def _action_cell(row, full_text):
    text = row.action_text if full_text else row.short_text
    if not row.due_date_note:
        return text
    return format_html('{}<br><span class="app-secondary">Due date {}</span>', text, row.due_date_note)


@register.simple_tag
def report_rows(rows, *, limit=None, show_previous=False, links=False, full_text=False):
    """The body rows of a list of actions as reported (plans/reporting/_rows_table.html): ref (a link
    to the action when `links`), action, owners, due date and overdue flag, the previous progress RAG
    (when `show_previous`), progress and impact RAG, and the latest note.

    Written here rather than in the template for the same reason as group_rows: the dashboard draws
    seven of these lists and the board pack every action.
    """
    shown = rows[:limit] if limit else rows
    if not shown:
        return format_html('<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="{}">None.</td></tr>', 8 if show_previous else 7)
    html = []
    # Every link differs only by the action's id: reverse the URL once and put each id in its place.
    marker = "2147483647"
    action_url = reverse("plans:action_detail", args=[marker]).split(marker)
    months = [""] + [MONTHS_3[number].title() for number in range(1, 13)]  # as the date format "M" writes them
    for row in shown:
        ref = row.ref or "(no ref)"
        if links and row.action_id:
            ref = format_html('<a class="govuk-link" href="{}">{}</a>', str(row.action_id).join(action_url), ref)
        due = f"{row.due_date.day} {months[row.due_date.month]} {row.due_date.year}" if row.due_date else "—"  # "j M Y"
        if row.is_overdue:
            due = format_html('{} <strong class="app-flag">Overdue</strong>', due)
        html.append(format_html(
            '<tr class="govuk-table__row"><td class="govuk-table__cell">{}</td><td class="govuk-table__cell">{}</td>'
            '<td class="govuk-table__cell">{}</td><td class="govuk-table__cell app-nowrap">{}</td>{}{}{}'
            '<td class="govuk-table__cell">{}</td></tr>',
            ref, _action_cell(row, full_text), row.owners or "No owner", due,
            _rag_cell(row.previous_progress_rag) if show_previous else "", _rag_cell(row.progress_rag),
            _rag_cell(row.impact_rag), linebreaksbr(row.note or "No update recorded", autoescape=True),
        ))
    return mark_safe("\n".join(html))  # noqa: S308 - each row is format_html output
