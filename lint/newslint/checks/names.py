"""Reading names in copy: runs of capitalised words and the words that are not names.

Shared by the ``reference`` and ``title`` rule types.  A *run* is a sequence of capitalised
words separated by single spaces ("Home Secretary Charles Clarke"); a possessive ("Blair's")
or any punctuation ends it.  Courtesy titles and initials may carry a full stop inside a run
("Mr. Mueller", "George W. Bush").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from ..patterns import compiled
from .textwords import text_runs, text_words


def wordset(text: str) -> frozenset[str]:
    """The words of ``text``, split on white space."""
    return frozenset(text.split())


_WORD = r"\p{Lu}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*"  # a capitalised word, no stop
_WORD_ONCE = r"\p{Lu}[\p{L}\p{M}]*+(?:['’\-]\p{L}[\p{L}\p{M}]*+)*+"  # the same, never shortened
_ENDING = r"(?:['’]s\b)?\.?"
_TOKEN = compiled(_WORD + _ENDING)
_POSSESSIVE = ("'s", "’s")
# ``\p{Lu}`` and ``\p{L}`` (or ``[\p{L}\p{M}]``) on plain text, for ``re`` (see run_pattern)
_PLAIN_CAPITAL = "A-ZÀ-ÖØ-Þ"
_PLAIN_LETTER = "A-Za-zªµºÀ-ÖØ-öø-ÿ"

# Words that are titles or ranks before a surname ("President Bush", "Sir Alex").
TITLE_WORDS = wordset(
    """
    President Minister Secretary Chancellor Senator Sen Governor Gov King Queen Prince Princess
    Pope General Gen Judge Justice Sir Lord Lady Dame Baroness Baron Earl Duke Duchess Archbishop
    Bishop Cardinal Rev Reverend Father Sister Brother Professor Prof Sergeant Sgt Captain Capt
    Colonel Col Commander Cdr Admiral Lieutenant Lt Inspector Constable Officer Detective
    Superintendent Chief Mayor Councillor Speaker Leader Chairman Chairwoman Ambassador
    Commissioner Rep Representative Coach Manager Director Dean Rabbi Imam Sheikh Emir Sultan
    Ayatollah Chancellor Premier Count Countess Marshal Private Corporal Saint St Deputy Vice
    Attorney Solicitor Treasurer Agent Secretary-General President-elect Senator-elect
    """
)

# Capitalised words that begin sentences or name places and things, never a first name.
NOT_GIVEN = wordset(
    """
    A An The This That These Those It Its He She They We You I His Her Their Our My Your Who What
    When Where Why How Which While Whilst If But And Or Nor So Yet For In On At By To From With
    Without Into Onto Of Off Over Under After Before Since Until As Than Then There Here Now Also
    Both Either Neither Each Every All Some Many Most More Much No Not Only Even Just Still Last
    Next First Second Third New Old Great Little Big Former Late Ex Mr Mrs Ms Miss Dr Meanwhile
    However Although Though Because Unlike Like Despite Following During Among Between Against
    Yesterday Today Tomorrow Tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    North South East West Northern Southern Eastern Western Central Upper Lower United Royal
    National International British English Scottish Welsh Irish American European African Asian
    French German Russian Chinese Japanese Indian Italian Spanish Ukrainian Israeli Palestinian
    Labour Conservative Tory Tories Liberal Democrat Democrats Republican Republicans Green
    Prime Home Foreign Defence Defense Justice Health Education Culture Trade Industry Transport
    Shadow Deputy Vice Acting Chief Senior Junior General Foreign Secretary Minister President
    Chancellor Downing Wall Fleet Scotland Yard Whitehall Westminster Parliament Commons Lords
    Supreme High Crown Court Manchester Liverpool Chelsea Arsenal Real Inter Aston Crystal
    Queens Glasgow Celtic Rangers Leeds Newcastle Tottenham Everton Fulham Bolton Wigan Leicester
    Premiership Premier League Cup Champions World Olympic Grand Super Open Davis Ryder Six
    Nations Dear Please Thanks Sir Lord Lady Dame Saint St Ryder Kings Queen King Prince
    Bank Street Road Avenue Square Park Bridge Hall House Office Palace Castle Tower Airport
    Police Army Navy Air Force Council Party Government Ministry Department Agency Committee
    Said Says Asked Speaking According Earlier Later Instead Elsewhere Overall Nevertheless
    """
)

# Last words that make a run an organisation or a place, not a person.
NOT_SURNAME = wordset(
    """
    Street Road Avenue Lane Square Park Bridge Hall House Office Palace Castle Tower Airport
    Station Party Parliament Government Ministry Department Agency Committee Council Commission
    Court Police Army Navy Force Forces Corps Bank Group Company Corporation Inc Ltd Plc Club
    United City Town County Rovers Athletic Wanderers Albion Villa Rangers Hotspur Forest
    University College School Institute Foundation Trust Fund Association Union Federation
    League Cup Championship Championships Open Games Olympics Festival Awards Award Prize
    Centre Center Museum Theatre Theater Gallery Hospital Church Cathedral Abbey Times Post
    News Journal Mail Herald Telegraph Guardian Express Mirror Sun Channel Radio Television
    TV Network Records Music Studios Pictures Productions Airlines Airways Motors Energy Oil
    Gas Telecom Systems Software Technologies Labs Partners Holdings Capital Securities
    Exchange Market Markets Index Commons Lords Senate Congress Assembly Cabinet Treasury
    Kingdom States Republic Union Nations Islands Island Ocean Sea River Lake Mountains Valley
    Road Minister Secretary President Chancellor General Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September
    October November December Day Week Year Act Bill Law Report Review Show Awards Questions
    Street Europe America Africa Asia England Scotland Wales Ireland Britain York Jersey
    Kong Zealand Korea Africa Arabia Emirates Lanka Leone Salvador Rica Rico Vegas Angeles
    Francisco Diego Orleans Haven Hampshire Sussex Essex Kent Yorkshire Midlands Coast
    """
)

HONORIFICS_DEFAULT = ("Mr", "Mrs", "Ms", "Miss", "Dr")

# Particles that open a surname of several words ("Ursula von der Leyen", "Louis van Gaal",
# "Mohammed bin Salman", "Erik ten Hag").  Capitalised, they open such a surname written alone
# at the start of a sentence, or always by Dutch and Belgian custom ("Van Gaal said", "Herman
# Van Rompuy").  "al", "el", "la" and "le" are left out, but for "Le" and "La" between a name
# and a surname ("Marine Le Pen", "Ms Le Pen"): otherwise, capitalised, they are given names and
# articles ("Al Gore", "Le Monde"), and lower case they mostly join a name with a hyphen.
PARTICLES = wordset("van von de der den du da di del della dos das bin ibn ter ten zu")
CAPITAL_PARTICLES = frozenset(p.capitalize() for p in PARTICLES)
INNER_PARTICLES = CAPITAL_PARTICLES | {"Le", "La"}
_PARTICLE_RUN = compiled(
    rf"(?<![\p{{L}}\p{{M}}\d'’\-.])(?:{'|'.join(sorted(PARTICLES | CAPITAL_PARTICLES))})"
    rf"(?: (?:{'|'.join(sorted(PARTICLES))}))* (?=\p{{Lu}})"
)
_WORDS_BEFORE = compiled(rf"(?<![\p{{L}}\p{{M}}\d'’\-])(?:{_WORD}{_ENDING} ){{1,3}}\Z")


def particle_starts(view: str) -> dict[int, int]:
    """Where particles stand before a capitalised word: the word's start, and the first
    particle's ("von der Leyen": the offset of "Leyen", and that of "von").

    Most copy holds none of the particles, which its words say; in other copy the pattern is
    tried only where one is written, not after an ASCII letter or digit, an apostrophe, a
    hyphen or a full stop (a scan of the whole text with the pattern costs several times more,
    and "de " ends many English words).  A match starts with a particle, so every match of a
    full scan starts at one of those places; where particles follow each other, the match at
    the first holds the others, and only its start is kept for the word after them.
    """
    words = text_words(view)
    present = PARTICLES if words is None else PARTICLES & words
    found: dict[int, int] = {}
    match = _PARTICLE_RUN.match
    for particle in sorted(present):
        for needle in (particle, particle.capitalize()):
            for written in _particle_written(needle).finditer(view):
                i = written.start()
                m = match(view, i)
                if m is not None and found.get(m.end(), i) >= i:
                    found[m.end()] = i
    return found


@lru_cache(maxsize=64)
def _particle_written(particle: str) -> re.Pattern[str]:
    """``particle`` and a space, where :data:`_PARTICLE_RUN` may match: not after a character
    its look-behind refuses (only ASCII ones are looked at here; the pattern decides)."""
    return re.compile(rf"{particle} (?<![A-Za-z0-9'’\-.]{particle} )")


def particle_key(surname: str) -> str:
    """A surname with its particles in lower case, as the copy is compared: "Van Gaal" and
    "van Gaal" are one person's."""
    if " " not in surname:
        return surname
    *particles, last = surname.split(" ")
    return " ".join([*(p.lower() if p.lower() in PARTICLES else p for p in particles), last])


