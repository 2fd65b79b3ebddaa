"""Readers that turn a draft's text into a :class:`~newslint.document.Document`.

A reader never changes the text: it marks masked spans, the headline and the paragraphs.
"""

from __future__ import annotations

from pathlib import PurePath

from ..document import Document, cycles_uncollected

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
FORMATS = ("text", "markdown", "html")


def format_for(path: str) -> str:
    """The format a file name implies; plain text when the suffix says nothing."""
    return SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def parse(text: str, format: str = "text", path: str = "<text>") -> Document:
    with cycles_uncollected():  # see there: it keeps a long draft's cost a MB flat
        return _parse(text, format, path)


def _parse(text: str, format: str, path: str) -> Document:
    if format == "markdown":
        from .markdown import parse_markdown

        return parse_markdown(text, path)
    if format == "html":
        from .html import parse_html

        return parse_html(text, path)
    from .plaintext import parse_text

    return parse_text(text, path)
