"""What keeps long and deeply nested drafts in linear time finds what the plain way finds."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import prose
from newslint.document import MASK

# The line break of prose.py as it was: tried from every space of a run, which costs the square
# of a line's indentation.
OLD_LINE_BREAK = regex.compile(
    r"(?<=[\p{L}\p{N}%)\x00])[ \t]*\n(?=[ \t\x00]*(?:[-*•–]\s|\p{Lu}|\p{N}))"
    r"|[ \t]*\n(?=[ \t\x00]*[-*•–][ \t])"
)
PIECES = ["a", "B", "7", "%", ")", " ", "  ", "\t", "\n", "- ", "* ", "•", MASK, "\u3000", "."]


@given(st.lists(st.sampled_from(PIECES), max_size=40))
@example(["item", "\n", "  ", "  ", "- ", "item", "\n", "    ", "- "])
@settings(max_examples=300, deadline=None)
def test_a_line_break_is_found_where_the_plain_pattern_finds_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in prose._LINE_BREAK.finditer(text)] == [
        m.span() for m in OLD_LINE_BREAK.finditer(text)
    ]


def plain_trimmed(view: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (view[start].isspace() or view[start] == MASK):
        start += 1
    while end > start and (view[end - 1].isspace() or view[end - 1] == MASK):
        end -= 1
    return (start, end) if end > start else None


@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(0, 40), st.integers(0, 40))
@settings(max_examples=300, deadline=None)
def test_trimming_strips_what_a_character_by_character_trim_strips(
    pieces: list[str], start: int, end: int
) -> None:
    text = "".join(pieces)
    start, end = min(start, len(text)), min(end, len(text))
    assert prose.trimmed(text, start, end) == plain_trimmed(text, start, end)


def test_every_blank_that_str_isspace_knows_is_trimmed() -> None:
    blanks = "".join(chr(n) for n in range(0x110000) if chr(n).isspace())
    assert prose.trimmed(f"{blanks}{MASK}word{MASK}{blanks}", 0, 2 * len(blanks) + 6) == (
        len(blanks) + 1,
        len(blanks) + 5,
    )


def test_a_list_nested_thousands_deep_breaks_after_each_item() -> None:
    """One sentence per item: each line break before a deeper item ends the one before."""
    lists = "".join("  " * level + "- item\n" for level in range(600))
    spans = list(prose.sentences_by_line(lists, 0, len(lists)))
    assert len(spans) == 600
    assert all(lists[s:e] == "- item" for s, e in spans)


def first_holding(paragraphs: list[tuple[int, int]], offset: int) -> int:
    """The paragraph start a title check used to read paragraph by paragraph."""
    floor = 0
    for start, end in paragraphs:
        if start <= offset < end:
            return start
        if start > offset:
            break
        floor = start
    return floor


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=12),
    st.integers(0, 100),
)
@settings(max_examples=300, deadline=None)
def test_a_paragraph_start_is_found_by_halving_as_by_reading(
    spans: list[tuple[int, int]], offset: int
) -> None:
    """Paragraphs in order, even nested or overlapping ones (a headline inside a block)."""
    from newslint.document import make_document

    text = "x" * 100
    doc = make_document(text, paragraphs=[(s, min(s + w, 100)) for s, w in spans])
    assert doc.paragraph_start(offset) == first_holding(list(doc.paragraphs), offset)
