"""A cache of loaded packs, so that a run on one draft does not parse and compile YAML again.

A pack's rules are pickled (compiled ``regex`` patterns pickle with their compiled code) under
the user's cache folder: ``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint``, else
``~/.cache/newslint``.  ``NEWSLINT_NO_CACHE`` (set to anything but empty) turns the cache off.

A pack folder (as given) has one entry, which holds its key: the name and bytes of each rule
file, the newslint version, and the name, size and modification time of each of newslint's own
modules (so that a changed rule type never meets rules pickled by the old one).  The entry is
used only when its key equals the current one.  Entries are written atomically (a temporary
file renamed into place); one that cannot be read, for any reason, is ignored and written
again.  A cache that cannot be written is no error: the pack is simply loaded each time.

An entry starts with the cache format's version and a BLAKE2b checksum of the pickle after
it, and is unpickled only when both are right.  This matters more than for most pickles: a
compiled ``regex`` pattern unpickles by handing its stored code straight to the C engine, with
no check, so an entry with a few bytes changed that still unpickles could crash the process
(it did: exit 139, on every run until the cache was deleted).
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

try:  # BLAKE2b as Python builds it in: hashlib would load OpenSSL too, 4 ms and 3.5 MB a run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

T = TypeVar("T")

_SUFFIXES = (".yaml", ".yml")
FORMAT = b"newslint-cache 2\n"  # the first bytes of an entry; a new layout gets a new number
_DIGEST = 32  # bytes of BLAKE2b checksum after FORMAT
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
    """The version, and name, size and modification time of each of newslint's modules, with
    the versions of ``regex`` and Python: a compiled pattern pickled under one release of
    ``regex`` is not the same program under another (its code is handed to the C engine as it
    was stored), so a cache is never shared between them."""
    global _code_stamp
    if _code_stamp is None:
        import regex

        from . import __version__

        lines = [__version__, f"regex {regex.__version__}", f"python {sys.version}"]
        root = Path(__file__).resolve().parent
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                if name.endswith(".py"):
                    stat = os.stat(os.path.join(folder, name))
                    lines.append(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
        _code_stamp = "\n".join(lines)
    return _code_stamp


def pack_key(folder: Path) -> bytes | None:
    """What a cached pack must have been loaded from: the code stamp, the folder, and the name
    and bytes of each rule file; ``None`` when a file cannot be read."""
    parts = [code_stamp().encode(), os.fsencode(str(folder))]
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix in _SUFFIXES and p.is_file())
        for path in files:
            parts.append(os.fsencode(path.name))
            parts.append(path.read_bytes())
    except OSError:
        return None
    return b"\0".join(f"{len(part)}:".encode() + part for part in parts)


def cached(folder: Path, load: Callable[[Path], T]) -> T:
    """``load(folder)``, from the cache when the pack is unchanged since it was cached.

    The entry holds the key it was written for, which must equal the current key byte for
    byte: no hash stands in for the contents.
    """
    where = cache_dir()
    key = pack_key(folder) if where is not None else None
    if where is None or key is None:
        return load(folder)
    entry = where / f"pack-{zlib.crc32(os.fsencode(str(folder))):08x}.pickle"
    try:
        stored_key, value = read_entry(entry)
        if stored_key == key:
            return value  # type: ignore[no-any-return]
    except Exception:  # missing, truncated, corrupted or from other code: load it again
        pass
    value = load(folder)
    store(entry, (key, value))
    return value


def _checksum(payload: bytes | memoryview) -> bytes:
    return blake2b(payload, digest_size=_DIGEST).digest()


def read_entry(entry: Path) -> Any:
    """The value pickled in ``entry``; ``None`` when the file is missing, of another format,
    or its checksum does not match (it is then never unpickled)."""
    try:
        with open(entry, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    head = len(FORMAT) + _DIGEST
    if not data.startswith(FORMAT) or len(data) < head:
        return None
    payload = memoryview(data)[head:]
    if _checksum(payload) != data[len(FORMAT) : head]:
        return None
    return pickle.loads(payload)


def store(entry: Path, value: object) -> None:
    """Pickle ``value`` to ``entry`` atomically; a cache that cannot be written is no error."""
    import tempfile

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        data = FORMAT + _checksum(payload) + payload
        fd, temp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(temp, entry)
        except BaseException:
            os.unlink(temp)
            raise
        kind = entry.name.split("-", 1)[0]  # "pack", "patterns"
        entries = list(entry.parent.glob(f"{kind}-*.pickle"))
        if len(entries) > MAX_ENTRIES:  # folders or installs that come and go (temporary ones)
            entries.sort(key=lambda p: p.stat().st_mtime)
            for old in entries[: len(entries) - MAX_ENTRIES]:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        pass  # no cache this time
