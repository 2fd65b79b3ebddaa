"""The number rules' shortcuts find exactly the matches of the plain scans."""

from __future__ import annotations

import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks import number

PIECES = ["one", "One", "ONE", "twenty", "Twenty-five", "forty two", "fourteen", "sixty", "ten"]
PIECES += ["often", "someone", "tens", "x", "5", " ", "-", "’", "'", "\n", "é", "ſix", "fİve"]


def spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
@settings(max_examples=500, deadline=None)
def test_number_words_found_where_they_start_are_those_of_the_full_scan(text: str) -> None:
    assert spans(number._spelled_finditer(text)) == spans(number._SPELLED.finditer(text))


def test_number_words_of_a_sentence() -> None:
    text = "Twenty-five of the fourteen, someone often said; FORTY two and ſixteen."
    found = [m.group() for m in number._spelled_finditer(text)]
    assert found == ["Twenty-five", "fourteen", "FORTY two", "ſixteen"]


def test_only_two_characters_outside_ascii_read_as_letters_of_number_words() -> None:
    letters = sorted({c for word in number._NUMBER_WORDS for c in word})
    pattern = regex.compile(f"(?i:{'|'.join(letters)})")
    others = [
        chr(c) for c in range(128, sys.maxunicode + 1) if pattern.fullmatch(chr(c)) is not None
    ]
    assert others == ["İ", "ſ"]


AMOUNTS = ["5", "4.5", "1,200", "two", "Forty-one", " ", "\t", "\n", "m", "bn", "tn", "million"]
AMOUNTS += ["%", "per cent", "pc", "percent", "point ", "£", "US$", " euros", " won,", "raised "]
AMOUNTS += ["a", "(", "’", ":", "Vietnam", "fitness", "upcoming", "the ", "Dad", "zone", "."]
AMOUNTS += ["\x00", "\x00\x00 "]  # masked markup; "&nbsp;" as the view has it


@given(st.lists(st.sampled_from(AMOUNTS), max_size=24).map("".join))
@settings(max_examples=500, deadline=None)
def test_probed_scans_find_what_the_full_scans_report(text: str) -> None:
    def reported(m: regex.Match[str]) -> bool:  # what the large check does not skip as metres
        return bool(m["cur"] or m["money"] is not None or m["unit"] != "m")

    for pattern, probe, stops in (
        (number._LARGE, number._LARGE_PROBE, number._LARGE_STOPS),
        (number._PERCENT, number._PERCENT_PROBE, number._PERCENT_STOPS),
    ):
        full = list(pattern.finditer(text))
        assert not any(stop in m.group() for m in full for stop in stops)
        probed = number._probed_finditer(pattern, text, probe, stops)
        if pattern is number._LARGE:
            assert spans(m for m in probed if reported(m)) == spans(m for m in full if reported(m))
        else:
            assert spans(probed) == spans(full)
