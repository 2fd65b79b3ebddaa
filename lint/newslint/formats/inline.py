"""Spans masked in any prose: URLs, e-mail addresses and bare domain names.

Bare domains are matched in lower case, except the commonest endings (.com, .org, .net), which
copy often capitalises with the name ("Amazon.com", "Bungie.Org").
"""

from __future__ import annotations

from ..document import Span
from ..twin import TwinPattern

_URL = TwinPattern(  # scanned with re on plain text: the same matches, faster
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”‘’]+[^\s<>"“”‘’.,;:!?)\]'}]"""
    r"""|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"""
    r"""|(?:\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|io|co\.uk|org\.uk|ac\.uk|gov\.uk|uk|eu|info|news)"""
    r"""|\b(?i:[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net)))"""
    r"""\b(?:/[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?)\]'}])?""",
)


def url_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """URLs, e-mail addresses and bare domains in ``text[start:end]``."""
    return [m.span() for m in _URL.finditer(text, start, len(text) if end is None else end)]
