"""The Django admin for audits: every model, for Admins, with the history of each audited row."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from audits.models import (
    Agency,
    AgencyMembership,
    AuditCase,
    AuditPriority,
    AuditProgramme,
    GradedAuditItem,
    Judgement,
    JudgementRevision,
    KeyLineOfEnquiry,
    LearningEvent,
    LearningEventAttendance,
    Lesson,
    Standard,
)


class AuditPriorityInline(admin.TabularInline):
    model = AuditPriority
    extra = 0


class KeyLineOfEnquiryInline(admin.TabularInline):
    model = KeyLineOfEnquiry
    extra = 0


@admin.register(AuditProgramme)
class AuditProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "period_start", "period_end", "status"]
    list_filter = ["status"]
    inlines = [AuditPriorityInline, KeyLineOfEnquiryInline]
    raw_id_fields = ["single_agency_plan"]


@admin.register(AuditPriority)
class AuditPriorityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "programme", "position"]
    list_select_related = ["programme"]


class StandardInline(admin.TabularInline):
    model = Standard
    extra = 0


@admin.register(KeyLineOfEnquiry)
class KeyLineOfEnquiryAdmin(SimpleHistoryAdmin):
    list_display = ["number", "question", "programme"]
    list_select_related = ["programme"]
    inlines = [StandardInline]


@admin.register(Standard)
class StandardAdmin(SimpleHistoryAdmin):
    list_display = ["number", "text", "kloe"]
    list_select_related = ["kloe__programme"]
    list_filter = ["kloe__programme"]


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]


@admin.register(AgencyMembership)
class AgencyMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "agency"]
    list_select_related = ["user", "agency"]
    raw_id_fields = ["user"]


@admin.register(AuditCase)
class AuditCaseAdmin(SimpleHistoryAdmin):
    list_display = ["code", "programme", "priority"]
    list_select_related = ["programme", "priority"]
    list_filter = ["programme"]
    filter_horizontal = ["agencies"]


@admin.register(Judgement)
class JudgementAdmin(SimpleHistoryAdmin):
    list_display = ["case", "agency", "standard", "result", "status", "updated_at"]
    list_select_related = ["case", "agency", "standard__kloe"]
    list_filter = ["status", "result", "agency"]
    readonly_fields = ["updated_at", "submitted_at"]


@admin.register(JudgementRevision)
class JudgementRevisionAdmin(admin.ModelAdmin):
    """History: read only."""

    list_display = ["judgement", "result", "submitted_by", "submitted_at"]
    list_select_related = ["judgement__case", "judgement__agency", "judgement__standard__kloe", "submitted_by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class LearningEventAttendanceInline(admin.TabularInline):
    model = LearningEventAttendance
    extra = 0


@admin.register(LearningEvent)
class LearningEventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "date", "programme"]
    list_select_related = ["programme"]
    inlines = [LearningEventAttendanceInline]


@admin.register(LearningEventAttendance)
class LearningEventAttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["event", "agency", "attendees"]
    list_select_related = ["event", "agency"]


@admin.register(Lesson)
class LessonAdmin(SimpleHistoryAdmin):
    list_display = ["number", "area_of_development", "programme"]
    list_select_related = ["programme"]
    raw_id_fields = ["actions"]


@admin.register(GradedAuditItem)
class GradedAuditItemAdmin(SimpleHistoryAdmin):
    list_display = ["area", "month", "item_code", "kind", "grade"]
    list_filter = ["kind", "area", "grade"]
