"""The data feed, versioned under /api/v1/, its schema and docs, and each person's tokens page."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from api import docs, views

app_name = "api"


def feed(view_class):
    """A feed endpoint: answered by REST framework's own authentication (a token or the session, 401 for
    neither) rather than the sign-in redirect; and still CSRF-checked, as everything here is: the feed is
    read-only, so only a refused POST ever meets the check."""
    view = view_class.as_view()
    view.csrf_exempt = False
    return login_not_required(view)


urlpatterns = [
    path("v1/plans/", feed(views.PlanList), name="plan_list"),
    path("v1/themes/", feed(views.ThemeList), name="theme_list"),
    path("v1/periods/", feed(views.PeriodList), name="period_list"),
    path("v1/actions/", feed(views.ActionList), name="action_list"),
    path("v1/action-statuses/", feed(views.ActionStatusList), name="action_status_list"),
    path("v1/measures/", feed(views.MeasureList), name="measure_list"),
    path("v1/audit-programmes/", feed(views.AuditProgrammeList), name="audit_programme_list"),
    path("v1/audit-findings/", feed(views.AuditFindingList), name="audit_finding_list"),
    path("v1/schema/", feed(SpectacularAPIView), name="schema"),
    path("v1/docs/", docs.FeedDocsView.as_view(), name="docs"),
    path("tokens/", views.TokenListView.as_view(), name="token_list"),
    path("tokens/<int:pk>/revoke/", views.TokenRevokeView.as_view(), name="token_revoke"),
]
