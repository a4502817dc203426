"""The audits domain: programmes, standards, cases, judgements, learning, graded audits."""

from audits.models.graded import Grade, GradedAuditItem, GradedAuditKind
from audits.models.judgements import Judgement, JudgementResult, JudgementRevision, JudgementStatus
from audits.models.learning import LearningEvent, LearningEventAttendance, Lesson
from audits.models.programme import (
    Agency,
    AgencyMembership,
    AuditCase,
    AuditPriority,
    AuditProgramme,
    KeyLineOfEnquiry,
    ProgrammeStatus,
    Standard,
)

__all__ = [
    "Agency",
    "AgencyMembership",
    "AuditCase",
    "AuditPriority",
    "AuditProgramme",
    "Grade",
    "GradedAuditItem",
    "GradedAuditKind",
    "Judgement",
    "JudgementResult",
    "JudgementRevision",
    "JudgementStatus",
    "KeyLineOfEnquiry",
    "LearningEvent",
    "LearningEventAttendance",
    "Lesson",
    "ProgrammeStatus",
    "Standard",
]
