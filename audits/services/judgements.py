"""Recording an agency's judgements for a case: saved as a draft, then submitted (kept with history)."""
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audits import permissions
from audits.models import Judgement, JudgementResult, JudgementRevision, JudgementStatus, ProgrammeStatus


@dataclass
class JudgementEntry:
    standard: object
    result: str
    reason: str = ""
    evidence: str = ""


@transaction.atomic
def judgements_save(*, case, agency, user, entries, submit):
    """Save this agency's judgements for the case. On submit every standard needs a result and
    every "not met" a reason; a revision row records what was submitted. Returns the judgements."""
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
    now = timezone.now()
    saved, revisions = [], []
    for entry in entries:
        judgement = existing.get(entry.standard.pk) or Judgement(case=case, agency=agency, standard=entry.standard)
        changed = (judgement.result, judgement.reason, judgement.evidence) != (
            entry.result, entry.reason.strip(), entry.evidence.strip())
        judgement.result = entry.result
        judgement.reason = entry.reason.strip() if entry.result == JudgementResult.NOT_MET else ""
        judgement.evidence = entry.evidence.strip()
        judgement.updated_by = user
        if submit:
            was_submitted = judgement.status == JudgementStatus.SUBMITTED
            judgement.status = JudgementStatus.SUBMITTED
            if changed or not was_submitted:
                judgement.submitted_at = now
                judgement.save()
                revisions.append(JudgementRevision(
                    judgement=judgement, result=judgement.result, reason=judgement.reason,
                    evidence=judgement.evidence, submitted_by=user, submitted_at=now,
                ))
        elif changed:
            # A change saved as draft withdraws the submission until it is submitted again.
            judgement.status = JudgementStatus.DRAFT
            judgement.save()
        saved.append(judgement)
    JudgementRevision.objects.bulk_create(revisions)
    return saved
