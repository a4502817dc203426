"""Writes that keep a plan's structure right: plans, themes, actions and their sources.

One service function per entity edit. Every function validates before writing and writes
atomically. Edits made from a page carry the version the page was loaded with
(`expected_version`): a save over someone else's newer change raises ConcurrentEditError and
writes nothing (improvement/concurrency.py).
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from improvement.concurrency import RelatedSet, many_to_many, rows_as_of, save_if_unchanged
from improvement.text import normalise_name
from plans.models import (
    Action,
    ActionStatus,
    DueDateChange,
    Plan,
    ReportingPeriod,
    Source,
    SourceReference,
    Theme,
)
from plans.models.actions import ACTION_PLAN_FIELDS
from plans.services import stripped
from plans.validators import check_dates

PLAN_FIELDS = (
    "title",
    "organisation",
    "vision",
    "version_label",
    "status",
    "start_date",
    "end_date",
    "board_week",
    "board_weekday",
)
THEME_FIELDS = ("number", "title", "lead", "objective", "outcomes")
# What a coordinator sets on an action: its theme, its own fields (their one declaration), and the
# note of its cross references.
ACTION_FIELDS = ("theme", *(plan_field.name for plan_field in ACTION_PLAN_FIELDS), "cross_reference_note")


@dataclass
class Saved:
    """What a service saved, and anything the user should be warned about (saved anyway)."""

    obj: object
    warnings: list = field(default_factory=list)


# Plans ---------------------------------------------------------------------------------------


def _check_plan_dates(start_date, end_date):
    check_dates(start_date=start_date, end_date=end_date)
    if start_date and end_date and end_date < start_date:
        raise ValidationError({"end_date": "End date must be the same as or after the start date"})


def _check_board_schedule(week, weekday):
    """The board's schedule is a week of the month and a weekday, both or neither."""
    if (week is None) != (weekday is None):
        field = "board_weekday" if weekday is None else "board_week"
        raise ValidationError({field: "Choose both the week and the day the board meets, or neither"})


def plan_create(*, created_by, title, start_date=None, end_date=None, today=None, **fields):
    """Create a plan; its creator coordinates it; it gets its first reporting period (this month,
    or the month it starts if that is later)."""
    if not (title or "").strip():
        raise ValidationError({"title": "Enter the plan's title"})
    _check_plan_dates(start_date, end_date)
    _check_board_schedule(fields.get("board_week"), fields.get("board_weekday"))
    today = today or timezone.localdate()
    with transaction.atomic():
        plan = Plan.objects.create(
            title=title.strip(),
            start_date=start_date,
            end_date=end_date,
            **{k: v for k, v in fields.items() if k in PLAN_FIELDS},
        )
        plan.coordinators.add(created_by)
        first_month = max(today.replace(day=1), start_date.replace(day=1) if start_date else today.replace(day=1))
        ReportingPeriod.objects.create(
            plan=plan, month=first_month, board_meeting_date=plan.board_meeting_for(first_month)
        )
    return plan


def plan_update(*, plan, expected_version, coordinators=None, board_members=None, **fields):
    """Change a plan's details, and who coordinates it and sits on its board, if nobody has saved
    the plan since `expected_version`. Archiving (status "archived") makes it read-only."""
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"plan_update does not change {sorted(unknown)}")
    if "title" in fields and not (fields["title"] or "").strip():
        raise ValidationError({"title": "Enter the plan's title"})
    start = fields.get("start_date", plan.start_date)
    _check_plan_dates(start, fields.get("end_date", plan.end_date))
    _check_board_schedule(fields.get("board_week", plan.board_week), fields.get("board_weekday", plan.board_weekday))
    if start and "start_date" in fields and start != plan.start_date:
        early = Action.objects.for_plan(plan).filter(due_date__lt=start).order_by("due_date").first()
        if early:
            raise ValidationError(
                {
                    "start_date": (
                        f"Start date must be on or before {early.due_date:%-d %B %Y}, when action "
                        f"{early.ref or early.pk} is due"
                    )
                }
            )
    related = {}
    if coordinators is not None:
        coordinators = list(coordinators)
        if not coordinators:
            raise ValidationError({"coordinators": "Keep at least one coordinator"})
        related["coordinators"] = many_to_many(
            Plan,
            "coordinators",
            coordinators,
            label="Coordinators",
            describe=lambda u: u.get_full_name() or u.get_username(),
        )
    if board_members is not None:
        board_members = list(board_members)
        related["board_members"] = many_to_many(
            Plan,
            "board_members",
            board_members,
            label="Board members",
            describe=lambda u: u.get_full_name() or u.get_username(),
        )
    with transaction.atomic():
        save_if_unchanged(plan, expected_version=expected_version, changes=stripped(fields), related=related)
        if coordinators is not None:
            plan.coordinators.set(coordinators)
        if board_members is not None:
            plan.board_members.set(board_members)
    return plan


