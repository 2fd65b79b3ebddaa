"""``json``: a list of objects with exactly the keys of :data:`~newslint.violation.JSON_KEYS`.

A file name that is not UTF-8 holds, once read, stand-ins for its bytes (U+DC80 to U+DCFF, as
Python's ``surrogateescape`` reads them): they are written as ``\\udcXX`` escapes, so the report
stays valid UTF-8 JSON and a Python reader gets the same name back (``os.fsencode``).
"""

from __future__ import annotations

import json
import re
from typing import IO

from ..violation import Violation
from . import ascii_only

_BYTE = re.compile("[\udc80-\udcff]")


class JsonFormatter:
    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.count = 0
        self.ascii = ascii_only(out)

    def start(self) -> None:
        self.out.write("[")

    def file(self, path: str, violations: list[Violation], text: str | None) -> None:
        for v in violations:
            self.out.write(",\n  " if self.count else "\n  ")
            text = json.dumps(v.to_dict(), ensure_ascii=self.ascii)
            if not self.ascii and _BYTE.search(text) is not None:
                text = _BYTE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
            self.out.write(text)
            self.count += 1

    def finish(self) -> None:
        self.out.write("\n]\n" if self.count else "]\n")
