"""Import fidelity: how many of a workbook's expected facts an import with no mapping gets right.

`score(expected, data)` compares the expected facts of one corpus workbook (tests/data/corpus/
<slug>.json, format in the import contract) with what the reader made of it (`ParsedPlan.as_data()`,
plus "tool" and "skipped_rows" from `plan_facts`). Facts:

- the plan's title, when the workbook's facts name one;
- the tool the export comes from (null for a council's own layout);
- each theme (its title, and its number where the facts give one);
- each expected action's ref, theme (by title), text, owners, sources, progress and impact RAG,
  category, due date and closed flag — only the keys the expected action has;
- "skipped_rows_at_least": at least that many rows reported as skipped.

Actions are paired in order on ref and text (an alignment that keeps both lists' order, preferring
pairs whose ref and text both agree). Every fact of an expected action with no partner is wrong (a
lost action); every parsed action with no partner is one wrong fact (a junk action). Texts compare
after Unicode NFC, curly quotes made straight, whitespace collapsed and case folded; owners and
sources compare as sets.

`run` (the `fidelity` benchmark) and `plans.benchmarks.importing` print the corpus's fidelity.
"""

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "corpus"
ACTION_FACTS = [
    "ref",
    "theme",
    "action",
    "owners",
    "sources",
    "progress_rag",
    "impact_rag",
    "category",
    "due_date",
    "closed",
]


@dataclass
class Score:
    facts_expected: int = 0
    facts_right: int = 0
    lost_actions: list = field(default_factory=list)  # expected actions with no partner, as "ref text"
    junk_actions: list = field(default_factory=list)  # parsed actions with no partner, as "ref text"
    wrong: list = field(default_factory=list)  # one line per wrong fact, for a test's failure message

    @property
    def facts_scored(self):
        """Expected facts plus one per junk action: the denominator of the fidelity."""
        return self.facts_expected + len(self.junk_actions)

    @property
    def fidelity(self):
        return self.facts_right / self.facts_scored if self.facts_scored else 1.0

    @property
    def perfect(self):
        return not self.wrong


