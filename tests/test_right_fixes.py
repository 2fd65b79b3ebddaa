"""Every fix is right: each case here was a fix that damaged a draft, or a report that a fix
could not settle, and is kept as a regression test with sentences written for the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run
from newslint import fix_text, lint_text
from newslint.checks import Rule
from newslint.fix import fix_document
from newslint.rulefile import parse_rules
from newslint.style import Style, load_style

UK = load_style(["core", "uk-news"])
US = load_style(["core", "us-news"])


def body(text: str) -> str:
    """``text`` as body copy: a plain-text draft's first paragraph is its headline."""
    return f"Council meets\n\n{text}\n"


# --- times keep no stray full stop -----------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "text", "fixed"),
    [
        (US, "The vote closes at 12 p.m. Friday, officials said.", "noon Friday"),
        (UK, "The vote closes at 12 p.m. Friday, officials said.", "noon Friday"),
        (UK, "The minister spoke at 1:30 p.m. (1830 GMT) in the hall.", "1.30pm (18:30 GMT)"),
        (UK, "The polls close at 1:30 p.m. EST on the coast.", "at 13:30 EST on"),
        (US, "The ferry sails at 9 a.m. Sunday from the pier.", "at 9 a.m. Sunday from"),
        # a full stop that ends the sentence too stays: the next sentence keeps its start
        (UK, "The talks ended at 4 p.m. The leaders then left.", "at 4pm. The leaders"),
        (US, "The talks ended at 4 PM. The leaders then left.", "at 4 p.m. The leaders"),
    ],
)
def test_a_time_fix_leaves_no_stray_full_stop(style: Style, text: str, fixed: str) -> None:
    out = fix_text(body(text), style=style)
    assert fixed in out, out
    assert ". ." not in out and ".." not in out
    assert fix_text(out, style=style) == out


# --- --fix settles, and says what it wrote ---------------------------------------------------


def test_fix_settles_on_a_zoned_time_and_a_second_run_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The polls close at 1:30 p.m. EST on the coast.\n")
    code, _, err = run(capsys, "--isolated", "--style", "uk-news", "--fix", "a.txt")
    assert Path("a.txt").read_text() == "The polls close at 13:30 EST on the coast.\n"
    assert (code, err) == (0, "Fixed 1 violation in 1 file.\n")
    code, out, err = run(capsys, "--isolated", "--style", "uk-news", "--fix", "a.txt")
    # nothing fixed, nothing claimed: the clean run says so, and no more
    assert (code, out, err) == (0, "", "No violations in 1 file.\n")


HOUSE = """\
rules:
  - id: zelenskyy
    type: substitution
    swap: {Zelensky: Zelenskyy}
    examples: {fail: ["Mr Zelensky spoke."], pass: ["Mr Zelenskyy spoke."]}
"""


def _house(tmp_path: Path) -> Path:
    (tmp_path / "house").mkdir(exist_ok=True)
    (tmp_path / "house" / "names.yaml").write_text(HOUSE)
    return tmp_path / "house"


def test_fixes_that_undo_each_other_settle_and_count_what_was_written() -> None:
    """A pattern and a word that undo each other cannot be seen at load (a pattern's matches
    are not listed); fixing stops where the circle starts, the same text on every run."""
    rules = parse_rules(
        "rules:\n"
        "  - {id: a, type: substitution, swap: {'gr[e]y': gray}}\n"
        "  - {id: b, type: substitution, swap: {gray: grey}}\n",
        "r.yaml",
        "house",
    )
    style = Style(tuple(rules))
    for text in ("The grey cat sat.\n", "The gray cat sat.\n"):
        fixed = fix_document(text, style)
        assert (fixed.text, fixed.fixes) == (text, 0)
        assert len(fixed.violations) == 1  # still reported, for a person to decide
    with_core = load_rules_with_core(rules)
    mixed = fix_document("The grey cat sat.  The dog ran.\n", with_core)
    assert (mixed.text, mixed.fixes) == ("The gray cat sat. The dog ran.\n", 2)
    again = fix_document(mixed.text, with_core)
    assert (again.text, again.fixes) == (mixed.text, 0)


