"""Findings arithmetic, checked by hand: "N of M cases (P%)", not applicable excluded, rounding."""

import pytest
from django.urls import reverse

from audits.selectors import Figure, findings, percentage
from tests.audits.conftest import MET, NA, NOT_MET


@pytest.mark.parametrize(
    "numerator, denominator, expected",
    [
        (2, 3, 67),
        (1, 3, 33),
        (1, 8, 13),
        (3, 8, 38),
        (9, 11, 82),
        (7, 11, 64),
        (1, 2, 50),
        (0, 5, 0),
        (5, 5, 100),
        (1, 200, 1),  # 0.5% rounds half up to 1, not to even (0)
    ],
)
def test_percentage_rounds_half_up(numerator, denominator, expected):
    assert percentage(numerator, denominator) == expected


def test_zero_applicable_cases_is_said_in_words_not_a_division_error():
    figure = Figure(met=0, not_met=0, not_applicable=4)
    assert figure.percent is None
    assert figure.text == "no applicable cases"


def _by_number(result):
    return {f.standard.number: f.figure for kloe in result.kloes for f in kloe.standards}


def test_standard_counts_cases_with_not_applicable_excluded(audit):
    cases = [audit.case(f"Case {n}", [audit.police]) for n in range(1, 5)]
    audit.judge(cases[0], audit.police, {audit.s1: MET, audit.s2: NA, audit.s3: NA})
    audit.judge(cases[1], audit.police, {audit.s1: MET, audit.s2: NA, audit.s3: NA})
    audit.judge(cases[2], audit.police, {audit.s1: NOT_MET, audit.s2: NA, audit.s3: NA})
    audit.judge(cases[3], audit.police, {audit.s1: NA, audit.s2: NA, audit.s3: NA})

    figures = _by_number(findings(programme=audit.programme))

    assert (figures[1].met, figures[1].applicable, figures[1].not_applicable) == (2, 3, 1)
    assert figures[1].text == "2 of 3 cases (67%)"
    assert figures[2].text == "no applicable cases"
    assert figures[2].not_applicable == 4


def test_a_case_meets_a_standard_only_when_no_agency_judged_it_not_met(audit):
    both = audit.case("MACA-1", [audit.police, audit.health])
    police_only = audit.case("MACA-2", [audit.police])
    audit.judge(both, audit.police, {audit.s1: MET, audit.s2: MET, audit.s3: NA})
    audit.judge(both, audit.health, {audit.s1: NOT_MET, audit.s2: NA, audit.s3: NA})
    audit.judge(police_only, audit.police, {audit.s1: MET, audit.s2: MET, audit.s3: MET})

    result = findings(programme=audit.programme)
    figures = _by_number(result)

    # S1: MACA-1 has one "not met" (not met overall), MACA-2 met -> 1 of 2
    assert figures[1].text == "1 of 2 cases (50%)"
    # S2: MACA-1 met by police, health said not applicable -> applicable and met; MACA-2 met -> 2 of 2
    assert figures[2].text == "2 of 2 cases (100%)"
    # S3: MACA-1 not applicable for everyone -> excluded; MACA-2 met -> 1 of 1, 1 not applicable
    assert (figures[3].text, figures[3].not_applicable) == ("1 of 1 cases (100%)", 1)
    # KLOE 1 adds up its standards' case results: 1 + 2 met of 2 + 2 applicable
    assert result.kloes[0].figure.text == "3 of 4 case results (75%)"
    # by agency: each agency's own judgements
    by_agency = {row.agency.short_name: row for row in result.agencies}
    assert (by_agency["Police"].figure.met, by_agency["Police"].figure.not_met) == (5, 0)
    assert (
        by_agency["HEFT"].figure.met,
        by_agency["HEFT"].figure.not_met,
        by_agency["HEFT"].figure.not_applicable,
    ) == (0, 1, 2)
    # matrix: standard 1 × HEFT = 0 met, 1 not met
    s1_cells = dict(zip([row.agency.short_name for row in result.agencies], result.matrix[0][1]))
    assert (s1_cells["HEFT"].met, s1_cells["HEFT"].not_met, s1_cells["Police"].met) == (0, 1, 2)


def test_drafts_are_not_counted(audit):
    case = audit.case("Case 1", [audit.police])
    audit.judge(case, audit.police, {audit.s1: NOT_MET, audit.s2: MET, audit.s3: MET}, submit=False)

    figures = _by_number(findings(programme=audit.programme))

    assert figures[1].text == "no applicable cases"


def test_one_of_eight_is_thirteen_percent_and_least_met_come_first(audit):
    cases = [audit.case(f"Case {n}", [audit.police]) for n in range(1, 9)]
    for index, case in enumerate(cases):
        audit.judge(
            case,
            audit.police,
            {
                audit.s1: MET if index == 0 else NOT_MET,  # 1 of 8
                audit.s2: MET,  # 8 of 8
                audit.s3: MET if index < 4 else NOT_MET,  # 4 of 8
            },
        )

    result = findings(programme=audit.programme)

    assert _by_number(result)[1].text == "1 of 8 cases (13%)"
    assert [f.standard.number for f in result.standards_least_met_first] == [1, 3, 2]


def test_findings_page_shows_figures_in_bounded_queries(audit, client, django_assert_max_num_queries):
    for n in range(1, 7):
        case = audit.case(f"Case {n}", [audit.police, audit.health, audit.education])
        audit.judge(case, audit.police, {audit.s1: MET, audit.s2: NOT_MET, audit.s3: NA})
        audit.judge(case, audit.health, {audit.s1: MET, audit.s2: MET, audit.s3: MET})
    client.force_login(audit.board)

    with django_assert_max_num_queries(12):
        response = client.get(f"/audits/{audit.programme.pk}/findings/")

    content = response.content.decode()
    assert "6 of 6 cases (100%)" in content
    assert "0 of 6 cases (0%)" in content
    assert "6 met, 0 not met" in content


def test_the_programme_page_counts_each_cases_judgements_out_of_those_expected(client, audit):
    case = audit.case("C1", [audit.police, audit.health])
    audit.judge(case, audit.police, {audit.s1: MET, audit.s2: MET, audit.s3: NOT_MET})
    client.force_login(audit.lead)
    page = client.get(audit.programme.get_absolute_url()).content.decode()
    assert ">3 of 6</td>" in page  # 3 standards × 2 agencies; the police submitted theirs


def test_the_findings_page_says_what_its_shading_means_in_words(client, audit):
    client.force_login(audit.lead)
    page = client.get(reverse("audits:findings", args=[audit.programme.pk])).content.decode()
    assert "80% or more met" in page and "under 50% met" in page
    assert "By key line of enquiry (KLOE)" in page
