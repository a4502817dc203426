"""Who may see and do what in case audits.

Audit leads (and Admins) set up programmes and read everything; an agency auditor enters
their own agency's judgements for cases that agency was involved in; board members read.
"""
from plans.permissions import BOARD, _groups, is_admin

AUDIT_LEAD, AGENCY_AUDITOR = "Audit lead", "Agency auditor"
AUDIT_GROUPS = (AUDIT_LEAD, AGENCY_AUDITOR)


def is_audit_lead(user):
    return is_admin(user) or (user.is_authenticated and AUDIT_LEAD in _groups(user))


def can_view_audits(user):
    return is_audit_lead(user) or (user.is_authenticated and bool({AGENCY_AUDITOR, BOARD} & _groups(user)))


def user_agency(user):
    """The agency an agency auditor audits for, or None."""
    if not user.is_authenticated or AGENCY_AUDITOR not in _groups(user):
        return None
    if not hasattr(user, "_audit_agency"):
        from audits.models import AgencyMembership

        membership = AgencyMembership.objects.select_related("agency").filter(user=user).first()
        user._audit_agency = membership.agency if membership else None
    return user._audit_agency


def agencies_user_may_judge_for(user, case):
    """Agencies whose judgements the user may enter for this case (case.agencies prefetched)."""
    involved = list(case.agencies.all())
    if is_audit_lead(user):
        return involved
    agency = user_agency(user)
    return [a for a in involved if agency and a.pk == agency.pk]


def can_enter_judgements(user, case, agency):
    return any(a.pk == agency.pk for a in agencies_user_may_judge_for(user, case))


def can_read_judgements(user, case, agency):
    """Those who may enter the agency's judgements, and board members. An agency auditor reads only
    their own agency's, so one not yet placed in an agency reads none."""
    if can_enter_judgements(user, case, agency):
        return True
    groups = _groups(user) if user.is_authenticated else set()
    return BOARD in groups and AGENCY_AUDITOR not in groups
