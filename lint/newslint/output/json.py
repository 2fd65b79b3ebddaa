"""``json``: a list of objects with exactly the keys of :data:`~newslint.violation.JSON_KEYS`."""

from __future__ import annotations

import json
from typing import IO

from ..violation import Violation
from . import ascii_only


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
            self.out.write(json.dumps(v.to_dict(), ensure_ascii=self.ascii))
            self.count += 1

    def finish(self) -> None:
        self.out.write("\n]\n" if self.count else "]\n")
