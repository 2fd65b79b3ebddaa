"""A rule's exceptions read near each match (checks/nearby.py) cover exactly what one scan of
the whole draft from its start covers, and a pattern that may take in a character never counts
it as a place to begin."""

from __future__ import annotations

import random

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.checks import exceptions
from newslint.checks.exceptions import LazyExceptions, compile_exceptions
from newslint.checks.nearby import stop_characters

SPELLING = [  # as the spelling rules of uk-news write them
    r"(?<=[\p{L}\d,;:)]\s+)\p{Lu}[\p{L}'’-]*",
    r"[\p{L}'’-]++(?=\s+[(\[]sic[)\]])",
    r"Labor\s+(?:Party|Department|Day)",
]
EXCEPTION_LISTS = [
    SPELLING,
    ["New York", "York Minster", r"\d+ Nations"],
    [r"Prime Minister['’]s [Qq]uestions?", "Prime Minister's Office"],
    [r"(?<=\b(?:lets|said) )3", r"Top \d+", "3 Bridges"],
]
WORDS = [
    "the",
    "Labor",
    "Party",
    "Day",
    "color",
    "Color",
    "York",
    "New",
    "Minster",
    "Prime",
    "Minister's",
    "Questions",
    "said",
    "3",
    "Top",
    "10",
    "Nations",
    "(sic)",
    "[sic]",
    "O’Neil",
    "well-known",
    "Bridges",
    "lets",
    "\U0001f600",
    "ß",
    "ﬁre",
    "\u0301e",
    "Labor\nParty",
    "Labor  Day",
    "New York",
    "York Minster",
    "Prime Minister's Questions",
    "Top 10",
    "said 3",
    "3 Bridges",
    "said, Color",
    "written (sic)",
    "Labor (sic)",
]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "; ", "  ", ' "', "\x00", "\u00a0"]


def whole_scan(tokens: list[str], view: str) -> list[tuple[int, int]]:
    matcher = compile_exceptions(tokens, ignorecase=False)
    assert matcher is not None
    return [m.span() for m in matcher.pattern.finditer(view)]


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    before = [s for s in spans if s[0] <= start]
    return bool(before) and before[-1][1] >= end


def draft(picks: list[tuple[int, int]]) -> str:
    return "".join(WORDS[w % len(WORDS)] + SEPARATORS[s % len(SEPARATORS)] for w, s in picks)


@pytest.fixture(autouse=True)
def always_nearby(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exceptions, "NEAR", -(10**9))  # every place is read near it


def read_near(tokens: list[str], view: str) -> int:
    """Ask about every word of ``view`` after its headline, and parts of words, as two rules
    with the same exceptions would, and compare with the whole scan; the questions answered
    near their place."""
    spans = whole_scan(tokens, view)
    words = [m.span() for m in regex.finditer(r"\S+", view, pos=view.index("\n"))]
    matcher = compile_exceptions(tokens, ignorecase=False)
    first, second = LazyExceptions(matcher, view), LazyExceptions(matcher, view)
    assert first._scan is not None
    nearby = first._scan.nearby()
    assert nearby is not None
    asked = []
    for start, end in words:
        asked += [(start, end), (start, start + 1), (max(0, start - 2), end)]
    answered = 0
    for start, end in asked:
        before = nearby._to
        assert first.covers(start, end) == covered(spans, start, end), (view, start, end)
        answered += nearby._to != before
    for start, end in words[::3]:
        assert second.covers(start, end) == covered(spans, start, end), (view, start, end)
    assert not first._scan.spans  # the scan from the start was never needed
    return answered


@pytest.mark.parametrize("tokens", EXCEPTION_LISTS)
@given(picks=st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99)), max_size=60))
@settings(max_examples=60, deadline=None)
@example(picks=[(1, 0), (2, 4), (4, 0), (0, 5), (1, 0), (2, 0), (3, 0)])
def test_exceptions_read_near_each_place_cover_what_the_whole_scan_covers(
    tokens: list[str], picks: list[tuple[int, int]]
) -> None:
    read_near(tokens, "Headline, here.\n\n" + draft(picks))


@pytest.mark.parametrize("tokens", EXCEPTION_LISTS)
def test_drafts_of_every_word_are_read_near_each_place(tokens: list[str]) -> None:
    rng = random.Random(16)
    answered = 0
    for _ in range(20):
        picks = [(rng.randrange(100), rng.randrange(100)) for _ in range(50)]
        answered += read_near(tokens, "Headline, here.\n\n" + draft(picks))
    assert answered > 500


def test_a_capitalised_word_after_a_line_break_or_a_comma_is_covered_near_it() -> None:
    view = "Plans for the Labor\n\nParty, said Color Smith. Color, as written (sic)."
    matcher = compile_exceptions(SPELLING, ignorecase=False)
    exceptions = LazyExceptions(matcher, view)
    color = view.index("Color")
    assert exceptions.covers(color, color + 5)  # a name: after a word
    labor = view.index("Labor")
    assert LazyExceptions(matcher, view).covers(labor, labor + 5)
    second = view.index("Color", color + 1)
    assert not exceptions.covers(second, second + 5)  # a sentence's first word
    written = view.index("written")
    assert exceptions.covers(written, written + 7)  # "(sic)" after it


def test_an_empty_match_hands_the_question_to_the_whole_scan() -> None:
    tokens = [r"(?=/)", "Mr Brown"]
    view = "Said, / Mr Brown and / Mr Green; " * 40
    spans = whole_scan(tokens, view)
    assert (6, 6) in spans
    matcher = compile_exceptions(tokens, ignorecase=False)
    exceptions = LazyExceptions(matcher, view)
    for m in regex.finditer(r"Mr \w+", view):
        assert exceptions.covers(*m.span()) == covered(spans, *m.span())
    assert exceptions._scan is not None and exceptions._scan.nearby() is None


@pytest.mark.parametrize(
    ("source", "stops"),
    [
        (r"\p{Lu}[\p{L}'’-]*", '.,;:!?()[]"“”\x00\n'),
        (r"Labor\s+Party", '.,;:!?()[]"“”\x00'),  # a line break may lie between its words
        (r"[\w'’-]++(?=\s+[(\[]sic[)\]])", '.,;:!?()[]"“”\x00\n'),  # look-aheads take nothing
        (r"\d+(?:\.\d+)?", ',;:!?()[]"“”\x00\n'),
        (r"\(\w+\)", '.,;:!?[]"“”\x00\n'),
        (r"[^a]", ""),  # takes in any character but "a"
        (r"\P{L}+", ""),  # anything not a letter
        (r"[^\p{L}]", ""),  # a property in a negated set: nothing is known
        (r"(?:colour){e<=1}", ""),  # fuzzy matching inserts any character
        (r"[[:alpha:]]+", ""),  # a set in a set, as re does not read it
        (r"\w+.", ""),
    ],
)
def test_stop_characters_are_those_no_match_takes_in(source: str, stops: str) -> None:
    assert stop_characters(source) == stops
