"""A progress bar on standard error for long runs, from tqdm when it is installed.

Shown only when standard error is a terminal (never in a pipe or a CI log), not with
``--quiet``, and only for runs of more than :data:`LONG` drafts.  tqdm is imported only when
the bar is shown.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")

LONG = 300  # drafts from which a run shows its progress


def wanted(total: int | None, *, quiet: bool) -> bool:
    if quiet or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    if total is not None and total <= LONG:
        return False
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


class Progress:
    """Drafts done, MB/s and time left; does nothing when not :func:`wanted`."""

    def __init__(self, total: int | None, *, quiet: bool, unit: str = "drafts") -> None:
        self.bar: Any = None
        self.size = 0
        if not wanted(total, quiet=quiet):
            return
        try:
            from tqdm import tqdm
        except ImportError:  # the bar is a comfort, not a need
            return
        self.bar = tqdm(
            total=total, unit=" " + unit, file=sys.stderr, leave=False, dynamic_ncols=True
        )

    def __enter__(self) -> Progress:
        return self

    def advance(self, drafts: int, size: int) -> None:
        if self.bar is None:
            return
        self.size += size
        rate = self.bar.format_dict.get("elapsed") or 0
        if rate:
            self.bar.set_postfix_str(f"{self.size / 1_000_000 / rate:.1f} MB/s", refresh=False)
        self.bar.update(drafts)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.bar is not None:
            self.bar.close()


def progress_bar(
    drafts: Iterable[str], *, quiet: bool
) -> tuple[Iterable[str], Callable[[Iterable[tuple[str, T]]], Iterator[tuple[str, T]]]]:
    """For the linting command: the drafts (listed, to know how many, when a bar may be shown)
    and what wraps its results so that each one moves the bar."""
    if not wanted(None, quiet=quiet):
        return drafts, _unchanged
    listed = list(drafts)
    total = len(listed)

    def shown(results: Iterable[tuple[str, T]]) -> Iterator[tuple[str, T]]:
        with Progress(total, quiet=quiet) as bar:
            for path, result in results:
                bar.advance(1, _size(path))
                yield path, result

    return listed, shown


def _unchanged(results: Iterable[tuple[str, T]]) -> Iterator[tuple[str, T]]:
    yield from results


def _size(path: str) -> int:
    """The bytes of a draft: a file's size, or a URL's as its listing gave it."""
    if "://" in path:
        from .urls import size

        return size(path)
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
