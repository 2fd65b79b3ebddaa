"""From counts to families: the forms of one word, name or convention, with their counts.

A family is what a house chooses among: "Gaddafi" or "Qaddafi", "e-mail" or "email", "13
February" or "February 13".  Names and compounds are found in the counts themselves (forms
that normalise alike); the other families are fixed (the date format, the time format...).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .tally import Tally
from .words import (
    BRITISH_AMERICAN,
    DIRECTIONS,
    ISE_ENDINGS,
    ISE_STEMS,
    OPEN_COMPOUNDS,
    YSE_ENDINGS,
    YSE_STEMS,
)

# Initialisms some houses write with full stops, always looked at.
INITIALISMS = ("US", "UK", "UN", "EU", "USA", "UAE")
NAMED = 3  # capitalised neighbours that make a capitalised word a name, not an abbreviation
SIMILAR = 0.75  # how alike two spellings of a name must be (difflib's ratio)


@dataclass(frozen=True)
class Form:
    text: str
    count: int
    places: tuple[str, ...] = ()  # "path:line", or "path" with ``needle`` to find the line
    needle: str = ""  # the text to look for in a place given without its line
    key: str = ""  # what the form is called in the counts, when that is not its text

    @property
    def name(self) -> str:
        return self.key or self.text


@dataclass(frozen=True)
class Family:
    kind: str  # name, compound, acronym, initialism, ise, spelling, direction, percent, ...
    label: str  # what the summary calls it
    forms: tuple[Form, ...]  # most used first (on a tie, in alphabetical order)

    @property
    def total(self) -> int:
        return sum(f.count for f in self.forms)

    @property
    def dominant(self) -> Form:
        return self.forms[0]

    @property
    def share(self) -> float:
        return self.dominant.count / self.total if self.total else 0.0

    @property
    def minority(self) -> tuple[Form, ...]:
        return tuple(f for f in self.forms[1:] if f.count)


def family(kind: str, label: str, forms: list[Form]) -> Family:
    return Family(kind, label, tuple(sorted(forms, key=lambda f: (-f.count, f.text))))


_JOINERS = re.compile(r"[-\s'’]")
_SOUNDS = (("kh", "h"), ("dh", "d"), ("gh", "g"), ("ou", "u"), ("ph", "f"), ("ck", "k"), ("q", "k"))
# Over the words joined by NUL (in no name, and neither a letter nor a joiner), each step
# below is one pass for them all: a word's key is the same as it would be alone.
_SEP = "\x00"
_DOUBLED = re.compile(r"([^\x00])\1+")
_ENDING = re.compile(r"(?:i[yj]|y)(?=\x00)")
_VOWELS = str.maketrans("eiouy", "aaaaa")
_VOWEL_RUN = re.compile("aa+")


def name_key(word: str) -> str:
    """What the spellings of one name have in common: no accents, hyphens or doubled letters,
    kh/h, dh/d, ou/u, q/k, a leading g/k, the -y/-i/-iy endings alike, every run of vowels one."""
    return name_keys([word])[0]


def name_keys(words: list[str]) -> list[str]:
    """:func:`name_key` of each word, in a few passes over them all."""
    if not words:
        return []
    text = _SEP.join(words).lower()
    if not text.isascii():
        text = _SEP.join(w if w.isascii() else _unaccented(w) for w in text.split(_SEP))
    text = _JOINERS.sub("", text)
    for a, b in _SOUNDS:
        if a in text:
            text = text.replace(a, b)
    text = (_SEP + text).replace(_SEP + "g", _SEP + "k")[1:]  # a leading g
    text = _DOUBLED.sub(r"\1", text + _SEP)
    text = _ENDING.sub("i", text)
    return _VOWEL_RUN.sub("a", text.translate(_VOWELS)).split(_SEP)[:-1]


def _unaccented(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if not unicodedata.combining(c))


def ise_words() -> dict[str, str]:
    """Every counted -ise/-ize word, with its British or American spelling family."""
    words: dict[str, str] = {}
    for prefix in ("", "re", "de", "un"):
        for stems, letter, endings in (
            (ISE_STEMS, "i", ISE_ENDINGS),
            (YSE_STEMS, "y", YSE_ENDINGS),
        ):
            for stem in stems:
                for ending in endings:
                    words[f"{prefix}{stem}{letter}s{ending}"] = "-ise"
                    words[f"{prefix}{stem}{letter}z{ending}"] = "-ize"
    return words


class Finder:
    """The families in a tally."""

    def __init__(self, tally: Tally) -> None:
        self.tally = tally

    def form(self, group: str, text: str, *, label: str | None = None) -> Form:
        return Form(
            label or text, self.tally.count(group, text), tuple(self.tally.where(group, text)), text
        )

    def summed(self, group: str, label: str, texts: list[str]) -> Form:
        """One form counting several texts (-ise: organise, recognise...); its places are the
        most used texts'."""
        tally = self.tally
        used = sorted(
            (t for t in texts if tally.count(group, t)), key=lambda t: (-tally.count(group, t), t)
        )
        places: list[tuple[str, str]] = [
            (p, t) for t in used[:3] for p in tally.where(group, t)[:1]
        ]
        count = sum(tally.count(group, t) for t in used)
        shown = label + (" (" + ", ".join(used[:3]) + ")" if used else "")
        # A summed form's places each carry their word: "path\tword".
        return Form(shown, count, tuple(f"{p}\t{t}" for p, t in places), "", label)

    def families(self) -> Iterator[Family]:
        yield from self.names()
        yield from self.compounds()
        yield from self.acronyms()
        yield from self.conventions()

    # --- words and names ---------------------------------------------------------------------

    def names(self) -> Iterator[Family]:
        capitals = self.tally.get("capital")
        groups: dict[str, list[str]] = {}
        for word, key in zip(capitals, name_keys(list(capitals)), strict=True):
            groups.setdefault(key, []).append(word)
        found = []
        for words in groups.values():
            if len(words) < 2:
                continue
            words.sort(key=lambda w: (-capitals[w], w))
            top = words[0]
            near = set(self.tally.contexts.get(top, ()))
            kept = [top] + [
                w
                for w in words[1:]
                if near.intersection(self.tally.contexts.get(w, ()))  # the cheaper test first
                and difflib.SequenceMatcher(None, top, w).ratio() >= SIMILAR
            ]
            if len(kept) > 1:
                found.append(family("name", top, [self.form("capital", w) for w in kept]))
        yield from sorted(found, key=lambda f: f.label)

    def compounds(self) -> Iterator[Family]:
        words = self.tally.get("word")
        opened = self.tally.get("open")
        hyphenated: dict[str, list[str]] = {}  # closed form -> its hyphenated forms seen
        for word in words:
            if "-" in word and word.count("-") == 1 and words[word]:
                hyphenated.setdefault(word.replace("-", ""), []).append(word)
        keys = set(hyphenated).union(OPEN_COMPOUNDS.values())
        by_closed = {closed: phrase for phrase, closed in OPEN_COMPOUNDS.items()}
        for key in sorted(keys):
            # In the order of the hyphen's place.  "re-sign" and "resign", "re-formed" and
            # "reformed" are different words.
            hyphened = [w for w in hyphenated.get(key, ()) if not w.startswith("re-")]
            closed = bool(words.get(key))
            phrase = by_closed.get(key)
            if phrase is not None and not opened.get(phrase):
                phrase = None
            if closed + len(hyphened) + (phrase is not None) < 2:
                continue
            forms = [self.form("word", key)] if closed else []
            hyphened.sort(key=lambda w: w.index("-"))
            forms += [self.form("word", w) for w in hyphened]
            if phrase is not None:
                forms.append(self.form("open", phrase))
            yield family("compound", key, forms)

    def acronyms(self) -> Iterator[Family]:
        caps = self.tally.get("caps")
        capitals = self.tally.get("capital")
        for word in sorted(caps):
            # A word in capitals that is a common word in lower case is shouted ("THE END").
            shouted = self.tally.count("word", word.lower()) >= capitals.get(word.capitalize(), 0)
            # A capitalised form in the company of several names is a name ("Tim", "Cox").
            named = len(self.tally.contexts.get(word.capitalize(), ())) >= NAMED
            if len(word) >= 3 and capitals.get(word.capitalize()) and not shouted and not named:
                forms = [self.form("caps", word), self.form("capital", word.capitalize())]
                yield family("acronym", word.capitalize(), forms)

    # --- conventions -------------------------------------------------------------------------

    def conventions(self) -> Iterator[Family]:
        tally = self.tally
        # Each initialism on its own: AP writes "U.S." but "EU" and "FBI".
        # Others only with three letters or more and written both ways: two letters with
        # stops are mostly a person's initials ("H.W.") or a time ("P.M.").
        dotted = {d.replace(".", ""): d for d in tally.get("dotted")}
        both = {d for d in dotted if len(d) >= 3 and tally.count("caps", d)}
        for letters in sorted({*INITIALISMS, *both}):
            stops = dotted.get(letters, ".".join(letters) + ".")
            yield family(
                "initialism",
                f"{letters} or {stops}",
                [self.form("caps", letters), self.form("dotted", stops)],
            )
        words = tally.get("word")
        ise = ise_words()
        yield family(
            "ise",
            "-ise or -ize",
            [
                self.summed("word", label, [w for w, f in ise.items() if f == label and w in words])
                for label in ("-ise", "-ize")
            ],
        )
        yield family(
            "spelling",
            "British or American spelling",
            [
                self.summed("word", "British", [w for w in BRITISH_AMERICAN if w in words]),
                self.summed(
                    "word", "American", [w for w in BRITISH_AMERICAN.values() if w in words]
                ),
            ],
        )
        for british, american in DIRECTIONS.items():
            yield family(
                "direction",
                f"{british}/{american}",
                [self.form("word", british), self.form("word", american)],
            )
        labels = {
            "percent": ("percent", "per cent, percent or %"),
            "date": ("date", "date format"),
            "time": ("time", "time format"),
            "numbers": ("numbers", "one to nine"),
            "titles": ("titles", "courtesy titles at later reference"),
            "title-stop": ("title-stop", "courtesy title stops"),
            "quotes": ("quotes", "quotation marks"),
            "apostrophes": ("apostrophes", "apostrophes"),
            "dash": ("dash", "dashes"),
        }
        shown = {"words": "five people", "figures": "5 people"}
        for group, (kind, label) in labels.items():
            forms = [
                Form(shown.get(text, text), n, tuple(tally.where(group, text)), "", text)
                for text, n in tally.get(group).items()
            ]
            if forms:
                yield family(kind, label, forms)


def find_families(tally: Tally) -> list[Family]:
    """Every family in ``tally``, in a fixed order: names, compounds, acronyms, conventions."""
    return list(Finder(tally).families())
