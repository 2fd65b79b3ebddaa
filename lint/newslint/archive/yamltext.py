"""The YAML text of a proposed rule, written without PyYAML's emitter.

A pack's rules hold nothing but mappings, lists, strings, whole numbers, booleans and ``None``,
and their text is written here in block style, each string plain where YAML reads it back as
the same string and quoted where it might not.  Written this way the text is the same on every
machine (PyYAML's C emitter and its Python one differ on long keys), and ``suggest`` neither
imports PyYAML nor runs its emitter, which together cost a BBC-sized archive run about 2%.
The round trip, ``yaml.safe_load(text) == value``, is what the tests hold it to.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

INDENT = "  "
LONGEST_KEY = 1000  # YAML reads a key on its own line only up to 1024 characters
FLOW_WIDTH = 60  # the longest list written on one line

# A string written plain: it starts with a letter and holds letters, figures, spaces and the
# marks below, none of which YAML reads as syntax there (no ": ", " #", no flow brackets).
_PLAIN = re.compile(r"[^\W\d_][\w .,()/%’'-]*(?<! )")
# Plain words YAML 1.1 reads as something other than a string.
_RESERVED = frozenset({"yes", "no", "y", "n", "true", "false", "on", "off", "null"})
# What YAML reads as a line break, or will not read at all, in a quoted string: escaped.
_UNSAFE = r"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff"
_PRINTABLE = re.compile(f"[^{_UNSAFE}]*")
_ESCAPE = re.compile(f"[{_UNSAFE}]")


def scalar(value: object) -> str:
    """``value`` (a string, a whole number, a boolean or ``None``) as one line of YAML."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"no YAML text for {type(value).__name__}")
    if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED:
        return value
    if _PRINTABLE.fullmatch(value):
        return "'" + value.replace("'", "''") + "'"
    # JSON's escapes are YAML's; JSON leaves some characters as they are that YAML would not.
    text = json.dumps(value, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _flow(items: Sequence[object]) -> str | None:
    """A short list of plain words on one line, as the built-in packs write ``scope``."""
    if not all(isinstance(item, str) and "," not in item for item in items):
        return None
    words = [scalar(item) for item in items]
    if words != list(items):  # one needs quotes
        return None
    line = "[" + ", ".join(words) + "]"
    return line if len(line) <= FLOW_WIDTH else None


def dump(value: object) -> str:
    """``value`` as a YAML document in block style, ending with a newline."""
    return "".join(line + "\n" for line in _lines(value, 0))


def _lines(value: object, depth: int) -> list[str]:
    pad = INDENT * depth
    if isinstance(value, Mapping):
        if not value:
            return [pad + "{}"]
        lines: list[str] = []
        for key, item in value.items():
            lines += _entry(pad, scalar(key), item, depth)
        return lines
    if isinstance(value, Sequence) and not isinstance(value, str):
        if not value:
            return [pad + "[]"]
        lines = []
        for item in value:
            inner = _lines(item, depth + 1)
            lines.append(pad + "- " + inner[0][len(pad) + len(INDENT) :])
            lines += inner[1:]
        return lines
    return [pad + scalar(value)]


def _entry(pad: str, key: str, item: object, depth: int) -> list[str]:
    """One key of a mapping with its value; a key too long to stand before its value alone
    is written as an explicit key (``? key`` then ``: value``)."""
    nested = isinstance(item, Mapping | list | tuple) and bool(item)
    if len(key) > LONGEST_KEY:
        if nested:
            return [pad + "? " + key, pad + ":", *_lines(item, depth + 1)]
        return [pad + "? " + key, pad + ": " + _lines(item, 0)[0]]
    flow = _flow(item) if isinstance(item, list | tuple) and item else None
    if flow is not None:
        return [pad + key + ": " + flow]
    if nested:
        return [pad + key + ":", *_lines(item, depth + 1)]
    return [pad + key + ": " + _lines(item, 0)[0]]
