"""Optimistic locking: an edit saved over someone else's newer change is refused, not applied.

How to use it for an edit page (see docs/decisions/0011-optimistic-locking.md):
- the model inherits `plans.models.versioning.Versioned` (a `version` column);
- the form inherits `VersionedFormMixin`: a hidden `version` field holding the version the page
  was loaded with;
- the service calls `save_if_unchanged(instance, expected_version=..., changes={...})` inside
  its transaction, and lets `ConcurrentEditError` go up; sets the edit replaces that are not
  columns of the row (many-to-many fields, child rows) are passed as `related={...}` so a refused
  save can show them too (`many_to_many(...)` builds one for a many-to-many field);
- the view inherits `ConcurrentEditViewMixin` and calls `self.edit_conflict(form, error)` when it
  catches the error: the page shows what the other person changed and keeps what this person typed.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.apps import apps
from django.db import transaction
from django.db.models import Model
from simple_history import utils as history_utils


@dataclass(frozen=True)
class FieldConflict:
    field: str
    label: str
    original: str
    theirs: str
    yours: str


@dataclass(frozen=True)
class RelatedSet:
    """A set an edit replaces that is not a column of the row: a many-to-many field or child rows.

    `yours` lists what this person chose, as the words the page shows, in the set's own order
    (or is a function of the set as it was when the page was loaded, for edits like "move up").
    `read(pk, before)` lists the set as it is now (before=None), or as it was just before the
    moment `before`; it returns None when that past is not recorded.
    """

    label: str
    yours: object
    read: Callable

    def words(self, labels):
        return "; ".join(labels) if labels else "(none)"


def many_to_many(model, name, objects, label=None, describe=str):
    """A RelatedSet for a many-to-many field of `model`, the edit setting it to `objects`, each
    shown as `describe(obj)`.

    Its past is read from the audit trail when the field is in the model's history
    (`HistoricalRecords(m2m_fields=[...])`), else it is "(not recorded)".
    """
    model_field = model._meta.get_field(name)
    target = model_field.related_model
    history = getattr(model, "history", None)
    tracked = {f.name for f in getattr(history.model, "_history_m2m_fields", [])} if history is not None else set()

    def read(pk, before=None):
        if before is None:
            row = model._base_manager.filter(pk=pk).first()
            return sorted(describe(obj) for obj in getattr(row, name).all()) if row is not None else []
        if name not in tracked:
            return None
        record = (
            model.history.model.objects.filter(id=pk, history_date__lt=before)
            .order_by("-history_date", "-history_id")
            .first()
        )
        if record is None:
            return None
        through = apps.get_model(history.model._meta.app_label, f"{history.model.__name__}_{name}")
        column = history_utils.get_m2m_reverse_field_name(model_field)
        ids = through.objects.filter(history_id=record.history_id).values_list(f"{column}_id", flat=True)
        return sorted(describe(obj) for obj in target._base_manager.filter(pk__in=list(ids)))

    return RelatedSet(
        label=label or str(model_field.verbose_name).capitalize(),
        yours=sorted(describe(obj) for obj in objects),
        read=read,
    )


class ConcurrentEditError(Exception):
    """Someone saved the row after this edit was loaded. Nothing was written."""

    def __init__(self, *, instance, current, conflicts, changed_by=None, changed_at=None):
        self.instance = instance
        self.current = current  # the row as it is now, or None if it was deleted
        self.conflicts = conflicts
        self.changed_by = changed_by
        self.changed_at = changed_at
        noun = instance._meta.verbose_name
        super().__init__(
            f"Someone else changed this {noun} while you were editing it. Your changes have not been saved."
        )

    @property
    def current_version(self):
        return self.current.version if self.current is not None else None


def rows_as_of(model, before, **filters):
    """The rows of `model` matching `filters` as they were just before the moment `before`,
    rebuilt from its audit trail (historical records, newest per row, deleted rows left out)."""
    latest = {}
    records = model.history.model.objects.filter(history_date__lt=before, **filters).order_by(
        "history_date", "history_id"
    )
    for record in records:
        latest[record.id] = record
    return [record for record in latest.values() if record.history_type != "-"]


def _text(model_field, value):
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    if value in (None, ""):
        return "(blank)"
    if getattr(model_field, "choices", None):
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)


def _conflicts(model, current, original, changes):
    result = []
    for name, yours in changes.items():
        model_field = model._meta.get_field(name)
        theirs = getattr(current, name)
        before = getattr(original, name) if original is not None else None
        if original is not None and _same(before, theirs):
            continue  # they did not touch this field
        if original is None and _same(theirs, yours):
            continue
        result.append(
            FieldConflict(
                field=name,
                label=str(model_field.verbose_name).capitalize(),
                original=_text(model_field, before) if original is not None else "(not recorded)",
                theirs=_text(model_field, theirs),
                yours=_text(model_field, yours),
            )
        )
    return result


def _related_conflicts(instance, related, first_change_at):
    result = []
    for name, item in related.items():
        theirs = item.read(instance.pk, None)
        before = item.read(instance.pk, first_change_at) if first_change_at is not None else None
        yours = item.yours(before) if callable(item.yours) else list(item.yours)
        if before is not None and before == theirs:
            continue  # they did not touch this set
        if before is None and theirs == yours:
            continue
        result.append(
            FieldConflict(
                field=name,
                label=item.label,
                original=item.words(before) if before is not None else "(not recorded)",
                theirs=item.words(theirs),
                yours=item.words(yours) if yours is not None else "(not recorded)",
            )
        )
    return result


def _same(a, b):
    if isinstance(a, Model) or isinstance(b, Model):
        return getattr(a, "pk", a) == getattr(b, "pk", b)
    return a == b


def save_if_unchanged(instance, *, expected_version, changes, related=None):
    """Apply `changes` ({field: value}) to `instance` and save it, only if its row is still at
    `expected_version`; otherwise raise ConcurrentEditError and write nothing.

    `related` ({name: RelatedSet}) are the sets the caller will replace after this save, in the
    same transaction: they are not written here, only compared when the save is refused.
    "Who changed it and when" is given only when the audit trail recorded the row's current
    version (a bulk update moves the version without a history record).

    The check and the claim are one statement (UPDATE ... WHERE pk = %s AND version = %s), so two
    saves racing on PostgreSQL or SQLite cannot both pass. The row is then saved normally, which
    records its history with the user of the request.
    """
    model = type(instance)
    manager = model._base_manager
    with transaction.atomic():
        claimed = manager.filter(pk=instance.pk, version=expected_version).update(version=expected_version + 1)
        if not claimed:
            current = manager.filter(pk=instance.pk).first()
            original = latest = first_change = None
            history = getattr(model, "history", None)
            if history is not None:
                records = history.model.objects.filter(id=instance.pk).select_related("history_user")
                original = records.filter(version=expected_version).order_by("-history_date", "-history_id").first()
                latest = records.order_by("-history_date", "-history_id").first()
                first_change = (
                    records.filter(version__gt=expected_version).order_by("history_date", "history_id").first()
                )
                if latest is not None and current is not None and latest.version != current.version:
                    latest = None  # the row moved on without a history record: who is not known
            conflicts = []
            if current is not None:
                conflicts = _conflicts(model, current, original, changes)
                conflicts += _related_conflicts(
                    instance, related or {}, first_change.history_date if first_change else None
                )
            raise ConcurrentEditError(
                instance=instance,
                current=current,
                conflicts=conflicts,
                changed_by=latest.history_user if latest else None,
                changed_at=latest.history_date if latest else None,
            )
        for name, value in changes.items():
            setattr(instance, name, value)
        instance.version = expected_version  # Versioned.save() moves it on to the claimed version
        instance.save()
    return instance


class VersionedFormMixin:
    """A hidden `version` field: the version of the row the form was loaded with.

    Works with a ModelForm (reads `self.instance`) or a plain Form given `instance=`.
    """

    # 0 stands for "there was no row yet" on forms that create the row on their first save.
    version_min_value = 1

    def __init__(self, *args, **kwargs):
        if not hasattr(self, "_meta") or not getattr(self._meta, "model", None):
            self.instance = kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput,
            min_value=self.version_min_value,
            error_messages={
                "required": "This page is out of date: open it again and redo your change",
                "invalid": "This page is out of date: open it again and redo your change",
                "min_value": "This page is out of date: open it again and redo your change",
            },
        )
        if self.instance is not None and self.instance.pk:
            self.initial.setdefault("version", self.instance.version)
        elif self.version_min_value == 0:
            self.initial.setdefault("version", 0)


def without_version(form):
    """A VersionedFormMixin form's cleaned data, and the version the page was loaded with, apart."""
    data = dict(form.cleaned_data)
    return data, data.pop("version")


class ConcurrentEditViewMixin:
    """For FormViews: show the conflict on the form instead of saving over it (HTTP 409)."""

    conflict_template_context_name = "edit_conflict"

    def edit_conflict(self, form, error, form_name="form"):
        """Render the page again with `form` (under `form_name` in the context) and the conflict."""
        if error.current is not None:
            # What this person typed stays on the page; the hidden version moves to the current
            # one, so saving again (having seen the differences) is a deliberate choice.
            data = form.data.copy()
            data[form.add_prefix("version")] = error.current_version
            form.data = data
        form.add_error(None, str(error))
        context = self.get_context_data(**{form_name: form, self.conflict_template_context_name: error})
        return self.render_to_response(context, status=409)
