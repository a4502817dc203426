"""Export a plan as JSON-ready data and as a finished Excel workbook that imports back unchanged."""

import datetime
import json

from django.db import models
from django.db.models import Prefetch

from improvement.spreadsheets import cell_fill, cell_write, table_finish, table_sheet, workbook_bytes, workbook_new
from plans.models import Action, ProgressUpdate, SourceReference, Theme
from plans.models.actions import ACTION_PLAN_FIELDS
from plans.rag import RAG_ORDER, Rag, rag_colour

# The action's own fields come from its one declaration (plans.models.actions.ACTION_PLAN_FIELDS);
# what is not an own field is here: the theme first, the sources and owners right after the category
# (where councils' plans put them), the latest RAGs and note last.
RELATED_AFTER = "category"


def _own_fields(*, json_only=False):
    """The action's own fields (field, model field), split where the related columns go."""
    fields = [
        (field, Action._meta.get_field(field.name)) for field in ACTION_PLAN_FIELDS if field.in_json or not json_only
    ]
    split = next(i for i, (field, _model_field) in enumerate(fields) if field.name == RELATED_AFTER) + 1
    return fields[:split], fields[split:]


def _header(model_field):
    return str(model_field.verbose_name).capitalize()


def _plan_columns():
    """(header, key in the JSON action, column width) of each column of the workbook's Plan sheet."""
    before, after = _own_fields()
    return [
        ("Theme", "theme_label", 24),
        *[(_header(model_field), field.key, field.width) for field, model_field in before],
        ("Derived from", "sources_text", 18),
        ("Action owner", "owners_text", 30),
        *[(_header(model_field), field.key, field.width) for field, model_field in after],
        ("Progress RAG", "progress_rag", 12),
        ("Impact RAG", "impact_rag", 12),
        ("Progress to date", "latest_note", 50),
    ]


PLAN_COLUMNS = _plan_columns()


def _plan_actions(plan):
    latest = ProgressUpdate.objects.order_by("action_id", "-created_at", "-pk")
    return (
        Action.objects.filter(theme__plan=plan)
        .select_related("theme")
        .prefetch_related(
            Prefetch(
                "source_references",
                queryset=SourceReference.objects.select_related("source").order_by("position", "pk"),
            ),
            Prefetch("updates", queryset=latest, to_attr="updates_newest_first"),
        )
        .order_by("theme__position", "theme__pk", "position", "pk")
    )


def _json_action_keys():
    before, after = _own_fields(json_only=True)
    return [
        "theme",
        *[field.key for field, _ in before],
        "owners",
        "sources",
        *[field.key for field, _ in after],
        "progress_rag",
        "impact_rag",
        "latest_note",
    ]


# The keys of an action in the published JSON export, in order.
JSON_ACTION_KEYS = _json_action_keys()


def _json_value(action, model_field):
    value = getattr(action, model_field.attname)
    if isinstance(model_field, models.DateField):
        return value.isoformat() if value else None
    return value


def _cell_value(model_field, value):
    """An own field's JSON value as its workbook cell shows it: a choice by its words, a date as a date."""
    if value in (None, ""):
        return value
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.DateField):
        return datetime.date.fromisoformat(value)
    return value


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
    before, after = _own_fields()
    for action in _plan_actions(plan):
        latest = action.updates_newest_first[0] if action.updates_newest_first else None
        actions.append(
            {
                "theme": action.theme.number,
                **{field.key: _json_value(action, model_field) for field, model_field in before},
                "owners": owners.get(action.pk, []),
                "sources": [
                    {"code": ref.source.code, "paragraph": ref.paragraph} for ref in action.source_references.all()
                ],
                **{field.key: _json_value(action, model_field) for field, model_field in after},
                "progress_rag": Rag(latest.progress_rag).slug if latest and latest.progress_rag else None,
                "impact_rag": Rag(latest.impact_rag).slug if latest and latest.impact_rag else None,
                "latest_note": latest.note if latest else "",
            }
        )
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
        description=(
            f"The improvement plan of {data['organisation']}: every action with its owners, sources, "
            "timescale, latest progress and impact RAG and note (sheet Plan), and the themes (sheet Themes). "
            "It imports back unchanged."
        ),
    )
    sheet = table_sheet(
        workbook,
        "Plan",
        [header for header, _key, _width in PLAN_COLUMNS],
        widths=[width for _header, _key, width in PLAN_COLUMNS],
        freeze="C2",
    )
    theme_labels = {theme["number"]: f"{theme['number']} – {theme['title']}" for theme in data["themes"]}
    words = {rag.slug: rag for rag in RAG_ORDER}
    own_fields = [pair for part in _own_fields() for pair in part]
    for row, action in enumerate(data["actions"], start=2):
        values = dict(action)
        for field, model_field in own_fields:
            values[field.key] = _cell_value(model_field, action.get(field.key))
        values["theme_label"] = theme_labels.get(action["theme"], action["theme"])
        values["sources_text"] = " / ".join(f"{s['code']} {s['paragraph']}".strip() for s in action["sources"])
        values["owners_text"] = " / ".join(action["owners"])
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
