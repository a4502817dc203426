"""Template helpers for RAG display, measure values and form fields; none of them touches the database."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from plans.models.measures import value_text
from plans.rag import RAG_MEANINGS, Rag

register = template.Library()


@register.filter
def rag_info(value):
    """Label, CSS modifier and meaning for a RAG code (or "No rating")."""
    if not value:
        return {"label": "No rating", "css": "none", "meaning": "No update recorded yet"}
    rag = Rag(value)
    return {"label": rag.label, "css": rag.value, "meaning": RAG_MEANINGS[rag]}


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def rag_tag(value):
    """The RAG tag (word, colour and border pattern) for a RAG code, as components/rag_tag.html draws it.

    A filter for the long tables (the dashboard's lists, the board pack), where an include per cell
    would be most of the page's time."""
    info = rag_info(value)
    if info["meaning"]:
        return format_html(
            '<strong class="app-rag app-rag--{}" title="{}">{}</strong>', info["css"], info["meaning"], info["label"]
        )
    return format_html('<strong class="app-rag app-rag--{}">{}</strong>', info["css"], info["label"])


@register.filter
def select_options(field):
    """The <option> elements of a bound select field, the chosen ones marked as selected.

    Written here rather than as a template loop: the plan page's owner filter lists every owner of
    the plan, and a template pass per option was a large part of that page's time."""
    selected = mark_safe(" selected")  # noqa: S308 - a constant
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (
                "" if option.data["value"] is None else option.data["value"],
                selected if option.data["selected"] else "",
                option.data["label"],
            )
            for option in field.subwidgets
        ),
    )


@register.filter
def measure_value(value, unit=""):
    """A measure's reading, milestone, baseline or target as people write it, with its unit:
    "73%", "12.5 days", "400" (not "73.00%"); "—" when there is none."""
    return value_text(value, unit)
