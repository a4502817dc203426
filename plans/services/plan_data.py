"""Create a plan from plain data (the JSON export format): demo data and JSON imports."""
import datetime

from django.db import transaction

from plans.models import Action, ActionCategory, Owner, Plan, Source, SourceReference, Theme

CATEGORY_BY_NAME = {choice.value: choice for choice in ActionCategory} | {
    choice.label.lower(): choice for choice in ActionCategory
}


def owner_get_or_create(title, cache):
    title = " ".join(title.split())
    if title not in cache:
        cache[title] = Owner.objects.get_or_create(title=title, agency="")[0]
    return cache[title]


def source_get_or_create(code, cache):
    if code not in cache:
        cache[code] = Source.objects.get_or_create(code=code)[0]
    return cache[code]


def _date(value):
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


@transaction.atomic
def plan_create_from_data(*, data):
    """Create a plan, its themes, owners, sources and actions from a dict; return the plan.

    The dict has the shape of the JSON export: title, organisation, themes and actions.
    """
    plan = Plan.objects.create(
        title=data["title"],
        organisation=data.get("organisation", ""),
        vision=data.get("vision", ""),
        version_label=data.get("version_label", ""),
        start_date=_date(data.get("start_date")),
        end_date=_date(data.get("end_date")),
    )
    owners, sources = {}, {}
    themes = {}
    for position, item in enumerate(data.get("themes", [])):
        lead = owner_get_or_create(item["lead"], owners) if item.get("lead") else None
        themes[str(item["number"])] = Theme.objects.create(
            plan=plan,
            number=str(item["number"]),
            title=item["title"],
            lead=lead,
            objective=item.get("objective") or "",
            outcomes=item.get("outcomes") or "",
            position=position,
        )
    new_actions = []
    for position, item in enumerate(data.get("actions", [])):
        due = _date(item.get("due_date"))
        new_actions.append(Action(
            theme=themes[str(item["theme"])],
            position=position,
            ref=item.get("ref") or "",
            improvement_need=item.get("improvement_need") or "",
            action_text=item.get("action") or "",
            category=CATEGORY_BY_NAME.get((item.get("category") or "").lower(), ActionCategory.NONE),
            timescale=item.get("timescale") or "",
            due_date=due,
            original_due_date=due,
            expected_impact=item.get("expected_impact") or "",
            measures_of_success=item.get("measures") or "",
            reporting_mechanism=item.get("reporting_mechanism") or "",
            output=item.get("output") or "",
        ))
    created = Action.objects.bulk_create(new_actions)
    owner_links, references = [], []
    for action, item in zip(created, data.get("actions", [])):
        for title in item.get("owners", []):
            owner_links.append(Action.owners.through(action=action, owner=owner_get_or_create(title, owners)))
        for ref_position, source in enumerate(item.get("sources", [])):
            references.append(SourceReference(
                action=action,
                source=source_get_or_create(source["code"], sources),
                paragraph=source.get("paragraph") or "",
                position=ref_position,
            ))
    Action.owners.through.objects.bulk_create(owner_links, ignore_conflicts=True)
    SourceReference.objects.bulk_create(references, ignore_conflicts=True)
    return plan
