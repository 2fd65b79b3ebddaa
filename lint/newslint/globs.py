"""File globs as configs write them, matched against paths relative to the config's folder.

* ``*`` matches within one path segment, ``?`` one character, ``[abc]`` / ``[!abc]`` a class;
* ``**`` matches any number of segments (``opinion/**``, ``**/wire/*.txt``);
* a glob without ``/`` matches a name at any depth (``*.htm``, ``drafts``), like ``.gitignore``;
* a glob that matches a folder matches everything under it (``archive`` and ``archive/`` do).

A path outside the config's folder (``../x.md``) matches only globs without ``/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=512)
def compile_glob(glob: str) -> re.Pattern[str]:
    """A regular expression matching the whole of a ``/``-separated relative path.

    A glob that cannot be one (a class ``[z-a]`` whose range runs backwards) raises
    :class:`ValueError` saying so; configs check their globs when they are read.
    """
    pattern = glob.strip()
    while pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.strip("/")
    out = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif ch == "*":
            out.append("[^/]*")
            i += 1
        elif ch == "?":
            out.append("[^/]")
            i += 1
        elif ch == "[" and "]" in pattern[i + 2 :]:
            close = pattern.index("]", i + 2)
            body = pattern[i + 1 : close]
            negate = body.startswith("!")
            body = re.escape(body[1:] if negate else body).replace(r"\-", "-")
            out.append(f"[{'^' if negate else ''}{body}]")
            i = close + 1
        else:
            out.append(re.escape(ch))
            i += 1
    try:
        return re.compile("".join(out))
    except re.error as exc:
        raise ValueError(f"invalid glob '{glob}': {exc.msg}") from None


def _candidates(path: str, anchored: bool) -> Iterable[str]:
    """The path and each folder above it (whole, when anchored; as names, when not)."""
    parts = path.split("/")
    if anchored:
        if parts and parts[0] == "..":
            return
        for end in range(len(parts), 0, -1):
            yield "/".join(parts[:end])
    else:
        yield from (part for part in parts if part not in ("", ".", ".."))


def matches(globs: Iterable[str], path: str) -> bool:
    """True when ``path`` (relative, ``/``-separated) or a folder above it matches a glob."""
    for glob in globs:
        anchored = "/" in glob.strip().strip("/")
        regex = compile_glob(glob)
        if any(regex.fullmatch(candidate) for candidate in _candidates(path, anchored)):
            return True
    return False
