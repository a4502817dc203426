from django.urls import path

from audits.views import findings, graded, judgements, lessons, programmes

app_name = "audits"

urlpatterns = [
    path("", programmes.programme_list, name="programme_list"),
    path("new/", programmes.programme_create, name="programme_create"),
    path("agencies/", programmes.agency_list, name="agency_list"),
    path("<int:pk>/", programmes.programme_detail, name="programme_detail"),
    path("<int:pk>/status/", programmes.programme_status, name="programme_status"),
    path("<int:pk>/kloes/new/", programmes.kloe_create, name="kloe_create"),
    path("<int:pk>/standards/new/", programmes.standard_create, name="standard_create"),
    path("<int:pk>/cases/new/", programmes.case_create, name="case_create"),
    path("<int:pk>/findings/", findings.findings, name="findings"),
    path("<int:pk>/findings.xlsx", findings.findings_excel, name="findings_excel"),
    path("<int:pk>/overview.pdf", findings.overview_report, name="overview_pdf"),
    path("<int:pk>/lessons/new/", lessons.lesson_create, name="lesson_create"),
    path("<int:pk>/learning-event/new/", programmes.learning_event_create, name="learning_event_create"),
    path("cases/<int:pk>/", judgements.case_detail, name="case_detail"),
    path("cases/<int:pk>/agencies/<int:agency_pk>/", judgements.judgement_entry, name="judgement_entry"),
    path("lessons/<int:pk>/", lessons.lesson_detail, name="lesson_detail"),
    path("lessons/<int:pk>/raise-action/", lessons.lesson_raise_action, name="lesson_raise_action"),
    path("graded/", graded.graded_trend, name="graded_trend"),
    path("graded/new/", graded.graded_item_create, name="graded_item_create"),
]
