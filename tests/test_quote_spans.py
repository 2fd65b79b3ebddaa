"""Quotation spans: a paragraph whose only marks are apostrophes inside words is passed over,
and the spans are those the full reading of every mark finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import quotes

PIECES = ["it", "'", "’", "‘", '"', "“", "”", "s", "Blair", " ", "\n", "(", "-", "9", ".", "_", "é"]


@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
@example("it's Blair’s")
@example("'tis the season")
@example("x'y")
@example("rock 'n' roll")
@example("the '90s")
@settings(max_examples=800, deadline=None)
def test_a_paragraph_passed_over_holds_no_quotation(text: str) -> None:
    view = "Xy" + text + "zY"  # marks at the edges of the paragraph see the letters beyond it
    start, end = 2, 2 + len(text)
    found = quotes._paragraph_quotes(view, start, end)
    every = re.compile("")  # matches everywhere: no paragraph is passed over
    original = quotes._ACTIVE
    quotes._ACTIVE = every
    try:
        assert found == quotes._paragraph_quotes(view, start, end)
    finally:
        quotes._ACTIVE = original


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("It's the mayor’s plan and Blair's too.", []),
        ("'Yes,' it's said.", [(1, 5)]),
        ("’Twas said: it's “late”.", [(18, 22)]),
    ],
)
def test_quotation_spans_of_a_paragraph(text: str, spans: list[tuple[int, int]]) -> None:
    assert quotes._paragraph_quotes(text, 0, len(text)) == spans
