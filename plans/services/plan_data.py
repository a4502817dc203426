"""Create or update a plan from plain data (the JSON export format): demo data, JSON and spreadsheet imports.

The dict has the shape of the JSON export: title, organisation, themes and actions (see
plans.services.exporting). Updating an existing plan matches actions by theme and ref, in order
for repeated refs; it never deletes an action or a progress update.

What a save would change is worked out first, without writing (`plan_changes`): the re-import
preview shows exactly that, and the save writes exactly that. An action whose fields, owners and
sources are what the file says is not touched: no new version, no history entry. Every row the
save writes moves on its version (bulk updates with F("version") + 1), and so does the plan when
anything in it changed: an edit page opened before the import is refused, not saved over it
(improvement/concurrency.py). Every row written gets its audit-trail record (django-simple-history),
attributed to the importing user and named with the import's reason ("Import of plan.xlsx"):
bulk writes record theirs explicitly, since bulk_create/bulk_update send no signals.
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.db.models import DateField, F, Prefetch
from django.utils import timezone

from improvement.bulk import RowInserter
from plans.models import (
    Action,
    ActionCategory,
    ActionStatus,
    Owner,
    Plan,
    PlanStatus,
    ProgressUpdate,
    Rag,
    ReportingPeriod,
    SourceReference,
    Theme,
)
from plans.models.actions import ACTION_PLAN_FIELDS
from plans.services import owners as owner_services
from plans.services import sources as source_services

CATEGORY_BY_NAME = {choice.value: choice for choice in ActionCategory} | {
    choice.label.lower(): choice for choice in ActionCategory
}
# The action fields a file sets, compared field by field on re-import: the action's own fields (its
# one declaration), then what a file says of its progress and closing (position is the file's order,
# kept for matched actions: see _positions).
COMPARED_FIELDS = [*(plan_field.name for plan_field in ACTION_PLAN_FIELDS), "imported_note", "status"]
ACTION_FIELDS = [*COMPARED_FIELDS, "position", "theme"]
IMPORT_NOTE = "Progress as recorded in the imported spreadsheet."
CLOSED_REASON = "Cancelled or closed in the imported spreadsheet."
HISTORY_REASON_LENGTH = 100  # simple_history's history_change_reason column


def history_reason(name):
    """How the audit trail names an import of one file: "Import of plan.xlsx"."""
    name = str(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    reason = f"Import of {name}" if name else "Import"
    return reason if len(reason) <= HISTORY_REASON_LENGTH else reason[: HISTORY_REASON_LENGTH - 1] + "…"


def _title(title):
    return " ".join(str(title).split())[:300]


def _stamp(instance, *, author, reason, now):
    """Name who, why and when on the history record the next save of `instance` writes."""
    instance._history_user = author
    instance._change_reason = reason
    instance._history_date = now
    return instance


@dataclass
class _Audit:
    author: object = None
    reason: str = ""
    now: object = None


def owner_get_or_create(title, cache, audit=None):
    """The role with this title (plans.services.owners matches it), created if new with its history
    naming the import; `cache` starts as {}."""
    audit = audit or _Audit(now=timezone.now())
    return owner_services.owner_get_or_create(
        title=title,
        cache=cache,
        stamp=lambda owner: _stamp(owner, author=audit.author, reason=audit.reason, now=audit.now),
    )


def source_get_or_create(code, cache, audit=None):
    """The source with this code, however it is spelt (plans.services.sources matches it), created if
    new with its history naming the import.

    `cache`: pass the result of sources_by_key() to match existing ones.
    """
    audit = audit or _Audit(now=timezone.now())
    return source_services.source_get_or_create(
        code=code,
        cache=cache,
        stamp=lambda source: _stamp(source, author=audit.author, reason=audit.reason, now=audit.now),
    )


def sources_by_key():
    return source_services.sources_by_key()


_RAG_BY_WORD = {word: rag for rag in Rag for word in (rag.value, rag.slug, rag.label)}


def rag_from_data(value):
    """A RAG from the export's words ("green") or the stored codes ("G"); None when empty."""
    if not value:
        return None
    try:
        return _RAG_BY_WORD[value]
    except (KeyError, TypeError):
        raise ValueError(f"Unknown RAG {value!r}") from None


