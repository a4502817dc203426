"""Export a plan as JSON-ready data and as a finished Excel workbook that imports back unchanged."""
import datetime
import json

from django.db.models import Prefetch

from improvement.spreadsheets import cell_fill, cell_write, table_finish, table_sheet, workbook_bytes, workbook_new
from plans.categories import category_label
from plans.models import Action, ProgressUpdate, SourceReference, Theme
from plans.rag import RAG_ORDER, Rag, rag_colour

# (header, key in the JSON action, column width)
PLAN_COLUMNS = [
    ("Theme", "theme_label", 24),
    ("Ref", "ref", 8),
    ("Improvement need", "improvement_need", 40),
    ("Action", "action", 50),
    ("Category", "category_label", 16),
    ("Derived from", "sources_text", 18),
    ("Action owner", "owners_text", 30),
    ("Timescale", "timescale", 16),
    ("Due date", "due_date_value", 12),
    ("Expected impact", "expected_impact", 30),
    ("Measures of success", "measures", 30),
    ("Reporting mechanism", "reporting_mechanism", 20),
    ("Output", "output", 20),
    ("Progress RAG", "progress_rag", 12),
    ("Impact RAG", "impact_rag", 12),
    ("Progress to date", "latest_note", 50),
]


def _plan_actions(plan):
    latest = ProgressUpdate.objects.order_by("action_id", "-created_at", "-pk")
    return (
        Action.objects.filter(theme__plan=plan)
        .select_related("theme")
        .prefetch_related(
            Prefetch("source_references", queryset=SourceReference.objects.select_related("source").order_by("position", "pk")),
            Prefetch("updates", queryset=latest, to_attr="updates_newest_first"),
        )
        .order_by("theme__position", "theme__pk", "position", "pk")
    )


JSON_ACTION_KEYS = [
    "theme", "ref", "improvement_need", "action", "category", "owners", "sources", "timescale", "due_date",
    "expected_impact", "measures", "progress_rag", "impact_rag", "latest_note",
]


def plan_export_data(*, plan, complete=False):
    """The plan in the JSON export's shape; plans.services.plan_data reads the same shape back.

    `complete` adds the action fields the JSON export leaves out (reporting mechanism, output),
    which the workbook carries.
    """
    themes = Theme.objects.filter(plan=plan).select_related("lead").order_by("position", "pk")
    owners = {}
    # The order owners were written in is the order of their links.
    links = Action.owners.through.objects.filter(action__theme__plan=plan).select_related("owner").order_by("pk")
    for link in links:
        owners.setdefault(link.action_id, []).append(link.owner.title)
    actions = []
    for action in _plan_actions(plan):
        latest = action.updates_newest_first[0] if action.updates_newest_first else None
        actions.append({
            "theme": action.theme.number,
            "ref": action.ref,
            "improvement_need": action.improvement_need,
            "action": action.action_text,
            "category": action.category,
            "owners": owners.get(action.pk, []),
            "sources": [{"code": ref.source.code, "paragraph": ref.paragraph} for ref in action.source_references.all()],
            "timescale": action.timescale,
            "due_date": action.due_date.isoformat() if action.due_date else None,
            "expected_impact": action.expected_impact,
            "measures": action.measures_of_success,
            "reporting_mechanism": action.reporting_mechanism,
            "output": action.output,
            "progress_rag": Rag(latest.progress_rag).slug if latest and latest.progress_rag else None,
            "impact_rag": Rag(latest.impact_rag).slug if latest and latest.impact_rag else None,
            "latest_note": latest.note if latest else "",
        })
    if not complete:
        actions = [{key: action[key] for key in JSON_ACTION_KEYS} for action in actions]
    return {
        "title": plan.title,
        "organisation": plan.organisation,
        "themes": [
            {
                "number": theme.number,
                "title": theme.title,
                "lead": theme.lead.title if theme.lead else "",
                "objective": theme.objective,
            }
            for theme in themes
        ],
        "actions": actions,
    }


def plan_export_json(*, plan):
    """The plan as the JSON export's text (UTF-8, indented): the download and `export_plan --format json`."""
    return json.dumps(plan_export_data(plan=plan), indent=2, ensure_ascii=False) + "\n"



def plan_export_workbook(*, plan, data=None):
    """Return the plan as .xlsx bytes: one row per action (the RAG cells worded and coloured), the
    themes on their own sheet; each sheet one table under a frozen header row."""
    data = data or plan_export_data(plan=plan, complete=True)
    workbook = workbook_new(
        title=f"{data['title']}: improvement plan",
        description=(f"The improvement plan of {data['organisation']}: every action with its owners, sources, "
                     "timescale, latest progress and impact RAG and note (sheet Plan), and the themes (sheet Themes). "
                     "It imports back unchanged."),
    )
    sheet = table_sheet(workbook, "Plan", [header for header, _key, _width in PLAN_COLUMNS],
                        widths=[width for _header, _key, width in PLAN_COLUMNS], freeze="C2")
    theme_labels = {theme["number"]: f"{theme['number']} – {theme['title']}" for theme in data["themes"]}
    words = {rag.slug: rag for rag in RAG_ORDER}
    for row, action in enumerate(data["actions"], start=2):
        values = dict(action)
        values["theme_label"] = theme_labels.get(action["theme"], action["theme"])
        values["category_label"] = category_label(action["category"])
        values["sources_text"] = " / ".join(f"{s['code']} {s['paragraph']}".strip() for s in action["sources"])
        values["owners_text"] = " / ".join(action["owners"])
        values["due_date_value"] = datetime.date.fromisoformat(action["due_date"]) if action["due_date"] else ""
        for column, (_header, key, _width) in enumerate(PLAN_COLUMNS, start=1):
            value = values.get(key)
            if value in (None, ""):
                continue
            if key in ("progress_rag", "impact_rag"):
                rag = words[value]
                colour = rag_colour(rag)
                cell_fill(cell_write(sheet, row, column, rag.label, wrap=True), fill=colour.fill, text=colour.text)
                continue
            cell_write(sheet, row, column, value, wrap=True)
    table_finish(sheet)

    themes = table_sheet(workbook, "Themes", ["Number", "Title", "Lead", "Objective"], widths=[10, 40, 40, 60])
    for row, theme in enumerate(data["themes"], start=2):
        for column, key in enumerate(["number", "title", "lead", "objective"], start=1):
            if theme.get(key):
                cell_write(themes, row, column, theme[key], wrap=True)
    table_finish(themes)
    return workbook_bytes(workbook)
