"""Factories for the plans and audits domains."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from audits.models import (
    Agency,
    AgencyMembership,
    AuditCase,
    AuditProgramme,
    Grade,
    GradedAuditItem,
    KeyLineOfEnquiry,
    Lesson,
    Standard,
)
from audits.permissions import AGENCY_AUDITOR
from plans.models import (
    Action,
    Measure,
    MeasureMilestone,
    MeasureReading,
    Owner,
    Plan,
    ProgressUpdate,
    Rag,
    ReportingPeriod,
    Source,
    SourceReference,
    Theme,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=name)[0])


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    title = factory.Sequence(lambda n: f"Improvement plan {n}")
    organisation = "Test Borough Council"
    start_date = datetime.date(2026, 1, 1)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Theme {n}")
    position = factory.Sequence(lambda n: n)


class OwnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Owner

    title = factory.Sequence(lambda n: f"Head of Service {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"SRC{n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    theme = factory.SubFactory(ThemeFactory)
    ref = factory.Sequence(lambda n: f"1.{n}")
    position = factory.Sequence(lambda n: n)
    improvement_need = "Partners understand thresholds"
    action_text = factory.Sequence(lambda n: f"Review the threshold document {n}")

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        for owner in extracted or []:
            self.owners.add(owner)


class SourceReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceReference

    action = factory.SubFactory(ActionFactory)
    source = factory.SubFactory(SourceFactory)
    paragraph = "3.1"


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingPeriod

    plan = factory.SubFactory(PlanFactory)
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    author = factory.SubFactory(UserFactory)
    progress_rag = Rag.GREEN
    impact_rag = Rag.GREY
    note = "Progressing as planned."
    created_at = factory.LazyFunction(timezone.now)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    plan = factory.SubFactory(PlanFactory)
    name = factory.Sequence(lambda n: f"Assessments judged good {n}")
    unit = "%"
    baseline = 50
    target = 90


class MeasureReadingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureReading

    measure = factory.SubFactory(MeasureFactory)
    period = factory.SubFactory(ReportingPeriodFactory)
    value = 60


class MeasureMilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureMilestone

    measure = factory.SubFactory(MeasureFactory)
    due_date = datetime.date(2026, 9, 30)
    value = 70


class AuditProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditProgramme

    title = factory.Sequence(lambda n: f"Multi-agency case audit {n}")
    period_start = datetime.date(2015, 4, 1)
    period_end = datetime.date(2016, 3, 31)


class KeyLineOfEnquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyLineOfEnquiry

    programme = factory.SubFactory(AuditProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    question = "Is information shared well?"


class StandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Standard

    kloe = factory.SubFactory(KeyLineOfEnquiryFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Partners share information"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Agency {n}")


class AuditCaseFactory(factory.django.DjangoModelFactory):
    """A case with a pseudonymous code; agencies=[...] names the agencies involved."""

    class Meta:
        model = AuditCase
        skip_postgeneration_save = True

    programme = factory.SubFactory(AuditProgrammeFactory)
    code = factory.Sequence(lambda n: f"MACA-{n:03d}")

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if extracted:
            self.agencies.set(extracted)


class AgencyAuditorFactory(UserFactory):
    """A user in the Agency auditor group who audits for `agency`."""

    @factory.post_generation
    def agency(self, create, extracted, **kwargs):
        self.groups.add(Group.objects.get_or_create(name=AGENCY_AUDITOR)[0])
        AgencyMembership.objects.create(user=self, agency=extracted or AgencyFactory())


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    programme = factory.SubFactory(AuditProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    area_of_development = "Supervision records the child's voice"


class GradedAuditItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GradedAuditItem

    area = "Assessments"
    month = datetime.date(2026, 1, 1)
    item_code = factory.Sequence(lambda n: f"A-{n:03d}")
    grade = Grade.GOOD
