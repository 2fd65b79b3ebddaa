"""The ``number`` rule type: words and figures, sentence starts, percentages, millions."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import NewslintError, Style, fix_text, lint_text, load_style
from newslint.checks.numwords import value, words

HEAD = "Council news\n\n"


def style(tmp_path: Path, body: str) -> Style:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / "numbers.yaml").write_text("rules:\n" + body, encoding="utf-8")
    return load_style([folder])


def found(text: str, house: Style) -> list[tuple[str, int, int, str, str | None]]:
    return [
        (v.rule, v.line, v.column, v.message, v.replacement) for v in lint_text(text, style=house)
    ]


WORDS = "  - id: n\n    type: number\n    scope: [body]\n"


def test_small_figures_become_words(tmp_path: Path) -> None:
    text = f"{HEAD}The council shut 3 libraries.\n5 staff left in the 2nd week.\n"
    house = style(tmp_path, WORDS)
    assert found(text, house) == [
        ("house.n", 3, 18, "Write '3' as 'three'", "three"),
        ("house.n", 4, 1, "Write '5' as 'Five'", "Five"),
        ("house.n", 4, 21, "Write '2nd' as 'second'", "second"),
    ]
    assert fix_text(text, style=house) == (
        f"{HEAD}The council shut three libraries.\nFive staff left in the second week.\n"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "A girl aged 5 and a 5-year-old boy were 5 years old.",
        "It cost £5, or 5p, or 5 euros, or $5m.",
        "Prices rose 5% and 5 per cent.",
        "The lake is 5km wide and 5 miles long; the fish weighed 5 kg.",
        "United won 3-1 after a 2–2 draw; half is 1/2.",
        "The meeting is on 5 May at 5pm, or May 5 at 5.30.",
        "It grew 2.5 times and sold 5,000 copies.",
        "The G8 met; F1 cars and 4x4s in the 1990s.",
        "She watched Channel 4 and read page 3 of chapter 2, No 5 in the chart.",
        "Between 5 and 15 people came, 5 to 20 at most.",
        "The 1st Battalion and 6 Music were there.",
        "The mobile firm 3, which launched early, grew.",
        "It went 007 and scored 2+2=5.",
    ],
)
def test_figures_stay_where_houses_keep_them(tmp_path: Path, sentence: str) -> None:
    assert found(f"{HEAD}{sentence}\n", style(tmp_path, WORDS)) == []


def test_headlines_follow_the_scope(tmp_path: Path) -> None:
    text = "5 things to know\n\nFive things matter.\n"
    assert found(text, style(tmp_path, WORDS)) == []
    everywhere = style(tmp_path, "  - id: n\n    type: number\n")
    assert found(text, everywhere) == [("house.n", 1, 1, "Write '5' as 'Five'", "Five")]


def test_threshold_and_ordinals_are_settings(tmp_path: Path) -> None:
    house = style(tmp_path, WORDS + "    threshold: 11\n    ordinals: false\n")
    text = f"{HEAD}There were 10 bids in the 3rd round.\n"
    assert found(text, house) == [("house.n", 3, 12, "Write '10' as 'ten'", "ten")]


def test_exceptions_are_left_alone(tmp_path: Path) -> None:
    house = style(tmp_path, WORDS + "    exceptions: ['\\d Nations']\n")
    assert found(f"{HEAD}The 6 Nations and the 6 teams.\n", house) == [
        ("house.n", 3, 23, "Write '6' as 'six'", "six")
    ]


FIGURES = "  - id: f\n    type: number\n    check: figures\n"


def test_large_numbers_in_words_become_figures(tmp_path: Path) -> None:
    text = (
        f"{HEAD}The strike lasted twelve days and forty-two hours. Twelve more followed, "
        "fifty-fifty, in Ocean's Eleven, nine at most.\n"
    )
    house = style(tmp_path, FIGURES)
    assert found(text, house) == [
        ("house.f", 3, 19, "Write 'twelve' as '12'", "12"),
        ("house.f", 3, 35, "Write 'forty-two' as '42'", "42"),
    ]


START = "  - id: s\n    type: number\n    check: start\n"


def test_sentences_do_not_start_with_figures(tmp_path: Path) -> None:
    text = (
        f"{HEAD}The bus was late. 40 passengers waited. 2004 was worse. 1,200 people "
        "complained. 3 staff quit.\n"
    )
    house = style(tmp_path, START)
    assert found(text, house) == [
        ("house.s", 3, 19, "Do not start a sentence with a figure: write 'Forty'", "Forty"),
        ("house.s", 3, 57, "Do not start a sentence with a figure: recast the sentence", None),
    ]
    years = style(tmp_path, START + "    years: false\n")
    assert [v.column for v in lint_text(text, style=years)] == [19, 41, 57]


def test_start_leaves_names_lists_and_lone_figures(tmp_path: Path) -> None:
    text = f"{HEAD}It charted. 50 Cent sang. 3G phones sold.\n\n1. Arsenal\n\n42,093\n"
    assert found(text, style(tmp_path, START)) == []


PERCENT = "  - id: p\n    type: number\n    check: percent\n"


@pytest.mark.parametrize(
    ("setting", "written", "house"),
    [
        ("'%'", "4 per cent", "4%"),
        ("'%'", "4.5 percent", "4.5%"),
        ("'%'", "4 %", "4%"),
        ("'%'", "4pc", "4%"),
        ("'%'", "four per cent", "4%"),
        ("per cent", "4%", "4 per cent"),
        ("percent", "12 per cent", "12 percent"),
    ],
)
def test_percentages_the_house_way(tmp_path: Path, setting: str, written: str, house: str) -> None:
    rules = style(tmp_path, PERCENT + f"    percent: {setting}\n")
    text = f"{HEAD}Fares rose {written} this year.\n"
    assert found(text, rules) == [("house.p", 3, 12, f"Write the percentage as '{house}'", house)]
    assert fix_text(text, style=rules) == f"{HEAD}Fares rose {house} this year.\n"


def test_percent_leaves_spelled_openings_and_decimals_in_words(tmp_path: Path) -> None:
    text = f"{HEAD}Five per cent left. Sales were one point three per cent up, and 4% down.\n"
    assert found(text, style(tmp_path, PERCENT)) == []


LARGE = "  - id: l\n    type: number\n    check: large\n"


def test_money_short_and_counts_as_written(tmp_path: Path) -> None:
    house = style(tmp_path, LARGE + "    money: short\n")
    text = (
        f"{HEAD}It cost £5 million, $2.4 billion and 3 billion euros; "
        "5 million people watched the 100m, worth £1.4 trillion.\n"
    )
    assert fix_text(text, style=house) == (
        f"{HEAD}It cost £5m, $2.4bn and 3bn euros; "
        "5 million people watched the 100m, worth £1.4 trillion.\n"
    )
    assert found(f"{HEAD}It cost £5 million.\n", house) == [
        ("house.l", 3, 9, "Write '£5 million' as '£5m'", "£5m")
    ]


def test_money_and_counts_long(tmp_path: Path) -> None:
    house = style(tmp_path, LARGE + "    money: long\n    counts: long\n")
    text = f"{HEAD}It cost $5m and $2bn, for 3bn people, over 800m of track.\n"
    assert fix_text(text, style=house) == (
        f"{HEAD}It cost $5 million and $2 billion, for 3 billion people, over 800m of track.\n"
    )


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("    check: large\n", "a 'large' check needs 'money' or 'counts'"),
        ("    threshold: 1\n", "'threshold' must be between 2 and 100"),
        ("    percent: pct\n", "'percent' must be one of"),
    ],
)
def test_bad_settings_are_reported(tmp_path: Path, body: str, error: str) -> None:
    with pytest.raises(NewslintError, match=error):
        style(tmp_path, "  - id: n\n    type: number\n" + body)


def test_number_words_round_trip() -> None:
    for n in range(1, 100):
        assert value(words(n)) == n
    assert value("Forty two") == 42
    assert value("hundred") is None


def test_number_words_spelled_with_case_folding_letters_are_not_numbers(tmp_path: Path) -> None:
    # "ſix" and "fİve" match "six" and "five" when case is ignored; they are read as words
    # that are not numbers rather than failing the draft.
    house = style(tmp_path, "  - id: n\n    type: number\n    check: figures\n")
    text = f"{HEAD}The ſix men and fİve women met fifteen others.\n"
    assert found(text, house) == [("house.n", 3, 32, "Write 'fifteen' as '15'", "15")]
    assert value("ſix") is None
    assert value("fİve") is None
    assert value("six") == 6