def norm(text):
    """Text as compared: NFC, straight quotes, whitespace collapsed, case folded."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.split()).casefold()


def _source_texts(sources):
    texts = set()
    for source in sources or []:
        if isinstance(source, dict):
            texts.add(norm(f"{source.get('code', '')} {source.get('paragraph', '')}"))
        else:
            texts.add(norm(source))
    return texts


def _label(action):
    return f"{action.get('ref') or '(no ref)'} {str(action.get('action') or '')[:60]}".strip()


def _pair_weight(expected, parsed):
    same_text = norm(expected.get("action")) == norm(parsed.get("action"))
    same_ref = (
        "ref" in expected and norm(expected.get("ref")) == norm(parsed.get("ref")) and norm(expected.get("ref")) != ""
    )
    if same_text and same_ref:
        return 3
    if same_text:
        return 2
    if same_ref:
        return 1
    return 0


def pair_actions(expected, parsed):
    """Return [(expected index, parsed index)] in order, maximising agreement (longest common subsequence by weight)."""
    n, m = len(expected), len(parsed)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            weight = _pair_weight(expected[i], parsed[j])
            take = best[i + 1][j + 1] + weight if weight else -1
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        weight = _pair_weight(expected[i], parsed[j])
        if weight and best[i][j] == best[i + 1][j + 1] + weight:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _theme_titles(data):
    return {str(theme.get("number")): theme.get("title", "") for theme in data.get("themes", [])}


def _fact_value(name, action, titles):
    if name == "theme":
        return titles.get(str(action.get("theme")), action.get("theme"))
    if name == "closed":
        return bool(action.get("closed"))
    return action.get(name)


def _same(name, expected, got):
    if name in ("owners",):
        return {norm(owner) for owner in expected or []} == {norm(owner) for owner in got or []}
    if name == "sources":
        return _source_texts(expected) == _source_texts(got)
    if name == "closed":
        return bool(expected) == bool(got)
    if name in ("progress_rag", "impact_rag", "due_date", "category"):
        return (expected or None) == (got or None)
    return norm(expected) == norm(got)


def score(expected, data):
    """Score one workbook's parsed data against its expected facts (see the module's docstring)."""
    result = Score()

    def check(label, want, got, same):
        result.facts_expected += 1
        if same:
            result.facts_right += 1
        else:
            result.wrong.append(f"{label}: expected {want!r}, got {got!r}")

    if "title" in expected:
        check("title", expected["title"], data.get("title"), norm(expected["title"]) == norm(data.get("title")))
    if "tool" in expected:
        check("tool", expected["tool"], data.get("tool"), (expected["tool"] or None) == (data.get("tool") or None))
    parsed_themes = data.get("themes", [])
    for theme in expected.get("themes", []):
        found = [t for t in parsed_themes if norm(t.get("title")) == norm(theme["title"])]
        if "number" in theme:
            right = any(str(t.get("number")) == str(theme["number"]) for t in found)
        else:
            right = bool(found)
        got = [(t.get("number"), t.get("title")) for t in found] or "no theme of that title"
        check(f"theme {theme.get('number', '')} {theme['title']!r}".replace("  ", " "), theme, got, right)
    if "skipped_rows_at_least" in expected:
        skipped = data.get("skipped_rows") or 0
        check(
            "rows reported as skipped",
            f"at least {expected['skipped_rows_at_least']}",
            skipped,
            skipped >= expected["skipped_rows_at_least"],
        )

    titles = _theme_titles(data)
    wanted, parsed = expected.get("actions", []), data.get("actions", [])
    pairs = dict(pair_actions(wanted, parsed))
    partnered = set(pairs.values())
    for index, want in enumerate(wanted):
        names = [name for name in ACTION_FACTS if name in want]
        if index not in pairs:
            result.lost_actions.append(_label(want))
            for name in names:
                check(f"action {_label(want)!r} (lost) {name}", want[name], None, False)
            continue
        got = parsed[pairs[index]]
        for name in names:
            value = _fact_value(name, got, titles)
            check(f"action {_label(want)!r} {name}", want[name], value, _same(name, want[name], value))
    for index, got in enumerate(parsed):
        if index not in partnered:
            result.junk_actions.append(_label(got))
            result.wrong.append(f"junk action (not in the plan): {_label(got)!r}")
    return result


# ------------------------------------------------------------------ reading the corpus


def _tool_slug(value):
    if value is None or isinstance(value, str):
        return value or None
    for name in ("slug", "key", "name"):
        if isinstance(getattr(value, name, None), str):
            return getattr(value, name)
    return str(value)


def plan_facts(parsed):
    """The parsed plan as scored: `as_data()` plus the tool it recognised and how many rows it skipped."""
    data = parsed.as_data()
    data["tool"] = _tool_slug(getattr(parsed, "tool", None) or getattr(parsed, "detected_tool", None))
    skipped = getattr(parsed, "skipped_rows", None)
    if skipped is None:
        skipped = getattr(parsed, "skipped", None)
    data["skipped_rows"] = len(skipped) if skipped is not None and not isinstance(skipped, int) else (skipped or 0)
    return data


def corpus_slugs(folder=CORPUS):
    return sorted(path.stem for path in folder.glob("*.json"))


def expected_facts(slug, folder=CORPUS):
    return json.loads((folder / f"{slug}.json").read_text())


def score_workbook(slug, folder=CORPUS):
    """Import one corpus workbook with no mapping and score it; a workbook the reader refuses scores nothing."""
    from plans.importing.files import ImportFileError
    from plans.importing.reading import read_plan_workbook

    expected = expected_facts(slug, folder)
    path = folder / f"{slug}.xlsx"
    try:
        parsed = read_plan_workbook(path, name=path.name)
    except ImportFileError as refused:
        result = score(expected, {"title": "", "themes": [], "actions": []})
        result.wrong.insert(0, f"the reader refused the workbook: {refused}")
        return result
    return score(expected, plan_facts(parsed))


def report(*, out, folder=CORPUS):
    """Print the corpus fidelity, then one line per workbook; return the scores by slug."""
    scores = {slug: score_workbook(slug, folder) for slug in corpus_slugs(folder)}
    right = sum(s.facts_right for s in scores.values())
    expected = sum(s.facts_expected for s in scores.values())
    lost = sum(len(s.lost_actions) for s in scores.values())
    junk = sum(len(s.junk_actions) for s in scores.values())
    scored = expected + junk
    perfect = sum(1 for s in scores.values() if s.perfect)
    out.write(
        f"Corpus fidelity: {right} of {expected} expected facts right ({right / scored:.1%} counting {junk} junk actions as wrong facts); "
        f"{lost} actions lost, {junk} junk actions; {perfect} of {len(scores)} workbooks entirely right (target: all)."
    )
    for slug, s in scores.items():
        out.write(
            f"  {slug}: {s.facts_right}/{s.facts_expected} facts ({s.fidelity:.0%}), "
            f"{len(s.lost_actions)} lost, {len(s.junk_actions)} junk"
        )
    return scores


def run(*, out, options):
    report(out=out)
