"""The audit trail: what changed, who changed it and when, read from django-simple-history.

Each audited model declares `history = HistoricalRecords(...)`; `register` adds it to the audit log.
Another app audits its models the same way: `HistoricalRecords()` on the model, then
`improvement.audit.register(Model)` in its AppConfig.ready().

Reads are batched per model, never per row: a page of N history records costs a few queries per
audited model (records, their previous versions, many-to-many snapshots, names of related rows),
whatever N and however long the history.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.db.models import CharField, F, OuterRef, Subquery, Value
from simple_history import utils as history_utils

# Fields that are bookkeeping, not content: never shown as a change.
HIDDEN_FIELDS = {"version"}

HISTORY_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}

_registry = {}


_object_labels = {}


def register(model, label=None, object_label=None):
    """Add a model with `history = HistoricalRecords()` to the audit log.

    `object_label(record)` names the changed row from its historical record; the default is the
    model's own str(), which must then not read related rows (that would be a query per row).
    """
    _registry[model._meta.label_lower] = (label or model._meta.verbose_name.capitalize(), model)
    if object_label:
        _object_labels[model._meta.label_lower] = object_label


def audited_models():
    """{"plans.action": ("Action", Action), ...} in registration order."""
    return dict(_registry)


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: str
    after: str


@dataclass
class HistoryEntry:
    model_key: str
    model_label: str
    object_id: int
    object_label: str
    history_id: int
    when: object
    who: object
    kind: str
    changes: list = field(default_factory=list)
    reason: str = ""  # why, when the writer said: "Import of plan.xlsx", "Published"


def _display(model_field, value, names):
    if value in (None, ""):
        return "(blank)"
    if isinstance(model_field, models.ForeignKey):
        return names.get((model_field.related_model, value), f"#{value} (deleted)")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def _m2m_through(history_model, m2m_field):
    return apps.get_model(history_model._meta.app_label, f"{history_model.__name__}_{m2m_field.name}")


def _m2m_snapshots(history_model, history_ids):
    """{history_id: {field name: frozenset of related ids}} for the records' many-to-many fields."""
    snapshots = defaultdict(dict)
    for m2m_field in getattr(history_model, "_history_m2m_fields", []):
        through = _m2m_through(history_model, m2m_field)
        target = history_utils.get_m2m_reverse_field_name(m2m_field)
        rows = defaultdict(set)
        for history_id, related_id in through.objects.filter(history_id__in=history_ids).values_list(
            "history_id", f"{target}_id"
        ):
            rows[history_id].add(related_id)
        for history_id in history_ids:
            snapshots[history_id][m2m_field.name] = frozenset(rows.get(history_id, ()))
    return snapshots


