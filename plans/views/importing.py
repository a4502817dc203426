"""Admins import a plan from a spreadsheet: upload → preview (mapping, themes, actions, warnings) → confirm.

The uploaded file waits in MEDIA_ROOT/imports under a random name that only the uploading
session knows; nothing is written to the database until the admin confirms.
"""
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views import View

from plans import permissions
from plans.models import Plan
from plans.import_forms import ImportOptionsForm, PlanUploadForm
from plans.importing.files import ImportFileError, check_workbook_file
from plans.services.exporting import plan_export_workbook
from plans.services.importing import plan_import, plan_import_preview
from plans.services.plan_data import plan_update_preview
from plans.views.progress import PlanAccessMixin, ReadOnlyMixin

SESSION_KEY = "plan_imports"
PREVIEW_ACTIONS = 300
KEEP_UPLOADS_SECONDS = 24 * 3600


def import_folder():
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _forget_old_uploads(folder):
    cutoff = time.time() - KEEP_UPLOADS_SECONDS
    for path in folder.glob("*.xlsx"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


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
                parsed = plan_import_preview(source=upload, name=upload.name)
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
                imports[token] = {"name": upload.name, "title": parsed.title, "mapping": None, "plan": None}
                request.session[SESSION_KEY] = imports
                return redirect("plans:plan_import_preview", token=token)
        return render(request, self.template_name, {"form": form, "nav_section": "import"}, status=400)


class PlanImportPreviewView(AdminOnlyMixin, View):
    template_name = "plans/import/preview.html"

    def load(self, token):
        entry = self.request.session.get(SESSION_KEY, {}).get(token)
        path = import_folder() / f"{token}.xlsx"
        if entry is None or not path.exists():
            raise Http404("That upload has expired: upload the file again.")
        return entry, path

    def read(self, entry, path):
        mapping = {int(k): v for k, v in entry["mapping"].items()} if entry.get("mapping") else None
        return plan_import_preview(source=path, name=entry["name"], mapping=mapping, title=entry.get("title") or "")

    def render_preview(self, entry, parsed, form, status=200):
        plan_pk = form.initial.get("plan") or entry.get("plan")
        plan = Plan.objects.filter(pk=plan_pk).first() if plan_pk else None
        update = plan_update_preview(plan=plan, data=parsed.as_data()) if plan else None
        return render(self.request, self.template_name, {
            "update_plan": plan,
            "update": update,
            "nav_section": "import",
            "entry": entry,
            "parsed": parsed,
            "form": form,
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

    def get(self, request, token):
        entry, path = self.load(token)
        try:
            parsed = self.read(entry, path)
        except ImportFileError as error:
            messages.error(request, str(error))
            return redirect("plans:plan_import")
        return self.render_preview(entry, parsed, self.options_form(entry, parsed))

    def post(self, request, token):
        entry, path = self.load(token)
        parsed = self.read(entry, path)
        form = self.options_form(entry, parsed, data=request.POST)
        if not form.is_valid():
            return self.render_preview(entry, parsed, form, status=400)
        mapping = form.mapping()
        if mapping != parsed.mapping or form.cleaned_data["title"] != parsed.title:
            changed = {**entry, "mapping": {str(k): v for k, v in mapping.items()}, "title": form.cleaned_data["title"]}
            try:
                parsed = self.read(changed, path)
            except ImportFileError as error:
                form.add_error(None, str(error))
                return self.render_preview(entry, parsed, form, status=400)
            entry = changed
        plan = form.cleaned_data["plan"]
        entry["plan"] = plan.pk if plan else None
        imports = request.session.get(SESSION_KEY, {})
        if request.POST.get("confirm") != "yes":
            imports[token] = entry
            request.session[SESSION_KEY] = imports
            return redirect("plans:plan_import_preview", token=token)
        result = plan_import(parsed=parsed, author=request.user, plan=plan, title=form.cleaned_data["title"])
        imports.pop(token, None)
        request.session[SESSION_KEY] = imports
        path.unlink(missing_ok=True)
        saved = result.saved
        summary = (
            f"{'Imported' if saved.created else 'Updated'} “{saved.plan.title}”: {saved.actions_created} actions added, "
            f"{saved.actions_updated} updated, {saved.updates_created} progress updates recorded."
        )
        if saved.actions_not_in_file:
            refs = ", ".join(a.ref or "(no ref)" for a in saved.actions_not_in_file[:20])
            summary += f" {len(saved.actions_not_in_file)} actions were not in the file and were kept with their history: {refs}."
        messages.success(request, summary)
        return redirect(saved.plan.get_absolute_url())


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
