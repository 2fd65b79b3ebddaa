"""The ``title`` rule type's quick paths find what the plain scan finds: the skip of drafts
without every word of some title, and exceptions searched with the word list."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks.base import Finding, compile_tokens
from newslint.checks.title import Title
from newslint.formats import parse

RULE = Title(
    id="titles",
    type="title",
    titles=("Prime Minister", "President", "Vice-President", "Chancellor of the Exchequer"),
    swap={"Vice President": "Vice-President"},
)
DRAFTS = [
    "Head\n\nOn Monday the Prime Minister said no.",
    "Head\n\nThe PRIME  MINISTER met prime\nminister Jones and the vice-president's aide.",
    "Head\n\nShe spoke at Prime Minister's Questions and at the Presidents Cup.",
    "Head\n\nThe Office of the Deputy Prime Minister and the chancellor of the exchequer.",
    "Head\n\nThe Prime Minister\u2019s office, the president; K\u212aelvin and the Vice President.",
    "Head\n\nThe vice\u2010president and the Vice President\u00e9 and Prime Ministers.",
    "Head\n\nThe minister, the prime suspect and a president-elect.",
]
PIECES = ["Prime", "prime", "PRIME", " ", "  ", "\n", "Minister", "minister", "'s", "’s", "-"]
PIECES += ["Vice", "vice", "President", "Presidents", "Cup", "Questions", "of", "the", "é", "K"]
PIECES += ["Office", "Chancellor", "Exchequer", ".", "Mr", "Jones", "\x00", "\u212a", "ß"]


def _plain(rule: Title, text: str) -> list[Finding]:
    """The findings with neither quick path: every draft scanned, exceptions from ``regex``."""
    doc = parse(text, "text", "d.txt")
    pattern = compile_tokens(rule.exceptions, ignorecase=True)
    assert pattern is not None
    spans = [m.span() for m in pattern.finditer(doc.view)]
    plain = dataclasses.replace(rule)
    object.__setattr__(plain, "_words", None)
    object.__setattr__(plain, "_exceptions", None)
    return [f for f in plain.check(doc) if not any(s <= f.start and f.end <= e for s, e in spans)]


def _quick(rule: Title, text: str) -> list[Finding]:
    return list(rule.check(parse(text, "text", "d.txt")))


@pytest.mark.parametrize("text", DRAFTS)
def test_quick_paths_find_what_the_plain_scan_finds(text: str) -> None:
    assert RULE._words is not None  # the skip is tried for this rule
    assert _quick(RULE, text) == _plain(RULE, text)


def test_a_draft_without_the_words_of_a_title_is_skipped_and_one_with_them_is_not() -> None:
    assert _quick(RULE, "Head\n\nThe minister spoke to the prime suspect.") == []
    found = _quick(RULE, "Head\n\nThe minister said the Prime\nMinister spoke.")
    assert [(f.start, f.end, f.replacement) for f in found] == [(28, 42, "prime minister")]


def test_exceptions_are_kept_whole() -> None:
    assert _quick(RULE, "Head\n\nShe spoke at Prime Minister's Questions.") == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map(" ".join))
def test_quick_paths_on_any_text(text: str) -> None:
    assert _quick(RULE, "Head\n\n" + text) == _plain(RULE, "Head\n\n" + text)
