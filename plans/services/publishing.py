"""A plan's draft → published step: an imported plan is a draft, seen by admins and its
coordinators only, until one of them publishes it; then it is in its owners' My actions, on its
board's lists and in the reminders."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from plans import permissions
from plans.models import Plan, PlanStatus


@transaction.atomic
def plan_publish(*, plan, user=None):
    """Make a draft plan active; `user` (if given) must coordinate it. Recorded in the audit trail."""
    if user is not None and not permissions.coordinates(user, plan):
        raise PermissionDenied("Only admins and the plan's coordinators can publish it.")
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError("This plan has already been published.")
    plan.status = PlanStatus.ACTIVE
    plan._history_user = user
    plan._change_reason = "Published"
    plan.save(update_fields=["status"])
    return plan
