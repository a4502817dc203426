"""Admins import a plan from a spreadsheet: upload → preview (mapping, themes, actions, warnings) → confirm.

The uploaded file waits in MEDIA_ROOT/imports under a random name that only the uploading
session knows; nothing is written to the database until the admin confirms.
"""

import datetime
import secrets
import time

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views import View

from plans import permissions
from plans.forms.import_setup import ImportSetupForm
from plans.forms.importing import ImportOptionsForm, PlanUploadForm, StatusLabelsForm
from plans.importing.files import ImportFileError, check_workbook_file
from plans.models import Plan
from plans.services.exporting import plan_export_workbook
from plans.services.import_jobs import (
    import_files_forget,
    import_folder,
    import_status_read,
    import_status_write,
    mapping_from_session,
    parsed_key,
    parsed_load,
    parsed_save,
    upload_path,
    workbook_rows_estimate,
)
from plans.services.importing import (
    import_summary,
    plan_import,
    plan_import_changes,
    plan_import_preview,
    workbook_saved_at,
)
from plans.services.people import people_found, remembered_roles
from plans.services.publishing import plan_publish
from plans.services.status_labels import (
    status_labels_for_reading,
    status_labels_found,
    status_labels_reading_key,
    status_labels_remember,
    status_labels_remembered_all,
)
from plans.tasks import plan_import_read, plan_import_run
from plans.views.progress import PlanAccessMixin, ReadOnlyMixin

SESSION_KEY = "plan_imports"
JOBS_KEY = "plan_import_jobs"
PREVIEW_ACTIONS = 300
CHANGES_SHOWN = 300
KEEP_UPLOADS_SECONDS = 24 * 3600


def _forget_old_uploads(folder):
    cutoff = time.time() - KEEP_UPLOADS_SECONDS
    for path in folder.iterdir():
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def background_rows():
    """Workbooks with more rows than this are imported by the background worker, with a progress page."""
    return getattr(settings, "IMPORT_BACKGROUND_ROWS", 2000)


def large_sheet_rows():
    """A sheet with more rows than this holds far more than any plan (the largest have a few hundred actions)."""
    return getattr(settings, "IMPORT_LARGE_SHEET_ROWS", 2000)


class AdminOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not permissions.is_admin(request.user):
            raise PermissionDenied("Only admins can import plans.")
        return super().dispatch(request, *args, **kwargs)


class PlanImportUploadView(AdminOnlyMixin, View):
    template_name = "plans/import/upload.html"

    def get(self, request):
        return render(request, self.template_name, {"form": PlanUploadForm(), "nav_section": "import"})

    def post(self, request):
        form = PlanUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                check_workbook_file(upload, name=upload.name, size=upload.size)
                large = workbook_rows_estimate(upload) > background_rows()
                reading = status_labels_for_reading()
                parsed = None if large else plan_import_preview(source=upload, name=upload.name, statuses=reading)
            except ImportFileError as error:
                form.add_error("file", str(error))
            else:
                folder = import_folder()
                _forget_old_uploads(folder)
                token = secrets.token_urlsafe(18)
                upload.seek(0)
                with open(folder / f"{token}.xlsx", "wb") as handle:
                    for chunk in upload.chunks():
                        handle.write(chunk)
                imports = request.session.get(SESSION_KEY, {})
                for stale in list(imports)[:-4]:  # keep the session small: the last few uploads only
                    imports.pop(stale)
                    (folder / f"{stale}.xlsx").unlink(missing_ok=True)
                imports[token] = {
                    "name": upload.name,
                    "title": parsed.title if parsed else "",
                    "mapping": None,
                    "plan": None,
                    "uploaded_at": timezone.now().isoformat(),
                }
                request.session[SESSION_KEY] = imports
                if parsed is None:  # a long read: in the background, with its progress shown
                    import_status_write(token, state="queued", name=upload.name, rows_read=0)
                    jobs = request.session.get(JOBS_KEY, [])
                    request.session[JOBS_KEY] = [*jobs[-4:], token]
                    plan_import_read.enqueue(token=token, name=upload.name)
                    return redirect("plans:plan_import_status", token=token)
                parsed_save(token, parsed_key(None, parsed.title, status_labels_reading_key(reading)), parsed)
                return redirect("plans:plan_import_preview", token=token)
        return render(request, self.template_name, {"form": form, "nav_section": "import"}, status=400)


