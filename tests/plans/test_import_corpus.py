"""Every workbook of the corpus (tests/data/corpus/: councils' own layouts and tools' exports) imports
with no mapping and every expected fact right: actions, refs in order, owners, sources, RAGs,
themes, categories, due dates, closed actions, the title, the tool and the rows skipped.

The workbooks are built by tests/data/corpus/build.py; those named unseen_* by build_unseen.py (layouts drawn
without looking at the reader) and the tools' exports named unseen_tool_… by build_unseen_tools.py (also written
independently of the reader); the third round of unseen layouts, named round3_*, by build_unseen_round3.py. Their
facts are in <slug>.json beside them.
"""

import pytest

from plans.benchmarks.fidelity import CORPUS, corpus_slugs, expected_facts, score_workbook
from tests.data.corpus import build, build_unseen, build_unseen_round3, build_unseen_tools

SLUGS = corpus_slugs()


def test_the_corpus_has_twelve_council_layouts_and_every_tool():
    tools = [expected_facts(slug)["tool"] for slug in SLUGS]
    assert tools.count(None) >= 12
    assert {"smartsheet", "monday", "planner", "project", "pentana", "word"} <= set(tools)


def test_the_committed_workbooks_are_what_the_builder_writes(tmp_path):
    built = (
        build.build(tmp_path)
        + build_unseen.build(tmp_path)
        + build_unseen_tools.build(tmp_path)
        + build_unseen_round3.build(tmp_path)
    )
    assert sorted(built) == SLUGS
    for slug in SLUGS:
        assert (tmp_path / f"{slug}.json").read_text() == (CORPUS / f"{slug}.json").read_text(), (
            f"{slug}.json is stale: run tests/data/corpus/build.py (or build_unseen_tools.py)"
        )
        assert (tmp_path / f"{slug}.xlsx").read_bytes() == (CORPUS / f"{slug}.xlsx").read_bytes(), (
            f"{slug}.xlsx is stale: run tests/data/corpus/build.py (or build_unseen_tools.py)"
        )


@pytest.mark.parametrize("slug", SLUGS)
def test_every_fact_of_the_workbook_comes_out_right(slug):
    result = score_workbook(slug)
    summary = (
        f"{slug}: {result.facts_right} of {result.facts_expected} facts right, {len(result.lost_actions)} actions lost, "
        f"{len(result.junk_actions)} junk actions ({expected_facts(slug)['description']})"
    )
    assert result.wrong == [], summary + "\n  " + "\n  ".join(result.wrong)
