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
from plans.forms.importing import ImportOptionsForm, PlanUploadForm
from plans.forms.import_setup import ImportSetupForm
from plans.importing.files import ImportFileError, check_workbook_file
from plans.models import Plan
from plans.services.exporting import plan_export_workbook
from plans.services.import_jobs import (
    import_files_forget,
    import_folder,
    import_status_read,
    import_status_write,
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
                parsed = None if large else plan_import_preview(source=upload, name=upload.name)
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
                    "name": upload.name, "title": parsed.title if parsed else "", "mapping": None, "plan": None,
                    "uploaded_at": timezone.now().isoformat(),
                }
                request.session[SESSION_KEY] = imports
                if parsed is None:  # a long read: in the background, with its progress shown
                    import_status_write(token, state="queued", name=upload.name, rows_read=0)
                    jobs = request.session.get(JOBS_KEY, [])
                    request.session[JOBS_KEY] = [*jobs[-4:], token]
                    plan_import_read.enqueue(token=token, name=upload.name)
                    return redirect("plans:plan_import_status", token=token)
                parsed_save(token, parsed_key(None, parsed.title), parsed)
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

    def read(self, entry, path, token):
        """The upload as read with the entry's mapping and title: kept from the last reading when there is one."""
        key = parsed_key(entry.get("mapping"), entry.get("title") or "")
        parsed = parsed_load(token, key)
        if parsed is None:
            mapping = {int(k): v for k, v in entry["mapping"].items()} if entry.get("mapping") else None
            parsed = plan_import_preview(source=path, name=entry["name"], mapping=mapping, title=entry.get("title") or "")
            parsed_save(token, key, parsed)
        return parsed

    def render_preview(self, entry, path, parsed, form, setup, status=200):
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
        return render(self.request, self.template_name, {
            "update_plan": plan,
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
            "large_sheet": rows > large_sheet_rows(),
            "in_background": rows > background_rows(),
            "actions": parsed.actions[:PREVIEW_ACTIONS],
            "more_actions": max(0, len(parsed.actions) - PREVIEW_ACTIONS),
            "theme_titles": {theme.number: theme.title for theme in parsed.themes},
        }, status=status)

    def options_form(self, entry, parsed, data=None):
        plan = entry.get("plan")
        if plan is None and not entry.get("mapping"):
            # A file whose title matches a plan here is most likely a newer version of it.
            plan = Plan.objects.filter(title__iexact=parsed.title).values_list("pk", flat=True).first()
        initial = {"title": entry.get("title") or parsed.title, "plan": plan}
        return ImportOptionsForm(data, headers=parsed.headers, mapping=parsed.mapping, columns=parsed.columns, initial=initial)

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
        return self.render_preview(entry, path, parsed, self.options_form(entry, parsed), self.setup_form(entry, parsed))

    def post(self, request, token):
        entry, path = self.load(token)
        parsed = self.read(entry, path, token)
        form = self.options_form(entry, parsed, data=request.POST)
        setup = self.setup_form(entry, parsed, data=request.POST)
        if not (form.is_valid() & setup.is_valid()):
            return self.render_preview(entry, path, parsed, form, setup, status=400)
        mapping = form.mapping()
        if mapping == parsed.mapping and form.cleaned_data["title"] != parsed.title:
            # A new title needs no second reading (a long one for a large file).
            entry = {**entry, "title": form.cleaned_data["title"]}
            parsed.title = form.cleaned_data["title"]
            parsed_save(token, parsed_key(entry.get("mapping"), entry["title"]), parsed)
        elif mapping != parsed.mapping:
            changed = {**entry, "mapping": {str(k): v for k, v in mapping.items()}, "title": form.cleaned_data["title"]}
            try:
                parsed = self.read(changed, path, token)
            except ImportFileError as error:
                form.add_error(None, str(error))
                return self.render_preview(entry, path, parsed, form, setup, status=400)
            entry = changed
        plan = form.cleaned_data["plan"]
        entry["plan"] = plan.pk if plan else None
        entry["coordinators"] = [user.pk for user in setup.cleaned_data["coordinators"]]
        entry["board_members"] = [user.pk for user in setup.cleaned_data["board_members"]]
        entry["people"] = setup.people_choices()
        imports = request.session.get(SESSION_KEY, {})
        if request.POST.get("confirm") != "yes":
            imports[token] = entry
            request.session[SESSION_KEY] = imports
            return redirect("plans:plan_import_preview", token=token)
        saved_at = _saved_at(entry, path)
        imports.pop(token, None)
        request.session[SESSION_KEY] = imports
        if (getattr(parsed, "rows_read", 0) or 0) > background_rows():
            return self.start_in_background(token, entry, saved_at)
        result = plan_import(
            parsed=parsed, author=request.user, plan=plan, title=form.cleaned_data["title"], name=entry["name"],
            as_of=saved_at, coordinators=setup.cleaned_data["coordinators"], board_members=setup.cleaned_data["board_members"],
            people=entry["people"],
        )
        import_files_forget(token)
        messages.success(request, import_summary(result.saved))
        return redirect(result.saved.plan.get_absolute_url())

    def start_in_background(self, token, entry, saved_at):
        import_status_write(token, state="queued", name=entry["name"], rows_read=0)
        jobs = self.request.session.get(JOBS_KEY, [])
        self.request.session[JOBS_KEY] = [*jobs[-4:], token]
        plan_import_run.enqueue(
            token=token, user_id=self.request.user.pk, name=entry["name"], mapping=entry.get("mapping"),
            title=entry.get("title") or "", plan_id=entry.get("plan"), as_of=saved_at.isoformat(),
            coordinators=entry["coordinators"], board_members=entry["board_members"], people=entry["people"],
        )
        return redirect("plans:plan_import_status", token=token)


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
        return render(request, self.template_name, {
            "status": status, "running": running, "refresh_seconds": self.refresh_seconds, "nav_section": "import",
            "plan_url": Plan(pk=status["plan_id"]).get_absolute_url() if status.get("plan_id") else None,
        })


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
            messages.success(request, f"“{plan.title}” is published: its owners see their actions and its board sees it.")
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
