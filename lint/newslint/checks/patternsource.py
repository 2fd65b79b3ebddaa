"""Reading a pattern's source: what every match of a token must show (the literal it holds, the
strings its final look-ahead needs, the word or text a plain draft shows), how far a match may
reach and look, and the source rewritten for speed without changing a match."""

from __future__ import annotations

import re
from typing import Any

from ..twin import SAFE, same_in_re
from .base import is_literal
from .nearby import children

_SAFE = SAFE  # see ..twin
_RUN = re.compile(r"\w+")


def _in_sequence(source: str) -> list[tuple[Any, Any]] | None:
    """The items of the ``re`` pattern ``source`` in sequence, with the items of its groups
    (``SUBPATTERN``) in place of each group; ``None`` when ``re`` cannot read it."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    try:
        items = list(_parser.parse(source))
    except Exception:
        return None
    out = []
    stack = items[::-1]
    while stack:
        op, av = stack.pop()
        if op is c.SUBPATTERN:
            stack.extend(list(av[3])[::-1])
        else:
            out.append((op, av))
    return out


def required_literal(source: str) -> str:
    """The longest run of literal characters that every match of the ``re`` pattern ``source``
    shows, found among its items in sequence (groups that neither repeat nor branch are looked
    into); ``""`` when there is none or ``re`` cannot read it."""
    from re import _constants as c  # type: ignore[attr-defined]

    items = _in_sequence(source)
    if items is None:
        return ""
    best, run = "", ""
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the characters either side are still next to each other
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and _one_literal(av[2]):
            # ``x{2,}``: a match shows at least two x, next to what comes before and (the last
            # two of them) next to what comes after.
            low, high, body = av
            repeated = chr(next(iter(body))[1]) * low
            run += repeated
            if high != low:
                best = max(best, run, key=len)
                run = repeated
        else:
            run = ""
        best = max(best, run, key=len)
    return best


#: The widest reach of a list scanned in windows; wider lists are scanned whole.
MOST_REACH = 256


def match_reach(source: str) -> tuple[int, int] | None:
    """The widest match of the ``re`` pattern ``source``, and how far past the start of an
    attempt it may look: that width, the widths of all its look-aheads (a look-behind looks
    only before the place it is tried), and two characters for ``\\b`` and ``$``; ``None``
    when that is unbounded or large, or when the pattern can match an empty string."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        tree = _parser.parse(source)
    except Exception:
        return None
    low, high = tree.getwidth()
    if low == 0:
        return None
    # a look-behind looks only back, but may hold a look-ahead
    total = high + look_widths(tree, ahead=True) + 2
    return (high, total) if total <= MOST_REACH else None


def behind_width(source: str) -> int:
    """How far before the start of an attempt the ``re`` pattern ``source`` may look: the
    widths of all its look-behinds, and one character for ``\\b``."""
    from re import _parser  # type: ignore[attr-defined]

    return 1 + look_widths(_parser.parse(source), ahead=False)


def look_widths(tree: Any, *, ahead: bool) -> int:
    """The widest reach of every look-ahead (or, not ``ahead``, every look-behind) in the
    parsed ``re`` pattern ``tree``, summed, nested ones included."""
    from re import _constants as c  # type: ignore[attr-defined]

    looks = 0
    stack = list(tree)
    while stack:
        op, av = stack.pop()
        if op in (c.ASSERT, c.ASSERT_NOT) and (av[0] > 0) == ahead:
            looks += av[1].getwidth()[1]
        stack.extend(children(op, av))
    return looks


def _one_literal(body: Any) -> bool:
    from re import _constants as c  # type: ignore[attr-defined]

    items = list(body)
    return len(items) == 1 and items[0][0] is c.LITERAL


def without_lookarounds(source: str) -> str:
    """``source`` without its look-ahead and look-behind groups: it matches what ``source``
    matches, and more."""
    out = []
    i = 0
    while i < len(source):
        if source.startswith(("(?=", "(?!", "(?<=", "(?<!"), i) and not _in_class(source, i):
            i = _group_end(source, i)
            continue
        if source[i] == "\\":
            out.append(source[i : i + 2])
            i += 2
            continue
        out.append(source[i])
        i += 1
    return "".join(out)


# Inline flags or groups required_literal cannot read, and regex's fuzzy matching ("{e<=1}").
_FLAGGED = re.compile(r"\(\?(?![:=!>]|<[=!]|P<)|\{[^\d}]")


def ahead_needles(token: str) -> tuple[str, ...]:
    """Strings one of which every match of the pattern ``token`` (matched with case) shows at or
    after its start, in what it matches or in the look-ahead that ends it ("(sic)" and "[sic]"
    for ``\\w+(?=\\s+[(\\[]sic[)\\]])``); none when nothing is known, or when the match
    itself shows a literal (``regex`` leaps to it at no cost).  The look-ahead that ends the
    pattern reads on from where the match ends, so the match and what it reads there match the
    pattern with that look-ahead made a group; other look-arounds are left out, and Unicode
    properties read as ``\\w``, a class (it shows no literal)."""
    if is_literal(token) or _FLAGGED.search(without_properties(token)):
        return ()
    final = _final_lookahead(token)
    if final < 0:
        return ()
    matched = without_properties(without_lookarounds(token[:final]))
    if not same_in_re(matched) or required_literal(matched):
        return ()  # what the match itself shows, regex leaps to: looking for it costs more
    source = token[:final] + "(?:" + token[final + 3 :]
    words = without_properties(without_lookarounds(source))
    return _required_strings(words) if same_in_re(words) else ()


