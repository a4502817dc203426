"""Access decorators: who may read audits, and who may set them up."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from audits import permissions


def audit_reader_required(view):
    """Audit leads, agency auditors and board members read; a POST from a reader who may not
    change anything is refused by the view itself (see lead_required)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.can_view_audits(request.user):
            raise PermissionDenied("You do not have access to case audits.")
        return view(request, *args, **kwargs)

    return wrapper


def read_only(view):
    """Pages that only show: any POST answers 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied("This page cannot be changed.")
        return view(request, *args, **kwargs)

    return wrapper


def lead_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.is_audit_lead(request.user):
            raise PermissionDenied("Only audit leads can set up and change audits.")
        return view(request, *args, **kwargs)

    return wrapper


def programme_visible(user, programme):
    """Refuse (403) a programme the user's agency takes no part in (audits.permissions)."""
    if not permissions.can_view_programme(user, programme):
        raise PermissionDenied("Your agency takes no part in this audit programme.")


def case_visible(user, case):
    """Refuse (403) a case page to anyone but the audit lead and the auditors of an agency involved in it."""
    if not permissions.can_view_case(user, case):
        raise PermissionDenied("Case pages are open only to the audit lead and the auditors of the agencies involved.")


NAV = {"nav_section": "audits"}


def edit_conflict_keep(form, error):
    """After a save refused because someone else saved first (improvement.concurrency): the form keeps
    what was typed and now carries the current version, so saving again is a deliberate choice.
    Returns the error, for the page's edit_conflict (shown with HTTP 409)."""
    if error.current is not None and "version" in form.fields:
        data = form.data.copy()
        data[form.add_prefix("version")] = error.current_version
        form.data = data
    form.add_error(None, str(error))
    return error
