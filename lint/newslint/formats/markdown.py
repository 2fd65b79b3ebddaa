"""Markdown: block structure from markdown-it-py, inline syntax masked by position.

Everything that is not prose is masked: code (fenced, indented, inline), HTML blocks, tags and
comments, link destinations, reference definitions, thematic breaks, container markers ("> ",
"- ", "1. "), emphasis markers and tables (GitHub's pipe tables: data, as an HTML draft's
tables are, not prose).  Front matter is masked except the values of the keys that hold copy:
``title``/``headline`` (the headline) and ``description``, ``summary``, ``subtitle``,
``standfirst``, ``dek`` and ``excerpt`` (body).  Without a front-matter title the
first heading is the headline.  A level-1 heading that opens the body with the words of the
front-matter title repeats the headline, as many drafts do, and is masked.

Character references in the prose (``&nbsp;``, ``&amp;``, ``&rsquo;``, ``&#8217;``,
``&#x2019;``) are read as the characters they stand for, as the HTML reader reads them (see
:mod:`.html`): the text keeps the reference and a violation on it spans it whole.  As in
CommonMark, a reference is an HTML5 entity name or a decimal or hex code point closed by ``;``,
and one in code, a tag, an autolink or a link destination (all masked) or after a backslash
(``\\&amp;`` is the text "&amp;") stays as written.  A ``<br>`` tag in a paragraph is
masked but for its last offset, which reads as the space it shows (see :mod:`.html`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from html.entities import html5
from typing import Any

import regex

from ..document import Document, Notice, Span, complement, make_document
from ..patterns import compiled
from ..suppress import comment_directives, is_directive_comment
from .inline import url_spans
from .references import read_reference

# Block levels markdown-it reads: a block quote is one, a list and its item two.  Past them it
# would skip the rest silently, so a draft nested deeper is read as plain text with a notice.
MAX_NESTING = 100
NESTING_NOTICE = "newslint.markdown-nesting"

HEADLINE_KEYS = frozenset({"title", "headline"})
PROSE_KEYS = frozenset({"description", "summary", "subtitle", "standfirst", "dek", "excerpt"})

_FRONT_MATTER = compiled(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", regex.DOTALL)
_FM_KEY = compiled(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", regex.MULTILINE)
_PREFIX = compiled(r"[ \t]*(?:(?:>[ \t]?)|(?:[-*+][ \t]+)|(?:\d{1,9}[.)][ \t]+))*")
_ATX = compiled(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = compiled(r"(?:[ \t]+#+)?[ \t]*$")
_INLINE = compiled(
    r"""(?P<code>(?<!`)(`+)(?!`).+?(?<!`)\2(?!`))"""
    r"""|(?P<comment><!--.*?-->)"""
    r"""|(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>)"""
    r"""|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"""
    r"""|(?P<linkclose>\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)"""
    r"""|\]\[[^\]]*\])"""
    r"""|(?P<linkopen>!?\[)"""
    r"""|(?P<escape>\\(?=[!-/:-@\[-`{-~]))"""
    r"""|(?P<emphasis>(?<![\w\\*])(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])|(?<=[^\s*_~])(?:\*{1,3}|_{1,3}|~~)(?![\w*]))""",
    regex.DOTALL,
)
_LINE_BREAK_TAG = compiled(r"<br\s*/?>", regex.IGNORECASE)
# CommonMark's character references: the name is checked against HTML5's (see _references).
_REFERENCE = compiled(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|([A-Za-z][A-Za-z0-9]{0,31}));")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # Only the blocks are used; inline syntax is masked by _INLINE, so it is not parsed.
    # Tables as GitHub writes them are read as tables (and masked, as an HTML draft's are), not
    # as paragraphs of pipes and figures.
    return (
        MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
        .enable("table")
        .disable(["inline", "text_join"])
    )


def _front_matter(text: str, lines: list[int]) -> tuple[int, Span | None, list[Span]]:
    """End offset of the front matter, its headline span and its prose spans."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0, None, []
    headline = None
    prose: list[Span] = []
    body_start = m.start(1) if m.group(1) is not None else m.end()
    for km in _FM_KEY.finditer(text, body_start, m.start(1) + len(m.group(1) or "")):
        key = km.group(1).lower()
        if key not in HEADLINE_KEYS and key not in PROSE_KEYS:
            continue
        start, end = km.span(2)
        if end - start >= 2 and text[start] in "\"'" and text[end - 1] == text[start]:
            start, end = start + 1, end - 1
        if end <= start:
            continue
        if key in HEADLINE_KEYS and headline is None:
            headline = (start, end)
        else:
            prose.append((start, end))
    return m.end(), headline, prose


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in regex.finditer(r"\n", text))
    return starts


