"""Pages and forms for every role: login redirect, 403s, validation, history order, query counts."""

import pytest
from django.urls import reverse

from plans.models import ProgressUpdate, Rag
from tests.factories import ActionFactory, OwnerFactory, ProgressUpdateFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def page_urls(world):
    return {
        "my_actions": reverse("plans:my_actions"),
        "plan_list": reverse("plans:plan_list"),
        "plan_detail": reverse("plans:plan_detail", args=[world.plan.pk]),
        "action_detail": reverse("plans:action_detail", args=[world.action.pk]),
        "progress_update_create": reverse("plans:progress_update_create", args=[world.action.pk]),
    }


@pytest.mark.parametrize("name", ["my_actions", "plan_list", "plan_detail", "action_detail", "progress_update_create"])
def test_anonymous_visitor_is_sent_to_login(client, world, name):
    url = page_urls(world)[name]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "next=" in response["Location"]


# (user, page) -> expected status on GET
READ_MATRIX = {
    "admin": {
        "my_actions": 200,
        "plan_list": 200,
        "plan_detail": 200,
        "action_detail": 200,
        "progress_update_create": 200,
    },
    "coordinator": {
        "my_actions": 200,
        "plan_list": 200,
        "plan_detail": 200,
        "action_detail": 200,
        "progress_update_create": 200,
    },
    "owner": {
        "my_actions": 200,
        "plan_list": 200,
        "plan_detail": 200,
        "action_detail": 200,
        "progress_update_create": 200,
    },
    "board": {
        "my_actions": 200,
        "plan_list": 200,
        "plan_detail": 200,
        "action_detail": 200,
        "progress_update_create": 403,
    },
    "outsider_coordinator": {
        "my_actions": 200,
        "plan_list": 200,
        "plan_detail": 403,
        "action_detail": 403,
        "progress_update_create": 403,
    },
    "outsider_board": {
        "my_actions": 200,
        "plan_list": 200,
        "plan_detail": 403,
        "action_detail": 403,
        "progress_update_create": 403,
    },
    "nobody": {
        "my_actions": 200,
        "plan_list": 200,
        "plan_detail": 403,
        "action_detail": 403,
        "progress_update_create": 403,
    },
}


@pytest.mark.parametrize("user", list(READ_MATRIX))
def test_every_role_against_every_page(client, world, user):
    client.force_login(world.user(user))
    for name, url in page_urls(world).items():
        response = client.get(url)
        assert response.status_code == READ_MATRIX[user][name], (user, name)


@pytest.mark.parametrize("name", ["my_actions", "plan_list", "plan_detail", "action_detail", "progress_update_create"])
def test_board_member_changes_nothing_post_answers_403(client, world, name):
    client.force_login(world.board)
    response = client.post(page_urls(world)[name], {"progress_rag": "G", "note": "board note"})
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def valid_update(**overrides):
    data = {
        "progress_rag": "A",
        "impact_rag": "G",
        "note": "Recruitment delayed; recovery plan agreed.",
        "evidence_links": "",
    }
    data.update(overrides)
    return data


def test_owner_records_update_and_sees_it_at_top_of_history(client, world):
    ProgressUpdateFactory(action=world.action, note="Last month's note", progress_rag=Rag.GREEN, period=world.period)
    client.force_login(world.owner)
    url = reverse("plans:progress_update_create", args=[world.action.pk])

    response = client.post(url, valid_update(evidence_links="https://intranet.example.org/report"), follow=True)

    # The owner's only action was the last one to report: save and next leads back to My actions.
    assert response.redirect_chain[-1][0] == reverse("plans:my_actions")
    update = ProgressUpdate.objects.latest("created_at")
    assert (update.author, update.progress_rag, update.impact_rag, update.period) == (
        world.owner,
        "A",
        "G",
        world.period,
    )
    assert "Progress update recorded" in response.content.decode()
    assert "1 of 1 of your actions updated this month" in response.content.decode()
    content = client.get(world.action.get_absolute_url()).content.decode()
    history = content.split('id="history"')[1]
    assert history.index("Recruitment delayed") < history.index("Last month&#x27;s note")
    assert "https://intranet.example.org/report" in history


