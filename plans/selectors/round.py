"""Reads of the monthly round: an owner's way through their actions, open challenges, the
coordinators' review queue and counts, who has not reported, and the reminders sent."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Subquery

from plans.models import (
    Action,
    ActionComment,
    Owner,
    ProgressUpdate,
    ReminderLog,
    ReviewDecision,
    UpdateReview,
)
from plans.selectors import progress as selectors
from plans.selectors.status import status_rows

# -- owners -------------------------------------------------------------------------------------


@dataclass
class OwnerRound:
    """Where an owner stands in this month's round: `done` of `total` open actions reported; the
    status row of each of their actions (`rows`, by action id) and the period each plan reports for
    (`periods`, by plan id), as My actions reads them."""

    done: int
    total: int
    next_action: Action | None
    rows: dict = field(default_factory=dict)
    periods: dict = field(default_factory=dict)


def owner_round(*, user, after=None, today=None):
    """The owner's progress through this month's round, and the next action still needing an
    update (in plan order after `after`, else the first), or None when every one is done."""
    page = selectors.my_actions(user=user, today=today)
    waiting = [a for a in page.to_update if after is None or a.pk != after.pk]
    next_action = None
    if waiting:
        ids = [a.pk for a in page.actions]
        position = ids.index(after.pk) if after is not None and after.pk in ids else -1
        later = [a for a in waiting if ids.index(a.pk) > position]
        next_action = (later or waiting)[0]
    total = len(page.actions)
    return OwnerRound(
        done=total - len(page.to_update),
        total=total,
        next_action=next_action,
        rows={a.pk: a.status_row for a in page.actions},
        periods=page.periods,
    )


def _latest_review():
    return UpdateReview.objects.filter(update=OuterRef("pk")).order_by("-created_at", "-pk")


def _answered(review_outer="pk"):
    """A challenge is answered by a newer update of the action or a reply naming it."""
    newer = ProgressUpdate.objects.filter(action=OuterRef("update__action"), created_at__gt=OuterRef("created_at"))
    reply = ActionComment.objects.filter(review=OuterRef(review_outer))
    return Exists(newer) | Exists(reply)


def open_challenges(*, actions):
    """{action id: the unanswered challenge} for the actions given: the latest review of one of
    their updates is a challenge, with no newer update of the action and no reply to it."""
    later_review = UpdateReview.objects.filter(update=OuterRef("update"), created_at__gt=OuterRef("created_at"))
    challenges = (
        UpdateReview.objects.filter(update__action__in=actions, decision=ReviewDecision.CHALLENGED)
        .exclude(Exists(later_review))
        .annotate(answered=_answered())
        .filter(answered=False)
        .select_related("reviewer", "update")
        .order_by("created_at", "pk")
    )
    return {review.update.action_id: review for review in challenges}


# -- an action's thread --------------------------------------------------------------------------


@dataclass
class ThreadEntry:
    kind: str  # "update", "review", "comment"
    when: object
    item: object


def action_thread(*, action):
    """The action's updates, reviews, comments and due-date moves in one list, newest first (three
    queries beyond what action_detail prefetched)."""
    updates = list(action.updates.all())
    reviews = list(UpdateReview.objects.filter(update__action=action).select_related("reviewer", "update__period"))
    comments = list(ActionComment.objects.filter(action=action).select_related("author", "review__reviewer"))
    entries = [ThreadEntry("update", u.created_at, u) for u in updates]
    entries += [ThreadEntry("review", r.created_at, r) for r in reviews]
    entries += [ThreadEntry("comment", c.created_at, c) for c in comments]
    moves = list(action.due_date_changes.select_related("changed_by"))
    action.due_date_moves = moves  # the action page lists them under its due date
    entries += [ThreadEntry("due_date", d.created_at, d) for d in moves]
    order = {"update": 0, "review": 1, "comment": 2, "due_date": 3}
    entries.sort(key=lambda e: (e.when, order[e.kind], e.item.pk), reverse=True)
    return entries


def thread_open_challenge(thread):
    """The action's unanswered challenge, read from its thread (no query): the latest review of an
    update is a challenge, and no newer update nor a reply to it follows."""
    latest_review = {}
    for entry in reversed(thread):  # oldest first: later reviews replace earlier ones
        if entry.kind == "review":
            latest_review[entry.item.update_id] = entry.item
    replied = {e.item.review_id for e in thread if e.kind == "comment" and e.item.review_id}
    newest_update = next((e.item for e in thread if e.kind == "update"), None)
    open_ones = [
        review
        for review in latest_review.values()
        if review.is_challenge
        and review.pk not in replied
        and not (newest_update and newest_update.created_at > review.created_at)
    ]
    return min(open_ones, key=lambda r: (r.created_at, r.pk)) if open_ones else None


# -- coordinators --------------------------------------------------------------------------------


def review_queue(*, plan, period, unreviewed=False):
    """Every update of the period (or those not reviewed yet), newest first, with the action's
    previous RAGs and its latest review."""
    previous = ProgressUpdate.objects.filter(action=OuterRef("action"), created_at__lt=OuterRef("created_at")).order_by(
        "-created_at", "-pk"
    )
    latest = _latest_review()
    queue = (
        ProgressUpdate.objects.filter(action__theme__plan=plan, period=period)
        .annotate(
            previous_progress_rag=Subquery(previous.values("progress_rag")[:1]),
            previous_impact_rag=Subquery(previous.values("impact_rag")[:1]),
            review_decision=Subquery(latest.values("decision")[:1]),
            review_comment=Subquery(latest.values("comment")[:1]),
            reviewed_at=Subquery(latest.values("created_at")[:1]),
        )
        .select_related("action__theme", "author")
        .order_by("-created_at", "-pk")
    )
    return queue.filter(review_decision__isnull=True) if unreviewed else queue


@dataclass(frozen=True)
class ReviewCounts:
    accepted: int = 0
    challenged: int = 0
    unreviewed: int = 0

    @property
    def total(self):
        return self.accepted + self.challenged + self.unreviewed


def review_counts(*, plan, period):
    """How many of the period's updates the coordinators accepted, challenged or have not reviewed
    (by each update's latest review), in one query: the period's updates counted, and the reviews of
    them that no later review of the same update follows counted by decision; the rest are not
    reviewed. Reviews are read from their side, so the work grows with the reviews written rather
    than costing an index lookup for every update. (A period is one plan's, and an update's period
    is always of its action's plan, so the period alone finds the plan's updates.)"""
    quote = connection.ops.quote_name
    update, review = (quote(m._meta.db_table) for m in (ProgressUpdate, UpdateReview))
    sql = (
        f"SELECT '', COUNT(*) FROM {update} WHERE period_id = %s "  # noqa: S608 - table names from the models; values are parameters
        f"UNION ALL SELECT r.decision, COUNT(*) FROM {review} r JOIN {update} u ON u.id = r.update_id "
        f"WHERE u.period_id = %s AND NOT EXISTS (SELECT 1 FROM {review} l WHERE l.update_id = r.update_id "
        f"AND (l.created_at > r.created_at OR (l.created_at = r.created_at AND l.id > r.id))) "
        f"GROUP BY r.decision"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [period.pk, period.pk])
        counts = dict(cursor.fetchall())
    accepted = counts.get(ReviewDecision.ACCEPTED, 0)
    challenged = counts.get(ReviewDecision.CHALLENGED, 0)
    return ReviewCounts(
        accepted=accepted,
        challenged=challenged,
        unreviewed=counts.get("", 0) - sum(n for decision, n in counts.items() if decision),
    )


@dataclass
class Chaser:
    """A person (or a role nobody holds) with the actions they have not reported on this period."""

    user: object
    actions: list = field(default_factory=list)
    roles: list = field(default_factory=list)
    reminded_today: bool = False


@dataclass
class RoundPage:
    period: object
    missing: list  # the actions without an update this period, in plan order
    by_role: list  # [(owner or None, [actions])]
    by_person: list  # [Chaser]
    unheld: list  # [(owner, [actions])]: roles nobody holds
    reminders: list
    counts: ReviewCounts


def round_status(*, plan, period, today):
    """Who has not reported for the period, by owner role and by person, and the reminders sent."""
    stale = [row.action_id for row in status_rows(plan=plan, period=period, as_of=today) if row.is_stale]
    missing = list(
        Action.objects.filter(pk__in=stale)
        .select_related("theme")
        .prefetch_related(Prefetch("owners", queryset=Owner.objects.prefetch_related("holders").order_by("title")))
        .in_plan_order()
    )
    roles, people = {}, {}
    for action in missing:
        if not action.owners.all():
            roles.setdefault(None, (None, []))[1].append(action)
        for owner in action.owners.all():
            roles.setdefault(owner.pk, (owner, []))[1].append(action)
            for user in owner.holders.all():
                if not user.is_active:
                    continue
                chaser = people.setdefault(user.pk, Chaser(user=user))
                if action not in chaser.actions:
                    chaser.actions.append(action)
                if owner not in chaser.roles:
                    chaser.roles.append(owner)
    reminded = set(ReminderLog.objects.filter(plan=plan, date=today).values_list("user_id", flat=True))
    for chaser in people.values():
        chaser.reminded_today = chaser.user.pk in reminded
    by_role = sorted(roles.values(), key=lambda item: (item[0] is None, str(item[0] or "").lower()))
    by_person = sorted(people.values(), key=lambda c: (c.user.get_full_name() or c.user.get_username()).lower())
    unheld = [
        (owner, actions)
        for owner, actions in by_role
        if owner is not None and not any(u.is_active for u in owner.holders.all())
    ]
    return RoundPage(
        period=period,
        missing=missing,
        by_role=by_role,
        by_person=by_person,
        unheld=unheld,
        reminders=reminders_sent(plan=plan),
        counts=review_counts(plan=plan, period=period),
    )


REMINDER_LOG_LIMIT = 50


def reminders_sent(*, plan, limit=REMINDER_LOG_LIMIT):
    """The plan's latest reminders: who, when, by whom (or the daily command), which actions."""
    return list(
        ReminderLog.objects.filter(plan=plan)
        .select_related("user", "sent_by", "period")
        .prefetch_related(
            Prefetch(
                "actions", queryset=Action.objects.select_related("theme").order_by("theme__position", "position", "pk")
            )
        )
        .order_by("-date", "-sent_at", "-pk")[:limit]
    )