def _line_end(text: str, lines: list[int], index: int) -> int:
    return lines[index + 1] - 1 if index + 1 < len(lines) else len(text)


def _block_span(text: str, lines: list[int], first: int, last: int) -> Span:
    """The prose of lines ``first..last`` (inclusive) past the first line's container prefix."""
    start = lines[first]
    start = _PREFIX.match(text, start, _line_end(text, lines, first)).end()
    end = _line_end(text, lines, last)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _inline_masks(
    text: str, lines: list[int], first: int, last: int, breaks: list[int]
) -> list[Span]:
    """Container prefixes of continuation lines, and inline syntax within the block; the last
    offset of each ``<br>`` tag goes to ``breaks``, read as the space it shows."""
    masks: list[Span] = []
    for index in range(first + 1, last + 1):
        start = lines[index]
        prefix = _PREFIX.match(text, start, _line_end(text, lines, index)).end()
        if prefix > start:
            masks.append((start, prefix))
    start, end = lines[first], _line_end(text, lines, last)
    for m in _inline(text, start, end):
        masks.append(m.span())
        if m.lastgroup == "tag" and _LINE_BREAK_TAG.fullmatch(m.group()):
            breaks.append(m.span()[1] - 1)
    masks.extend(url_spans(text, start, end))
    return masks


def parse_markdown(text: str, path: str = "<text>") -> Document:
    lines = _line_starts(text)
    fm_end, headline, paragraphs = _front_matter(text, lines)
    # markdown-it sees the front matter as blank lines, so its line numbers stay those of the file.
    source = regex.sub(r"[^\n]", " ", text[:fm_end]) + text[fm_end:]
    prose: list[Span] = list(paragraphs)
    if headline is not None:
        prose.append(headline)
    inner_masks: list[Span] = []
    breaks: list[int] = []
    directives: list[Span] = []
    try:
        tokens = _parser().parse(source)
    except RecursionError:
        tokens = None
    if tokens is None or any(token.level >= MAX_NESTING - 1 for token in tokens):
        return _as_plain_text(text, path)
    first_block = True
    items: list[Span] = []
    headings: list[Span] = []  # headings in the body: subheadings
    quoted: list[Span] = []  # paragraphs inside a block quote
    depth = 0  # of block quotes
    after = ""  # the type of the token before
    for token in tokens:
        in_item, after = after == "list_item_open", token.type
        depth += {"blockquote_open": 1, "blockquote_close": -1}.get(token.type, 0)
        if token.type == "html_block" and token.map and "newslint-" in token.content:
            first, stop = token.map
            directives.extend(
                comment_directives(text, lines[first], _line_end(text, lines, stop - 1))
            )
        if token.type not in ("paragraph_open", "heading_open") or token.map is None:
            continue
        first, stop = token.map
        last = stop - 1
        if token.type == "heading_open":
            if token.markup in ("=", "-"):  # setext: the underline is not prose
                last -= 1
                span = _block_span(text, lines, first, last)
            else:
                line_start = lines[first]
                line_end = _line_end(text, lines, first)
                content = _ATX.match(text, line_start, line_end)
                start = content.end() if content else line_start
                close = _ATX_CLOSE.search(text, start, line_end)
                end = close.start() if close else line_end
                span = (start, max(start, end))
            if headline is None:
                headline = span
            elif first_block and token.tag == "h1" and _same_words(text, span, headline):
                first_block = False
                continue  # the front-matter title again, as the page's heading: masked
            else:
                headings.append(span)
        else:
            span = _block_span(text, lines, first, last)
        first_block = False
        if span[1] > span[0]:
            if in_item:
                items.append(span)
            if depth:
                quoted.append(span)
            paragraphs.append(span)
            prose.append(span)
            inner_masks.extend(_inline_masks(text, lines, first, last, breaks))
            directives.extend(_inline_directives(text, lines[first], _line_end(text, lines, last)))
    masked = complement(prose, len(text)) + inner_masks
    return make_document(
        text,
        path=path,
        format="markdown",
        masked=masked,
        headline=headline,
        paragraphs=paragraphs,
        directives=directives,
        references=_references(text, masked),
        spaces=breaks,
        items=items,
        quoted=quoted,
        headings=headings,
    )


