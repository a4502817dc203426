"""Optimistic locking: an edit saved over someone else's newer change is refused, not applied.

How to use it for an edit page (see docs/decisions/0002-optimistic-locking.md):
- the model inherits `plans.models.versioning.Versioned` (a `version` column);
- the form inherits `VersionedFormMixin`: a hidden `version` field holding the version the page
  was loaded with;
- the service calls `save_if_unchanged(instance, expected_version=..., changes={...})` inside
  its transaction, and lets `ConcurrentEditError` go up;
- the view inherits `ConcurrentEditViewMixin` and calls `self.edit_conflict(form, error)` when it
  catches the error: the page shows what the other person changed and keeps what this person typed.
"""
from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.db.models import Model


@dataclass(frozen=True)
class FieldConflict:
    field: str
    label: str
    original: str
    theirs: str
    yours: str


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


def _text(model_field, value):
    if isinstance(value, Model):
        return str(value)
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


def _same(a, b):
    if isinstance(a, Model) or isinstance(b, Model):
        return getattr(a, "pk", a) == getattr(b, "pk", b)
    return a == b


def save_if_unchanged(instance, *, expected_version, changes):
    """Apply `changes` ({field: value}) to `instance` and save it, only if its row is still at
    `expected_version`; otherwise raise ConcurrentEditError and write nothing.

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
            original = latest = None
            history = getattr(model, "history", None)
            if history is not None:
                records = history.model.objects.filter(id=instance.pk).select_related("history_user")
                original = records.filter(version=expected_version).order_by("-history_date").first()
                latest = records.order_by("-history_date", "-history_id").first()
            conflicts = _conflicts(model, current, original, changes) if current is not None else []
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

    def __init__(self, *args, **kwargs):
        if not hasattr(self, "_meta") or not getattr(self._meta, "model", None):
            self.instance = kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput,
            min_value=1,
            error_messages={
                "required": "This page is out of date: open it again and redo your change",
                "invalid": "This page is out of date: open it again and redo your change",
                "min_value": "This page is out of date: open it again and redo your change",
            },
        )
        if self.instance is not None and self.instance.pk:
            self.initial.setdefault("version", self.instance.version)


class ConcurrentEditViewMixin:
    """For FormViews: show the conflict on the form instead of saving over it (HTTP 409)."""

    conflict_template_context_name = "edit_conflict"

    def edit_conflict(self, form, error):
        if error.current is not None:
            # What this person typed stays on the page; the hidden version moves to the current
            # one, so saving again (having seen the differences) is a deliberate choice.
            data = form.data.copy()
            data[form.add_prefix("version")] = error.current_version
            form.data = data
        form.add_error(None, str(error))
        context = self.get_context_data(form=form, **{self.conflict_template_context_name: error})
        return self.render_to_response(context, status=409)
