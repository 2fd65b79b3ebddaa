"""Report formats.  Each formatter receives violations file by file and writes as it goes.

``text`` and ``full`` are for people; ``json``, ``sarif``, ``github`` and ``junit`` are for
tools.  ``sarif`` and ``junit`` write one document at the end, so they hold what they need until
:meth:`Formatter.finish`; the others write each file's violations as they arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Protocol

from ..violation import Violation

if TYPE_CHECKING:
    from ..checks import Rule

#: Finds a rule by its full id, for formats that describe the rules they report.
RuleLookup = Callable[[str], "Rule | None"]


class Formatter(Protocol):
    def start(self) -> None: ...

    def file(self, path: str, violations: list[Violation], text: str | None) -> None:
        """One linted file: its violations (possibly none) and its text when known."""

    def finish(self) -> None: ...


FORMATS = ("text", "full", "json", "sarif", "github", "junit")
#: The formats a person reads; the others are parsed by tools and must stay clean.
HUMAN_FORMATS = ("text", "full")


def _no_rule(name: str) -> Rule | None:
    return None


def ascii_only(out: IO[str]) -> bool:
    """True when ``out`` cannot carry UTF-8, so JSON must escape what is not ASCII to stay JSON."""
    encoding = str(getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
    return encoding not in ("utf-8", "utf8", "utf-8-sig")


def make_formatter(
    name: str,
    out: IO[str],
    *,
    color: bool = False,
    rules: RuleLookup | None = None,
    threshold: int = 0,
) -> Formatter:
    """The formatter called ``name``.

    ``rules`` describes the rules reported (for ``sarif``); ``threshold`` is the lowest
    severity rank that fails (for ``junit``, where a file fails only on such violations).
    """
    lookup = rules or _no_rule
    if name == "json":
        from .json import JsonFormatter

        return JsonFormatter(out)
    if name == "full":
        from .full import FullFormatter

        return FullFormatter(out, color=color)
    if name == "sarif":
        from .sarif import SarifFormatter

        return SarifFormatter(out, lookup)
    if name == "github":
        from .github import GithubFormatter

        return GithubFormatter(out)
    if name == "junit":
        from .junit import JunitFormatter

        return JunitFormatter(out, threshold=threshold)
    if name == "quiet":
        return NullFormatter()
    from .text import TextFormatter

    return TextFormatter(out, color=color)


class NullFormatter:
    """Reports nothing: ``--quiet`` leaves only the summary."""

    def start(self) -> None:
        pass

    def file(self, path: str, violations: list[Violation], text: str | None) -> None:
        pass

    def finish(self) -> None:
        pass
