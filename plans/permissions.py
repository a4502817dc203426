"""Who may see and do what. Roles are the groups Admin, Coordinator, Owner and Board;
access to a plan comes from being its coordinator, a board member of it, or holding
a role that owns one of its actions."""

import json

from django.db.models import Aggregate, Exists, OuterRef, Q, Subquery, TextField

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
    return COORDINATOR in _groups(user) and _linked(user, plan, "user_coordinates", plan.coordinators)


def _linked(user, plan, flag, members):
    """Whether `user` is one of the plan's `members`: as read with the plan (plan_for), else asked."""
    if getattr(plan, "links_read_for", None) == user.pk:
        return getattr(plan, flag)
    return members.filter(pk=user.pk).exists()


class _JSONNames(Aggregate):
    """The values as a JSON array of strings, e.g. '["Board", "Owner"]' (SQLite and PostgreSQL)."""

    function = "JSON_GROUP_ARRAY"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSON_AGG", template="%(function)s(%(expressions)s)::text")


def plan_for(user, pk):
    """The plan `pk` (Plan.DoesNotExist if there is none) read with what the permission checks ask of
    it, in the one query: whether `user` coordinates it or sits on its board, and (when not known yet)
    the names of the user's groups. coordinates() and can_read_board_reports() then ask nothing more."""
    from django.contrib.auth.models import Group

    from plans.models import Plan

    plans = Plan.objects.all()
    if not user.is_authenticated:
        return plans.get(pk=pk)
    links = {
        "user_coordinates": Exists(Plan.coordinators.through.objects.filter(plan_id=OuterRef("pk"), user_id=user.pk)),
        "user_on_board": Exists(Plan.board_members.through.objects.filter(plan_id=OuterRef("pk"), user_id=user.pk)),
    }
    if not hasattr(user, "_role_groups"):
        names = Group.user_set.through.objects.filter(user_id=user.pk).values("user_id")
        links["user_group_names"] = Subquery(names.annotate(names=_JSONNames("group__name")).values("names"))
    plan = plans.annotate(**links).get(pk=pk)
    plan.links_read_for = user.pk
    if "user_group_names" in links:
        user._role_groups = set(json.loads(plan.user_group_names or "[]"))
    return plan


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
    return BOARD in _groups(user) and _linked(user, plan, "user_on_board", plan.board_members)


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
