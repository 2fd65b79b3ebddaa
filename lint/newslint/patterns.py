"""newslint's own patterns, compiled once and kept between runs.

Compiling the sixty-odd constant patterns of newslint's modules takes about 20 ms, a sixth of
a run on one draft; loading them compiled takes under a millisecond (``regex`` pickles a
pattern with its compiled code).  :func:`compiled` is ``regex.compile`` for those constant
patterns, never for a rule file's: it takes the pattern from the cache file when the file holds
it, and :func:`save` writes the file after a run that had to compile one it lacked.

The file sits in the cache folder of :mod:`newslint.cache` (and is turned off with it), one per
installed copy of newslint.  It holds
its key, newslint's code stamp and the versions of ``regex`` and Python, and is used only when
the key is the current one; a file that cannot be read is ignored and written again.
"""

from __future__ import annotations

from typing import Any

import regex

from .cache import cache_dir, code_stamp, read_entry, store

# The gap between the words of a number, a date or a time as the checks read it: spaces and
# tabs, with masked text beside them (markup, or the masked part of an HTML reference, so that
# "4.5&nbsp;million" reads as "4.5 million").  At least one space or tab is written: words with
# only markup between them ("5<b>per</b>") run together on the page.
GAP = r"\x00*[ \t][ \t\x00]*"  # where plain text has [ \t]+
MAYBE_GAP = r"[ \t\x00]*"  # [ \t]*
MAYBE_SPACE = r"\x00*(?:[ \t]\x00*)?"  # [ \t]?
# Any white space, masked text beside it: between the words of a phrase in a rule's word list,
# or of "the <b>Trump</b> administration".
WORDS_GAP = r"\x00*\s[\s\x00]*"  # \s+


def _entry_name() -> str:
    """One file per installed copy of newslint, so that two installs (a pre-commit
    environment and the user's own) do not overwrite each other's patterns in turn."""
    import os
    import zlib

    here = os.fsencode(os.path.dirname(os.path.abspath(__file__)))
    return f"patterns-{zlib.crc32(here):08x}.pickle"


_kept: dict[tuple[str, int], Any] | None = None  # (source, flags) -> compiled pattern
_missed = False  # a pattern was compiled that the file did not hold


def _key() -> str:
    return code_stamp()  # it holds the versions of regex and Python


def _load() -> dict[tuple[str, int], Any]:
    where = cache_dir()
    if where is None:
        return {}
    try:
        key, kept = read_entry(where / _entry_name())
        if key == _key() and isinstance(kept, dict):
            return kept
    except Exception:  # missing, truncated, corrupted or from other code: compile afresh
        pass
    return {}


def compiled(source: str, flags: int = 0) -> Any:
    """``regex.compile(source, flags)``, from the kept patterns when they hold it."""
    global _kept, _missed
    if _kept is None:
        _kept = _load()
    pattern = _kept.get((source, flags))
    if pattern is None:
        pattern = _kept[source, flags] = regex.compile(source, flags)
        _missed = True
    return pattern


def save() -> None:
    """Write the kept patterns when this run compiled one the file lacked."""
    global _missed
    where = cache_dir()
    if not _missed or _kept is None or where is None:
        return
    _missed = False
    store(where / _entry_name(), (_key(), _kept))