def describe(model, records):
    """Turn historical records of one model into HistoryEntry objects, each with its changes.

    `records` must come from `history_queryset(model)` (they carry the id of the previous record).
    """
    history_model = model.history.model
    records = list(records)
    previous_ids = [r.previous_history_id for r in records if r.previous_history_id]
    previous = history_model.objects.in_bulk(previous_ids)
    m2m = _m2m_snapshots(history_model, [r.history_id for r in records] + previous_ids)
    tracked = [f for f in history_model.tracked_fields if f.editable and f.name not in HIDDEN_FIELDS]
    m2m_fields = list(getattr(history_model, "_history_m2m_fields", []))

    pairs, wanted = [], defaultdict(set)
    for record in records:
        before = previous.get(record.previous_history_id)
        changed = []
        for model_field in tracked:
            old = getattr(before, model_field.attname) if before is not None else None
            new = getattr(record, model_field.attname)
            if record.history_type == "-" or old == new or (before is None and new in (None, "")):
                continue
            changed.append((model_field, old, new))
            if isinstance(model_field, models.ForeignKey):
                wanted[model_field.related_model].update(v for v in (old, new) if v is not None)
        for m2m_field in m2m_fields:
            old = m2m[before.history_id][m2m_field.name] if before is not None else frozenset()
            new = m2m[record.history_id][m2m_field.name]
            if old != new and record.history_type != "-":
                changed.append((m2m_field, old, new))
                wanted[m2m_field.related_model].update(old | new)
        pairs.append((record, changed))

    names = {}
    for related_model, ids in wanted.items():
        for pk, obj in related_model._base_manager.in_bulk(ids).items():
            names[(related_model, pk)] = str(obj)

    label = model._meta.verbose_name.capitalize()
    entries = []
    for record, changed in pairs:
        changes = []
        for model_field, old, new in changed:
            if isinstance(old, frozenset) or isinstance(new, frozenset):
                before_text = (
                    ", ".join(sorted(names.get((model_field.related_model, i), f"#{i}") for i in old)) or "(none)"
                )
                after_text = (
                    ", ".join(sorted(names.get((model_field.related_model, i), f"#{i}") for i in new)) or "(none)"
                )
            else:
                before_text = _display(model_field, old, names) if record.history_type != "+" else ""
                after_text = _display(model_field, new, names)
            changes.append(
                Change(model_field.name, str(model_field.verbose_name).capitalize(), before_text, after_text)
            )
        entries.append(
            HistoryEntry(
                model_key=model._meta.label_lower,
                model_label=label,
                object_id=record.id,
                object_label=_object_label(record),
                history_id=record.history_id,
                when=record.history_date,
                who=record.history_user,
                kind=HISTORY_TYPES.get(record.history_type, record.history_type),
                changes=changes,
                reason=record.history_change_reason or "",
            )
        )
    return entries


def _object_label(record):
    custom = _object_labels.get(record.instance_type._meta.label_lower)
    if custom:
        return custom(record)
    try:
        return str(
            record.instance_type(
                **{f.attname: getattr(record, f.attname) for f in record.instance_type._meta.concrete_fields}
            )
        )
    except Exception:  # a __str__ reaching a related row that no longer exists
        return f"#{record.id}"


def history_queryset(model):
    """Historical records of a model, newest first, each with the id of the record before it."""
    history = model.history.model.objects
    previous = history.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date")).order_by(
        "-history_date", "-history_id"
    )
    return (
        history.select_related("history_user")
        .annotate(previous_history_id=Subquery(previous.values("history_id")[:1]))
        .order_by("-history_date", "-history_id")
    )


def object_history(instance):
    """Every recorded change of one row, newest first."""
    return describe(type(instance), history_queryset(type(instance)).filter(id=instance.pk))


@dataclass(frozen=True)
class AuditFilter:
    model_key: str = ""
    user_id: int | None = None
    date_from: object = None
    date_to: object = None


def audit_log_rows(filters):
    """A union of (model, history id, date) over every audited model, newest first: page it, then
    call `audit_log_entries` on the page."""
    querysets = []
    for key, (_label, model) in audited_models().items():
        if filters.model_key and key != filters.model_key:
            continue
        qs = model.history.model.objects.all()
        if filters.user_id:
            qs = qs.filter(history_user_id=filters.user_id)
        if filters.date_from:
            qs = qs.filter(history_date__date__gte=filters.date_from)
        if filters.date_to:
            qs = qs.filter(history_date__date__lte=filters.date_to)
        querysets.append(
            qs.annotate(model_key=Value(key, output_field=CharField()), ref_id=F("history_id"))
            .values("model_key", "ref_id", "history_date")
            .order_by()
        )
    if not querysets:
        return model.history.model.objects.none().values("history_date")
    first, *rest = querysets
    return first.union(*rest, all=True).order_by("-history_date", "-ref_id")


def audit_log_entries(rows):
    """The HistoryEntry of each row of a page of `audit_log_rows`, in the page's order."""
    by_model = defaultdict(list)
    for row in rows:
        by_model[row["model_key"]].append(row["ref_id"])
    entries = {}
    for key, ids in by_model.items():
        model = audited_models()[key][1]
        for entry in describe(model, history_queryset(model).filter(history_id__in=ids)):
            entries[(key, entry.history_id)] = entry
    return [entries[(row["model_key"], row["ref_id"])] for row in rows if (row["model_key"], row["ref_id"]) in entries]