def words_before(view: str, start: int, keep_stop: frozenset[str]) -> list[Token]:
    """The capitalised words (at most three) that end one space before ``start``, as a run
    would read them: the given name or title before a surname that particles open."""
    m = _WORDS_BEFORE.search(view, max(0, start - 120), start)
    if m is None:
        return []
    out: list[Token] = []
    at = m.start()
    for word in view[m.start() : start - 1].split(" "):
        token = _read(word, at, keep_stop)
        at += len(word) + 1
        if token.possessive or (word.endswith(".") and not token.stop):
            out = []  # the word ends the run it is in: "in Paris. Von der Leyen said"
        else:
            out.append(token)
    return out


# Letters and suffixes after a name ("Ruth Kelly MP", "Martin Luther King Jnr").
POST_NOMINALS = wordset(
    "MP MPs MEP MSP AM MLA QC KC OBE MBE CBE KBE DBE VC Jr Jnr Sr Snr II III IV"
)


class Token(NamedTuple):
    """One capitalised word: ``[start, end)`` without a possessive or a stray full stop.

    A named tuple rather than a frozen dataclass: as immutable, and several times quicker to
    make, which counts with a hundred thousand words in a few megabytes of copy.
    """

    start: int
    end: int
    text: str
    stop: bool  # written with a full stop (an abbreviation or an initial)
    possessive: bool