def _references(text: str, masked: list[Span]) -> list[tuple[Span, str]]:
    """The character references in the unmasked text, each with the characters it stands for.

    A name that HTML5 does not define is not a reference (``&ampfoo;`` is text, though
    ``html.unescape`` would read its ``&amp``), nor is one whose ``&`` an odd number of
    backslashes escapes.
    """
    if "&" not in text:
        return []
    found: list[tuple[Span, str]] = []
    for start, end in complement(masked, len(text)):
        for m in _REFERENCE.finditer(text, start, end):
            name = m.group(1)
            if name is not None and f"{name};" not in html5:
                continue
            before = m.start()
            while before > 0 and text[before - 1] == "\\":
                before -= 1
            if (m.start() - before) % 2:
                continue
            chars = read_reference(m.group())
            if chars is not None:
                found.append((m.span(), chars))
    return found


def _same_words(text: str, a: Span, b: Span) -> bool:
    """Whether two spans of ``text`` hold the same words, case and quote marks aside."""

    def words(span: Span) -> list[str]:
        return text[span[0] : span[1]].casefold().strip("\"'“”‘’ \t").split()

    return words(a) == words(b)


class _Shifted:
    """A match found in a slice of the text, with spans in the whole text."""

    __slots__ = ("_m", "_shift", "lastgroup")

    def __init__(self, m: Any, shift: int) -> None:
        self._m, self._shift, self.lastgroup = m, shift, m.lastgroup

    def span(self) -> Span:
        return self._m.start() + self._shift, self._m.end() + self._shift

    def group(self) -> str:
        return str(self._m.group())


def _inline(text: str, start: int, end: int) -> Iterator[Any]:
    """The inline syntax of ``text[start:end]``, as ``_INLINE.finditer`` finds it.

    An opening ``<!--`` with no ``-->`` after it cannot start a comment, but the regex would look
    for the end from each one: thousands of them would take time growing with their square.
    After the last ``-->``, each ``<!--`` is read with its last ``-`` as a control character,
    which no branch of ``_INLINE`` treats differently, so only the hopeless search is skipped.
    """
    cut = text.rfind("-->", start, end)
    cut = start if cut < 0 else cut + 3
    if text.find("<!--", cut, end) < 0:
        yield from _INLINE.finditer(text, start, end)
        return
    first = max(0, start - 1)  # the character before, for the lookbehinds
    view = text[first:cut] + text[cut:end].replace("<!--", "<!-\x01")
    for m in _INLINE.finditer(view, start - first):
        yield _Shifted(m, first)


def _as_plain_text(text: str, path: str) -> Document:
    """A draft whose Markdown nests too deeply to read: its text is checked as plain text."""
    from dataclasses import replace

    from .plaintext import parse_text

    message = (
        f"the Markdown nests block quotes or lists too deeply to read (over {MAX_NESTING} "
        "levels); this draft was checked as plain text"
    )
    return replace(parse_text(text, path), notices=(Notice(NESTING_NOTICE, message),))


def _inline_directives(text: str, start: int, end: int) -> list[Span]:
    """Directive comments within a paragraph (not those shown inside inline code)."""
    if "newslint-" not in text[start:end]:
        return []
    return [
        m.span()
        for m in _inline(text, start, end)
        if m.lastgroup == "comment" and is_directive_comment(m.group()[4:])
    ]
