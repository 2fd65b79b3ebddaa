"""A cache of loaded packs, so that a run on one draft does not parse and compile YAML again.

A pack's rules are pickled (compiled ``regex`` patterns pickle with their compiled code) under
the user's cache folder: ``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint``, else
``~/.cache/newslint``.  ``NEWSLINT_NO_CACHE`` (set to anything but empty) turns the cache off.

An entry's key is a hash of the pack folder as given, the name and bytes of each of its rule
files, the newslint version, and the name, size and modification time of each of newslint's own
modules (so that a changed rule type never meets rules pickled by the old one).  Entries are
written atomically (a temporary file renamed into place); one that cannot be read, for any
reason, is ignored and written again.  A cache that cannot be written is no error: the pack is
simply loaded each time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_SUFFIXES = (".yaml", ".yml")
MAX_ENTRIES = 64
_code_stamp: str | None = None


def cache_dir() -> Path | None:
    """The folder of the cache, or ``None`` when the cache is turned off."""
    if os.environ.get("NEWSLINT_NO_CACHE"):
        return None
    named = os.environ.get("NEWSLINT_CACHE_DIR")
    if named:
        return Path(named)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "newslint"


def code_stamp() -> str:
    """Name, size and modification time of each of newslint's modules, hashed."""
    global _code_stamp
    if _code_stamp is None:
        from . import __version__

        digest = hashlib.sha256(__version__.encode())
        root = Path(__file__).resolve().parent
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                if name.endswith(".py"):
                    stat = os.stat(os.path.join(folder, name))
                    digest.update(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
        _code_stamp = digest.hexdigest()
    return _code_stamp


def pack_key(folder: Path) -> str | None:
    """The key of a pack folder's current contents; ``None`` when a file cannot be read."""
    digest = hashlib.sha256(code_stamp().encode())
    digest.update(os.fsencode(str(folder)) + b"\0")
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix in _SUFFIXES and p.is_file())
        for path in files:
            digest.update(os.fsencode(path.name) + b"\0")
            digest.update(path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def cached(folder: Path, load: Callable[[Path], T]) -> T:
    """``load(folder)``, from the cache when the pack is unchanged since it was cached."""
    where = cache_dir()
    key = pack_key(folder) if where is not None else None
    if where is None or key is None:
        return load(folder)
    prefix = hashlib.sha256(os.fsencode(str(folder))).hexdigest()[:16]
    entry = where / f"pack-{prefix}-{key[:32]}.pickle"
    try:
        with open(entry, "rb") as fh:
            value: T = pickle.load(fh)
        return value
    except Exception:  # missing, truncated, corrupted or stale: load the pack again
        pass
    value = load(folder)
    _store(entry, prefix, value)
    return value


def _store(entry: Path, prefix: str, value: object) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        fd, temp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(temp, entry)
        except BaseException:
            os.unlink(temp)
            raise
        for old in entry.parent.glob(f"pack-{prefix}-*.pickle"):
            if old != entry:
                old.unlink(missing_ok=True)  # the same folder's older contents
        entries = list(entry.parent.glob("pack-*.pickle"))
        if len(entries) > MAX_ENTRIES:  # folders that come and go (temporary ones)
            entries.sort(key=lambda p: p.stat().st_mtime)
            for old in entries[: len(entries) - MAX_ENTRIES]:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # no cache this time
