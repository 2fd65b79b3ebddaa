"""Reading the mentions of people in a draft: a surname and what stands around it.

A :class:`Mention` is a surname in the copy and the form it takes there.  The patterns here read
the words around a surname: whether it describes something ("the Blair government",
"anti-Trump"), or names another person ("Donald Trump Jr.") or a pageant's title ("Miss World").
The functions read as one surname the words a run or a gap of markup splits ("von der Leyen",
"López Obrador", "Mr <b>Trump</b>"); those that need the rule's tables take them as arguments.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from ..document import MASK, Document
from ..patterns import WORDS_GAP, compiled
from .names import INNER_PARTICLES, Token, token_at, words_before

# Markup may stand between the words ("the <b>Trump</b> administration"): masks count as space
# beside at least one white-space character.
ATTRIBUTIVE = compiled(rf"(?:(?<![\w'’])(?:the|a|an|The|A|An|former|Former){WORDS_GAP}|/)$")
ATTRIBUTIVE_NOUN = compiled(
    rf"{WORDS_GAP}(?:family|families|household|brothers|sisters|twins|clan|dynasty|government|"
    r"administration|camp|era|years|doctrine|case|trial|estate|name|plan|budget|"
    r"lieutenant|loyalists?|allies|ally|aides?|supporters?|critics|campaign|advis[eo]rs?|team|"
    r"transition|spokes(?:man|woman|person)|associates?|organi[sz]ation|presidency|cabinet|"
    r"appointees?|nominees?|officials|lawyers|attorneys|foundation|rall(?:y|ies)|voters|"
    r"backers|policy|policies|agenda|tower|hotels?|properties|brand|businesses|presidential|"
    r"products)\b"
)
# A surname after a prefix ("anti-Trump", "pro-Donald Trump") describes something, as an
# adjective does: "an anti-Trump march".
PREFIXED = compiled(r"\p{Ll}-(?:\p{Lu}[\p{L}'’]*[ ])?\Z")
# Suffixes that make the name another person's: "Donald Trump Jr." is not "Donald Trump".
GENERATIONS = frozenset({"Jr", "Jnr", "Sr", "Snr", "II", "III", "IV"})
CAPITAL_AFTER = compiled(r" \p{Lu}")  # "Brown's Britain": a title of a work

# A capitalised word (perhaps with a full stop) and the gap after it, ending where the next word
# starts.  A run joins words by one space (which a line break inside a paragraph is, in the
# view); other gaps still read as one in the copy: markup masked between the words
# ("Mr <b>Trump</b>", "Mr *Trump*", "Mr&nbsp;Trump"), several spaces, a space and a break.
_WORD_BEFORE_GAP = compiled(
    r"(?<![\p{L}\p{M}\d'’.\-])(\p{Lu}[\p{L}\p{M}'’\-]*\.?)([ \t\n\x00]{2,200}|\x00)\Z"
)
GAP = frozenset(" \t\n\x00")

# What "Miss" names as a beauty pageant's title: the world, and the countries and states that
# hold one.
PAGEANTS = frozenset(
    """World Universe Earth International America Teen USA UK England Scotland Wales Ireland
    Britain France Germany Italy Spain Portugal Netherlands Belgium Switzerland Austria Poland
    Russia Ukraine Turkey Greece Israel Lebanon Egypt Nigeria Ghana Kenya Africa Ethiopia
    India Pakistan Bangladesh Nepal Sri Lanka China Japan Korea Philippines Thailand Vietnam
    Malaysia Singapore Indonesia Australia Zealand Canada Mexico Brazil Argentina Chile
    Colombia Venezuela Peru Ecuador Bolivia Paraguay Uruguay Cuba Jamaica Puerto Rico Iran
    Iraq Texas California Florida Alabama Georgia Ohio Virginia Iowa Montana Nevada""".split()  # noqa: SIM905
)


def after_gap(view: str, start: int) -> bool:
    """Whether the word at ``start`` follows masked text or more than one white-space
    character but a blank line, where :func:`word_before_gap` may join it to the word before."""
    if start < 2:
        return False
    before = view[start - 1]
    if before == MASK:
        return True
    other = view[start - 2]
    return before in GAP and other in GAP and (before != "\n" or other != "\n")


def joins_word_before(doc: Document, start: int) -> bool:
    """Whether :func:`word_before_gap` may join the word at ``start`` to a word before it: a
    gap stands before it, and a word (perhaps with a full stop) ends the gap in the same
    paragraph.  Most gaps in HTML open a paragraph after its tags; they join nothing."""
    if not after_gap(doc.view, start):
        return False
    floor = max(0, start - 240)
    before = doc.view[floor:start].rstrip(" \t\n\x00")
    if not before or not (before[-1].isalpha() or before[-1] == "."):
        return False
    return doc.same_paragraph(floor + len(before) - 1, start)


def reach(view: str, start: int) -> int:
    """How far back "the" or "former" before ``start`` can begin: eight characters, or past
    masked markup."""
    return 64 if view[max(0, start - 2) : start].count(MASK) else 8


def _one_surname(view: str, start: int, last: Token) -> Token:
    """The words from ``start`` to the word ``last`` as one surname ("von der Leyen")."""
    text = view[start : last.start] + last.text
    return Token(start, last.end, text, last.stop, last.possessive)


def compound_surname(
    view: str, run: list[Token], compound: frozenset[tuple[str, ...]]
) -> list[Token]:
    """``run`` with a listed surname of several capitalised words read as one word
    ("Andrés Manuel López Obrador", "Mr López Obrador")."""
    for k in range(min(len(run), 4), 1, -1):
        if tuple(t.text for t in run[-k:]) in compound:
            return [*run[:-k], _one_surname(view, run[-k].start, run[-1])]
    return run


def particle_surname(
    view: str, run: list[Token], particles: Mapping[int, int], honorifics: frozenset[str]
) -> list[Token]:
    """``run`` with a surname that particles open read as one word: "Ursula von der Leyen"
    and "Ms von der Leyen" (the particles between two runs), "Van Gaal" and "Herman Van
    Rompuy" (capitalised particles inside one)."""
    i = len(run) - 1
    while i > 0 and run[i - 1].text in INNER_PARTICLES and not run[i - 1].stop:
        i -= 1
    start = run[i].start
    before = run[:i]
    if i == 0 and start in particles:
        start = particles[start]
        before = words_before(view, start, honorifics)
    if start == run[-1].start:
        return run
    return [*before, _one_surname(view, start, run[-1])]