def plan_delete(*, plan, confirm_title):
    """Delete a plan with everything in it (themes, actions, updates, periods, measures, reviews,
    comments), once its title is typed to confirm. Admins only (checked by the caller's page).
    Sources and owner roles are shared with other plans and stay. Returns what was deleted."""
    from plans.models import ActionSnapshot, MeasureReading, ProgressUpdate, ReminderLog

    if " ".join((confirm_title or "").split()).casefold() != " ".join(plan.title.split()).casefold():
        raise ValidationError({"confirm_title": "Type the plan's title exactly as shown to confirm"})
    with transaction.atomic():
        counts = {
            "themes": plan.themes.count(),
            "actions": Action.objects.for_plan(plan).count(),
            "progress updates": ProgressUpdate.objects.filter(action__theme__plan=plan).count(),
        }
        # Periods are protected by the updates and readings that name them: those go first.
        ProgressUpdate.objects.filter(action__theme__plan=plan).delete()
        MeasureReading.objects.filter(measure__plan=plan).delete()
        ActionSnapshot.objects.filter(period__plan=plan).delete()
        ReminderLog.objects.filter(plan=plan).delete()
        plan.delete()
    return counts


# Themes --------------------------------------------------------------------------------------


def theme_create(*, plan, title, **fields):
    if not (title or "").strip():
        raise ValidationError({"title": "Enter the theme's title"})
    with transaction.atomic():
        last = plan.themes.aggregate(last=Max("position"))["last"]
        return Theme.objects.create(
            plan=plan,
            title=title.strip(),
            position=0 if last is None else last + 1,
            **{k: v for k, v in fields.items() if k in THEME_FIELDS},
        )


def theme_update(*, theme, expected_version, **fields):
    """Change a theme, if nobody has saved it (or moved it) since `expected_version`."""
    unknown = set(fields) - set(THEME_FIELDS)
    if unknown:
        raise TypeError(f"theme_update does not change {sorted(unknown)}")
    if "title" in fields and not (fields["title"] or "").strip():
        raise ValidationError({"title": "Enter the theme's title"})
    with transaction.atomic():
        save_if_unchanged(theme, expected_version=expected_version, changes=stripped(fields))
    return theme


def _theme_label(theme):
    return f"{theme.number} {theme.title}".strip()


def theme_order(plan_pk, before=None):
    """The titles of a plan's themes in order: now, or just before the moment `before`."""
    if before is None:
        themes = Theme.objects.filter(plan_id=plan_pk).order_by("position", "pk")
    else:
        themes = sorted(rows_as_of(Theme, before, plan_id=plan_pk), key=lambda t: (t.position, t.id))
    return [_theme_label(theme) for theme in themes]


def _moved(labels, label, direction):
    if labels is None or label not in labels:
        return None
    labels = list(labels)
    index = labels.index(label)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(labels):
        labels[index], labels[other] = labels[other], labels[index]
    return labels


