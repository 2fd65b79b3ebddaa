"""Positions in the protocol's units: newslint counts code points, an editor counts what it said.

LSP 3.17 counts a position's character in UTF-16 code units unless the client offers others
(``general.positionEncodings``) and the server picks one: ``utf-32`` counts code points, as
newslint does, and ``utf-8`` counts bytes.  An emoji is one code point, two UTF-16 units and four
UTF-8 bytes, so a violation after it on the same line is one column on in newslint's report and
two (or four) in the editor's.  Lines are the same in both: the protocol breaks lines at
``\\n``, ``\\r\\n`` and ``\\r``, which is what newslint reads as a line break.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..document import line_starts

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ENCODINGS = (UTF16, UTF32, UTF8)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def width(text: str, encoding: str) -> int:
    """How many units of ``encoding`` ``text`` takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF16:
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    return len(text.encode("utf-8", "surrogatepass"))


def counts_code_points(line: str, encoding: str) -> bool:
    """True when ``encoding`` counts each character of ``line`` as one unit."""
    if encoding == UTF32 or line.isascii():
        return True
    return encoding == UTF16 and _ASTRAL.search(line) is None


def code_points(line: str, units: int, encoding: str) -> int:
    """How many code points of ``line`` the first ``units`` units cover.

    A position inside a character (between the halves of a surrogate pair, inside a UTF-8
    sequence) falls back to the character's start; one past the end of the line is its end.
    """
    if encoding == UTF32:
        return max(0, min(units, len(line)))
    counted = 0
    for i, ch in enumerate(line):
        step = width(ch, encoding)
        if counted + step > units:
            return i
        counted += step
    return len(line)


class Lines:
    """A text with ``\\n`` line breaks, for turning offsets into positions and back."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: Sequence[int] = line_starts(text)
        self._simple: dict[tuple[int, str], bool] = {}

    def _counts_code_points(self, index: int, encoding: str) -> bool:
        """Whether line ``index`` has one unit a character: then a column is its own width,
        found without measuring the text before it (a long line with many violations)."""
        key = (index, encoding)
        simple = self._simple.get(key)
        if simple is None:
            simple = self._simple[key] = counts_code_points(self.line(index), encoding)
        return simple

    def line(self, index: int) -> str:
        """The text of line ``index`` (0-based), without its line break."""
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.text[start:end]

    def position(self, offset: int, encoding: str) -> tuple[int, int]:
        """The 0-based line and character of a code-point ``offset``, in ``encoding`` units."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self.starts, offset) - 1
        start = self.starts[index]
        if self._counts_code_points(index, encoding):
            return index, offset - start
        return index, width(self.text[start:offset], encoding)

    def offset(self, line: int, character: int, encoding: str) -> int:
        """The code-point offset of a protocol position; past the end is the end."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        text = self.line(line)
        if self._counts_code_points(line, encoding):
            return self.starts[line] + max(0, min(character, len(text)))
        return self.starts[line] + code_points(text, character, encoding)

    def end(self, encoding: str) -> tuple[int, int]:
        """The position just after the last character."""
        return self.position(len(self.text), encoding)
