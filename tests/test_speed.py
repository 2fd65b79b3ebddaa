"""Shortcuts taken for speed find exactly what the plain scans would."""

from __future__ import annotations

import re

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.checks import datefmt
from newslint.formats import inline
from newslint.twin import _alphabet

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
    "–",
    " and ",
    " to ",
    " of ",
    "th",
    "2005-",
    "02-13",
    "\x00",  # masked markup, or the masked part of "&nbsp;" before its space
    "\x00\x00 ",
]


def spans(matches: list[regex.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
@settings(max_examples=400, deadline=None)
def test_dates_found_from_their_possible_starts_are_those_of_the_full_scan(text: str) -> None:
    assert spans(datefmt.date_matches(text)) == spans(list(DATE.finditer(text)))


def test_a_date_starts_with_a_digit_a_month_or_day_initial_t_or_a_character_past_ascii() -> None:
    first = re.compile(datefmt._STARTS[: datefmt._STARTS.index("]") + 1])
    ascii = "".join(chr(c) for c in range(0x80) if first.match(chr(c)))
    assert ascii == "0123456789ADFJMNOSTWt"
    assert all(first.match(c) for c in "\x80é–’٣\uffff\U0001f600\U0010ffff")


def test_dates_of_a_sentence() -> None:
    text = "On Tuesday, 12 Feb. 2005 and the 11 September 2001 attacks, not x5 May 2005."
    found = [text[m.start() : m.end()] for m in datefmt.date_matches(text)]
    assert found == ["Tuesday, 12 Feb. 2005", "11 September 2001", "May 2005"]


NUMBER_PIECES = [
    "5",
    "1.5",
    "12",
    "two",
    "Forty",
    "-one",
    " ",
    "\t",
    "\n",
    "m",
    "bn",
    "tn",
    "million",
    "billion",
    "trillion",
    "%",
    "per cent",
    "pc",
    "percent",
    "point ",
    "£",
    "$",
    "US$",
    " euros",
    " dollars",
    " won",
    " won,",
    "from",
    "the ",
    ".",
    ",",
    "x",
]


@given(st.lists(st.sampled_from(NUMBER_PIECES), max_size=24).map("".join))
@settings(max_examples=400, deadline=None)
def test_number_rules_scan_only_lines_that_can_report(text: str) -> None:
    from newslint.checks import number

    def reported(m: regex.Match[str]) -> bool:  # what the large check does not skip as metres
        return bool(m["cur"] or m["money"] is not None or m["unit"] != "m")

    large = [m for m in number._LARGE.finditer(text) if reported(m)]
    probed = list(
        number._probed_finditer(number._LARGE, text, number._LARGE_PROBE, number._LARGE_STOPS)
    )
    assert spans(large) == spans([m for m in probed if reported(m)])
    percent = list(number._PERCENT.finditer(text))
    assert spans(percent) == spans(
        list(
            number._probed_finditer(
                number._PERCENT, text, number._PERCENT_PROBE, number._PERCENT_STOPS
            )
        )
    )


WORD_PIECES = [
    "the",
    "The",
    "don't",
    "don",
    "’t",
    "a",
    "A",
    "10",
    " ",
    "  ",
    "\n",
    "\n> ",
    "-",
    "x",
]


@given(st.lists(st.sampled_from(WORD_PIECES), max_size=16).map("".join))
@settings(max_examples=400, deadline=None)
def test_doubled_words_as_the_plain_pattern_finds_them(text: str) -> None:
    import re

    from newslint.checks.repetition import _DOUBLED

    plain = r"(?<![\w'’-])(\w+(?:['’]\w+)?)(\x00*[ \t]+\n?[ \t\x00]*|\n[ \t\x00]*)(\1)(?![\w'’-])"
    for flags in (0, re.IGNORECASE):
        want = [m.span() for m in regex.finditer(plain, text, flags)]
        assert [m.span() for m in regex.finditer(_DOUBLED.pattern, text, flags)] == want
        assert [m.span() for m in re.finditer(_DOUBLED.pattern, text, flags)] == want


@given(
    st.lists(
        st.sampled_from([*WORD_PIECES, "Jean-Luc", "U.S.", "é", "’", ",", "!"]), max_size=24
    ).map("".join)
)
@settings(max_examples=300, deadline=None)
def test_runs_of_letters_bound_the_word_count(text: str) -> None:
    from newslint.checks.occurrence import _RUNS
    from newslint.prose import words

    assert len(_RUNS.findall(text)) >= len(words(text, 0, len(text)))


SPELLING_PIECES = ["nuclear", "TV", "a", "the", "wet", "car", "driving", "program", "programs"]
SPELLING_PIECES += ["tire", "tires", "license", "licenses", " ", "  ", "\n", "\t", "x", ","]


def _look_behind_keys() -> list[tuple[str, str]]:
    """The keys of uk-news written with fixed-width look-behinds, and what each means."""
    from newslint.rulefile import builtin_root, load_pack

    out = []
    for rule in load_pack(builtin_root() / "uk-news"):
        for key in getattr(rule, "swap", {}):
            if key.startswith(("program(?:(?<=", "tire(?:(?<=", "license(?:(?<=")):
                word = key.split("(")[0]
                before = "|".join(regex.findall(r"\(\?:([a-z|]+)\)\\s\w", key))
                out.append((key, rf"(?<=\b(?:{before})\s{{1,2}}){word}(s?)"))
    return out


LOOK_BEHIND_KEYS = _look_behind_keys()


def test_the_look_behind_keys_are_found() -> None:
    assert len(LOOK_BEHIND_KEYS) == 3
    assert all("nuclear|" in meant or "|nuclear" in meant for _, meant in LOOK_BEHIND_KEYS[1:2])


@given(st.lists(st.sampled_from(SPELLING_PIECES), max_size=12).map("".join))
@settings(max_examples=300, deadline=None)
def test_fixed_width_look_behinds_mean_one_or_two_spaces(text: str) -> None:
    import re

    for key, meant in LOOK_BEHIND_KEYS:
        want = [m.span() for m in regex.finditer(meant, text, regex.I)]
        assert [m.span() for m in re.finditer(key, text, re.I)] == want


def test_rule_types_are_imported_when_a_style_uses_them() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from newslint.checks import RULE_TYPES\n"
        "assert 'newslint.checks.number' not in sys.modules\n"
        "assert RULE_TYPES['number'].type_name == 'number'\n"
        "assert 'newslint.checks.number' in sys.modules\n"
        "assert sorted(RULE_TYPES) == sorted(t.type_name for t in RULE_TYPES.values())\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


URL_PIECES = [
    "http",
    "https://",
    "ftp://",
    "www.",
    "news",
    "Desk",
    "@",
    ".",
    ".com",
    ".Org",
    ".co.uk",
    "/",
    "-",
    "?",
    ")",
    '"',
    "’",
    "é",
    "\u00a0",
    " ",
    "\n",
    "\t",
    "x",
    "9",
    "\x00",
]


@given(
    st.lists(st.sampled_from(URL_PIECES), max_size=30).map("".join),
    st.integers(0, 40),
    st.integers(0, 40),
)
@settings(max_examples=600, deadline=None)
def test_urls_found_line_by_line_are_those_of_the_full_scan(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    full = [m.span() for m in inline._URL.finditer(text, start, end)]
    assert inline.url_spans(text, start, end) == full
    assert inline.url_spans(text) == [m.span() for m in inline._URL.finditer(text)]


def test_urls_of_a_draft_over_several_lines() -> None:
    text = "Read more at www.harbour.example/news.\nNo link here.\nMail desk@gazette.co.uk today."
    found = [text[s:e] for s, e in inline.url_spans(text)]
    assert found == ["www.harbour.example/news", "desk@gazette.co.uk"]


NAME_PIECES = [
    "Zelensky",
    "zelenskyy",
    "ZELENSKIY",
    "al-Qaeda",
    "Al Qaida",
    "al",
    "Qaeda",
    "Kyiv",
    "Kiev",
    "Kievan",
    '"',
    "“",
    "”",
    "it's",
    "it’s",
    "é",
    " ",
    "\n",
    "-",
]


@given(st.lists(st.sampled_from(NAME_PIECES), max_size=14).map("".join))
@example("Kyiv and Kiev")
@example("al-Qaeda, al\nQaida")
@example('"Yes," she said. “No”, it’s it\'s')
@settings(max_examples=500, deadline=None)
def test_consistency_groups_skipped_by_their_signs_would_find_nothing(text: str) -> None:
    from newslint.checks.consistency import Consistency
    from newslint.document import make_document

    rules = [
        Consistency(
            id="names",
            type="consistency",
            either=(
                ("Zelensky", "Zelenskyy", "Zelenskiy"),
                ("al-Qaeda", "al Qaida"),
                ("Kyiv", "Kiev"),
            ),
        ),
        Consistency(
            id="quotes",
            type="consistency",
            wholeword=False,
            either=(('"', "[“”]"), ("(?<=\\w)'(?=\\w)", "’")),
        ),
    ]
    doc = make_document(text)
    for rule in rules:
        skipped = list(rule.check(doc))
        # every group scanned, whatever its signs and its variants' own searches say
        object.__setattr__(rule, "_possible", lambda doc, rule=rule: [True] * len(rule.either))
        assert skipped == list(rule.check(doc))


def test_a_pattern_variant_counts_only_where_its_own_pattern_matches() -> None:
    from newslint.checks.consistency import Consistency
    from newslint.document import make_document

    rule = Consistency(
        id="quotes", type="consistency", wholeword=False, either=(("(?<!\\d)[\"']", "[“”‘’]"),)
    )
    straight = make_document("It's the mayor's plan, and \"it's\" theirs.\n\nShe's sure.\n")
    assert rule._possible(straight) == [False]  # no curly mark: the scan is skipped
    assert list(rule.check(straight)) == []
    mixed = make_document("It's the mayor's plan, and “it's” theirs.\n")
    assert rule._possible(mixed) == [True]
    found = [(f.start, f.end, f.replacement, dict(f.params)["form"]) for f in rule.check(mixed)]
    assert found == [(27, 28, None, "'"), (32, 33, None, "'")]  # "'" is used most, no one form


def test_consistency_signs_of_variants() -> None:
    from newslint.checks.consistency import Consistency

    rule = Consistency(
        id="t",
        type="consistency",
        wholeword=True,
        either=(("al-Qaeda", "al Qaida", "[“”]x", "Erdoğan"),),
    )
    assert rule._signs == ((("word", "al"), ("word", "al"), ("text", "x"), None),)


WINDOW_TOKENS = [
    r"(?<![\w'’])((?:re|de)?(?:organ|real))iz(e|es|ed|ing)(?![\w-])",
    r"(anal|paral)yz(e|es)(?![\w-])",
    r"colou?r(?=\s?scheme\b)",
    r"izz\d$",
]
WINDOW_PIECES = [
    "organ",
    "real",
    "re",
    "iz",
    "ize",
    "es",
    "ing",
    "anal",
    "yz",
    "color",
    "colour",
    " scheme",
    "schemes",
    "izz",
    "7",
    "Z",
    "-",
    "’",
    " ",
    "\n",
    "x",
    "\x00",  # markup between the words of a phrase, as in "colour&nbsp;scheme"
]


@given(st.lists(st.sampled_from(WINDOW_PIECES), max_size=20).map("".join), st.integers(0, 30))
@example("organize and realizes, colour scheme, analyze; izz7", 0)
@example("reorganizing\nizz7\n", 3)
@settings(max_examples=600, deadline=None)
def test_word_lists_searched_near_their_needles_find_what_a_full_scan_finds(
    text: str, pos: int
) -> None:
    from newslint.checks.textwords import text_lower
    from newslint.checks.wordlist import compile_wordlist

    wl = compile_wordlist(WINDOW_TOKENS, ignorecase=True, wholeword=False)
    assert wl.reach is not None and wl.needles is not None
    pos = min(pos, len(text))
    want = [(m.span(), m.lastgroup) for m in wl.fast.finditer(text, pos)]
    got = [(m.span(), m.lastgroup) for m in wl._windowed(text, text_lower(text), pos, len(text))]
    assert got == want


def test_the_reach_of_a_word_list() -> None:
    from newslint.checks.wordlist import compile_wordlist

    wl = compile_wordlist(WINDOW_TOKENS, ignorecase=True, wholeword=False)
    # widest: "reorganizing" (12); look-aheads: one character each for the two word ends,
    # seven for " scheme"; two more for \b and $ (the look-behind looks only back)
    assert wl.reach == (12, 12 + 2 + 7 + 2)
    assert compile_wordlist([r"\w+iz"], ignorecase=True).reach is None  # unbounded
    assert compile_wordlist([r"x?"], ignorecase=True).reach is None  # may match nothing


@given(st.lists(st.sampled_from([*WORD_PIECES, "'", "’", "\x00", "The", "THE", "t"]), max_size=16))
@example(["don", "'", "t", " ", "don", "'", "t"])
@example(["the", "\n", "\x00", " ", "The"])
@settings(max_examples=600, deadline=None)
def test_drafts_skipped_by_the_doubled_word_prescan_hold_no_doubled_word(pieces: list[str]) -> None:
    from newslint.checks.repetition import _DOUBLED, _DOUBLED_I, _may_double
    from newslint.checks.textwords import text_runs

    text = "".join(pieces)
    runs = text_runs(text)
    assert runs is not None
    for pattern in (_DOUBLED, _DOUBLED_I):
        if any(True for _ in pattern.finditer(text)):
            assert _may_double(runs)
    assert _may_double(text_runs("I don't don't know")) and not _may_double(["a", "b", "a", "c"])


def test_the_runs_of_folded_text_are_the_folded_runs() -> None:
    import re

    from newslint.twin import _alphabet

    word = re.compile(r"\w")
    for ch in _alphabet():
        folded = ch.casefold()
        assert len(folded) == 1 and bool(word.match(folded)) == bool(word.match(ch)), ch


SPELLING_TOKENS = [
    "gray",
    "aging",
    r"program(?:(?<=\b(?:tv)\sprogram)|(?<=\b(?:aid)\sprogram)|(?<=\b(?:tv)\s\sprogram))(s?)",
    r"tire(?:(?<=\b(?:car|wet)\stire))(s?)",
]
SPELLING_PIECES = ["gray", "Gray", "aging", "tv", "TV", "aid", "program", "tire", "car", "s"]


@given(
    st.lists(
        st.sampled_from([*SPELLING_PIECES, " ", "  ", "\n", "-", "x", "\x00"]), max_size=16
    ).map("".join)
)
@example("TV program and aid  programs, a car tire, gray aging")
@example("car tires; tv\nprograms")
@settings(max_examples=600, deadline=None)
def test_a_spelling_list_finds_near_its_needles_what_its_full_scan_finds(text: str) -> None:
    from newslint.checks.wordlist import FAST_AFTER, compile_wordlist

    wl = compile_wordlist(SPELLING_TOKENS, ignorecase=True)
    assert wl.reach is not None
    wl._compiled["scanned"] = FAST_AFTER  # scan with re at once, as on a long run
    want = [(m.span(), m.lastgroup) for m in wl.fast.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in wl.finditer(text)] == want


TIME_PIECES = [
    "12",
    "8",
    "08",
    "23",
    "59",
    ":",
    ".",
    " ",
    "\t",
    "am",
    "p.m.",
    "PM",
    "A",
    "GMT",
    "ET",
    "noon",
    "midnight",
    "midday",
    "-",
    "x",
    "٣",
    "\n",
    "h",
    "\x00",
    "\x00 ",
]


@given(st.lists(st.sampled_from(TIME_PIECES), max_size=12).map("".join))
@example("at 8pm and 10:30 then 1400 GMT, 12 noon")
@example("from 10:30 to 11.45")
@example("by 1400 GMT")
@example("at 12 noon")
@example("at 8 p.m.")
@example("at 8\x00\x00 pm and 1400\x00 GMT")
@settings(max_examples=600, deadline=None)
def test_texts_the_time_hint_passes_over_hold_no_time(text: str) -> None:
    from newslint.checks import clock

    if clock._HINT.search(text) is None and not any(w in text for w in clock._NOON_WORDS):
        assert list(clock._TIME.finditer(text)) == []


@given(st.text(alphabet=st.sampled_from(_alphabet()), max_size=40))
@example("Ça  co-opère: l'Élysée, ÿ_1 ‘quoted’ — £5 ÆSIR; Œ is not plain")
@example("µm and µ")
@settings(max_examples=800, deadline=None)
def test_the_word_runs_found_byte_by_byte_are_those_of_the_pattern(text: str) -> None:
    import re

    from newslint.checks import textwords

    textwords._last_words = (None, None, None)
    plain = all(ch in _alphabet() for ch in text)
    want = re.findall(r"\w+", text.casefold()) if plain else None
    assert textwords.text_runs(text) == want


def test_every_safe_character_is_read_as_the_pattern_reads_it() -> None:
    import re

    from newslint.checks import textwords
    from newslint.twin import _alphabet

    for ch in _alphabet():
        text = f"a{ch}b {ch}"
        textwords._last_words = (None, None, None)
        assert textwords.text_runs(text) == re.findall(r"\w+", text.casefold()), repr(ch)


@given(
    st.text(alphabet=st.sampled_from(_alphabet()), max_size=40),
    st.integers(0, 45),
    st.integers(0, 45),
)
@example("Two words, and 3 more: co-op's", 0, 30)
@example("a b", 1, 3)
@settings(max_examples=800, deadline=None)
def test_runs_counted_on_marked_bytes_are_those_of_the_pattern(text: str, a: int, b: int) -> None:
    from newslint.checks import occurrence

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    want = len(occurrence._RUNS.findall(text, start, end))
    assert occurrence._run_count(text, start, end) == want


EXCEPTION_TOKENS = ("(?<=[\\p{L}\\d,;:)]\\s+)\\p{Lu}[\\p{L}'’-]*", "Grey Party", "sic")
EXCEPTION_PIECES = ["Grey", "grey", "Party", "party", "sic", " ", ", ", "\n", "a", "Bo", "9"]


@given(
    st.lists(st.sampled_from(EXCEPTION_PIECES), max_size=20).map("".join),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=8),
)
@example("a Grey Party sic, Bo grey", [(2, 4), (20, 2), (0, 1), (13, 3)])
@settings(max_examples=600, deadline=None)
def test_exceptions_read_as_far_as_asked_cover_what_the_full_scan_covers(
    text: str, queries: list[tuple[int, int]]
) -> None:
    from newslint.checks.base import compile_tokens
    from newslint.checks.exceptions import LazyExceptions, compile_exceptions

    pattern = compile_tokens(EXCEPTION_TOKENS, ignorecase=False)
    assert pattern is not None
    spans = [m.span() for m in pattern.finditer(text)]  # the full scan
    for matcher in (
        compile_exceptions(EXCEPTION_TOKENS, ignorecase=False),
        compile_tokens(EXCEPTION_TOKENS, ignorecase=False),
    ):
        lazy = LazyExceptions(matcher, text)
        for start, width in queries:  # in any order, as rules ask
            start = min(start, len(text))
            end = min(start + width, len(text))
            want = any(s <= start and end <= e for s, e in spans)
            assert lazy.covers(start, end) == want, (start, end)


@given(st.lists(st.sampled_from(["5", "12", ".", ")", " ", "\t", "\n", "\u2028", "x", "\x00"])))
@example(["\n", " ", "5", "."])
@example(["x", " ", "5", ")"])
@settings(max_examples=600, deadline=None)
def test_a_list_number_is_read_back_from_the_figure_as_from_its_line_start(
    pieces: list[str],
) -> None:
    from newslint.checks.numcontext import _list_item

    text = "".join(pieces)
    for m in regex.finditer(r"\d+", text):
        start, end = m.span()
        line_start = text.rfind("\n", 0, start) + 1
        whole_line = not text[line_start:start].strip() and text[end : end + 1] in (".", ")")
        assert _list_item(text, start, end) == whole_line
