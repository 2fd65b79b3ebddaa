"""newslint: a house-style linter for news copy.

The public API::

    from newslint import lint_text, fix_text, load_style

    style = load_style(["core"])
    for v in lint_text("Mr Zelenskyy and Mr Zelensky met.", style=style):
        print(v.line, v.column, v.rule, v.message)
"""

from __future__ import annotations

# Set before the modules below load: the caches they fill key their entries by it.
__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from .errors import NewslintError

if TYPE_CHECKING:
    from .document import Document
    from .style import Style, load_style
    from .violation import Violation

MAX_FIX_PASSES = 10

# The API's other names load with the modules that hold them, on first use: a subcommand such
# as ``newslint suggest`` that needs none of the rule engine does not pay for importing it.
_LAZY = {"Document": "document", "Style": "style", "load_style": "style", "Violation": "violation"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Document",
    "NewslintError",
    "Style",
    "Violation",
    "__version__",
    "fix_text",
    "lint_text",
    "load_style",
]


def lint_text(
    text: str,
    *,
    style: Style | None = None,
    format: str | None = None,
    path: str = "<text>",
) -> list[Violation]:
    """Lint ``text`` (``\\n`` line breaks) and return its violations, sorted by position.

    ``format`` is ``text`` or ``markdown``; by default it follows ``path``'s suffix.
    """
    from .engine import lint_document
    from .formats import format_for, parse
    from .style import load_style

    doc = parse(text, format or format_for(path), path)
    return lint_document(doc, style if style is not None else load_style())


def fix_text(
    text: str,
    *,
    style: Style | None = None,
    format: str | None = None,
    path: str = "<text>",
) -> str:
    """``text`` with every violation that has exactly one replacement fixed.

    Fixing repeats until nothing is left to fix (at most ``MAX_FIX_PASSES`` times), so a fix that
    overlapped another is applied on a later pass and fixing twice gives the same text as once.
    """
    from .fix import fix_document
    from .style import load_style

    style = style if style is not None else load_style()
    return fix_document(text, style, format=format, path=path, max_passes=MAX_FIX_PASSES).text