def _required_strings(source: str) -> tuple[str, ...]:
    """As :func:`required_literal`, but a set of at most four literal characters stands for
    each of them: the strings, all as long, one of which every match of ``source`` shows."""
    from re import _constants as c  # type: ignore[attr-defined]

    items = _in_sequence(source)
    if items is None:
        return ()
    best: list[str] = [""]
    run: list[str] = [""]
    for op, av in items:
        if op is c.LITERAL:
            run = [r + chr(av) for r in run]
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and _one_literal(av[2]):
            low, high, body = av
            repeated = chr(next(iter(body))[1]) * low
            run = [r + repeated for r in run]
            if high != low:
                best = max(best, run, key=lambda strings: len(strings[0]))
                run = [repeated]
        elif op is c.IN and all(kind is c.LITERAL for kind, _ in av) and len(av) * len(run) <= 16:
            run = [r + chr(ch) for r in run for _, ch in av]
        else:
            run = [""]
        best = max(best, run, key=lambda strings: len(strings[0]))
    return tuple(sorted(set(best))) if best[0] else ()


def without_properties(source: str) -> str:
    """``source`` with each Unicode property (``\\p{L}``, ``\\PL``) and named character
    (``\\N{...}``) read as ``\\w``."""
    out = []
    i = 0
    while i < len(source):
        if source[i] == "\\" and source[i + 1 : i + 2] in ("p", "P", "N"):
            close = source.find("}", i) if source[i + 2 : i + 3] == "{" else i + 2
            out.append("\\w")
            i = len(source) if close < 0 else close + 1
            continue
        out.append(source[i : i + 2] if source[i] == "\\" else source[i])
        i += 2 if source[i] == "\\" else 1
    return "".join(out)


def _final_lookahead(source: str) -> int:
    """Where the positive look-ahead that ends ``source`` outside any group opens, or -1."""
    i, last = 0, -1
    while i < len(source):
        if source[i] == "[" and not _in_class(source, i):
            i, last = _class_end(source, i), -1
        elif source[i] == "(":
            end = _group_end(source, i)
            if end > len(source):  # a group left open
                return -1
            last = i if source.startswith("(?=", i) else -1
            i = end
        else:  # something after the group at the top level
            i, last = i + (2 if source[i] == "\\" else 1), -1
    return last


def _group_end(source: str, start: int) -> int:
    """Just past the group that opens at ``source[start]`` (its escapes and character classes
    skipped); past the end of ``source`` when the group is left open."""
    depth, j = 0, start
    while j < len(source):
        ch = source[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[" and not _in_class(source, j):
            j = _class_end(source, j)
            continue
        depth += (ch == "(") - (ch == ")")
        j += 1
        if depth == 0:
            return j
    return len(source) + 1


def _class_end(source: str, start: int) -> int:
    """The offset just after the ``[...]`` class that starts at ``source[start]``."""
    j = start + 1
    if source[j : j + 1] == "^":
        j += 1
    if source[j : j + 1] == "]":
        j += 1
    while j < len(source) and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1


def token_sign(token: str, *, wholeword: bool) -> tuple[str, str] | None:
    """What a plain (SAFE) text shows wherever ``token`` matches: ``("word", w)``, a word found
    whole among the text's words (case-folded, see :func:`text_words`), or ``("text", s)``, a
    string found in the lower-cased text; ``None`` when nothing can be said.

    A literal token that starts with a word character matches, whole-word, at the start of a
    run of word characters equal to its first word; otherwise a match shows the longest part
    of a literal token, or the longest run of plain characters a pattern must match (outside
    groups that repeat or branch).  On SAFE text ``lower`` pairs exactly the characters that
    match each other ignoring case, so a text without the sign holds no match.
    """
    if not _SAFE.fullmatch(token):
        return None
    first = _RUN.match(token)
    if is_literal(token) and wholeword and first is not None:
        return ("word", first.group().casefold())
    if is_literal(token):
        needle = max(token.split(), key=len)
    else:
        bare = without_lookarounds(token)  # regex's long look-behinds are not re's
        needle = required_literal(bare) if same_in_re(bare) else ""
    return ("text", needle.lower()) if needle else None


_ALTERNATIVES = re.compile(r"(?<!\\)\(\?:([A-Za-z]+(?:\|[A-Za-z]+)+)\)")


def factor_alternatives(source: str) -> str:
    """``(?:agon|american|apolog)`` as ``(?:a(?:gon|merican|polog))``: the same match, faster.

    Only groups of plain letters are rewritten, and only neighbours that start alike are
    merged, so the alternatives are still tried in the written order and every match is the
    same; the engine just stops comparing after one letter at most places.  Groups inside a
    character class are left alone.
    """
    if "(?:" not in source:
        return source
    out = []
    pos = 0
    for m in _ALTERNATIVES.finditer(source):
        if _in_class(source, m.start()):
            continue
        out.append(source[pos : m.start()])
        out.append("(?:" + _factor(m.group(1).split("|")) + ")")
        pos = m.end()
    out.append(source[pos:])
    return "".join(out)


def _factor(words: list[str]) -> str:
    parts = []
    i = 0
    while i < len(words):
        j = i + 1
        while j < len(words) and words[i][:1] and words[j][:1] == words[i][:1]:
            j += 1
        if j - i == 1:
            parts.append(words[i])
        else:
            parts.append(words[i][0] + "(?:" + _factor([w[1:] for w in words[i:j]]) + ")")
        i = j
    return "|".join(parts)


def _in_class(source: str, end: int) -> bool:
    """Whether ``source[end]`` lies inside a ``[...]`` character class."""
    inside = False
    i = 0
    while i < end:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if not inside and ch == "[":
            inside = True
            i += 2 if source[i + 1 : i + 2] == "]" else 1  # "[]...]" holds a "]"
            continue
        if inside and ch == "]":
            inside = False
        i += 1
    return inside
