"""The coordination benchmark (`manage.py benchmark coordination`) runs and leaves the data as it was.

(Which routes a board member or a visitor may use is walked once, for every route, in
tests/test_url_access.py.)"""

import io

import pytest
from django.core.management import call_command

from plans.models import Action, Measure, MeasureMilestone, MeasureReading, Owner, Plan, Source, SourceParagraph, Theme

pytestmark = pytest.mark.django_db


def snapshot():
    return [
        list(Plan.objects.values()),
        list(Theme.objects.values()),
        list(Action.objects.values()),
        list(Owner.objects.values()),
        list(Owner.holders.through.objects.values()),
        list(Measure.objects.values()),
        list(MeasureMilestone.objects.values()),
        list(MeasureReading.objects.values()),
        list(Source.objects.values()),
        list(SourceParagraph.objects.values()),
    ]


def test_coordination_benchmark_runs_and_leaves_no_data(world):
    before = snapshot()
    out = io.StringIO()
    call_command("benchmark", "coordination", "--quick", stdout=out)
    assert "source coverage" in out.getvalue() and "measure page with chart" in out.getvalue()
    assert snapshot() == before
