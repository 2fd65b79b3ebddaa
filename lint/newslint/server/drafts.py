"""What the server knows of a draft, and what newslint makes of it, without the protocol.

A :class:`Draft` is one version of a document as the editor holds it.  :class:`Styles` finds the
profile a draft is linted with exactly as the command line does (the config found walking up
from its path, ``newslint.yaml``, ``.newslint.yaml`` or ``[tool.newslint]``), and loads each
style once per configuration.  :func:`lint` and :func:`fix_all` run the engine and the fixer as
``newslint`` and ``newslint --fix`` do; the rest turns their results into edits: code points and
``\\n`` line breaks, to be put in the protocol's units by :mod:`.positions`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import unquote, urlparse

from ..checks import Rule
from ..config import CONFIG_NAMES
from ..document import Document
from ..engine import lint_document
from ..errors import NewslintError
from ..fix import fix_document
from ..formats import format_for, parse
from ..project import Choices, Profile, Project
from ..source import SourceText, normalise_newlines
from ..style import Style
from ..suppress import UNKNOWN_DIRECTIVE, UNKNOWN_RULE
from ..violation import Violation
from .positions import Lines

#: The format of each ``languageId`` newslint reads; any other falls back to the suffix.
LANGUAGES = {"markdown": "markdown", "plaintext": "text", "html": "html"}
#: Violations of these are about the directives themselves: they can be fixed, not disabled.
NOT_DISABLED = (UNKNOWN_RULE, UNKNOWN_DIRECTIVE, "newslint.rule-timeout")
RULE_SUFFIXES = (".yaml", ".yml")


def uri_path(uri: str) -> str | None:
    """The file-system path of a ``file:`` URI; ``None`` for any other (an untitled draft)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and path[2:3] == ":":
        path = path[1:]
    return os.path.normpath(path)


@dataclass(frozen=True)
class Draft:
    """One version of a document: its text as the editor holds it, line breaks and all."""

    uri: str
    language: str
    version: int
    text: str

    @cached_property
    def path(self) -> str | None:
        return uri_path(self.uri)

    @cached_property
    def name(self) -> str:
        """The name reports and format lookup use: the path, else the URI."""
        return self.path or self.uri

    @cached_property
    def format(self) -> str:
        return LANGUAGES.get(self.language) or format_for(urlparse(self.uri).path or self.uri)

    @cached_property
    def source(self) -> SourceText:
        """The text with ``\\n`` line breaks, as newslint reads a file, and the breaks it had."""
        return normalise_newlines(self.text)

    @cached_property
    def lines(self) -> Lines:
        return Lines(self.source.text)


def with_line_breaks(source: SourceText, text: str) -> str:
    """``text`` (``\\n`` line breaks) with the line breaks ``source`` had, as ``--fix`` writes."""
    if source.newlines and text.count("\n") == len(source.newlines):
        parts = text.split("\n")
        out = [parts[0]]
        for ending, part in zip(source.newlines, parts[1:], strict=True):
            out += [ending, part]
        return "".join(out)
    return text.replace("\n", source.newline) if source.newline != "\n" else text


class Styles:
    """The profile of each draft, from its project's config, with the styles loaded once.

    ``style`` (the ``style`` initialization option, a list of packs or folders like ``--style``)
    is the style of drafts outside any project; without it they get newslint's default.  An
    untitled draft is taken to be in ``root`` (the first workspace folder), as standard input
    is taken to be in the working folder.
    """

    def __init__(self, style: Sequence[str] = (), root: str | None = None) -> None:
        self.style = tuple(style)
        self.root = root
        self._lock = threading.Lock()
        self._project = Project()
        self._loose = Project(isolated=True, choices=Choices(style=self.style))

    def reload(self) -> None:
        """Forget every config and style read, so that the next lint reads them again."""
        with self._lock:
            self._project = Project()
            self._loose = Project(isolated=True, choices=Choices(style=self.style))

    def where(self, draft: Draft) -> str:
        return draft.path or os.path.join(self.root or os.getcwd(), "untitled")

    def profile(self, draft: Draft) -> Profile:
        """The draft's profile; a broken config or rule file raises :class:`NewslintError`."""
        path = self.where(draft)
        with self._lock:
            project = self._project
            if self.style and project.config_for(path) is None:
                project = self._loose
            return project.profile(path)


def is_setting_file(path: str) -> bool:
    """True for a file whose change can change a style: a config or a rule file."""
    name = os.path.basename(path)
    return name in CONFIG_NAMES or name.endswith(RULE_SUFFIXES)


@dataclass(frozen=True)
class Result:
    """What newslint found in one version of a draft, or why it could not look."""

    draft: Draft
    violations: tuple[Violation, ...] = ()
    document: Document | None = None
    style: Style | None = None
    error: str | None = None  # the ``newslint: `` message of a broken config or rule file
    fixable: frozenset[int] = field(default=frozenset())  # indices of violations fixed safely

    def rule(self, v: Violation) -> Rule | None:
        return self.style.get(v.rule) if self.style is not None else None


def lint(draft: Draft, styles: Styles) -> Result:
    """Lint ``draft`` as ``newslint`` lints a file with its text."""
    try:
        style = styles.profile(draft).style
        doc = parse(draft.source.text, draft.format, draft.name)
        violations = tuple(lint_document(doc, style))
    except NewslintError as exc:
        return Result(draft, error=f"newslint: {exc}")
    fixable = frozenset(
        i for i, v in enumerate(violations) if v.replacement is not None and v.fix_applies
    )
    return Result(draft, violations, doc, style, fixable=fixable)


@dataclass(frozen=True)
class Edit:
    """Replace ``[start, end)`` (code points of the ``\\n`` text) with ``text``."""

    start: int
    end: int
    text: str


def fix_all(draft: Draft, styles: Styles) -> Edit | None:
    """The edit that makes the draft what ``newslint --fix`` writes; ``None`` when it is clean.

    The edit spans only what changes: from the first changed character to the last.
    """
    style = styles.profile(draft).style
    before = draft.source.text
    after = fix_document(before, style, format=draft.format, path=draft.name).text
    if after == before:
        return None
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    tail = 0
    while tail < limit - start and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    middle = after[start : len(after) - tail]
    return Edit(start, len(before) - tail, _breaks(draft, middle))


def _breaks(draft: Draft, text: str) -> str:
    newline = draft.source.newline
    return text.replace("\n", newline) if newline != "\n" and "\n" in text else text


def replacement_edit(draft: Draft, v: Violation) -> Edit:
    assert v.replacement is not None
    return Edit(v.start, v.end, _breaks(draft, v.replacement))


def fix_title(v: Violation) -> str:
    if not v.replacement:
        return f"Delete '{v.found}'"
    return f"Write '{v.replacement}'"


def directive(format: str, rule: str) -> str:
    """The line that keeps ``rule`` off the next line, in the directive of the draft's format."""
    if format == "text":
        return f"[newslint-disable-next-line {rule}]"
    return f"<!-- newslint-disable-next-line {rule} -->"


def disable_edit(draft: Draft, v: Violation) -> Edit | None:
    """The directive line inserted before the violation's line; ``None`` for what cannot be
    disabled (the warnings about directives, a rule stopped for time)."""
    if v.rule in NOT_DISABLED:
        return None
    start = draft.lines.starts[v.line - 1]
    newline = draft.source.newline if draft.source.newline != "\n" else "\n"
    return Edit(start, start, directive(draft.format, v.rule) + newline)
