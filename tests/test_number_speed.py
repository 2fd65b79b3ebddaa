"""The number rules and long sentences report exactly what their straightforward scans report.

Each shortcut is switched off in :func:`straightforward` (the full scan put back in its place)
and the findings of every number rule and of ``core.long-sentence`` are compared, on drafts
made of pieces that touch each shortcut and on a few drafts written out in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import prose
from newslint.checks import number
from newslint.engine import check_rule
from newslint.formats import parse
from newslint.style import load_style
from newslint.violation import Violation

STYLE = load_style(["core", "uk-news"])
RULES = [r for r in STYLE.rules if r.type_name == "number" or r.name == "core.long-sentence"]


def _full_scan(pattern: Any, view: str, probe: Any, stops: Any) -> Iterator[Any]:
    return iter(pattern.finditer(view))


def _forget() -> None:
    """Drop the sentences and sentence starts kept for the last draft."""
    prose._memo[0] = ("", True, {})
    number._last_starts = (None, frozenset())


@contextmanager
def straightforward() -> Iterator[None]:
    _forget()
    with (
        mock.patch.object(number, "_probed_finditer", _full_scan),
        mock.patch.object(number, "_spelled_finditer", number._SPELLED.finditer),
    ):
        yield
    _forget()


def findings(text: str) -> list[Violation]:
    doc = parse(text)
    return [v for rule in RULES for v in check_rule(doc, rule)]


def assert_same(text: str) -> list[Violation]:
    fast = findings(text)
    with straightforward():
        plain = findings(text)
    assert fast == plain
    return fast


PIECES = ["5", "4.5", "1,200", "2004", "3rd", "two", "Twelve", "forty-two", "sixty one", " ", " "]
PIECES += ["\t", "\n", "\n\n", "m", "bn", "tn", "million", "billion", "trillion", "%", "per cent"]
PIECES += ["percent", "pc", "point ", "£", "$", "US$", "€", " euros", " dollars", " won,", " won"]
PIECES += ["people", "The ", "Mr", "St", "e.g", "U.S", "a", "(", ")", "’", "“", "”", '"', ":"]
PIECES += [". ", "! ", "? ", "…", ".", ",", "-", "Vietnam", "witness", "upcoming", "someone"]
PIECES += ["often", "é", "İ", "ſ", "Ω", "\x00", "aged ", "page ", "Channel ", "and ", "to "]

pieces = st.lists(st.sampled_from(PIECES), max_size=40)
drafts = pieces.map("".join) | pieces.map(" ".join)


@given(drafts)
@settings(max_examples=600, deadline=None)
def test_generated_drafts_are_reported_as_the_full_scans_report_them(text: str) -> None:
    assert_same(text)  # a headline alone
    assert_same("A headline\n\n" + text)


# Written for these tests: every number rule and a long sentence fire at least once.
WRITTEN = [
    "Council tax to rise by 4 per cent\n\n"
    "The council will raise £2.5 million from 3 new charges, and 5 per cent more from parking. "
    "Mr Smith said twelve people had objected; 2004 was a record year.\n\n"
    "15 councillors voted for the plan, which will cost 3 billion euros over five years and "
    "$1.2bn in the first. Sixty-one per cent of residents back it, up from 40pc, said the "
    "St Albans survey of 1,200 households.",
    "Firm posts record profit\n\n"
    "The firm, which employs 7 staff at each of its 25 sites across the north and the west of "
    "the county and which has grown every year since it was founded by two brothers in a "
    "garage in the town centre, said on Tuesday that profits had risen to $4m dollars, that "
    "sales had doubled and that it would open three new shops, hire 40 more staff and pay a "
    "bonus to every one of them before the end of the year, subject to a vote of the board.",
]


def test_written_drafts_are_reported_as_the_full_scans_report_them() -> None:
    found = [assert_same(text) for text in WRITTEN]
    rules = {v.rule for draft in found for v in draft}
    assert rules == {r.name for r in RULES}


# The single pattern the large and percent probes stand for: each match a check reports holds
# the start of one of its hits.
LARGE_PROBE = re.compile(rf"illion|[bt]n|[£$€¥]|m[ \t]+(?:{number._MONEY_WORDS})")
PERCENT_PROBE = re.compile(r"%|per[ \t]?cent|pc")


@given(drafts)
@settings(max_examples=300, deadline=None)
def test_probe_hits_hold_every_start_of_the_single_pattern(text: str) -> None:
    for single, probe in (
        (LARGE_PROBE, number._LARGE_PROBE),
        (PERCENT_PROBE, number._PERCENT_PROBE),
    ):
        hits = probe.hits(text)
        assert hits == sorted(set(hits))
        assert {m.start() for m in single.finditer(text)} <= set(hits)


def test_probe_hits_of_a_sentence() -> None:
    text = "He won 5m euros, £3bn and 4 per cent (2pc) of a 10 million fund."
    assert number._LARGE_PROBE.hits(text) == [8, 17, 19, 52]  # "m", "£", "bn", "illion"
    assert number._PERCENT_PROBE.hits(text) == [28, 39]  # "per cent", "pc"


def test_number_words_are_sought_by_the_heads_of_the_words_a_draft_holds() -> None:
    for word in number._NUMBER_WORDS:
        for written in (word, word.upper(), word.capitalize()):
            text = f"Then {written}-odd, {written} of (the) x{written} and {written}-two."
            found = [m.span() for m in number._spelled_finditer(text)]
            assert found == [m.span() for m in number._SPELLED.finditer(text)]
            assert found  # "(the) {written}" at least
    assert list(number._spelled_finditer("Someone often phoned Stenhouse.")) == []