def _date(value):
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def _month(value):
    """A "YYYY-MM" (or a date) as the first day of its month; None when absent or unreadable."""
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value.replace(day=1)
    try:
        year, month = str(value)[:7].split("-")
        return datetime.date(int(year), int(month), 1)
    except ValueError:
        return None


# ------------------------------------------------------------------------------------ what changes


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


@dataclass
class RagConflict:
    """The sheet's RAG differs from an update recorded in the product after the sheet was saved."""

    sheet_progress_rag: object
    sheet_impact_rag: object
    update: ProgressUpdate


@dataclass(slots=True)  # one per action of the file: tens of thousands in a large one
class ActionChange:
    kind: str  # "added", "changed", "unchanged" or "not_in_file"
    theme: str
    ref: str
    text: str
    action: Action | None = None  # the plan's action (None for an added one)
    item: dict | None = None  # the file's action: a dict in the export's shape, or the reader's ParsedAction
    changes: list = field(default_factory=list)
    record_update: bool = False  # the sheet's RAG becomes a new progress update
    conflict: RagConflict | None = None
    action_id: int | None = None  # the action's id: the plan's action's, or an added one's once written

    @property
    def short_text(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else text[:77] + "…"


@dataclass
class PlanChanges:
    actions: list = field(default_factory=list)  # ActionChange in file order, then those not in the file
    themes_added: list = field(default_factory=list)
    themes_changed: list = field(default_factory=list)

    def of_kind(self, kind):
        return [change for change in self.actions if change.kind == kind]

    @property
    def added(self):
        return self.of_kind("added")

    @property
    def changed(self):
        return self.of_kind("changed")

    @property
    def unchanged(self):
        return self.of_kind("unchanged")

    @property
    def not_in_file(self):
        return self.of_kind("not_in_file")

    @property
    def conflicts(self):
        return [change for change in self.actions if change.conflict]

    @property
    def updates_to_record(self):
        return sum(1 for change in self.actions if change.record_update)

    @property
    def anything(self):
        return bool(self.added or self.changed or self.themes_added or self.themes_changed)


FIELD_LABELS = {name: str(Action._meta.get_field(name).verbose_name).capitalize() for name in COMPARED_FIELDS}
FIELD_LABELS |= {"theme": "Theme", "owners": "Owners", "sources": "Sources"}


def _display(name, value):
    if value in (None, "", [], ()):
        return "(blank)"
    if name == "category":
        return str(ActionCategory(value).label)
    if name == "status":
        return str(ActionStatus(value).label)
    if name == "due_date":
        return value.strftime("%-d %b %Y")
    if isinstance(value, (list, tuple)):
        return ", ".join(value)
    return str(value)


def _own_value(model_field, value):
    """An own field of the action from the file's value: a date read, a category by its value or
    its words, text cut to the field's length; empty when the file leaves it out."""
    if isinstance(model_field, DateField):
        return _date(value)
    if model_field.name == "category":
        return CATEGORY_BY_NAME.get((value or "").lower(), ActionCategory.NONE)
    value = value or ""
    return value[: model_field.max_length] if model_field.max_length else value


_PLAN_FIELDS = [
    (plan_field.name, plan_field.key, Action._meta.get_field(plan_field.name)) for plan_field in ACTION_PLAN_FIELDS
]


def _action_values(item):
    """The action's fields as the file gives them (theme as its number; position set later)."""
    values = {name: _own_value(model_field, item.get(key)) for name, key, model_field in _PLAN_FIELDS}
    values["imported_note"], values["status"] = _imported_note(item), _closed_status(item)
    return values


def _closed_status(item):
    """An action the file marks cancelled or closed is kept, closed: completed when rated Blue,
    else withdrawn. None (leave as it is) when the file does not say it is closed."""
    if not item.get("closed"):
        return None
    return ActionStatus.COMPLETED if rag_from_data(item.get("progress_rag")) == Rag.BLUE else ActionStatus.WITHDRAWN


def _imported_note(item):
    """A progress note with no RAG is kept on the action; with a RAG it goes into the update."""
    if rag_from_data(item.get("progress_rag")) is not None:
        return None  # leave what the action has
    return (item.get("latest_note") or "").strip()


def _owner_titles(item):
    titles = []
    for title in item.get("owners", []):
        title = _title(title)
        if title and title not in titles:
            titles.append(title)
    return titles


_source_key = functools.lru_cache(maxsize=4096)(
    source_services.source_match_key
)  # a plan names a few sources, many times


def _source_pairs(item):
    """(code, paragraph) of each source the item names, once each: sources given as {"code",
    "paragraph"} (the export's shape) or as (code, paragraph) (the spreadsheet reader's)."""
    pairs, seen = [], set()
    for source in item.get("sources", []):
        code, paragraph = (source["code"], source.get("paragraph")) if isinstance(source, dict) else source
        pair = (code[:50], (paragraph or "")[:50])
        key = (_source_key(pair[0]), pair[1])
        if key not in seen:
            seen.add(key)
            pairs.append(pair)
    return pairs


def _key(item):
    return (str(item["theme"]), (item.get("ref") or "")[:50])


def _existing_actions_by_key(plan):
    """The plan's actions by (theme number, ref), in plan order: repeated refs are matched in turn."""
    waiting = {}
    existing = (
        Action.objects.filter(theme__plan=plan)
        .select_related("theme")
        .prefetch_related(
            Prefetch("owners", queryset=Owner.objects.order_by("title")),
            Prefetch(
                "source_references",
                queryset=SourceReference.objects.select_related("source").order_by("position", "pk"),
            ),
        )
        .order_by("theme__position", "position", "pk")
    )
    for action in existing:
        waiting.setdefault((action.theme.number, action.ref), []).append(action)
    return waiting


def _latest_updates(actions):
    latest = {}
    ids = [action.pk for action in actions]
    for update in ProgressUpdate.objects.filter(action_id__in=ids).order_by("action_id", "-created_at", "-pk"):
        latest.setdefault(update.action_id, update)
    return latest


def _compare(action, item):
    """The field-by-field changes the file makes to an existing action."""
    values = _action_values(item)
    changes = []
    if action.theme.number != str(item["theme"]):
        changes.append(FieldChange("theme", "Theme", action.theme.number, str(item["theme"])))
    for name in COMPARED_FIELDS:
        new = values[name]
        if new is None:
            continue
        old = getattr(action, name)
        if old != new:
            changes.append(FieldChange(name, FIELD_LABELS[name], _display(name, old), _display(name, new)))
    old_owners = sorted(owner.title for owner in action.owners.all() if not owner.agency) + sorted(
        str(owner) for owner in action.owners.all() if owner.agency
    )
    new_owners = _owner_titles(item)
    if set(old_owners) != set(new_owners):
        changes.append(FieldChange("owners", "Owners", _display("owners", old_owners), _display("owners", new_owners)))
    old_sources = [
        (source_services.source_match_key(r.source.code), r.paragraph) for r in action.source_references.all()
    ]
    new_sources = [(source_services.source_match_key(code), paragraph) for code, paragraph in _source_pairs(item)]
    if old_sources != new_sources:
        changes.append(
            FieldChange(
                "sources",
                "Sources",
                _display("sources", [f"{r.source.code} {r.paragraph}".strip() for r in action.source_references.all()]),
                _display("sources", [f"{code} {paragraph}".strip() for code, paragraph in _source_pairs(item)]),
            )
        )
    return changes


def _sheet_rags(item):
    progress = rag_from_data(item.get("progress_rag"))
    impact = rag_from_data(item.get("impact_rag")) if progress else None
    note = (item.get("latest_note") or "").strip() or IMPORT_NOTE
    return progress, impact, note


def plan_changes(*, plan, data, as_of=None, record_rags=True):
    """What saving `data` over `plan` (None: a new plan) would do, action by action, without writing.

    `as_of` is when the sheet was last saved: an update recorded in the product after it is never
    overridden by the sheet's RAG (a conflict, skipped). None: no such check (JSON and demo data).
    """
    changes = PlanChanges()
    themes = {theme.number: theme for theme in plan.themes.select_related("lead")} if plan else {}
    for position, item in enumerate(data.get("themes", [])):
        number = str(item["number"])
        theme = themes.get(number)
        if theme is None:
            changes.themes_added.append(number)
        elif (theme.title, theme.objective, theme.outcomes, theme.position, theme.lead.title if theme.lead else "") != (
            (item.get("title") or f"Theme {number}")[:300],
            item.get("objective") or "",
            item.get("outcomes") or "",
            position,
            _title(item.get("lead") or ""),
        ):
            changes.themes_changed.append(number)

    waiting = _existing_actions_by_key(plan) if plan else {}
    matched = []
    for item in data.get("actions", []):
        matches = waiting.get(_key(item))
        text = item.get("action") or ""
        if matches:
            action = matches.pop(0)
            diff = _compare(action, item)
            change = ActionChange(
                "changed" if diff else "unchanged",
                str(item["theme"]),
                action.ref,
                text,
                action=action,
                item=item,
                changes=diff,
                action_id=action.pk,
            )
            matched.append(change)
        else:
            change = ActionChange("added", str(item["theme"]), (item.get("ref") or "")[:50], text, item=item)
            change.record_update = record_rags and rag_from_data(item.get("progress_rag")) is not None
        changes.actions.append(change)

    latest = _latest_updates([change.action for change in matched])
    for change in matched:
        progress, impact, note = _sheet_rags(change.item)
        if not record_rags or progress is None:
            continue
        previous = latest.get(change.action.pk)
        if previous and (previous.progress_rag, previous.impact_rag, previous.note) == (
            progress.value,
            impact.value if impact else "",
            note,
        ):
            continue
        if previous and as_of is not None and previous.created_at > as_of and not previous.imported_from:
            if (previous.progress_rag, previous.impact_rag) != (progress.value, impact.value if impact else ""):
                change.conflict = RagConflict(progress, impact, previous)
            continue
        change.record_update = True

    for actions in waiting.values():
        for action in actions:
            changes.actions.append(
                ActionChange(
                    "not_in_file",
                    action.theme.number,
                    action.ref,
                    action.action_text,
                    action=action,
                    action_id=action.pk,
                )
            )
    return changes


def plan_update_preview(*, plan, data, as_of=None):
    """Kept for callers of the old name: what saving `data` over `plan` would do."""
    return plan_changes(plan=plan, data=data, as_of=as_of)


# ------------------------------------------------------------------------------------------ writes


@dataclass
class PlanSaveResult:
    plan: Plan
    created: bool
    themes_created: int = 0
    actions_created: int = 0
    actions_updated: int = 0
    actions_unchanged: int = 0
    updates_created: int = 0
    actions_not_in_file: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)  # ActionChange with a RagConflict: the sheet's RAG skipped
    changes: PlanChanges | None = None  # what was written (an added change's `action` is not kept)


