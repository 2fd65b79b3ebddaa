"""Counting the forms a draft uses, family by family, in one pass of a few patterns.

Every count goes into a :class:`~.tally.Tally` under a group; :mod:`.families` turns the groups
into families of forms once the whole archive is counted.  Headlines are left out (they follow
rules of their own: figures, no full stops), and so is masked text (markup, URLs, code).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import _count_elements  # type: ignore[attr-defined]

import regex

from ..document import MASK, Document
from .tally import CONTEXTS, EXAMPLES, Tally
from .words import (
    FIGURE_WORDS,
    MONTHS,
    OPEN_COMPOUNDS,
    SHORT_MONTHS,
    STOPWORDS,
    TITLES,
)

PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "von", "van", "de"})

# --- the patterns --------------------------------------------------------------------------

# A capitalised word inside a sentence (after a word, a figure or a comma, on the same line),
# with a lower-case "al-"/"el-" before it: a name, or an abbreviation said as a word.
CAPITAL = regex.compile(
    r"(?P<name>\p{Lu}(?<=(?P<before>[\p{L}'’-]*[\p{L}\d,;)])[ -]{1,2}\p{Lu})"
    r"\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*)(?![\p{L}\d'’-])(?:(?=[ ](?P<after>[\p{L}'’-]+)))?",
    regex.V1,
)
# A word in capitals, not beside another (a shouted phrase, "ABN AMRO").
CAPS = regex.compile(r"(?<![\w.&]|\p{Lu}[ ])\p{Lu}{2,6}(?![\w.&]|[ ]\p{Lu}{2})", regex.V1)
DOTTED = regex.compile(r"(?<![\w.])(?:\p{Lu}\.){2,3}(?!\w)", regex.V1)
LOWER = re.compile(r"(?<![\w'’-])[^\W\d_A-Z]+(?:-[^\W\d_A-Z]+)?(?![\w'’-])")
OPEN = re.compile(r"\b(?:" + "|".join(OPEN_COMPOUNDS) + r")\b")
PERCENT = re.compile(r"\d(?:\s?%|\s+per\s+cent\b|\s*percent\b|pc\b)")

_DAY = r"(?:[12]\d|3[01]|[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_SHORT = "(?:" + "|".join(SHORT_MONTHS) + r")\."
DATE = regex.compile(
    rf"(?P<dmy>\d\d?(?P<dord>{_ORD})? +(?:of +)?{_MONTH})"
    rf"|(?P<mdy>{_MONTH} +\d\d?(?P<mord>{_ORD})?)(?!\w)"
    rf"|(?P<ap>{_SHORT} +\d\d?)(?!\w)"
)
DATE_HINTS = (*MONTHS, *SHORT_MONTHS)
# The first figure is matched before the look back, so that the search skips ahead to figures.
TIME = re.compile(
    r"\d(?<![\w.:]\d)(?P<h>\d?)(?P<sep>[.:])[0-5]\d"
    r"(?:(?P<space> ?)(?P<mark>am|pm|a\.m\.|p\.m\.|AM|PM)(?!\w)"
    r"|(?P<zone> +(?:GMT|BST|hours|local time)\b))"
)
# A small number inside a sentence, before a word: in words or in figures.
NUMBER = re.compile(
    r"[2-9tfsen](?<!\w[2-9tfsen])(?:(?<=[2-9])|(?<=t)(?:wo|hree)|(?<=f)(?:our|ive)|(?<=s)(?:ix|even)"
    r"|(?<=e)ight|(?<=n)ine) +(?P<next>[a-z]{3,})\b"
)
DASH = re.compile(r"--?|[–—]")
DASH_NAMES = {"-": "spaced hyphen", "--": "double hyphen", "–": "spaced en dash"}
DOUBLE_QUOTE = re.compile(r'["“”]')
APOSTROPHE = re.compile(r"['’](?<=\w['’])(?=\w)")
# A capitalised word not after another (a title, a first name) nor before one: a bare surname.
BARE = regex.compile(
    r"(?<!\p{Lu}\p{L}*\.?[ ]+|[\p{L}.-])\p{Lu}\p{Ll}+(?![\p{L}-]|[ ]+\p{Lu})", regex.V1
)
TITLE = regex.compile(r"\b(" + "|".join(TITLES) + r")(\.?)[ ]+(\p{Lu}\p{Ll}+)", regex.V1)
FULL_NAME = regex.compile(
    r"\p{Lu}(?<![\p{L}.]\p{Lu})\p{Ll}+[ ]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])", regex.V1
)


def _time_form(m: re.Match[str]) -> str | None:
    """A time as the house would write 2.25 in the afternoon, in the date rule's notation."""
    hour = int(m.group()[0] + m.group("h"))
    if m.group("zone"):
        return "14" + m.group("sep") + "25" if hour < 24 else None
    if not 1 <= hour <= 12:
        return None
    mark = m.group("mark")
    pm = {"am": "pm", "AM": "PM", "a.m.": "p.m."}.get(mark, mark)
    return f"2{m.group('sep')}25{' ' if m.group('space') else ''}{pm}"


