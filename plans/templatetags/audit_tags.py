"""Template helpers for the audit trail, edit conflicts and the locked-out page; no queries."""

from django import template

register = template.Library()


@register.filter
def model_verbose_name(instance):
    return instance._meta.verbose_name


@register.filter
def lockout_minutes(delta):
    """A timedelta as a whole number of minutes."""
    return int(delta.total_seconds() // 60)
