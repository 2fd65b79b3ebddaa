"""Matching many tokens in one pass: literal words and phrases as a trie-shaped regex.

A house style lists thousands of words, names and phrases.  Written as one alternation
(``colour|color|...``) the regex engine tries every branch at every place in the text, so the
cost grows with the list.  Here the literal tokens become a trie (``co(?:lou?r|...)``): at each
place the engine follows one path, and the cost hardly depends on how many tokens there are.
Tokens that are patterns stay regexes and follow the trie as branches of their own.

The trie matches exactly what the plain alternation of :func:`~newslint.checks.base.token_pattern`
of each token would, tried longest literal first and then the patterns: of the tokens that match
at a place, the longest wins, and tokens of the same words in different capitalisation keep
their order.  Lists the trie cannot order that way (a literal token with spaces around or
doubled inside it) fall back to the plain alternation.
"""

from __future__ import annotations

import pickle
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from ..document import MASK
from ..patterns import WORDS_GAP, compiled
from ..twin import RE_PATTERN_TEXT, SAFE, UNSAFE, backtracks_safely, same_in_re
from .base import (
    compile_pattern,
    finditer,
    is_literal,
    time_left,
    token_pattern,
)
from .nearby import LOOK_BACK, stop_characters
from .patternsource import (
    MOST_REACH,
    ahead_needles,
    behind_width,
    factor_alternatives,
    look_widths,
    match_reach,
    token_sign,
)
from .textwords import PIECE, text_lower, text_pieces, text_runs, text_words

_WORD_CHAR = compiled(r"\w", regex.V0)
_LEFT = r"(?<![\w'’-])"
_RIGHT = r"(?![\w-])"
_GROUP = "newslint_t"
_SEP = " "  # the unit key of a run of spaces between two words of a phrase

_SAFE, _UNSAFE = SAFE, UNSAFE  # see ..twin
_RUN = re.compile(r"\w+")
FAST_AFTER = 50_000  # characters scanned before the ``re`` pattern is compiled
MOST_NEEDLES = 64  # strings looked for before a word list with patterns scans a text
# Characters of regular-expression syntax, which no literal token holds (see _in_pieces).
_STOP = re.compile(r"[.?()\[\]{}|*+^$\\]")
_RUN_AHEAD = 200  # characters free of other branches' matches that a branch scans alone
# Ignoring case, a word list matches with simple case folding, as ``re`` does: ``regex``'s
# full case folding (its default in V1, where "ß" matches "ss" and "ﬁ" matches "fi") compiles
# a long list to code about fifteen times the size, which a style loads at start-up.
_SIMPLE_CASE = "(?-f)"


def _mostly_plain(view: str) -> bool:
    """Whether at most half the pieces of ``view`` hold a character not SAFE: else the pieces
    that do are so many that searching the whole text on ``regex`` is quicker."""
    pieces = text_pieces(view)
    return 2 * sum(words is None for *_, words in pieces) <= len(pieces)


def _may_hold(seen: frozenset[str] | None, words: frozenset[str]) -> bool:
    """Whether a piece whose words are ``seen`` (``None``: not known) may hold one of
    ``words``."""
    return seen is None or not words.isdisjoint(seen)


def literal_body(token: str) -> str:
    """The regex of a literal token: its words escaped, any run of spaces between them."""
    return token_pattern(token, wholeword=False)


def priority(tokens: Sequence[str]) -> list[int]:
    """Token indices in the order an alternation tries them: longest literal, then patterns."""
    return sorted(range(len(tokens)), key=lambda n: (not is_literal(tokens[n]), -len(tokens[n])))


def _clean(token: str) -> bool:
    return is_literal(token) and token == " ".join(token.split())


class _Node:
    __slots__ = ("children", "terminals")

    def __init__(self) -> None:
        self.children: dict[str, tuple[str, _Node]] = {}  # key -> (regex of the unit, node)
        self.terminals: list[int] = []


