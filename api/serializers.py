"""What the data feed gives for each kind of row. Field lists follow the models' own names."""

from rest_framework import serializers

from audits.models import AuditProgramme
from plans.models import Action, Measure, MeasureMilestone, MeasureReading, Plan, ReportingPeriod, Theme
from plans.models.actions import ACTION_PLAN_FIELDS


class PlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plan
        fields = ["id", "title", "organisation", "vision", "version_label", "status", "start_date", "end_date"]


class ThemeSerializer(serializers.ModelSerializer):
    lead = serializers.CharField(source="lead.title", default="", read_only=True)

    class Meta:
        model = Theme
        fields = ["id", "plan", "number", "title", "lead", "objective", "outcomes", "position"]


class PeriodSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(read_only=True, help_text="The month as YYYY-MM.")
    label = serializers.CharField(read_only=True, help_text='The month as people say it: "March 2026".')

    class Meta:
        model = ReportingPeriod
        fields = ["id", "plan", "month", "slug", "label", "board_meeting_date", "closed"]


def _action_fields():
    """The feed's action fields: its own fields from their one declaration (ACTION_PLAN_FIELDS, the
    action text under "action"), the owners and sources after the category, the first agreed due date
    after the due date."""
    own = []
    for plan_field in ACTION_PLAN_FIELDS:
        own.append("action" if plan_field.name == "action_text" else plan_field.name)
        if plan_field.name == "category":
            own += ["owners", "sources"]
        if plan_field.name == "due_date":
            own.append("original_due_date")
    return ["id", "plan", "theme", "theme_number", "position", *own, "status", "completed_date"]


class ActionSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="theme.plan_id", read_only=True)
    theme_number = serializers.CharField(source="theme.number", read_only=True)
    action = serializers.CharField(source="action_text", read_only=True)
    owners = serializers.SerializerMethodField()
    sources = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = _action_fields()

    def get_owners(self, action) -> list[str]:
        return [owner.title for owner in action.owners.all()]

    def get_sources(self, action) -> list[str]:
        return [str(reference) for reference in action.source_references.all()]


class ActionStatusSerializer(serializers.Serializer):
    """One action as reported for one period (api.status.period_status_rows)."""

    plan = serializers.IntegerField()
    period = serializers.IntegerField()
    month = serializers.CharField(help_text="The period's month, YYYY-MM.")
    action = serializers.IntegerField(allow_null=True, help_text="The action's id (null if it was deleted since).")
    ref = serializers.CharField()
    theme_number = serializers.CharField()
    theme_title = serializers.CharField()
    owners = serializers.ListField(child=serializers.CharField())
    due_date = serializers.DateField(allow_null=True)
    action_status = serializers.CharField(help_text="open, completed or withdrawn.")
    progress_rag = serializers.CharField(allow_null=True, help_text="blue, green, amber, red, grey, or null.")
    impact_rag = serializers.CharField(allow_null=True)
    previous_progress_rag = serializers.CharField(allow_null=True, help_text="As reported for the period before.")
    note = serializers.CharField()
    latest_update_at = serializers.DateTimeField(allow_null=True)
    is_overdue = serializers.BooleanField()
    is_stale = serializers.BooleanField(help_text="Open, not completed, and no update for this period.")


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeasureMilestone
        fields = ["due_date", "value", "label"]


class ReadingSerializer(serializers.ModelSerializer):
    month = serializers.CharField(source="period.slug", read_only=True)

    class Meta:
        model = MeasureReading
        fields = ["period", "month", "value", "note", "source"]


class MeasureSerializer(serializers.ModelSerializer):
    milestones = MilestoneSerializer(many=True, read_only=True)
    readings = ReadingSerializer(many=True, read_only=True, source="feed_readings")

    class Meta:
        model = Measure
        fields = [
            "id",
            "plan",
            "name",
            "description",
            "unit",
            "direction",
            "baseline",
            "target",
            "target_date",
            "milestones",
            "readings",
        ]


class AuditProgrammeSerializer(serializers.ModelSerializer):
    case_count = serializers.IntegerField(source="case_total", read_only=True)

    class Meta:
        model = AuditProgramme
        fields = ["id", "title", "organisation", "period_start", "period_end", "status", "case_count"]


class AuditFindingSerializer(serializers.Serializer):
    """A standard's figures: over all agencies (agency null), or one agency's own judgements. Figures only."""

    programme = serializers.IntegerField()
    kloe = serializers.IntegerField(help_text="The key line of enquiry's number.")
    standard = serializers.IntegerField(help_text="The standard's number.")
    standard_text = serializers.CharField()
    agency = serializers.CharField(allow_null=True, help_text="null: every agency together, counted in cases.")
    unit = serializers.CharField(help_text='What is counted: "cases".')
    met = serializers.IntegerField()
    not_met = serializers.IntegerField()
    not_applicable = serializers.IntegerField()
    applicable = serializers.IntegerField()
    percent_met = serializers.IntegerField(allow_null=True)
