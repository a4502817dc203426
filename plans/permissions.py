"""Who may see and do what. Roles are the groups Admin, Coordinator, Owner and Board;
access to a plan comes from being its coordinator, a board member of it, or holding
a role that owns one of its actions."""

from django.db.models import Q

ADMIN, COORDINATOR, OWNER, BOARD = "Admin", "Coordinator", "Owner", "Board"
ROLE_GROUPS = (ADMIN, COORDINATOR, OWNER, BOARD)


def _groups(user):
    if not hasattr(user, "_role_groups"):
        user._role_groups = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
    return user._role_groups


def is_admin(user):
    return user.is_authenticated and (user.is_superuser or ADMIN in _groups(user))


def in_group(user, name):
    return is_admin(user) or name in _groups(user)


def plans_visible_to(user):
    """Admins see every plan; others the plans they coordinate, and the published plans they are on
    the board of or own an action in."""
    from plans.models import Action, Plan, PlanStatus

    plans = Plan.objects.all()
    if is_admin(user):
        return plans
    if not user.is_authenticated:
        return plans.none()
    # Three plain "plan id in (…)" subqueries rather than joins with DISTINCT: PostgreSQL plans these
    # as cheap semi-joins, where the joined form was estimated (and JIT-compiled) as a costly query.
    coordinated = Plan.coordinators.through.objects.filter(user=user).values("plan_id")
    on_board = Plan.board_members.through.objects.filter(user=user).values("plan_id")
    owned = Action.objects.filter(owners__holders=user).values("theme__plan_id")
    # A draft (a plan fresh from an import) is its coordinators' alone until it is published.
    published = ~Q(status=PlanStatus.DRAFT)
    return plans.filter(Q(pk__in=coordinated) | (published & (Q(pk__in=on_board) | Q(pk__in=owned))))


def can_view_plan(user, plan):
    return plans_visible_to(user).filter(pk=plan.pk).exists()


def coordinates(user, plan):
    """Admins, and coordinators named on the plan."""
    if is_admin(user):
        return True
    return COORDINATOR in _groups(user) and plan.coordinators.filter(pk=user.pk).exists()


def holds_role_owning(user, action):
    """Holds a role owning the action, in a published plan (a draft's actions are not yet anyone's)."""
    from plans.models import PlanStatus

    if action.theme.plan.status == PlanStatus.DRAFT:
        return False
    return user.is_authenticated and action.owners.filter(holders=user).exists()


def can_record_update(user, action):
    """Owners update actions owned by a role they hold; coordinators any action of their plans."""
    from plans.models import ActionStatus

    if action.status == ActionStatus.WITHDRAWN or action.theme.plan.status == "archived":
        return False
    return coordinates(user, action.theme.plan) or holds_role_owning(user, action)


def can_read_board_reports(user, plan):
    if coordinates(user, plan):
        return True
    from plans.models import PlanStatus

    if plan.status == PlanStatus.DRAFT:
        return False
    return BOARD in _groups(user) and plan.board_members.filter(pk=user.pk).exists()


def can_create_plan(user):
    """Admins and members of the Coordinator group; the creator then coordinates the new plan."""
    return in_group(user, COORDINATOR)


def can_manage_owners(user):
    """Owner roles are shared across plans: admins and coordinators may list and add them."""
    return in_group(user, COORDINATOR)


def can_manage_owner(user, owner):
    """Admins any role; a coordinator a role that owns no action yet or owns one in a plan they
    coordinate (see docs/decisions/0007-who-manages-owner-roles.md)."""
    from plans.models import Action

    if is_admin(user):
        return True
    if COORDINATOR not in _groups(user):
        return False
    actions = Action.objects.filter(owners=owner)
    return not actions.exists() or actions.filter(theme__plan__coordinators=user).exists()


def can_manage_sources(user):
    """Sources are shared across plans: admins and coordinators add them and list their paragraphs."""
    return in_group(user, COORDINATOR)
