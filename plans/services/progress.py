"""Writes of the monthly round: "no change" updates, coordinators' reviews, comments and replies.

Progress updates stay append-only: "no change since last month" is a new dated, authored update
copying the RAGs of the latest one; a review or a comment is its own row, never an edit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from plans import permissions
from plans.forms.progress import without_invisible_characters
from plans.models import ActionComment, ProgressUpdate, ReviewDecision, UpdateReview
from plans.services.actions import progress_update_record

COMMENT_MAX_LENGTH = 5_000


def _text(value, *, field, missing, label):
    text = without_invisible_characters(value or "").strip()
    if not text:
        raise ValidationError({field: missing})
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError({field: f"{label} must be 5,000 characters or fewer"})
    if "\x00" in text:
        raise ValidationError({field: f"{label} must not contain hidden control characters (NUL)"})
    return text


def progress_update_no_change(*, action, author, note, created_at=None, period=None):
    """Report "no change since last month": a new update copying the latest update's RAGs, with a
    short note. Refused when the action has no update yet (there is nothing to repeat)."""
    note = _text(note, field="note", missing="Enter a short note saying why nothing has changed", label="Note")
    latest = ProgressUpdate.objects.filter(action=action).order_by("-created_at", "-pk").first()
    if latest is None:
        raise ValidationError("This action has no earlier update to repeat: record its progress instead")
    recorded = progress_update_record(
        action=action,
        author=author,
        progress_rag=latest.progress_rag,
        impact_rag=latest.impact_rag,
        note=note,
        evidence_links="",
        created_at=created_at,
        no_change=True,
        period=period,
    )
    return recorded


def update_review(*, update, reviewer, decision, comment="", now=None):
    """A coordinator of the update's plan accepts it, or challenges it with a comment."""
    plan = update.action.theme.plan
    if not permissions.coordinates(reviewer, plan):
        raise PermissionDenied("Only the plan's coordinators review its updates.")
    if decision not in ReviewDecision.values:
        raise ValidationError({"decision": "Choose to accept or challenge the update"})
    comment = without_invisible_characters(comment or "").strip()
    if decision == ReviewDecision.CHALLENGED and not comment:
        raise ValidationError(
            {"comment": "Say why you challenge the update, for example “Green, but the audit says otherwise”"}
        )
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ValidationError({"comment": "Comment must be 5,000 characters or fewer"})
    if update.period_id and update.period.closed:
        raise ValidationError(f"{update.period.label} is closed: its updates are what the board read")
    with transaction.atomic():
        return UpdateReview.objects.create(
            update=update, reviewer=reviewer, decision=decision, comment=comment, created_at=now or timezone.now()
        )


def action_comment_add(*, action, author, text, review=None, now=None):
    """Anyone who may read the action comments on it; a reply to a challenge names the review.
    A comment never changes a RAG."""
    if not permissions.can_view_plan(author, action.theme.plan):
        raise PermissionDenied("You do not have access to this plan.")
    if action.theme.plan.status == "archived":
        raise PermissionDenied("This plan is archived and read-only.")
    if review is not None and (review.update.action_id != action.pk or not review.is_challenge):
        raise ValidationError("That challenge is not about this action")
    text = _text(text, field="text", missing="Enter your comment", label="Comment")
    with transaction.atomic():
        return ActionComment.objects.create(
            action=action, author=author, text=text, review=review, created_at=now or timezone.now()
        )