class DraftCounts:
    """The counts of one draft; :meth:`count` fills a fresh :class:`Tally`."""

    def __init__(self, doc: Document, path: str, tally: Tally) -> None:
        self.doc = doc
        self.path = path
        view = doc.view
        if doc.headline is not None:  # the headline's forms are its own
            start, end = doc.headline
            view = view[:start] + MASK * (end - start) + view[end:]
        self.view = view
        self.starts = doc.lines
        self.tally = tally
        tally.drafts += 1
        tally.size += len(doc.text.encode("utf-8", "surrogatepass"))

    def place(self, offset: int) -> str:
        return f"{self.path}:{bisect_right(self.starts, offset)}"

    def add(self, group: str, form: str, offset: int) -> None:
        tally = self.tally
        if tally.wants_place(group, form):
            tally.add(group, form, self.place(offset))
        else:
            tally.add(group, form)

    def count(self) -> Tally:
        self.words()
        self.capitals()
        self.conventions()
        self.people()
        return self.tally

    # --- words -----------------------------------------------------------------------------

    def words(self) -> None:
        """Lower-case words, all counted (compounds closed and hyphenated, British or American
        spellings, -ise or -ize, towards/toward are found among them once the archive is
        counted).  A word's places are its drafts (the line is found again only for the forms
        a proposal shows), kept for the first drafts that use it."""
        tally = self.tally
        path = self.path
        words = LOWER.findall(self.view)
        counts = tally.counts.setdefault("word", {})
        places = tally.places.setdefault("word", {})
        _count_elements(counts, words)
        full = tally.placed
        for word in set(words).difference(full):
            kept = places.get(word)
            if kept is None:
                places[word] = [path]
            else:
                kept.append(path)
                if len(kept) >= EXAMPLES:
                    full.add(word)
        if any(phrase in self.view for phrase in OPEN_COMPOUNDS):
            for m in OPEN.finditer(self.view):
                self.add("open", m.group(), m.start())

    def _first_place(self, group: str, form: str, pattern: re.Pattern[str]) -> None:
        """The first place of a form counted without a loop over its matches."""
        if not self.tally.wants_place(group, form):
            return
        for m in pattern.finditer(self.view):
            if (m.group() in "'\"") == (form == "straight"):
                self.tally.add(group, form, self.place(m.start()), 0)
                return

    # --- capitalised words -----------------------------------------------------------------

    def capitals(self) -> None:
        """Names and abbreviations: capitalised words inside sentences, with their neighbours;
        words in capitals; initialisms with full stops."""
        view = self.view
        tally = self.tally
        found = CAPITAL.findall(view)
        if found:
            self._count_all("capital", [name for name, _, _ in found])
            contexts = tally.contexts
            for name, before, after in found:
                kept = contexts.get(name)
                if kept is not None and len(kept) >= CONTEXTS:
                    continue
                # A name is known by its company: a first name, a title of office, a particle.
                near = [
                    w.rstrip(",;:)")
                    for w in (before, after)
                    if (w[:1].isupper() and w.lower() not in STOPWORDS) or w in PARTICLES
                ]
                if near:
                    tally.context(name, near)
        for group, pattern in (("caps", CAPS), ("dotted", DOTTED)):
            found = pattern.findall(view)
            if found:
                self._count_all(group, found)

    def _count_all(self, group: str, forms: list[str]) -> None:
        """Count ``forms`` at once; their places are this draft (see :meth:`words`)."""
        tally = self.tally
        counts = tally.counts.setdefault(group, {})
        places = tally.places.setdefault(group, {})
        _count_elements(counts, forms)
        for form in set(forms):
            kept = places.get(form)
            if kept is None:
                places[form] = [self.path]
            elif len(kept) < EXAMPLES:
                kept.append(self.path)

    # --- conventions -----------------------------------------------------------------------

    def conventions(self) -> None:
        view = self.view
        add = self.add
        for m in PERCENT.finditer(view):
            form = " ".join(m.group()[1:].split())
            add("percent", form, m.start() + 1)
        dates = DATE.finditer(view) if any(m in view for m in DATE_HINTS) else ()
        for m in dates:
            start = m.start()
            if start and (view[start - 1].isalnum() or view[start - 1] in ".,"):
                continue
            if m.group("dmy"):
                if int(m.group()[:2].rstrip("snrt ")) > 31:
                    continue
                form = "13th February" if m.group("dord") else "13 February"
            elif m.group("mdy"):
                form = "February 13th" if m.group("mord") else "February 13"
            else:
                form = "Feb. 13"
            add("date", form, m.start())
        for m in TIME.finditer(view):
            time = _time_form(m)
            if time:
                add("time", time, m.start())
        for m in NUMBER.finditer(view):
            start = m.start()
            # Counted inside a sentence only (after a word or a comma), and not before a unit.
            before = view[start - 2 : start]
            if len(before) < 2 or before[1] != " " or not (before[0].isalpha() or before[0] == ","):
                continue
            if m.group("next") in FIGURE_WORDS:
                continue
            add("numbers", "figures" if m.group()[0].isdigit() else "words", start)
        for m in DASH.finditer(view):
            start, end = m.span()
            dash = m.group()
            if dash != "—":  # the others are dashes only between spaces, after a word
                if view[start - 2 : start] in ("", " ") or view[start - 1] != " ":
                    continue
                if view[end : end + 1] != " " or not view[end + 1 : end + 2].isalnum():
                    continue
            add("dash", DASH_NAMES.get(dash, "em dash"), start)
        for group, pattern in (("quotes", DOUBLE_QUOTE), ("apostrophes", APOSTROPHE)):
            found = pattern.findall(view)
            if not found:
                continue
            straight = sum(1 for mark in found if mark in "'\"")
            for form, n in (("straight", straight), ("curly", len(found) - straight)):
                if n:
                    self.tally.add(group, form, None, n)
                    self._first_place(group, form, pattern)

    # --- people ----------------------------------------------------------------------------

    def people(self) -> None:
        """Later references to people the draft gives a courtesy title: with the title or
        without, and the title with a full stop or without."""
        view = self.view
        doc = self.doc
        titled: dict[str, list[tuple[int, bool]]] = {}  # surname -> (offset, stop)
        for m in TITLE.finditer(view):
            if doc.in_quote(m.start()):
                continue
            titled.setdefault(m.group(3), []).append((m.start(), bool(m.group(2))))
        if not titled:
            return
        first: dict[str, int] = {}  # surname -> end of its first full name
        for m in FULL_NAME.finditer(view):
            surname = m.group(1)
            if surname in titled and surname not in first and m.group().split()[0] not in TITLES:
                first[surname] = m.end()
        for surname, uses in titled.items():
            if surname not in first:
                continue
            for offset, stop in uses:
                if offset > first[surname]:
                    self.add("titles", "Mr Blair", offset)
                    self.add("title-stop", "Mr." if stop else "Mr", offset)
        for surname, after in first.items():
            at = view.find(surname, after)
            while at != -1:
                end = at + len(surname)
                bare = BARE.match(view, at)
                if bare is not None and bare.end() == end and not doc.in_quote(at):
                    self.add("titles", "Blair", at)
                at = view.find(surname, end)


def count_document(doc: Document, path: str, tally: Tally | None = None) -> Tally:
    """``tally`` (a new one by default) with the forms ``doc`` uses added, each with its first
    places (``path:line``, or ``path`` for words)."""
    tally = Tally() if tally is None else tally
    DraftCounts(doc, path, tally).count()
    return tally