def plan_create_from_data(*, data, author=None, period=None):
    """Create a plan, its themes, owners, sources and actions from a dict; return the plan."""
    return plan_save_from_data(data=data, author=author, period=period).plan


@transaction.atomic
def plan_save_from_data(
    *,
    data,
    plan=None,
    author=None,
    period=None,
    now=None,
    reason="Import",
    as_of=None,
    status=None,
    history_user=None,
    progress=None,
    source_name="",
):
    """Create a plan from `data`, or bring `plan` up to date with it; return a PlanSaveResult.

    With an `author`, an action's RAG (and note) in the data becomes a new ProgressUpdate when it
    differs from the action's latest one and no one recorded an update after `as_of` (updates read
    from earlier files do not count: the newer file wins over them); for the
    period a note column names ("note_period"), else `period`, else the plan's current period.
    Audit-trail records name `history_user` (default: the author) and `reason`. `status` is a new
    plan's status (default: active). `progress(done, total)` hears how many actions are written.
    """
    now = now or timezone.now()
    audit = _Audit(author=history_user or author, reason=reason, now=now)
    created = plan is None
    if created:
        plan = _stamp(
            Plan(
                title=data["title"][:300],
                organisation=data.get("organisation") or "",
                vision=data.get("vision") or "",
                version_label=data.get("version_label") or "",
                status=status or PlanStatus.ACTIVE,
                start_date=_date(data.get("start_date")),
                end_date=_date(data.get("end_date")),
            ),
            author=audit.author,
            reason=reason,
            now=now,
        )
        plan.save()
    changes = plan_changes(plan=None if created else plan, data=data, as_of=as_of, record_rags=author is not None)
    result = PlanSaveResult(plan=plan, created=created, changes=changes)
    owners, sources = {}, sources_by_key()
    writer = _Writer(audit=audit, owners=owners, sources=sources)

    themes = {theme.number: theme for theme in plan.themes.select_related("lead")}
    new_themes = []
    for position, item in enumerate(data.get("themes", [])):
        number = str(item["number"])
        lead = owner_get_or_create(item["lead"], owners, audit) if item.get("lead") else None
        values = {
            "title": (item.get("title") or f"Theme {number}")[:300],
            "lead": lead,
            "objective": item.get("objective") or "",
            "outcomes": item.get("outcomes") or "",
            "position": position,
        }
        theme = themes.get(number)
        if theme is None:
            theme = themes[number] = Theme(plan=plan, number=number, **values)
            new_themes.append(theme)
            continue
        elif all(getattr(theme, name) == value for name, value in values.items()):
            continue
        for name, value in values.items():
            setattr(theme, name, value)
        _stamp(theme, author=audit.author, reason=reason, now=now).save()
    writer.new_rows(Theme, new_themes)
    result.themes_created = len(new_themes)

    new_actions, changed = [], []
    for change in changes.actions:
        if change.kind == "added":
            new_actions.append(change)
        elif change.kind == "changed":
            action = change.action
            for name, value in _action_values(change.item).items():
                if value is not None:
                    setattr(action, name, value)
            if action.status != ActionStatus.OPEN and not action.closed_reason:
                action.closed_reason = CLOSED_REASON
            action.theme = themes[change.theme]
            if action.original_due_date is None:
                action.original_due_date = action.due_date
            changed.append(change)
    positions = _positions(changes)
    result.actions_created, result.actions_updated = len(new_actions), len(changed)
    result.actions_unchanged = len(changes.unchanged)
    result.actions_not_in_file = [change.action for change in changes.not_in_file]
    result.conflicts = changes.conflicts

    # Written a chunk of actions at a time (the actions, their owners, sources, history records and
    # the sheet's RAGs), so a long import tells `progress` how far it has got. An added action is
    # written from a plain row (no Action instance is made): its change keeps only its id.
    updates = (
        _UpdateRecorder(plan=plan, author=author, period=period, now=now, source_name=source_name)
        if author is not None
        else None
    )
    written = new_actions + changed
    total = len(written)
    if progress:
        progress(0, total)
    for start in range(0, total, WRITE_CHUNK):
        chunk = written[start : start + WRITE_CHUNK]
        fresh = [change for change in chunk if change.kind == "added"]
        old = [change for change in chunk if change.kind == "changed"]
        fresh_rows = writer.actions_insert(
            fresh, [_added_action_row(change, themes[change.theme], positions[id(change)]) for change in fresh]
        )
        _bulk_update_versioned(
            [change.action for change in old], [*ACTION_FIELDS, "original_due_date", "closed_reason"]
        )
        links = _owners_write(chunk, writer)
        _sources_write(chunk, writer)
        _actions_history(fresh_rows, old, links, writer)
        if updates is not None:
            updates.record(chunk)
        if progress:
            progress(start + len(chunk), total)
    if not created and changes.anything:
        Plan.objects.filter(pk=plan.pk).update(version=F("version") + 1)
        plan.refresh_from_db(fields=["version"])

    if updates is not None:
        updates.record(changes.unchanged)
        result.updates_created = updates.count
    if created:
        from plans.services.periods import period_ensure_open

        period_ensure_open(plan=plan, today=timezone.localdate(now))  # a plan always has an open period
    return result


