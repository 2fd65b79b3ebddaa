"""Surnames that particles open ("Ursula von der Leyen", "Louis van Gaal", "Herman Van
Rompuy"): read as one surname at every reference, with the courtesy-title policy applied and
the particles written as the full name writes them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Style, fix_text, lint_text, load_style
from newslint.checks.names import particle_key, particle_starts
from newslint.errors import RuleFileError
from newslint.rulefile import parse_rules

UK = load_style(["core", "uk-news"])
US = load_style(["core", "us-news"])
HEAD = "EU talks resume\n\n"

Row = tuple[str, int, int, int, str, str | None]


def people_style(honorific: str, *people: str) -> Style:
    """A style of one reference rule listing ``people`` (each a YAML flow mapping)."""
    listed = "".join(f"      - {person}\n" for person in people)
    source = (
        'rules:\n  - id: people\n    type: reference\n    message: ""\n'
        f"    honorific: {honorific}\n    people:\n{listed}"
    )
    return Style(tuple(parse_rules(source, "test.yaml", pack="t")))


def references(text: str, style: Style) -> list[Row]:
    return [
        (v.rule, v.line, v.column, v.end_column, v.found, v.replacement)
        for v in lint_text(text, style=style)
        if v.rule.endswith("person-reference")
    ]


def test_a_learned_surname_with_particles_takes_its_courtesy_title() -> None:
    text = (
        f"{HEAD}Ursula von der Leyen spoke first. Ms von der Leyen said the bloc was ready. "
        "Von der Leyen left at noon.\n"
    )
    assert references(text, UK) == [
        ("uk-news.person-reference", 3, 77, 90, "Von der Leyen", "Ms von der Leyen")
    ]
    assert fix_text(text, style=UK).endswith("ready. Ms von der Leyen left at noon.\n")


def test_dropping_the_title_capitalises_the_particle_only_at_a_sentence_start() -> None:
    text = (
        f"{HEAD}Ursula von der Leyen spoke. Later Ms von der Leyen said no. "
        "Ms von der Leyen left.\n"
    )
    assert references(text, US) == [
        ("us-news.person-reference", 3, 35, 51, "Ms von der Leyen", "von der Leyen"),
        ("us-news.person-reference", 3, 61, 77, "Ms von der Leyen", "Von der Leyen"),
    ]
    assert fix_text(text, style=US) == (
        f"{HEAD}Ursula von der Leyen spoke. Later von der Leyen said no. Von der Leyen left.\n"
    )


def test_capitalised_particles_are_written_as_the_full_name_writes_them() -> None:
    text = (
        f"{HEAD}Herman Van Rompuy chaired the talks. Mr Van Rompuy said little, "
        "and Van Rompuy left.\n"
    )
    assert references(text, UK) == [
        ("uk-news.person-reference", 3, 69, 79, "Van Rompuy", "Mr Van Rompuy")
    ]


def test_le_and_la_open_a_surname_only_after_a_name_or_inside_a_known_one() -> None:
    text = f"{HEAD}Marine Le Pen spoke. Ms Le Pen said no, and Le Pen left.\n"
    assert references(text, UK) == [("uk-news.person-reference", 3, 45, 51, "Le Pen", "Ms Le Pen")]
    assert references(text, US) == [
        ("us-news.person-reference", 3, 22, 31, "Ms Le Pen", "Le Pen"),
    ]
    # A paper or a city is nobody's surname: nothing in the copy names a person so.
    assert references(f"{HEAD}Le Monde reported it. La Paz was calm.\n", UK) == []


def test_a_titled_surname_before_the_full_name_is_a_first_reference() -> None:
    text = f"{HEAD}Mr van Gaal said the team was tired. Louis van Gaal then left.\n"
    [row] = [
        (v.column, v.end_column, v.found, v.message)
        for v in lint_text(text, style=UK)
        if v.rule == "uk-news.person-reference"
    ]
    assert row == (
        1,
        12,
        "Mr van Gaal",
        "First reference should be the full name (Louis van Gaal), not 'Mr van Gaal'",
    )


def test_a_surname_never_titled_is_left_alone_as_before() -> None:
    # Sports copy names the manager by surname alone throughout.
    text = f"{HEAD}Louis van Gaal picked the team. Van Gaal said the players were tired.\n"
    assert references(text, UK) == []


def test_words_that_are_not_particles_of_a_name_change_nothing() -> None:
    text = (
        f"{HEAD}The de facto leader arrived in Paris. Von der Leyen said nothing. Al Gore spoke "
        "and Mr Gore left.\n"
    )
    # "Paris." ends its sentence, so it is no given name of "Von der Leyen", who is listed in
    # uk-news: a bare first reference.  "Al" is a given name, not a particle.
    assert references(text, UK) == [
        ("uk-news.person-reference", 3, 39, 52, "Von der Leyen", "Ursula von der Leyen")
    ]
    assert [row[4] for row in references(text, US)] == ["Von der Leyen", "Mr Gore"]


def test_a_listed_person_with_particles() -> None:
    style = people_style(
        "required",
        "{name: Ursula von der Leyen, honorific: Ms}",
        "{name: Erik ten Hag, honorific: Mr}",
        "{name: Marine Le Pen, honorific: Ms}",
    )
    text = (
        f"{HEAD}Ursula von der Leyen met Erik ten Hag and Marine Le Pen. Von der Leyen, "
        "Ten Hag and Le Pen spoke.\n"
    )
    assert [(v.found, v.replacement) for v in lint_text(text, style=style)] == [
        ("Von der Leyen", "Ms von der Leyen"),
        ("Ten Hag", "Mr ten Hag"),
        ("Le Pen", "Ms Le Pen"),
    ]


def test_a_listed_surname_of_several_words_must_end_the_name() -> None:
    with pytest.raises(RuleFileError, match="a surname of several words ends the name"):
        people_style("optional", "{name: Gabriel Garcia Marquez, surname: Gabriel Garcia}")


def test_particles_are_found_only_before_a_capitalised_word() -> None:
    view = "Ursula von der Leyen, the de facto head, met Van Gaal and ten men."
    assert particle_starts(view) == {
        view.index("Leyen"): view.index("von"),
        view.index("Gaal"): view.index("Van"),
    }
    assert particle_key("Von der Leyen") == "von der Leyen"
    assert particle_key("Van Gaal") == "van Gaal"


PIECES = ["von", "Von", "der", "de", "van", "Van", "ten", "Ten", "bin", "Leyen", "Gaal", "Ж"]
PIECES += [" ", "  ", "x", ".", "-", "'", "\n", "\x00", "é", "made", "5"]


@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
@settings(max_examples=600, deadline=None)
def test_particles_found_where_they_are_written_are_those_of_a_full_scan(text: str) -> None:
    from newslint.checks.names import _PARTICLE_RUN

    assert particle_starts(text) == {m.end(): m.start() for m in _PARTICLE_RUN.finditer(text)}


def test_a_listed_surname_of_several_capitalised_words() -> None:
    style = people_style(
        "forbidden",
        "{name: Andrés Manuel López Obrador, surname: López Obrador}",
    )
    text = (
        f"{HEAD}Andrés Manuel López Obrador spoke. Later Mr López Obrador said no, "
        "and López Obrador left.\n"
    )
    assert [(v.column, v.found, v.replacement) for v in lint_text(text, style=style)] == [
        (42, "Mr López Obrador", "López Obrador")
    ]
    # The fix drops the title and keeps both words of the surname.
    assert fix_text(text, style=style).endswith(
        "Later López Obrador said no, and López Obrador left.\n"
    )
