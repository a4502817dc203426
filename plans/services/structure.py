"""Writes that keep a plan's structure right: plans, themes, actions and their sources.

One service function per entity edit, so a version check (concurrent edits) can be slotted in
at one place per entity later. Every function validates before writing and writes atomically.
"""
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from plans.models import (
    Action,
    ActionStatus,
    Owner,
    Plan,
    ReportingPeriod,
    Source,
    SourceReference,
    Theme,
)

PLAN_FIELDS = ("title", "organisation", "vision", "version_label", "status", "start_date", "end_date")
THEME_FIELDS = ("number", "title", "lead", "objective", "outcomes")
ACTION_FIELDS = (
    "theme", "ref", "improvement_need", "action_text", "category", "timescale", "due_date",
    "expected_impact", "measures_of_success", "reporting_mechanism", "output", "cross_reference_note",
)


@dataclass
class Saved:
    """What a service saved, and anything the user should be warned about (saved anyway)."""

    obj: object
    warnings: list = field(default_factory=list)


# Plans ---------------------------------------------------------------------------------------


def _check_plan_dates(start_date, end_date):
    if start_date and end_date and end_date < start_date:
        raise ValidationError({"end_date": "End date must be the same as or after the start date"})


def plan_create(*, created_by, title, start_date=None, end_date=None, today=None, **fields):
    """Create a plan; its creator coordinates it; it gets its first reporting period (this month,
    or the month it starts if that is later)."""
    if not (title or "").strip():
        raise ValidationError({"title": "Enter the plan's title"})
    _check_plan_dates(start_date, end_date)
    today = today or timezone.localdate()
    with transaction.atomic():
        plan = Plan.objects.create(
            title=title.strip(), start_date=start_date, end_date=end_date,
            **{k: v for k, v in fields.items() if k in PLAN_FIELDS},
        )
        plan.coordinators.add(created_by)
        first_month = max(today.replace(day=1), start_date.replace(day=1) if start_date else today.replace(day=1))
        ReportingPeriod.objects.create(plan=plan, month=first_month)
    return plan


def plan_update(*, plan, **fields):
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"plan_update does not change {sorted(unknown)}")
    if "title" in fields and not (fields["title"] or "").strip():
        raise ValidationError({"title": "Enter the plan's title"})
    start = fields.get("start_date", plan.start_date)
    _check_plan_dates(start, fields.get("end_date", plan.end_date))
    if start and "start_date" in fields and start != plan.start_date:
        early = Action.objects.for_plan(plan).filter(due_date__lt=start).order_by("due_date").first()
        if early:
            raise ValidationError({"start_date": (
                f"Start date must be on or before {early.due_date:%-d %B %Y}, when action "
                f"{early.ref or early.pk} is due"
            )})
    with transaction.atomic():
        for name, value in fields.items():
            setattr(plan, name, value.strip() if isinstance(value, str) else value)
        plan.save()
    return plan


# Themes --------------------------------------------------------------------------------------


def theme_create(*, plan, title, **fields):
    if not (title or "").strip():
        raise ValidationError({"title": "Enter the theme's title"})
    with transaction.atomic():
        last = plan.themes.aggregate(last=Max("position"))["last"]
        return Theme.objects.create(
            plan=plan, title=title.strip(), position=0 if last is None else last + 1,
            **{k: v for k, v in fields.items() if k in THEME_FIELDS},
        )


def theme_update(*, theme, **fields):
    unknown = set(fields) - set(THEME_FIELDS)
    if unknown:
        raise TypeError(f"theme_update does not change {sorted(unknown)}")
    if "title" in fields and not (fields["title"] or "").strip():
        raise ValidationError({"title": "Enter the theme's title"})
    with transaction.atomic():
        for name, value in fields.items():
            setattr(theme, name, value.strip() if isinstance(value, str) else value)
        theme.save()
    return theme


