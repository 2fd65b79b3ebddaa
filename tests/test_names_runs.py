"""Runs of capitalised words: the one-scan reading finds what reading word by word finds."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks import names
from newslint.checks.names import Token, runs
from newslint.twin import SAFE, SAFE_CLASS

HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})
ODD_STOPS = frozenset({"Mr", "Prof", "A", "mr", "Xs's", "Mc-Do", "É", "E\u0301", "Dr.", "St"})


def word_by_word(view: str, keep_stop: frozenset[str]) -> Iterator[list[Token]]:
    """The plain reading: every capitalised word in turn, joined to the run before when only
    a space parts them and the word before has no possessive and no stray full stop."""
    run: list[Token] = []
    for m in names._TOKEN.finditer(view):
        if m.start() > 0 and (view[m.start() - 1].isalnum() or view[m.start() - 1] in "-'’"):
            continue  # inside a word ("McDonald", "al-Assad")
        token = names.token_at(view, m.start(), m.end(), keep_stop)
        if run:
            last = run[-1]
            joined = (
                not last.possessive
                and (last.stop or view[last.end : last.end + 1] != ".")
                and view[last.end : token.start] == " "
            )
            if not joined:
                yield run
                run = []
        run.append(token)
    if run:
        yield run


DRAFTS = [
    "Home Secretary Charles Clarke met Mr. Mueller and George W. Bush.",
    "Blair's plan. Mr Brown's view, said Ms Kelly MP.  Two  spaces",
    "McDonald, al-Assad, iPhone, O'Brien-Smith's Tale and Jones' book.",
    "J. R. R. Tolkien; Dr. Who. Ms. Smith, Miss. Marple, St. Paul.",
    "É\u0301mile Zola, a\u0301Bob, 3M Corp, x Mr Smith, AbC. Def Ghi.",
    "Xs's. Test, Mc-Do. Name, Prof. Jones, mr. Brown, É. Ortiz, E\u0301. Ortiz",
    "\x00\x00 Mr \x00Smith\nJones\tSmith ’s Baker’s Dozen (Sir Keir) “Mrs Thatcher”",
    "x\u0301Mr. Smith met E\u0301Mr. Jones and \u0301A. Li",  # marks before a kept stop
    # without combining marks, where kept stops are found by the letters before them
    "xMr. Smith, 3Mr. Smith, 'Dr. Xu, -Ms. Ng, .A. B. Cole, O'Dr. Xu, ADr. Xu, é.Mr. Li",
    "Mr. Dr. A. B. Li and Mrs.. Li, Mr.Li, Miss. Li, Mr.\nLi, (Dr. Li) St. Paul's. Next",
]
PIECES = ["A", "B", "Mr", "Mrs", "Dr", "Prof", "Mc", "Do", "É", "E\u0301", "\u0301", "ß", "ǅ"]
PIECES += ["a", "s", "'", "’", "-", ".", ". ", " ", "  ", "\n", "1", "'s", "’s", "\x00", "("]
PLAIN = [p for p in PIECES if p not in ("E\u0301", "\u0301", "ß", "ǅ")]  # SAFE text


@pytest.mark.parametrize("keep", [HONORIFICS, ODD_STOPS, frozenset()])
@pytest.mark.parametrize("draft", DRAFTS)
def test_runs_read_in_one_scan_are_the_runs_read_word_by_word(
    draft: str, keep: frozenset[str]
) -> None:
    assert list(runs(draft, keep)) == list(word_by_word(draft, keep))


def test_runs_keep_their_words() -> None:
    found = [[t.text for t in run] for run in runs(DRAFTS[0], HONORIFICS)]
    assert found == [
        ["Home", "Secretary", "Charles", "Clarke"],
        ["Mr", "Mueller"],
        ["George", "W", "Bush"],
    ]
    stops = [t.stop for t in next(iter(runs("Mr. Mueller", HONORIFICS)))]
    assert stops == [True, False]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_runs_of_any_text_are_the_runs_read_word_by_word(text: str) -> None:
    for keep in (HONORIFICS, ODD_STOPS):
        assert list(runs(text, keep)) == list(word_by_word(text, keep))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PLAIN), max_size=16).map("".join))
def test_runs_of_text_without_marks_are_the_runs_read_word_by_word(text: str) -> None:
    for keep in (HONORIFICS, ODD_STOPS):
        assert list(runs(text, keep)) == list(word_by_word(text, keep))


# --- the plain scan on ``re`` -------------------------------------------------------------

SAFE_CHARS = [chr(c) for c in range(0x3000) if re.fullmatch(f"[{SAFE_CLASS}]", chr(c))]


def test_plain_classes_are_the_unicode_properties_on_every_plain_character() -> None:
    assert len(SAFE_CHARS) > 250
    for ch in SAFE_CHARS:
        capital = regex.match(r"\p{Lu}", ch) is not None
        letter = regex.match(r"\p{L}", ch) is not None
        assert regex.match(r"\p{M}", ch) is None, hex(ord(ch))
        assert bool(re.match(f"[{names._PLAIN_CAPITAL}]", ch)) == capital, hex(ord(ch))
        assert bool(re.match(f"[{names._PLAIN_LETTER}]", ch)) == letter, hex(ord(ch))


def regex_plain_pattern(keep_stop: frozenset[str]) -> regex.Pattern[str]:
    """The plain scan as ``regex`` reads it, with Unicode properties and one look-behind."""
    kept = sorted(w for w in keep_stop if names._keeps_stop(w + ".", keep_stop))
    stops = "|".join([*(regex.escape(w) for w in kept), r"\p{Lu}"])
    joins = rf"(?:(?<!['’]s)|(?<=(?<![\p{{L}}'’\-])(?:{stops}))\.) "
    word = names._WORD_ONCE
    return regex.compile(rf"{word}(?:{joins}{word})*{names._ENDING}")


LATIN = ["À", "Þ", "þ", "ÿ", "×", "÷", "ª", "µ", "º", "Ø", "ø", "Ö", "É", "é", "\xa0", "’"]
PLAIN_WIDE = st.lists(st.sampled_from(PLAIN + LATIN + ["Mr.", "Ms ", "Dr. ", "St. "]), max_size=20)
KEEPS = [HONORIFICS, ODD_STOPS, frozenset(), frozenset({"É", "Ø", "Ab", "À-Þ"})]


@pytest.mark.parametrize("keep", KEEPS)
def test_the_plain_scan_runs_on_re(keep: frozenset[str]) -> None:
    assert isinstance(names.run_pattern(keep, plain=True), re.Pattern)
    assert isinstance(names.run_pattern(keep, plain=False), regex.Pattern)


@settings(max_examples=500, deadline=None)
@given(PLAIN_WIDE.map("".join))
def test_the_re_scan_matches_what_regex_matches_on_plain_text(text: str) -> None:
    assert SAFE.fullmatch(text)
    for keep in KEEPS:
        fast = names.run_pattern(keep, plain=True).finditer(text)
        slow = regex_plain_pattern(keep).finditer(text)
        assert [m.span() for m in fast] == [m.span() for m in slow]


@pytest.mark.parametrize("draft", [d for d in DRAFTS if SAFE.fullmatch(d)])
def test_the_re_scan_matches_what_regex_matches_on_the_drafts(draft: str) -> None:
    for keep in KEEPS:
        fast = [m.span() for m in names.run_pattern(keep, plain=True).finditer(draft)]
        assert fast == [m.span() for m in regex_plain_pattern(keep).finditer(draft)]