def theme_move(*, theme, direction, expected_version):
    """Move a theme one place "up" or "down" in its plan; positions are renumbered 0, 1, 2 …

    A move is a change to the plan's structure: it claims the plan's version
    (`expected_version`, as the list of themes was shown), so a move made on a list someone else
    has changed since is refused (ConcurrentEditError), not applied to an order nobody saw.
    Each theme that moves is saved on its own, so the audit trail records the new order.
    """
    if direction not in ("up", "down"):
        raise ValidationError("Choose whether to move the theme up or down")
    with transaction.atomic():
        plan = Plan.objects.get(pk=theme.plan_id)
        themes = list(Theme.objects.select_for_update().filter(plan_id=theme.plan_id).order_by("position", "pk"))
        label = _theme_label(theme)
        order = RelatedSet(
            label="Order of themes",
            yours=lambda before: _moved(before, label, direction),
            read=theme_order,
        )
        save_if_unchanged(plan, expected_version=expected_version, changes={}, related={"themes": order})
        index = next(i for i, t in enumerate(themes) if t.pk == theme.pk)
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(themes):
            themes[index], themes[other] = themes[other], themes[index]
        for position, item in enumerate(themes):
            if item.position != position:
                item.position = position
                item.save(update_fields=["position"])
    return next(t for t in themes if t.pk == theme.pk)


# Sources -------------------------------------------------------------------------------------

PARAGRAPH = re.compile(r"^[0-9A-Za-z]+(?:[.\-()][0-9A-Za-z)]*)*$")


def source_references_parse(text, *, known_codes):
    """Read "JTAI 3.4; Nat. Enq 1.6; IOCS" into [(code, paragraph)].

    Entries are separated by semicolons (or new lines). A code is matched against the known
    source codes, longest first and ignoring case, so codes with spaces ("OIS 2012") work; what
    follows the code is the paragraph. Raises ValidationError naming every unreadable entry.
    """
    codes = sorted(known_codes, key=len, reverse=True)
    pairs, problems = [], []
    for raw in re.split(r"[;\n]", text or ""):
        entry = " ".join(raw.split())
        if not entry:
            continue
        match = None
        for code in codes:
            lowered, entry_lower = code.lower(), entry.lower()
            if entry_lower == lowered or entry_lower.startswith(lowered + " "):
                match = code
                break
        if match is None:
            problems.append(f"“{entry[:60]}” does not start with a known source code")
            continue
        paragraph = entry[len(match) :].strip()
        if paragraph and (len(paragraph) > 50 or not PARAGRAPH.match(paragraph)):
            problems.append(f"“{entry[:60]}”: “{paragraph[:30]}” is not a paragraph number like 3.4")
            continue
        if (match, paragraph) not in pairs:
            pairs.append((match, paragraph))
    if problems:
        raise ValidationError(
            "Could not read "
            + "; ".join(problems)
            + ". Write each as a source code and paragraph, for example “JTAI 3.4”, separated by semicolons,"
            " or add the source first."
        )
    return pairs


def source_create(*, code, title="", date=None):
    """A new source; refused when one with the same code (by source_match_key) exists."""
    from plans.services.sources import source_find

    code, title = normalise_name(code), normalise_name(title)
    if not code:
        raise ValidationError({"code": "Enter the source's code, for example JTAI"})
    if not re.search(r"[^\W\d_]", code):
        raise ValidationError({"code": "Source code must contain letters, for example JTAI or OIS 2012"})
    if len(code) > 50:
        raise ValidationError({"code": "Source code must be 50 characters or fewer"})
    existing = source_find(code=code)
    if existing is not None:
        raise ValidationError({"code": f"There is already a source called {code}"})
    check_dates(date=date)
    return Source.objects.create(code=code, title=title, date=date)


def _set_source_references(action, references):
    """Replace the action's references by [(code, paragraph)], keeping rows that stay."""
    sources = {s.code: s for s in Source.objects.filter(code__in=[code for code, _ in references])}
    wanted = [(sources[code], paragraph) for code, paragraph in references]
    existing = {(r.source_id, r.paragraph): r for r in action.source_references.all()}
    keep = set()
    for position, (source, paragraph) in enumerate(wanted):
        key = (source.pk, paragraph)
        keep.add(key)
        if key in existing:
            if existing[key].position != position:
                existing[key].position = position
                existing[key].save(update_fields=["position"])
        else:
            SourceReference.objects.create(action=action, source=source, paragraph=paragraph, position=position)
    for key, reference in existing.items():
        if key not in keep:
            reference.delete()


