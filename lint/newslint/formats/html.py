"""HTML drafts, as a CMS exports them: prose blocks are checked, markup is masked.

The headline is the first ``<h1>``, or the ``<title>`` when there is no ``<h1>``.  Prose is the
text of paragraphs, list items, headings, captions (``<figcaption>``, ``<caption>``), definition
lists and block quotes; everything else is masked: tags, comments, the document head, text
outside those blocks, and the whole content of ``<script>``, ``<style>``, ``<code>``, ``<pre>``
and the like.

Character references (``&amp;``, ``&rsquo;``, ``&#8217;``, ``&nbsp;``) are read as their
characters while positions stay those of the source: in the view the reference is masked but for
its last offset, which holds the decoded character.  A check therefore sees ``don&rsquo;t`` as
``don`` + masks + ``’t`` (so the apostrophe is not taken for a closing quote mark), and a
violation on the apostrophe spans the whole reference.  A decoded line break or tab is seen as a
space, so that the view's line breaks stay those of the text.  Unknown names stay as written.

A ``<br>`` in prose is masked but for its last offset, which the view shows as a space: the
words on either side are two words, and no fix rewrites the tag.
"""

from __future__ import annotations

from html.parser import HTMLParser

from ..document import Document, Span, complement, line_starts, make_document
from ..patterns import compiled
from ..suppress import is_directive_comment
from .inline import url_spans
from .references import read_reference

_HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
# Elements whose text is prose; the nearest one decides how a piece of text is read.
PROSE = (
    frozenset({"p", "li", "figcaption", "caption", "blockquote", "dt", "dd", "title"}) | _HEADINGS
)
# Elements whose whole content is masked, wherever they are.
MASKED = frozenset(
    {"script", "style", "code", "pre", "template", "svg", "math", "kbd", "samp", "textarea"}
)
# Elements that start or end a block: text on either side of one is in a different paragraph.
BLOCKS = PROSE | frozenset(
    {
        "html", "head", "body", "div", "section", "article", "main", "header", "footer", "nav",
        "aside", "figure", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "td",
        "th", "hr", "address", "details", "summary", "form", "fieldset", "iframe", "object",
        "video", "audio", "picture", "noscript",
    }
)  # fmt: skip
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
# Start tags that close an open <p> (and, for <li>, <dt>, <dd>, an open item of the same kind).
_CLOSES_P = BLOCKS - {"html", "head", "body", "title"}
_ITEMS = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}