def load_rules_with_core(rules: list[Rule]) -> Style:
    return Style((*load_style(["core"]).rules, *rules))


def test_a_later_rule_wins_within_one_pack_too() -> None:
    rules = parse_rules(
        "rules:\n"
        "  - {id: a, type: substitution, swap: {grey: gray}}\n"
        "  - {id: b, type: substitution, swap: {gray: grey}}\n",
        "r.yaml",
        "house",
    )
    style = Style(tuple(rules))
    assert fix_document("The grey cat sat.\n", style).fixes == 0
    fixed = fix_document("The gray cat sat.\n", style)
    assert (fixed.text, fixed.fixes, fixed.violations) == ("The grey cat sat.\n", 1, ())


# --- rules that undo each other: the later rule wins -----------------------------------------

DRAFT = body("Volodymyr Zelensky spoke in Kyiv on Monday. Later Mr Zelenskyy left the hall.")


def test_a_house_rule_wins_over_the_pack_it_extends(tmp_path: Path) -> None:
    style = load_style(["uk-news", str(_house(tmp_path))])
    found = [(v.rule, v.found, v.replacement) for v in lint_text(DRAFT, style=style)]
    assert found == [("house.zelenskyy", "Zelensky", "Zelenskyy")]
    fixed = fix_document(DRAFT, style)
    assert fixed.text == DRAFT.replace("Zelensky ", "Zelenskyy ")
    assert (fixed.fixes, fixed.violations) == (1, ())


def test_the_pack_loaded_later_wins_the_same_way_every_time(tmp_path: Path) -> None:
    text = "Volodymyr Zelensky and Volodymyr Zelenskyy both spoke on Monday.\n"
    house_last = load_style(["uk-news", str(_house(tmp_path))])
    uk_last = load_style([str(_house(tmp_path)), "uk-news"])
    assert [v.found for v in lint_text(body(text), style=house_last)] == ["Zelensky"]
    assert [v.found for v in lint_text(body(text), style=uk_last)] == ["Zelenskyy"]
    us_last = load_style(["uk-news", "us-news"])
    assert [(v.rule, v.found) for v in lint_text(body(text), style=us_last)] == [
        ("us-news.person-reference", "Zelensky")
    ]


def test_the_cli_fixes_a_contradiction_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _house(tmp_path)
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(DRAFT)
    code, _, err = run(
        capsys, "--isolated", "--style", "uk-news", "--style", "house", "--fix", "a.txt"
    )
    assert (code, err) == (0, "Fixed 1 violation in 1 file.\n")
    assert Path("a.txt").read_text() == DRAFT.replace("Zelensky ", "Zelenskyy ")


# --- core.missing-space does not split names -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The order went through Amazon.com on Friday.",
        "Its news page at Yahoo.co.uk was busy.",
        "The new book by J.K. Rowling sold out.",
    ],
)
def test_a_full_stop_inside_a_name_is_not_a_missing_space(text: str) -> None:
    assert [v.rule for v in lint_text(body(text))] == []
    assert fix_text(body(text)) == body(text)


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("Shares in One.Tel fell sharply on Monday.", 14),
        ("The ferry left Oslo.Crowds waved from the quay.", 20),
    ],
)
def test_a_full_stop_between_capitalised_words_is_reported_without_a_fix(
    text: str, column: int
) -> None:
    """A name ("One.Tel") or a sentence ending in one ("Oslo.Crowds"): only a person can tell."""
    found = [(v.rule, v.column, v.replacement) for v in lint_text(body(text))]
    assert found == [("core.missing-space-after-name", column, None)]
    assert fix_text(body(text)) == body(text)


def test_a_missing_space_after_a_sentence_is_still_fixed() -> None:
    text = "The minister resigned.The party was stunned. Was it true?Nobody knew."
    found = [(v.column, v.found) for v in lint_text(body(text))]
    assert found == [(22, ".Th"), (57, "?No")]
    assert fix_text(body(text)) == body(
        "The minister resigned. The party was stunned. Was it true? Nobody knew."
    )


