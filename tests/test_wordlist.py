"""Word lists: the trie matcher finds exactly what the plain alternation of the tokens finds."""

from __future__ import annotations

import pickle
import re
import time
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import lint_text
from newslint.checks import patternsource, textwords, wordlist
from newslint.checks.base import is_literal, time_limit, token_pattern
from newslint.checks.textwords import text_words
from newslint.checks.wordlist import WordList, compile_wordlist
from newslint.engine import RULE_TIMEOUT
from newslint.rulefile import parse_rules
from newslint.style import Style
from newslint.twin import RE_PATTERN_TEXT, SAFE_CLASS, backtracks_safely


@pytest.fixture(autouse=True, params=["re", "regex"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with the re pattern used at once, and with the regex pattern only."""
    monkeypatch.setattr(wordlist, "FAST_AFTER", 0 if request.param == "re" else 10**12)
    return str(request.param)


def plain(tokens: list[str], ignorecase: list[bool], wholeword: bool = True) -> regex.Pattern[str]:
    """The alternation newslint used before word lists: longest literal first, then patterns."""
    order = sorted(range(len(tokens)), key=lambda n: (not is_literal(tokens[n]), -len(tokens[n])))
    branches = [
        f"(?P<t{n}>({'?i' if ignorecase[n] else '?-i'}:"
        f"{token_pattern(tokens[n], wholeword=wholeword)}))"
        for n in order
    ]
    return regex.compile("(?-f)" + "|".join(branches), regex.V1)  # simple case folding


def found(wl: WordList, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), wl.tokens[wl.index(m)]) for m in wl.finditer(text)]


def expected(tokens: list[str], flags: list[bool], text: str, wholeword: bool = True) -> list:
    pattern = plain(tokens, flags, wholeword)
    return [(m.start(), m.end(), tokens[int(m.lastgroup[1:])]) for m in pattern.finditer(text)]


TEXT = (
    "New York and new york, the New York Times, York-based, New  Yorker, al-Qaeda, "
    "the NATO summit, nato, U2 and u2, colour and Colour and COLOUR, £5bn.\n"
    "New\nYork at a line break; an Erdoğan aide; Kyiv's mayor."
)


@pytest.mark.parametrize(
    ("tokens", "flags"),
    [
        (["New York", "New York Times", "York", "new"], [False, False, False, True]),
        (["new york", "New York Times", "colour"], [True, False, True]),
        (["NATO", "nato", "U2"], [False, True, False]),
        (["colour", "Colour", "COLOUR"], [True, False, False]),
        (["al-Qaeda", "Qaeda", "£5bn", "Erdoğan", "Kyiv"], [False, False, False, False, True]),
        (["New  York", "York"], [False, False]),  # not clean: the plain alternation
        (["colou?r", "New York"], [True, False]),  # a pattern among the literals
    ],
)
def test_matches_and_tokens_are_those_of_the_plain_alternation(
    tokens: list[str], flags: list[bool]
) -> None:
    wl = compile_wordlist(tokens, ignorecase=flags)
    assert found(wl, TEXT) == expected(tokens, flags, TEXT)
    assert found(wl, TEXT.replace("Erdoğan", "Erdogan")) == expected(
        tokens, flags, TEXT.replace("Erdoğan", "Erdogan")
    )


def test_longest_token_wins_and_word_edges_hold() -> None:
    wl = compile_wordlist(["New York", "New York Times", "York"], ignorecase=False)
    assert found(wl, "The New York Times and New Yorker in York.") == [
        (4, 18, "New York Times"),
        (37, 41, "York"),
    ]


def test_case_sensitive_tokens_keep_their_case_in_a_mixed_list() -> None:
    wl = compile_wordlist(["nato summit", "NATO"], ignorecase=[True, False])
    assert wl.fast_source is None  # "nato" starts "nato summit": one trie with checks
    assert found(wl, "Nato, NATO and the NATO Summit") == [
        (6, 10, "NATO"),
        (19, 30, "nato summit"),
    ]


def test_first_words_skip_texts_without_them() -> None:
    wl = compile_wordlist(["al-Qaeda", "bin Laden"], ignorecase=False)
    assert wl.first_words == frozenset({"al", "bin"})
    assert found(wl, "Nothing to see.") == []
    assert found(wl, "An al-Qaeda cell.") == [(3, 11, "al-Qaeda")]
    assert compile_wordlist(["£5bn"], ignorecase=False).first_words is None
    assert compile_wordlist(["colour"], ignorecase=True, wholeword=False).first_words is None


def test_text_words_are_case_folded_and_none_for_other_characters() -> None:
    assert text_words("The cat, the CAT.") == frozenset({"the", "cat"})
    assert text_words("Ελλάδα") is None


def test_a_word_list_pickles_its_regex_patterns_to_load_when_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(wordlist, "FAST_AFTER", 0)
    wl = compile_wordlist(["colour", "New York", "gr[ae]y"], ignorecase=[True, False, True])
    assert len(wl.branches) == 2  # the trie and the pattern
    plain_text = TEXT.replace("ğ", "g")
    assert found(wl, plain_text)  # compiles the re pattern too
    assert set(wl._compiled) >= {"regex", "re"}
    again = pickle.loads(pickle.dumps(wl))
    assert set(again._compiled) == {"pickled"}  # nothing compiled or loaded yet

    def compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again rather than loaded")

    with monkeypatch.context() as patched:
        patched.setattr(wordlist.regex, "compile", compiling)
        assert again.pattern.pattern == "(?-f)" + wl.source
        assert [b.pattern for b in again._branches(False)] == ["(?-f)" + b for b in wl.branches]
    assert found(again, plain_text) == found(wl, plain_text)
    twice = pickle.loads(pickle.dumps(again))  # what it holds pickled is kept as it is
    assert twice._compiled["pickled"] == again._compiled["pickled"]
    assert twice.pattern.pattern == "(?-f)" + wl.source
    one = pickle.loads(pickle.dumps(compile_wordlist(["colour"], ignorecase=True)))
    assert set(one._compiled["pickled"]) == {"regex"}  # its one branch is the whole pattern
    assert one._branches(False) == [one.pattern]


def test_candidates_narrow_literals_and_keep_patterns() -> None:
    wl = compile_wordlist(["colour", "Kiev", "colou?r"], ignorecase=[True, False, True])
    assert wl.candidates("COLOUR") == [0, 2]
    assert wl.candidates("elsewhere") == [2]


def test_a_bad_pattern_names_itself() -> None:
    with pytest.raises(ValueError, match=r"invalid regular expression '.*colou\(r"):
        compile_wordlist(["fine", "colou(r"], ignorecase=False)


def test_safe_characters_mean_the_same_to_both_engines() -> None:
    safe = [chr(c) for c in range(0x30000) if re.fullmatch(f"[{SAFE_CLASS}]", chr(c))]
    assert len(safe) > 250
    for ch in safe:
        assert bool(re.match(r"\w", ch)) == bool(regex.match(r"\w", ch, regex.V1)), hex(ord(ch))
        assert bool(re.match(r"\s", ch)) == bool(regex.match(r"\s", ch, regex.V1)), hex(ord(ch))
        assert len(ch.casefold()) == 1, hex(ord(ch))
    for a in safe:
        fast = re.compile(re.escape(a), re.IGNORECASE)
        slow = regex.compile(regex.escape(a), regex.V1 | regex.IGNORECASE)
        for b in safe:
            same = a.casefold() == b.casefold()
            assert bool(fast.fullmatch(b)) == bool(slow.fullmatch(b)) == same, (a, b)


WORDS = st.sampled_from(["new", "york", "New", "York", "NEW", "times", "al-qaeda", "U2", "ok"])


@settings(max_examples=150, deadline=None)
@given(
    tokens=st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6),
    flags=st.lists(st.booleans(), min_size=6, max_size=6),
    text=st.lists(WORDS | st.sampled_from([" ", "\n", ", ", "-", "'"]), max_size=30).map("".join),
    wholeword=st.booleans(),
)
def test_generated_lists_match_like_the_plain_alternation(
    tokens: list[str], flags: list[bool], text: str, wholeword: bool
) -> None:
    tokens = list(dict.fromkeys(tokens))
    flags = flags[: len(tokens)]
    wl = compile_wordlist(tokens, ignorecase=flags, wholeword=wholeword)
    got = [(m.start(), m.end()) for m in wl.finditer(text)]
    want = [(m.start(), m.end()) for m in plain(tokens, flags, wholeword).finditer(text)]
    assert got == want


# --- twin patterns: re on plain text, regex elsewhere ------------------------------------

TWIN_TEXTS = st.lists(
    st.sampled_from([*"ab AB\t\n.'’-_1é£\x00@/", "the", "The", "www.", ".com", "Ω"]), max_size=40
).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=TWIN_TEXTS)
def test_a_twin_pattern_finds_what_its_regex_pattern_finds(text: str) -> None:
    from newslint.checks.repetition import _DOUBLED, _DOUBLED_I
    from newslint.formats.inline import _URL

    for twin in (_DOUBLED, _DOUBLED_I, _URL):
        got = [(m.span(), m.groups()) for m in twin.finditer(text)]
        want = [(m.span(), m.groups()) for m in twin.regex.finditer(text)]
        assert got == want


def test_a_twin_uses_re_only_on_plain_text() -> None:
    from newslint.twin import TwinPattern, is_plain

    twin = TwinPattern(r"(\w+) \1", regex.IGNORECASE)
    assert is_plain("the The\x00 £5 – “quoted”")
    assert not is_plain("Ελλάδα")
    assert type(next(twin.finditer("the The"))).__module__ == "re"
    assert type(next(twin.finditer("the The Ελλάδα"))).__module__ in ("regex", "_regex")
    assert TwinPattern(r"\p{Lu}\w+").finditer("Plain")  # no twin: regex syntax
    assert not TwinPattern(r"\p{Lu}\w+")._fast()


@pytest.mark.parametrize(
    ("pattern", "safe"),
    [
        (r"(a+)+$", False),  # nested quantifiers
        (r"(?:ab)+c", False),  # a repeated group
        (r"\w+\w+x", False),  # neighbours that take the same characters
        (r"\d+0\d+", False),  # ... even with a character of theirs between them
        ("a?" * 20 + "a" * 20, False),  # a long chain of options
        (r"x*(?:y|xz+)", False),  # a branch holding a repeat that overlaps
        (r"\w+\s+\w+", True),  # each repeat ends at a character it cannot take
        (r"(\d[\d,.]*)([\s-])meter(s?)", True),
        (r"(?<![\w'’])((?:re|de)?(?:agon|apolog))iz(e|es|ed)(?![\w-])", True),
        (r"(?<![\w.])U\.S\.(?=[ \t]*(?:\n|$)|\s+(?:The|He)\b)", True),
        (r"(", False),  # not a pattern at all
    ],
)
def test_only_patterns_that_cannot_backtrack_for_long_run_on_re(pattern: str, safe: bool) -> None:
    assert backtracks_safely(pattern) is safe
    fast = compile_wordlist(["colour", pattern], ignorecase=True).fast_source if safe else None
    assert (fast is not None) is safe or pattern == "("


@pytest.mark.parametrize(("length", "stopped"), [(30, False), (50_000, True)])
def test_a_pattern_that_backtracks_for_ever_is_stopped_on_plain_text(
    monkeypatch: pytest.MonkeyPatch, length: int, stopped: bool
) -> None:
    """Plain text would go to ``re``, which cannot be stopped (30 a's and a b take it minutes):
    ``(a+)+$`` stays on ``regex``, which gets through 30 a's at once and is stopped, and the
    rule reported, on a long run."""
    monkeypatch.setenv("NEWSLINT_PATTERN_TIMEOUT", "0.2")
    rules = (
        "rules:\n  - id: slow\n    type: existence\n    tokens: ['(a+)+$']\n    wholeword: false\n"
    )
    style = Style(parse_rules(rules, "r.yaml", "house"))
    started = time.monotonic()
    found = lint_text("Head\n\n" + "a" * length + "b\n", style=style, format="text")
    assert time.monotonic() - started < 5
    assert [(v.rule, v.line, v.column) for v in found] == [(RULE_TIMEOUT, 1, 1)] * stopped
    if stopped:
        assert "'house.slow' was stopped after 0.2 seconds" in found[0].message


def test_long_text_runs_rule_patterns_on_regex(
    monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """Beyond RE_PATTERN_TEXT characters even a safe pattern runs on regex, with the limit."""
    wl = compile_wordlist(["colour", r"\w+ise"], ignorecase=True)
    assert wl.fast_source is not None
    text = "the colour we advise " * (RE_PATTERN_TEXT // 10)
    used: list[str] = []
    by_branch = WordList._by_branch
    monkeypatch.setattr(
        WordList, "_by_branch", lambda wl, *a, **k: used.append("regex") or by_branch(wl, *a, **k)
    )
    with time_limit(10.0):
        assert len(list(wl.finditer(text))) == 2 * (RE_PATTERN_TEXT // 10)
        assert len(list(wl.finditer(text[: 21 * 50]))) == 2 * 50
    assert used == ["regex"] * (1 if engine == "re" else 2)  # the short text on re


def test_long_text_runs_patterns_of_bounded_reach_on_re(
    monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """A pattern whose every search looks a bounded way ahead cannot take long on ``re``, so
    a long text does not send it to regex (which costs several times as much a byte)."""
    wl = compile_wordlist(["colour", r"(?:real|organ)iz(?:e|ed)"], ignorecase=True)
    assert wl.bounded
    text = "the colour we realized " * (RE_PATTERN_TEXT // 10)
    used: list[str] = []
    by_branch = WordList._by_branch
    monkeypatch.setattr(
        WordList, "_by_branch", lambda wl, *a, **k: used.append("regex") or by_branch(wl, *a, **k)
    )
    with time_limit(10.0):
        assert len(list(wl.finditer(text))) == 2 * (RE_PATTERN_TEXT // 10)
    assert used == ([] if engine == "re" else ["regex"])


def test_branches_searched_alone_find_what_the_alternation_finds(engine: str) -> None:
    """Where branches overlap, the first to start wins, and the earlier branch at a tie."""
    tokens = ["United Nations", r"Nations? \w+", r"\w+ League", r"(?:x|y)?"]
    text = "The United Nations League met the Nations Cup and the Premier League. " * 40
    wl = compile_wordlist(tokens, ignorecase=False)
    assert len(wl.branches) > 1
    assert found(wl, text) == expected(tokens, [False] * 4, text)
    assert found(wl, "Nation Cup x y z Minor League") == expected(
        tokens, [False] * 4, "Nation Cup x y z Minor League"
    )


@pytest.mark.parametrize(
    ("pattern", "needle"),
    [
        (r"(?<=\b(?:tv|radio)\s+)program(s?)", "program"),
        (r"license(s?)(?=\s+(?:fee|fees)\b)", "license"),
        (r"(?<![\w.])U\.S\.(?![\w.])", "U.S."),
        (r"((?:re|de)?(?:agon|apolog))iz(ing|es)", "iz"),
        (r"(\d[\d,.]*)([\s-])meter(s?)", "meter"),
        (r"[a-z]+", ""),
        (r"(?<=\S) {2,}(?=\S)", "  "),
        (r"ab{2,5}c", "abb"),
        (r"xa{3}y", "xaaay"),
        (r"-?\.{3}!?", "..."),
        (r"a*b", "b"),
    ],
)
def test_the_plain_text_every_match_of_a_pattern_shows(pattern: str, needle: str) -> None:
    assert patternsource.required_literal(patternsource.without_lookarounds(pattern)) == needle


def test_a_list_with_patterns_skips_texts_without_what_its_matches_show() -> None:
    wl = compile_wordlist(["gray", r"(?<=\b(?:tv|radio)\s+)program(s?)"], ignorecase=True)
    assert wl.first_words is None
    assert wl.needles == (frozenset({"gray"}), ("program",))
    assert found(wl, "A TV Programs list, gray skies.") == [
        (5, 13, r"(?<=\b(?:tv|radio)\s+)program(s?)"),
        (20, 24, "gray"),
    ]
    assert found(wl, "A TV show; Graying skies.") == []


def test_a_pattern_of_repeated_spaces_skips_texts_without_two() -> None:
    wl = compile_wordlist([r"(?<=\S) {2,}(?=\S)"], ignorecase=False, wholeword=False)
    assert wl.needles == (frozenset(), ("  ",))
    assert found(wl, "One space.\tTab.") == []
    assert found(wl, "Two.  Three   spaces.") == [
        (4, 6, r"(?<=\S) {2,}(?=\S)"),
        (11, 14, r"(?<=\S) {2,}(?=\S)"),
    ]


def test_a_long_text_is_searched_only_in_the_pieces_with_first_words(
    monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """A long text finds what a short one would, though only its pieces that hold a token's
    first word are searched: matches across the cut between pieces, and tokens of several
    words across a line break, are found as in the whole text."""
    monkeypatch.setattr(textwords, "PIECE", 40)
    monkeypatch.setattr(wordlist, "PIECE", 40)
    tokens = ["New York", "New York Times", "Times Square", "colour", "York"]
    wl = compile_wordlist(tokens, ignorecase=[False, False, False, True, False])
    assert wl.first_words is not None
    parts = [
        "Nothing here at all, for a while. " * 3,
        "The New York\nTimes had a Colour piece.",
        "Then nothing again (for long) " * 12,
        "New   York. Times Square was full; the COLOUR of York.",
        "The end of it all. " * 12,
    ]
    text = "".join(parts)
    searched: list[tuple[int, int]] = []
    if engine == "re":
        fast = wl.fast

        class Spy:
            def finditer(self, view: str, start: int, end: int) -> Any:
                searched.append((start, end))
                return fast.finditer(view, start, end)

        monkeypatch.setitem(wl._compiled, "re", Spy())
    assert found(wl, text) == expected(tokens, [False, False, False, True, False], text)
    if engine == "re":
        assert searched and sum(b - a for a, b in searched) < len(text) // 2


def test_a_long_text_is_searched_only_in_the_pieces_where_a_match_may_start(
    monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """A list with patterns searches a long text only in the pieces holding a literal token's
    first word or near a needle of its patterns, and finds what a full scan finds, across the
    cuts between pieces too."""
    monkeypatch.setattr(textwords, "PIECE", 40)
    monkeypatch.setattr(wordlist, "PIECE", 40)
    tokens = ["colour", "Theatre", r"(?:real|organ)iz(?:e|ed|ing)"]
    flags = [True, False, True]
    wl = compile_wordlist(tokens, ignorecase=flags)
    assert wl.first_words is None and wl.needles is not None and wl.reach is not None
    parts = [
        "Nothing here at all, for a while. " * 12,
        "They realized the Theatre colour was organizing itself.",
        "Then nothing again (for long) " * 12,
        "Theatre. Colour realizing; REALIZED organize",
        "The end of it all. " * 12,
    ]
    text = "".join(parts)
    searched: list[tuple[int, int]] = []
    if engine == "re":
        fast = wl.fast

        class Spy:
            def finditer(self, view: str, start: int, end: int) -> Any:
                searched.append((start, end))
                return fast.finditer(view, start, end)

        monkeypatch.setitem(wl._compiled, "re", Spy())
    assert found(wl, text) == expected(tokens, flags, text)
    if engine == "re":
        assert searched and sum(b - a for a, b in searched) < len(text) // 2