# An added action's row: every column but the id, those the file does not set at their model default.
_ACTION_COLUMNS = [field.attname for field in Action._meta.concrete_fields if not field.primary_key]
_ACTION_DEFAULTS = [
    (name, default.value if isinstance(default, ActionStatus | ActionCategory) else default)
    for name, default in ((field.attname, field.get_default()) for field in Action._meta.concrete_fields)
    if name != "id"
]


def _added_action_row(change, theme, position):
    """The row (in _ACTION_COLUMNS order) of the action an added change makes, as an Action saved
    from the same values would hold it."""
    values = _action_values(change.item)
    values["imported_note"] = values["imported_note"] or ""
    values["status"] = values["status"] or ActionStatus.OPEN
    if values["status"] != ActionStatus.OPEN:
        values["closed_reason"] = CLOSED_REASON
    values.update(theme_id=theme.pk, original_due_date=values["due_date"], position=position)
    return tuple(values.get(name, default) for name, default in _ACTION_DEFAULTS)


def _positions(changes):
    """{id(change): position} for the added actions: each takes its place after the action before it
    in the file; matched actions keep theirs, so an action the file leaves where it was is not written."""
    added = [change for change in changes.actions if change.kind == "added"]
    if not any(change.action.pk for change in changes.actions if change.action):
        return {id(change): position for position, change in enumerate(added)}
    positions, last = {}, {}
    for change in changes.actions:
        if change.kind == "not_in_file":
            continue
        if change.kind == "added":
            positions[id(change)] = last.get(change.theme, 0)
            last[change.theme] = positions[id(change)]
        else:
            last[change.theme] = change.action.position
    return positions


