"""Recording an agency's judgements for a case: saved as a draft, then submitted (kept with history).

An agency's auditors and the audit lead may have the same sheet open at once. The sheet carries
the version of each judgement as it was loaded (0 where there was none yet): a save over someone
else's newer judgement is refused whole, naming what they changed, and writes nothing
(improvement/concurrency.py).
"""

from dataclasses import dataclass, replace

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from audits import permissions
from audits.models import Judgement, JudgementResult, JudgementRevision, JudgementStatus, ProgrammeStatus
from improvement.concurrency import ConcurrentEditError, save_if_unchanged


class JudgementSheetConflict(ConcurrentEditError):
    """Someone saved one or more of the sheet's judgements after it was loaded. Nothing was written.

    `instance` and `current` are the first judgement that moved on; `conflicts` name each changed
    field as "Standard N: result" across the whole sheet."""


@dataclass
class JudgementEntry:
    standard: object
    result: str
    reason: str = ""
    evidence: str = ""


def _values(entry):
    reason = entry.reason.strip() if entry.result == JudgementResult.NOT_MET else ""
    return {"result": entry.result, "reason": reason, "evidence": entry.evidence.strip()}


def _sheet_conflicts(judgement, expected_version, entry):
    """What someone else changed in `judgement` since `expected_version`, as the save would have
    overwritten it (labelled with the standard's number); the ConcurrentEditError of that row."""
    try:
        save_if_unchanged(judgement, expected_version=expected_version, changes=_values(entry))
    except ConcurrentEditError as error:
        return error, _labelled(error.conflicts, entry)
    raise AssertionError("a judgement that moved on was saved")  # pragma: no cover - guarded by the caller


@transaction.atomic
def judgements_save(*, case, agency, user, entries, submit, expected_versions=None):
    """Save this agency's judgements for the case. On submit every standard needs a result and
    every "not met" a reason; a revision row records what was submitted. Returns the judgements.

    `expected_versions` ({standard pk: version the sheet was loaded with, 0 for none yet}) makes
    the save refuse (JudgementSheetConflict, nothing written) when any of those judgements was
    saved by someone else since; without it (demo data, commands) nothing is checked."""
    if not permissions.can_enter_judgements(user, case, agency):
        raise PermissionDenied("You can only enter judgements for your own agency, on cases it was involved in.")
    if case.programme.status == ProgrammeStatus.CLOSED:
        raise ValidationError("This audit programme is closed: its judgements can no longer change.")
    errors = {}
    for entry in entries:
        if entry.standard.kloe.programme_id != case.programme_id:
            raise ValidationError("That standard is not part of this audit programme.")
        if entry.result == JudgementResult.NOT_MET and not entry.reason.strip():
            errors[entry.standard.pk] = f"Say why standard {entry.standard.number} was not met."
        elif submit and not entry.result:
            errors[entry.standard.pk] = f"Choose met, not met or not applicable for standard {entry.standard.number}."
    if errors:
        raise ValidationError(errors)
    existing = {j.standard_id: j for j in Judgement.objects.select_for_update().filter(case=case, agency=agency)}
    if expected_versions is not None:
        _refuse_stale(existing, entries, expected_versions)
    now = timezone.now()
    saved, revisions = [], []
    for entry in entries:
        judgement = existing.get(entry.standard.pk) or Judgement(case=case, agency=agency, standard=entry.standard)
        values = _values(entry)
        changed = (judgement.result, judgement.reason, judgement.evidence) != (
            entry.result,
            entry.reason.strip(),
            entry.evidence.strip(),
        )
        judgement.updated_by = user
        if submit:
            was_submitted = judgement.status == JudgementStatus.SUBMITTED
            judgement.status = JudgementStatus.SUBMITTED
            if changed or not was_submitted:
                judgement.submitted_at = now
                _save(judgement, values, entry, expected_versions)
                revisions.append(
                    JudgementRevision(
                        judgement=judgement,
                        result=judgement.result,
                        reason=judgement.reason,
                        evidence=judgement.evidence,
                        submitted_by=user,
                        submitted_at=now,
                    )
                )
            else:
                _assign(judgement, values)
        elif changed:
            # A change saved as draft withdraws the submission until it is submitted again.
            judgement.status = JudgementStatus.DRAFT
            _save(judgement, values, entry, expected_versions)
        else:
            _assign(judgement, values)
        saved.append(judgement)
    JudgementRevision.objects.bulk_create(revisions)
    return saved


def _assign(judgement, values):
    for name, value in values.items():
        setattr(judgement, name, value)


def _save(judgement, values, entry, expected_versions):
    """Write one judgement of the sheet. With versions, an existing judgement is written only if it
    is still at the sheet's version (claimed in one statement, so two saves racing cannot both
    pass), and a new one only if nobody created it meanwhile."""
    expected = None if expected_versions is None else expected_versions.get(entry.standard.pk)
    if expected is None:
        _assign(judgement, values)
        judgement.save()
        return
    if judgement.pk is not None:
        try:
            save_if_unchanged(judgement, expected_version=expected, changes=values)
        except ConcurrentEditError as error:
            raise _sheet_error(error, _labelled(error.conflicts, entry)) from None
        return
    _assign(judgement, values)
    try:
        with transaction.atomic():
            judgement.save()
    except IntegrityError:
        current = Judgement.objects.get(
            case_id=judgement.case_id, agency_id=judgement.agency_id, standard_id=judgement.standard_id
        )
        _error, conflicts = _sheet_conflicts(current, 0, entry)
        raise _sheet_error(_error, conflicts) from None


def _labelled(conflicts, entry):
    return [
        replace(c, field=f"{entry.standard.pk}-{c.field}", label=f"Standard {entry.standard.number}: {c.label.lower()}")
        for c in conflicts
    ]


def _sheet_error(error, conflicts):
    return JudgementSheetConflict(
        instance=error.instance,
        current=error.current,
        conflicts=conflicts,
        changed_by=error.changed_by,
        changed_at=error.changed_at,
    )


def _refuse_stale(existing, entries, expected_versions):
    """Raise JudgementSheetConflict when a judgement of the sheet moved on since it was loaded:
    saved by someone else (its version is not the one the sheet carries) or created since (the
    sheet had none)."""
    first, conflicts = None, []
    for entry in entries:
        expected = expected_versions.get(entry.standard.pk)
        judgement = existing.get(entry.standard.pk)
        if expected is None or judgement is None or judgement.version == expected:
            continue
        error, found = _sheet_conflicts(judgement, expected, entry)
        first = first or error
        conflicts += found
    if first is not None:
        raise _sheet_error(first, conflicts)