# --- one change, one report ------------------------------------------------------------------


def test_one_span_flagged_by_two_rules_is_reported_and_fixed_once() -> None:
    text = "The defence secretary, Ann Lee, spoke on Monday."
    found = [
        (v.rule, v.column, v.end_column, v.replacement) for v in lint_text(body(text), style=US)
    ]
    assert found == [("us-news.ense-spelling", 5, 12, "defense")]
    fixed = fix_document(body(text), US)
    assert fixed.text == body("The defense secretary, Ann Lee, spoke on Monday.")
    assert fixed.fixes == 1


def test_two_different_changes_of_one_span_are_both_reported() -> None:
    rules = parse_rules(
        "rules:\n"
        "  - {id: colour, type: substitution, swap: {colour: color}}\n"
        "  - {id: scheme, type: substitution, swap: {colour scheme: colour plan}}\n"
        "  - {id: same, type: substitution, swap: {colour scheme: color scheme}}\n",
        "r.yaml",
        "house",
    )
    text = "The colour scheme was new."
    found = [
        (v.rule, v.column, v.replacement) for v in lint_text(body(text), style=Style(tuple(rules)))
    ]
    assert found == [("house.colour", 5, "color"), ("house.scheme", 5, "colour plan")]


# --- no message contradicts its own pack -----------------------------------------------------


def test_us_news_never_asks_for_a_courtesy_title_it_forbids() -> None:
    text = "Mr Smith, a farmer, said the vote was close. Smith left early."
    found = lint_text(body(text), style=US)
    assert not [v for v in found if "'Mr.'" in v.message], [v.message for v in found]
    assert fix_text(body(text), style=US) == body(text)


def test_us_news_still_asks_for_the_full_stop_inside_a_quotation() -> None:
    text = 'Tom Smith spoke first. "Mr Smith is wrong," a rival said.'
    found = [(v.rule, v.found, v.replacement) for v in lint_text(body(text), style=US)]
    assert found == [("us-news.person-reference", "Mr", "Mr.")]


def test_a_rule_that_gave_way_on_every_word_may_still_be_named(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "r.yaml").write_text(
        "rules:\n  - {id: grey, type: substitution, swap: {gray: grey}}\n"
    )
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "r.yaml").write_text(
        "rules:\n  - {id: gray, type: substitution, swap: {grey: gray}}\n"
    )
    style = load_style([str(tmp_path / "house"), str(tmp_path / "later")])
    assert [r.name for r in style.rules] == ["later.gray"]
    assert "house.grey" in style.names
    text = body("The gray sky. <!-- newslint-disable house.grey -->")
    assert [v.rule for v in lint_text(text, style=style, format="markdown")] == []


def test_two_rules_asking_the_same_change_of_one_span_make_one_report() -> None:
    rules = parse_rules(
        "rules:\n"
        "  - {id: spelling, type: substitution, swap: {colour: color}}\n"
        "  - {id: american, type: substitution, swap: {colour: color}}\n",
        "r.yaml",
        "house",
    )
    text = body("The colour was new.")
    found = [(v.rule, v.column, v.replacement) for v in lint_text(text, style=Style(tuple(rules)))]
    assert found == [("house.american", 5, "color")]  # the first by rule id


# --- a fix never turns one kind of quotation mark into the other ------------------------------


def test_mixed_quotes_never_writes_a_single_mark_for_a_double_one() -> None:
    # Straight marks win (three to two), counted together; the curly double quotes are flagged
    # but not fixed to the straight apostrophe, which would change what the copy says.
    style = load_style(["core"])
    text = "“We will win,” she said. It's late and 'they' know it.\n"
    found = [v for v in lint_text(text, style=style) if v.rule == "core.mixed-quotes"]
    assert [(v.column, v.found, v.replacement) for v in found] == [(1, "“", None), (14, "”", None)]
    # A curly apostrophe among curly apostrophes is still fixed to its own kind.
    text = "It’s late and it's cold, but it’s fine.\n"
    assert fix_text(text, style=style) == "It’s late and it’s cold, but it’s fine.\n"