def _bulk_update_versioned(actions, fields):
    """bulk_update that moves each row's version on in the database, as Versioned.save() would."""
    versions = {action.pk: action.version for action in actions}
    for action in actions:
        action.version = F("version") + 1
    Action.objects.bulk_update(actions, [*fields, "version"], batch_size=500)
    for action in actions:
        action.version = versions[action.pk] + 1  # as the database now holds it (for the history record)


WRITE_CHUNK = 1000  # actions written (with their owners, sources and history) between two progress reports


class _Writer:
    """The import's rows, written as plain tuples (improvement.bulk.RowInserter): roles and sources
    are looked up once per spelling, and every row's history record names the import."""

    def __init__(self, *, audit, owners, sources):
        self.audit = audit
        self.owner_cache, self.source_cache = owners, sources
        self.owners_by_title, self.sources_by_code = {}, {}
        self.user_id = audit.author.pk if audit.author is not None else None
        self.inserters = {}

    def inserter(self, model, fields):
        key = (model, tuple(fields))
        if key not in self.inserters:
            self.inserters[key] = RowInserter(model, fields)
        return self.inserters[key]

    def owner(self, title):
        owner = self.owners_by_title.get(title)
        if owner is None:
            owner = self.owners_by_title[title] = owner_get_or_create(title, self.owner_cache, self.audit)
        return owner

    def source(self, code):
        source = self.sources_by_code.get(code)
        if source is None:
            source = self.sources_by_code[code] = source_get_or_create(code, self.source_cache, self.audit)
        return source

    def new_rows(self, model, instances):
        """Insert unsaved `instances` of `model`, give each its primary key, and record their history
        (created by the import); return (fields, rows): the rows as inserted, for their history."""
        if not instances:
            return [], []
        fields = [field.attname for field in model._meta.concrete_fields if not field.primary_key]
        inserter = self.inserter(model, fields)
        rows = [tuple(getattr(instance, name) for name in fields) for instance in instances]
        ids = inserter.insert_returning(rows)
        for instance, pk in zip(instances, ids, strict=True):
            instance.pk = pk
            instance._state.adding, instance._state.db = False, inserter.using
        rows = [(pk, *row) for pk, row in zip(ids, rows, strict=True)]
        self.history_insert(model, ["id", *fields], rows, "+")
        return ["id", *fields], rows

    def actions_insert(self, changes, rows):
        """Insert the rows (in _ACTION_COLUMNS order) of added `changes`, giving each change its
        action's id; return (fields, rows) for their history records."""
        if not rows:
            return [], []
        ids = self.inserter(Action, _ACTION_COLUMNS).insert_returning(rows)
        for change, pk in zip(changes, ids, strict=True):
            change.action_id = pk
        return ["id", *_ACTION_COLUMNS], [(pk, *row) for pk, row in zip(ids, rows, strict=True)]

    def history_insert(self, model, fields, rows, history_type, *, returning=False):
        """History records of `model` for `rows` (tuples of the tracked `fields`), named after the import."""
        history_model, tracked = _history_of(model)
        assert tracked == set(fields), f"history of {model.__name__}: {sorted(tracked ^ set(fields))}"
        inserter = self.inserter(
            history_model,
            [
                *fields,
                "history_date",
                "history_change_reason",
                "history_type",
                "history_user_id",
            ],
        )
        stamp = (self.audit.now, self.audit.reason, history_type, self.user_id)
        rows = [(*row, *stamp) for row in rows]
        if returning:
            return inserter.insert_returning(rows)
        inserter.insert(rows)
        return None


