"""Every URL of the project, walked: anonymous → sign-in page, wrong role → 403, right role → 200.

The one walker of the routes (plans, audits, the data feed): every route the URL resolver knows is
enumerated, and a URL name that is not in ACCESS below FAILS `test_every_url_name_is_classified`:
whoever adds a page adds it here, with the objects its URL needs and who may open it. Users and
objects come from the `url_world` fixture below: the `world` of tests/conftest.py (plan A, whose
actions two roles own, and plan B), plus measures, periods, an audit programme with two agencies
and a user per audit role. Besides the role matrix, a board member posting a full form to any
route changes nothing (they read; only comments are theirs to write), and the Django admin lists
every audits model.
"""

import datetime
import functools
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.http import urlencode

from api.services import api_token_create
from audits.permissions import AUDIT_LEAD
from plans.views.importing import SESSION_KEY, import_folder
from tests.data import workbooks
from tests.factories import (
    AgencyAuditorFactory,
    AgencyFactory,
    AuditCaseFactory,
    AuditProgrammeFactory,
    GradedAuditItemFactory,
    KeyLineOfEnquiryFactory,
    LessonFactory,
    MeasureFactory,
    MeasureMilestoneFactory,
    ReportingPeriodFactory,
    StandardFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = [
    "admin",
    "coordinator",
    "owner",
    "board",
    "outsider_coordinator",
    "outsider_board",
    "nobody",
    "audit_lead",
    "police_auditor",
    "health_auditor",
]
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSON = "application/json"
SVG = "image/svg+xml"
IMPORT_TOKEN = "walked-upload"


def only(*allowed, status=200):
    """`status` (200 unless told) for the roles named, 403 for every other signed-in role."""
    return {role: status if role in allowed else 403 for role in ROLES}


EVERYONE = only(*ROLES)
READERS_OF_PLAN_A = only("admin", "coordinator", "owner", "board")
READERS_OF_PLAN_B = only("admin", "outsider_coordinator", "outsider_board")
COORDINATORS_OF_PLAN_A = only("admin", "coordinator")
COORDINATORS_OF_PLAN_B = only("admin", "outsider_coordinator")
BOARD_OF_PLAN_A = only("admin", "coordinator", "board")
BOARD_OF_PLAN_B = only("admin", "outsider_coordinator", "outsider_board")
COORDINATORS = only("admin", "coordinator", "outsider_coordinator")
# Sources are shared across plans: anyone who takes part in a plan reads them (action pages link to them).
SOURCE_READERS = only("admin", "coordinator", "owner", "board", "outsider_coordinator", "outsider_board")
# Case audits (docs/decisions/0016-case-audit-access.md): board members of any plan read programmes,
# findings and the learning log, as do audit leads and the auditors of the agencies taking part;
# case pages and judgement sheets are the audit lead's and the involved agency's own auditors' only.
AUDIT_READER_ROLES = ("admin", "board", "outsider_board", "audit_lead", "police_auditor", "health_auditor")
AUDIT_READERS = only(*AUDIT_READER_ROLES)
AUDIT_LEADS = only("admin", "audit_lead")
# The other programme's only case involves the police: health takes no part in it.
OTHER_PROGRAMME_READERS = only("admin", "board", "outsider_board", "audit_lead", "police_auditor")


@dataclass(frozen=True)
class Case:
    args: object = lambda world: []  # noqa: E731 - the objects the URL names
    expect: dict = field(default_factory=lambda: dict(EVERYONE))
    label: str = ""
    # A button (POST only): the roles allowed get 405 on GET; everyone else 403 on GET and POST.
    post_only: bool = False
    # A file download: the allowed roles get a file of this content type.
    content_type: str = ""
    # Run for each signed-in client before the URL is opened (e.g. put an upload in the session).
    prepare: object = None
    # The query string the URL is opened with (e.g. the data feed's ?plan=).
    query: object = None
    # Answered by REST framework (the data feed): 401 to anonymous visitors, not the sign-in page; a POST the
    # feed refuses may be 405 (it has no writes at all); and a personal API token of each role gets the same
    # answers as its session (test_role_matrix_with_personal_tokens).
    api: bool = False


def _chart_args(chart_plan, url_plan):
    """The URL arguments of a dashboard chart of `chart_plan`'s, asked for under `url_plan`'s number."""
    from plans.charts import chart_image

    image = chart_image(
        plan=chart_plan, kind="on-track", width=320, height=210, figures=[["2026-01-01", 50, 25]], title="1 Front door"
    )
    return [url_plan.pk, image.url.rsplit("/", 1)[1].removesuffix(".svg")]


def _import_job_in_session(client, world):
    from plans.services.import_jobs import import_status_write
    from plans.views.importing import JOBS_KEY

    import_status_write(IMPORT_TOKEN, state="reading", name="walsall.xlsx", rows_read=10, rows_total=100)
    session = client.session
    session[JOBS_KEY] = [IMPORT_TOKEN]
    session.save()


def _import_in_session(client, world):
    session = client.session
    session[SESSION_KEY] = {IMPORT_TOKEN: {"name": "walsall.xlsx", "title": "", "mapping": None, "plan": None}}
    session.save()


# url name -> the cases to try (several when the object matters: another role's action, another plan, another agency)
ACCESS = {
    # plans: reading
    "plans:home": [Case(expect=only(*ROLES, status=302), label="each role is sent to its start")],
    "plans:my_actions": [Case()],
    "plans:plan_list": [Case()],
    "plans:plan_detail": [
        Case(lambda w: [w.plan.pk], READERS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], READERS_OF_PLAN_B, "plan B"),
    ],
    "plans:action_detail": [
        Case(lambda w: [w.action.pk], READERS_OF_PLAN_A, "own action"),
        Case(lambda w: [w.foreign_action.pk], READERS_OF_PLAN_B, "plan B action"),
    ],
    "plans:action_history": [
        Case(lambda w: [w.action.pk], READERS_OF_PLAN_A, "plan A action"),
        Case(lambda w: [w.foreign_action.pk], READERS_OF_PLAN_B, "plan B action"),
    ],
    "plans:plan_export_xlsx": [
        Case(lambda w: [w.plan.pk], READERS_OF_PLAN_A, "plan A", content_type=XLSX),
        Case(lambda w: [w.other_plan.pk], READERS_OF_PLAN_B, "plan B", content_type=XLSX),
    ],
    "plans:plan_export_json": [
        Case(lambda w: [w.plan.pk], READERS_OF_PLAN_A, "plan A", content_type=JSON),
        Case(lambda w: [w.other_plan.pk], READERS_OF_PLAN_B, "plan B", content_type=JSON),
    ],
    # plans: progress
    "plans:progress_update_create": [
        Case(lambda w: [w.action.pk], only("admin", "coordinator", "owner"), "action of the owner's role"),
        Case(lambda w: [w.other_action.pk], COORDINATORS_OF_PLAN_A, "action of another role"),
        Case(lambda w: [w.foreign_action.pk], COORDINATORS_OF_PLAN_B, "plan B action"),
    ],
    # plans: board reporting
    "plans:board_dashboard": [
        Case(lambda w: [w.plan.pk], BOARD_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], BOARD_OF_PLAN_B, "plan B"),
    ],
    # A dashboard chart's own image: the plan's in its URL, its figures signed into the token.
    "plans:board_chart": [
        Case(lambda w: _chart_args(w.plan, w.plan), BOARD_OF_PLAN_A, "plan A", content_type=SVG),
        Case(lambda w: _chart_args(w.other_plan, w.other_plan), BOARD_OF_PLAN_B, "plan B", content_type=SVG),
        # Plan A's chart under plan B's number: not there for plan B's readers, refused to the rest.
        Case(
            lambda w: _chart_args(w.plan, w.other_plan),
            {**BOARD_OF_PLAN_B, **{r: 404 for r, s in BOARD_OF_PLAN_B.items() if s == 200}},
            "plan A chart under plan B",
        ),
    ],
    "plans:board_pack_pdf": [
        Case(lambda w: [w.plan.pk], BOARD_OF_PLAN_A, "plan A", content_type=PDF),
        Case(lambda w: [w.other_plan.pk], BOARD_OF_PLAN_B, "plan B", content_type=PDF),
    ],
    "plans:board_pack_full_pdf": [
        Case(lambda w: [w.plan.pk], BOARD_OF_PLAN_A, "plan A", content_type=PDF),
        Case(lambda w: [w.other_plan.pk], BOARD_OF_PLAN_B, "plan B", content_type=PDF),
    ],
    "plans:board_pack_status": [
        Case(lambda w: [w.plan.pk], BOARD_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], BOARD_OF_PLAN_B, "plan B"),
    ],
    "plans:board_pack_xlsx": [
        Case(lambda w: [w.plan.pk], BOARD_OF_PLAN_A, "plan A", content_type=XLSX),
        Case(lambda w: [w.other_plan.pk], BOARD_OF_PLAN_B, "plan B", content_type=XLSX),
    ],
    "plans:period_create": [
        Case(lambda w: [w.plan.pk], COORDINATORS_OF_PLAN_A, "plan A", post_only=True),
        Case(lambda w: [w.other_plan.pk], COORDINATORS_OF_PLAN_B, "plan B", post_only=True),
    ],
    "plans:period_close": [
        # The confirmation page (what will be frozen, who has not reported); the POST closes.
        Case(lambda w: [w.plan.pk, w.period.slug], COORDINATORS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk, w.other_period.slug], COORDINATORS_OF_PLAN_B, "plan B"),
    ],
    "plans:highlight_report_edit": [
        Case(lambda w: [w.plan.pk, w.period.slug], COORDINATORS_OF_PLAN_A, "open period"),
        # A closed period's report is frozen: its coordinators are sent back to the dashboard.
        Case(lambda w: [w.plan.pk, w.closed_period.slug], only("admin", "coordinator", status=302), "closed period"),
        Case(lambda w: [w.other_plan.pk, w.other_period.slug], COORDINATORS_OF_PLAN_B, "plan B"),
    ],
    # plans: the monthly round
    "plans:round": [
        Case(lambda w: [w.plan.pk], COORDINATORS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], COORDINATORS_OF_PLAN_B, "plan B"),
    ],
    "plans:review_queue": [
        Case(lambda w: [w.plan.pk], COORDINATORS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], COORDINATORS_OF_PLAN_B, "plan B"),
    ],
    "plans:action_comment": [
        Case(lambda w: [w.action.pk], READERS_OF_PLAN_A, "plan A action"),
        Case(lambda w: [w.foreign_action.pk], READERS_OF_PLAN_B, "plan B action"),
    ],
    # plans: structure
    "plans:plan_create": [Case(expect=COORDINATORS)],
    "plans:plan_edit": [
        Case(lambda w: [w.plan.pk], COORDINATORS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], COORDINATORS_OF_PLAN_B, "plan B"),
    ],
    "plans:plan_delete": [
        Case(lambda w: [w.plan.pk], only("admin"), "plan A"),
        Case(lambda w: [w.other_plan.pk], only("admin"), "plan B"),
    ],
    "plans:theme_list": [
        Case(lambda w: [w.plan.pk], COORDINATORS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], COORDINATORS_OF_PLAN_B, "plan B"),
    ],
    "plans:theme_edit": [
        Case(lambda w: [w.plan.pk, w.theme.pk], COORDINATORS_OF_PLAN_A, "plan A theme"),
        Case(lambda w: [w.other_plan.pk, w.other_theme.pk], COORDINATORS_OF_PLAN_B, "plan B theme"),
        # Plan B's theme under plan A's number is not there, whoever asks.
        Case(lambda w: [w.plan.pk, w.other_theme.pk], only(*ROLES, status=404), "plan B theme under plan A"),
    ],
    "plans:theme_move": [
        Case(lambda w: [w.plan.pk, w.theme.pk], COORDINATORS_OF_PLAN_A, "plan A theme", post_only=True),
        Case(lambda w: [w.other_plan.pk, w.other_theme.pk], COORDINATORS_OF_PLAN_B, "plan B theme", post_only=True),
    ],
    "plans:action_create": [
        Case(lambda w: [w.plan.pk], COORDINATORS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], COORDINATORS_OF_PLAN_B, "plan B"),
    ],
    "plans:action_edit": [
        Case(lambda w: [w.action.pk], COORDINATORS_OF_PLAN_A, "plan A action"),
        Case(lambda w: [w.foreign_action.pk], COORDINATORS_OF_PLAN_B, "plan B action"),
    ],
    "plans:action_close": [
        Case(lambda w: [w.action.pk], COORDINATORS_OF_PLAN_A, "plan A action"),
        Case(lambda w: [w.foreign_action.pk], COORDINATORS_OF_PLAN_B, "plan B action"),
    ],
    # plans: owner roles, measures, sources
    "plans:owner_list": [Case(expect=COORDINATORS)],
    "plans:owner_create": [Case(expect=COORDINATORS)],
    "plans:owner_merge": [Case(expect=COORDINATORS)],
    "plans:owner_edit": [
        Case(lambda w: [w.owner_role.pk], COORDINATORS_OF_PLAN_A, "role owning plan A actions"),
        Case(lambda w: [w.other_role.pk], COORDINATORS, "role owning actions in both plans"),
    ],
    "plans:measure_list": [
        Case(lambda w: [w.plan.pk], READERS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], READERS_OF_PLAN_B, "plan B"),
    ],
    "plans:measure_create": [
        Case(lambda w: [w.plan.pk], COORDINATORS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], COORDINATORS_OF_PLAN_B, "plan B"),
    ],
    "plans:measure_detail": [
        Case(lambda w: [w.measure.pk], READERS_OF_PLAN_A, "plan A measure"),
        Case(lambda w: [w.other_measure.pk], READERS_OF_PLAN_B, "plan B measure"),
    ],
    "plans:measure_edit": [
        Case(lambda w: [w.measure.pk], COORDINATORS_OF_PLAN_A, "plan A measure"),
        Case(lambda w: [w.other_measure.pk], COORDINATORS_OF_PLAN_B, "plan B measure"),
    ],
    "plans:milestone_remove": [
        Case(lambda w: [w.measure.pk, w.milestone.pk], COORDINATORS_OF_PLAN_A, "plan A measure", post_only=True),
        Case(
            lambda w: [w.other_measure.pk, w.other_milestone.pk],
            COORDINATORS_OF_PLAN_B,
            "plan B measure",
            post_only=True,
        ),
    ],
    "plans:source_list": [Case(expect=SOURCE_READERS)],
    "plans:source_detail": [Case(lambda w: [w.source.pk], SOURCE_READERS)],
    "plans:source_create": [Case(expect=COORDINATORS)],
    "plans:source_paragraphs": [Case(lambda w: [w.source.pk], COORDINATORS)],
    # plans: administration
    "plans:plan_import": [Case(expect=only("admin"))],
    "plans:plan_import_preview": [
        Case(lambda w: [IMPORT_TOKEN], only("admin"), prepare=_import_in_session),
        Case(lambda w: ["no-such-upload"], only("admin", status=404), "unknown upload"),
    ],
    "plans:plan_import_status": [
        Case(lambda w: [IMPORT_TOKEN], only("admin"), prepare=_import_job_in_session),
        Case(lambda w: ["no-such-upload"], only("admin", status=404), "unknown import"),
    ],
    "plans:plan_publish": [
        Case(lambda w: [w.plan.pk], COORDINATORS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], COORDINATORS_OF_PLAN_B, "plan B"),
    ],
    "plans:audit_log": [Case(expect=only("admin"))],
    # audits: programmes and their set-up
    "audits:programme_list": [Case(expect=AUDIT_READERS)],
    "audits:programme_create": [Case(expect=AUDIT_LEADS)],
    "audits:agency_list": [Case(expect=AUDIT_LEADS)],
    "audits:programme_detail": [
        Case(lambda w: [w.programme.pk], AUDIT_READERS, "both agencies take part"),
        Case(lambda w: [w.other_programme.pk], OTHER_PROGRAMME_READERS, "only the police take part"),
    ],
    "audits:programme_status": [Case(lambda w: [w.programme.pk], AUDIT_LEADS)],
    "audits:kloe_create": [Case(lambda w: [w.programme.pk], AUDIT_LEADS)],
    "audits:standard_create": [Case(lambda w: [w.programme.pk], AUDIT_LEADS)],
    "audits:case_create": [Case(lambda w: [w.programme.pk], AUDIT_LEADS)],
    "audits:learning_event_create": [Case(lambda w: [w.programme.pk], AUDIT_LEADS)],
    # audits: findings (page and downloads)
    "audits:findings": [
        Case(lambda w: [w.programme.pk], AUDIT_READERS, "both agencies take part"),
        Case(lambda w: [w.other_programme.pk], OTHER_PROGRAMME_READERS, "only the police take part"),
    ],
    "audits:findings_excel": [
        Case(lambda w: [w.programme.pk], AUDIT_READERS, content_type=XLSX),
        Case(lambda w: [w.other_programme.pk], OTHER_PROGRAMME_READERS, "only the police take part", content_type=XLSX),
    ],
    "audits:overview_pdf": [
        Case(lambda w: [w.programme.pk], AUDIT_READERS, content_type=PDF),
        Case(lambda w: [w.other_programme.pk], OTHER_PROGRAMME_READERS, "only the police take part", content_type=PDF),
    ],
    # audits: cases and judgements
    "audits:case_detail": [
        # Never a board member; an agency's auditors only on the cases their agency was involved in.
        Case(
            lambda w: [w.police_case.pk],
            only("admin", "audit_lead", "police_auditor"),
            "case involving the police only",
        ),
        Case(
            lambda w: [w.shared_case.pk],
            only("admin", "audit_lead", "police_auditor", "health_auditor"),
            "case involving police and health",
        ),
    ],
    "audits:judgement_entry": [
        Case(
            lambda w: [w.police_case.pk, w.police.pk],
            only("admin", "audit_lead", "police_auditor"),
            "own agency's sheet",
        ),
        Case(
            lambda w: [w.shared_case.pk, w.health.pk],
            only("admin", "audit_lead", "health_auditor"),
            "health's sheet of a shared case",
        ),
        Case(
            lambda w: [w.shared_case.pk, w.police.pk],
            only("admin", "audit_lead", "police_auditor"),
            "police's sheet of a shared case",
        ),
        # Health was not involved in the police's case: there is no health sheet to open for those who
        # may open the case; the rest may not open the case at all.
        Case(
            lambda w: [w.police_case.pk, w.health.pk],
            only("admin", "audit_lead", "police_auditor", status=404),
            "agency not involved in the case",
        ),
    ],
    # audits: learning log
    "audits:lesson_create": [Case(lambda w: [w.programme.pk], AUDIT_LEADS)],
    "audits:lesson_detail": [
        Case(lambda w: [w.lesson.pk], AUDIT_READERS),
        Case(lambda w: [w.other_lesson.pk], OTHER_PROGRAMME_READERS, "only the police take part"),
    ],
    "audits:lesson_raise_action": [Case(lambda w: [w.lesson.pk], AUDIT_LEADS)],
    # audits: graded audits
    "audits:graded_trend": [Case(expect=AUDIT_READERS)],
    "audits:graded_item_create": [Case(expect=AUDIT_LEADS)],
}


