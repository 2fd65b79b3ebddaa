"""Plain text: the first non-empty line is the headline; blank lines separate paragraphs.

A line holding only a directive in square brackets (``[newslint-disable-next-line core]``) is
masked and read as a blank line.
"""

from __future__ import annotations

from ..document import Document, Span, make_document
from ..patterns import compiled
from ..suppress import TEXT_DIRECTIVE, text_directives
from .inline import url_spans

_BLOCK = compiled(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Runs of non-blank lines, trimmed of surrounding whitespace."""
    spans = []
    for m in _BLOCK.finditer(text, start, len(text) if end is None else end):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def parse_text(text: str, path: str = "<text>") -> Document:
    directives = text_directives(text) if "[newslint-" in text else []
    # A directive line separates paragraphs as a blank line does.
    shape = TEXT_DIRECTIVE.sub(lambda m: " " * len(m.group()), text) if directives else text
    blocks = paragraph_spans(shape)
    headline = None
    paragraphs = blocks
    if blocks:
        first_start, first_end = blocks[0]
        newline = text.find("\n", first_start, first_end)
        if newline == -1:
            headline = blocks[0]
        else:
            head_end = newline
            while head_end > first_start and text[head_end - 1].isspace():
                head_end -= 1
            headline = (first_start, head_end)
            rest = paragraph_spans(shape, newline + 1, first_end)
            paragraphs = [headline, *rest, *blocks[1:]]
    return make_document(
        text,
        path=path,
        format="text",
        masked=[*url_spans(text), *directives],
        headline=headline,
        paragraphs=paragraphs,
        directives=directives,
    )