@functools.cache
def _history_of(model):
    """The history model of `model` and the names of the fields it records (simple_history builds
    a new manager at every `Model.history`: looked up once)."""
    history_model = model.history.model
    return history_model, {field.attname for field in history_model.tracked_fields}


def _owners_write(written, writer):
    """Set the owners of the written actions to those the file names (links only where they differ).
    Return the new actions' links as (link id, action id, owner id), for their history records."""
    if not written:
        return []
    through = Action.owners.through
    current = {}
    ids = [change.action_id for change in written if change.kind != "added"]  # new actions have no links yet
    if ids:
        for action_id, owner_id in through.objects.filter(action_id__in=ids).values_list("action_id", "owner_id"):
            current.setdefault(action_id, set()).add(owner_id)
    add, add_to_new, remove = [], [], []
    owner_ids = {}  # the file's owners cell (as split) → its roles' ids: the same cell comes back row after row
    for change in written:
        titles = tuple(change.item.get("owners") or ())
        wanted = owner_ids.get(titles)
        if wanted is None:
            wanted = owner_ids[titles] = list(
                dict.fromkeys(writer.owner(title).pk for title in _owner_titles(change.item))
            )
        if change.kind == "added":
            add_to_new += [(change.action_id, owner_id) for owner_id in wanted]
            continue
        have = current.get(change.action_id, set())
        add += [(change.action_id, owner_id) for owner_id in wanted if owner_id not in have]
        remove += [(change.action_id, owner_id) for owner_id in have - set(wanted)]
    inserter = writer.inserter(through, ["action_id", "owner_id"])
    inserter.insert(add)
    for action_id, owner_id in remove:
        through.objects.filter(action_id=action_id, owner_id=owner_id).delete()
    if not add_to_new:
        return []
    ids = inserter.insert_returning(add_to_new)
    return [(pk, action_id, owner_id) for pk, (action_id, owner_id) in zip(ids, add_to_new, strict=True)]


