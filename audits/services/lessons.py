"""The learning log, and raising plan actions from a lesson ("closing the loop")."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from audits.models import Lesson
from plans.models import Action
from plans.validators import check_dates


@transaction.atomic
def lesson_record(*, programme, area_of_development, action_being_taken="", next_steps="", kloe=None):
    if kloe is not None and kloe.programme_id != programme.pk:
        raise ValidationError({"kloe": "Choose a key line of enquiry of this programme."})
    number = (programme.lessons.aggregate(top=Max("number"))["top"] or 0) + 1
    return Lesson.objects.create(
        programme=programme,
        number=number,
        area_of_development=area_of_development.strip(),
        action_being_taken=action_being_taken.strip(),
        next_steps=next_steps.strip(),
        kloe=kloe,
    )


@transaction.atomic
def lesson_action_raise(*, lesson, theme, ref, action_text, owners, due_date=None, timescale=""):
    """Create an Action in the chosen theme's plan and link it to the lesson."""
    if not owners:
        raise ValidationError({"owners": "Choose at least one owner for the action."})
    check_dates(due_date=due_date)
    last = Action.objects.filter(theme__plan_id=theme.plan_id).aggregate(top=Max("position"))["top"] or 0
    action = Action.objects.create(
        theme=theme,
        position=last + 1,
        ref=ref.strip(),
        action_text=action_text.strip(),
        improvement_need=f"Raised from case audit lesson {lesson.number}: {lesson.area_of_development}",
        timescale=timescale or (due_date.strftime("%d %B %Y") if due_date else ""),
        due_date=due_date,
        original_due_date=due_date,
    )
    action.owners.set(owners)
    lesson.actions.add(action)
    return action
