"""The ``date`` rule type: house date and time forms, impossible dates, wrong weekdays."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import NewslintError, Style, fix_text, lint_text, load_style
from newslint.checks.date import Date

HEAD = "Council news\n\n"


def style(tmp_path: Path, body: str) -> Style:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / "dates.yaml").write_text("rules:\n" + body, encoding="utf-8")
    return load_style([folder])


def found(text: str, house: Style) -> list[tuple[str, int, int, str, str | None]]:
    return [
        (v.rule, v.line, v.column, v.message, v.replacement) for v in lint_text(text, style=house)
    ]


DMY = "  - id: d\n    type: date\n"
AP = "  - id: d\n    type: date\n    format: ap\n"


@pytest.mark.parametrize(
    ("written", "house"),
    [
        ("February 13, 2025", "13 February 2025"),
        ("13 Feb 2025", "13 February 2025"),
        ("13th February", "13 February"),
        ("the 13th of February", "13 February"),
        ("Feb. 13", "13 February"),
        ("2025-02-13", "13 February 2025"),
        ("13/02/2025", "13 February 2025"),
        ("13 February, 2025", "13 February 2025"),
        ("Sept. 2025", "September 2025"),
        ("February 16 and 17", "16 and 17 February"),
        ("Wed 12 Feb", "Wednesday 12 February"),
        ("Wednesday, 12 February", "Wednesday 12 February"),
    ],
)
def test_dates_in_any_form_become_the_british_form(
    tmp_path: Path, written: str, house: str
) -> None:
    text = f"{HEAD}The vote was on {written} at the hall.\n"
    assert found(text, style(tmp_path, DMY)) == [
        ("house.d", 3, 17, f"Write the date as '{house}'", house)
    ]
    assert fix_text(text, style=style(tmp_path, DMY)) == (
        f"{HEAD}The vote was on {house} at the hall.\n"
    )


@pytest.mark.parametrize(
    ("written", "house"),
    [
        ("13 February 2025", "Feb. 13, 2025"),
        ("September 1", "Sept. 1"),
        ("3 March", "March 3"),
        ("March 3rd", "March 3"),
        ("Aug 4 2024", "Aug. 4, 2024"),
        ("Dec. 2024", "December 2024"),
        ("Wednesday 12 February", "Wednesday, Feb. 12"),
    ],
)
def test_dates_become_the_wire_form(tmp_path: Path, written: str, house: str) -> None:
    text = f"{HEAD}The vote was on {written} at the hall.\n"
    assert fix_text(text, style=style(tmp_path, AP)) == (
        f"{HEAD}The vote was on {house} at the hall.\n"
    )


def test_house_forms_and_non_dates_are_left_alone(tmp_path: Path) -> None:
    text = (
        f"{HEAD}On 13 February 2025 and 1 March the board met. In January 25 people left. "
        "Scores of 3/02/2025 are ambiguous, and we may march on 5 May.\n"
    )
    assert found(text, style(tmp_path, DMY)) == []
    assert found("Head\n\nOn Feb. 13, 2025, and May 1 the board met.\n", style(tmp_path, AP)) == []


def test_all_figure_dates_follow_the_house_order_when_set(tmp_path: Path) -> None:
    text = f"{HEAD}It closed on 03/02/2025 for good.\n"
    assert found(text, style(tmp_path, DMY)) == []
    mdy = style(tmp_path, DMY + "    numeric: mdy\n")
    assert fix_text(text, style=mdy) == f"{HEAD}It closed on 2 March 2025 for good.\n"


def test_ordinals_when_the_house_uses_them(tmp_path: Path) -> None:
    house = style(tmp_path, DMY + "    ordinals: true\n")
    text = f"{HEAD}It opened on 22 February and 1 March.\n"
    assert fix_text(text, style=house) == f"{HEAD}It opened on 22nd February and 1st March.\n"


def test_abbreviated_month_at_the_end_of_a_sentence_keeps_the_full_stop(tmp_path: Path) -> None:
    text = f"{HEAD}The shop shut on 13 Feb. It reopens soon.\n"
    assert fix_text(text, style=style(tmp_path, DMY)) == (
        f"{HEAD}The shop shut on 13 February. It reopens soon.\n"
    )


def test_impossible_dates_are_errors_with_the_reason(tmp_path: Path) -> None:
    house = style(tmp_path, "  - id: v\n    type: date\n    check: validity\n    severity: error\n")
    text = f"{HEAD}Meet on 30 February, 31 April 2025 or 29 February 2023, not 29 February 2024.\n"
    violations = lint_text(text, style=house)
    assert [(v.line, v.column, v.severity, v.message, v.replacement) for v in violations] == [
        (3, 9, "error", "'30 February' is not a date: February has at most 29 days", None),
        (3, 22, "error", "'31 April 2025' is not a date: April has 30 days", None),
        (
            3,
            39,
            "error",
            "'29 February 2023' is not a date: 2023 is not a leap year, "
            "so February 2023 has 28 days",
            None,
        ),
    ]


def test_impossible_dates_are_not_reformatted(tmp_path: Path) -> None:
    assert found(f"{HEAD}Due on February 30, 2025.\n", style(tmp_path, DMY)) == []


def test_a_wrong_weekday_names_the_right_one(tmp_path: Path) -> None:
    house = style(tmp_path, "  - id: w\n    type: date\n    check: weekday\n")
    text = f"{HEAD}The match on Thursday 12 February 2025 was a draw.\n"
    assert found(text, house) == [
        ("house.w", 3, 14, "12 February 2025 is a Wednesday, not a Thursday", None)
    ]
    right = f"{HEAD}The match on Wednesday 12 February 2025 and on Thursday, Feb. 13, 2025.\n"
    assert found(right, house) == []
    assert found(f"{HEAD}The match on Thursday 12 February was a draw.\n", house) == []


def test_the_rule_message_replaces_the_check_message(tmp_path: Path) -> None:
    house = style(
        tmp_path,
        "  - id: w\n    type: date\n    check: weekday\n"
        "    message: 'That was a {right} ({date})'\n",
    )
    text = f"{HEAD}On Fri 12 Feb 2025 it rained.\n"
    assert found(text, house) == [
        ("house.w", 3, 4, "That was a Wednesday (12 February 2025)", None)
    ]


UK_TIME = (
    "  - id: t\n    type: date\n    check: time\n    time: 2.25pm\n    zoned: '14:25'\n"
    "    noon: noon\n    midnight: midnight\n"
)


@pytest.mark.parametrize(
    ("written", "house"),
    [
        ("8:28 AM", "8.28am"),
        ("8.28 am", "8.28am"),
        ("2:00 p.m.", "2pm"),
        ("14:25", "2.25pm"),
        ("12pm", "noon"),
        ("12 noon", "noon"),
        ("12:00 a.m.", "midnight"),
        ("1230 GMT", "12:30 GMT"),
        ("2.25pm GMT", "14:25 GMT"),
    ],
)
def test_times_become_the_british_form(tmp_path: Path, written: str, house: str) -> None:
    text = f"{HEAD}The doors open at {written} on Friday.\n"
    assert fix_text(text, style=style(tmp_path, UK_TIME)) == (
        f"{HEAD}The doors open at {house} on Friday.\n"
    )


def test_time_positions_and_message(tmp_path: Path) -> None:
    text = f"{HEAD}Doors open at 8:28 AM.\nThey shut at 13pm.\n"
    assert found(text, style(tmp_path, UK_TIME)) == [
        ("house.t", 3, 15, "Write the time as '8.28am'", "8.28am"),
        ("house.t", 4, 14, "'13pm' is not a time: there is no 13 on the 12-hour clock", None),
    ]


def test_wire_times_keep_one_full_stop_at_the_end_of_a_sentence(tmp_path: Path) -> None:
    house = style(tmp_path, "  - id: t\n    type: date\n    check: time\n    time: '2:25 p.m.'\n")
    text = f"{HEAD}It ended at 8am. Then at 9:15 PM we left.\n"
    assert fix_text(text, style=house) == f"{HEAD}It ended at 8 a.m. Then at 9:15 p.m. we left.\n"
    assert found(f"{HEAD}It ended at 8 a.m. Then we left at 2 p.m.\n", house) == []


def test_wire_time_message_at_the_end_of_a_sentence_shows_the_full_form(tmp_path: Path) -> None:
    house = style(tmp_path, "  - id: t\n    type: date\n    check: time\n    time: '2:25 p.m.'\n")
    text = f"{HEAD}It ended at 8:28 AM. Then at 9:15 PM we left.\n"
    assert found(text, house) == [
        ("house.t", 3, 13, "Write the time as '8:28 a.m.'", "8:28 a.m"),
        ("house.t", 3, 30, "Write the time as '9:15 p.m.'", "9:15 p.m."),
    ]


def test_24_hour_clock_and_what_is_not_a_time(tmp_path: Path) -> None:
    house = style(tmp_path, "  - id: t\n    type: date\n    check: time\n    time: '14:25'\n")
    text = f"{HEAD}Open 2-4pm, then at 9am and 8.30pm. She ran 2:25 and 3:49.78 in the heats.\n"
    assert fix_text(text, style=house) == (
        f"{HEAD}Open 2-4pm, then at 09:00 and 20:30. She ran 2:25 and 3:49.78 in the heats.\n"
    )


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("    check: time\n    time: 2.25\n", "time form '2.25' is not one this rule knows"),
        ("    format: iso\n", "'format' must be one of: dmy, mdy, ap"),
        ("    check: when\n", "'check' must be one of"),
        ("    noon: ' noon'\n", "'noon' must be the word the house uses"),
    ],
)
def test_bad_settings_are_reported(tmp_path: Path, body: str, error: str) -> None:
    with pytest.raises(NewslintError, match=error):
        style(tmp_path, DMY + body)


def test_rule_type_is_registered() -> None:
    from newslint.checks import RULE_TYPES

    assert RULE_TYPES["date"] is Date


def test_date_exceptions_leave_listed_phrases_alone(tmp_path: Path) -> None:
    house = style(tmp_path, DMY + "    exceptions: ['(?i)Independence Day, July 4']\n")
    text = HEAD + "Fireworks on Independence Day, July 4 and a vote on February 13, 2025.\n"
    assert found(text, house) == [
        ("house.d", 3, 53, "Write the date as '13 February 2025'", "13 February 2025")
    ]