@dataclass(frozen=True)
class WordList:
    """One compiled matcher for ``tokens``; ``ignorecase`` holds one flag per token.

    :meth:`finditer` finds what the plain alternation would; :meth:`index` says which token a
    match is of.  Instances pickle, so a compiled style can be cached.
    """

    tokens: tuple[str, ...]
    ignorecase: tuple[bool, ...]
    wholeword: bool = True
    source: str = field(init=False, repr=False, compare=False)
    flags: int = field(init=False, repr=False, compare=False)
    fast_source: str | None = field(init=False, repr=False, compare=False)
    fast_tries: str | None = field(init=False, repr=False, compare=False)
    first_words: frozenset[str] | None = field(init=False, repr=False, compare=False)
    needles: tuple[frozenset[str], tuple[str, ...]] | None = field(
        init=False, repr=False, compare=False
    )
    _compiled: Any = field(init=False, repr=False, compare=False)
    _literals: Any = field(init=False, repr=False, compare=False)  # folded text -> indices
    _singles: Any = field(init=False, repr=False, compare=False)
    _patterns: Any = field(init=False, repr=False, compare=False)  # indices not in the trie
    reach: tuple[int, int] | None = field(init=False, repr=False, compare=False)
    branches: tuple[str, ...] = field(init=False, repr=False, compare=False)
    bounded: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.ignorecase) != len(self.tokens):
            raise ValueError("one ignorecase flag per token")  # pragma: no cover
        order = priority(self.tokens)
        literals = [n for n in order if is_literal(self.tokens[n])]
        patterns = [n for n in order if not is_literal(self.tokens[n])]
        for n in literals:
            literal_body(self.tokens[n])  # an empty token is an error
        any_i = any(self.ignorecase)
        fold = _folder(any_i)
        branches: list[str] = []
        index: dict[str, list[int]] = {}
        fast = tries = None
        if all(_clean(self.tokens[n]) for n in literals):
            for word_start in (True, False):
                group = [n for n in literals if self._starts_word(n) == word_start]
                if group:
                    lead = _LEFT if word_start and self.wholeword else ""
                    branches.append(lead + self._trie(group, fold, any_i, regex.escape))
            for n in literals:
                index.setdefault(fold(self.tokens[n]), []).append(n)
            fast, tries = self._fast(literals, patterns) or (None, None)
        else:
            patterns = order  # the plain alternation, every token a named branch
        branches.extend(self._branch(n) for n in patterns)
        object.__setattr__(self, "source", "|".join(branches))
        object.__setattr__(self, "branches", tuple(branches))
        object.__setattr__(self, "flags", regex.V1 | (regex.IGNORECASE if any_i else 0))
        object.__setattr__(self, "fast_source", fast)
        object.__setattr__(self, "fast_tries", tries)
        object.__setattr__(self, "_literals", {k: tuple(v) for k, v in index.items()})
        in_trie = {n for v in index.values() for n in v}
        object.__setattr__(self, "_patterns", tuple(n for n in order if n not in in_trie))
        object.__setattr__(self, "_compiled", {})
        object.__setattr__(self, "_singles", {})
        object.__setattr__(self, "first_words", self._first_words())
        object.__setattr__(self, "needles", self._needles())
        reach = match_reach(fast) if fast else None
        object.__setattr__(self, "reach", reach if self.needles else None)
        object.__setattr__(self, "bounded", reach is not None)
        _ = self.pattern  # compile now, so that a bad pattern is reported when loading

    def __getstate__(self) -> dict[str, Any]:
        # A ``regex`` pattern pickles with its compiled code; an ``re`` pattern would be
        # compiled again on loading, so it is left out and compiled when a text needs it.
        # The whole pattern and the branches searched one by one (see :meth:`_by_branch`) are
        # kept compiled, as compiling a list's tries ignoring case costs a tenth of a second or
        # more; but pickled apart, as bytes loaded when first used: most drafts need neither
        # (the ``re`` pattern finds what they hold), and loading them with the style would
        # cost every run 10 ms and 10 MB for the built-in packs.  A list of one branch keeps
        # only the whole pattern, which is that branch.
        dropped = ("_compiled", "_singles")
        state = {k: v for k, v in self.__dict__.items() if k not in dropped}
        held = dict(self._compiled.get("pickled", ()))
        if "regex" not in held:
            held["regex"] = pickle.dumps(self.pattern, pickle.HIGHEST_PROTOCOL)
        if "branches" not in held and len(self.branches) > 1:
            held["branches"] = pickle.dumps(self._branches(False), pickle.HIGHEST_PROTOCOL)
        state["_compiled"] = {"pickled": held}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _singles={})

    def _unpickled(self, key: str) -> Any:
        """What :meth:`__getstate__` kept pickled under ``key``, loaded; ``None`` if nothing."""
        held = self._compiled.get("pickled")
        return pickle.loads(held[key]) if held and key in held else None

    @property
    def pattern(self) -> Any:
        """The compiled ``regex`` pattern: exact on any text."""
        compiled = self._compiled.get("regex")
        if compiled is None:
            compiled = self._unpickled("regex")
            if compiled is None:
                try:
                    compiled = _compile(self.source, self.flags)
                except (regex.error, TypeError) as exc:
                    raise ValueError(_first_error(self.tokens, exc)) from None
            self._compiled["regex"] = compiled
        return compiled

    @property
    def fast(self) -> Any:
        """The compiled ``re`` pattern of the trie, or ``None`` when there is none."""
        if self.fast_source is None:
            return None
        compiled = self._compiled.get("re")
        if compiled is None:
            compiled = self._compiled["re"] = re.compile(self.fast_source)
        return compiled

    def _first_words(self) -> frozenset[str] | None:
        """The first word of each token, when every token has one that a match must show whole.

        A match of a token that starts with a word, on text of :data:`SAFE` characters, starts
        a run of word characters equal (ignoring case) to the token's first word: the run ends
        where the token's word ends, at a space, punctuation or (a whole word) its end.  So a
        text without any of these words holds no match, and :meth:`finditer` skips it.
        """
        if not self.wholeword or self._patterns:
            return None
        words = set()
        for token in self.tokens:
            m = _RUN.match(token)
            if m is None or not _SAFE.fullmatch(token):
                return None
            words.add(m.group().casefold())
        return frozenset(words)

    def _needles(self) -> tuple[frozenset[str], tuple[str, ...]] | None:
        """What every match shows when :attr:`first_words` cannot say: the first word of a
        literal token (as in :meth:`_first_words`), or, lower-cased, a word of a literal token
        matched within words or the longest run of plain characters a pattern token must match
        (outside groups that repeat or branch).  On text of :data:`SAFE` characters, where
        ``lower`` pairs exactly the characters that match each other ignoring case, a text with
        none of the words and none of the strings holds no match."""
        if self.first_words is not None:
            return None
        words: set[str] = set()
        needles: set[str] = set()
        for token in self.tokens:
            sign = token_sign(token, wholeword=self.wholeword)
            if sign is None:
                return None
            kind, shown = sign
            (words if kind == "word" else needles).add(shown)
        kept = tuple(sorted(n for n in needles if not any(o in n for o in needles if o != n)))
        if len(kept) > MOST_NEEDLES:  # past that, scanning the text is cheaper
            return None
        return frozenset(words), kept

    def _starts_word(self, n: int) -> bool:
        return bool(_WORD_CHAR.match(self.tokens[n][0]))

    def _branch(self, n: int) -> str:
        """The named branch of a pattern token (or of any token, in the plain alternation)."""
        inline = "?i" if self.ignorecase[n] else "?-i"
        body = factor_alternatives(token_pattern(self.tokens[n], wholeword=self.wholeword))
        return f"(?P<{_GROUP}{n}>({inline}:{body}))"

    def _fast(self, literals: list[int], patterns: list[int]) -> tuple[str, str | None] | None:
        """The same matcher for the ``re`` engine, which scans much faster, when it is exact.

        It is exact for tokens of :data:`SAFE` characters (matched against text of them alone,
        see :meth:`finditer`), when no lower-case token and capitalised token can match at the
        same place: then the two kinds become separate tries and their order does not matter;
        and when every pattern token means the same to ``re``: it compiles there without a
        warning (``re`` warns where ``regex`` reads nested sets or set operations).  ``re``
        cannot be stopped, so pattern tokens must also be ones it cannot backtrack on for long
        (:func:`~newslint.twin.backtracks_safely`).  With the source comes that of its tries
        alone (``None`` without literal tokens), which :meth:`_by_branch` runs on ``re``.
        """
        if not all(_SAFE.fullmatch(self.tokens[n]) for n in (*literals, *patterns)):
            return None
        tail = [self._branch(n) for n in patterns]
        if not all(_same_in_re(branch) for branch in tail):
            return None
        for n in patterns:
            if not backtracks_safely(self.tokens[n], re.IGNORECASE if self.ignorecase[n] else 0):
                return None
        folded = {n: self.tokens[n].casefold() for n in literals}
        kinds = {True: [n for n in literals if self.ignorecase[n]], False: []}
        kinds[False] = [n for n in literals if not self.ignorecase[n]]
        if kinds[True] and kinds[False]:
            lower = {folded[n] for n in kinds[True]}
            upper = {folded[n] for n in kinds[False]}
            if _prefix_related(lower, upper) or _prefix_related(upper, lower):
                return None
        branches = []
        for ignore, group in kinds.items():
            fold = _folder(ignore)
            for word_start in (True, False):
                part = [n for n in group if self._starts_word(n) == word_start]
                if part:
                    lead = _LEFT if word_start and self.wholeword else ""
                    trie = self._trie(part, fold, False, re.escape)
                    branches.append(f"(?{'i' if ignore else '-i'}:{lead}{trie})")
        source = "|".join(branches + tail)
        return (source, "|".join(branches) or None) if _same_in_re(source) else None

    def _trie(self, group: list[int], fold: Any, checks: bool, escape: Any) -> str:
        root = _Node()
        for n in group:
            node = root
            for unit in _units(self.tokens[n]):
                key = _SEP if unit == _SEP else fold(unit)
                if key not in node.children:
                    node.children[key] = (WORDS_GAP if unit == _SEP else escape(unit), _Node())
                node = node.children[key][1]
            node.terminals.append(n)
        return self._emit(root, checks)

    def _emit(self, node: _Node, checks: bool) -> str:
        parts = []
        for unit, child in node.children.values():
            parts.append(unit + self._emit(child, checks))
        for n in node.terminals:
            token = self.tokens[n]
            check = ""
            if checks and not self.ignorecase[n]:
                check = f"(?<=(?-i:{literal_body(token)}))"
            right = _RIGHT if self.wholeword and _WORD_CHAR.match(token[-1]) else ""
            parts.append(check + right)
        if len(parts) == 1:
            return parts[0]
        return "(?:" + "|".join(parts) + ")"

    def finditer(self, view: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        """The non-overlapping matches in ``view[pos:endpos]``, as regex match objects."""
        end = len(view) if endpos is None else endpos
        windows = None  # the lower-cased text, when only the needles' neighbourhoods are searched
        pieces = False  # whether only the pieces where a match may start are searched
        if pos == 0 and end == len(view) > 2 * PIECE and self._between_stops_fits(view):
            return self._between_stops(view)
        if self.first_words is not None:
            words = text_words(view)
            if words is not None and self.first_words.isdisjoint(words):
                return iter(())
            safe = words is not None
            # A long text is searched in pieces, on ``re`` where they are plain (_in_pieces).
            whole = pos == 0 and end == len(view) > 2 * PIECE and (safe or _mostly_plain(view))
            if whole and self.fast_source is not None and self._worth_fast(end):
                return self._in_pieces(view, self.first_words)
        elif self.needles is not None and (seen := text_words(view)) is not None:
            words, needles = self.needles
            if words.isdisjoint(seen):
                lowered = text_lower(view)
                if not any(needle in lowered for needle in needles):
                    return iter(())
                windows = lowered if self.reach is not None else None
            elif pos == 0 and end == len(view) > 2 * PIECE and self.reach is not None:
                pieces = True
            safe = True
        elif (
            self.needles is not None
            and self.reach is not None
            and self.fast_source is not None
            and pos == 0
            and end == len(view) > 2 * PIECE
            and len(text_lower(view)) == len(view)  # so the offsets of both texts agree
            and _mostly_plain(view)
            and self._worth_fast(end)
        ):
            # A long text that is not all plain, searched as a plain one is but for its pieces
            # that are not, which are searched whole.
            words = self.needles[0]
            if all(seen is None or words.isdisjoint(seen) for *_, seen in text_pieces(view)):
                return self._windowed(view, text_lower(view), pos, end)
            return self._near_signs(view)
        else:
            safe = self.fast_source is not None and _UNSAFE.search(view, pos, end) is None
        # ``re`` runs a rule's own patterns only when they cannot backtrack for long (see
        # _fast): on text short enough, or where no match looks further than ``MOST_REACH``
        # characters, so that no search can take long whatever the text's length; otherwise
        # ``regex`` stops them when their time is up (the literal tokens stay on ``re``).
        timed = (
            bool(self._patterns)
            and end - pos > RE_PATTERN_TEXT
            and not self.bounded
            and time_left() is not None
        )
        fast = safe and self.fast_source is not None and self._worth_fast(end - pos)
        if fast and not timed:
            if windows is not None:
                return self._windowed(view, windows, pos, end)
            if pieces:
                return self._near_signs(view)
            return self.fast.finditer(view, pos, end)  # type: ignore[no-any-return]
        return self._by_branch(view, pos, end, tries=fast and self.fast_tries is not None)

    def _by_branch(self, view: str, pos: int, end: int, *, tries: bool) -> Iterator[Any]:
        """What ``finditer(self.pattern, view, pos, end)`` finds, each branch searched alone.

        ``regex`` looks for what a lone pattern must show ("iz" in "(?:real|civil)iz(e|ed)")
        and leaps there; an alternation of such patterns is tried at every place, and costs
        a hundred times as much on a long text.  The alternation's next match is the earliest
        of its branches' next matches, the first branch of those starting at the same place:
        each branch keeps its next match, searched again only once the scan has passed its
        start.  An empty match hands the rest of the scan to the whole pattern, which reads
        one after an empty match as the branches alone cannot.  Each search has the time left
        to the rule searching (see :func:`~.base.time_limit`), whenever the scan is read.

        With ``tries`` (on SAFE text, see :meth:`_fast`) the literal tokens are one branch on
        ``re``: the tries of :attr:`fast_source`, which finds there what the whole pattern
        finds, and cannot backtrack for long whatever the text's length.
        """
        branches = self._branches(tries)
        if len(branches) == 1:  # the alternation is its one branch: a scan of it is the answer
            needles = self._ahead_needles(self._patterns[0]) if self._patterns else ()
            if needles and max(view.rfind(needle, pos, end) for needle in needles) < pos:
                return
            yield from _finditer(branches[0], view, pos, end)
            return
        search = [_branch_search(single, view, end) for single in branches]
        ahead: list[Any] = [None] * len(branches)  # each branch's next match, None when unknown
        done = [False] * len(branches)
        # Where the last of what a branch's every match shows is (see ahead_needles): no match
        # of it starts after that.  A draft without "(sic)" is never scanned for "(sic)".
        last = [end] * len(branches)
        first_pattern = len(branches) - len(self._patterns)
        for k, n in enumerate(self._patterns, first_pattern):
            needles = self._ahead_needles(n)
            if needles:
                last[k] = max(view.rfind(needle, pos, end) for needle in needles)
        while pos <= end:
            best, first = None, 0
            for k in range(len(branches)):
                m = ahead[k]
                if (m is None or m.start() < pos) and not done[k]:
                    m = ahead[k] = search[k](pos) if pos <= last[k] else None
                    done[k] = m is None
                if m is not None and (best is None or m.start() < best.start()):
                    best, first = m, k
            if best is None:
                return
            if best.end() == best.start():
                yield from finditer(self.pattern, view, pos, end)
                return
            yield best
            pos = best.end()
            # Up to the next match of another branch, the scan is this branch's own: its
            # matches are read in one ``finditer``, not searched for one by one.
            limit = min(
                (m.start() for k, m in enumerate(ahead) if k != first and m is not None),
                default=end + 1,
            )
            if limit - pos < _RUN_AHEAD or pos > last[first]:
                continue
            ahead[first] = None
            alone = search[first]
            run = alone.run(pos) if isinstance(alone, _Searches) else None
            for m in run or _finditer(branches[first], view, pos, end):
                if m.start() >= limit or m.end() == m.start():
                    ahead[first] = m
                    break
                yield m
                pos = m.end()
            else:
                done[first] = True

    def stops(self) -> str:
        """:func:`~.nearby.stop_characters` of :attr:`source`."""
        stops: str | None = self._compiled.get("stops")
        if stops is None:
            stops = self._compiled["stops"] = stop_characters(self.source)
        return stops

    def _ahead_needles(self, n: int) -> tuple[str, ...]:
        """:func:`ahead_needles` of the pattern token ``n`` matched with case, else none."""
        known: dict[int, tuple[str, ...]] = self._compiled.setdefault("ahead", {})
        needles = known.get(n)
        if needles is None:
            needles = known[n] = () if self.ignorecase[n] else ahead_needles(self.tokens[n])
        return needles

    def _branches(self, tries: bool) -> list[Any]:
        """The compiled branches of :attr:`source`, or with ``tries`` the ``re`` tries and the
        branches of the pattern tokens."""
        key = "tries" if tries else "branches"
        branches: list[Any] | None = self._compiled.get(key)
        if branches is None:
            if tries:
                assert self.fast_tries is not None
                rest = self.branches[len(self.branches) - len(self._patterns) :]
                branches = [re.compile(self.fast_tries)]
                branches += [_compile(branch, self.flags) for branch in rest]
            elif len(self.branches) == 1:  # the whole pattern is its one branch
                branches = [self.pattern]
            else:
                branches = self._unpickled(key) or [
                    _compile(branch, self.flags) for branch in self.branches
                ]
            self._compiled[key] = branches
        return branches

    def _in_pieces(self, view: str, first_words: frozenset[str]) -> Iterator[Any]:
        """What ``self.fast.finditer(view)`` finds, searching only the pieces of a long text
        (see :func:`text_pieces`) that hold the first word of a token, as a short one is
        searched only when it holds one.

        A match shows its token's first word in the piece where it starts, so no match
        starts in another piece.  A run of pieces with first words is searched up to the
        first :data:`_STOP` character past it: no literal token holds one, nor the space
        between its words, so every attempt to match before it reads no character after it
        (a token's end looks one character ahead), and cutting the text there changes nothing.
        A piece that is not plain is searched whatever its words (see :meth:`_region`).
        """
        pieces = text_pieces(view)
        done = 0  # the end of the last match
        i = 0
        while i < len(pieces):
            start, _, words = pieces[i]
            i += 1
            if words is not None and first_words.isdisjoint(words):
                continue
            while i < len(pieces) and _may_hold(pieces[i][2], first_words):
                i += 1
            stop = _STOP.search(view, pieces[i - 1][1])
            cut = stop.end() if stop else len(view)
            for m in self._region(view, max(start, done), cut):
                yield m
                done = m.end()

    def _near_signs(self, view: str) -> Iterator[Any]:
        """What ``self.fast.finditer(view)`` finds in a long text, searching only where a
        match may start, as a short text is searched only when it holds what a match shows
        (see :attr:`needles`): the pieces (see :func:`text_pieces`) that hold a literal
        token's first word, where such a match starts, and the windows of :meth:`_windowed`
        before each needle and around each piece that is not plain.
        """
        return self._windowed(view, text_lower(view), 0, len(view), words=True)

    def _stops(self) -> tuple[str, Any, int] | None:
        """The stop characters of :attr:`fast_source` (see :func:`~.nearby.stop_characters`),
        a pattern finding them, and how far past the end of what a match takes in it may
        look (a look-ahead's widest reach, else, past the stop characters no look-ahead
        matches, none); ``None`` when there are none."""
        known = self._compiled.get("stops_ahead", False)
        if known is False:
            from re import _parser  # type: ignore[attr-defined]

            known = None
            source = self.fast_source or ""
            stops = stop_characters(source) if source else ""
            ahead = look_widths(_parser.parse(source), ahead=True) + 2 if stops else 0
            if not stops or ahead > MOST_REACH:
                # no look-ahead reads past a stop character: one more for "$" and "\b"
                stops, ahead = (stop_characters(source, ahead=True) if source else ""), 2
            if stops:
                known = (stops, re.compile(f"[{re.escape(stops)}]"), ahead)
            self._compiled["stops_ahead"] = known
        return known  # type: ignore[no-any-return]

    def _between_stops_fits(self, view: str) -> bool:
        """Whether :meth:`_between_stops` searches the long ``view``: a list that shows
        needles but whose reach is not bounded, with stop characters, on text whose pieces are
        mostly plain and which lowers letter for letter."""
        return (
            self.first_words is None
            and self.needles is not None
            and self.fast_source is not None
            and self.reach is None
            and self._stops() is not None
            and _mostly_plain(view)
            and len(text_lower(view)) == len(view)  # so the offsets of both texts agree
            and self._worth_fast(len(view))
        )

    def _between_stops(self, view: str) -> Iterator[Any]:
        """What ``self.pattern.finditer(view)`` finds in a long text, searching only between
        the stop characters around the pieces (see :func:`text_pieces`) where a match may be.

        A match shows a literal token's first word in the piece where it starts, or one of
        the needles; a piece that is not plain may hold a match that shows neither.  No match
        takes in a stop character, so each match lies between two of them, and a scan begun
        just past one (or where the last search stopped) finds what the whole scan finds from
        there on (see :mod:`.nearby`).  So each run of such pieces is searched from just past
        the last stop character before it to the first one after it, and as many characters
        more as a look-ahead reads; a match found starting past that stop is left to the next
        search.
        """
        assert self.needles is not None
        known = self._stops()
        assert known is not None
        stops, stop, ahead = known
        words, needles = self.needles
        pieces = text_pieces(view)
        starts = [start for start, _, _ in pieces]
        chosen = [_may_hold(seen, words) for _, _, seen in pieces]
        lowered = text_lower(view)
        for needle in needles:
            at = lowered.find(needle)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                chosen[k] = True
                at = lowered.find(needle, pieces[k][1])
        done = 0  # where the last search stopped: just past a stop character, or 0
        i = 0
        while i < len(pieces):
            if not chosen[i]:
                i += 1
                continue
            first = i
            while i < len(pieces) and chosen[i]:
                i += 1
            a, e = pieces[first][0], pieces[i - 1][1]
            if e <= done:
                continue
            if a > done:  # no stop character near: from where the last search stopped
                lo = max(done, a - LOOK_BACK)
                a = max(view.rfind(ch, lo, a) for ch in stops) + 1 or done
            a = max(a, done)
            after = stop.search(view, e - 1)
            b = after.end() if after else len(view)
            for m in self._segment(view, a, min(b + ahead, len(view))):
                if m.start() >= b:
                    break
                yield m
            done = b

    def _segment(self, view: str, pos: int, end: int) -> Iterator[Any]:
        """What ``self.pattern.finditer(view, pos, end)`` finds, as :meth:`_region` finds it,
        but on ``regex`` for text longer than ``re`` may search with patterns unbounded in
        reach while the rule has a time limit."""
        timed = (
            bool(self._patterns)
            and not self.bounded
            and end - pos > RE_PATTERN_TEXT
            and time_left() is not None
        )
        if not timed:
            return self._region(view, pos, end)
        tries = self.fast_tries is not None and self._plain(view, pos, end)
        return self._by_branch(view, pos, end, tries=tries)

    def _region(self, view: str, pos: int, end: int) -> Iterator[Any]:
        """What ``self.pattern.finditer(view, pos, end)`` finds: on ``re`` where every
        character the search may read is SAFE (from the widest look-behind before ``pos``),
        else branch by branch on ``regex`` (see :meth:`_by_branch`)."""
        if self._plain(view, pos, end):
            return self.fast.finditer(view, pos, end)  # type: ignore[no-any-return]
        return self._by_branch(view, pos, end, tries=False)

    def _plain(self, view: str, pos: int, end: int) -> bool:
        """Whether a search of ``view[pos:end]`` reads only SAFE characters, from the widest
        look-behind of :attr:`fast` before ``pos``."""
        if text_runs(view) is not None:
            return True
        behind: int | None = self._compiled.get("behind")
        if behind is None:
            assert self.fast_source is not None
            behind = self._compiled["behind"] = behind_width(self.fast_source)
        return _UNSAFE.search(view, max(0, pos - behind), end) is None

    def _windowed(
        self, view: str, lowered: str, pos: int, end: int, *, words: bool = False
    ) -> Iterator[Any]:
        """What ``self.fast.finditer(view, pos, end)`` finds, searching only near the needles.

        Used where no literal word of the list is in the text, so every match shows one of
        the needles and starts at most ``hi`` characters before it (``hi``, the widest match).
        Other places cannot start a match and are skipped.  A search for a match starting at
        or before ``b`` looks at no character past ``b + reach`` (the widest match, plus every
        look-around, plus one for a word boundary), so cutting the text there changes nothing
        about it; a match found further on is left to the window it belongs to.  On text that
        is not plain, each piece that is not is a window too, from ``hi`` characters before it.
        With ``words``, so is each piece that holds the first word of a literal token, where
        a match of it starts.
        """
        assert self.needles is not None and self.reach is not None
        hi, reach = self.reach
        starts: list[tuple[int, int]] = []
        if words:
            first = self.needles[0]
            for start, stop, seen in text_pieces(view):
                if seen is not None and not first.isdisjoint(seen) and stop > pos and start < end:
                    starts.append((max(start, pos), min(stop, end)))
        for needle in self.needles[1]:
            at = lowered.find(needle, pos, end)
            while at >= 0:
                starts.append((max(at - hi, pos), at))
                at = lowered.find(needle, at + 1, end)
        if text_runs(view) is None:  # a piece that is not plain may hold a match without one
            for start, stop, seen in text_pieces(view):
                if seen is None and stop > pos and start < end:
                    starts.append((max(start - hi, pos), min(stop, end)))
        starts.sort()
        cur = pos
        for a, b in starts:
            a = max(a, cur)
            if a > b:
                continue
            for m in self._region(view, a, min(b + reach, end)):
                if m.start() > b:
                    break
                yield m
                cur = m.end()

    def _worth_fast(self, length: int) -> bool:
        """Whether to scan with the ``re`` pattern: once it is compiled, or once enough text
        has been scanned that compiling it pays (a one-draft run keeps the loaded pattern)."""
        if "re" in self._compiled:
            return True
        scanned: int = self._compiled.get("scanned", 0) + length
        self._compiled["scanned"] = scanned
        return scanned >= FAST_AFTER

    def index(self, m: Any) -> int:
        """The index in :attr:`tokens` of the token that the match ``m`` is of."""
        name = m.lastgroup
        if name is not None and name.startswith(_GROUP):
            return int(name[len(_GROUP) :])
        named = [k for k, v in m.groupdict().items() if k.startswith(_GROUP) and v is not None]
        if named:
            return int(named[0][len(_GROUP) :])
        text = m.group()
        fold = _folder(any(self.ignorecase))
        candidates: tuple[int, ...] = self._literals.get(fold(_phrase(text)), ())
        for n in (*candidates, *priority(self.tokens)):
            if self._single(n).fullmatch(text):
                return n
        raise LookupError(f"no token matches {text!r}")  # pragma: no cover

    def candidates(self, text: str) -> list[int]:
        """Indices of the tokens that may match all of ``text``: a superset, in token order."""
        if not self._literals:
            return list(range(len(self.tokens)))
        fold = _folder(any(self.ignorecase))
        found = set(self._literals.get(fold(_phrase(text)), ()))
        return sorted(found.union(self._patterns))

    def _single(self, n: int) -> Any:
        single = self._singles.get(n)
        if single is None:
            flags = regex.V1 | (regex.IGNORECASE if self.ignorecase[n] else 0)
            single = _compile(token_pattern(self.tokens[n], wholeword=False), flags)
            self._singles[n] = single
        return single


def _compile(source: str, flags: int) -> Any:
    """``source`` compiled with ``flags``, with simple case folding (see :data:`_SIMPLE_CASE`)."""
    return regex.compile(_SIMPLE_CASE + source, flags)


def _first_error(tokens: Sequence[str], error: Exception) -> str:
    for token in tokens:
        try:
            compile_pattern(token_pattern(token))
        except ValueError as exc:
            return str(exc)
    return f"invalid regular expression: {error}"  # pragma: no cover


class _Searches:
    """The searches of one branch pattern in one whole view, kept for the other word lists
    that hold the same branch (a pack's spelling rules share their exceptions but one).

    The match a search from ``pos`` finds is the one starting first at or after ``pos``, and
    the match starting at a place does not depend on where the search began: so a search from
    ``pos`` that found a match starting at ``s`` answers every search from ``pos`` to ``s``
    (and one that found nothing, every search from ``pos`` on).
    """

    __slots__ = ("_at", "_chain", "_more", "_start", "froms", "pattern", "results", "view")

    def __init__(self, pattern: Any, view: str) -> None:
        self.pattern, self.view = pattern, view
        self.froms: list[int] = []  # where each search began, in order
        self.results: list[Any] = []  # what it found
        self._chain: list[Any] = []  # the branch's own matches, one after another
        self._at: dict[int, int] = {}  # where a scan of them begins -> its first in _chain
        self._more: Iterator[Any] | None = None  # the scan that finds the rest of _chain
        self._start = 0  # where the kept scan began

    def run(self, pos: int) -> Iterator[Any]:
        """``pattern.finditer(view, pos)``: the branch's matches one after another.  The first
        scan is kept, and a later one that begins where it began, or where one of its matches
        ends, reads it (a match ending there is followed by what a scan from there finds)."""
        if not self._at:
            self._at[pos], self._start = 0, pos
            self._more = _finditer(self.pattern, self.view, pos, len(self.view))
        i = self._at.get(pos)
        if i is None:
            return _finditer(self.pattern, self.view, pos, len(self.view))
        return self._read(i)

    def _read(self, i: int) -> Iterator[Any]:
        chain = self._chain
        while True:
            if i < len(chain):
                if chain[i] is None:
                    return
                yield chain[i]
                i += 1
                continue
            more = self._more
            if more is None:  # stopped by a time limit: a scan of its own goes on
                rest = chain[-1].end() if chain else self._start
                yield from _finditer(self.pattern, self.view, rest, len(self.view))
                return
            try:
                m = next(more, None)
            except BaseException:  # out of time: the next reader scans from the last match
                self._more = None
                raise
            if m is None:
                chain.append(None)  # no more matches, whoever reads
                self._more = None
                return
            chain.append(m)
            if m.end() > m.start():
                self._at.setdefault(m.end(), len(chain))
            else:  # what follows an empty match is not what a scan from its end finds
                self._more = None
            yield m
            i += 1

    def __call__(self, pos: int) -> Any:
        i = bisect_right(self.froms, pos) - 1
        if i >= 0:
            m = self.results[i]
            if m is None or pos <= m.start():
                return m
        m = _search(self.pattern, self.view, pos, len(self.view))
        self.froms.insert(i + 1, pos)
        self.results.insert(i + 1, m)
        return m


# The branch searches of the last view (see _Searches), replaced whole for a new view.
_last_searches: tuple[Any, dict[tuple[type, str, int], _Searches]] = (None, {})


def _search(pattern: Any, view: str, pos: int, end: int) -> Any:
    """``pattern.search(view, pos, end)``: an ``re`` pattern as it is, a ``regex`` one within
    the time left to the rule."""
    if isinstance(pattern, re.Pattern):
        return pattern.search(view, pos, end)
    return pattern.search(view, pos, end, timeout=time_left())


def _finditer(pattern: Any, view: str, pos: int, end: int) -> Iterator[Any]:
    """``pattern.finditer(view, pos, end)``, as :func:`_search` searches."""
    if isinstance(pattern, re.Pattern):
        return pattern.finditer(view, pos, end)
    return finditer(pattern, view, pos, end)


def _branch_search(pattern: Any, view: str, end: int) -> Any:
    """A function from ``pos`` to ``pattern.search(view, pos, end)``, within the time left."""
    global _last_searches
    if end != len(view):
        return lambda pos: _search(pattern, view, pos, end)
    last = _last_searches
    if last[0] is not view:
        last = _last_searches = (view, {})
    key = (type(pattern), pattern.pattern, pattern.flags)
    searches = last[1].get(key)
    if searches is None:
        searches = last[1][key] = _Searches(pattern, view)
    return searches


def _same_in_re(source: str) -> bool:
    return same_in_re(source)


def _prefix_related(short: set[str], long: set[str]) -> bool:
    """True when a string of ``short`` starts one of ``long`` (or equals it)."""
    return any(text[:k] in short for text in long for k in range(1, len(text) + 1))


def _phrase(text: str) -> str:
    """Matched text as a literal token's key has it: markup left out, one space between words."""
    return " ".join(text.replace(MASK, "").split())


def _units(token: str) -> Iterator[str]:
    for i, word in enumerate(token.split()):
        if i:
            yield _SEP
        yield from word


def _folder(ignorecase: bool) -> Any:
    return str.casefold if ignorecase else _same


def _same(text: str) -> str:
    return text


def compile_wordlist(
    tokens: Sequence[str], *, ignorecase: bool | Sequence[bool], wholeword: bool = True
) -> WordList:
    """A :class:`WordList` of ``tokens``; ``ignorecase`` for all of them or one flag each."""
    flags = (
        tuple(bool(f) for f in ignorecase)
        if not isinstance(ignorecase, bool)
        else (ignorecase,) * len(tokens)
    )
    return WordList(tuple(tokens), flags, wholeword)