def _feed(plan_readers_a, plan_readers_b):
    """A data-feed list: everyone signed in reads it (their own plans' rows), and ?plan= is refused to those
    who may not read that plan."""
    return [
        Case(expect=EVERYONE, label="every plan the user reads", api=True),
        Case(expect=plan_readers_a, label="plan A", query=lambda w: {"plan": w.plan.pk}, api=True),
        Case(expect=plan_readers_b, label="plan B", query=lambda w: {"plan": w.other_plan.pk}, api=True),
    ]


ACCESS.update(
    {
        # api: the data feed (a token or the session) and each person's tokens page
        "api:plan_list": [Case(expect=EVERYONE, api=True)],
        "api:theme_list": _feed(READERS_OF_PLAN_A, READERS_OF_PLAN_B),
        "api:period_list": _feed(READERS_OF_PLAN_A, READERS_OF_PLAN_B),
        "api:action_list": _feed(READERS_OF_PLAN_A, READERS_OF_PLAN_B),
        "api:measure_list": _feed(READERS_OF_PLAN_A, READERS_OF_PLAN_B),
        "api:action_status_list": [
            Case(expect=READERS_OF_PLAN_A, label="plan A period", query=lambda w: {"period": w.period.pk}, api=True),
            Case(
                expect=READERS_OF_PLAN_A,
                label="plan A closed period",
                query=lambda w: {"period": w.closed_period.pk},
                api=True,
            ),
            Case(
                expect=READERS_OF_PLAN_B, label="plan B period", query=lambda w: {"period": w.other_period.pk}, api=True
            ),
            Case(expect=READERS_OF_PLAN_B, label="plan B", query=lambda w: {"plan": w.other_plan.pk}, api=True),
        ],
        "api:audit_programme_list": [Case(expect=AUDIT_READERS, api=True)],
        "api:audit_finding_list": [Case(expect=AUDIT_READERS, query=lambda w: {"programme": w.programme.pk}, api=True)],
        "api:schema": [Case(expect=EVERYONE, api=True, content_type="application/vnd.oai.openapi")],
        "api:docs": [Case(expect=EVERYONE)],
        "api:token_list": [Case(expect=EVERYONE)],
        # Only the token's own holder revokes it (the owner's token here); admins revoke in the Django admin.
        "api:token_revoke": [Case(lambda w: [w.api_token.pk], only("owner"), "the owner's token", post_only=True)],
    }
)
# Open to everyone, signed in or not (the organisation sign-in's start and callback: tests/oidc/).
PUBLIC = {"login", "logout", "oidc_authentication_init", "oidc_authentication_callback"}
# The Django admin guards itself (staff accounts only) and signs in through its own page.
SELF_GUARDED_NAMESPACES = {"admin"}


