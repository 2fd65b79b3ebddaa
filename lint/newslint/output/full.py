"""``full``: each violation with its source line, carets under the span, and the fix.

::

    draft.md:3:19: error core.doubled-word 'the' is repeated
      |
    3 | She said that the the plan had failed.
      |                   ^^^^^^^
      = fix: replace 'the the' with 'the'

Carets line up on a terminal: a tab is shown as spaces to the next stop of four, a wide (East
Asian) character takes two cells, a combining mark none, and a control character is shown as
U+FFFD.  Columns in the header are still counted in code points.  A line longer than
:data:`LONG_LINE` characters (a one-line HTML export) is shown as a window around the span,
with ``…`` where it was cut.
"""

from __future__ import annotations

import unicodedata

from ..violation import Violation
from .text import COLORS, RESET, TextFormatter, header

TAB_STOP = 4
MAX_LINES = 3
_GREEN = "\033[32m"
_SHOWN_CHARS = 60
LONG_LINE = 160  # characters of a line shown in full; a longer one is shown around the span
_AROUND = 40  # characters shown on either side of the span in a long line


def char_cells(ch: str) -> int:
    """Terminal cells one (non-tab) character takes."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def render_line(line: str) -> tuple[str, list[int]]:
    """``line`` as shown, and the display cell at which each code point starts.

    The list has one more entry than ``line`` has characters: the cell just past its end.
    """
    shown: list[str] = []
    cells: list[int] = []
    cell = 0
    for ch in line:
        cells.append(cell)
        if ch == "\t":
            width = TAB_STOP - cell % TAB_STOP
            shown.append(" " * width)
        elif ch < " " or "\x7f" <= ch < "\xa0":
            width = 1
            shown.append("\ufffd")
        else:
            width = char_cells(ch)
            shown.append(ch)
        cell += width
    cells.append(cell)
    return "".join(shown), cells


def caret_line(line: str, first: int, last: int) -> tuple[str, str]:
    """The shown line and the carets under code points ``[first, last)`` (0-based)."""
    shown, cells = render_line(line)
    first = min(first, len(line))
    last = min(max(last, first), len(line))
    start = cells[first]
    width = max(1, cells[last] - start)
    return shown, " " * start + "^" * width


def window(line: str, first: int, last: int) -> tuple[str, int, int]:
    """The part of ``line`` to show around code points ``[first, last)``, and where they fall
    in it: the whole line when it is short, else at most :data:`LONG_LINE` characters from a
    little before the span, with ``…`` at each end that was cut."""
    if len(line) <= LONG_LINE:
        return line, first, last
    start = max(0, first - _AROUND)
    end = min(len(line), max(last, first) + _AROUND, start + LONG_LINE)
    before = "…" if start else ""
    after = "…" if end < len(line) else ""
    shift = start - len(before)
    return before + line[start:end] + after, first - shift, min(last, end) - shift


def show(text: str) -> str:
    """A short, one-line rendering of found or replacement text."""
    text = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    if len(text) > _SHOWN_CHARS:
        text = text[: _SHOWN_CHARS - 1] + "…"
    return f"'{text}'"


def describe_fix(v: Violation) -> str | None:
    if v.replacement is None:
        return None
    # A fix --fix leaves (it touches markup, code, a URL or a quotation) is the writer's to make.
    by_hand = "" if v.fix_applies else " (by hand: --fix leaves markup, code, URLs and quotations)"
    if v.replacement == "":
        return f"delete {show(v.found)}{by_hand}"
    return f"replace {show(v.found)} with {show(v.replacement)}{by_hand}"


class FullFormatter(TextFormatter):
    """The text report, with each violation's source lines, carets under its span and its fix."""

    def file(self, path: str, violations: list[Violation], text: str | None) -> None:
        lines = text.split("\n") if text is not None else None
        for v in violations:
            self.out.write(self._violation(v, lines))

    def _paint(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color else text

    def _violation(self, v: Violation, lines: list[str] | None) -> str:
        out = [header(v, self.color)]
        pad = " " * len(str(v.line))
        if lines is not None and v.line <= len(lines):
            last_line = v.end_line
            if last_line > v.line and v.end_column == 1:
                last_line -= 1  # the span ends at a line break
            last_line = min(last_line, len(lines))
            shown_last = min(last_line, v.line + MAX_LINES - 1)
            gutter = len(str(shown_last))
            pad = " " * gutter
            out.append(f"{pad} |")
            for number in range(v.line, shown_last + 1):
                line = lines[number - 1]
                first = v.column - 1 if number == v.line else 0
                last = v.end_column - 1 if number == v.end_line else len(line)
                shown, carets = caret_line(*window(line, first, last))
                out.append(f"{number:>{gutter}} | {shown}".rstrip())
                out.append(f"{pad} | {self._paint(COLORS[v.severity], carets)}")
            if shown_last < last_line:
                out.append(f"{pad} | … (to line {v.end_line})")
        fix = describe_fix(v)
        if fix is not None:
            out.append(f"{pad} = {self._paint(_GREEN, 'fix: ' + fix)}")
        return "\n".join(out) + "\n\n"
