"""``occurrence``: limits on counts and lengths (long headlines, long sentences, too many "!")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Literal

from ..document import Document, Span
from ..prose import LEADING_MARKS, char_count, plain, sentences_by_line, words
from ..twin import is_plain
from .base import Finding, Rule, compile_tokens, finditer

# Runs of letters and digits (as ``re`` reads them on plain text): at least one per word.
_RUNS = re.compile(r"[^\W_]+")
# The view of plain (SAFE) text as bytes, a letter or digit as "a" and anything else as " ": a
# span's runs are the places where "a" follows " ", plus one if it starts with "a".  SAFE text is
# Latin-1 but for punctuation and currency signs, which encode as "?", so as " ".
_RUN_BYTES = bytes(97 if _RUNS.fullmatch(chr(b)) else 32 for b in range(256))
_last_marked: tuple[Any, bytes] = (None, b"")


def _run_count(view: str, start: int, end: int) -> int:
    """``len(_RUNS.findall(view, start, end))`` for plain text, without making the runs."""
    global _last_marked
    last = _last_marked
    if last[0] is not view:  # one tuple, replaced whole: safe when threads lint other drafts
        last = _last_marked = (view, view.encode("latin-1", "replace").translate(_RUN_BYTES))
    marked = last[1]
    return marked.count(b" a", start, end) + (start < end and marked[start] == 97)  # "a"


Unit = Literal["headline", "sentence", "paragraph", "document"]
Measure = Literal["characters", "words", "matches"]


@dataclass(frozen=True, kw_only=True)
class Occurrence(Rule):
    """Count ``measure`` in each ``unit`` and flag a count above ``max`` or below ``min``.

    ``measure: matches`` counts matches of ``token``; each match past ``max`` is a violation
    of its own.  Otherwise the whole unit is the violation's span.
    """

    type_name = "occurrence"
    placeholders = ("unit", "count", "measure", "limit")

    message: str = "This {unit} has {count} {measure}; the limit is {limit}"
    unit: Unit = "sentence"
    measure: Measure = "words"
    token: str = ""
    max: int | None = None
    min: int | None = None
    _token: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.max is None and self.min is None:
            raise ValueError("set 'max', 'min' or both")
        if (self.measure == "matches") != bool(self.token):
            raise ValueError("'token' is required with 'measure: matches' and only then")
        for key in ("max", "min"):
            value = getattr(self, key)
            if value is not None and value < 0:
                raise ValueError(f"'{key}' must not be negative")
        pattern = None
        if self.token:
            pattern = compile_tokens((self.token,), ignorecase=False, wholeword=False)
        object.__setattr__(self, "_token", pattern)

    def _units(self, doc: Document, longer_than: int = 0) -> list[Span]:
        """The spans counted; sentences of no more than ``longer_than`` characters are left
        out (the caller would pass over them)."""
        if self.unit == "headline":
            return [doc.headline] if doc.headline else []
        if self.unit == "document":
            return [(0, len(doc.text))]
        paragraphs = [p for p in doc.paragraphs if p != doc.headline]
        if self.unit == "paragraph":
            return paragraphs
        # A sentence is judged by its first word, so one that opens a quotation is quoted speech.
        out = []
        for start, end in paragraphs:
            for s, e in sentences_by_line(doc.view, start, end):
                if e - s <= longer_than:
                    continue
                lead = LEADING_MARKS.match(doc.view, s, e)
                out.append((lead.end() if lead else s, e))
        return [(s, e) for s, e in out if e > s]

    def check(self, doc: Document) -> Iterator[Finding]:
        # Only a count above ``max`` can be reported: a unit with no more runs of letters and
        # digits than that (each word starts one) is not counted word by word.  The runs are
        # counted on plain text (the whole view, or else the unit alone).
        bound = self.max if self.min is None else None
        short = 2 * bound if bound is not None and self.measure == "words" else 0
        plain_view = plain(doc.view)
        for start, end in self._units(doc, short):
            if self._token is not None:
                found = [
                    m.span()
                    for m in finditer(self._token, doc.view, start, end)
                    if doc.scope_at(m.start()) in self.scope
                ]
                if self.max is not None and len(found) > self.max:
                    for s, e in found[self.max :]:
                        yield self._finding(s, e, len(found), self.max)
                elif self.min is not None and len(found) < self.min:
                    yield self._finding(start, end, len(found), self.min)
                continue
            if self.measure == "words":
                # Runs are at least a character long with one between them: a unit of no more
                # than twice ``bound`` characters has no more than ``bound`` runs.
                if bound is not None and (
                    end - start <= 2 * bound
                    or (
                        (plain_view or is_plain(doc.view, start, end))
                        and _run_count(doc.view, start, end) <= bound
                    )
                ):
                    continue
                found = self._words(doc, start, end)
                count = len(found)
                if self.unit == "sentence" and _mostly_names(doc.view, found):
                    continue  # a team sheet or a list of names, not a sentence
            else:
                count = char_count(doc.view, start, end)
            if self.max is not None and count > self.max:
                yield self._finding(start, end, count, self.max)
            elif self.min is not None and count < self.min:
                yield self._finding(start, end, count, self.min)

    def _words(self, doc: Document, start: int, end: int) -> list[Span]:
        """The words of a unit, less those inside quotations when the rule leaves quotes alone."""
        found = words(doc.view, start, end)
        if "quote" in self.scope or not doc.quotes:
            return found
        i = max(bisect_right(doc.quotes, (start, start)) - 1, 0)
        quotes = []
        for quote in islice(doc.quotes, i, None):  # in order of their starts
            if quote[0] >= end:
                break  # and so do all after: a long draft's later quotes are not read
            if quote[1] > start:
                quotes.append(quote)
        if not quotes:
            return found
        out = []
        q = 0
        for w in found:
            while q < len(quotes) and quotes[q][1] <= w[0]:
                q += 1
            if q < len(quotes) and quotes[q][0] <= w[0] < quotes[q][1]:
                continue
            out.append(w)
        return out

    def _finding(self, start: int, end: int, count: int, limit: int) -> Finding:
        measure = self.token if self.measure == "matches" else self.measure
        params = (
            ("unit", self.unit),
            ("count", str(count)),
            ("measure", measure),
            ("limit", str(limit)),
        )
        return Finding(start, end, None, params=params)


def _mostly_names(view: str, found: list[Span]) -> bool:
    """Most words capitalised: a list of names (a team sheet), not running prose."""
    capitals = sum(1 for start, _ in found if view[start].isupper())
    return capitals * 5 >= len(found) * 3