def all_url_names(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from all_url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


def all_views(resolver=None):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from all_views(pattern)
        else:
            yield pattern


def walk():
    for name, cases in ACCESS.items():
        for case in cases:
            yield pytest.param(name, case, id=f"{name}[{case.label}]" if case.label else name)


def test_every_url_name_is_classified():
    names = {n for n in all_url_names() if n.split(":")[0] not in SELF_GUARDED_NAMESPACES}
    unclassified = names - set(ACCESS) - PUBLIC
    assert not unclassified, f"Add these URL names to ACCESS in {__file__}: {sorted(unclassified)}"
    assert not (set(ACCESS) | PUBLIC) - names, "ACCESS names a URL that no longer exists"


def test_no_view_is_exempt_from_csrf():
    exempt = [p.name or str(p.pattern) for p in all_views() if getattr(p.callback, "csrf_exempt", False)]
    assert not exempt


@pytest.fixture
def url_world(world, settings, tmp_path):
    """`world`, plus what every other URL names: measures with milestones, an open and a closed period,
    an audit programme whose cases involve the police (one case) or police and health (another),
    a lesson, a graded item, a waiting upload, and the audit lead and two agency auditors."""
    w = world
    w.other_theme = w.foreign_action.theme
    w.other_period = w.other_plan.periods.get()
    w.closed_period = ReportingPeriodFactory(plan=w.plan, month=_previous_month(w.period.month), closed=True)
    w.measure = MeasureFactory(plan=w.plan)
    w.milestone = MeasureMilestoneFactory(measure=w.measure)
    w.other_measure = MeasureFactory(plan=w.other_plan)
    w.other_milestone = MeasureMilestoneFactory(measure=w.other_measure)
    w.source = w.action.source_references.get().source

    w.programme = AuditProgrammeFactory()
    StandardFactory(kloe=KeyLineOfEnquiryFactory(programme=w.programme))
    w.police = AgencyFactory(name="West Midlands Police", short_name="Police")
    w.health = AgencyFactory(name="Heart of England NHS Foundation Trust", short_name="HEFT")
    w.police_case = AuditCaseFactory(programme=w.programme, code="Case 1", agencies=[w.police])
    w.shared_case = AuditCaseFactory(programme=w.programme, code="Case 2", agencies=[w.police, w.health])
    w.lesson = LessonFactory(programme=w.programme)
    w.other_programme = AuditProgrammeFactory(title="Police-only audit")
    AuditCaseFactory(programme=w.other_programme, code="Case 3", agencies=[w.police])
    w.other_lesson = LessonFactory(programme=w.other_programme)
    GradedAuditItemFactory()
    w.audit_lead = UserFactory(username="audit-lead", groups=[AUDIT_LEAD])
    w.police_auditor = AgencyAuditorFactory(username="police-auditor", agency=w.police)
    w.health_auditor = AgencyAuditorFactory(username="health-auditor", agency=w.health)

    w.api_token = api_token_create(user=w.owner, name="Power BI", days=30).token

    settings.MEDIA_ROOT = tmp_path / "media"
    (import_folder() / f"{IMPORT_TOKEN}.xlsx").write_bytes(_workbook())
    return w


@functools.cache
def _workbook():
    return workbooks.walsall_layout()


def _previous_month(month):
    return (month - datetime.timedelta(days=1)).replace(day=1)


def _fingerprint():
    """How many rows each table holds (history included), and the rows a button changes in place:
    what a GET or a refused POST must leave alone."""
    from api.models import ApiToken
    from plans.models import ReportingPeriod, Theme

    # A kept board pack is a rendering of figures that exist, queued by the page that shows it (a cache);
    # a closed period's kept figures are counted from its snapshots by the first page that reads them
    # when its close did not (closed before they were kept).
    derived = {"plans.BoardPackDocument", "plans.PeriodFigures"}
    models = [
        m
        for app in ("plans", "audits", "api")
        for m in apps.get_app_config(app).get_models()
        if m._meta.label not in derived
    ]
    counts = {m._meta.label: m._default_manager.count() for m in models}
    return (
        counts,
        list(ReportingPeriod.objects.order_by("pk").values_list("pk", "closed")),
        list(Theme.objects.order_by("pk").values_list("pk", "position", "title")),
        list(ApiToken.objects.order_by("pk").values_list("pk", "revoked_at")),
    )


@pytest.fixture(scope="module")
def browser():
    """One test client for the whole walk, signed in afresh for each role (a new client per request
    would load the middleware, and WhiteNoise's index of the static files, every time)."""
    return Client()


@pytest.fixture(scope="module")
def strict_browser():
    return Client(enforce_csrf_checks=True)


def _url(name, case, world):
    url = reverse(name, args=case.args(world))
    return f"{url}?{urlencode(case.query(world))}" if case.query else url


def _signed_in(client, user):
    client.cookies.clear()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("name, case", list(walk()))
def test_anonymous_visitor_is_sent_to_sign_in(browser, url_world, name, case):
    url = _url(name, case, url_world)
    client = _signed_in(browser, None)
    for response in (client.get(url), client.post(url, {})):
        if case.api:
            assert response.status_code == 401, url  # the data feed: "send a token", not a page to sign in on
            continue
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("name, case", list(walk()))
def test_role_matrix(browser, url_world, name, case):
    url = _url(name, case, url_world)
    before = _fingerprint()
    for role in ROLES:
        client = _signed_in(browser, url_world.user(role))
        if case.prepare:
            case.prepare(client, url_world)
        expected = case.expect[role]
        if case.post_only and expected == 200:
            expected = 405  # a button: the roles allowed to press it may not GET it
        response = client.get(url)
        assert response.status_code == expected, f"{role} GET {url}"
        if expected == 200 and case.content_type:
            assert response["Content-Type"].startswith(case.content_type), f"{role} GET {url}"
            assert b"".join(response) if response.streaming else response.content, f"{role} GET {url} is empty"
        if expected == 403:
            # The wrong role cannot change anything by posting to the URL either.
            assert client.post(
                url,
                {
                    "title": "x",
                    "note": "x",
                    "progress_rag": "G",
                    "version": 1,
                    "direction": "down",
                    "name": "x",
                    "code": "Case 9",
                },
            ).status_code in ({403, 405} if case.api else {403}), f"{role} POST {url}"
    assert _fingerprint() == before, f"GET or a refused POST changed something at {url}"


@pytest.mark.parametrize("name, case", list(walk()))
def test_posting_without_the_csrf_token_is_refused(strict_browser, url_world, name, case):
    client = _signed_in(strict_browser, url_world.admin)
    response = client.post(_url(name, case, url_world), {"note": "x", "progress_rag": "G"})
    assert response.status_code == 403


@pytest.fixture
def role_tokens(url_world):
    return {role: api_token_create(user=url_world.user(role), name="walk", days=30).secret for role in ROLES}


@pytest.mark.parametrize("name, case", [p for p in walk() if p.values[1].api])
def test_role_matrix_with_personal_tokens(browser, url_world, role_tokens, name, case):
    """A token reads exactly what its user may read: the same answers as the role's session, nothing more."""
    url = _url(name, case, url_world)
    client = _signed_in(browser, None)
    before = _fingerprint()
    for role in ROLES:
        response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {role_tokens[role]}")
        assert response.status_code == case.expect[role], f"{role}'s token GET {url}"
        assert client.post(url, {"title": "x"}, HTTP_AUTHORIZATION=f"Bearer {role_tokens[role]}").status_code in (
            403,
            405,
        )
    assert _fingerprint() == before


# Board members may comment on the actions they read (a comment never changes the plan): their post
# there is answered (here with "Enter your comment", as the data has no comment), not refused.
BOARD_MAY_POST = {"plans:action_comment"}
# A full form of every field any page asks for, pointing at plan A's own objects: what a board member
# would send to try to change the plan.
BOARD_FORM = {
    "title": "Board edit",
    "status": "active",
    "action_text": "Board action",
    "direction": "up",
    "reason": "Board",
    "holders_submit": "1",
    "name": "Board",
    "value": "1",
    "code": "BOARD",
    "paragraphs": "1.1 Board",
    "progress_rag": "G",
    "note": "Board note",
    "area_of_development": "Board lesson",
    "question": "Board?",
    "number": "9",
    "short_name": "BRD",
    "grade": "good",
    "area": "Board",
}


def _contents():
    """Every row of every table of the apps, history included, as values: what a refused POST must
    leave exactly as it was."""
    models = [m for app in ("plans", "audits") for m in apps.get_app_config(app).get_models()]
    return {m._meta.label: list(m._default_manager.order_by("pk").values()) for m in models}


@pytest.mark.parametrize("name, case", [p for p in walk() if p.values[0].split(":")[0] in ("plans", "audits")])
def test_board_member_changes_nothing_on_any_route(browser, url_world, name, case):
    url = _url(name, case, url_world)
    client = _signed_in(browser, url_world.board)
    data = {**BOARD_FORM, "theme": url_world.theme.pk, "holders": [url_world.board.pk], "period": url_world.period.pk}
    before = _contents()
    if case.expect["board"] == 404:
        expected = 404  # not there, whoever asks
    else:
        expected = 200 if name in BOARD_MAY_POST and case.expect["board"] == 200 else 403
    assert client.post(url, data).status_code == expected, f"board POST {url}"
    assert _contents() == before, f"a board member's POST changed something at {url}"


@pytest.mark.parametrize(
    "model",
    [m for m in apps.get_app_config("audits").get_models() if not m.__name__.startswith("Historical")],
    ids=lambda m: m.__name__,
)
def test_the_django_admin_lists_every_audits_model(admin_client, model):
    response = admin_client.get(reverse(f"admin:audits_{model._meta.model_name}_changelist"))
    assert response.status_code == 200


def test_the_django_admin_is_for_staff_only(client, world):
    index = reverse("admin:index")
    assert client.get(index)["Location"].startswith(reverse("admin:login"))
    client.force_login(world.coordinator)  # not staff
    assert client.get(index).status_code == 302
    change = reverse("admin:plans_action_change", args=[world.action.pk])
    assert client.get(change)["Location"].startswith(reverse("admin:login"))


def test_sign_in_page_is_public(client):
    assert client.get(reverse("login")).status_code == 200
