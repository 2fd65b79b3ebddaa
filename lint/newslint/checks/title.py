"""``title``: job titles, capitalised before a name and lower case standing alone."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import regex

from ..document import Document
from ..patterns import compiled
from ..twin import SAFE
from .base import Finding, Rule, compile_pattern, is_literal
from .exceptions import LazyExceptions, compile_exceptions
from .names import NOT_GIVEN, sentence_start, wordset
from .textwords import text_words
from .wordlist import compile_wordlist

Case = Literal["capital", "lower", "any"]

MESSAGES = {
    "form": "The house writes this title '{replacement}', not '{found}'",
    "before_name": "Capitalise a title directly before a name: '{replacement}', not '{found}'",
    "before_name-lower": "Titles are lower case, even before a name: '{replacement}', not "
    "'{found}'",
    "alone": "A title standing alone is lower case: '{replacement}', not '{found}'",
    "alone-capital": "A title standing alone is capitalised: '{replacement}', not '{found}'",
}
KINDS = ("form", "before_name", "alone")

# Words that make a title part of a longer one ("Deputy Prime Minister", "Lord Chancellor").
_PREFIXES = wordset(
    "deputy vice assistant under acting junior lord co interim first chief senior executive "
    "associate general"
)
_WORD_RUN = re.compile(r"\w+")  # as the draft's words are read (textwords.text_words)
_PREVIOUS_WORD = compiled(r"([\p{L}]+)\x00*[\s\-][\s\-\x00]*$")  # markup may stand beside the space
# The gap before the name may hold one line break (a hard-wrapped paragraph) and masked markup
# ("President <b>Trump</b>"), as long as some white space shows.
_NAME_AFTER = compiled(
    r"\x00*(?:[ \t][ \t\x00]*(?:\n[ \t\x00]*)?|\n[ \t\x00]*)"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?(?:(?:da|de|di|van|von|bin|al|le|la)[ \t]+)?"
    r"(\p{Lu}[\p{L}\p{M}'’\-]*)(?!['’]s\b)"
)
_NAME_GOES_ON = compiled(r"[ \t]\p{Lu}\p{Ll}+(?:-\p{Ll}+)?(?![\p{L}'’])")
# Before a name, a title after one of these words (or at a sentence start) is the formal title
# ("said Home Secretary Charles Clarke"); after any other word it is a description whose case
# the rule leaves alone ("former president", "Russian president", "World Bank president").
_FORMAL_AFTER = wordset(
    "the and or but by with to of for from said says told as at in on when while that "
    "which who after before between including met meets meet visited under"
)
DEFAULT_EXCEPTIONS = (
    r"Prime Minister['’]s [Qq]uestions?",
    r"Presidents?['’]?s? (?:Cup|Day|Club)",
    r"Office (?:of|for) the (?:Deputy )?Prime Minister",
    r"Prime Minister['’]s Office",
)
# A body named after the office, after the title's possessive: "the President's Committee on the
# Arts", "the Oklahoma Attorney General's Office".
_BODY_AFTER = compiled(
    r"['’]s(?:[ \t](?:\p{Lu}[\p{L}\-]*|and|of|on|for|the|&)){0,4}?[ \t](?:Committee|Council|Office|"
    r"Forum|Commission|"
    r"Board|Panel|Unit|Department|Award|Medal|Prize|Trophy)\b"
)


def follow_case(found: str, house: str) -> str:
    """``house`` in the case of ``found``: all lower, all capitals, or as the house has it."""
    if found == found.lower():
        return house.lower()
    if found == found.upper() and any(c.isalpha() for c in found):
        return house.upper()
    return house


@dataclass(frozen=True, kw_only=True)
class Title(Rule):
    """Job titles in the house's form and case.

    ``titles`` lists the house's titles as written before a name ("Prime Minister",
    "Vice-President"); ``swap`` maps other forms to them ("Vice President": "Vice-President").
    Both match in any case.  A title directly before a name takes ``before_name`` case, a title
    standing alone ``alone`` case (``capital``: as listed; ``lower``; ``any``: not checked).

    Not judged for case: a title at the start of a sentence (its capital is the sentence's), a
    title in the headline (only its form is checked there), a title within a longer one
    ("Deputy Prime Minister" when only "Prime Minister" is listed), a title after a word in
    ``unchecked_after`` ("shadow home secretary"), and a title inside one of ``exceptions``,
    proper names such as "Prime Minister's Questions".
    """

    type_name = "title"

    message: str = ""
    titles: tuple[str, ...]
    swap: Mapping[str, str] = field(default_factory=dict)
    before_name: Case = "capital"
    alone: Case = "lower"
    unchecked_after: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = DEFAULT_EXCEPTIONS
    messages: Mapping[str, str] = field(default_factory=dict)
    _pattern: Any = field(init=False, repr=False, compare=False)
    _house: Any = field(init=False, repr=False, compare=False)
    _exceptions: Any = field(init=False, repr=False, compare=False)
    _unchecked: Any = field(init=False, repr=False, compare=False)
    _words: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.titles:
            raise ValueError("'titles' must list at least one title")
        unknown = [k for k in self.messages if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown message kind '{unknown[0]}' (one of: {', '.join(KINDS)})")
        house: dict[str, str] = {}
        for title in self.titles:
            house[title.lower()] = title
        for other, target in self.swap.items():
            if target not in self.titles:
                raise ValueError(f"'{other}' is swapped for '{target}', which is not in 'titles'")
            if other.lower() in house and house[other.lower()] != target:
                raise ValueError(f"'{other}' is both a house title and swapped for '{target}'")
            house[other.lower()] = target
        # One trie of the titles (the longest wins where several match), scanned with ``re``
        # on plain text; see wordlist.py.
        keys = sorted(house, key=len, reverse=True)
        words = None
        if all(is_literal(k) and k[:1].isalpha() and k[-1:].isalpha() for k in keys):
            pattern: Any = compile_wordlist(keys, ignorecase=True)
            if all(SAFE.fullmatch(k) for k in keys):
                words = tuple(frozenset(_WORD_RUN.findall(k.casefold())) for k in keys)
        else:  # the same alternation, written out
            body = "|".join(r"[\s]+".join(regex.escape(w) for w in k.split()) for k in keys)
            pattern = compile_pattern(rf"(?<![\w'’\-])(?:{body})(?![\w\-])", regex.V1 | regex.I)
        object.__setattr__(self, "_pattern", pattern)
        object.__setattr__(self, "_house", house)
        exceptions = compile_exceptions(self.exceptions, ignorecase=True)
        object.__setattr__(self, "_exceptions", exceptions)
        object.__setattr__(self, "_words", words)
        object.__setattr__(self, "_unchecked", frozenset(w.lower() for w in self.unchecked_after))

    def check(self, doc: Document) -> Iterator[Finding]:
        view = doc.view
        if self._words is not None:
            # On text of SAFE characters a title is matched whole-word and ignoring case, so
            # each of its runs of word characters is one of the draft's words (as the word
            # list's first-word test has it, for every word): a draft without all the words of
            # any title holds none, and most drafts are passed over here.
            seen = text_words(view)
            if seen is not None and not any(needed <= seen for needed in self._words):
                return
        exceptions = LazyExceptions(self._exceptions, view)  # searched once a title needs it
        for m in self._pattern.finditer(view):
            start, end = m.span()
            if exceptions.covers(start, end) or _BODY_AFTER.match(view, end):
                continue
            previous = _PREVIOUS_WORD.search(view, max(0, start - 30), start)
            word = previous.group(1).lower() if previous else ""
            if word in _PREFIXES:
                continue
            found = doc.read(start, end)  # "Prime&nbsp;Minister" is the house's form
            house = self._house.get(" ".join(found.lower().split()))
            if house is None:  # matched only by case folding ("Preſident"): not a title as written
                continue
            expected = self._expected(doc, start, end, found, house, word)
            if expected == found:
                continue
            if found.lower() != house.lower():
                kind = "form"
            else:
                named = self._before_name(doc, end)
                kind = "before_name" if named else "alone"
                if (self.before_name if named else self.alone) != ("capital" if named else "lower"):
                    kind += "-lower" if named else "-capital"
            yield Finding(start, end, expected, self._message(kind))

    def _expected(
        self, doc: Document, start: int, end: int, found: str, house: str, previous: str
    ) -> str:
        if doc.in_heading(start) or previous in self._unchecked:
            return found if found.lower() == house.lower() else follow_case(found, house)
        if found.isupper() and len(found) > 1:  # a line of capitals ("THE PRESIDENT:") has no case
            return found if found.lower() == house.lower() else follow_case(found, house)
        named = self._before_name(doc, end)
        case = self.before_name if named else self.alone
        floor = doc.paragraph_start(start)
        at_start = sentence_start(doc.view, start, floor)
        if case == "any" or (named and not at_start and previous not in _FORMAL_AFTER):
            return found if found.lower() == house.lower() else follow_case(found, house)
        expected = house if case == "capital" else house.lower()
        if at_start:
            if found[1:] == house[1:]:
                return found  # "Prime Minister" capitalised by the house and the sentence
            expected = found[:1] + expected[1:]  # the first letter belongs to the sentence
        return expected

    @staticmethod
    def _before_name(doc: Document, end: int) -> bool:
        m = _NAME_AFTER.match(doc.view, end)
        if m is None or not doc.same_paragraph(end - 1, m.start(1)):
            return False
        word = m.group(1)
        if word in NOT_GIVEN and _NAME_GOES_ON.match(doc.view, m.end(1)):
            return True  # "President Park Geun-hye": a word that is also a name, then more name
        return word not in NOT_GIVEN or word in ("Mr", "Mrs", "Ms", "Dr", "Miss")

    def _message(self, kind: str) -> str:
        return self.messages.get(kind.split("-")[0]) or self.message or MESSAGES[kind]
