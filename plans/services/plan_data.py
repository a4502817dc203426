"""Create or update a plan from plain data (the JSON export format): demo data, JSON and spreadsheet imports.

The dict has the shape of the JSON export: title, organisation, themes and actions (see
plans.services.exporting). Updating an existing plan matches actions by theme and ref, in order
for repeated refs; it never deletes an action or a progress update. Every row it changes moves on
its version (bulk updates with F("version") + 1), and so does the plan, whose structure changed:
an edit page opened before the import is refused, not saved over it (plans/concurrency.py).
"""
import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from plans.services import owners as owner_services
from plans.services import sources as source_services
from plans.models import (
    Action,
    ActionCategory,
    Plan,
    ProgressUpdate,
    Rag,
    ReportingPeriod,
    SourceReference,
    Theme,
)

CATEGORY_BY_NAME = {choice.value: choice for choice in ActionCategory} | {
    choice.label.lower(): choice for choice in ActionCategory
}
ACTION_FIELDS = [
    "ref", "improvement_need", "action_text", "category", "timescale", "due_date",
    "expected_impact", "measures_of_success", "reporting_mechanism", "output", "position", "theme",
]
IMPORT_NOTE = "Progress as recorded in the imported spreadsheet."


def owner_get_or_create(title, cache):
    """The role with this title (plans.services.owners matches it); `cache` starts as {}."""
    return owner_services.owner_get_or_create(title=title, cache=cache)


def source_get_or_create(code, cache):
    """The source with this code, however it is spelt (plans.services.sources matches it).

    `cache`: pass the result of sources_by_key() to match existing ones.
    """
    return source_services.source_get_or_create(code=code, cache=cache)


def sources_by_key():
    return source_services.sources_by_key()


def rag_from_data(value):
    """A RAG from the export's words ("green") or the stored codes ("G"); None when empty."""
    if not value:
        return None
    for rag in Rag:
        if value in (rag.value, rag.slug, rag.label):
            return rag
    raise ValueError(f"Unknown RAG {value!r}")


def _date(value):
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


@dataclass
class PlanSaveResult:
    plan: Plan
    created: bool
    themes_created: int = 0
    actions_created: int = 0
    actions_updated: int = 0
    updates_created: int = 0
    actions_not_in_file: list = field(default_factory=list)


def _action_values(item, theme, position):
    due = _date(item.get("due_date"))
    return {
        "theme": theme,
        "position": position,
        "ref": (item.get("ref") or "")[:50],
        "improvement_need": item.get("improvement_need") or "",
        "action_text": item.get("action") or "",
        "category": CATEGORY_BY_NAME.get((item.get("category") or "").lower(), ActionCategory.NONE),
        "timescale": (item.get("timescale") or "")[:300],
        "due_date": due,
        "expected_impact": item.get("expected_impact") or "",
        "measures_of_success": item.get("measures") or "",
        "reporting_mechanism": item.get("reporting_mechanism") or "",
        "output": item.get("output") or "",
    }


def _key(item):
    return (str(item["theme"]), (item.get("ref") or "")[:50])


def _existing_actions_by_key(plan):
    """The plan's actions by (theme number, ref), in plan order: repeated refs are matched in turn."""
    waiting = {}
    existing = Action.objects.filter(theme__plan=plan).select_related("theme").order_by("theme__position", "position", "pk")
    for action in existing:
        waiting.setdefault((action.theme.number, action.ref), []).append(action)
    return waiting


@dataclass
class PlanUpdatePreview:
    actions_to_update: int
    actions_to_add: int
    actions_not_in_file: list


def plan_update_preview(*, plan, data):
    """What saving `data` over `plan` would do, without writing: matched, new, and missing actions."""
    waiting = _existing_actions_by_key(plan)
    matched = added = 0
    for item in data.get("actions", []):
        matches = waiting.get(_key(item))
        if matches:
            matches.pop(0)
            matched += 1
        else:
            added += 1
    missing = [action for actions in waiting.values() for action in actions]
    return PlanUpdatePreview(actions_to_update=matched, actions_to_add=added, actions_not_in_file=missing)


def plan_create_from_data(*, data, author=None, period=None):
    """Create a plan, its themes, owners, sources and actions from a dict; return the plan."""
    return plan_save_from_data(data=data, author=author, period=period).plan


