"""Import a plan from a council's spreadsheet (.xlsx), or from the product's own JSON export (.json): a thin
wrapper over plans.services.importing and plans.services.plan_data."""

import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from plans.models import Plan, PlanStatus
from plans.permissions import ADMIN
from plans.services.importing import (
    ImportFileError,
    plan_import,
    plan_import_changes,
    plan_import_preview,
    workbook_saved_at,
)
from plans.services.people import people_found, remembered_roles
from plans.services.plan_data import plan_save_from_data
from plans.services.publishing import plan_publish
from plans.services.status_labels import status_labels_for_reading, status_labels_parse, status_labels_remember


class Command(BaseCommand):
    help = (
        "Import a plan from an Excel workbook (.xlsx) as a draft; --update PLAN_ID brings an existing plan up to "
        "date and says what changes; --dry-run reads and reports without writing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="The .xlsx file, or a .json file written by export_plan or the plan page's JSON download."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and report (with --update: every change); write nothing."
        )
        parser.add_argument(
            "--title", default="", help="The plan's title (default: the sheet's title row or the file name)."
        )
        parser.add_argument(
            "--update", type=int, metavar="PLAN_ID", help="Update this existing plan (matched by theme and ref)."
        )
        parser.add_argument(
            "--as",
            "--author",
            dest="as_user",
            default="",
            metavar="USERNAME",
            help="Who the sheet's RAGs and notes are recorded as (progress updates) and who the audit trail names "
            "as importing (default: the first admin; refused when there is none and the sheet holds RAGs).",
        )
        parser.add_argument(
            "--coordinator",
            action="append",
            default=[],
            metavar="USERNAME",
            help="A coordinator of the new plan (repeatable).",
        )
        parser.add_argument(
            "--board",
            action="append",
            default=[],
            metavar="USERNAME",
            help="A board member of the new plan (repeatable).",
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish the new plan at once instead of leaving it a draft."
        )
        parser.add_argument(
            "--status",
            action="append",
            default=[],
            metavar="LABEL=RAG",
            help="Read a status label as this RAG (blue, green, amber, red, grey or none for no rating), for example "
            '--status "Stuck=red" (repeatable). Labels chosen in the import page before are read as chosen there; '
            "a choice given here is remembered for the next import.",
        )

    def progress(self, done, total):
        if not total or total < 1000 or not sys.stderr.isatty():
            return
        width = 30
        filled = int(width * min(done, total) / total)
        sys.stderr.write(f"\rReading rows [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def handle(self, *args, path, dry_run, title, update, as_user, coordinator, board, publish, status=(), **options):
        if Path(path).suffix.lower() == ".json":
            return self.handle_json(path=path, dry_run=dry_run, title=title, update=update, as_user=as_user)
        try:
            statuses = status_labels_parse(status)
        except ValueError as error:
            raise CommandError(f"{error} Nothing was written.") from None
        try:
            parsed = plan_import_preview(
                source=path,
                name=path,
                title=title,
                progress=self.progress,
                statuses=status_labels_for_reading(statuses),
            )
        except ImportFileError as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(
            f"{parsed.title}: {len(parsed.themes)} themes, {len(parsed.actions)} actions, {len(parsed.warnings)} warnings "
            f"(sheet “{parsed.sheet}”, header on row {parsed.header_row})."
        )
        for line in parsed.report_lines() if hasattr(parsed, "report_lines") else []:
            self.stdout.write(f"  {line}")
        for warning in parsed.warnings:
            self.stdout.write(self.style.WARNING(f"  row {warning.row}: {warning.message}"))
        unread = sorted({item["label"] for item in getattr(parsed, "unmapped_statuses", [])})
        if unread:
            self.stdout.write(
                self.style.WARNING(
                    f"  {len(unread)} status label(s) could not be read as a RAG and are left empty: "
                    f'{", ".join(f"“{label}”" for label in unread)}. Say what each means with --status "LABEL=RAG".'
                )
            )
        people = people_found(parsed)
        for name, role in remembered_roles(people).items():
            self.stdout.write(f"  “{name}” is taken as the role “{role}”, as an admin chose before.")
        plan = None
        if update:
            plan = Plan.objects.filter(pk=update).first()
            if plan is None:
                raise CommandError(f"There is no plan {update}.")
        elif not dry_run:
            same = Plan.objects.filter(title__iexact=title or parsed.title).first()
            if same is not None:
                raise CommandError(
                    f"A plan called “{same.title}” already exists (id {same.pk}). Use --update {same.pk} to bring it "
                    f"up to date from this file, or --title to import it as a new plan."
                )
        saved_at = workbook_saved_at(path, default=timezone.now())
        if plan is not None:
            self.report_changes(plan_import_changes(parsed=parsed, plan=plan, as_of=saved_at), plan)
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        user = self.user(as_user, rags=sum(1 for action in parsed.actions if action.progress_rag))
        coordinators = [self.named(username) for username in coordinator]
        board_members = [self.named(username) for username in board]
        result = plan_import(
            parsed=parsed,
            author=None,
            rags_as=user,
            plan=plan,
            title=title,
            name=Path(path).name,
            as_of=saved_at,
            coordinators=coordinators,
            board_members=board_members,
        )
        saved = result.saved
        if statuses:
            status_labels_remember(choices=statuses, author=user)
        verb = "Created" if saved.created else "Updated"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} plan {saved.plan.pk} “{saved.plan.title}”: {saved.themes_created} themes added, "
                f"{saved.actions_created} actions added, {saved.actions_updated} changed, {saved.actions_unchanged} unchanged, "
                f"{saved.updates_created} progress updates recorded."
            )
        )
        for change in saved.conflicts:
            self.stdout.write(self.style.WARNING(self.conflict_text(change)))
        for action in saved.actions_not_in_file:
            self.stdout.write(
                self.style.WARNING(f"  not in the file (kept, with its history): {action.ref} {action.short_text}")
            )
        if saved.created and publish:
            plan_publish(plan=saved.plan, user=user)
            self.stdout.write("Published: the plan is now in its owners' My actions and on its board's lists.")
        elif saved.plan.status == PlanStatus.DRAFT:
            self.stdout.write(
                "The plan is a draft: only admins and its coordinators see it until it is published (its page has a "
                "Publish button; or run again with --publish)."
            )

    def handle_json(self, *, path, dry_run, title, update, as_user):
        """A plan in the JSON export's shape: created as a new plan (a draft), or --update brings a plan up to date."""
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except OSError as error:
            raise CommandError(f"{path}: the file could not be opened: {error.strerror}.") from None
        except (UnicodeDecodeError, ValueError):
            raise CommandError(
                f"{path}: this is not a JSON plan export (the file is not valid JSON). Nothing was written."
            ) from None
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("actions"), list)
            or not isinstance(data.get("themes", []), list)
        ):
            raise CommandError(
                f"{path}: this is not a JSON plan export (it has no list of actions). Nothing was written."
            )
        if title:
            data["title"] = title
        plan = None
        if update:
            plan = Plan.objects.filter(pk=update).first()
            if plan is None:
                raise CommandError(f"There is no plan {update}.")
        self.stdout.write(
            f"{data.get('title') or '(no title)'}: {len(data.get('themes', []))} themes, {len(data['actions'])} actions."
        )
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        user = self.user(
            as_user,
            rags=sum(1 for action in data["actions"] if isinstance(action, dict) and action.get("progress_rag")),
        )
        try:
            saved = plan_save_from_data(
                data=data,
                plan=plan,
                author=user,
                reason=f"Import of {Path(path).name}",
                status=None if plan else PlanStatus.DRAFT,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise CommandError(
                f"{path}: the JSON does not hold a plan as export_plan writes it ({error}). Nothing was written."
            ) from None
        verb = "Created" if saved.created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} plan {saved.plan.pk} “{saved.plan.title}”."))

    def report_changes(self, changes, plan):
        self.stdout.write(
            f"As a newer version of plan {plan.pk} “{plan.title}”: {len(changes.added)} actions to add, "
            f"{len(changes.changed)} to change, {len(changes.unchanged)} unchanged, {len(changes.not_in_file)} not in the file "
            f"(kept), {changes.updates_to_record} progress updates to record, {len(changes.conflicts)} conflicts."
        )
        for change in changes.added:
            self.stdout.write(f"  add {change.theme}/{change.ref or '(no ref)'}: {change.short_text}")
        for change in changes.changed:
            self.stdout.write(f"  change {change.theme}/{change.ref or '(no ref)'}:")
            for field_change in change.changes:
                self.stdout.write(f"    {field_change.label}: {field_change.before} → {field_change.after}")
        for change in changes.conflicts:
            self.stdout.write(self.style.WARNING(self.conflict_text(change)))

    def conflict_text(self, change):
        conflict = change.conflict
        update = conflict.update
        return (
            f"  conflict {change.theme}/{change.ref or '(no ref)'}: the sheet says {conflict.sheet_progress_rag.label}, but "
            f"{update.author} recorded {update.get_progress_rag_display()} on {timezone.localtime(update.created_at):%d %b %Y %H:%M}, "
            f"after the sheet was saved: the sheet's RAG is skipped."
        )

    def named(self, username):
        user = get_user_model().objects.filter(is_active=True, username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username}.")
        return user

    def user(self, username, *, rags):
        if username:
            return self.named(username)
        users = get_user_model().objects.filter(is_active=True)
        user = users.filter(Q(is_superuser=True) | Q(groups__name=ADMIN)).order_by("pk").first()
        if user is None:
            if rags:
                raise CommandError(
                    f"The sheet holds {rags} RAG ratings, and there is no admin account to record them as. "
                    f"Name the person they are recorded as with --as USERNAME. Nothing was written."
                )
            self.stdout.write("No admin account: the import is recorded in the audit trail without a user.")
            return None
        self.stdout.write(
            f"The sheet's RAGs and notes are recorded as {user.username} (choose someone else with --as USERNAME)."
        )
        return user
