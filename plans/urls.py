from django.urls import path

from plans.views import history, owners
from plans.views import progress as views

app_name = "plans"

urlpatterns = [
    path("", views.MyActionsView.as_view(), name="my_actions"),
    path("plans/", views.PlanListView.as_view(), name="plan_list"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("actions/<int:pk>/", views.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/update/", views.ProgressUpdateCreateView.as_view(), name="progress_update_create"),
    path("actions/<int:pk>/history/", history.ActionHistoryView.as_view(), name="action_history"),
    path("owners/<int:pk>/edit/", owners.OwnerEditView.as_view(), name="owner_edit"),
    path("audit-log/", history.AuditLogView.as_view(), name="audit_log"),
]
