"""Spans masked in any prose: URLs, e-mail addresses and bare domain names.

Bare domains are matched in lower case, except the commonest endings (.com, .org, .net), which
copy often capitalises with the name ("Amazon.com", "Bungie.Org").
"""

from __future__ import annotations

import re

from ..document import Span
from ..twin import TwinPattern

_URL = TwinPattern(  # scanned with re on plain text: the same matches, faster
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”‘’]+[^\s<>"“”‘’.,;:!?)\]'}]"""
    r"""|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"""
    r"""|(?:\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|io|co\.uk|org\.uk|ac\.uk|gov\.uk|uk|eu|info|news)"""
    r"""|\b(?i:[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net)))"""
    r"""\b(?:/[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?)\]'}])?""",
)


# Every match holds "://", "www.", "@" or a full stop before a letter, and none holds white
# space, so each lies within one line.  Scanning only the lines that show one of those (most
# lines of prose do not) finds the same spans as scanning the whole text: a line's neighbours
# are line breaks or the ends of the range, which the pattern sees the same way either way.
_HINT = re.compile(r"://|www\.|@|\.[A-Za-z]")


def url_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """URLs, e-mail addresses and bare domains in ``text[start:end]``."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    pos = start
    while (hint := _HINT.search(text, pos, end)) is not None:
        line_start = max(text.rfind("\n", start, hint.start()) + 1, start)
        line_end = text.find("\n", hint.end(), end)
        line_end = end if line_end < 0 else line_end
        spans.extend(m.span() for m in _URL.finditer(text, line_start, line_end))
        pos = line_end
    return spans
