"""Sources and recommendation coverage: paragraphs, the actions answering them, the arithmetic."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans.models import Rag, Source, SourceParagraph
from plans.selectors.coordination import coverage_percent, source_coverage
from plans.services.sources import source_paragraphs_parse, source_paragraphs_set
from tests.factories import ActionFactory, ProgressUpdateFactory, SourceReferenceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jtai(world):
    source = Source.objects.get(code="JTAI")
    source_paragraphs_set(
        source=source, paragraphs=[("3.1", "Thresholds"), ("3.2", "Strategy"), ("3.10", "Audit"), ("3.4", "Training")]
    )
    return source


@pytest.mark.parametrize(
    "answered, total, percent",
    [(0, 0, 0), (0, 3, 0), (1, 3, 33), (2, 3, 67), (1, 8, 13), (1, 200, 1), (3, 3, 100), (199, 200, 100)],
)
def test_coverage_percent(answered, total, percent):
    assert coverage_percent(answered, total) == percent


def test_coverage_lists_paragraphs_in_natural_order_with_actions_and_flags_gaps(world, jtai):
    ProgressUpdateFactory(action=world.action, progress_rag=Rag.AMBER)
    SourceReferenceFactory(action=world.other_action, source=jtai, paragraph="3.1")
    SourceReferenceFactory(action=world.other_action, source=jtai, paragraph="3.7")  # cited, not listed
    SourceReferenceFactory(action=world.foreign_action, source=jtai, paragraph="3.2")  # another plan
    SourceReferenceFactory(action=world.other_action, source=jtai, paragraph="3.1a")  # cited, not listed
    coverage = source_coverage(source=jtai, plans=[world.plan])
    assert [row.number for row in coverage.rows] == ["3.1", "3.1a", "3.2", "3.4", "3.7", "3.10"]
    rows = {row.number: row for row in coverage.rows}
    assert rows["3.1"].actions == [world.action, world.other_action]
    assert rows["3.1"].actions[0].current_progress_rag == Rag.AMBER
    assert not rows["3.2"].answered and not rows["3.4"].answered and not rows["3.10"].answered
    assert rows["3.7"].answered and not rows["3.7"].listed
    assert (coverage.answered, coverage.total, coverage.percent) == (3, 6, 50)
    both = source_coverage(source=jtai, plans=[world.plan, world.other_plan])
    assert (both.answered, both.total) == (4, 6)


def test_source_page_shows_coverage_and_flags_unanswered(client, world, jtai):
    client.force_login(world.board)
    page = client.get(reverse("plans:source_detail", args=[jtai.pk]) + f"?plan={world.plan.pk}").content.decode()
    assert "1 of 4 paragraphs answered (25%)" in page
    assert page.count("No action answers this") == 3
    assert world.action.get_absolute_url() in page


def test_source_page_without_paragraph_list_says_so(client, world):
    client.force_login(world.coordinator)
    source = Source.objects.get(code="JTAI")
    page = client.get(reverse("plans:source_detail", args=[source.pk])).content.decode()
    assert "No paragraph list has been entered" in page
    assert "1 paragraph cited by actions" in page and "paragraphs answered" not in page


def test_source_page_hides_plans_the_user_cannot_see(client, world, jtai):
    SourceReferenceFactory(action=world.foreign_action, source=jtai, paragraph="3.2")
    client.force_login(world.board)
    page = client.get(reverse("plans:source_detail", args=[jtai.pk])).content.decode()
    assert world.foreign_action.get_absolute_url() not in page
    assert (
        client.get(reverse("plans:source_detail", args=[jtai.pk]) + f"?plan={world.other_plan.pk}").status_code == 404
    )
    assert client.get(reverse("plans:source_detail", args=[jtai.pk]) + "?plan=nonsense").status_code == 404


def test_paragraph_parsing():
    assert source_paragraphs_parse("3.1 Partners should\n\n3.2: Leaders must\n3.4a") == [
        ("3.1", "Partners should"),
        ("3.2", "Leaders must"),
        ("3.4a", ""),
    ]
    with pytest.raises(ValidationError) as error:
        source_paragraphs_parse("3.1 ok\n!!! nonsense\n3.1 again")
    assert "line 2 does not start with a paragraph number" in str(error.value)
    assert "paragraph 3.1 is listed twice" in str(error.value)


def test_coordinator_lists_paragraphs_and_bad_input_changes_nothing(client, world, jtai):
    client.force_login(world.coordinator)
    url = reverse("plans:source_paragraphs", args=[jtai.pk])
    assert "3.10 Audit" in client.get(url).content.decode()
    response = client.post(url, {"version": jtai.version, "paragraphs": "3.1 Thresholds\n??? what"})
    assert "line 2 does not start with a paragraph number" in response.content.decode()
    assert jtai.paragraphs.count() == 4
    client.post(url, {"version": jtai.version, "paragraphs": "3.1 Thresholds revised\n3.5 New"})
    assert dict(jtai.paragraphs.values_list("number", "text")) == {"3.1": "Thresholds revised", "3.5": "New"}
    assert world.action.source_references.filter(paragraph="3.1").exists()


def test_two_people_editing_the_paragraphs_at_once_cannot_overwrite_each_other(client, world, jtai):
    url = reverse("plans:source_paragraphs", args=[jtai.pk])
    client.force_login(world.coordinator)
    loaded = jtai.version  # both opened the page at this version
    assert f'name="version" value="{loaded}"' in client.get(url).content.decode()
    first = client.post(
        url,
        {"version": loaded, "paragraphs": "3.1 Thresholds\n3.2 Strategy\n3.4 Training\n3.10 Audit\n3.11 Added first"},
    )
    assert first.status_code == 302

    client.force_login(world.admin)
    second = client.post(url, {"version": loaded, "paragraphs": "3.1 Thresholds\n3.12 Added second"})
    assert second.status_code == 409
    html = second.content.decode()
    assert "Someone else changed this source while you were editing it" in html
    assert "3.11 Added first" in html and "3.12 Added second" in html  # theirs, and what was typed (kept)
    assert sorted(jtai.paragraphs.values_list("number", flat=True)) == ["3.1", "3.10", "3.11", "3.2", "3.4"]


@pytest.mark.parametrize(
    "role, status", [("owner", 403), ("board", 403), ("nobody", 403), ("admin", 200), ("outsider_coordinator", 200)]
)
def test_who_manages_sources(client, world, jtai, role, status):
    client.force_login(world.user(role))
    assert client.get(reverse("plans:source_paragraphs", args=[jtai.pk])).status_code == status
    assert client.get(reverse("plans:source_create")).status_code == status
    if status == 403:
        assert (
            client.post(reverse("plans:source_paragraphs", args=[jtai.pk]), {"paragraphs": "9.9 X"}).status_code == 403
        )
        assert client.post(reverse("plans:source_create"), {"code": "NEW"}).status_code == 403
        assert (
            not SourceParagraph.objects.filter(number="9.9").exists() and not Source.objects.filter(code="NEW").exists()
        )


def test_add_source_validation(client, world):
    client.force_login(world.coordinator)
    assert (
        "There is already a source called jtai"
        in client.post(reverse("plans:source_create"), {"code": "jtai"}).content.decode()
    )
    assert "Enter the code" in client.post(reverse("plans:source_create"), {"code": ""}).content.decode()
    response = client.post(reverse("plans:source_create"), {"code": "Nat. Enq", "title": "National enquiry"})
    source = Source.objects.get(code="Nat. Enq")
    assert response["Location"] == reverse("plans:source_paragraphs", args=[source.pk])


def test_source_list_for_every_reader(client, world):
    for role in ("board", "owner", "coordinator"):
        client.force_login(world.user(role))
        assert "JTAI" in client.get(reverse("plans:source_list")).content.decode()


def test_sources_are_not_for_users_with_no_part_in_any_plan(client, world):
    source = world.action.source_references.get().source
    client.force_login(world.nobody)
    assert client.get(reverse("plans:source_list")).status_code == 403
    assert client.get(reverse("plans:source_detail", args=[source.pk])).status_code == 403


def _grow(world, jtai, n):
    for i in range(n):
        SourceParagraph.objects.create(source=jtai, number=f"7.{i}", text="Paragraph")
        action = ActionFactory(theme=world.theme)
        SourceReferenceFactory(action=action, source=jtai, paragraph=f"7.{i}")
        ProgressUpdateFactory(action=action, progress_rag=Rag.GREEN)


@pytest.mark.parametrize("size", [1, 60])
def test_source_page_query_count_is_fixed(client, world, jtai, size, django_assert_max_num_queries):
    _grow(world, jtai, size)
    client.force_login(world.board)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("plans:source_detail", args=[jtai.pk]) + f"?plan={world.plan.pk}")
    assert response.status_code == 200
    assert f"{size + 1} of {size + 4} paragraphs answered" in response.content.decode()


@pytest.mark.parametrize("size", [1, 60])
def test_source_list_query_count_is_fixed(client, world, size, django_assert_max_num_queries):
    for i in range(size):
        Source.objects.create(code=f"S{i}")
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("plans:source_list")).status_code == 200


def test_source_page_query_count_is_the_same_for_small_and_large_data(client, world, jtai):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.board)
    url = reverse("plans:source_detail", args=[jtai.pk]) + f"?plan={world.plan.pk}"
    client.get(url)  # warm the session and group caches alike for both runs
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _grow(world, jtai, 50)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(small) == len(large)


def test_paragraph_numbers_sort_naturally():
    from plans.models.sources import paragraph_sort_key

    numbers = ["3.10", "1.2", "1.1b", "1.1a", "1.1", "2", "1.10", "1.3"]
    assert sorted(numbers, key=paragraph_sort_key) == ["1.1", "1.1a", "1.1b", "1.2", "1.3", "1.10", "2", "3.10"]


def test_source_code_needs_letters(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("plans:source_create"), {"code": "!!!"})
    assert "Source code must contain letters" in response.content.decode()
    assert not Source.objects.filter(code="!!!").exists()


@pytest.mark.parametrize("version", ["", "abc", "0", "<script>"])
def test_a_paragraphs_save_with_a_broken_version_is_refused_clearly_and_changes_nothing(client, world, jtai, version):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:source_paragraphs", args=[jtai.pk]), {"version": version, "paragraphs": "9.9 New"}
    )
    assert response.status_code == 200
    assert "This page is out of date: open it again and redo your change" in response.content.decode()
    assert sorted(jtai.paragraphs.values_list("number", flat=True)) == ["3.1", "3.10", "3.2", "3.4"]
