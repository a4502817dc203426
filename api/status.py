"""The status of a plan's actions in a period, as the data feed gives it: the one place the API reads it,
from the single status read model (plans.selectors.status.status_rows: live rows for an open period,
the frozen snapshot for a closed one).
"""

from plans.selectors.status import status_rows


def _slug(rag):
    return rag.slug if rag else None


def period_status_rows(*, plan, period):
    """One dict per action as reported for `period`, in plan order."""
    return [
        {
            "plan": plan.pk,
            "period": period.pk,
            "month": period.slug,
            "action": row.action_id,
            "ref": row.ref,
            "theme_number": row.theme_number,
            "theme_title": row.theme_title,
            "owners": [title for _key, title in row.owner_keys],
            "due_date": row.due_date,
            "action_status": row.status,
            "progress_rag": _slug(row.progress_rag),
            "impact_rag": _slug(row.impact_rag),
            "previous_progress_rag": _slug(row.previous_progress_rag),
            "note": row.note or "",
            "latest_update_at": row.latest_update_at,
            "is_overdue": bool(row.is_overdue),
            "is_stale": bool(row.is_stale),
        }
        for row in status_rows(plan=plan, period=period)
    ]
