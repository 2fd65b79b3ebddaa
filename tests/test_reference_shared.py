"""The ``reference`` rule type's ``shared_surname``: a listed person whose surname many share is
read as named only in a draft that gives their full name."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import Style, fix_text, lint_text, load_style
from newslint.errors import RuleFileError

PEOPLE = """
      - {name: Donald Trump{honorific: Mr}}
      - {name: Anthony Albanese{honorific: Mr}, shared_surname: true}
      - {name: Lee Jae-myung{honorific: Mr}, surname: Lee, shared_surname: true}
      - {name: Li Qiang{honorific: Mr}, surname: Li, shared_surname: true}
      - {name: Pedro Sánchez{honorific: Mr}, variants: [Sanchez], shared_surname: true}
      - {name: António Costa{honorific: Mr}, variants: [Antonio Costa], shared_surname: true}
"""
UK = (
    """
rules:
  - id: ref
    type: reference
    scope: [body]
    honorific: required
    honorific_stop: false
    people:
"""
    + PEOPLE.replace("{honorific: Mr}", ", honorific: Mr")
    + (
        "      - {name: Kim Jong-un, honorific: Mr, surname: Kim, variants: [Kim Jong Un],"
        " shared_surname: true}\n"
    )
)
US = (
    """
rules:
  - id: ref
    type: reference
    scope: [body, quote]
    honorific: forbidden
    honorific_stop: true
    people:
"""
    + PEOPLE.replace("{honorific: Mr}", "")
    + ("      - {name: Kim Jong Un, surname: Kim, variants: [Kim Jong-un], shared_surname: true}\n")
)


def _style(tmp_path: Path, text: str, name: str) -> Style:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "people.yaml").write_text(text, encoding="utf-8")
    return load_style([folder])


@pytest.fixture
def uk(tmp_path: Path) -> Style:
    return _style(tmp_path, UK, "house")


@pytest.fixture
def us(tmp_path: Path) -> Style:
    return _style(tmp_path, US, "wire")


def _found(text: str, style: Style) -> list[tuple[int, int, str, str | None]]:
    return [(v.line, v.column, v.message, v.replacement) for v in lint_text(text, style=style)]


def test_after_the_full_name_the_bare_surname_takes_the_title(uk: Style) -> None:
    text = "Head\n\nAnthony Albanese flew to Perth. Mr Albanese met miners, and Albanese spoke."
    assert _found(text, uk) == [
        (3, 61, "Later references take a courtesy title: 'Mr Albanese'", "Mr Albanese")
    ]
    assert fix_text(text, style=uk).endswith("Mr Albanese met miners, and Mr Albanese spoke.")


def test_a_bare_surname_before_the_full_name_is_a_first_reference(uk: Style) -> None:
    text = "Head\n\nAlbanese flew to Perth. Anthony Albanese then met miners."
    assert _found(text, uk) == [
        (
            3,
            1,
            "First reference should be the full name (Anthony Albanese), not 'Albanese'",
            "Anthony Albanese",
        )
    ]


def test_a_draft_about_another_person_of_the_surname(uk: Style, us: Style) -> None:
    """Neither the listed title nor the listed full name is offered for someone else."""
    assert _found("Head\n\nSergio Albanese runs a bakery. Albanese starts at dawn.", uk) == []
    assert _found("Head\n\nAlbanese opened the bakery. Sergio Albanese runs it.", uk) == []
    assert _found("Head\n\nAlbanese opened the bakery. Sergio Albanese runs it.", us) == []
    text = "Head\n\nGiulia Albanese runs a bakery. Ms Albanese said Albanese bakes."
    assert _found(text, uk) == [
        (3, 49, "Later references take a courtesy title: 'Ms Albanese'", "Ms Albanese")
    ]


def test_the_listed_person_beside_another_of_the_surname(uk: Style) -> None:
    """Which of the two a bare surname means is the writer's to say."""
    text = "Head\n\nAnthony Albanese met Sergio Albanese. Albanese spoke first."
    assert _found(text, uk) == []


