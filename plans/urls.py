from django.urls import path

from plans.views import exporting, history, importing, measures, owners, sources, structure
from plans.views import progress as views
from plans.views import reporting as reporting_views
from plans.views import round as round_views

app_name = "plans"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("my-actions/", views.MyActionsView.as_view(), name="my_actions"),
    path("plans/", views.PlanListView.as_view(), name="plan_list"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("actions/<int:pk>/", views.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/update/", views.ProgressUpdateCreateView.as_view(), name="progress_update_create"),
    path("plans/<int:pk>/export.xlsx", importing.PlanExportXlsxView.as_view(), name="plan_export_xlsx"),
    path("plans/<int:pk>/export.json", exporting.PlanExportJsonView.as_view(), name="plan_export_json"),
    path("import/", importing.PlanImportUploadView.as_view(), name="plan_import"),
    path("import/<str:token>/", importing.PlanImportPreviewView.as_view(), name="plan_import_preview"),
    path("import/<str:token>/progress/", importing.PlanImportStatusView.as_view(), name="plan_import_status"),
    path("plans/<int:pk>/publish/", importing.PlanPublishView.as_view(), name="plan_publish"),
    path("plans/<int:pk>/dashboard/", reporting_views.BoardDashboardView.as_view(), name="board_dashboard"),
    path("plans/<int:pk>/charts/<str:token>.svg", reporting_views.BoardChartView.as_view(), name="board_chart"),
    path("plans/<int:pk>/board-pack.pdf", reporting_views.BoardPackPdfView.as_view(), name="board_pack_pdf"),
    path(
        "plans/<int:pk>/board-pack-full.pdf", reporting_views.BoardPackFullPdfView.as_view(), name="board_pack_full_pdf"
    ),
    path("plans/<int:pk>/board-pack/", reporting_views.BoardPackStatusView.as_view(), name="board_pack_status"),
    path("plans/<int:pk>/board-pack.xlsx", reporting_views.BoardPackXlsxView.as_view(), name="board_pack_xlsx"),
    path("plans/<int:pk>/periods/new/", reporting_views.PeriodCreateView.as_view(), name="period_create"),
    path("plans/<int:pk>/periods/<str:period>/close/", reporting_views.PeriodCloseView.as_view(), name="period_close"),
    path(
        "plans/<int:pk>/periods/<str:period>/highlight-report/",
        reporting_views.HighlightReportEditView.as_view(),
        name="highlight_report_edit",
    ),
    # Coordinators keep the plan right: structure, owners, measures, sources
    path("plans/new/", structure.PlanCreateView.as_view(), name="plan_create"),
    path("plans/<int:pk>/edit/", structure.PlanUpdateView.as_view(), name="plan_edit"),
    path("plans/<int:pk>/delete/", structure.PlanDeleteView.as_view(), name="plan_delete"),
    path("plans/<int:pk>/themes/", structure.ThemeListView.as_view(), name="theme_list"),
    path("plans/<int:pk>/themes/<int:theme_pk>/edit/", structure.ThemeUpdateView.as_view(), name="theme_edit"),
    path("plans/<int:pk>/themes/<int:theme_pk>/move/", structure.ThemeMoveView.as_view(), name="theme_move"),
    path("plans/<int:pk>/actions/new/", structure.ActionCreateView.as_view(), name="action_create"),
    path("actions/<int:pk>/edit/", structure.ActionUpdateView.as_view(), name="action_edit"),
    path("actions/<int:pk>/close/", structure.ActionCloseView.as_view(), name="action_close"),
    path("owners/", owners.OwnerListView.as_view(), name="owner_list"),
    path("owners/new/", owners.OwnerCreateView.as_view(), name="owner_create"),
    path("owners/merge/", owners.OwnerMergeView.as_view(), name="owner_merge"),
    path("owners/<int:pk>/", owners.OwnerEditView.as_view(), name="owner_edit"),
    path("plans/<int:pk>/measures/", measures.MeasureListView.as_view(), name="measure_list"),
    path("plans/<int:pk>/measures/new/", measures.MeasureCreateView.as_view(), name="measure_create"),
    path("measures/<int:pk>/", measures.MeasureDetailView.as_view(), name="measure_detail"),
    path("measures/<int:pk>/edit/", measures.MeasureEditView.as_view(), name="measure_edit"),
    path(
        "measures/<int:pk>/milestones/<int:milestone_pk>/remove/",
        measures.MilestoneRemoveView.as_view(),
        name="milestone_remove",
    ),
    path("sources/", sources.SourceListView.as_view(), name="source_list"),
    path("sources/new/", sources.SourceCreateView.as_view(), name="source_create"),
    path("sources/<int:pk>/", sources.SourceDetailView.as_view(), name="source_detail"),
    path("sources/<int:pk>/paragraphs/", sources.SourceParagraphsView.as_view(), name="source_paragraphs"),
    path("actions/<int:pk>/history/", history.ActionHistoryView.as_view(), name="action_history"),
    path("audit-log/", history.AuditLogView.as_view(), name="audit_log"),
    # The monthly round: review, chase, comment
    path("plans/<int:pk>/round/", round_views.RoundView.as_view(), name="round"),
    path("plans/<int:pk>/review/", round_views.ReviewQueueView.as_view(), name="review_queue"),
    path("actions/<int:pk>/comment/", round_views.ActionCommentView.as_view(), name="action_comment"),
]
