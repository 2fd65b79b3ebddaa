"""The ``title`` rule type: job titles before a name and standing alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import Style, fix_text, lint_text, load_style
from newslint.errors import RuleFileError

RULE = """
rules:
  - id: titles
    type: title
    scope: [headline, body]
    unchecked_after: [shadow]
    titles: [Prime Minister, Deputy Prime Minister, President, Vice-President, Home Secretary,
             Defence Secretary]
    swap: {Vice President: Vice-President, Defense Secretary: Defence Secretary}
"""


def _style(tmp_path: Path, text: str = RULE) -> Style:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "titles.yaml").write_text(text, encoding="utf-8")
    return load_style([folder])


@pytest.fixture
def style(tmp_path: Path) -> Style:
    return _style(tmp_path)


def _found(text: str, style: Style) -> list[tuple[int, int, str, str | None]]:
    return [(v.line, v.column, v.message, v.replacement) for v in lint_text(text, style=style)]


def test_title_standing_alone_is_lower_case(style: Style) -> None:
    text = "Head\n\nOn Monday the Prime Minister said no."
    assert _found(text, style) == [
        (
            3,
            15,
            "A title standing alone is lower case: 'prime minister', not 'Prime Minister'",
            "prime minister",
        )
    ]
    assert fix_text(text, style=style) == "Head\n\nOn Monday the prime minister said no."


def test_title_before_a_name_is_capitalised(style: Style) -> None:
    text = "Head\n\nThe visit was arranged by home secretary Yvette Cooper."
    assert _found(text, style) == [
        (
            3,
            27,
            "Capitalise a title directly before a name: 'Home Secretary', not 'home secretary'",
            "Home Secretary",
        )
    ]


def test_compound_title_takes_the_house_form(style: Style) -> None:
    text = "Head\n\nHe met Vice President JD Vance and the defense secretary."
    assert _found(text, style) == [
        (
            3,
            8,
            "The house writes this title 'Vice-President', not 'Vice President'",
            "Vice-President",
        ),
        (
            3,
            40,
            "The house writes this title 'defence secretary', not 'defense secretary'",
            "defence secretary",
        ),
    ]


def test_sentence_start_and_headline_capitals_are_not_violations(style: Style) -> None:
    text = "Prime Minister Under Fire\n\nPresident Emmanuel Macron spoke. President of what?"
    assert _found(text, style) == []


def test_headline_form_is_still_checked(style: Style) -> None:
    assert _found("Vice President Visits Ohio\n\nA visit.", style) == [
        (
            1,
            1,
            "The house writes this title 'Vice-President', not 'Vice President'",
            "Vice-President",
        )
    ]


def test_proper_names_and_longer_titles_are_left_alone(style: Style) -> None:
    text = (
        "Head\n\nHe watched Prime Minister's Questions and the Presidents Cup. The "
        "Deputy Prime Minister was late, and so was the Lord President of the Council."
    )
    assert _found(text, style) == [
        (
            3,
            67,
            "A title standing alone is lower case: 'deputy prime minister', "
            "not 'Deputy Prime Minister'",
            "deputy prime minister",
        )
    ]


def test_descriptions_before_a_name_are_left_alone(style: Style) -> None:
    text = (
        "Head\n\nThe shadow home secretary Chris Philp, former president Bill Clinton and "
        "World Bank president Ajay Banga spoke."
    )
    assert _found(text, style) == []


def test_a_title_with_a_name_after_a_comma_stands_alone(style: Style) -> None:
    text = "Head\n\nThe new President, Jane Hollis, spoke."
    assert [v.replacement for v in lint_text(text, style=style)] == ["president"]


def test_cases_are_settings(tmp_path: Path) -> None:
    lower = RULE + "    before_name: lower\n    alone: any\n"
    style = _style(tmp_path, lower)
    text = "Head\n\nThe Prime Minister met President Emmanuel Macron in Paris."
    assert _found(text, style) == [
        (
            3,
            24,
            "Titles are lower case, even before a name: 'president', not 'President'",
            "president",
        )
    ]


def test_swap_target_must_be_a_title(tmp_path: Path) -> None:
    bad = RULE.replace("Defence Secretary}", "Defence Minister}")
    with pytest.raises(RuleFileError, match="not in 'titles'"):
        _style(tmp_path, bad)


def test_a_title_matched_only_by_case_folding_is_left_alone(style: Style) -> None:
    # "ſ" (long s) and "İ" match "s" and "i" when case is ignored, but the words they spell
    # are not the house's titles as written: they are passed over, and the run goes on.
    text = "Head\n\nThe Preſident met the PrİME MINISTER. Later the President left.\n"
    assert _found(text, style) == [
        (
            3,
            49,
            "A title standing alone is lower case: 'president', not 'President'",
            "president",
        )
    ]
