"""Finding the drafts to lint: files as given, directories walked for draft suffixes."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Every path given, and the draft files under each directory given, in sorted order.

    Files named explicitly are linted whatever their suffix; missing ones are still yielded so
    that reading them reports the error.  Hidden directories (``.git``) are skipped; symlinked
    directories are not followed, so a symlink loop cannot trap the walk.
    """
    found: set[str] = set()
    for path in paths:
        if path == "-":
            found.add(path)
        elif os.path.isdir(path):
            found.update(_walk(path))
        else:
            found.add(path)
    yield from sorted(found)


def _walk(root: str) -> Iterator[str]:
    # A folder that cannot be listed is yielded itself, so that reading it reports why.
    unlisted: list[str] = []
    for folder, dirs, names in os.walk(
        root, followlinks=False, onerror=lambda e: unlisted.append(e.filename)
    ):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.lower().endswith(DRAFT_SUFFIXES) and not name.startswith("."):
                path = os.path.join(folder, name)
                if os.path.isfile(path):
                    yield os.path.normpath(path)
    yield from (os.path.normpath(folder) for folder in unlisted if folder)
