"""``number``: numbers in words or figures, percentages and millions the house's way.

One rule checks one thing, chosen by ``check``:

``words`` (the default)
    Whole numbers below ``threshold`` (10 by default) are words: "5 people" becomes "five
    people" (capitalised at the start of a sentence).  With ``ordinals: true`` (the default),
    "3rd" becomes "third" too.  A figure stays where houses keep figures: money (£5, 5p, 5
    euros), percentages, measurements with a unit (5km, 5 kg, 5 miles), scores, ranges and
    fractions (3-1, 5-10, 1/2), ages ("aged 5", "5 years old", "5-year-old"), dates and times
    (5 May, 5pm), decimals and thousands, figures joined to letters (G8, F1, 4x4, 3D, 1990s),
    figures in names and labels (Channel 4, Apollo 11, page 3, No 5, "Top 40"), figures next
    to others above the threshold ("between 5 and 15"), and numbered list items.
``figures``
    Numbers from ``threshold`` up written in words are figures: "twelve people" becomes "12
    people".  Words at the start of a sentence, in capitalised names ("Ocean's Eleven") and in
    compounds such as "fifty-fifty" or "twenty-something" stay.
``start``
    No sentence starts with a figure.  Years may (``years: true``, the default: "2004 was a
    record year" is accepted by most houses, as recasting it is awkward); set ``years: false``
    to report them too.  The fix spells out a whole number below 100; otherwise the message
    asks for the sentence to be recast.  A small number that ``words`` already reports is not
    reported twice.
``percent``
    Percentages as the house writes them: ``percent: "%"`` (4%), ``"per cent"`` (4 per cent) or
    ``"percent"`` (4 percent).  "4 %", "4pc", "4 per cent", "4 percent" and "four per cent" are
    all found; a number in words becomes figures.
``large``
    Millions, billions and trillions: ``money`` for sums (after £, $, € or before "euros",
    "dollars"...) and ``counts`` for everything else, each ``short`` (5m, 5bn, 5tn) or ``long``
    (5 million, 5 billion, 5 trillion), or unset to leave them alone.  Trillions stay written
    out in the short form too (£1.4 trillion), as few houses abbreviate them; "5tn" is written
    out in the long form.  "5m" without money is not read as a number, since it may be five
    metres.

``units`` adds words after which a figure stays (to the built-in measurements), and
``exceptions`` lists words or patterns whose matches are never checked ("Top 40", "6 Nations").
Headlines are governed by ``scope``: a house that allows figures in headlines leaves
``headline`` out of the scope of its ``words`` rule.  The rule's ``message`` may use
``{found}`` and ``{replacement}``; left unset, each check has its own message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import regex

from ..document import Document
from ..patterns import GAP, MAYBE_GAP, MAYBE_SPACE, compiled
from ..prose import sentences, trimmed
from .base import Finding, Rule
from .exceptions import LazyExceptions, compile_exceptions
from .numcontext import figure_stays, word_number_stays
from .numwords import TEENS, TENS, UNITS, WORD_NUMBER, ordinal_words, value, words
from .textwords import text_words

_FIGURE = compiled(
    r"(?<![\w.,£$€¥#/:'’+=-]|\d[ \t])(?P<n>[1-9]\d*)(?P<ord>st|nd|rd|th)?(?![\w+=]|[.,/]\d|:\S)"
)
_PART_OF_LARGER = compiled(r"(?i:hundred|thousand)(?:[ -]and)?[ -]\Z")
_SPELLED = compiled(rf"(?<![\w'’-]){WORD_NUMBER}(?![\w'’-]|-[a-z])")
_START_FIGURE = compiled(r"\d[\d,]*(?:\.\d+)?")
_PERCENT = compiled(
    rf"(?<![\w.,]|point[ \t])(?P<num>\d+(?:[.,]\d+)*|{WORD_NUMBER})(?P<space>{MAYBE_GAP}|-)"
    rf"(?P<unit>%|per{MAYBE_SPACE}cent|percent|pc)(?!\w)"
)
_CURRENCY = r"(?:[A-Z]{1,2})?[£$€¥]"
_MONEY_WORDS = (
    r"euros?|dollars?|pounds?|sterling|yen|yuan|renminbi|rupees?|roubles?|rubles?|francs?"
    r"|kronor|kroner|kronur|krona|krone|pesos?|rand|reais|shekels?|dinars?|dirhams?|riyals?"
    rf"|ringgit|baht|won\b(?={MAYBE_GAP}[(;,.])"
)
_LARGE = compiled(
    rf"(?<![\w.,])(?P<cur>{_CURRENCY})?(?P<num>\d+(?:[.,]\d+)*|{WORD_NUMBER})"
    rf"(?P<space>{MAYBE_GAP})(?P<unit>million|billion|trillion|bn|tn|m)(?![\w])"
    rf"(?P<money>(?={GAP}(?:{_MONEY_WORDS})))?"
)


@dataclass(frozen=True)
class _Probe:
    """Where a match that a check reports may be: every offset at which one of ``needles``
    or a match of one of ``patterns`` starts, in order.

    Each string is found with ``str.find`` and each pattern (a lone character before a
    look-ahead) with its own scan, both in C; several such scans cost less than one scan of
    their alternation, which ``re`` tries at every character that can start a branch.
    """

    needles: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...] = ()

    def hits(self, view: str) -> list[int]:
        found = set()
        for needle in self.needles:
            at = view.find(needle)
            while at >= 0:
                found.add(at)
                at = view.find(needle, at + 1)
        for pattern in self.patterns:
            found.update(m.start() for m in pattern.finditer(view))
        return sorted(found)


# What a match must hold for a ``large`` check to report it: a long unit, or money (a sum in
# "m" without money is skipped as metres); for a ``percent`` check, a percent sign or word.
_LARGE_PROBE = _Probe(
    ("illion", "bn", "tn", "£", "$", "€", "¥"),
    (re.compile(rf"m(?={GAP}(?:{_MONEY_WORDS}))"),),
)
_PERCENT_PROBE = _Probe(("%", "pc"), (re.compile(rf"p(?=er{MAYBE_SPACE}cent)"),))
# Characters no match of each pattern holds: line breaks, quotation marks, brackets, other
# punctuation and the lower-case letters of no number word nor unit.
_STOPS = "\n\"“”‘’'()[]{};:!?/"
_LARGE_STOPS = frozenset(_STOPS + "acdjkpqz")
_PERCENT_STOPS = frozenset(_STOPS + "abdjkmqz")
_SHORT = {"million": "m", "billion": "bn", "trillion": " trillion"}
_LONG = {"m": "million", "bn": "billion", "tn": "trillion"}
_YEAR = compiled(r"1\d{3}|20\d{2}")
# After a figure that opens a sentence: a name or a term ("50 Cent", "3G", "20th Century"), or
# nothing at all (a line that is only a figure, as in a results table).
_NOT_A_COUNT = compiled(rf"\p{{L}}|{GAP}\p{{Lu}}|{MAYBE_GAP}(?:\n|$)")


@dataclass(frozen=True, kw_only=True)
class Number(Rule):
    """Numbers in words or figures as the house writes them; percentages; millions."""

    type_name = "number"

    message: str = ""
    check_: Literal["words", "figures", "start", "percent", "large"] = field(
        default="words", metadata={"key": "check"}
    )
    threshold: int = 10
    ordinals: bool = True
    years: bool = True
    percent: Literal["%", "per cent", "percent"] = "%"
    money: Literal["short", "long"] | None = None
    counts: Literal["short", "long"] | None = None
    units: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    _exceptions: Any = field(init=False, repr=False, compare=False)
    _units: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 2 <= self.threshold <= 100:
            raise ValueError("'threshold' must be between 2 and 100")
        if self.check_ == "large" and self.money is None and self.counts is None:
            raise ValueError("a 'large' check needs 'money' or 'counts' (short or long)")
        object.__setattr__(
            self, "_exceptions", compile_exceptions(self.exceptions, ignorecase=False)
        )
        object.__setattr__(self, "_units", frozenset(u.lower() for u in self.units))

    def check(self, doc: Document) -> Iterator[Finding]:
        exceptions = LazyExceptions(self._exceptions, doc.view)  # searched once a number needs it
        checks = {
            "words": self._words,
            "figures": self._figures,
            "start": self._start,
            "percent": self._percent,
            "large": self._large,
        }
        for finding in checks[self.check_](doc):
            if not exceptions.covers(finding.start, finding.end):
                yield finding

    def _say(self, message: str) -> str | None:
        return None if self.message else message

    def _small(self, view: str, m: regex.Match[str]) -> bool:
        """True when the figure of ``m`` is one the ``words`` check spells out."""
        n = int(m["n"])
        if not 1 <= n < self.threshold or (m["ord"] and (not self.ordinals or n > 9)):
            return False
        return not figure_stays(view, m.start(), m.end(), self.threshold, self._units)

    def _words(self, doc: Document) -> Iterator[Finding]:
        starts = sentence_starts(doc)
        for m in _FIGURE.finditer(doc.view):
            if not self._small(doc.view, m):
                continue
            n = int(m["n"])
            word = ordinal_words(n) if m["ord"] else words(n)
            if m.start() in starts:
                word = word.capitalize()
            yield Finding(
                m.start(), m.end(), word, message=self._say("Write '{found}' as '{replacement}'")
            )

    def _figures(self, doc: Document) -> Iterator[Finding]:
        starts = sentence_starts(doc)
        for m in _spelled_finditer(doc.view):
            n = value(m.group())
            if n is None or n < self.threshold or m.start() in starts:
                continue
            if m.group()[0].isupper() or word_number_stays(doc.view, m.start(), m.end()):
                continue
            if _PART_OF_LARGER.search(doc.view, max(0, m.start() - 16), m.start()):
                continue  # "One hundred and twenty": the rest of a number spelled out whole
            yield Finding(
                m.start(), m.end(), str(n), message=self._say("Write '{found}' as '{replacement}'")
            )

    def _start(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        items = item_starts(doc)
        for start in sorted(sentence_starts(doc)):
            m = _START_FIGURE.match(view, start)
            if m is None:
                continue
            figure = _FIGURE.match(view, start)
            if figure is not None and self._small(view, figure):
                continue  # the words check spells it out
            if start in items:
                continue  # a list item need not be a sentence: "- 1,214 late sailings"
            text = m.group()
            after = view[m.end() : m.end() + 2]
            if _NOT_A_COUNT.match(view, m.end()):
                continue
            if self.years and _YEAR.fullmatch(text) and after[:1] not in ("%", "m", "k"):
                continue
            if after[:1] in (".", ")") and (after[1:2] in (" ", "\t", "") or after[1:] == "\n"):
                continue  # a numbered list item: "1. Arsenal"
            end = m.end()
            replacement = None
            if text.isdigit() and int(text) < 100 and after[:1] == " " and after[1:2].isalpha():
                replacement = words(int(text)).capitalize()
                message = "Do not start a sentence with a figure: write '{replacement}'"
            else:
                message = "Do not start a sentence with a figure: recast the sentence"
            yield Finding(start, end, replacement, message=self._say(message))

    def _percent(self, doc: Document) -> Iterator[Finding]:
        starts = sentence_starts(doc)
        for m in _probed_finditer(_PERCENT, doc.view, _PERCENT_PROBE, _PERCENT_STOPS):
            num = m["num"]
            if not num[0].isdigit():
                if m.start() in starts:
                    continue  # "Five per cent of..." opens a sentence in words
                num = str(value(num))
            house = num + ("%" if self.percent == "%" else f" {self.percent}")
            if house != doc.read(m.start(), m.end()):
                message = self._say("Write the percentage as '{replacement}'")
                yield Finding(m.start(), m.end(), house, message=message)

    def _large(self, doc: Document) -> Iterator[Finding]:
        starts = sentence_starts(doc)
        for m in _probed_finditer(_LARGE, doc.view, _LARGE_PROBE, _LARGE_STOPS):
            money = bool(m["cur"] or m["money"] is not None)
            unit = m["unit"]
            if not money and unit == "m":
                continue  # may be metres
            mode = self.money if money else self.counts
            if mode is None:
                continue
            num = m["num"]
            if not num[0].isdigit():
                if m.start() in starts:
                    continue
                num = str(value(num))
            name = _LONG.get(unit, unit)
            written = f"{num}{_SHORT[name]}" if mode == "short" else f"{num} {name}"
            house = (m["cur"] or "") + written
            if house != doc.read(m.start(), m.end()):
                message = self._say("Write '{found}' as '{replacement}'")
                yield Finding(m.start(), m.end(), house, message=message)


def _probed_finditer(
    pattern: regex.Pattern[str], view: str, probe: _Probe, stops: frozenset[str]
) -> Iterator[regex.Match[str]]:
    """The matches of ``pattern.finditer(view)`` that hold a ``probe`` hit (every match a
    check reports does), and maybe some others, found without scanning the whole view.

    No match holds a character of ``stops``, so a scan of the view reaches the character after
    one afresh, as if it started there; a match that holds a hit starts after the last stop
    before it and no later than the hit.  The pattern is tried at each of those offsets in turn,
    from where the scan would be, as the scan tries them.  Matches between hits hold none and
    end before a stop, so leaving them out changes no later match.

    Nothing here depends on which hits there are, only on their order: more hits than a check
    needs make the scan try more offsets, and it still yields only matches of the full scan.
    """
    end = 0  # offsets before ``end`` are settled: past a match found, or tried and failed
    for at in probe.hits(view):
        while end <= at:
            start = at
            while start > end and view[start - 1] not in stops:
                start -= 1
            for offset in range(start, at + 1):
                m = pattern.match(view, offset)
                if m is not None:
                    yield m
                    end = m.end()
                    break
            else:
                end = at + 1


# Every number word starts with one of these (the rest, "fourteen" or "sixty", start with one).
_NUMBER_WORDS = {*UNITS[1:], *TEENS, *(word for word in TENS if word)}
_WORD_HEADS = tuple(
    word.encode()
    for word in sorted(_NUMBER_WORDS)
    if not any(word != head and word.startswith(head) for head in _NUMBER_WORDS)
)


# The head each number word starts with.
_HEAD_OF = {
    word: next(h for h in _WORD_HEADS if word.startswith(h.decode())) for word in _NUMBER_WORDS
}


def _spelled_finditer(view: str) -> Iterator[regex.Match[str]]:
    """``_SPELLED.finditer(view)``, the pattern tried only where a number word starts.

    Every match starts with a number word, found with ``bytes.find`` in the view written in
    ASCII lower case (any other character becomes one "?", so offsets stay).  Ignoring case,
    the pattern also reads "İ" as "i" and "ſ" as "s": a view holding either is scanned whole.

    Only the heads of the number words among the draft's words are sought.  A match starts
    after a character not of a word and its first number word is followed by one not of a word
    either ("-", " " or none), so that number word is a whole run of word characters: one of
    the words :func:`text_words` collects, case-folded (on the plain text it reads, case-folding
    makes no other text equal to a number word).
    """
    if "İ" in view or "ſ" in view:
        yield from _SPELLED.finditer(view)
        return
    found = text_words(view)
    heads = _WORD_HEADS if found is None else {_HEAD_OF[word] for word in found & _NUMBER_WORDS}
    low = view.encode("ascii", "replace").lower()
    starts = set()
    for head in heads:
        i = low.find(head)
        while i >= 0:
            starts.add(i)
            i = low.find(head, i + 1)
    end = 0
    for start in sorted(starts):
        if start >= end:
            m = _SPELLED.match(view, start)
            if m is not None:
                yield m
                end = m.end()


def sentence_starts(doc: Document) -> frozenset[int]:
    """The offsets at which the document's sentences and list items start, headline included.

    Kept for the last document: each number rule of a style asks about it in turn.
    """
    return _starts_of(doc)[0]


def item_starts(doc: Document) -> frozenset[int]:
    """The offsets at which list items start: a Markdown or HTML list item, or a line of a
    plain-text paragraph after a marker ("- ", "* ", "1. ")."""
    return _starts_of(doc)[1]


def _starts_of(doc: Document) -> tuple[frozenset[int], frozenset[int]]:
    global _last_starts
    last = _last_starts
    if last[0] is not doc:  # one tuple, replaced whole: safe when threads lint other drafts
        items = frozenset(_item_starts(doc))
        last = _last_starts = (doc, frozenset(_sentence_starts(doc)) | items, items)
    return last[1], last[2]


_last_starts: tuple[Any, frozenset[int], frozenset[int]] = (None, frozenset(), frozenset())
# A plain-text list item's marker, at the start of a line: "- ", "* ", "• ", "1. ", "2) ".
# Sought after a line break, which ``re`` finds quickly (a paragraph starts after one too).
_ITEM_MARKER = re.compile(r"\n[ \t]*(?:[-*+•–—]|\d{1,3}[.)])[ \t]+(?=\S)")


def _item_starts(doc: Document) -> set[int]:
    view = doc.view
    out = set()
    for start, end in doc.items:
        item = trimmed(view, start, end)
        if item is not None:
            out.add(item[0])
    if doc.format == "text":  # every line after the headline is a paragraph's
        out.update(m.end() for m in _ITEM_MARKER.finditer(view))
    return out


def _sentence_starts(doc: Document) -> set[int]:
    spans = list(doc.paragraphs)
    if doc.headline is not None and doc.headline not in spans:
        spans.append(doc.headline)
    if not spans:
        spans = [(0, len(doc.view))]
    out = set()
    for start, end in spans:
        for s, _ in sentences(doc.view, start, end):
            out.add(s)
    return out
