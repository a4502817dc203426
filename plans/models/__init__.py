"""The plans domain: plans, themes, owners, sources, actions, progress and measures."""

from plans.models.actions import Action, ActionCategory, ActionStatus
from plans.models.importing import StatusLabelMapping
from plans.models.measures import Measure, MeasureDirection, MeasureMilestone, MeasureReading
from plans.models.owners import Owner, PersonRoleMapping
from plans.models.packs import BoardPackDocument, BoardPackKind, BoardPackState
from plans.models.plan import BoardWeek, Plan, PlanStatus, Theme, Weekday
from plans.models.progress import ProgressUpdate
from plans.models.reporting import ActionSnapshot, HighlightReport, PeriodFigures, ReminderLog, ReportingPeriod
from plans.models.round import ActionComment, DueDateChange, ReviewDecision, UpdateReview
from plans.models.sources import Source, SourceParagraph, SourceReference
from plans.rag import Rag

__all__ = [
    "Action",
    "BoardPackDocument",
    "BoardPackKind",
    "BoardPackState",
    "BoardWeek",
    "Weekday",
    "ActionComment",
    "DueDateChange",
    "ReviewDecision",
    "UpdateReview",
    "ActionSnapshot",
    "HighlightReport",
    "PeriodFigures",
    "ReminderLog",
    "ActionCategory",
    "ActionStatus",
    "Measure",
    "MeasureDirection",
    "MeasureMilestone",
    "MeasureReading",
    "Owner",
    "PersonRoleMapping",
    "Plan",
    "PlanStatus",
    "ProgressUpdate",
    "Rag",
    "ReportingPeriod",
    "Source",
    "SourceParagraph",
    "SourceReference",
    "StatusLabelMapping",
    "Theme",
]