def token_at(view: str, start: int, end: int, keep_stop: frozenset[str]) -> Token:
    """The token of the word ``view[start:end]``; a full stop it ends with is kept only for a
    word of ``keep_stop`` or an initial."""
    return _read(view[start:end], start, keep_stop)


def _read(word: str, start: int, keep_stop: frozenset[str]) -> Token:
    """The token of ``word``, written at ``start``."""
    stop = word.endswith(".")
    if stop:
        word = word[:-1]
    possessive = word.endswith(_POSSESSIVE) and len(word) > 2
    if possessive:
        word = word[:-2]
    if stop and (possessive or not (word in keep_stop or len(word) == 1)):
        stop = False  # a sentence's full stop, not part of the word
    return Token(start, start + len(word) + (1 if stop else 0), word, stop, possessive)


def bare_word(view: str, start: int, end: int) -> str:
    """The text of the word ``view[start:end]`` as :class:`Token` has it, without a full stop
    or a possessive."""
    word = view[start:end]
    if word.endswith("."):
        word = word[:-1]
    if word.endswith(_POSSESSIVE) and len(word) > 2:
        word = word[:-2]
    return word


def _inside_word(view: str, start: int) -> bool:
    """A capital inside a word ("McDonald" is one word, "iPhone" and "al-Assad" hold none)."""
    return start > 0 and (view[start - 1].isalnum() or view[start - 1] in "-'’")


def run_matches(view: str, keep_stop: frozenset[str]) -> Iterator[regex.Match[str] | re.Match[str]]:
    """One match per run of :func:`runs` (see :func:`run_pattern`)."""
    plain = text_runs(view) is not None  # no character outside SAFE, so no combining mark
    return run_pattern(keep_stop, plain).finditer(view)