# Actions -------------------------------------------------------------------------------------


def _validate_action(*, plan, theme, action_text, due_date, cross_references, this=None):
    errors = {}
    if theme is None or theme.plan_id != plan.pk:
        errors["theme"] = "Select a theme of this plan"
    if not (action_text or "").strip():
        errors["action_text"] = "Enter what the action is"
    # Only a new or changed date is checked: imported actions may already sit before the start.
    unchanged = this is not None and due_date == this.due_date
    if due_date and plan.start_date and due_date < plan.start_date and not unchanged:
        errors["due_date"] = f"Due date must be on or after the plan's start, {plan.start_date:%-d %B %Y}"
    try:
        check_dates(due_date=due_date)
    except ValidationError as error:
        errors.update(error.message_dict)
    for other in cross_references or ():
        if other.theme.plan_id != plan.pk:
            errors["cross_references"] = "Cross references must be actions of this plan"
        elif this is not None and other.pk == this.pk:
            errors["cross_references"] = "An action cannot refer to itself"
    if errors:
        raise ValidationError(errors)


def _duplicate_ref_warnings(action):
    if not action.ref:
        return []
    clash = Action.objects.filter(theme_id=action.theme_id, ref__iexact=action.ref).exclude(pk=action.pk)
    if clash.exists():
        return [f"Ref {action.ref} is already used in this theme; saved anyway"]
    return []


def action_create(*, plan, theme, action_text, owners=(), source_references=(), cross_references=(), **fields):
    """Add an action at the end of the plan. `source_references` is [(source code, paragraph)]."""
    _validate_action(
        plan=plan,
        theme=theme,
        action_text=action_text,
        due_date=fields.get("due_date"),
        cross_references=cross_references,
    )
    with transaction.atomic():
        last = Action.objects.for_plan(plan).aggregate(last=Max("position"))["last"]
        values = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items() if k in ACTION_FIELDS}
        action = Action.objects.create(
            theme=theme,
            action_text=action_text.strip(),
            position=0 if last is None else last + 1,
            original_due_date=fields.get("due_date"),
            **values,
        )
        action.owners.set(owners)
        action.cross_references.set(cross_references)
        _set_source_references(action, list(source_references))
    return Saved(action, _duplicate_ref_warnings(action))


def source_reference_words(action_pk, before=None):
    """An action's references ("JTAI 3.4") in order: now, or just before the moment `before`."""
    if before is None:
        return [str(r) for r in SourceReference.objects.filter(action_id=action_pk).select_related("source")]
    rows = sorted(rows_as_of(SourceReference, before, action_id=action_pk), key=lambda r: (r.position, r.id))
    codes = dict(Source.objects.filter(pk__in={r.source_id for r in rows}).values_list("pk", "code"))
    return [f"{codes.get(r.source_id, '?')} {r.paragraph}".strip() for r in rows]


def _due_date_move(*, action, fields, agreed_by, agreed_on, changed_by, today=None):
    """A due date that moves needs who agreed it and when (the board's agreement): the move to record,
    or None when the date does not move (or is set for the first time)."""
    if "due_date" not in fields or action.due_date is None or fields["due_date"] == action.due_date:
        return None
    agreed_by = " ".join((agreed_by or "").split())
    errors = {}
    if not agreed_by:
        errors["due_date_agreed_by"] = "Enter who agreed to move the due date, for example board"
    elif len(agreed_by) > 200:
        errors["due_date_agreed_by"] = "Who agreed must be 200 characters or fewer"
    if agreed_on is None:
        errors["due_date_agreed_on"] = "Enter the date the move was agreed, for example 14 December 2026"
    elif agreed_on > (today or timezone.localdate()):
        errors["due_date_agreed_on"] = "The date the move was agreed must be today or in the past"
    if changed_by is None:
        errors[NON_FIELD_ERRORS] = "Moving a due date needs the person who records it"
    if errors:
        raise ValidationError(errors)
    return DueDateChange(
        action=action,
        from_date=action.due_date,
        to_date=fields["due_date"],
        agreed_by=agreed_by,
        agreed_on=agreed_on,
        changed_by=changed_by,
        created_at=timezone.now(),
    )