def theme_move(*, theme, direction):
    """Move a theme one place "up" or "down" in its plan; positions are renumbered 0, 1, 2 …"""
    if direction not in ("up", "down"):
        raise ValidationError("Choose whether to move the theme up or down")
    with transaction.atomic():
        themes = list(Theme.objects.select_for_update().filter(plan_id=theme.plan_id).order_by("position", "pk"))
        index = next(i for i, t in enumerate(themes) if t.pk == theme.pk)
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(themes):
            themes[index], themes[other] = themes[other], themes[index]
        for position, item in enumerate(themes):
            item.position = position
        Theme.objects.bulk_update(themes, ["position"])
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
        paragraph = entry[len(match):].strip()
        if paragraph and (len(paragraph) > 50 or not PARAGRAPH.match(paragraph)):
            problems.append(f"“{entry[:60]}”: “{paragraph[:30]}” is not a paragraph number like 3.4")
            continue
        if (match, paragraph) not in pairs:
            pairs.append((match, paragraph))
    if problems:
        raise ValidationError(
            "Could not read " + "; ".join(problems)
            + ". Write each as a source code and paragraph, for example “JTAI 3.4”, separated by semicolons,"
            " or add the source first."
        )
    return pairs


def source_create(*, code, title="", date=None):
    code = " ".join((code or "").split())
    if not code:
        raise ValidationError({"code": "Enter the source's code, for example JTAI"})
    if not re.search(r"[^\W\d_]", code):
        raise ValidationError({"code": "Source code must contain letters, for example JTAI or OIS 2012"})
    if len(code) > 50:
        raise ValidationError({"code": "Source code must be 50 characters or fewer"})
    if Source.objects.filter(code__iexact=code).exists():
        raise ValidationError({"code": f"There is already a source called {code}"})
    return Source.objects.create(code=code, title=(title or "").strip(), date=date)


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


def action_create(
    *, plan, theme, action_text, owners=(), source_references=(), cross_references=(), **fields
):
    """Add an action at the end of the plan. `source_references` is [(source code, paragraph)]."""
    _validate_action(plan=plan, theme=theme, action_text=action_text, due_date=fields.get("due_date"),
                     cross_references=cross_references)
    with transaction.atomic():
        last = Action.objects.for_plan(plan).aggregate(last=Max("position"))["last"]
        values = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items() if k in ACTION_FIELDS}
        action = Action.objects.create(
            theme=theme, action_text=action_text.strip(), position=0 if last is None else last + 1,
            original_due_date=fields.get("due_date"), **values,
        )
        action.owners.set(owners)
        action.cross_references.set(cross_references)
        _set_source_references(action, list(source_references))
    return Saved(action, _duplicate_ref_warnings(action))


def action_update(*, action, owners=None, source_references=None, cross_references=None, **fields):
    """Change an action. A due date that moves keeps the first agreed date in original_due_date."""
    unknown = set(fields) - set(ACTION_FIELDS)
    if unknown:
        raise TypeError(f"action_update does not change {sorted(unknown)}")
    plan = action.theme.plan
    _validate_action(
        plan=plan, theme=fields.get("theme", action.theme), action_text=fields.get("action_text", action.action_text),
        due_date=fields.get("due_date", action.due_date), cross_references=cross_references, this=action,
    )
    with transaction.atomic():
        if "due_date" in fields and action.original_due_date is None:
            action.original_due_date = action.due_date or fields["due_date"]
        for name, value in fields.items():
            setattr(action, name, value.strip() if isinstance(value, str) else value)
        action.save()
        if owners is not None:
            action.owners.set(owners)
        if cross_references is not None:
            action.cross_references.set(cross_references)
        if source_references is not None:
            _set_source_references(action, list(source_references))
    return Saved(action, _duplicate_ref_warnings(action))


def action_close(*, action, status, reason, completed_date=None, today=None):
    """Close an action as completed or withdrawn, with a reason. Actions are never deleted."""
    errors = {}
    if status not in (ActionStatus.COMPLETED, ActionStatus.WITHDRAWN):
        errors["status"] = "Select whether the action was completed or withdrawn"
    if not (reason or "").strip():
        errors["reason"] = "Enter why the action is being closed"
    if action.status != ActionStatus.OPEN:
        errors["status"] = f"This action is already {action.get_status_display().lower()}"
    today = today or timezone.localdate()
    if completed_date and completed_date > today:
        errors["completed_date"] = "Completion date must be today or in the past"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        action.status = status
        action.closed_reason = reason.strip()
        action.completed_date = (completed_date or today) if status == ActionStatus.COMPLETED else None
        action.save(update_fields=["status", "closed_reason", "completed_date"])
    return action


def owner_ensure(*, title, agency=""):
    """The role with this title and agency, created if new (for "add a new role" on the action form)."""
    title, agency = " ".join(title.split()), " ".join((agency or "").split())
    owner = Owner.objects.filter(title__iexact=title, agency__iexact=agency).first()
    return owner or Owner.objects.create(title=title, agency=agency)
