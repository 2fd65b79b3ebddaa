"""What every rule type shares: the common YAML keys, findings, and matching helpers.

A rule type is a frozen dataclass whose init fields are exactly its YAML keys.  Its ``check``
is pure: given a :class:`~newslint.document.Document` it yields :class:`Finding` objects
(offsets into the original text, plus the replacement when there is one).  Only the engine turns
findings into violations with messages and positions.
"""

from __future__ import annotations

import re
import string
import time
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import regex

from ..document import Document, Scope
from ..patterns import WORDS_GAP, compiled

Severity = Literal["error", "warning", "suggestion"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "suggestion")
SEVERITY_RANK: dict[str, int] = {"suggestion": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One match of a rule: ``[start, end)`` in the original text.

    ``message`` overrides the rule's message template for this finding; ``params`` are extra
    placeholders for the template besides ``{found}`` and ``{replacement}``.
    """

    start: int
    end: int
    replacement: str | None = None
    message: str | None = None
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, kw_only=True)
class FailExample:
    """A failing example and the text ``--fix`` makes of it with this rule."""

    text: str
    fixed: str | None = None


@dataclass(frozen=True, kw_only=True)
class Examples:
    """Sentences that must (``fail``) and must not (``pass``) produce a violation of the rule.

    A ``fail`` item is a sentence, or a mapping of the sentence (``text``) and what ``--fix``
    makes of it (``fixed``), checked exactly by ``newslint test`` and by the tests of the
    built-in packs, which state the fixed text for every rule that offers a fix:

    ```yaml
    examples:
      fail:
        - "The committee said it would examine the the proposal."
        - text: "The minister resigned.The party was stunned."
          fixed: "The minister resigned. The party was stunned."
      pass:
        - "The minister resigned. The party was stunned."
    ```
    """

    fail: tuple[FailExample | str, ...] = ()
    pass_: tuple[str, ...] = field(default=(), metadata={"key": "pass"})
    #: The line of each example's item in its rule file, by its text (set by the loader).
    lines: Mapping[str, int] = field(
        default_factory=dict, compare=False, metadata={"internal": True}
    )

    def line_of(self, text: str) -> int | None:
        """The line of the example ``text`` in its rule file, if the loader recorded it."""
        return self.lines.get(text)

    @property
    def failing(self) -> tuple[FailExample, ...]:
        """The ``fail`` items, each as a :class:`FailExample` (``fixed`` is ``None`` when the
        rule file does not state it)."""
        return tuple(
            item if isinstance(item, FailExample) else FailExample(text=item) for item in self.fail
        )

    @property
    def fail_texts(self) -> tuple[str, ...]:
        return tuple(item.text for item in self.failing)


@dataclass(frozen=True, kw_only=True)
class Rule:
    """The keys every rule has.  Subclasses add their own and implement :meth:`check`."""

    type_name: ClassVar[str] = ""
    #: Placeholders this type fills in a message besides ``{found}`` and ``{replacement}``.
    placeholders: ClassVar[tuple[str, ...]] = ()

    id: str
    type: str
    message: str = "{found}"
    severity: Severity = "warning"
    scope: tuple[Scope, ...] = ("headline", "body")
    description: str = ""
    note: str = ""
    link: str = ""
    examples: Examples = field(default_factory=Examples)
    # Set by the loader, not YAML keys.
    pack: str = field(default="", metadata={"internal": True})
    source: str = field(default="", metadata={"internal": True})

    @property
    def name(self) -> str:
        """The full rule id, ``<pack>.<id>``."""
        return f"{self.pack}.{self.id}" if self.pack else self.id

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError  # pragma: no cover

    def decided_forms(self) -> Mapping[str, str]:
        """Words this rule always replaces, and with what: the house's decided spellings.

        A style uses them so that a rule which only asks for *one* form per document (such as
        ``consistency``) does not contradict a house that has chosen the form.
        """
        return {}

    def unfilled_placeholders(self) -> Iterator[tuple[str, str]]:
        """``(key, placeholder)`` for each placeholder of ``message`` (or of ``messages``) that
        this rule type never fills, such as ``{fund}``: it would be printed as written."""
        known = {"found", "replacement", *self.placeholders}
        messages: Mapping[str, str] = getattr(self, "messages", {})
        for key, template in [
            ("message", self.message),
            *(("messages", t) for t in messages.values()),
        ]:
            try:
                names = [name for _, name, _, _ in _FORMATTER.parse(template)]
            except ValueError:  # a lone brace is printed as written
                continue
            for name in names:
                if name is not None and _FIELD_NAME.split(name, 1)[0] not in known:
                    yield key, name

    def giving_way(self, terms: frozenset[str]) -> Rule | None:
        """This rule without the decided forms (keys of :meth:`decided_forms`) in ``terms``;
        ``None`` when nothing would be left.  A style uses it where a later rule decides the
        other way, so that two fixes never undo each other.
        """
        return self


_FORMATTER = string.Formatter()
_FIELD_NAME = re.compile(r"[.\[]")


# --- matching helpers shared by the word-list rule types ---------------------------------

_META = frozenset("\\.^$*+?{}[]|()")
_WORD_EDGE = compiled(r"\w", regex.V0)


_META_CHAR = re.compile(r"[\\.^$*+?{}\[\]|()]")


def is_literal(token: str) -> bool:
    """True when ``token`` has no regular-expression syntax: a plain word or phrase."""
    return _META_CHAR.search(token) is None


def token_pattern(token: str, *, wholeword: bool = True) -> str:
    """A regex for one token: literal words are escaped, patterns kept, word edges added.

    Literal tokens may match across any run of spaces or a line break between their words,
    with markup or an HTML reference beside it ("Prime&nbsp;Minister").
    Word boundaries are added only at an edge that is a word character, so a token such as
    ``U.S.`` or ``"`` still matches at its punctuation end.
    """
    if is_literal(token):
        body = WORDS_GAP.join(regex.escape(part) for part in token.split())
        if not body:
            raise ValueError("an empty token matches nothing")
        if not wholeword:
            return body
        left = r"(?<![\w'’-])" if _WORD_EDGE.match(token[0]) else ""
        right = r"(?![\w-])" if _WORD_EDGE.match(token[-1]) else ""
        return f"{left}{body}{right}"
    compile_pattern(token)  # a bad pattern is reported as written, not as wrapped here
    if not wholeword:
        return f"(?:{token})"
    return rf"(?<![\w'’-])(?:{token})(?![\w-])"


def compile_tokens(
    tokens: tuple[str, ...], *, ignorecase: bool, wholeword: bool = True
) -> regex.Pattern[str] | None:
    """One compiled matcher for many tokens (longest literal first), or ``None``.

    Literal tokens are compiled into one trie-shaped regex (see :mod:`.wordlist`), so the cost
    of a match hardly grows with the number of tokens.
    """
    from .wordlist import compile_wordlist  # it builds on the helpers above

    if not tokens:
        return None
    pattern: regex.Pattern[str] = compile_wordlist(
        tokens, ignorecase=ignorecase, wholeword=wholeword
    ).pattern
    return pattern


class PatternError(ValueError):
    """A rule's regular expression that does not compile; ``pattern`` is its source."""

    def __init__(self, pattern: str, reason: str) -> None:
        shown = pattern if len(pattern) <= 120 else f"{pattern[:100]}...{pattern[-17:]}"
        super().__init__(f"invalid regular expression {shown!r}: {reason}")
        self.pattern = pattern


def compile_pattern(source: str, flags: int = regex.V1) -> regex.Pattern[str]:
    """Compile a rule's pattern; a bad pattern raises :class:`PatternError` naming it."""
    try:
        return regex.compile(source, flags)
    except (regex.error, TypeError) as exc:
        raise PatternError(source, str(exc)) from None
    except RecursionError:  # the compiler recurses once per level of nested groups
        raise PatternError(source, "groups nested too deeply") from None


def match_case(found: str, replacement: str) -> str:
    """Carry the capitalisation of ``found`` over to ``replacement``.

    An all-capital match (of more than one letter) gets an all-capital replacement; a match that
    starts with a capital gets a replacement that starts with one; otherwise the replacement is
    used as written.
    """
    letters = [c for c in found if c.isalpha()]
    shouting = len(letters) > 1 and all(c.isupper() for c in letters)
    if shouting and replacement == replacement.lower() and replacement != replacement.upper():
        return replacement.upper()
    if letters and letters[0].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


# --- a time limit on the patterns of rules ------------------------------------------------
#
# Rule files are written by style editors, and a pattern such as ``(a+)+$`` can search a long
# line for hours.  The engine gives each rule a budget of time on each draft (see
# :func:`newslint.engine.lint_document`); every search with a pattern that comes from a rule
# file goes through :func:`finditer` or :func:`fullmatch`, which hand the time left to the
# ``regex`` module.  When it runs out, ``regex`` raises :class:`TimeoutError` and the engine
# reports the rule instead of its findings.

_DEADLINE: ContextVar[float | None] = ContextVar("newslint_pattern_deadline", default=None)


class time_limit:  # named as the function it replaced: ``with time_limit(2.0): ...``
    """Searches with rule patterns inside the block share ``seconds`` (``None``: no limit).

    A class rather than a ``@contextmanager`` generator: the engine enters one for every rule
    on every draft, and this costs a third as much.
    """

    __slots__ = ("_seconds", "_token")

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds

    def __enter__(self) -> None:
        seconds = self._seconds
        self._token = _DEADLINE.set(None if seconds is None else time.monotonic() + seconds)

    def __exit__(self, *exc: object) -> None:
        _DEADLINE.reset(self._token)


def time_left() -> float | None:
    """Seconds left for searching with rule patterns, ``None`` without a limit.

    Raises :class:`TimeoutError` when the time is up.
    """
    deadline = _DEADLINE.get()
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the rule's time is up")
    return left


def finditer(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None, **kw: Any
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer`` within the time left to the rule being checked."""
    end = len(text) if endpos is None else endpos
    found: Iterator[regex.Match[str]] = pattern.finditer(text, pos, end, timeout=time_left(), **kw)
    return found


def fullmatch(
    pattern: regex.Pattern[str], text: str, pos: int, endpos: int
) -> regex.Match[str] | None:
    """``pattern.fullmatch`` within the time left to the rule being checked."""
    return pattern.fullmatch(text, pos, endpos, timeout=time_left())
