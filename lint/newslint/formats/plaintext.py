"""Plain text: the first non-empty line is the headline; blank lines separate paragraphs.

A line holding only a directive in square brackets (``[newslint-disable-next-line core]``) is
masked and read as a blank line.  So is a line of page furniture that an export or a copied page
brings with the story: a photo caption ("Photo: ...", or a line that ends with a picture credit
such as "(AP Photo/Jane Roe)" or "Photograph: Jane Roe/Reuters"), a
timestamp ("Updated: 12 March 2025, 10:15"), a byline ("By Jane Roe") and a credit line
("Reporting by Jane Roe; Editing by Tom Vale").  A caption above the headline is passed over,
so the headline is the first line that is not furniture.
"""

from __future__ import annotations

import re

from ..document import Document, Span, make_document
from ..patterns import compiled
from ..quotes import POST_LENGTH
from ..suppress import TEXT_DIRECTIVE, text_directives
from .inline import url_spans

_BLOCK = compiled(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
# Lines of page furniture, each a whole line: a picture caption, a timestamp with a
# figure in it, a byline of a few capitalised words, a reporting or editing credit.
_FURNITURE = re.compile(
    r"[ \t]*(?:"
    r"(?:Photo|Picture|Image|Caption|Photograph)s?:[^\n]*"
    r"|(?:Updated|Last[ \t]updated|Published|First[ \t]published|Posted)(?::|[ \t]on|[ \t]at)[ \t]"
    r"(?=[^\n]{0,60}\d)(?:[^\n.]|(?<=\d)\.(?=\d)){1,60}"
    r"|By[ \t][A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,3}(?:(?:,|[ \t]and)[ \t][^\n.]{0,40})?"
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


# The first words of furniture lines: only a line that opens with one is matched.
_FURNITURE_OPENERS = frozenset(
    {
        "Photo",
        "Photos",
        "Picture",
        "Pictures",
        "Image",
        "Images",
        "Caption",
        "Captions",
        "Photograph",
        "Photographs",
        "Updated",
        "Last",
        "Published",
        "First",
        "Posted",
        "By",
        "Reporting",
        "Writing",
        "Editing",
        "Compiled",
        "Reported",
        "Additional",
        "(Reporting",
        "(Writing",
        "(Editing",
        "(Compiled",
        "(Reported",
        "(Additional",
    }
)


# A caption without a label shows itself by the credit that ends it: "Photograph: Jane
# Roe/Reuters", "(AP Photo/Jane Roe)", "REUTERS/Jane Roe", "(Getty Images)".  Captions are
# short, so a longer line (a story whose paragraph breaks were lost) is never one.
_CREDIT = re.compile(
    r"(?:[ \t](?:Photograph|Photo|Picture):[ \t][A-Z][^\n:]{1,80}"
    r"|[ \t]\((?:AP[ \t]Photo|Reuters|REUTERS|AFP|EPA|PA)/[A-Z][^\n()]{1,60}\)"
    r"|[ \t](?:REUTERS|AFP|EPA)/[A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,3}"
    r"|[ \t]\((?:Getty[ \t]Images|PA[ \t]Media|Shutterstock)\))"
    r"[ \t]*$"
)
_CAPTION_LENGTH = 300
# A post set as its own paragraph that ends with a link from a link shortener after a space
# ("Big news soon!! https://t.co/Ab12Cd34Ef"): the post, reproduced, is a quotation.  A link in
# brackets ("(bit.ly/x9y8)") is the writer's reference to a source.
_SHORT_LINK_END = re.compile(
    r"(?<=[^\s(\[][ \t])(?:https?://)?(?:t\.co|pic\.twitter\.com|pic\.x\.com|bit\.ly|buff\.ly|"
    r"ow\.ly|trib\.al|fb\.me|youtu\.be|reut\.rs|lnkd\.in|dlvr\.it|tinyurl\.com)/[\w\-./?=&%]{2,40}\Z"
)


def _link_posts(text: str, paragraphs: list[Span]) -> list[Span]:
    """The paragraphs that are posts ending with a short link."""
    return [
        (s, e)
        for s, e in paragraphs
        if e - s <= POST_LENGTH
        and text.find("/", max(s, e - 42), e) >= 0
        and _SHORT_LINK_END.search(text, max(s, e - 80), e)
    ]


def _furniture(text: str) -> list[Span]:
    """The furniture lines of ``text``, each a whole line."""
    found = []
    at = 0
    for line in text.split("\n"):
        word = line.split(None, 1)[0].rstrip(":") if line.strip() else ""
        if word in _FURNITURE_OPENERS:
            m = _FURNITURE.match(text, at, at + len(line))
            if m:
                found.append(m.span())
        elif (
            len(line) <= _CAPTION_LENGTH
            and ("/" in line or ": " in line or "(" in line)
            and _CREDIT.search(line, max(0, len(line) - 100))
        ):
            found.append((at, at + len(line)))
        at += len(line) + 1
    return found


def parse_text(text: str, path: str = "<text>") -> Document:
    directives = text_directives(text) if "[newslint-" in text else []
    # A directive line separates paragraphs as a blank line does, and so does a furniture line.
    shape = TEXT_DIRECTIVE.sub(lambda m: " " * len(m.group()), text) if directives else text
    furniture = _furniture(shape)
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
        quoted=_link_posts(text, paragraphs[1:]),
        directives=directives,
    )
