"""Export a plan as JSON-ready data and as a finished Excel workbook that imports back unchanged."""
import datetime
import io
import json

from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from plans.models import Action, ProgressUpdate, SourceReference, Theme
from plans.rag import Rag

# The fill each RAG word is shown on, with a text colour that reads on it (WCAG contrast).
RAG_FILLS = {
    Rag.BLUE: ("1D70B8", "FFFFFF"),
    Rag.GREEN: ("00703C", "FFFFFF"),
    Rag.AMBER: ("FFDD00", "0B0C0C"),
    Rag.RED: ("D4351C", "FFFFFF"),
    Rag.GREY: ("B1B4B6", "0B0C0C"),
}
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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def _write(sheet, row, column, value):
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # text, not a formula, whatever it starts with
        cell.quotePrefix = True
    return cell


def plan_export_workbook(*, plan, data=None):
    """Return the plan as .xlsx bytes: one row per action, RAG cells coloured and worded."""
    data = data or plan_export_data(plan=plan, complete=True)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Plan"
    theme_labels = {theme["number"]: f"{theme['number']} – {theme['title']}" for theme in data["themes"]}
    header_font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, (header, _key, width) in enumerate(PLAN_COLUMNS, start=1):
        cell = _write(sheet, 1, column, header)
        cell.font = header_font
        cell.alignment = wrap
        sheet.column_dimensions[get_column_letter(column)].width = width
    fills = {rag.slug: (PatternFill("solid", fgColor=fill), Font(color=text, bold=True), rag.label) for rag, (fill, text) in RAG_FILLS.items()}
    for row, action in enumerate(data["actions"], start=2):
        values = dict(action)
        values["theme_label"] = theme_labels.get(action["theme"], action["theme"])
        values["category_label"] = {"business_fundamental": "Business fundamental", "change_priority": "Change priority"}.get(action["category"], "")
        values["sources_text"] = " / ".join(f"{s['code']} {s['paragraph']}".strip() for s in action["sources"])
        values["owners_text"] = " / ".join(action["owners"])
        values["due_date_value"] = datetime.date.fromisoformat(action["due_date"]) if action["due_date"] else ""
        for column, (_header, key, _width) in enumerate(PLAN_COLUMNS, start=1):
            value = values.get(key)
            if key in ("progress_rag", "impact_rag"):
                if value:
                    fill, font, word = fills[value]
                    cell = _write(sheet, row, column, word)
                    cell.fill, cell.font = fill, font
                    cell.alignment = wrap
                continue
            if value in (None, ""):
                continue
            cell = _write(sheet, row, column, value)
            cell.alignment = wrap
            if key == "due_date_value":
                cell.number_format = "d mmm yyyy"
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(PLAN_COLUMNS))}{max(len(data['actions']) + 1, 2)}"
    sheet.print_title_rows = "1:1"

    themes = workbook.create_sheet("Themes")
    for column, (header, width) in enumerate([("Number", 10), ("Title", 40), ("Lead", 40), ("Objective", 60)], start=1):
        _write(themes, 1, column, header).font = header_font
        themes.column_dimensions[get_column_letter(column)].width = width
    for row, theme in enumerate(data["themes"], start=2):
        for column, key in enumerate(["number", "title", "lead", "objective"], start=1):
            if theme.get(key):
                _write(themes, row, column, theme[key]).alignment = wrap
    themes.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