def _sources_write(written, writer):
    """Bring each written action's source references to the file's, with a history record per row."""
    if not written:
        return
    audit = writer.audit
    existing = {}
    ids = [change.action_id for change in written if change.kind != "added"]
    if ids:
        for reference in SourceReference.objects.filter(action_id__in=ids).select_related("source"):
            existing.setdefault(reference.action_id, {})[(reference.source_id, reference.paragraph)] = reference
    create, update, delete = [], [], []
    for change in written:
        have = existing.get(change.action_id, {})
        seen = set()
        for position, (code, paragraph) in enumerate(_source_pairs(change.item)):
            source = writer.source(code)
            key = (source.pk, paragraph)
            if key in seen:
                continue
            seen.add(key)
            reference = have.get(key)
            if reference is None:
                create.append((change.action_id, source.pk, paragraph, position))
            elif reference.position != position:
                reference.position = position
                update.append(reference)
        delete += [reference for key, reference in have.items() if key not in seen]
    history = SourceReference.history
    if delete:
        _history_rows(SourceReference, delete, "-", audit)
        SourceReference.objects.filter(pk__in=[reference.pk for reference in delete]).delete()
    if update:
        SourceReference.objects.bulk_update(update, ["position"], batch_size=500)
        history.bulk_history_create(
            update, update=True, default_user=audit.author, default_change_reason=audit.reason, default_date=audit.now
        )
    if create:
        fields = ["action_id", "source_id", "paragraph", "position"]
        ids = writer.inserter(SourceReference, fields).insert_returning(create)
        writer.history_insert(
            SourceReference, ["id", *fields], [(pk, *row) for pk, row in zip(ids, create, strict=True)], "+"
        )