def _saved_at(entry, path):
    """The sheet's own date: when the workbook says it was saved, else when it was uploaded."""
    uploaded = entry.get("uploaded_at")
    uploaded = datetime.datetime.fromisoformat(uploaded) if uploaded else timezone.now()
    return workbook_saved_at(path, default=uploaded)


class PlanImportPreviewView(AdminOnlyMixin, View):
    template_name = "plans/import/preview.html"

    def load(self, token):
        entry = self.request.session.get(SESSION_KEY, {}).get(token)
        path = upload_path(token)
        if entry is None or not path.exists():
            raise Http404("That upload has expired: upload the file again.")
        return entry, path

    @property
    def remembered_statuses(self):
        """The status labels admins chose a RAG for at earlier imports (read once per request)."""
        if not hasattr(self, "_remembered_statuses"):
            self._remembered_statuses = status_labels_remembered_all()
        return self._remembered_statuses

    def read(self, entry, path, token):
        """The upload as read with the entry's mapping, title and status labels (the admin's choices
        and those remembered from earlier imports): kept from the last reading when there is one."""
        reading = status_labels_for_reading(entry.get("statuses"), remembered=self.remembered_statuses)
        key = parsed_key(entry.get("mapping"), entry.get("title") or "", status_labels_reading_key(reading))
        parsed = parsed_load(token, key)
        if parsed is None:
            parsed = plan_import_preview(
                source=path,
                name=entry["name"],
                mapping=mapping_from_session(entry.get("mapping")),
                title=entry.get("title") or "",
                statuses=reading,
            )
            parsed_save(token, key, parsed)
        return parsed

    def render_preview(self, entry, path, parsed, form, setup, statuses, status=200):
        plan_pk = form.initial.get("plan") or entry.get("plan")
        if form.is_bound and form.is_valid():
            plan_pk = form.cleaned_data["plan"].pk if form.cleaned_data["plan"] else None
        plan = Plan.objects.filter(pk=plan_pk).first() if plan_pk else None
        saved_at = _saved_at(entry, path)
        changes = None
        if plan:
            people = setup.people_choices() if setup.is_bound and setup.is_valid() else entry.get("people")
            changes = plan_import_changes(parsed=parsed, plan=plan, as_of=saved_at, people=people)
        rows = getattr(parsed, "rows_read", 0) or 0
        large_sheets = [sheet for sheet in parsed.sheets if sheet.rows > large_sheet_rows()]
        column_sheets = _column_sheets(parsed, form)
        sheet_order = {sheet.name: number for number, sheet in enumerate(parsed.sheets)}
        warned = tuple(f"Sheet “{sheet.name}” holds " for sheet in large_sheets)
        return render(
            self.request,
            self.template_name,
            {
                "statuses": statuses,
                "warnings": sorted(
                    parsed.warnings, key=lambda warning: (sheet_order.get(warning.sheet, 0), warning.row)
                ),
                "error_forms": [form, setup, statuses],
                "has_errors": bool(form.errors or setup.errors or statuses.errors),
                "column_sheets": column_sheets,
                "any_unused": any(item["unused"] for item in column_sheets),
                "unused_total": sum(len(item["unused"]) for item in column_sheets),
                "large_sheets": large_sheets,
                "notices": [notice for notice in parsed.notices if not notice.startswith(warned)]
                if warned
                else parsed.notices,
                "update_plan": plan,
                "found_by_title": getattr(form, "found_by_title", False) and not form.is_bound,
                "import_title": (form.cleaned_data.get("title") if form.is_bound and form.is_valid() else None)
                or entry.get("title")
                or parsed.title,
                "changes": changes,
                "changed_shown": changes.changed[:CHANGES_SHOWN] if changes else [],
                "added_shown": changes.added[:CHANGES_SHOWN] if changes else [],
                "saved_at": saved_at,
                "nav_section": "import",
                "entry": entry,
                "parsed": parsed,
                "form": form,
                "setup": setup,
                "rows_read": rows,
                "large_sheet": rows > large_sheet_rows() and not large_sheets,
                "in_background": rows > background_rows(),
                "actions": parsed.actions[:PREVIEW_ACTIONS],
                "more_actions": max(0, len(parsed.actions) - PREVIEW_ACTIONS),
                "theme_titles": {theme.number: theme.title for theme in parsed.themes},
            },
            status=status,
        )

    def options_form(self, entry, parsed, data=None):
        plan = entry.get("plan")
        found_by_title = False
        if plan is None and not entry.get("mapping") and not entry.get("new_plan"):
            # A file whose title matches a plan here is most likely a newer version of it: the preview says so.
            plan = Plan.objects.filter(title__iexact=parsed.title).values_list("pk", flat=True).first()
            found_by_title = plan is not None
        initial = {"title": entry.get("title") or parsed.title, "plan": plan}
        form = ImportOptionsForm(data, sheets=parsed.sheets, initial=initial)
        form.found_by_title = found_by_title
        return form

    def status_form(self, entry, parsed, data=None, confirming=False):
        labels = status_labels_found(parsed)
        return StatusLabelsForm(
            data,
            labels=labels,
            remembered=set(self.remembered_statuses),
            chosen=entry.get("statuses") or {},
            confirming=confirming,
        )

    def setup_form(self, entry, parsed, data=None):
        people = people_found(parsed)
        remembered = remembered_roles(people) if people else {}
        remembered.update({name: role for name, role in (entry.get("people") or {}).items() if name in people})
        initial = {"coordinators": entry.get("coordinators") or [], "board_members": entry.get("board_members") or []}
        return ImportSetupForm(data, people=people, remembered=remembered, initial=initial)

    def get(self, request, token):
        entry, path = self.load(token)
        try:
            parsed = self.read(entry, path, token)
        except ImportFileError as error:
            messages.error(request, str(error))
            return redirect("plans:plan_import")
        return self.render_preview(
            entry,
            path,
            parsed,
            self.options_form(entry, parsed),
            self.setup_form(entry, parsed),
            self.status_form(entry, parsed),
        )

    def post(self, request, token):
        entry, path = self.load(token)
        parsed = self.read(entry, path, token)
        confirming = request.POST.get("confirm") == "yes"
        form = self.options_form(entry, parsed, data=request.POST)
        setup = self.setup_form(entry, parsed, data=request.POST)
        statuses = self.status_form(entry, parsed, data=request.POST, confirming=confirming)
        if not (form.is_valid() & setup.is_valid() & statuses.is_valid()):
            return self.render_preview(entry, path, parsed, form, setup, statuses, status=400)
        mapping = form.mapping()
        columns_changed = mapping != form.detected()
        labels_changed = statuses.changed_choices()
        if not columns_changed and not labels_changed and form.cleaned_data["title"] != parsed.title:
            # A new title needs no second reading (a long one for a large file).
            entry = {**entry, "title": form.cleaned_data["title"]}
            parsed.title = form.cleaned_data["title"]
            reading = status_labels_reading_key(
                status_labels_for_reading(entry.get("statuses"), remembered=self.remembered_statuses)
            )
            parsed_save(token, parsed_key(entry.get("mapping"), entry["title"], reading), parsed)
        elif columns_changed or labels_changed:
            changed = {
                **entry,
                "title": form.cleaned_data["title"],
                "statuses": {**(entry.get("statuses") or {}), **labels_changed},
            }
            if columns_changed:
                changed["mapping"] = {
                    sheet: {str(k): v for k, v in columns.items()} for sheet, columns in mapping.items()
                }
            try:
                parsed = self.read(changed, path, token)
            except ImportFileError as error:
                form.add_error(None, str(error))
                return self.render_preview(entry, path, parsed, form, setup, statuses, status=400)
            entry = changed
            if columns_changed and confirming:
                # Columns read differently make a different plan: the admin sees it before importing it.
                confirming = False
                messages.info(
                    request,
                    "The file was read again with the columns you chose. Check the preview, then import the plan.",
                )
        if confirming:
            undecided = [item for item in status_labels_found(parsed) if not item.known]
            if undecided:
                # Never import a label nobody decided, however the page was sent (the reading it shows decides).
                imports = request.session.get(SESSION_KEY, {})
                imports[token] = entry
                request.session[SESSION_KEY] = imports
                statuses = self.status_form(entry, parsed, data=request.POST, confirming=True)
                statuses.is_valid()
                statuses.refuse_undecided(undecided)
                return self.render_preview(entry, path, parsed, form, setup, statuses, status=400)
        plan = form.cleaned_data["plan"]
        entry["plan"] = plan.pk if plan else None
        entry["new_plan"] = plan is None  # chosen: no plan is looked up by title again
        entry["coordinators"] = [user.pk for user in setup.cleaned_data["coordinators"]]
        entry["board_members"] = [user.pk for user in setup.cleaned_data["board_members"]]
        entry["people"] = setup.people_choices()
        imports = request.session.get(SESSION_KEY, {})
        if not confirming:
            imports[token] = entry
            request.session[SESSION_KEY] = imports
            return redirect("plans:plan_import_preview", token=token)
        saved_at = _saved_at(entry, path)
        imports.pop(token, None)
        request.session[SESSION_KEY] = imports
        if (getattr(parsed, "rows_read", 0) or 0) > background_rows():
            return self.start_in_background(token, entry, saved_at)
        result = plan_import(
            parsed=parsed,
            author=request.user,
            plan=plan,
            title=form.cleaned_data["title"],
            name=entry["name"],
            as_of=saved_at,
            coordinators=setup.cleaned_data["coordinators"],
            board_members=setup.cleaned_data["board_members"],
            people=entry["people"],
        )
        status_labels_remember(choices=entry.get("statuses") or {}, author=request.user)
        import_files_forget(token)
        messages.success(request, import_summary(result.saved))
        return redirect(result.saved.plan.get_absolute_url())

    def start_in_background(self, token, entry, saved_at):
        import_status_write(token, state="queued", name=entry["name"], rows_read=0)
        jobs = self.request.session.get(JOBS_KEY, [])
        self.request.session[JOBS_KEY] = [*jobs[-4:], token]
        plan_import_run.enqueue(
            token=token,
            user_id=self.request.user.pk,
            name=entry["name"],
            mapping=entry.get("mapping"),
            title=entry.get("title") or "",
            plan_id=entry.get("plan"),
            as_of=saved_at.isoformat(),
            coordinators=entry["coordinators"],
            board_members=entry["board_members"],
            people=entry["people"],
            statuses=entry.get("statuses") or {},
        )
        return redirect("plans:plan_import_status", token=token)


