"""Plain text: the first non-empty line is the headline; blank lines separate paragraphs.

A line holding only a directive in square brackets (``[newslint-disable-next-line core]``) is
masked and read as a blank line.  So is a line of page furniture that an export or a copied page
brings with the story: a photo caption or credit ("Photo: ...", "... (Photo: Jane Roe)"), a
timestamp ("Updated: 12 March 2025, 10:15"), a byline ("By Jane Roe") and a credit line
("Reporting by Jane Roe; Editing by Tom Vale").  A caption above the headline is passed over,
so the headline is the first line that is not furniture.
"""

from __future__ import annotations

from ..document import Document, Span, make_document
from ..patterns import compiled
from ..suppress import TEXT_DIRECTIVE, text_directives
from .inline import url_spans

_BLOCK = compiled(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
# Lines of page furniture, each a whole line: a caption or picture credit, a timestamp with a
# figure in it, a byline of a few capitalised words, a reporting or editing credit.
_FURNITURE = compiled(
    r"(?m)^[ \t]*(?:"
    r"(?:Photo|Picture|Image|Caption|Photograph)s?:[^\n]*"
    r"|[^\n]*\((?:Photo|Picture|Image|Credit)s?:?[^)\n]*\)[ \t]*"
    r"|(?:Updated|Last[ \t]updated|Published|First[ \t]published|Posted)(?::|[ \t]on|[ \t]at)[ \t]"
    r"(?=[^\n]{0,60}\d)(?:[^\n.]|(?<=\d)\.(?=\d)){1,60}"
    r"|By[ \t]\p{Lu}[\p{L}.'’\-]*(?:[ \t]\p{Lu}[\p{L}.'’\-]*){0,3}"
    r"(?:(?:,|[ \t]and)[ \t][^\n.]{0,40})?"
    r"|\(?(?:Additional[ \t])?(?:Reporting|Writing|Editing|Compiled|Reported)[ \t]by"
    r"[ \t][^\n]{1,200}"
    r")[ \t]*$"
)


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


_FURNITURE_WORDS = (
    "Photo",
    "Picture",
    "Image",
    "Caption",
    "Credit",
    "Updated",
    "updated",
    "Published",
    "published",
    "Posted",
    "By ",
    "Reporting",
    "Writing",
    "Editing",
    "Compiled",
    "Reported",
)


def _maybe_furniture(text: str) -> bool:
    """Whether ``text`` holds a word that a furniture line opens with: most drafts hold none."""
    return any(word in text for word in _FURNITURE_WORDS)


def parse_text(text: str, path: str = "<text>") -> Document:
    directives = text_directives(text) if "[newslint-" in text else []
    # A directive line separates paragraphs as a blank line does, and so does a furniture line.
    shape = TEXT_DIRECTIVE.sub(lambda m: " " * len(m.group()), text) if directives else text
    furniture = [m.span() for m in _FURNITURE.finditer(shape)] if _maybe_furniture(shape) else []
    for start, end in furniture:
        shape = shape[:start] + " " * (end - start) + shape[end:]
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
        masked=[*url_spans(text), *directives, *furniture],
        headline=headline,
        paragraphs=paragraphs,
        directives=directives,
    )