def action_update(
    *,
    action,
    expected_version,
    owners=None,
    source_references=None,
    cross_references=None,
    due_date_agreed_by="",
    due_date_agreed_on=None,
    changed_by=None,
    **fields,
):
    """Change an action, if nobody has saved it since `expected_version` (else ConcurrentEditError,
    naming what they changed, owners and sources included). A due date that moves keeps the first
    agreed date in original_due_date, and needs who agreed the move and when (a DueDateChange)."""
    unknown = set(fields) - set(ACTION_FIELDS)
    if unknown:
        raise TypeError(f"action_update does not change {sorted(unknown)}")
    plan = action.theme.plan
    _validate_action(
        plan=plan,
        theme=fields.get("theme", action.theme),
        action_text=fields.get("action_text", action.action_text),
        due_date=fields.get("due_date", action.due_date),
        cross_references=cross_references,
        this=action,
    )
    move = _due_date_move(
        action=action, fields=fields, agreed_by=due_date_agreed_by, agreed_on=due_date_agreed_on, changed_by=changed_by
    )
    related = {}
    if owners is not None:
        owners = list(owners)
        related["owners"] = many_to_many(Action, "owners", owners)
    if source_references is not None:
        source_references = list(source_references)
        related["source_references"] = RelatedSet(
            label="Derived from",
            yours=[f"{code} {paragraph}".strip() for code, paragraph in source_references],
            read=source_reference_words,
        )
    if cross_references is not None:
        cross_references = list(cross_references)
        related["cross_references"] = many_to_many(Action, "cross_references", cross_references)
    with transaction.atomic():
        if "due_date" in fields and action.original_due_date is None:
            action.original_due_date = action.due_date or fields["due_date"]
        save_if_unchanged(action, expected_version=expected_version, changes=stripped(fields), related=related)
        if owners is not None:
            action.owners.set(owners)
        if cross_references is not None:
            action.cross_references.set(cross_references)
        if source_references is not None:
            _set_source_references(action, list(source_references))
        if move is not None:
            move.save()
    return Saved(action, _duplicate_ref_warnings(action))


def action_close(*, action, status, reason, expected_version, completed_date=None, today=None):
    """Close an action as completed or withdrawn, with a reason. Actions are never deleted.

    Refused (ConcurrentEditError) if someone saved the action since the page was loaded at
    `expected_version`, for example closing it first."""
    errors = {}
    if status not in (ActionStatus.COMPLETED, ActionStatus.WITHDRAWN):
        errors["status"] = "Select whether the action was completed or withdrawn"
    if not (reason or "").strip():
        errors["reason"] = "Enter why the action is being closed"
    if action.status != ActionStatus.OPEN and action.version == expected_version:
        errors["status"] = f"This action is already {action.get_status_display().lower()}"
    today = today or timezone.localdate()
    if completed_date and completed_date > today:
        errors["completed_date"] = "Completion date must be today or in the past"
    try:
        check_dates(completed_date=completed_date)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        save_if_unchanged(
            action,
            expected_version=expected_version,
            changes={
                "status": status,
                "closed_reason": reason.strip(),
                "completed_date": (completed_date or today) if status == ActionStatus.COMPLETED else None,
            },
        )
    return action


def owner_ensure(*, title, agency=""):
    """The role with this title and agency, created if new (for "add a new role" on the action form)."""
    from plans.services.owners import owner_get_or_create

    return owner_get_or_create(title=title, agency=agency)