@lru_cache(maxsize=16)
def run_pattern(
    keep_stop: frozenset[str], plain: bool = False
) -> regex.Pattern[str] | re.Pattern[str]:
    """One match per run of :func:`runs`, found in a single scan instead of word by word.

    A run is capitalised words each joined to the next by one space; a word joins the next only
    when it has no possessive and no full stop, or a full stop it keeps (an initial or a word
    of ``keep_stop``).  Every word is matched as ``_TOKEN`` matches it on its own, so the scan
    takes the same words: the quantifiers are possessive (``*+``), which changes nothing as
    ``_TOKEN``'s first, longest match is never given back, and a joining word must be followed
    by a space and a capital, where the next word starts.  The words of ``keep_stop`` are
    those :func:`token_at` keeps the stop of.

    With ``plain`` (for text without combining marks) the scan is quicker: a word is matched
    first and a kept stop is then known by the letters before it, the word itself when no
    letter, apostrophe or hyphen comes before it.  That holds for a word after a space; a
    first word after a letter, apostrophe or hyphen is inside another word and :func:`runs`
    drops it, so whether it joins the next changes nothing.  (A combining mark before a word
    would pass for that word's start, and a mark inside a word for its start.)

    The plain scan is compiled for ``re``, which runs it about twice as fast: on plain text
    (:data:`~..twin.SAFE_CLASS`), ``\\p{Lu}`` and ``[\\p{L}\\p{M}]`` take the characters of
    ``_PLAIN_CAPITAL`` and ``_PLAIN_LETTER`` (no plain character is a combining mark) and
    ``\\b`` means the same to both engines.  ``re`` wants a look-behind of one width, so the
    look-behind for a kept stop, one of several words, is written as one look-behind per word:
    it holds when one of them does, as the look-behind of their alternation does.
    """
    kept = sorted(w for w in keep_stop if _keeps_stop(w + ".", keep_stop))
    if plain:
        letter = f"[{_PLAIN_LETTER}]"
        word = rf"[{_PLAIN_CAPITAL}]{letter}*+(?:['’\-]{letter}{letter}*+)*+"  # _WORD_ONCE
        stop_words = [*(re.escape(w) for w in kept), f"[{_PLAIN_CAPITAL}]"]
        after = rf"(?<![{_PLAIN_LETTER}'’\-])"  # the stop word is not inside another word
        stops = "|".join(f"(?<={after}{w})" for w in stop_words)
        joins = rf"(?:(?<!['’]s)|(?:{stops})\.) "
        return re.compile(rf"{word}(?:{joins}{word})*{_ENDING}")
    stops = "|".join([*(regex.escape(w) for w in kept), r"\p{Lu}"])
    joining = rf"(?:{_WORD_ONCE}(?<!['’]s)|(?:{stops})\.) (?=\p{{Lu}})"
    return regex.compile(rf"(?=\p{{Lu}})(?:{joining})*{_WORD_ONCE}{_ENDING}")


def _keeps_stop(text: str, keep_stop: frozenset[str]) -> bool:
    """Whether ``text`` is one word whose full stop :func:`token_at` keeps."""
    return _TOKEN.fullmatch(text) is not None and token_at(text, 0, len(text), keep_stop).stop


def run_tokens(view: str, start: int, end: int, keep_stop: frozenset[str]) -> list[Token]:
    """The words of the run matched at ``view[start:end]`` by :func:`run_pattern`, less a first
    word that is inside another (it breaks the run, and the words after it make their own)."""
    words = view[start:end].split(" ")
    if _inside_word(view, start):
        start += len(words[0]) + 1
        del words[0]
    run = []
    for word in words:
        run.append(_read(word, start, keep_stop))
        start += len(word) + 1
    return run


def runs(view: str, keep_stop: frozenset[str]) -> Iterator[list[Token]]:
    """Runs of capitalised words in ``view``; words with a stop in ``keep_stop`` keep it."""
    for m in run_matches(view, keep_stop):
        run = run_tokens(view, m.start(), m.end(), keep_stop)
        if run:
            yield run


def sentence_start(view: str, offset: int, floor: int = 0) -> bool:
    """True when ``offset`` begins a sentence: only quote marks, brackets or markup come between
    it and the start of its paragraph, the end of the previous sentence or a list marker.
    Markup within a sentence ("the <b>Prime Minister</b>", "the&nbsp;Prime Minister") starts
    none."""
    i = offset - 1
    while i >= floor and view[i] in " \t\"“‘'([\x00":
        i -= 1
    if i >= floor and view[i] in "-*•" and (i == floor or view[i - 1] in " \t\n\x00"):
        return True  # a list item run into the paragraph ("named: - President of ...")
    return i < floor or view[i] in "\n.!?:;…"


# Two capitals that are an acronym, not a person's initials written without stops ("JD Vance").
TWO_LETTER_ACRONYMS = frozenset(
    {"US", "UK", "UN", "EU", "MP", "PM", "DJ", "TV", "GP", "PC", "PR", "HR", "IT", "AI", "FA"}
    | {"FC", "RC", "NY", "LA", "DC", "OK", "ID"}
)


def given_name(word: str) -> bool:
    """Could ``word`` be a first name?  Not a title, a stop word, or an all-capital acronym;
    two capitals may be initials written without stops ("JD Vance")."""
    if word in NOT_GIVEN or word in TITLE_WORDS:
        return False
    if len(word) == 2 and word.isupper():
        return word not in TWO_LETTER_ACRONYMS
    return not (len(word) > 1 and word.isupper())


def surname(word: str) -> bool:
    """Could ``word`` be a surname?  Not a place or organisation word, not an acronym."""
    if word in NOT_SURNAME:
        return False
    return len(word) > 1 and not word.isupper()
