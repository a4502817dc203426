"""Setting up a programme: priorities, key lines of enquiry, standards, agencies and cases.

Every row written gets its audit-trail record: bulk writes go through bulk_create_with_history,
since bulk_create sends no signals.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from audits.models import Agency, AuditCase, AuditPriority, AuditProgramme, KeyLineOfEnquiry, ProgrammeStatus, Standard
from improvement.concurrency import save_if_unchanged
from plans.validators import check_dates


@transaction.atomic
def programme_create(*, title, period_start, period_end, priorities=(), organisation="", copy_from=None):
    """Create a programme with its priorities (one per line); optionally copy KLOEs and standards."""
    check_dates(period_start=period_start, period_end=period_end)
    if period_end < period_start:
        raise ValidationError({"period_end": "The end of the audit period must be after its start."})
    programme = AuditProgramme.objects.create(
        title=title,
        organisation=organisation,
        period_start=period_start,
        period_end=period_end,
    )
    bulk_create_with_history(
        [
            AuditPriority(programme=programme, title=text.strip(), position=index)
            for index, text in enumerate(p for p in priorities if p.strip())
        ],
        AuditPriority,
    )
    if copy_from is not None:
        standards_copy(source=copy_from, target=programme)
    return programme


@transaction.atomic
def standards_copy(*, source, target):
    """Copy the KLOEs and standards of an earlier programme into one that has none yet."""
    if target.kloes.exists():
        raise ValidationError("This programme already has key lines of enquiry; copy into an empty programme.")
    kloes = list(source.kloes.prefetch_related("standards"))
    created = {
        k.pk: KeyLineOfEnquiry.objects.create(programme=target, number=k.number, question=k.question) for k in kloes
    }
    bulk_create_with_history(
        [Standard(kloe=created[k.pk], number=s.number, text=s.text) for k in kloes for s in k.standards.all()],
        Standard,
    )
    return target


def kloe_create(*, programme, number, question):
    if programme.kloes.filter(number=number).exists():
        raise ValidationError({"number": f"KLOE {number} already exists in this programme."})
    return KeyLineOfEnquiry.objects.create(programme=programme, number=number, question=question)


def standard_create(*, kloe, number, text):
    if Standard.objects.filter(kloe__programme_id=kloe.programme_id, number=number).exists():
        raise ValidationError({"number": f"Standard {number} already exists in this programme."})
    return Standard.objects.create(kloe=kloe, number=number, text=text)


def agency_create(*, name, short_name=""):
    if Agency.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": "An agency with this name already exists."})
    return Agency.objects.create(name=name.strip(), short_name=short_name.strip())


@transaction.atomic
def case_create(*, programme, code, priority=None, agencies=()):
    """Add a case to the sample. The code is checked by the pseudonymity guard."""
    case = AuditCase(programme=programme, code=code.strip(), priority=priority)
    case.full_clean()
    case.save()
    case.agencies.set(agencies)
    return case


@transaction.atomic
def learning_event_record(*, programme, title, date, summary="", attendance=None):
    """Record the learning event and its attendance per agency ({agency: number attending})."""
    from audits.models import LearningEvent, LearningEventAttendance

    check_dates(date=date)
    event = LearningEvent.objects.create(programme=programme, title=title.strip(), date=date, summary=summary.strip())
    bulk_create_with_history(
        [
            LearningEventAttendance(event=event, agency=agency, attendees=count)
            for agency, count in (attendance or {}).items()
            if count
        ],
        LearningEventAttendance,
    )
    return event


def programme_status_set(*, programme, status, expected_version=None):
    """Change the programme's status. With `expected_version` (the version its page was loaded
    with), a change saved over another lead's newer one raises ConcurrentEditError and writes nothing."""
    if status not in ProgrammeStatus.values:
        raise ValidationError({"status": "Choose a status from the list."})
    if expected_version is not None:
        return save_if_unchanged(programme, expected_version=expected_version, changes={"status": status})
    programme.status = status
    programme.full_clean()
    programme.save(update_fields=["status"])
    return programme
