"""Counting the forms a draft uses, family by family, in one pass of a few patterns.

Every count goes into a :class:`~.tally.Tally` under a group; :mod:`.families` turns the groups
into families of forms once the whole archive is counted.  Headlines are left out (they follow
rules of their own: figures, no full stops), and so is masked text (markup, URLs, code).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import _count_elements  # type: ignore[attr-defined]
from collections.abc import Callable
from itertools import islice
from operator import itemgetter

import regex

from ..document import MASK, Document
from ..patterns import compiled
from ..quotes import QuotedAt
from .tally import EXAMPLES, Tally
from .words import (
    FIGURE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    OPEN_COMPOUNDS,
    SHORT_MONTHS,
    STOPWORDS,
    TITLES,
)

PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "von", "van", "de"})

# --- the patterns --------------------------------------------------------------------------

# A capitalised word inside a sentence (after a word, a figure, a comma or the hyphen of
# "al-Qaeda", on the same line), with the words on either side, and without its possessive:
# a name, or an abbreviation said as a word.  The word after is taken only where it can be
# company (see capitals): one that opens with a capital (``str.isupper``'s, \p{Uppercase}) or
# with a particle's letters; after any other, ``after`` is empty.
PARTICLES_OR = "|".join(sorted(PARTICLES))
CAPITAL = compiled(
    r"(?P<name>\p{Lu}(?<=(?P<before>[\p{L}'’-]*[\p{L}\d,;)])[ -]{1,2}\p{Lu})"
    r"\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*)(?:['’]s)?(?![\p{L}\d'’-])"
    rf"(?:(?=[ ](?P<after>(?:\p{{Uppercase}}|{PARTICLES_OR})[\p{{L}}'’-]*)))?",
    regex.V1,
)
# A word in capitals, not beside another (a shouted phrase, "ABN AMRO").
CAPS = compiled(r"(?<![\w.&]|\p{Lu}[ ])\p{Lu}{2,6}(?![\w.&]|[ ]\p{Lu}{2})", regex.V1)
DOTTED = compiled(r"(?<![\w.])(?:\p{Lu}\.){2,3}(?!\w)", regex.V1)


# Patterns read a third faster in most drafts.  A class such as \w or \p{Lu} is tested by the
# Unicode database, a character at a time; written out as ranges of characters, ``re`` tests
# it from a table.  Most drafts hold nothing but Latin-1 and the punctuation of U+2000 to U+206F
# (curly quotes, dashes): those are read with the classes written out over these characters
# (the same matches, by construction); a draft with any other character, with the patterns
# above and below.
_TABLED = ((0x00, 0xFF), (0x2000, 0x206F), (0x20A0, 0x20CF))
BEYOND_TABLE = re.compile("[^" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _TABLED) + "]")


def _written_out(test: Callable[[str], object]) -> str:
    """The characters of :data:`_TABLED` that ``test`` (a class's ``fullmatch``) matches,
    as ranges for a ``re`` class."""
    chars = [c for a, b in _TABLED for c in map(chr, range(a, b + 1)) if test(c)]
    ranges: list[list[str]] = []
    for c in chars:
        if ranges and ord(c) == ord(ranges[-1][1]) + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(re.escape(a) + ("-" + re.escape(b) if b > a else "") for a, b in ranges)


# Lower-case words.
_LOWER = r"(?<!{word})[{lower}]+(?:-[{lower}]+)?(?!{word})"
LOWER = re.compile(_LOWER.format(word=r"[\w'’-]", lower=r"^\W\d_A-Z"))
# Tabled, its first letter is read before the look-behind, which then looks at the character
# before that letter (the same test, as the letter is a word character): faster, the same matches.
_LOWER_FIRST = r"[{lower}](?<!{word}[{lower}])[{lower}]*(?:-[{lower}]+)?(?!{word})"
LOWER_TABLED = re.compile(
    _LOWER_FIRST.format(
        word="[" + _written_out(re.compile(r"[\w'’-]").fullmatch) + "]",
        lower=_written_out(re.compile(r"[^\W\d_A-Z]").fullmatch),
    )
)
# CAPS, its first capital read before the look-behind (the same test: that capital is known).
_UPPER = _written_out(regex.compile(r"\p{Lu}", regex.V1).fullmatch)
_NEXT_TO = _written_out(regex.compile(r"[\w.&]", regex.V1).fullmatch)
CAPS_TABLED = re.compile(
    f"[{_UPPER}](?<![{_NEXT_TO}][{_UPPER}])(?<![{_UPPER}] [{_UPPER}])[{_UPPER}]{{1,5}}"
    f"(?![{_NEXT_TO}]| [{_UPPER}]{{2}})"
)
WORD_CHAR = re.compile(r"\w")  # what \b tells from the rest

# A draft in Latin-1 (most are) has its words read without a pattern, at two thirds of the
# cost: each character is translated (as bytes) to itself when LOWER's words are made of it (a
# letter not in A-Z, the hyphen), to a mark when it is another of LOWER's word characters (A-Z,
# a figure, "_", an apostrophe) and to a space otherwise, and the text is split at the spaces.
# Each piece is then a whole run of word characters; LOWER finds the runs that hold no mark
# and no hyphen but one inside.  The other pieces are counted too, and :func:`settle` takes
# them out of the counts once a run of drafts is counted (a pass over the new words only).
MARK = "\x01"
_IN_WORDS = re.compile(r"[^\W\d_A-Z]|-")
_OTHER_WORD_CHAR = re.compile(r"[\w'’-]")
LATIN_WORDS = bytes(
    i if _IN_WORDS.fullmatch(chr(i)) else ord(MARK) if _OTHER_WORD_CHAR.fullmatch(chr(i)) else 32
    for i in range(256)
)
HYPHENED = re.compile(r"[^-]+-[^-]+")  # the hyphen's place in LOWER's words

_ORD = r"(?:st|nd|rd|th)"
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_SHORT = "(?:" + "|".join(SHORT_MONTHS) + r")\."
# Everything that starts with a figure, in one pass: a percentage, a time, a date written day
# first, a small number before a word.  What comes before the figure is judged in Python.
_FIGURE = (
    r"(?P<more>\d?)(?:(?P<percent>\s?%|\s+per\s+cent\b|\s*percent\b|pc\b)"
    r"|(?P<sep>[.:])[0-5]\d(?:(?P<space> ?)(?P<mark>am|pm|a\.m\.|p\.m\.|AM|PM)(?!\w)"
    r"|(?P<zone> +(?:GMT|BST|hours|local time)\b))"
    rf"|(?P<ordinal>{_ORD})? +(?:of +)?{_MONTH}\b"
    r"| +(?P<next>[a-z]{3,})\b)"
)
FIGURE = compiled(r"\d" + _FIGURE)
# Dates written month first: February 13, Feb. 13.
MONTH_FIRST = compiled(rf"(?P<mdy>{_MONTH} +\d\d?(?P<ordinal>{_ORD})?)(?!\w)|{_SHORT} +\d\d?(?!\w)")
# A day after a month, found from the figure: whether MONTH_FIRST finds anything, at a third of
# its cost (figures are rarer than capitals).  Every match of MONTH_FIRST holds one of these.
_MONTH_DAY = rf"(?:(?<=(?:{_MONTH}) +\d)\d?(?:{_ORD})?|(?<={_SHORT} +\d)\d?)(?!\w)"
MONTH_DAY = compiled(r"\d" + _MONTH_DAY)
# The same two in a tabled draft, where a figure (\d) is one of 0-9 (Latin-1 and the table's
# punctuation hold no other), which ``regex`` finds in a third less time than \d.
FIGURE_TABLED = compiled("[0-9]" + _FIGURE)
MONTH_DAY_TABLED = compiled("[0-9]" + _MONTH_DAY)
MONTH_NAMES = frozenset((*MONTHS, *(m.rstrip(".") for m in SHORT_MONTHS)))
OPEN_PAIRS = tuple((phrase, tuple(phrase.split())) for phrase in OPEN_COMPOUNDS)
# The words whose use in a draft is read from the counts, before and after its words
WATCHED = tuple(dict.fromkeys((*NUMBER_WORDS, *(w for _, pair in OPEN_PAIRS for w in pair))))
NOUGHTS = (0,) * len(WATCHED)  # their counts before any draft uses them
DASH = re.compile(r"--?(?= \w)|–(?= )|—")  # the space before is judged in Python
DASH_NAMES = {"-": "spaced hyphen", "--": "double hyphen", "–": "spaced en dash"}
DOUBLE_QUOTE = re.compile(r'["“”]')
APOSTROPHE = re.compile(r"['’](?<=\w['’])(?=\w)")
STRAIGHT_APOSTROPHE = re.compile(r"'(?<=\w')(?=\w)")  # in a draft with no curly one: faster
# A capitalised word not after another (a title, a first name) nor before one: a bare surname.
BARE = compiled(
    r"(?<!\p{Lu}\p{L}*\.?[ ]+|[\p{L}.-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}-]|[ ]+\p{Lu})",
    regex.V1,
)
TITLE = compiled(
    r"\b(" + "|".join(TITLES) + r")(\.?)[ ]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])",
    regex.V1,
)
# Whether a draft names a title, before the pattern: one pass for the titles that hold no other
# ("Mrs" holds "Mr"), in half the time of a search for each.
TITLE_STEMS = re.compile(
    "|".join(re.escape(t) for t in TITLES if not any(o != t and o in t for o in TITLES))
)
FULL_NAME = compiled(
    r"\p{Lu}(?<![\p{L}.]\p{Lu})\p{Ll}+[ ]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])", regex.V1
)
_LETTER = _written_out(regex.compile(r"\p{L}", regex.V1).fullmatch)
_SMALL = _written_out(regex.compile(r"\p{Ll}", regex.V1).fullmatch)
FULL_NAME_TABLED = re.compile(  # FULL_NAME, as CAPS_TABLED is CAPS
    f"[{_UPPER}](?<![{_LETTER}.][{_UPPER}])[{_SMALL}]+[ ]+"
    f"([{_UPPER}][{_SMALL}]+(?:-[{_UPPER}][{_SMALL}]+)?)(?![{_LETTER}\\-])"
)


def _time_form(m: regex.Match[str]) -> str | None:
    """A time as the house would write 2.25 in the afternoon, in the date rule's notation."""
    hour = int(m.group()[0] + m.group("more"))
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
        try:  # Latin-1 (most drafts): in the table, and its words read as bytes
            self.latin: bytes | None = view.encode("latin-1")
        except UnicodeEncodeError:
            self.latin = None
        self.tabled = self.latin is not None or BEYOND_TABLE.search(view) is None
        self.starts = doc.lines
        self.tally = tally
        self.months = False  # whether a month is named inside a sentence (see capitals)
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
        view = self.view
        if self.latin is not None:  # settle leaves only LOWER's words
            words = self.latin.translate(LATIN_WORDS).decode("latin-1").split()
        else:
            words = (LOWER_TABLED if self.tabled else LOWER).findall(view)
        get = self.tally.counts.setdefault("word", {}).get
        before = list(map(get, WATCHED, NOUGHTS))
        self._count_all("word", words)
        # How often the draft uses each watched word: what its words added to the counts (a
        # set of the draft's words would cost a third as much as counting them).
        after = list(map(get, WATCHED, NOUGHTS))
        if after != before:
            used = {w: a - b for w, a, b in zip(WATCHED, after, before, strict=True) if a > b}
            self.spelled_numbers(used)
            self.open_compounds(used)

    def open_compounds(self, used: dict[str, int]) -> None:
        """The listed open compounds ("health care") whose two words the draft uses, found
        with ``str.find``: a pattern of them all costs as much as the words."""
        view = self.view
        for phrase, (first, second) in OPEN_PAIRS:
            if first not in used or second not in used:
                continue
            at = view.find(phrase)
            while at != -1:
                end = at + len(phrase)
                if (at and WORD_CHAR.match(view, at - 1)) or WORD_CHAR.match(view, end):
                    at = view.find(phrase, at + 1)
                else:
                    self.add("open", phrase, at)
                    at = view.find(phrase, end)

    def spelled_numbers(self, used: dict[str, int]) -> None:
        """Small numbers in words inside a sentence (in lower case): "two" to "nine", with how
        often the draft uses each (``used``)."""
        for word in NUMBER_WORDS:
            n = used.get(word)
            if n:
                place = None
                if self.tally.wants_place("numbers", "words"):
                    found = regex.search(rf"(?<![\w-]){word}(?![\w-])", self.view)
                    place = self.place(found.start()) if found else None
                self.tally.add("numbers", "words", place, n)

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
            names = list(map(itemgetter(0), found))
            self._count_all("capital", names)
            # Dates written month first are looked for only where a month is named.
            self.months = not MONTH_NAMES.isdisjoint(names)
            filled = tally.filled
            context = tally.context
            for name, before, after in found:
                if name in filled:
                    continue
                # A name is known by its company: a first name, a title of office, a particle.
                # (``before`` is never empty; ``after`` may be.)
                upper_before, upper_after = before[0].isupper(), after[:1].isupper()
                particle = before in PARTICLES
                if not (upper_before or upper_after or particle):
                    continue
                near = []
                if (upper_before and before.lower() not in STOPWORDS) or particle:
                    near.append(before.rstrip(",;:)"))
                if (upper_after and after.lower() not in STOPWORDS) or after in PARTICLES:
                    near.append(after.rstrip(",;:)"))
                if near:
                    context(name, near)
        caps = CAPS_TABLED if self.tabled else CAPS
        for group, pattern in (("caps", caps), ("dotted", DOTTED)):
            found = pattern.findall(view)
            if found:
                self._count_all(group, found)

    def _count_all(self, group: str, forms: list[str]) -> None:
        """Count ``forms`` at once; their places are this draft (see :meth:`words`), kept
        for the first drafts that use them."""
        tally = self.tally
        path = self.path
        counts = tally.counts.setdefault(group, {})
        places = tally.places.setdefault(group, {})
        pending = tally.pending.setdefault(group, set())
        if pending:  # the forms still short of places that this draft uses, each once
            for form in pending.intersection(forms):
                kept = places[form]
                kept.append(path)
                if len(kept) >= EXAMPLES:
                    pending.discard(form)
        known = len(counts)
        _count_elements(counts, forms)
        # The forms first seen here: the last keys of the counts (``reversed`` reads them
        # from the end, where ``islice`` would pass over the others first).
        for form in islice(reversed(counts), len(counts) - known):
            if MARK not in form:  # a piece that is not a word (see settle) gets no places
                places[form] = [path]
                pending.add(form)

    # --- conventions -----------------------------------------------------------------------

    def conventions(self) -> None:
        view = self.view
        add = self.add
        for m in (FIGURE_TABLED if self.tabled else FIGURE).finditer(view):
            start = m.start()
            before = view[start - 1 : start]
            if m.group("percent"):
                sign = " ".join(m.group("percent").split())
                add("percent", sign, start + 1 + len(m.group("more")))
            elif m.group("sep"):
                if before and (before.isalnum() or before in ".:,"):
                    continue
                time = _time_form(m)
                if time:
                    add("time", time, start)
            elif m.group("next") is None:  # a date, day first
                if before and (before.isalnum() or before in ".,"):
                    continue
                if int(m.group()[0] + m.group("more")) <= 31:
                    add("date", "13th February" if m.group("ordinal") else "13 February", start)
            elif not m.group("more") and m.group()[0] in "23456789":
                # A figure inside a sentence (after a word or a comma), not before a unit.
                word = view[start - 2 : start - 1]
                inside = before == " " and (word.isalpha() or word == ",")
                if inside and m.group("next") not in FIGURE_WORDS:
                    add("numbers", "figures", start)
        month_day = MONTH_DAY_TABLED if self.tabled else MONTH_DAY
        dated = self.months and month_day.search(view) is not None
        for m in MONTH_FIRST.finditer(view) if dated else ():
            start = m.start()
            if start and view[start - 1].isalnum():
                continue
            if m.group("mdy"):
                if m.group()[:3] in ("Mar", "Apr", "May", "Jun", "Jul"):
                    continue  # a month AP writes in full: "March 13" is both houses' form
                form = "February 13th" if m.group("ordinal") else "February 13"
            else:
                form = "Feb. 13"
            add("date", form, start)
        dashes = " -" in view or " –" in view or "—" in view  # or DASH counts none
        for m in DASH.finditer(view) if dashes else ():
            start, end = m.span()
            dash = m.group()
            if dash != "—":  # the others are dashes only between spaces, after a word
                if view[start - 2 : start] in ("", " ") or view[start - 1] != " ":
                    continue
                if view[end : end + 1] != " " or not view[end + 1 : end + 2].isalnum():
                    continue
            add("dash", DASH_NAMES.get(dash, "em dash"), start)
        # Double quotes are counted in C; an apostrophe is one only between two letters.
        straight = view.count('"')
        self._marks("quotes", DOUBLE_QUOTE, straight, view.count("“") + view.count("”"))
        if "’" in view:
            found = APOSTROPHE.findall(view)
            straight = found.count("'")
            curly = len(found) - straight
        else:
            straight, curly = len(STRAIGHT_APOSTROPHE.findall(view)), 0
        self._marks("apostrophes", APOSTROPHE, straight, curly)

    def _marks(self, group: str, pattern: re.Pattern[str], straight: int, curly: int) -> None:
        for form, n in (("straight", straight), ("curly", curly)):
            if n:
                self.tally.add(group, form, None, n)
                self._first_place(group, form, pattern)

    # --- people ----------------------------------------------------------------------------

    def people(self) -> None:
        """Later references to people the draft gives a courtesy title: with the title or
        without, and the title with a full stop or without."""
        view = self.view
        if TITLE_STEMS.search(view) is None:  # the scan below finds none
            return
        titled: dict[str, list[tuple[int, bool]]] = {}  # surname -> (offset, stop)
        for m in TITLE.finditer(view):
            titled.setdefault(m.group(3), []).append((m.start(), bool(m.group(2))))
        if not titled:
            return
        first: dict[str, int] = {}  # surname -> end of its first full name
        for m in (FULL_NAME_TABLED if self.tabled else FULL_NAME).finditer(view):
            surname = m.group(1)
            if surname in titled and surname not in first and m.group().split()[0] not in TITLES:
                first[surname] = m.end()
                if len(first) == len(titled):  # the rest of the draft adds nothing
                    break
        if not first:
            return
        # A title in a quotation is not the draft's: only now, for the surnames the draft gives
        # in full (a title of any other counts for nothing), is each asked whether it is quoted.
        in_quote = QuotedAt(self.doc)  # few offsets: their paragraphs alone are read
        kept: dict[str, list[tuple[int, bool]]] = {}  # surname -> its titles outside quotes
        for surname in first:
            uses = [(offset, stop) for offset, stop in titled[surname] if not in_quote(offset)]
            if uses:
                kept[surname] = uses
        for surname, uses in sorted(kept.items(), key=lambda item: item[1][0][0]):
            for offset, stop in uses:
                if offset > first[surname]:
                    self.add("titles", "Mr Blair", offset)
                    self.add("title-stop", "Mr." if stop else "Mr", offset)
        for surname, after in first.items():
            if surname not in kept:
                continue
            at = view.find(surname, after)
            while at != -1:
                end = at + len(surname)
                bare = BARE.match(view, at)
                if bare is not None and bare.end() == end and not in_quote(at):
                    self.add("titles", "Blair", at)
                at = view.find(surname, end)


def count_document(
    doc: Document, path: str, tally: Tally | None = None, *, settled: bool = True
) -> Tally:
    """``tally`` (a new one by default) with the forms ``doc`` uses added, each with its first
    places (``path:line``, or ``path`` for words).  With ``settled=False`` the counts hold the
    pieces that are not words until :func:`settle` (once for a run of drafts)."""
    tally = Tally() if tally is None else tally
    DraftCounts(doc, path, tally).count()
    if settled:
        settle(tally)
    return tally


def settle(tally: Tally) -> None:
    """Take out of the word counts the pieces of the Latin-1 reading that are not words (see
    :data:`LATIN_WORDS`), among the words counted since the last time."""
    counts = tally.counts.get("word")
    if not counts:
        return
    fits = HYPHENED.fullmatch
    tally.drop(
        "word",
        [
            w
            for w in islice(counts, tally.settled, None)
            if MARK in w or ("-" in w and fits(w) is None)
        ],
    )
    tally.settled = len(counts)
