"""One character outside the plain set costs only its own piece of a long draft, and a whole
corpus as one draft reads people as its articles would: both find what the plain way finds."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import lint_text, load_style
from newslint.checks import names, patternsource, textwords, wordlist
from newslint.checks.base import is_literal, token_pattern
from newslint.checks.textwords import text_pieces
from newslint.checks.wordlist import compile_wordlist

# Characters outside twin.SAFE_CLASS, some of which change what a word or a case is: an emoji,
# a right-to-left mark, a combining accent, a sharp s and a ligature (full case folding reads
# them as "ss" and "fi"), a dotted capital I (two characters lower-cased).
ODD = ["\U0001f600", "\u200f", "\u0301", "ß", "ﬁ", "\u3000"]
FILLER = "Nothing to see here at all, for a while. "
LISTS = [
    # literal tokens only: the pieces that hold a first word
    (["colour", "New York", "New York Times", "fire", "Strasse"], [True, False, False, True, True]),
    # literal tokens and patterns: the pieces near a needle or with a first word
    (["colour", "Theatre", r"(?:real|organ)iz(?:e|ed|ing)"], [True, False, True]),
    # patterns only: windows around the needles
    ([r"(?:real|organ)iz(?:e|ed|ing)", r"analy[sz]e"], [True, True]),
]
PARTS = [
    FILLER * 3,
    "The New York\nTimes had a Colour piece; they realized the fire.",
    FILLER * 4,
    "Theatre. Colour realizing; REALIZED organize on the Strasse, analyze it.",
    FILLER * 3,
]


def expected(tokens: list[str], flags: list[bool], text: str) -> list[tuple[int, int, str]]:
    order = sorted(range(len(tokens)), key=lambda n: (not is_literal(tokens[n]), -len(tokens[n])))
    branches = [
        f"(?P<t{n}>({'?i' if flags[n] else '?-i'}:{token_pattern(tokens[n], wholeword=True)}))"
        for n in order
    ]
    pattern = regex.compile("(?-f)" + "|".join(branches), regex.V1)  # simple case folding
    return [(m.start(), m.end(), tokens[int(m.lastgroup[1:])]) for m in pattern.finditer(text)]


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textwords, "PIECE", 40)
    monkeypatch.setattr(wordlist, "PIECE", 40)
    monkeypatch.setattr(wordlist, "FAST_AFTER", 0)


@pytest.mark.parametrize(("tokens", "flags"), LISTS)
@given(at=st.lists(st.integers(0, 10_000), min_size=1, max_size=3), odd=st.sampled_from(ODD))
@settings(max_examples=60, deadline=None)
def test_one_odd_character_finds_what_the_whole_regex_scan_finds(
    tokens: list[str], flags: list[bool], at: list[int], odd: str
) -> None:
    text = "".join(PARTS)
    for place in sorted(at, reverse=True):
        place %= len(text)
        text = text[:place] + odd + text[place:]
    wl = compile_wordlist(tokens, ignorecase=flags)
    assert [(m.start(), m.end(), wl.tokens[wl.index(m)]) for m in wl.finditer(text)] == (
        expected(tokens, flags, text)
    )


@pytest.mark.parametrize(("tokens", "flags"), LISTS)
@pytest.mark.parametrize(
    "odd",
    [
        "Re\u0301alized",  # a combining accent inside a match: no word "realized" there
        "ﬁre",  # "fire" to full case folding, which word lists do not use
        "Straße",  # "Strasse" to full case folding, likewise
        "realized\u200f",  # a right-to-left mark right after a match
        "\U0001f600colour",
    ],
)
def test_odd_characters_in_and_beside_matches_are_read_as_regex_reads_them(
    tokens: list[str], flags: list[bool], odd: str
) -> None:
    text = FILLER * 3 + odd + " " + "".join(PARTS)
    wl = compile_wordlist(tokens, ignorecase=flags)
    assert [(m.start(), m.end(), wl.tokens[wl.index(m)]) for m in wl.finditer(text)] == (
        expected(tokens, flags, text)
    )


def test_only_the_piece_with_an_odd_character_loses_its_words() -> None:
    text = FILLER * 3 + "An emoji \U0001f600 here. " + FILLER * 3
    pieces = text_pieces(text)
    odd = [k for k, (start, end, _) in enumerate(pieces) if "\U0001f600" in text[start:end]]
    assert len(odd) == 1
    assert [words is None for *_, words in pieces] == [k in odd for k in range(len(pieces))]
    assert all("while" in words for *_, words in pieces[:1] + pieces[-1:] if words)


def test_a_long_draft_with_one_emoji_reports_what_the_whole_draft_scan_reports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The pieces of a long draft (the real size, 4,000 characters) decide plainness one by
    one; with pieces longer than the draft, the whole draft is read the slow way."""
    monkeypatch.setattr(textwords, "PIECE", 4_000)
    monkeypatch.setattr(wordlist, "PIECE", 4_000)
    style = load_style(["core", "uk-news"])
    story = (
        "The council said it would organize a new colour scheme for the theater. "
        "Residents had criticized the plan, and Jane Hollis, who leads them, said so. "
        "Hollis said the neighbors would analyze it. Later Ms Hollis spoke again.\n\n"
    )
    draft = "Plan to recolour the town\n\n" + story * 120
    middle = len(draft) // 2
    draft = draft[:middle] + " \U0001f600" + draft[middle:]

    def report() -> list[tuple[str, int, int, str | None]]:
        return [(v.rule, v.line, v.column, v.replacement) for v in lint_text(draft, style=style)]

    pieces = report()
    monkeypatch.setattr(textwords, "PIECE", 10**9)
    monkeypatch.setattr(wordlist, "PIECE", 10**9)
    whole = report()
    assert pieces == whole
    rules = {rule for rule, *_ in pieces}
    assert {"uk-news.ise-spelling", "uk-news.our-spelling", "uk-news.person-reference"} <= rules


