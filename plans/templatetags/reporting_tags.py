"""Template helpers for the dashboard and board pack; none of them touches the database."""
from urllib.parse import urlencode

from django import template
from django.urls import reverse

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
