"""Who may see and do what in case audits (docs/decisions/0016-case-audit-access.md).

Audit leads (and Admins) set up programmes and read everything, case pages and every agency's
judgements included. An agency auditor reads the programmes their agency takes part in (it is
involved in one of its cases), opens the cases their agency was involved in, and reads and enters
only their own agency's judgements. Board members read programmes, findings, the overview report,
the learning log and graded audits: never a case page or a judgement sheet.
"""

from plans.permissions import BOARD, _groups, is_admin

AUDIT_LEAD, AGENCY_AUDITOR = "Audit lead", "Agency auditor"
AUDIT_GROUPS = (AUDIT_LEAD, AGENCY_AUDITOR)


def is_audit_lead(user):
    return is_admin(user) or (user.is_authenticated and AUDIT_LEAD in _groups(user))


def is_audit_board_reader(user):
    """A board member reads findings-level pages of every programme (not cases)."""
    return user.is_authenticated and BOARD in _groups(user)


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


def takes_part(agency, programme):
    """Whether the agency is involved in a case of the programme."""
    return agency is not None and programme.cases.filter(agencies=agency).exists()


def can_view_programme(user, programme):
    """The programme page, its findings, overview report and lessons."""
    if is_audit_lead(user) or is_audit_board_reader(user):
        return True
    return takes_part(user_agency(user), programme)


def visible_programmes(user, programmes):
    """The programmes (a queryset) the user may open."""
    if is_audit_lead(user) or is_audit_board_reader(user):
        return programmes
    agency = user_agency(user)
    if agency is None:
        return programmes.none()
    return programmes.filter(cases__agencies=agency).distinct()


def can_view_case(user, case):
    """A case's page: the audit lead, and the auditors of an agency involved in it (case.agencies
    prefetched). Never board members."""
    if is_audit_lead(user):
        return True
    agency = user_agency(user)
    return agency is not None and any(a.pk == agency.pk for a in case.agencies.all())


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
    """Only those who may enter the agency's judgements: the audit lead, and that agency's auditors
    (on a case it was involved in). Board members read the findings, never a judgement sheet."""
    return can_enter_judgements(user, case, agency)
