"""Sentence splitting: the shortcuts taken for speed split exactly as the plain loops do."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import prose
from newslint.document import MASK, Span

PIECES = ["Mr", "mr", "St", "e.g", "U.S", "Inc", "The", "[x1]", "@h", "approx", "Approxi", "A"]
PIECES += ["x", "word", "5", "%", ")"]
PIECES += [".", ". ", "!", "? ", "…", "”", "’", '"', "(", " ", "  ", "\t", "\n", "\n- ", MASK]
PIECES += ["É", "ª", "×", "\u2028", "Ж", "٣"]  # plain or not (see newslint.twin)


def plain_is_abbreviation(view: str, start: int, dot: int) -> bool:
    i = dot
    while i > start and (view[i - 1].isalpha() or view[i - 1] == "."):
        i -= 1
    word = view[i:dot].lower()
    return bool(word) and (word in prose.ABBREVIATIONS or (len(word) == 1 and view[i].isupper()))


def plain_sentences(view: str, start: int, end: int) -> Iterator[Span]:
    pos = start
    for m in prose._END.finditer(view, start, end):
        if (
            view[m.start()] == "."
            and plain_is_abbreviation(view, pos, m.start())
            and not prose.ends_after_abbreviation(view, pos, m.start(), m.end())
        ):
            continue
        yield from plain_trimmed(view, pos, m.end())
        pos = m.end()
    yield from plain_trimmed(view, pos, end)


def plain_trimmed(view: str, start: int, end: int) -> Iterator[Span]:
    while start < end and (view[start].isspace() or view[start] == MASK):
        start += 1
    while end > start and (view[end - 1].isspace() or view[end - 1] == MASK):
        end -= 1
    if end > start:
        yield start, end


def plain_sentences_by_line(view: str, start: int, end: int) -> Iterator[Span]:
    pos = start
    for m in prose._LINE_BREAK.finditer(view, start, end):
        yield from plain_sentences(view, pos, m.start())
        pos = m.end()
    yield from plain_sentences(view, pos, end)


texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@given(texts, st.integers(0, 200), st.integers(0, 200))
@settings(max_examples=500, deadline=None)
def test_sentences_split_as_the_plain_loop_does(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for _ in range(2):  # the second ask is answered from the memo
        assert list(prose.sentences(text, start, end)) == list(plain_sentences(text, start, end))
        assert list(prose.sentences_by_line(text, start, end)) == list(
            plain_sentences_by_line(text, start, end)
        )


def test_every_plain_character_ends_sentences_as_the_pattern_reads_it() -> None:
    from newslint.twin import _alphabet

    for ch in _alphabet():
        for text in (
            f"a. {ch}",
            f"a.{ch}B",
            f"a!{ch} B",
            f'a. "{ch}',
            f"a.{ch}{ch}B",
            f"a.’ {ch}x",
        ):
            want = [m.span() for m in prose._END.finditer(text)]
            assert [m.span() for m in prose._END_PLAIN.finditer(text)] == want, repr(ch)


def test_sentences_of_plain_text_and_of_other_text() -> None:
    plain = "Ask Mr. Smith. Élise came at 5. 4 left. E.g. that."
    assert [plain[s:e] for s, e in prose.sentences(plain, 0, len(plain))] == [
        "Ask Mr. Smith.",
        "Élise came at 5.",
        "4 left.",
        "E.g. that.",
    ]
    other = "Ask Mr. Smith. Жанна came at 5. ٣ left. ж stays."
    assert [other[s:e] for s, e in prose.sentences(other, 0, len(other))] == [
        "Ask Mr. Smith.",
        "Жанна came at 5.",
        "٣ left. ж stays.",
    ]


def test_markup_around_a_sentence_end_still_ends_the_sentence() -> None:
    # As the view has "*He left.* Then", "left.</i> <b>Police", "left.&nbsp;Жанна", "(5.) 4".
    for view in (
        "\x00He left.\x00 Then",
        "left.\x00\x00\x00\x00 \x00\x00\x00Police",
        "left.\x00\x00 Жанна",
    ):
        found = [view[s:e] for s, e in prose.sentences(view, 0, len(view))]
        assert [text.strip(MASK) for text in found] == [
            view[: view.index(".") + 1].strip(MASK),
            view[view.index(".") + 1 :].strip(" " + MASK),
        ]
    # Markup alone, with no space on the page, ends nothing: "left.<b>Then".
    run_together = "left.\x00\x00\x00Then"
    assert list(prose.sentences(run_together, 0, len(run_together))) == [(0, len(run_together))]


def test_a_word_longer_than_any_abbreviation_is_not_one() -> None:
    view = "He met Mr. Approxim. Smith."
    assert list(prose.sentences(view, 0, len(view))) == [(0, 20), (21, 27)]
    assert prose._is_abbreviation(view, 0, view.index(". Smith")) is False
    assert prose._is_abbreviation(view, 0, view.index(". Approx")) is True


def test_the_memo_answers_for_the_view_asked_about() -> None:
    first = "One two. Three four."
    second = "One two three. Four."
    assert list(prose.sentences(first, 0, 20)) == [(0, 8), (9, 20)]
    assert list(prose.sentences(second, 0, 20)) == [(0, 14), (15, 20)]
    assert list(prose.sentences(first, 0, 20)) == [(0, 8), (9, 20)]


@given(st.lists(st.sampled_from(["a", "bc", "1", " ", "-", "_", "’", "é", "\n"]), max_size=40))
@settings(max_examples=300, deadline=None)
def test_runs_of_letters_are_at_most_half_the_characters_rounded_up(pieces: list[str]) -> None:
    from newslint.checks.occurrence import _RUNS

    text = "".join(pieces)
    assert len(_RUNS.findall(text)) <= (len(text) + 1) // 2
