"""A long draft searched only between the stop characters around the pieces where a match may
be (WordList._between_stops) finds what one ``regex`` scan of the whole draft finds, plain or
with odd characters anywhere, in and beside matches and at the edges of pieces."""

from __future__ import annotations

import random

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks import textwords, wordlist
from newslint.checks.nearby import stop_characters
from newslint.checks.wordlist import WordList, compile_wordlist

LISTS = [
    # literal words and a pattern that reaches back without bound: "10,000.5 meters"
    (["center", "theater", "fiber", r"(\d[\d,.]*)([\s-])meter(s?)"], [True, True, True, False]),
    # a look-ahead without bound: "license fee", "license  holders"
    (["defense", r"license(s?)(?=\s+(?:fee|fees|holder|holders)\b)"], [True, True]),
    # look-behinds and a pattern of spaces
    ([r"(?<=\S) {2,}(?=\S)", r"(?<![\w.])U\.S\.(?=\s{1,3}(?:The|He)\b)"], [False, False]),
]
ODD = ["\U0001f600", "\u200f", "\u0301", "ß", "ﬁ", "ſ", "İ", "\u3000"]
FRAGMENTS = [
    "The center said 10,000.5 meters of fiber",
    "a license  fees rise",
    "licenses\nholders",
    "in the U.S.  The",
    "Defense. Theater",
    "nothing at all here",
    "12-meter",
    "words  with  spaces",
    "(a) [b] “c” d; e: f! g? h",
    "no stops for a long while and then none again and more words",
    "12345678901234567890123456789012345678901234567890 meters",  # a match from far back
    "the U.S.\nHe said",  # a look-ahead past a stop character
]
SEPARATORS = [" ", ". ", ", ", "\n", "\n\n", "; ", "  ", "\x00", " - "]


def draft(rng: random.Random, odd: list[str]) -> str:
    parts = []
    for _ in range(rng.randrange(20, 80)):
        part = rng.choice(FRAGMENTS)
        if odd and rng.random() < 0.1:
            at = rng.randrange(len(part) + 1)
            part = part[:at] + rng.choice(odd) + part[at:]
        parts.append(part + rng.choice(SEPARATORS))
    return "".join(parts)


def found(matcher: WordList, text: str) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), matcher.index(m)) for m in matcher.finditer(text)]


def expected(matcher: WordList, text: str) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), matcher.index(m)) for m in matcher.pattern.finditer(text)]


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textwords, "PIECE", 40)
    monkeypatch.setattr(wordlist, "PIECE", 40)
    monkeypatch.setattr(wordlist, "FAST_AFTER", 0)
    monkeypatch.setattr(wordlist, "LOOK_BACK", 30)


@pytest.mark.parametrize(("tokens", "flags"), LISTS)
def test_drafts_searched_between_stops_find_what_the_whole_scan_finds(
    tokens: list[str], flags: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher = compile_wordlist(tokens, ignorecase=flags)
    assert matcher._stops() is not None
    calls = []
    between = WordList._between_stops
    monkeypatch.setattr(
        WordList, "_between_stops", lambda self, view: calls.append(view) or between(self, view)
    )
    rng = random.Random(16)
    for n in range(30):
        text = draft(rng, ODD if n % 2 else [])
        assert found(matcher, text) == expected(matcher, text), text
    assert len(calls) >= 20  # the rest: mostly odd pieces, searched whole


@pytest.mark.parametrize(("tokens", "flags"), LISTS)
@given(seed=st.integers(0, 10**6), odd=st.sampled_from(ODD))
@settings(max_examples=40, deadline=None)
def test_one_odd_character_anywhere_between_stops(
    tokens: list[str], flags: list[bool], seed: int, odd: str
) -> None:
    rng = random.Random(seed)
    text = draft(rng, [])
    at = rng.randrange(len(text))
    text = text[:at] + odd + text[at:]
    matcher = compile_wordlist(tokens, ignorecase=flags)
    assert found(matcher, text) == expected(matcher, text)


def test_stops_are_read_past_only_as_far_as_a_look_ahead_may() -> None:
    # The look-ahead may read spaces and words, never a full stop: a search reads up to one.
    matcher = compile_wordlist([r"license(s?)(?=\s+fees?\b)"], ignorecase=[True])
    known = matcher._stops()
    assert known is not None
    stops, _, ahead = known
    assert "." in stops and "\n" not in stops and ahead == 2
    text = ("Nothing here. " * 10 + "The license\n\nfee.  A license. fee ") * 3
    assert [m.span() for m in matcher.finditer(text)] == [
        m.span() for m in regex.finditer(r"(?i)license(?=\s+fees?\b)", text)
    ]


def test_a_long_stretch_without_stops_is_searched_on_regex_within_the_time_limit() -> None:
    from newslint.checks.base import time_limit

    matcher = compile_wordlist([r"license(s?)(?=\s+fees?\b)", r"\d+ meters"], ignorecase=True)
    text = "Fees. " * 20 + "the license fee and 10 meters " * 1_500 + "end."
    with time_limit(30.0):
        assert found(matcher, text) == expected(matcher, text)
    assert len(found(matcher, text)) == 3_000


DOUBLED = [
    "the the",
    "The the",
    "the. the",
    "it's it's",
    "the\nthe",
    "the\n\nthe",
    "Duran Duran",
    "a, a",
    "word\x00 word",
    "ſo ſo",
    "ﬁne ﬁne",
    "no double here",
    "and (and) and",
]


@pytest.mark.parametrize("ignorecase", [True, False])
def test_doubled_words_searched_between_stops_are_those_of_the_whole_scan(
    ignorecase: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.checks import repetition

    monkeypatch.setattr(repetition, "_SEGMENT", 30)
    pattern = repetition._DOUBLED_I if ignorecase else repetition._DOUBLED
    assert set('.,;:!?()[]"“”') <= set(stop_characters(pattern.pattern))
    rng = random.Random(7)
    for n in range(40):
        parts = [rng.choice(DOUBLED + FRAGMENTS) + rng.choice(SEPARATORS) for _ in range(60)]
        text = "".join(parts)
        if n % 2:
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(ODD) + text[at:]
        got = [m.span() for m in repetition._doubled(pattern, text)]
        assert got == [m.span() for m in pattern.regex.finditer(text)], text
