"""Import a plan from a council's spreadsheet: read (plans.importing) → clean → save in one transaction.

A new plan starts as a draft (seen by admins and its coordinators until it is published); a
re-import changes only what differs, and every change is in the audit trail as "Import of <file>",
attributed to the importing admin. A RAG in the sheet never overrides an update someone recorded
in the product after the sheet was last saved (its modified date, else the upload time): it is reported
as a conflict and skipped.
"""

import datetime
import re
import zipfile
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException, ElementTree
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from improvement.bulk import cycles_collected_after
from plans import permissions
from plans.importing.files import ImportFileError
from plans.importing.reading import ParsedPlan, read_plan_workbook
from plans.models import PlanStatus
from plans.services.people import people_found, people_mapping_apply, people_mappings_remember
from plans.services.plan_data import PlanSaveResult, history_reason, plan_changes, plan_save_from_data

__all__ = [
    "ImportFileError",
    "ImportResult",
    "plan_import",
    "plan_import_changes",
    "plan_import_preview",
    "workbook_saved_at",
]


@dataclass
class ImportResult:
    parsed: ParsedPlan
    saved: PlanSaveResult | None = None
    warnings: list = field(default_factory=list)

    @property
    def plan(self):
        return self.saved.plan if self.saved else None


def plan_import_preview(*, source, name="", mapping=None, title="", progress=None, statuses=None):
    """Read a workbook without writing anything; raise ImportFileError if it cannot be read.
    `statuses` reads status labels as an admin chose (plans.services.status_labels)."""
    return read_plan_workbook(source, name=name, mapping=mapping, title=title, progress=progress, statuses=statuses)


_MODIFIED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?")


def workbook_saved_at(source, default=None):
    """When the workbook was last saved, from its properties (docProps/core.xml, dcterms:modified);
    `default` when it does not say. Read from the zip directly: no second pass over the sheets."""
    try:
        if hasattr(source, "seek"):
            source.seek(0)
        with zipfile.ZipFile(source) as archive:
            with archive.open("docProps/core.xml") as handle:
                root = ElementTree.fromstring(handle.read(64 * 1024))
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError, DefusedXmlException):
        return default
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    for element in root:
        if element.tag.endswith("}modified") and element.text:
            match = _MODIFIED.match(element.text.strip())
            if match:
                parts = [int(part) if part else 0 for part in match.groups()]
                try:
                    return datetime.datetime(*parts, tzinfo=datetime.UTC)
                except ValueError:
                    return default
    return default


def plan_import_changes(*, parsed, plan, as_of=None, people=None):
    """What importing `parsed` over `plan` would change, action by action, writing nothing."""
    data = people_mapping_apply(data=parsed.as_data(copy=False), choices=people)
    return plan_changes(plan=plan, data=data, as_of=as_of)


def plan_import(
    *,
    parsed,
    author,
    plan=None,
    title="",
    name="",
    as_of=None,
    coordinators=(),
    board_members=(),
    people=None,
    rags_as=None,
    progress=None,
):
    """Write a read plan: a new draft plan, or a newer version of `plan` (actions matched by theme and ref).

    Everything is written in one transaction; progress updates are never changed or removed.
    `author` is the importing admin (named on the audit trail); the sheet's RAGs are recorded as
    `rags_as` (default: the author). `people` maps people found in the file to owner roles
    ({name: role title}); the choices are remembered for the next import.
    """
    if author is not None and not permissions.is_admin(author):
        raise PermissionDenied("Only admins can import plans.")
    data = people_mapping_apply(data=parsed.as_data(copy=False), choices=people)
    if title:
        data["title"] = title
    as_of = as_of or timezone.now()
    with cycles_collected_after(), transaction.atomic():
        saved = plan_save_from_data(
            data=data,
            plan=plan,
            author=rags_as or author,
            history_user=author,
            reason=history_reason(name or parsed.title),
            as_of=as_of,
            status=PlanStatus.DRAFT,
            progress=progress,
            source_name=name or "spreadsheet",
        )
        if not saved.created and title and saved.plan.title != title[:300]:
            # The title typed at the import is the plan's title, on an update too.
            saved.plan.title = title[:300]
            saved.plan._history_user = author
            saved.plan._change_reason = history_reason(name or parsed.title)
            saved.plan.save(update_fields=["title"])
        if saved.created:
            saved.plan._history_user = author
            saved.plan._change_reason = history_reason(name or parsed.title)
            if coordinators:
                saved.plan.coordinators.set(coordinators)
            if board_members:
                saved.plan.board_members.set(board_members)
        if people:
            people_mappings_remember(choices=people, author=author)
    return ImportResult(parsed=parsed, saved=saved, warnings=parsed.warnings)


def import_summary(saved):
    """What an import did, in one paragraph (the page's message and the status page say it)."""
    summary = (
        f"{'Imported' if saved.created else 'Updated'} “{saved.plan.title}”"
        f"{' as a draft' if saved.created else ''}: {saved.actions_created} actions added, "
        f"{saved.actions_updated} changed, {saved.actions_unchanged} unchanged, {saved.updates_created} progress updates recorded."
    )
    if saved.conflicts:
        refs = ", ".join(change.ref or "(no ref)" for change in saved.conflicts[:20])
        summary += (
            f" {len(saved.conflicts)} RAG ratings in the file were skipped: an update was recorded here after the "
            f"file was saved ({refs})."
        )
    if saved.actions_not_in_file:
        refs = ", ".join(a.ref or "(no ref)" for a in saved.actions_not_in_file[:20])
        summary += (
            f" {len(saved.actions_not_in_file)} actions were not in the file and were kept with their history: {refs}."
        )
    return summary


__all__ += ["import_summary", "people_found"]
