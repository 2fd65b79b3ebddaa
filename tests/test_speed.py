"""Shortcuts taken for speed find exactly what the plain scans would."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks import datefmt

DATE = regex.compile(datefmt.DATE_SOURCE, regex.V0)
PIECES = [
    "3",
    "12",
    "31st",
    "2005",
    "٣",
    "/",
    "-",
    ".",
    ",",
    " ",
    "\t",
    "\n",
    "the ",
    "of ",
    "and ",
    "to ",
    "May",
    "Sept.",
    "February",
    "Feb",
    "Tuesday",
    "Thurs.",
    "x",
    "In ",
    "£",
    "’",
]


def spans(matches: list[regex.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
@settings(max_examples=400, deadline=None)
def test_dates_found_from_their_possible_starts_are_those_of_the_full_scan(text: str) -> None:
    assert spans(datefmt.date_matches(text)) == spans(list(DATE.finditer(text)))


def test_dates_of_a_sentence() -> None:
    text = "On Tuesday, 12 Feb. 2005 and the 11 September 2001 attacks, not x5 May 2005."
    found = [text[m.start() : m.end()] for m in datefmt.date_matches(text)]
    assert found == ["Tuesday, 12 Feb. 2005", "11 September 2001", "May 2005"]