def _column_sheets(parsed, form):
    """Per sheet with a header: its columns as read, and each unused one with the field that maps it."""
    sheets = []
    for sheet in parsed.sheets:
        if not sheet.header_row:
            continue
        unused = [
            (_letter(index), header, form.field_for_column(sheet.name, index))
            for index, header in sheet.unused_columns
            if index in sheet.headers or index in sheet.columns
        ]
        used = [(_letter(index), header, label) for index, header, label in sheet.used_columns]
        sheets.append({"sheet": sheet, "used": used, "unused": unused})
    return sheets


def _letter(index):
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


class PlanImportStatusView(AdminOnlyMixin, View):
    """How far a background import has got; the page refreshes itself until it is done."""

    template_name = "plans/import/status.html"
    refresh_seconds = 2

    def get(self, request, token):
        if token not in request.session.get(JOBS_KEY, []):
            raise Http404("There is no import of yours with that address.")
        status = import_status_read(token)
        if status is None:
            raise Http404("That import has finished and been cleared away.")
        if status.get("state") == "read":  # read in the background: on to the preview
            return redirect("plans:plan_import_preview", token=token)
        running = status.get("state") not in ("done", "failed")
        return render(
            request,
            self.template_name,
            {
                "status": status,
                "running": running,
                "refresh_seconds": self.refresh_seconds,
                "nav_section": "import",
                "plan_url": Plan(pk=status["plan_id"]).get_absolute_url() if status.get("plan_id") else None,
            },
        )


class PlanPublishView(PlanAccessMixin, View):
    """Admins and the plan's coordinators publish a draft plan, after confirming."""

    template_name = "plans/plan/publish.html"

    def get_plan_to_publish(self):
        plan = self.get_plan()
        if not permissions.coordinates(self.request.user, plan):
            raise PermissionDenied("Only admins and the plan's coordinators can publish it.")
        return plan

    def get(self, request, pk):
        plan = self.get_plan_to_publish()
        return render(request, self.template_name, {"plan": plan, "nav_section": "plans"})

    def post(self, request, pk):
        plan = self.get_plan_to_publish()
        try:
            plan_publish(plan=plan, user=request.user)
        except ValidationError as error:
            messages.info(request, error.messages[0])
        else:
            messages.success(
                request, f"“{plan.title}” is published: its owners see their actions and its board sees it."
            )
        return redirect(plan.get_absolute_url())


class PlanExportXlsxView(ReadOnlyMixin, PlanAccessMixin, View):
    """The plan as a finished Excel workbook, for anyone who can view the plan."""

    def get(self, request, pk):
        plan = self.get_plan()
        response = HttpResponse(
            plan_export_workbook(plan=plan),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        filename = f"{slugify(plan.title) or 'plan'}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
