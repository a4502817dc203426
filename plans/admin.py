"""Django admin for every plans model; progress updates are read-only (append-only history)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans.models import (
    Action,
    ActionComment,
    BoardPackDocument,
    DueDateChange,
    Measure,
    MeasureMilestone,
    MeasureReading,
    Owner,
    Plan,
    ProgressUpdate,
    ReportingPeriod,
    Source,
    SourceParagraph,
    SourceReference,
    Theme,
    UpdateReview,
)


class ReadOnlyAdminMixin:
    """Written by the product only: read in the admin, never added, changed or deleted there."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0
    fields = ["position", "number", "title", "lead"]
    autocomplete_fields = ["lead"]


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organisation", "version_label", "status", "start_date", "end_date"]
    list_filter = ["status"]
    search_fields = ["title", "organisation"]
    filter_horizontal = ["coordinators", "board_members"]
    inlines = [ThemeInline]


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "number", "title", "lead"]
    list_select_related = ["plan", "lead"]
    list_filter = ["plan"]
    search_fields = ["title"]
    autocomplete_fields = ["lead"]


@admin.register(Owner)
class OwnerAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agency"]
    search_fields = ["title", "agency"]
    filter_horizontal = ["holders"]


class SourceParagraphInline(admin.TabularInline):
    model = SourceParagraph
    extra = 0


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "date"]
    search_fields = ["code", "title"]
    inlines = [SourceParagraphInline]


@admin.register(SourceParagraph)
class SourceParagraphAdmin(admin.ModelAdmin):
    list_display = ["source", "number", "text"]
    list_filter = ["source"]
    search_fields = ["number", "text"]


class SourceReferenceInline(admin.TabularInline):
    model = SourceReference
    extra = 0
    autocomplete_fields = ["source"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "short_text", "theme", "due_date", "status"]
    list_select_related = ["theme", "theme__plan"]
    list_filter = ["theme__plan", "status", "category"]
    search_fields = ["ref", "improvement_need", "action_text"]
    autocomplete_fields = ["owners", "cross_references", "theme"]
    inlines = [SourceReferenceInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Progress updates are the record the board relies on: they are added only on the action's page
    # (progress_update_record: the signed-in author, the time now, the open period), never here,
    # where any author, time and period could be typed.
    list_display = ["action", "period", "progress_rag", "impact_rag", "author", "created_at"]
    list_select_related = ["action", "period", "author"]
    list_filter = ["progress_rag", "impact_rag", "period__plan"]
    search_fields = ["note", "action__ref"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ["plan", "month", "board_meeting_date", "closed"]
    list_select_related = ["plan"]
    list_filter = ["plan", "closed"]


class MeasureMilestoneInline(admin.TabularInline):
    model = MeasureMilestone
    extra = 0


@admin.register(Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = ["name", "plan", "unit", "baseline", "target", "direction"]
    list_select_related = ["plan"]
    inlines = [MeasureMilestoneInline]
    autocomplete_fields = ["actions"]


@admin.register(MeasureReading)
class MeasureReadingAdmin(admin.ModelAdmin):
    list_display = ["measure", "period", "value", "recorded_by", "created_at"]
    list_select_related = ["measure", "period", "recorded_by"]


admin.site.register(MeasureMilestone)
admin.site.register(SourceReference)


# Board reporting: snapshots are the frozen record of closed periods, read-only here.
from plans.models import ActionSnapshot, HighlightReport, PeriodFigures, ReminderLog  # noqa: E402


@admin.register(ActionSnapshot)
class ActionSnapshotAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["period", "ref", "progress_rag", "impact_rag", "is_overdue", "is_stale"]
    list_select_related = ["period__plan"]
    list_filter = ["period__plan", "progress_rag"]


@admin.register(PeriodFigures)
class PeriodFiguresAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Counted from a closed period's snapshots: read-only here, as they are."""

    list_display = ["period", "counted_at"]
    list_select_related = ["period__plan"]
    list_filter = ["period__plan"]


@admin.register(HighlightReport)
class HighlightReportAdmin(admin.ModelAdmin):
    list_display = ["period", "updated_by", "updated_at"]
    list_select_related = ["period__plan", "updated_by"]


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["date", "user", "plan", "action_count"]
    list_select_related = ["user", "plan"]


from plans.models import PersonRoleMapping  # noqa: E402


@admin.register(PersonRoleMapping)
class PersonRoleMappingAdmin(admin.ModelAdmin):
    """People named in imported files and the owner roles admins mapped them to (applied to later imports)."""

    list_display = ["name", "owner", "chosen_by", "updated_at"]
    search_fields = ["name", "owner__title"]
    list_select_related = ["owner", "chosen_by"]
    raw_id_fields = ["owner"]
    readonly_fields = ["chosen_by", "updated_at"]

    def save_model(self, request, obj, form, change):
        obj.key = PersonRoleMapping.key_for(obj.name)
        if not change or form.has_changed():
            obj.chosen_by = request.user
        super().save_model(request, obj, form, change)


from plans.models import StatusLabelMapping  # noqa: E402


@admin.register(StatusLabelMapping)
class StatusLabelMappingAdmin(admin.ModelAdmin):
    """Status labels of imported files and the RAG admins chose for them (applied to later imports)."""

    list_display = ["label", "rag", "chosen_by", "updated_at"]
    search_fields = ["label"]
    list_select_related = ["chosen_by"]
    readonly_fields = ["chosen_by", "updated_at"]

    def save_model(self, request, obj, form, change):
        obj.key = StatusLabelMapping.key_for(obj.label)
        if not change or form.has_changed():
            obj.chosen_by = request.user
        super().save_model(request, obj, form, change)


class ReadOnlyRoundAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Reviews, comments and due-date moves are the record of the round: read here, written in the product."""


@admin.register(UpdateReview)
class UpdateReviewAdmin(ReadOnlyRoundAdmin):
    list_display = ["update", "decision", "reviewer", "created_at"]
    list_select_related = ["update__action", "reviewer"]
    list_filter = ["decision"]


@admin.register(ActionComment)
class ActionCommentAdmin(ReadOnlyRoundAdmin):
    list_display = ["action", "author", "created_at"]
    list_select_related = ["action", "author"]
    search_fields = ["text", "action__ref"]


@admin.register(DueDateChange)
class DueDateChangeAdmin(ReadOnlyRoundAdmin):
    list_display = ["action", "from_date", "to_date", "agreed_by", "agreed_on", "changed_by"]
    list_select_related = ["action", "changed_by"]


@admin.register(BoardPackDocument)
class BoardPackDocumentAdmin(admin.ModelAdmin):
    """Kept board packs: read, or deleted to have one drawn again; never edited."""

    list_display = ["period", "kind", "state", "pages", "requested_at", "finished_at"]
    list_select_related = ["period__plan"]
    list_filter = ["state"]
    exclude = ["pdf"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
