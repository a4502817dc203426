"""Import a plan from a council's spreadsheet (.xlsx): a thin wrapper over plans.services.importing."""
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from plans.models import Plan
from plans.permissions import ADMIN
from plans.services.importing import ImportFileError, plan_import, plan_import_preview


class Command(BaseCommand):
    help = "Import a plan from an Excel workbook (.xlsx); --dry-run reads and reports without writing."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Read and report; write nothing.")
        parser.add_argument("--title", default="", help="The plan's title (default: the sheet's title row or the file name).")
        parser.add_argument("--update", type=int, metavar="PLAN_ID", help="Update this existing plan (matched by theme and ref).")
        parser.add_argument("--author", default="", help="Username recorded on the progress updates read from the sheet (default: the first admin).")

    def progress(self, done, total):
        if not total or total < 1000 or not sys.stderr.isatty():
            return
        width = 30
        filled = int(width * min(done, total) / total)
        sys.stderr.write(f"\rReading rows [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def handle(self, *args, path, dry_run, title, update, author, **options):
        try:
            parsed = plan_import_preview(source=path, name=path, title=title, progress=self.progress)
        except ImportFileError as error:
            raise CommandError(f"{path}: {error}")
        self.stdout.write(f"{parsed.title}: {len(parsed.themes)} themes, {len(parsed.actions)} actions, {len(parsed.warnings)} warnings "
                          f"(sheet “{parsed.sheet}”, header on row {parsed.header_row}).")
        for warning in parsed.warnings:
            self.stdout.write(self.style.WARNING(f"  row {warning.row}: {warning.message}"))
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        plan = None
        if update:
            plan = Plan.objects.filter(pk=update).first()
            if plan is None:
                raise CommandError(f"There is no plan {update}.")
        else:
            same = Plan.objects.filter(title__iexact=title or parsed.title).first()
            if same is not None:
                raise CommandError(
                    f"A plan called “{same.title}” already exists (id {same.pk}). Use --update {same.pk} to bring it "
                    f"up to date from this file, or --title to import it as a new plan."
                )
        result = plan_import(parsed=parsed, author=self.author(author), plan=plan, title=title)
        saved = result.saved
        verb = "Created" if saved.created else "Updated"
        self.stdout.write(self.style.SUCCESS(
            f"{verb} plan {saved.plan.pk} “{saved.plan.title}”: {saved.themes_created} themes added, "
            f"{saved.actions_created} actions added, {saved.actions_updated} updated, "
            f"{saved.updates_created} progress updates recorded."
        ))
        for action in saved.actions_not_in_file:
            self.stdout.write(self.style.WARNING(f"  not in the file (kept, with its history): {action.ref} {action.short_text}"))

    def author(self, username):
        users = get_user_model().objects.filter(is_active=True)
        if username:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(f"There is no user {username}.")
            return user
        user = users.filter(Q(is_superuser=True) | Q(groups__name=ADMIN)).order_by("pk").first()
        if user is None:
            self.stdout.write(self.style.WARNING("No admin account found: RAGs and notes in the sheet were not recorded as progress updates."))
        return user