def test_a_surname_titled_only_later_still_takes_its_title_everywhere() -> None:
    """A bare surname is read when any mention gives it a courtesy title, before or after it;
    one that no mention titles brings no finding."""
    style = load_style(["uk-news"])
    text = (
        "Jane Hollis spoke first. Hollis said no. Tom Cole agreed and Cole left.\n\n"
        "Later Ms *Hollis* returned, and Cole stayed away. Hollis spoke again.\n"
    )
    found = [
        (v.line, v.column, v.replacement)
        for v in lint_text(text, style=style, format="markdown")
        if v.rule == "uk-news.person-reference"
    ]
    assert found == [(1, 26, "Ms Hollis"), (3, 51, "Ms Hollis")]


@pytest.mark.parametrize("pad", range(28, 46))
@pytest.mark.parametrize("odd", ["ſ", "\U0001f600"])
def test_a_match_reaching_into_a_piece_that_is_not_plain_is_found(pad: int, odd: str) -> None:
    """A long s matches "s" ignoring case, and the lower-cased text then shows no needle: a
    match starting a piece or two before such a piece is searched for all the same."""
    tokens, flags = [r"(?:a|the) (?:big|small) sporting", "colour"], [True, True]
    text = FILLER * 2 + "x" * pad + " the big ſporting " + FILLER * 3 + odd + FILLER * 3
    wl = compile_wordlist(tokens, ignorecase=flags)
    assert [(m.start(), m.end(), wl.tokens[wl.index(m)]) for m in wl.finditer(text)] == (
        expected(tokens, flags, text)
    )


WORDS = ["de ", "De ", "van ", "der ", "made ", "Leyen", "Gaal", " ", "(", '"', "\x00", "é", "-"]


@given(st.lists(st.sampled_from([*WORDS, "'", "’", ".", "1", "\n"]), max_size=24))
@example(["(", "van ", "Gaal"])
@example(["made ", "Leyen"])
@settings(max_examples=300, deadline=None)
def test_particles_are_found_where_a_scan_of_the_whole_text_finds_them(parts: list[str]) -> None:
    """Particles are looked for only where no ASCII letter or digit, apostrophe, hyphen or full
    stop stands before them ("made Leyen" holds none); the pattern decides the rest."""
    view = "".join(parts)
    assert names.particle_starts(view) == {
        m.end(): m.start() for m in names._PARTICLE_RUN.finditer(view)
    }


def test_particles_after_marks_and_at_the_start_are_found() -> None:
    view = 'de Gaulle said (van Gaal) and "von der Leyen", not made Leyen or Adé Gaal.'
    assert names.particle_starts(view) == {3: 0, 20: 16, 39: 31}


@pytest.mark.parametrize(
    ("token", "needles"),
    [
        (r"[\p{L}'’-]++(?=\s+[(\[]sic[)\]])", ("(sic)", "(sic]", "[sic)", "[sic]")),
        (r"\w+(?=\s+\(sic\))", ("(sic)",)),
        (r"[a-z]+(?=\s[a-z]sic)", ("sic",)),  # a range stands for too many characters
        (r"\w+(?=x{2,3}y)", ("xxy",)),
        (r"\w+(?=y)(?=x)", ("x",)),  # only the look-ahead that ends the pattern
        (r"a(?=bc)", ()),  # regex leaps to what the match shows
        (r"\w+(?=bc)b", ()),  # a look-ahead inside reads what follows it, not the match's end
        (r"Organizations?", ()),
        (r"(?i:sic)(?=x)", ()),  # inline flags
        (r"(?:sic){e<=1}", ()),  # fuzzy matching
        (r"a(?=b)|c(?=b)", ()),
        ("New York", ()),  # literal tokens match across line breaks
    ],
)
def test_what_every_match_shows_from_its_start(token: str, needles: tuple[str, ...]) -> None:
    assert patternsource.ahead_needles(token) == needles


SIC = [
    r"[\p{L}'’-]++(?=\s+[(\[]sic[)\]])",
    r"(?<=[\p{L}\d,;:)]\s+)\p{Lu}[\p{L}'’-]*",
    "Organizations?",
]
SIC_PARTS = ["word", " ", "  ", "\n", "(sic)", "[sic]", "(Sic)", "Capital", ",", "classic", "("]


@given(st.lists(st.sampled_from(SIC_PARTS), max_size=30), st.integers(0, 60))
@settings(max_examples=300, deadline=None)
def test_a_list_is_searched_for_a_look_ahead_only_where_it_may_match(
    parts: list[str], pos: int
) -> None:
    """The "(sic)" exception of the spelling rules: past the last "sic" nothing is searched,
    and what is found is what the plain alternation finds, from any place."""
    text = "".join(parts)
    pos = min(pos, len(text))
    wl = compile_wordlist(SIC, ignorecase=[False, False, False])
    got = [(m.start(), m.end(), wl.tokens[wl.index(m)]) for m in wl.finditer(text, pos)]
    assert got == expected_from(SIC, text, pos)


def expected_from(tokens: list[str], text: str, pos: int) -> list[tuple[int, int, str]]:
    order = sorted(range(len(tokens)), key=lambda n: (not is_literal(tokens[n]), -len(tokens[n])))
    pattern = regex.compile(
        "|".join(f"(?P<t{n}>(?-i:{token_pattern(tokens[n], wholeword=True)}))" for n in order),
        regex.V1,
    )
    return [(m.start(), m.end(), tokens[int(m.lastgroup[1:])]) for m in pattern.finditer(text, pos)]
