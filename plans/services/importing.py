"""Import a plan from a council's spreadsheet: read (plans.importing) → clean → save in one transaction."""
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction

from plans import permissions
from plans.importing.files import ImportFileError
from plans.importing.reading import ParsedPlan, read_plan_workbook
from plans.services.plan_data import PlanSaveResult, plan_save_from_data

__all__ = ["ImportFileError", "ImportResult", "plan_import", "plan_import_preview"]


@dataclass
class ImportResult:
    parsed: ParsedPlan
    saved: PlanSaveResult | None = None
    warnings: list = field(default_factory=list)

    @property
    def plan(self):
        return self.saved.plan if self.saved else None


def plan_import_preview(*, source, name="", mapping=None, title="", progress=None):
    """Read a workbook without writing anything; raise ImportFileError if it cannot be read."""
    return read_plan_workbook(source, name=name, mapping=mapping, title=title, progress=progress)


def plan_import(*, parsed, author, plan=None, title=""):
    """Write a read plan: a new plan, or a newer version of `plan` (actions matched by theme and ref).

    Everything is written in one transaction; progress updates are never changed or removed.
    """
    if author is not None and not permissions.is_admin(author):
        raise PermissionDenied("Only admins can import plans.")
    data = parsed.as_data()
    if title:
        data["title"] = title
    with transaction.atomic():
        saved = plan_save_from_data(data=data, plan=plan, author=author)
    return ImportResult(parsed=parsed, saved=saved, warnings=parsed.warnings)
