"""The demo: the plan with months of progress, the demo accounts and the case-audit programme beside it."""

from django.db import transaction
from django.utils import timezone

from audits.services.demo import audit_demo_load
from plans.services.demo import DEMO_PASSWORD, plan_demo_load


@transaction.atomic
def demo_load(*, today=None):
    """Load the whole demo (safe to run again). Returns the plan's DemoResult."""
    today = today or timezone.localdate()
    result = plan_demo_load(today=today)
    audit_demo_load(plan=result.plan, users=result.users, password=DEMO_PASSWORD, today=today)
    return result
