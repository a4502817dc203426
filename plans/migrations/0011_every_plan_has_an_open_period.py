"""Every plan has an open reporting period from now on (closing one opens the next): give one to each
plan that has none, the month after its latest period, or this month when it has none at all."""
import datetime

from django.db import migrations
from django.utils import timezone


def _next_month(month):
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def open_a_period_where_none_is(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    ReportingPeriod = apps.get_model("plans", "ReportingPeriod")
    this_month = timezone.localdate().replace(day=1)
    for plan in Plan.objects.exclude(periods__closed=False):
        latest = ReportingPeriod.objects.filter(plan=plan).order_by("-month").first()
        month = _next_month(latest.month) if latest else this_month
        ReportingPeriod.objects.create(plan=plan, month=month)


class Migration(migrations.Migration):
    dependencies = [("plans", "0010_board_schedule_and_late_updates")]

    operations = [migrations.RunPython(open_a_period_where_none_is, migrations.RunPython.noop)]
