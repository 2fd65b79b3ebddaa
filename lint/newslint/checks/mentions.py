"""Reading the mentions of people in a draft: a surname and what stands around it.

A :class:`Mention` is a surname in the copy and the form it takes there.  The patterns here read
the words around a surname: whether it describes something ("the Blair government",
"anti-Trump"), or names another person ("Donald Trump Jr.") or a pageant's title ("Miss World").
"""

from __future__ import annotations

from typing import NamedTuple

from ..document import MASK
from ..patterns import WORDS_GAP, compiled
from .names import Token

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


def reach(view: str, start: int) -> int:
    """How far back "the" or "former" before ``start`` can begin: eight characters, or past
    masked markup."""
    return 64 if view[max(0, start - 2) : start].count(MASK) else 8


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
