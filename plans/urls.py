from django.urls import path

from plans.views import importing
from plans.views import progress as views

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
]
