"""Very long word lists: only the tokens whose words a draft holds are compiled.

A trie-shaped regex (:mod:`.wordlist`) matches thousands of tokens in one pass, but compiling
one takes time and memory that grow with the list: for 100,000 tokens matched ignoring case,
``regex`` took minutes and gigabytes.  A :class:`Lexicon` files each literal token under the
rarest of its words (case-folded; rarest among the tokens) and, for each draft, compiles a
:class:`~.wordlist.WordList` of only the tokens filed under a word of the draft whose words
are all in the draft, plus those it cannot file (patterns, and tokens without a word
character).  A 3 KB draft asks for a handful of tokens.

This finds exactly what the whole list would.  With ``wholeword``, each run of word
characters in a literal token is a whole run of the text where the token matches: inside the
token it lies between the token's own characters that are not word characters (or the space
between its words), and at either end of the token between those and the word boundaries
``wholeword`` adds (the reasoning of ``WordList.first_words``).  Case-folded, the runs are the
same.  So a token one of whose words the draft lacks matches nowhere in it, and leaving it out
changes no match: of the tokens matching at a place the trie takes the longest, then the first
listed, and a smaller list keeps their order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import regex

from .base import is_literal
from .textwords import text_words
from .wordlist import WordList, compile_wordlist

LARGE = 2_000  # tokens (substitution keys, existence tokens) from which a list is a lexicon
_KEPT = 32  # compiled word lists kept, by the tokens they hold
_WORD = regex.compile(r"\w+", regex.V1)


def draft_words(view: str) -> frozenset[str]:
    """The case-folded runs of word characters of ``view``."""
    words = text_words(view)  # fast, for text of the usual characters
    if words is None:
        words = frozenset(_WORD.findall(view.casefold()))
    return words


class Lexicon:
    """What :func:`~.wordlist.compile_wordlist` of ``tokens`` finds (whole words only), for
    lists too long to compile whole.  :meth:`matches` gives each match with its token's
    index; :meth:`candidates` is ``WordList.candidates``."""

    def __init__(self, tokens: Sequence[str], ignorecase: Sequence[bool]) -> None:
        self.tokens = tuple(tokens)
        self.ignorecase = tuple(ignorecase)
        words: list[tuple[str, ...]] = []
        always: list[int] = []
        phrases: dict[str, list[int]] = {}
        seen: dict[str, int] = {}  # word -> how many tokens hold it
        for n, token in enumerate(self.tokens):
            if not token.strip():
                raise ValueError("an empty token matches nothing")
            held: tuple[str, ...] = ()
            if is_literal(token):
                held = tuple(dict.fromkeys(_WORD.findall(token.casefold())))
                phrases.setdefault(_phrase(token), []).append(n)
            if not held:
                always.append(n)
            for word in held:
                seen[word] = seen.get(word, 0) + 1
            words.append(held)
        buckets: dict[str, list[int]] = {}
        for n, held in enumerate(words):
            if held:
                rarest = min(held, key=lambda word: (seen[word], -len(word)))
                buckets.setdefault(rarest, []).append(n)
        self.words = tuple(words)
        self.buckets = {word: tuple(found) for word, found in buckets.items()}
        self.always = tuple(always)
        self.phrases = {key: tuple(found) for key, found in phrases.items()}
        self._lists: dict[tuple[int, ...], WordList] = {}
        if always:  # the patterns compile now, so that a bad one is reported when loading
            self._list(self.always)

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_lists"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _lists={})

    def _list(self, chosen: tuple[int, ...]) -> WordList:
        found = self._lists.get(chosen)
        if found is None:
            found = compile_wordlist(
                [self.tokens[n] for n in chosen],
                ignorecase=[self.ignorecase[n] for n in chosen],
            )
            if len(self._lists) >= _KEPT:
                self._lists.pop(next(iter(self._lists)))
            self._lists[chosen] = found
        return found

    def matches(self, view: str) -> Iterator[tuple[Any, int]]:
        """Each match in ``view``, with the index of its token."""
        buckets, words = self.buckets, self.words
        held = draft_words(view)
        chosen = set(self.always)
        for word in held:
            found = buckets.get(word)
            if found is not None:
                chosen.update(n for n in found if held.issuperset(words[n]))
        if not chosen:
            return
        ordered = tuple(sorted(chosen))
        matcher = self._list(ordered)
        for m in matcher.finditer(view):
            yield m, ordered[matcher.index(m)]

    def candidates(self, text: str) -> list[int]:
        """Indices of the tokens that may match all of ``text``: a superset, in token order."""
        found = set(self.phrases.get(_phrase(text), ()))
        found.update(n for n in self.always if not is_literal(self.tokens[n]))
        return sorted(found)


def _phrase(text: str) -> str:
    return " ".join(text.split()).casefold()
