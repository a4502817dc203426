"""An action's own fields are declared once (plans.models.actions.ACTION_PLAN_FIELDS): the form, the
services, the JSON and Excel exports, the JSON import, the re-import comparison and the data feed all
follow the declaration. A field added there shows up everywhere these tests look, with no other list
to keep."""

import datetime
import io

import pytest
from django.db import models
from openpyxl import load_workbook

from api.serializers import ActionSerializer
from plans.forms.coordination import ActionForm
from plans.importing.reading import read_plan_workbook
from plans.models import Action
from plans.models.actions import ACTION_PLAN_FIELDS
from plans.services import plan_data, structure
from plans.services.exporting import plan_export_data, plan_export_workbook
from plans.services.importing import plan_import
from plans.services.plan_data import plan_save_from_data

pytestmark = pytest.mark.django_db

# The columns of the workbook and the keys of the JSON that are not an action's own fields.
RELATED_COLUMNS = ["Theme", "Derived from", "Action owner", "Progress RAG", "Impact RAG", "Progress to date"]
RELATED_KEYS = {"theme", "owners", "sources", "progress_rag", "impact_rag", "latest_note"}


def model_field(plan_field):
    return Action._meta.get_field(plan_field.name)


def header(plan_field):
    return str(model_field(plan_field).verbose_name).capitalize()


# A ref must look like one for the spreadsheet reader to take the row as an action.
VALUES = {"ref": "7.4b"}


def distinctive_value(plan_field):
    """A value of the field's type that no default gives, so it is seen to travel."""
    if plan_field.name in VALUES:
        return VALUES[plan_field.name]
    field = model_field(plan_field)
    if field.choices:
        return [value for value, _label in field.choices if value][-1]
    if isinstance(field, models.DateField):
        return datetime.date(2027, 3, 31)
    return f"{plan_field.name} as written"[: field.max_length or 200]


@pytest.fixture
def declared_action(world):
    """Plan A's first action with every declared field set to a distinctive value."""
    action = world.action
    for plan_field in ACTION_PLAN_FIELDS:
        setattr(action, plan_field.name, distinctive_value(plan_field))
    action.save()
    return action


def test_the_workbook_s_own_columns_are_the_declaration_in_order(world):
    sheet = load_workbook(io.BytesIO(plan_export_workbook(plan=world.plan)))["Plan"]
    headers = [cell.value for cell in sheet[1]]

    assert [h for h in headers if h not in RELATED_COLUMNS] == [header(f) for f in ACTION_PLAN_FIELDS]
    for plan_field in ACTION_PLAN_FIELDS:
        column = sheet.cell(row=1, column=headers.index(header(plan_field)) + 1).column_letter
        assert sheet.column_dimensions[column].width == plan_field.width, plan_field.name


def test_the_json_keys_are_the_declaration(world):
    published = plan_export_data(plan=world.plan)["actions"][0]
    complete = plan_export_data(plan=world.plan, complete=True)["actions"][0]

    assert set(published) - RELATED_KEYS == {f.key for f in ACTION_PLAN_FIELDS if f.in_json}
    assert set(complete) - RELATED_KEYS == {f.key for f in ACTION_PLAN_FIELDS}


def test_every_declared_field_is_in_the_form_the_services_the_comparison_and_the_feed():
    form_fields = set(ActionForm._meta.fields)
    feed_fields = set(ActionSerializer.Meta.fields)
    for plan_field in ACTION_PLAN_FIELDS:
        name = plan_field.name
        assert name in form_fields, name
        assert name in structure.ACTION_FIELDS, name
        assert name in plan_data.COMPARED_FIELDS, name
        assert ("action" if name == "action_text" else name) in feed_fields, name


def test_the_form_labels_each_field_from_the_model(world):
    form = ActionForm(plan=world.plan)
    for plan_field in ACTION_PLAN_FIELDS:
        field = model_field(plan_field)
        label = form.fields[plan_field.name].label
        assert label.startswith(str(field.verbose_name).capitalize()), label
        if isinstance(field, models.CharField) and not field.choices:
            assert form.fields[plan_field.name].max_length == field.max_length, plan_field.name


def test_every_declared_field_travels_through_the_workbook_and_back(declared_action, world):
    parsed = read_plan_workbook(io.BytesIO(plan_export_workbook(plan=world.plan)), name="export.xlsx")
    copy = plan_import(parsed=parsed, author=world.admin, title="Plan A (copy)").plan

    again = Action.objects.get(theme__plan=copy, action_text=declared_action.action_text)
    for plan_field in ACTION_PLAN_FIELDS:
        assert getattr(again, plan_field.name) == getattr(declared_action, plan_field.name), plan_field.name


def test_every_declared_json_field_travels_through_the_json_and_back(declared_action, world):
    data = plan_export_data(plan=world.plan, complete=True)
    copy = plan_save_from_data(data={**data, "title": "Plan A (copy)"}, author=world.admin).plan

    again = Action.objects.get(theme__plan=copy, action_text=declared_action.action_text)
    for plan_field in ACTION_PLAN_FIELDS:
        assert getattr(again, plan_field.name) == getattr(declared_action, plan_field.name), plan_field.name


def test_a_changed_declared_field_shows_in_the_re_import_comparison(declared_action, world):
    data = plan_export_data(plan=world.plan, complete=True)
    for plan_field in ACTION_PLAN_FIELDS:
        item = {**data["actions"][0]}
        if isinstance(model_field(plan_field), models.DateField):
            item[plan_field.key] = "2028-01-31"
        elif model_field(plan_field).choices:
            item[plan_field.key] = ""
        else:
            item[plan_field.key] = "changed"
        changes = {change.field for change in plan_data._compare(declared_action, item)}
        assert plan_field.name in changes, plan_field.name


def test_the_action_page_and_its_form_show_every_declared_detail(client, declared_action, world):
    """The free-text details (the declared fields after the due date) are listed in turn on the
    action's page and its edit form, labelled from the model."""
    from django.urls import reverse

    from plans.models.actions import names_after_due_date

    client.force_login(world.coordinator)
    page = client.get(declared_action.get_absolute_url()).content.decode()
    form = client.get(reverse("plans:action_edit", args=[declared_action.pk])).content.decode()

    assert (
        names_after_due_date()
        == [f.name for f in ACTION_PLAN_FIELDS][[f.name for f in ACTION_PLAN_FIELDS].index("due_date") + 1 :]
    )
    for name in names_after_due_date():
        label = str(Action._meta.get_field(name).verbose_name).capitalize()
        value = getattr(declared_action, name)
        assert f">{label}</dt>" in page and value in page, name
        assert f'name="{name}"' in form and value in form, name
