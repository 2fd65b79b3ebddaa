"""Finding the drafts to lint: files as given, folders walked for draft suffixes.

Drafts come out in sorted path order, streamed: a folder is walked depth first with each
folder's entries sorted so that the walk's order is the sorted order of the full paths, and
several roots are merged, so nothing is held but the folders on the way down (100,000 drafts
cost no more memory than 1,000).
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable, Iterator

DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")

# A control character in a file name (a newline) would split a line of a report: escaped.
_ESCAPES = {i: f"\\x{i:02x}" for i in (*range(0x20), 0x7F)} | {
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}


def printable(path: str, keep: str = "") -> str:
    """``path`` on one line: a newline, tab or other control character in it is written as its
    backslash escape (``\\n``, ``\\t``, ``\\x1b``), but those of ``keep``, which the caller
    escapes its own way."""
    if path.isprintable():
        return path
    return path.translate({c: e for c, e in _ESCAPES.items() if chr(c) not in keep})


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Every path given, and the draft files under each folder given, in sorted order.

    Files named explicitly are linted whatever their suffix, symlinks followed; missing ones
    are still yielded so that reading them reports the error.  Hidden folders (``.git``) and
    files are skipped; symlinked folders are not followed, so a symlink loop cannot trap the
    walk, and a symlinked file is followed only when its target lies inside the folder given
    (so ``--fix proj`` never rewrites a file outside ``proj``); a folder that cannot be listed
    is yielded itself, so that reading it reports why.
    """
    folders: list[str] = []
    files: set[str] = set()
    for path in paths:
        if path != "-" and os.path.isdir(path):
            folders.append(path)
        else:
            files.add(path)
    return merge_sorted(walk_sorted(folders), iter(sorted(files)))


def walk_sorted(roots: Iterable[str]) -> Iterator[str]:
    """The drafts under each of ``roots``, in sorted order of their (normalised) paths."""
    return merge_sorted(*(_walk(root, os.path.realpath(root)) for root in roots))


def merge_sorted(*streams: Iterator[str]) -> Iterator[str]:
    """Sorted streams merged into one sorted stream, each path once."""
    last = None
    for path in heapq.merge(*streams):
        if path != last:
            yield path
            last = path


def once_each(paths: Iterable[str]) -> Iterator[str]:
    """``paths`` less those that name a file already yielded (a symlink to a sibling, a hard
    link, ``./d/a.txt`` beside ``d``): each file is linted, and fixed, once a run."""
    seen: set[tuple[int, int]] = set()
    for path in paths:
        try:
            info = os.stat(path)
        except (OSError, ValueError):  # reading it reports why
            yield path
            continue
        key = (info.st_dev, info.st_ino)
        if path == "-" or not key[1]:
            yield path
        elif key not in seen:
            seen.add(key)
            yield path


def _walk(folder: str, root: str) -> Iterator[str]:
    try:
        with os.scandir(folder) as listing:
            entries = [(e.name, e.is_dir(follow_symlinks=False), e.is_symlink()) for e in listing]
    except OSError:
        yield os.path.normpath(folder)
        return
    # A folder's name sorts with a "/" after it, as its paths do: "a.txt" < "a/b.txt" < "a-b".
    entries.sort(key=lambda entry: entry[0] + "/" if entry[1] else entry[0])
    for name, is_folder, is_link in entries:
        if name.startswith("."):
            continue
        path = os.path.join(folder, name)
        if is_folder:
            yield from _walk(path, root)
        elif name.lower().endswith(DRAFT_SUFFIXES) and os.path.isfile(path):
            if is_link and not _inside(os.path.realpath(path), root):
                continue  # a symlink out of the tree: not a draft of this folder
            yield os.path.normpath(path)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