def _history_rows(model, instances, history_type, audit):
    history_model = model.history.model
    rows = [
        history_model(
            history_date=audit.now,
            history_user=audit.author,
            history_change_reason=audit.reason,
            history_type=history_type,
            **{f.attname: getattr(instance, f.attname) for f in history_model.tracked_fields},
        )
        for instance in instances
    ]
    return history_model.objects.bulk_create(rows, batch_size=500)


def _actions_history(new_rows, changed, new_links, writer):
    """A history record for each action written, with its owners as they now are (the snapshot the
    action's History of changes compares). `new_rows`: (fields, rows) of the actions just inserted;
    `new_links`: their owner links, (link id, action id, owner id)."""
    history_ids = {}
    fields, rows = new_rows
    if rows:
        ids = writer.history_insert(Action, fields, rows, "+", returning=True)
        history_ids.update(zip((row[0] for row in rows), ids, strict=True))
    actions = [change.action for change in changed]
    links = list(new_links)
    if actions:
        fields = sorted(_history_of(Action)[1])
        ids = writer.history_insert(
            Action,
            fields,
            [tuple(getattr(action, name) for name in fields) for action in actions],
            "~",
            returning=True,
        )
        history_ids.update(zip((action.pk for action in actions), ids, strict=True))
        links += Action.owners.through.objects.filter(action_id__in=[action.pk for action in actions]).values_list(
            "id", "action_id", "owner_id"
        )
    if not history_ids:
        return
    owners_history = apps.get_model("plans", "HistoricalAction_owners")
    writer.inserter(owners_history, ["history_id", "id", "action_id", "owner_id"]).insert(
        (history_ids[action_id], link_id, action_id, owner_id) for link_id, action_id, owner_id in links
    )


class _UpdateRecorder:
    """Appends the spreadsheet's RAG and note as a progress update where plan_changes said to."""

    def __init__(self, *, plan, author, period, now, source_name=""):
        self.plan, self.author, self.now = plan, author, now
        from plans.services.periods import period_ensure_open

        self.default = period or period_ensure_open(plan=plan, today=timezone.localdate(now))
        self.periods = {p.month: p for p in ReportingPeriod.objects.filter(plan=plan)}
        self.source_name = str(source_name)[:255]
        self.count = 0
        self.inserter = RowInserter(
            ProgressUpdate,
            [
                "action_id",
                "period_id",
                "author_id",
                "progress_rag",
                "impact_rag",
                "note",
                "created_at",
                "imported_from",
            ],
        )

    def record(self, changes):
        rows = []
        for change in changes:
            if not change.record_update:
                continue
            progress_rag, impact_rag, note = _sheet_rags(change.item)
            chosen = _note_period(self.plan, change.item, self.periods) or self.default
            rows.append(
                (
                    change.action_id,
                    chosen.pk if chosen else None,
                    self.author.pk,
                    progress_rag.value,
                    impact_rag.value if impact_rag else "",
                    note,
                    self.now,
                    self.source_name,
                )
            )
        self.inserter.insert(rows)
        self.count += len(rows)


def _note_period(plan, item, periods):
    """The open period of the month a note column names ("note_period": "2025-03"), made if the plan
    has none for that month; None (the default period) when the file names none or it is closed."""
    month = _month(item.get("note_period"))
    if month is None:
        return None
    if month not in periods:
        periods[month] = ReportingPeriod.objects.create(plan=plan, month=month)
    return None if periods[month].closed else periods[month]