@transaction.atomic
def plan_save_from_data(*, data, plan=None, author=None, period=None, now=None):
    """Create a plan from `data`, or bring `plan` up to date with it; return a PlanSaveResult.

    With an `author`, an action's RAG (and note) in the data becomes a new ProgressUpdate when it
    differs from the action's latest one, for `period` or else the plan's current period.
    """
    now = now or timezone.now()
    created = plan is None
    if created:
        plan = Plan.objects.create(
            title=data["title"][:300],
            organisation=data.get("organisation") or "",
            vision=data.get("vision") or "",
            version_label=data.get("version_label") or "",
            start_date=_date(data.get("start_date")),
            end_date=_date(data.get("end_date")),
        )
    result = PlanSaveResult(plan=plan, created=created)
    owners, sources = {}, sources_by_key()

    themes = {theme.number: theme for theme in plan.themes.all()}
    for position, item in enumerate(data.get("themes", [])):
        number = str(item["number"])
        lead = owner_get_or_create(item["lead"], owners) if item.get("lead") else None
        values = {
            "title": (item.get("title") or f"Theme {number}")[:300],
            "lead": lead,
            "objective": item.get("objective") or "",
            "outcomes": item.get("outcomes") or "",
            "position": position,
        }
        if number in themes:
            theme = themes[number]
            for name, value in values.items():
                setattr(theme, name, value)
            theme.save()
        else:
            themes[number] = Theme.objects.create(plan=plan, number=number, **values)
            result.themes_created += 1

    waiting = _existing_actions_by_key(plan)
    items = data.get("actions", [])
    pairs, new_actions, changed = [], [], []
    for position, item in enumerate(items):
        theme = themes[str(item["theme"])]
        values = _action_values(item, theme, position)
        matches = waiting.get(_key(item))
        if matches:
            action = matches.pop(0)
            if action.original_due_date is None:
                action.original_due_date = values["due_date"]
            for name, value in values.items():
                setattr(action, name, value)
            changed.append(action)
        else:
            action = Action(original_due_date=values["due_date"], **values)
            new_actions.append(action)
        pairs.append((action, item))
    Action.objects.bulk_create(new_actions)
    _bulk_update_versioned(changed, ACTION_FIELDS + ["original_due_date"])
    result.actions_created, result.actions_updated = len(new_actions), len(changed)

    leftover = [action for actions in waiting.values() for action in actions]
    for offset, action in enumerate(sorted(leftover, key=lambda a: (a.theme.position, a.position))):
        action.position = len(items) + offset
    _bulk_update_versioned(leftover, ["position"])
    result.actions_not_in_file = leftover
    if not created:
        Plan.objects.filter(pk=plan.pk).update(version=F("version") + 1)
        plan.refresh_from_db(fields=["version"])

    if changed:
        changed_ids = [action.pk for action in changed]
        Action.owners.through.objects.filter(action_id__in=changed_ids).delete()
        SourceReference.objects.filter(action_id__in=changed_ids).delete()
    owner_links, references = [], []
    for action, item in pairs:
        for title in item.get("owners", []):
            owner_links.append(Action.owners.through(action=action, owner=owner_get_or_create(title, owners)))
        for ref_position, source in enumerate(item.get("sources", [])):
            references.append(SourceReference(
                action=action,
                source=source_get_or_create(source["code"], sources),
                paragraph=(source.get("paragraph") or "")[:50],
                position=ref_position,
            ))
    Action.owners.through.objects.bulk_create(owner_links, ignore_conflicts=True)
    SourceReference.objects.bulk_create(references, ignore_conflicts=True)

    if author is not None:
        result.updates_created = _progress_updates_record(plan=plan, pairs=pairs, author=author, period=period, now=now)
    return result


def _bulk_update_versioned(actions, fields):
    """bulk_update that moves each row's version on in the database, as Versioned.save() would."""
    for action in actions:
        action.version = F("version") + 1
    Action.objects.bulk_update(actions, [*fields, "version"], batch_size=500)
    for action in actions:
        del action.version  # read again from the database if anyone asks


def _progress_updates_record(*, plan, pairs, author, period, now):
    """Append the spreadsheet's RAG and note as an update where they differ from the latest one."""
    if period is None:
        period = ReportingPeriod.objects.current_for(plan, timezone.localdate(now))
    latest = {}
    ids = [action.pk for action, _item in pairs]
    for update in ProgressUpdate.objects.filter(action_id__in=ids).order_by("action_id", "-created_at", "-pk"):
        latest.setdefault(update.action_id, update)
    new_updates = []
    for action, item in pairs:
        progress_rag = rag_from_data(item.get("progress_rag"))
        if progress_rag is None:
            continue
        impact_rag = rag_from_data(item.get("impact_rag"))
        note = (item.get("latest_note") or "").strip() or IMPORT_NOTE
        previous = latest.get(action.pk)
        if previous and (previous.progress_rag, previous.impact_rag, previous.note) == (
            progress_rag.value, impact_rag.value if impact_rag else "", note
        ):
            continue
        new_updates.append(ProgressUpdate(
            action=action,
            period=period,
            author=author,
            progress_rag=progress_rag.value,
            impact_rag=impact_rag.value if impact_rag else "",
            note=note,
            created_at=now,
        ))
    ProgressUpdate.objects.bulk_create(new_updates)
    return len(new_updates)
