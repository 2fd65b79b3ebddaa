"""The ``reference`` rule type: first and later references to people."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import Style, fix_text, lint_text, load_style
from newslint.errors import RuleFileError

UK = """
rules:
  - id: ref
    type: reference
    scope: [body]
    honorific: required
    honorific_stop: false
    people:
      - {name: Volodymyr Zelensky, honorific: Mr, variants: [Zelenskyy, Zelenskiy]}
      - {name: Donald Trump, honorific: Mr}
      - {name: Keir Starmer, honorific: Sir}
      - {name: Xi Jinping, honorific: Mr, surname: Xi}
"""

US = """
rules:
  - id: ref
    type: reference
    scope: [body, quote]
    honorific: forbidden
    honorific_stop: true
    people:
      - {name: Volodymyr Zelenskyy, variants: [Zelensky]}
      - {name: Donald Trump}
"""


def _style(tmp_path: Path, text: str, name: str = "house") -> Style:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "people.yaml").write_text(text, encoding="utf-8")
    return load_style([folder])


@pytest.fixture
def uk(tmp_path: Path) -> Style:
    return _style(tmp_path, UK)


@pytest.fixture
def us(tmp_path: Path) -> Style:
    return _style(tmp_path, US, "wire")


def _found(text: str, style: Style) -> list[tuple[int, int, str, str | None]]:
    return [(v.line, v.column, v.message, v.replacement) for v in lint_text(text, style=style)]


def test_bare_surname_takes_the_listed_courtesy_title(uk: Style) -> None:
    text = "Head\n\nDonald Trump flew to Ohio. Trump's aides said he was pleased."
    assert _found(text, uk) == [
        (3, 28, "Later references take a courtesy title: 'Mr Trump'", "Mr Trump")
    ]
    assert lint_text(text, style=uk)[0].rule == "house.ref"
    assert fix_text(text, style=uk).endswith("Mr Trump's aides said he was pleased.")


def test_courtesy_title_before_the_full_name(uk: Style) -> None:
    text = "Head\n\nMr Trump landed. Donald Trump then spoke."
    assert _found(text, uk) == [
        (
            3,
            1,
            "First reference should be the full name (Donald Trump), not 'Mr Trump'",
            "Donald Trump",
        )
    ]


def test_variant_spelling_is_corrected(uk: Style) -> None:
    text = "Head\n\nVolodymyr Zelenskyy spoke. Mr Zelenskiy left."
    assert _found(text, uk) == [
        (3, 11, "Spell the name 'Zelensky', not 'Zelenskyy'", "Zelensky"),
        (3, 31, "Spell the name 'Zelensky', not 'Zelenskiy'", "Zelensky"),
    ]
    assert fix_text(text, style=uk) == "Head\n\nVolodymyr Zelensky spoke. Mr Zelensky left."


def test_a_variant_of_the_full_name_is_found_across_a_line_break(tmp_path: Path) -> None:
    house = _style(
        tmp_path,
        UK.replace("variants: [Zelenskyy, Zelenskiy]", "variants: [Zelenskyy, Vladimir Zelensky]"),
    )
    text = "Head\n\nThe visit of Vladimir\nZelensky was short. Mr Zelenskyy left."
    assert _found(text, house) == [
        (
            3,
            14,
            "Spell the name 'Volodymyr Zelensky', not 'Vladimir Zelensky'",
            "Volodymyr Zelensky",
        ),
        (4, 24, "Spell the name 'Zelensky', not 'Zelenskyy'", "Zelensky"),
    ]


def test_stop_after_courtesy_title_is_dropped(uk: Style) -> None:
    text = "Head\n\nDonald Trump spoke. Mr. Trump left."
    assert _found(text, uk) == [(3, 21, "Write the courtesy title as 'Mr', not 'Mr.'", "Mr")]


def test_quotations_keep_the_speakers_words(uk: Style) -> None:
    text = 'Head\n\nDonald Trump spoke. "Trump is wrong, and Mr. Trump knows it," she said.'
    assert _found(text, uk) == []


def test_learned_person_takes_the_title_the_copy_gives(uk: Style) -> None:
    text = "Head\n\nJane Hollis chairs the panel. Ms Hollis said it was late, and Hollis left."
    assert _found(text, uk) == [
        (3, 63, "Later references take a courtesy title: 'Ms Hollis'", "Ms Hollis")
    ]


def test_learned_person_without_a_title_is_left_alone(uk: Style) -> None:
    text = "Head\n\nMarcus Reed scored twice. Reed also hit the post, and Reed's side won."
    assert _found(text, uk) == []


def test_require_for_all_reports_without_guessing_the_title(tmp_path: Path) -> None:
    style = _style(
        tmp_path, UK.replace("honorific: required", "honorific: required\n    require_for: all")
    )
    text = "Head\n\nMarcus Reed scored twice. Reed also hit the post."
    assert _found(text, style) == [
        (3, 27, "Later references take a courtesy title before 'Reed'", None)
    ]


def test_places_and_organisations_are_not_people(uk: Style) -> None:
    text = (
        "Head\n\nManchester United won in New York. United are top. The Prime Minister went"
        " to Downing Street, and the Labour Party met. Street parties followed. York is quiet."
    )
    assert _found(text, uk) == []


def test_attributive_and_titled_uses_are_not_references(uk: Style) -> None:
    text = (
        "Head\n\nPresident Trump spoke. The Trump administration agreed, and the "
        "Trump family left. Donald Trump said the Trump Tower plan would go ahead."
    )
    assert _found(text, uk) == []


def test_middle_initial_counts_as_full_name(tmp_path: Path) -> None:
    style = _style(tmp_path, UK)
    text = "Head\n\nGeorge W. Bush spoke. Mr Bush left, and Bush waved."
    assert _found(text, style) == [
        (3, 41, "Later references take a courtesy title: 'Mr Bush'", "Mr Bush")
    ]


def test_a_knight_keeps_his_first_name(uk: Style) -> None:
    text = "Head\n\nSir Keir Starmer spoke. Mr Starmer left."
    assert _found(text, uk) == [
        (3, 25, "Later references to Keir Starmer are 'Sir Keir', not 'Mr Starmer'", "Sir Keir")
    ]


def test_surname_first_names(uk: Style) -> None:
    text = "Head\n\nXi Jinping arrived. Mr Xi met officials, then Xi left."
    assert _found(text, uk) == [(3, 47, "Later references take a courtesy title: 'Mr Xi'", "Mr Xi")]


def test_someone_else_with_a_listed_surname(uk: Style) -> None:
    text = "Head\n\nIvanka Trump spoke. Ms Trump said the plan was hers, and Trump left."
    assert _found(text, uk) == [
        (3, 58, "Later references take a courtesy title: 'Ms Trump'", "Ms Trump")
    ]


def test_forbidden_drops_the_courtesy_title(us: Style) -> None:
    text = 'Head\n\nDonald Trump spoke. Mr. Trump left. "Mr. Trump is right," she said.'
    assert _found(text, us) == [
        (3, 21, "No courtesy title outside quotations: 'Trump', not 'Mr. Trump'", "Trump")
    ]
    fixed = fix_text(text, style=us)
    assert fixed == 'Head\n\nDonald Trump spoke. Trump left. "Mr. Trump is right," she said.'


def test_stop_added_in_quotations_where_the_house_wants_one(us: Style) -> None:
    text = 'Head\n\nDonald Trump spoke. "Mr Trump is right," she said.'
    assert _found(text, us) == [(3, 22, "Write the courtesy title as 'Mr.', not 'Mr'", "Mr.")]


def test_variants_in_quotations_only_when_scope_includes_quote(uk: Style, us: Style) -> None:
    text = 'Head\n\nVolodymyr Zelenskyy spoke. "Zelensky is right," she said.'
    assert _found(text, us) == [(3, 29, "Spell the name 'Zelenskyy', not 'Zelensky'", "Zelenskyy")]
    uk_text = 'Head\n\nVolodymyr Zelensky spoke. "Zelenskyy is right," she said.'
    assert _found(uk_text, uk) == []


def test_messages_can_be_overridden(tmp_path: Path) -> None:
    style = _style(tmp_path, UK + '    messages: {required: "Use {replacement}"}\n')
    assert _found("Head\n\nDonald Trump spoke. Trump left.", style) == [
        (3, 21, "Use Mr Trump", "Mr Trump")
    ]


def test_unknown_message_kind_is_a_rule_file_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="unknown message kind 'second'"):
        _style(tmp_path, UK + '    messages: {second: "x"}\n')


def test_two_people_with_one_surname_is_a_rule_file_error(tmp_path: Path) -> None:
    bad = UK + "      - {name: Ivanka Trump, honorific: Ms}\n"
    with pytest.raises(RuleFileError, match="two people share the surname 'Trump'"):
        _style(tmp_path, bad)


def test_unknown_person_key_is_a_rule_file_error(tmp_path: Path) -> None:
    bad = UK + "      - {name: Ivanka Jones, title: Ms}\n"
    with pytest.raises(RuleFileError, match="unknown key 'title'"):
        _style(tmp_path, bad)


def test_initials_without_stops_are_a_first_name(uk: Style) -> None:
    text = "Talks\n\nVice-President JD Vance arrived. Mr Vance spoke. Later Vance left.\n"
    assert _found(text, uk) == [
        (3, 56, "Later references take a courtesy title: 'Mr Vance'", "Mr Vance")
    ]