_REFERENCE = compiled(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
_COMMENT_CLOSE = compiled(r"--!?>")


class _Reader(HTMLParser):
    """Collects the prose pieces of a page, with their offsets in the source."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.starts = line_starts(text)
        self.stack: list[str] = []
        self.masked_depth = 0
        self.quote_depth = 0  # open <blockquote> elements
        # Paragraphs as [start, end, container] of prose, closed at each block boundary.
        self.blocks: list[tuple[int, int, str]] = []
        self.current: list[int] | None = None
        self.container = ""
        self.prose: list[Span] = []
        self.references: list[tuple[Span, str]] = []
        self.comments: list[Span] = []
        self.breaks: list[int] = []  # the last offset of each <br> in prose, read as a space
        self.quoted: list[Span] = []  # prose inside a <blockquote>: a quotation
        self.current_quoted = False
        self.items: list[Span] = []  # the first block of prose in each <li>
        self.item_open = False  # an <li> has started and holds no prose yet
        self.current_item = False

    def _here(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    # --- structure ---------------------------------------------------------------------

    def _boundary(self) -> None:
        if self.current is not None:
            self.blocks.append((self.current[0], self.current[1], self.container))
            if self.current_quoted:
                self.quoted.append((self.current[0], self.current[1]))
            if self.current_item:
                self.items.append((self.current[0], self.current[1]))
            self.current = None

    def _pop_to(self, tag: str) -> None:
        if tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top in MASKED:
                self.masked_depth -= 1
            elif top == "blockquote":
                self.quote_depth -= 1
            if top == tag:
                break

    def _line_break(self) -> None:
        """A ``<br>`` in prose separates the words on either side, as a space does."""
        raw = self.get_starttag_text()
        if self._container() is not None and raw:
            self.breaks.append(self._here() + len(raw) - 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._line_break()
        if tag in BLOCKS:
            self._boundary()
            if tag in _CLOSES_P and "p" in self.stack[-1:]:
                self._pop_to("p")
            if tag in _ITEMS and self.stack and self.stack[-1] in _ITEMS[tag]:
                self._pop_to(self.stack[-1])
        if tag in VOID:
            return
        if tag == "li":
            self.item_open = True
        self.stack.append(tag)
        if tag in MASKED:
            self.masked_depth += 1
        elif tag == "blockquote":
            self.quote_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._line_break()
        if tag in BLOCKS:
            self._boundary()

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._boundary()
        self._pop_to(tag)

    def handle_comment(self, data: str) -> None:
        start = self._here()
        close = _COMMENT_CLOSE.search(self.text, start + 4)
        end = close.end() if close else len(self.text)
        if is_directive_comment(data):
            self.comments.append((start, end))

    # --- text --------------------------------------------------------------------------

    def _container(self) -> str | None:
        if self.masked_depth:
            return None
        return next((tag for tag in reversed(self.stack) if tag in PROSE), None)

    def _add(self, start: int, end: int) -> bool:
        container = self._container()
        if container is None or end <= start:
            return False
        self.prose.append((start, end))
        if self.current is None:
            self.current = [start, end]
            self.container = container
            self.current_quoted = self.quote_depth > 0
            self.current_item, self.item_open = self.item_open, False
        else:
            self.current[1] = end
        return True

    def handle_data(self, data: str) -> None:
        start = self._here()
        self._add(start, start + len(data))

    def _reference(self) -> None:
        start = self._here()
        m = _REFERENCE.match(self.text, start)
        if m is None:  # pragma: no cover - the parser only calls this at a reference
            return
        end = m.end()
        if not self._add(start, end):
            return
        chars = read_reference(m.group())
        if chars is not None:  # an unknown name is left as written
            self.references.append(((start, end), chars))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _no_open_tail(text: str) -> str:
    """``text`` with each ``<`` after the last ``>`` made a space: no tag can start there, and
    Python's parser (before 3.11.13 and 3.12.11) would read each to the end again.  The parser
    reads such a ``<`` as text anyway, so every offset and every span of prose stays the same.
    """
    last = text.rfind(">") + 1
    if "<" not in text[last:]:
        return text
    return text[:last] + text[last:].replace("<", " ")


def parse_html(text: str, path: str = "<text>") -> Document:
    reader = _Reader(text)
    reader.feed(_no_open_tail(text))
    reader.close()
    reader._boundary()

    blocks = [(*_trim(text, s, e), container) for s, e, container in reader.blocks]
    blocks = [b for b in blocks if b[1] > b[0]]
    has_h1 = any(container == "h1" for _, _, container in blocks)
    headline: Span | None = None
    paragraphs: list[Span] = []
    prose = reader.prose
    dropped: list[Span] = []
    for start, end, container in blocks:
        if container == "title" and (has_h1 or headline is not None):
            dropped.append((start, end))  # the page title, when the h1 is the headline
            continue
        if headline is None and container == ("h1" if has_h1 else "title"):
            headline = (start, end)
        paragraphs.append((start, end))
    if dropped:
        prose = [s for s in prose if not any(d[0] <= s[0] < d[1] for d in dropped)]
    masked = complement(prose, len(text))
    for start, end in paragraphs:
        masked.extend(url_spans(text, start, end))
    return make_document(
        text,
        path=path,
        format="html",
        masked=masked,
        headline=headline,
        paragraphs=paragraphs,
        directives=reader.comments,
        references=reader.references,
        spaces=reader.breaks,
        items=[_trim(text, start, end) for start, end in reader.items],
        quoted=[_trim(text, start, end) for start, end in reader.quoted],
        headings=[
            (start, end)
            for start, end, container in blocks
            if container in _HEADINGS and (start, end) != headline
        ],
    )
