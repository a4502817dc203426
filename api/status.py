"""The status of a plan's actions in a period, as the data feed gives it: the ONE place the API reads it.

Today it reads plans.selectors_reporting.status_rows (live rows for an open period, the frozen snapshot for
a closed one). When plans/selectors/status.py's `status_rows(*, plan, period, as_of)` lands, only this
function changes; every endpoint and test reads the rows through it.
"""
from plans.models import Action
from plans.rag import rag_from_value
from plans.selectors_reporting import status_rows

FIELDS = (
    "row_action_id", "ref", "t_number", "t_title", "due_date", "status", "progress_rag", "impact_rag",
    "previous_progress_rag", "note", "latest_update_at", "is_overdue", "is_stale",
)


def _slug(value):
    rag = rag_from_value(value or "")
    return rag.slug if rag else None


def period_status_rows(*, plan, period):
    """One dict per action as reported for `period`, in plan order, in two queries (rows, then owners)."""
    fields = (*FIELDS, "owner_titles") if period.closed else FIELDS
    rows = list(status_rows(plan=plan, period=period).order_by("t_position", "position", "pk").values(*fields))
    if period.closed:
        owners = {row["row_action_id"]: [t for t in row["owner_titles"].split("; ") if t] for row in rows}
    else:
        owners = {}
        for action_id, title in (
            Action.owners.through.objects.filter(action__theme__plan=plan).order_by("pk")
            .values_list("action_id", "owner__title")
        ):
            owners.setdefault(action_id, []).append(title)
    return [
        {
            "plan": plan.pk,
            "period": period.pk,
            "month": period.slug,
            "action": row["row_action_id"],
            "ref": row["ref"],
            "theme_number": row["t_number"],
            "theme_title": row["t_title"],
            "owners": owners.get(row["row_action_id"], []),
            "due_date": row["due_date"],
            "action_status": row["status"],
            "progress_rag": _slug(row["progress_rag"]),
            "impact_rag": _slug(row["impact_rag"]),
            "previous_progress_rag": _slug(row["previous_progress_rag"]),
            "note": row["note"] or "",
            "latest_update_at": row["latest_update_at"],
            "is_overdue": bool(row["is_overdue"]),
            "is_stale": bool(row["is_stale"]),
        }
        for row in rows
    ]
