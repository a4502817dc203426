"""Where each person starts after signing in (and at /): the page where their work is.

One rule, in order: admins on the plans; coordinators on this month's round of the plan they
coordinate (the plans when they coordinate several); board members on their plan's dashboard (a
list of their boards when they sit on several); audit leads on the audits; everyone else on My
actions, the owners' start (agency auditors who own no action go to the audits).
"""

from dataclasses import dataclass, field

from django.urls import reverse

from plans import permissions
from plans.models import Action, Plan, PlanStatus


@dataclass(frozen=True)
class Start:
    url: str = ""
    boards: list = field(default_factory=list)  # several boards: the list to show instead of a redirect


def _live(plans):
    return plans.exclude(status__in=[PlanStatus.ARCHIVED, PlanStatus.CLOSED]).order_by("title", "pk")


def start_page(*, user):
    """The Start of `user`: a URL to go to, or the plans whose boards they sit on to choose from."""
    from audits.permissions import AGENCY_AUDITOR, AUDIT_LEAD

    groups = permissions._groups(user)
    if permissions.is_admin(user):
        return Start(url=reverse("plans:plan_list"))
    if permissions.COORDINATOR in groups:
        coordinated = list(_live(Plan.objects.filter(coordinators=user))[:2])
        if len(coordinated) == 1:
            return Start(url=reverse("plans:round", args=[coordinated[0].pk]))
        if coordinated:
            return Start(url=reverse("plans:plan_list"))
    if permissions.BOARD in groups:
        boards = list(_live(Plan.objects.filter(board_members=user)).exclude(status=PlanStatus.DRAFT))
        if len(boards) == 1:
            return Start(url=reverse("plans:board_dashboard", args=[boards[0].pk]))
        if boards:
            return Start(boards=boards)
    if AUDIT_LEAD in groups:
        return Start(url=reverse("audits:programme_list"))
    if AGENCY_AUDITOR in groups and not Action.objects.owned_by_user(user).exists():
        return Start(url=reverse("audits:programme_list"))
    return Start(url=reverse("plans:my_actions"))