def test_without_the_full_name_the_surname_is_left_alone(uk: Style, us: Style) -> None:
    for style in (uk, us):
        assert _found("Head\n\nLee said the ferry was late. Lee then left.", style) == []
    assert _found("Head\n\nMr Albanese spoke to reporters.", uk) == []
    # a listed surname that many do not share is the listed person's even so
    assert _found("Head\n\nMr Trump spoke to reporters.", uk) == [
        (
            3,
            1,
            "First reference should be the full name (Donald Trump), not 'Mr Trump'",
            "Donald Trump",
        )
    ]


def test_family_name_first(uk: Style, us: Style) -> None:
    text = "Head\n\nLi Qiang opened the fair. Mr Li said trade would grow, and Li left."
    assert _found(text, uk) == [(3, 60, "Later references take a courtesy title: 'Mr Li'", "Mr Li")]
    text = "Head\n\nLi Qiang opened the fair. Mr. Li said trade would grow."
    assert fix_text(text, style=us) == "Head\n\nLi Qiang opened the fair. Li said trade would grow."
    text = "Head\n\nLee Jae-myung arrived. Mr. Lee spoke, and Lee left."
    assert _found(text, us) == [
        (3, 24, "No courtesy title outside quotations: 'Lee', not 'Mr. Lee'", "Lee")
    ]


def test_another_of_the_family_named_in_full(uk: Style) -> None:
    text = "Head\n\nLee Jae-myung met Lee Hae-sun, the mayor. Lee spoke first."
    assert _found(text, uk) == []
    text = "Head\n\nKim Jong-un arrived with Kim Yo-jong. Kim spoke first."
    assert _found(text, uk) == []


def test_a_variant_of_the_full_name_names_the_person(uk: Style, us: Style) -> None:
    text = "Head\n\nKim Jong Un watched the launch. Kim said it had worked."
    assert fix_text(text, style=uk) == (
        "Head\n\nKim Jong-un watched the launch. Mr Kim said it had worked."
    )
    text = "Head\n\nKim Jong-un watched the launch. Mr. Kim said it had worked."
    assert fix_text(text, style=us) == (
        "Head\n\nKim Jong Un watched the launch. Kim said it had worked."
    )
    text = "Head\n\nAntonio Costa chaired the summit. Costa spoke last."
    assert fix_text(text, style=uk) == (
        "Head\n\nAntónio Costa chaired the summit. Mr Costa spoke last."
    )


def test_a_one_word_variant_only_where_the_person_is_named(uk: Style, us: Style) -> None:
    text = "Head\n\nPedro Sanchez flew to Brussels. Sanchez met the leaders."
    assert fix_text(text, style=uk) == (
        "Head\n\nPedro Sánchez flew to Brussels. Mr Sánchez met the leaders."
    )
    assert fix_text(text, style=us) == (
        "Head\n\nPedro Sánchez flew to Brussels. Sánchez met the leaders."
    )
    for style in (uk, us):
        assert _found("Head\n\nAlexis Sanchez scored twice. Sanchez was replaced.", style) == []
        assert _found("Head\n\nSanchez scored twice.", style) == []


def test_two_shared_entries_with_one_surname(tmp_path: Path) -> None:
    text = UK + "      - {name: Kim Yo-jong, honorific: Ms, surname: Kim, shared_surname: true}\n"
    style = _style(tmp_path, text, "two")
    assert fix_text("Head\n\nKim Yo-jong spoke. Kim left.", style=style) == (
        "Head\n\nKim Yo-jong spoke. Ms Kim left."
    )
    assert fix_text("Head\n\nKim Jong-un spoke. Kim left.", style=style) == (
        "Head\n\nKim Jong-un spoke. Mr Kim left."
    )
    assert _found("Head\n\nKim Jong-un met Kim Yo-jong. Kim left.", style) == []


def test_a_shared_surname_beside_an_unshared_one_is_refused(tmp_path: Path) -> None:
    text = UK + "      - {name: Sergio Albanese, honorific: Mr}\n"
    with pytest.raises(RuleFileError, match="two people share the surname 'Albanese'"):
        _style(tmp_path, text, "bad")