def test_owner_cannot_update_another_roles_action(client, world):
    client.force_login(world.owner)
    response = client.post(reverse("plans:progress_update_create", args=[world.other_action.pk]), valid_update())
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_coordinator_updates_any_action_of_their_plan_only(client, world):
    client.force_login(world.coordinator)
    ok = client.post(reverse("plans:progress_update_create", args=[world.other_action.pk]), valid_update())
    refused = client.post(reverse("plans:progress_update_create", args=[world.foreign_action.pk]), valid_update())
    assert ok.status_code == 302
    assert refused.status_code == 403
    assert list(ProgressUpdate.objects.values_list("action", flat=True)) == [world.other_action.pk]


@pytest.mark.parametrize(
    "data, message",
    [
        (valid_update(note=""), "Enter a progress note"),
        (valid_update(note="   "), "Enter a progress note"),
        (valid_update(progress_rag=""), "Select a progress RAG rating"),
        (valid_update(progress_rag="Purple"), "Select a progress RAG rating from the list"),
        (valid_update(impact_rag="X"), "Select an impact RAG rating from the list"),
        (valid_update(evidence_links="javascript:alert(1)"), "must be a web address"),
        (valid_update(note="x" * 10_001), "10,000 characters or fewer"),
    ],
)
def test_invalid_update_shows_error_summary_and_saves_nothing(client, world, data, message):
    client.force_login(world.owner)
    response = client.post(reverse("plans:progress_update_create", args=[world.action.pk]), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert message in content
    assert "<title>Error:" in content
    assert not ProgressUpdate.objects.exists()


def test_unknown_action_and_plan_are_404(client, world):
    client.force_login(world.admin)
    assert client.get(reverse("plans:action_detail", args=[99999])).status_code == 404
    assert client.get(reverse("plans:plan_detail", args=[99999])).status_code == 404
    assert client.get(reverse("plans:progress_update_create", args=[99999])).status_code == 404


def test_my_actions_lists_my_roles_actions_and_which_need_an_update(client, world):
    second = ActionFactory(theme=world.theme, ref="1.9", owners=[world.owner_role], action_text="Second action of mine")
    ProgressUpdateFactory(action=second, period=world.period, note="Done this month", progress_rag=Rag.AMBER)
    client.force_login(world.owner)

    response = client.get(reverse("plans:my_actions"))

    page = response.context["page"]
    assert {a.pk for a in page.actions} == {world.action.pk, second.pk}
    assert [a.pk for a in page.to_update] == [world.action.pk]
    content = response.content.decode()
    assert "Done this month" in content
    assert "Update needed" in content
    assert world.other_action.action_text not in content


def test_plan_filters_are_kept_in_the_url_and_narrow_the_table(client, world):
    ProgressUpdateFactory(action=world.action, progress_rag=Rag.RED)
    ProgressUpdateFactory(action=world.other_action, progress_rag=Rag.GREEN)
    client.force_login(world.board)
    url = reverse("plans:plan_detail", args=[world.plan.pk])

    red = client.get(url, {"progress_rag": "R"})
    overdue = client.get(url, {"overdue": "true"})
    text = client.get(url, {"q": world.other_action.action_text})
    by_owner = client.get(url, {"owner": world.other_role.pk})
    by_source = client.get(url, {"source": world.action.sources.get().pk})

    def refs(response):
        return [row.record.ref for row in response.context["table"].paginated_rows]

    assert refs(red) == ["1.1"]
    assert refs(overdue) == ["1.1"]
    assert refs(text) == ["1.2"]
    assert refs(by_owner) == ["1.2"]
    assert refs(by_source) == ["1.1"]
    assert "progress_rag=R" in red.content.decode()  # sort links keep the filter
    # The chosen owner stays chosen in the filter form.
    assert f'<option value="{world.other_role.pk}" selected>' in by_owner.content.decode()
    assert f'<option value="{world.other_role.pk}">' in red.content.decode()


def test_filter_options_and_table_cells_escape_what_users_typed(client, world):
    world.other_role.title = '<script>alert("x")</script> Lead'
    world.other_role.save()
    client.force_login(world.board)
    html = client.get(reverse("plans:plan_detail", args=[world.plan.pk])).content.decode()
    assert "<script>alert" not in html
    assert (
        f'<option value="{world.other_role.pk}">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Lead</option>' in html
    )
    assert '<td class="govuk-table__cell">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Lead</td>' in html


def build_plan_with_actions(plan, count):
    theme = ThemeFactory(plan=plan)
    owners = [OwnerFactory(), OwnerFactory()]
    for _i in range(count):
        action = ActionFactory(theme=theme, owners=owners)
        ProgressUpdateFactory(action=action, progress_rag=Rag.GREEN)


def test_plan_page_query_count_does_not_grow_with_actions(client, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.admin)
    small = world.plan
    build_plan_with_actions(small, 10)
    from tests.factories import PlanFactory

    large = PlanFactory()
    build_plan_with_actions(large, 200)

    with CaptureQueriesContext(connection) as small_queries:
        assert client.get(reverse("plans:plan_detail", args=[small.pk])).status_code == 200
    with django_assert_max_num_queries(len(small_queries)):
        response = client.get(reverse("plans:plan_detail", args=[large.pk]), {"page": 2})
    assert response.status_code == 200
    assert len(small_queries) <= 20


@pytest.mark.parametrize(
    "sort",
    [
        [],
        ["-ref"],
        ["current_progress_rag"],
        ["-current_progress_rag"],
        ["-due_date"],
        ["theme", "-current_impact_rag"],
    ],
)
def test_plan_page_sorts_filters_and_pages_as_the_list_of_rows_was(client, world, sort, django_assert_max_num_queries):
    """The table is sorted, filtered and paged in the database: each page lists the rows it listed
    when django-tables2 sorted and paged the list of every status row, whatever the plan's size."""
    import datetime

    from django.test import RequestFactory
    from django_tables2 import RequestConfig

    from plans.selectors.status import status_rows
    from plans.tables import ActionTable

    theme = ThemeFactory(plan=world.plan, position=5)
    rags = [None, Rag.RED, Rag.GREEN, Rag.AMBER, Rag.BLUE, Rag.GREY]
    for n in range(60):
        due = datetime.date(2026, 1 + n % 12, 1) if n % 5 else None
        action = ActionFactory(theme=theme, position=n % 7, due_date=due)
        if rags[n % 6]:
            ProgressUpdateFactory(action=action, progress_rag=rags[n % 6], impact_rag=rags[(n + 2) % 6] or "")
    client.force_login(world.board)
    url = reverse("plans:plan_detail", args=[world.plan.pk])
    rows = status_rows(plan=world.plan, period=world.period, now=True)
    for query, wanted in (({}, lambda row: True), ({"progress_rag": "G"}, lambda row: row.progress_rag == Rag.GREEN)):
        for page in (1, 2, 3):
            params = {**query, "sort": sort, "page": page}
            table = ActionTable([row for row in rows if wanted(row)])
            RequestConfig(RequestFactory().get(url, params), paginate={"per_page": 25}).configure(table)
            with django_assert_max_num_queries(20):
                response = client.get(url, params)
            shown = response.context["table"]
            assert [r.record.action_id for r in shown.paginated_rows] == [
                r.record.action_id for r in table.paginated_rows
            ]
            assert shown.paginator.count == table.paginator.count
            assert shown.page.number == table.page.number


def test_plan_table_shows_due_dates_and_rag_words(client, world):
    from plans.models import Rag
    from tests.factories import ProgressUpdateFactory

    ProgressUpdateFactory(action=world.action, progress_rag=Rag.RED, impact_rag=Rag.AMBER)
    client.force_login(world.board)
    html = client.get(reverse("plans:plan_detail", args=[world.plan.pk])).content.decode()
    assert "31 Jan 2020" in html  # the fixture's due date, day month year
    owners = "; ".join(owner.title for owner in world.action.owners.order_by("title"))
    assert f'<td class="govuk-table__cell">{owners}</td>' in html
    assert f'<a class="govuk-link" href="{world.action.get_absolute_url()}">{world.action.ref}</a>' in html
    assert '<strong class="app-rag app-rag--R" title="' in html and ">Red</strong>" in html
    assert '<strong class="app-rag app-rag--A" title="' in html and ">Amber</strong>" in html


def test_plan_page_names_the_period_owners_report_for(client, world):
    from plans.models import ReportingPeriod

    client.force_login(world.board)
    url = reverse("plans:plan_detail", args=[world.plan.pk])
    assert f"Reporting period: <strong>{world.period.label}</strong>" in client.get(url).content.decode()
    ReportingPeriod.objects.filter(pk=world.period.pk).update(closed=True)
    assert "No open reporting period." in client.get(url).content.decode()


def test_the_django_admin_cannot_add_a_progress_update_on_someone_elses_behalf(client, world):
    """Adding there let an admin type any author, a back-dated time and a closed period."""
    superuser = world.admin
    superuser.is_staff = superuser.is_superuser = True
    superuser.save()
    closed = world.plan.periods.create(month=world.period.month.replace(year=world.period.month.year - 1), closed=True)
    client.force_login(superuser)
    add = reverse("admin:plans_progressupdate_add")
    assert client.get(add).status_code == 403
    response = client.post(
        add,
        {
            "action": world.action.pk,
            "period": closed.pk,
            "author": world.owner.pk,
            "progress_rag": "G",
            "impact_rag": "",
            "note": "Forged",
            "evidence_links": "",
            "created_at_0": "2020-01-01",
            "created_at_1": "10:00:00",
        },
    )
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()
    changelist = client.get(reverse("admin:plans_progressupdate_changelist"))
    assert changelist.status_code == 200
    assert add not in changelist.content.decode()


def test_the_update_form_explains_impact_ratings_in_their_own_words(client, world):
    client.force_login(world.owner)
    page = client.get(reverse("plans:progress_update_create", args=[world.action.pk])).content.decode()
    progress, impact = page.split('name="impact_rag"', 1)
    assert "Work progressing as expected" in progress and "Work progressing as expected" not in impact
    assert "The intended impact is evidenced" in impact and "Too early to judge the impact" in impact


def test_an_action_with_no_category_says_so_in_words(client, world):
    client.force_login(world.owner)
    page = client.get(world.action.get_absolute_url()).content.decode()
    assert "Not categorised" in page and ">None<" not in page


def test_action_pages_and_the_update_read_a_few_queries_whatever_the_plan_and_round_size(
    client, world, django_assert_max_num_queries
):
    """The action page, its history, the update form and the update itself read what they show: their
    queries do not grow with the plan, the action's history or the owner's number of actions."""
    for n in range(40):
        action = ActionFactory(theme=world.theme, ref=f"2.{n}", owners=[world.owner_role, world.other_role])
        for _ in range(3):
            ProgressUpdateFactory(action=action, period=world.period, progress_rag=Rag.GREEN)
    for _ in range(12):
        ProgressUpdateFactory(action=world.action, period=world.period, progress_rag=Rag.AMBER)
    client.force_login(world.owner)
    client.get(reverse("plans:my_actions"))  # the session's first read, as on any later page
    update_url = reverse("plans:progress_update_create", args=[world.action.pk])
    pages = {
        reverse("plans:action_detail", args=[world.action.pk]): 16,
        reverse("plans:action_history", args=[world.action.pk]): 11,
        update_url: 13,
    }
    for url, most in pages.items():
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200, url
    form = {"progress_rag": "G", "impact_rag": "", "note": "On track.", "evidence_links": "", "period": world.period.pk}
    with django_assert_max_num_queries(18):
        assert client.post(update_url, form).status_code == 302
