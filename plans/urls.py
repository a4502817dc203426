from django.urls import path

from plans.views import importing
from plans.views import progress as views
from plans.views import reporting as reporting_views

app_name = "plans"

urlpatterns = [
    path("", views.MyActionsView.as_view(), name="my_actions"),
    path("plans/", views.PlanListView.as_view(), name="plan_list"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("actions/<int:pk>/", views.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/update/", views.ProgressUpdateCreateView.as_view(), name="progress_update_create"),
    path("plans/<int:pk>/export.xlsx", importing.PlanExportXlsxView.as_view(), name="plan_export_xlsx"),
    path("import/", importing.PlanImportUploadView.as_view(), name="plan_import"),
    path("import/<str:token>/", importing.PlanImportPreviewView.as_view(), name="plan_import_preview"),
    path("plans/<int:pk>/dashboard/", reporting_views.BoardDashboardView.as_view(), name="board_dashboard"),
    path("plans/<int:pk>/board-pack.pdf", reporting_views.BoardPackPdfView.as_view(), name="board_pack_pdf"),
    path("plans/<int:pk>/board-pack.xlsx", reporting_views.BoardPackXlsxView.as_view(), name="board_pack_xlsx"),
    path("plans/<int:pk>/periods/new/", reporting_views.PeriodCreateView.as_view(), name="period_create"),
    path("plans/<int:pk>/periods/<str:period>/close/", reporting_views.PeriodCloseView.as_view(), name="period_close"),
    path(
        "plans/<int:pk>/periods/<str:period>/highlight-report/",
        reporting_views.HighlightReportEditView.as_view(),
        name="highlight_report_edit",
    ),
]
