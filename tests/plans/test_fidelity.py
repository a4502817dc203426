"""The corpus scorer: a lost action, a junk action and a wrong owner each lower the score."""

import copy

from plans.benchmarks.fidelity import norm, pair_actions, score

EXPECTED = {
    "description": "two themes, three actions",
    "tool": None,
    "title": "Westshire improvement plan",
    "themes": [{"number": "1", "title": "Leadership"}, {"number": "2", "title": "Front door"}],
    "actions": [
        {
            "ref": "1.1",
            "theme": "Leadership",
            "action": "Relaunch the supervision policy",
            "owners": ["Principal Social Worker"],
            "sources": ["Ofsted 34"],
            "progress_rag": "green",
            "due_date": "2025-03-31",
        },
        {
            "ref": "1.2",
            "theme": "Leadership",
            "action": "Audit management oversight",
            "owners": ["Head of Service CIN/CP", "Designated Nurse, Westshire Health"],
            "sources": ["JTAI 14", "JTAI 15"],
            "progress_rag": "amber",
            "due_date": None,
        },
        {
            "ref": "2.1",
            "theme": "Front door",
            "action": "Review the threshold document",
            "owners": ["MASH Team Manager"],
            "sources": [],
            "progress_rag": None,
            "closed": True,
        },
    ],
    "skipped_rows_at_least": 1,
}

PARSED = {
    "title": "Westshire  Improvement Plan",
    "tool": None,
    "skipped_rows": 2,
    "themes": [{"number": "1", "title": "Leadership"}, {"number": "2", "title": "Front door"}],
    "actions": [
        {
            "ref": "1.1",
            "theme": "1",
            "action": "Relaunch the supervision  policy",
            "owners": ["Principal Social Worker"],
            "sources": [{"code": "Ofsted", "paragraph": "34"}],
            "progress_rag": "green",
            "due_date": "2025-03-31",
        },
        {
            "ref": "1.2",
            "theme": "1",
            "action": "Audit management oversight",
            "owners": ["Designated Nurse, Westshire Health", "Head of Service CIN/CP"],
            "sources": [{"code": "JTAI", "paragraph": "15"}, {"code": "JTAI", "paragraph": "14"}],
            "progress_rag": "amber",
            "due_date": None,
        },
        {
            "ref": "2.1",
            "theme": "2",
            "action": "Review the threshold document",
            "owners": ["MASH Team Manager"],
            "sources": [],
            "progress_rag": None,
            "closed": True,
        },
    ],
}


def parsed():
    return copy.deepcopy(PARSED)


def test_a_faithful_reading_scores_every_fact():
    result = score(EXPECTED, parsed())
    assert result.wrong == []
    assert (
        result.facts_right == result.facts_expected == 1 + 1 + 2 + 1 + 7 + 7 + 7
    )  # title, tool, themes, skipped rows, actions
    assert result.fidelity == 1.0


def test_a_lost_action_loses_all_its_facts():
    data = parsed()
    del data["actions"][1]
    result = score(EXPECTED, data)
    assert result.lost_actions == ["1.2 Audit management oversight"]
    assert result.facts_expected - result.facts_right == 7
    assert result.fidelity < 1.0
    assert any("(lost)" in line for line in result.wrong)


def test_a_junk_action_counts_as_a_wrong_fact():
    data = parsed()
    data["actions"].insert(1, {"ref": "", "theme": "1", "action": "NB: dates agreed by the board", "owners": []})
    result = score(EXPECTED, data)
    assert result.junk_actions == ["(no ref) NB: dates agreed by the board"]
    assert result.facts_right == result.facts_expected
    assert result.facts_scored == result.facts_expected + 1
    assert result.fidelity < 1.0
    assert result.wrong == ["junk action (not in the plan): '(no ref) NB: dates agreed by the board'"]


def test_a_wrong_owner_is_one_wrong_fact():
    data = parsed()
    data["actions"][1]["owners"] = ["Head of Service CIN", "CP", "Designated Nurse, Westshire Health"]
    result = score(EXPECTED, data)
    assert result.facts_expected - result.facts_right == 1
    assert len(result.wrong) == 1 and "owners" in result.wrong[0]


def test_a_wrong_rag_theme_date_source_and_closed_flag_are_each_wrong():
    data = parsed()
    data["actions"][0]["progress_rag"] = "amber"
    data["actions"][0]["theme"] = "2"
    data["actions"][0]["due_date"] = "2025-03-30"
    data["actions"][1]["sources"] = [{"code": "JTAI", "paragraph": "14, 15"}]
    data["actions"][2]["closed"] = False
    result = score(EXPECTED, data)
    assert result.facts_expected - result.facts_right == 5


def test_plan_facts_title_themes_tool_and_skipped_rows_are_scored():
    data = parsed()
    data["title"] = "plan.xlsx"
    data["themes"][1]["title"] = "Front door and MASH"
    data["tool"] = "monday"
    data["skipped_rows"] = 0
    result = score(EXPECTED, data)
    # title, tool, skipped rows, the theme, and the action in that theme (its theme's title is now wrong)
    assert result.facts_expected - result.facts_right == 5


def test_an_absent_fact_is_not_scored():
    expected = copy.deepcopy(EXPECTED)
    for action in expected["actions"]:
        action.pop("owners")
    data = parsed()
    for action in data["actions"]:
        action["owners"] = ["Somebody else"]
    assert score(expected, data).wrong == []


def test_actions_pair_in_order_on_ref_and_text():
    expected = [{"ref": "1", "action": "a"}, {"ref": "2", "action": "b"}, {"ref": "3", "action": "c"}]
    got = [
        {"ref": "1", "action": "a"},
        {"ref": "x", "action": "junk"},
        {"ref": "3", "action": "c"},
        {"ref": "2", "action": "b"},
    ]
    assert pair_actions(expected, got) in ([(0, 0), (2, 2)], [(0, 0), (1, 3)])
    assert pair_actions([{"action": "Same text"}], [{"ref": "9", "action": "same  TEXT"}]) == [(0, 0)]


def test_texts_compare_without_case_spacing_or_curly_quotes():
    assert norm("Children’s  Services\n") == norm("children's services")
    assert norm("Cafe\u0301") == norm("Café")
