"""Who may see and do what. Roles are the groups Admin, Coordinator, Owner and Board;
access to a plan comes from being its coordinator, a board member of it, or holding
a role that owns one of its actions."""

import json

from django.db import connection
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
    return COORDINATOR in _groups(user) and _linked(user, plan, "user_coordinates", plan.coordinators)


def _linked(user, plan, flag, members):
    """Whether `user` is one of the plan's `members`: as read with the plan (plan_for), else asked."""
    if getattr(plan, "links_read_for", None) == user.pk:
        return getattr(plan, flag)
    return members.filter(pk=user.pk).exists()


def plan_for(user, pk):
    """The plan `pk` (Plan.DoesNotExist if there is none) read with what the permission checks ask of
    it, in one plain statement: whether `user` coordinates it or sits on its board, and (when not known
    yet) the names of the user's groups. coordinates() and can_read_board_reports() then ask nothing
    more. (Written with the ORM's Exists and Subquery, building the statement cost more than the three
    small queries it replaces.)"""
    from django.contrib.auth.models import Group

    from plans.models import Plan

    if not user.is_authenticated:
        return Plan.objects.get(pk=pk)
    quote = connection.ops.quote_name
    meta = Plan._meta
    coordinators, board = (quote(m.through._meta.db_table) for m in (Plan.coordinators, Plan.board_members))
    user_groups, group = quote(Group.user_set.through._meta.db_table), quote(Group._meta.db_table)
    columns = ", ".join(f"p.{quote(f.column)}" for f in meta.concrete_fields)
    names = "JSON_AGG(g.name)::text" if connection.vendor == "postgresql" else "JSON_GROUP_ARRAY(g.name)"
    read_groups = not hasattr(user, "_role_groups")
    groups = (
        f", (SELECT {names} FROM {user_groups} ug JOIN {group} g ON g.id = ug.group_id WHERE ug.user_id = %s) "  # noqa: S608
        f"AS user_group_names"
    )
    sql = (
        f"SELECT {columns}, "  # noqa: S608 - names from the models; values are parameters
        f"EXISTS (SELECT 1 FROM {coordinators} c WHERE c.plan_id = p.id AND c.user_id = %s) AS user_coordinates, "
        f"EXISTS (SELECT 1 FROM {board} b WHERE b.plan_id = p.id AND b.user_id = %s) AS user_on_board"
        f"{groups if read_groups else ''} FROM {quote(meta.db_table)} p WHERE p.id = %s"
    )
    params = [user.pk, user.pk, *([user.pk] if read_groups else []), pk]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        raise Plan.DoesNotExist("No plan with that number")
    fields = len(meta.concrete_fields)
    plan = Plan.from_db(connection.alias, [f.attname for f in meta.concrete_fields], row[:fields])
    plan.user_coordinates, plan.user_on_board = bool(row[fields]), bool(row[fields + 1])
    plan.links_read_for = user.pk
    if read_groups:
        user._role_groups = set(json.loads(row[fields + 2] or "[]"))
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
