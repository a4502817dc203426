"""The one range every date a person types must fall in: plan start and end, reporting period
months and board meetings, action due and completion dates, measure target and milestone dates,
source dates, and the dates of case audits.

"31/12/9999" is a common way to type "no end date"; a date that far out stretched chart axes month
by month until pages failed. Nothing a plan tracks is dated before 2000 or after 2100, so such a
date is refused with a message rather than stored.
"""

import datetime

from django.core.exceptions import ValidationError

EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)


def date_range_message():
    return f"Enter a date between {EARLIEST_DATE:%-d %B %Y} and {LATEST_DATE:%-d %B %Y}"


def validate_plan_date(value):
    """A field validator (models and forms): the date falls within EARLIEST_DATE..LATEST_DATE."""
    if value is None or value == "":
        return
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValidationError(date_range_message(), code="date_out_of_range")


def check_dates(**dates):
    """Raise one ValidationError {field: message} for every given date outside the range; for
    services, which are called by pages, commands and imports alike."""
    errors = {}
    for field, value in dates.items():
        try:
            validate_plan_date(value)
        except ValidationError as error:
            errors[field] = error.messages[0]
    if errors:
        raise ValidationError(errors)