def word_before_gap(doc: Document, start: int, honorifics: frozenset[str]) -> Token | None:
    """The word that the copy reads as joined to the word at ``start`` though no run joins
    them: the gap between is masked markup or invisible characters, white space, or both,
    with at most one line break, inside one paragraph, and the word would join the next as
    a run's words do (no possessive, no full stop but one it keeps)."""
    view = doc.view
    if not after_gap(view, start):
        return None  # most words follow one space, which the run already read
    found = _WORD_BEFORE_GAP.search(view, max(0, start - 240), start)
    if found is None:
        return None
    if found.group(2).count("\n") > 1:
        return None  # a blank line
    # Masks alone ("Mr<b>Trump</b>", "Mr\u200bTrump") read "MrTrump": broken copy, but a
    # title all the same, which a fix must not write twice.
    word_start, word_end = found.span(1)
    if not doc.same_paragraph(word_start, start):
        return None
    token = token_at(view, word_start, word_end, honorifics)
    if token.possessive or (view[word_end - 1] == "." and not token.stop):
        return None
    return token


class Mention(NamedTuple):
    """A surname in the copy and its form: ``full``, ``titled``, ``honorific``, ``bare``.

    A named tuple, as :class:`~.names.Token` is: immutable and quick to make.
    """

    kind: str
    start: int  # of the whole mention: given name, courtesy title or surname
    surname: Token
    canon: str  # the surname as the house spells it
    honorific: Token | None = None
    given: str = ""
    attributive: bool = False  # "the Blair government"
