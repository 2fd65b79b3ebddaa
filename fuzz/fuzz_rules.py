"""Fuzz the rule loader: any text as a rule file either loads or raises RuleFileError.

Run briefly:  python fuzz/fuzz_rules.py -max_total_time=30
Run long:     python fuzz/fuzz_rules.py -max_total_time=3600 fuzz/corpus-rules
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from newslint.errors import RuleFileError
    from newslint.rulefile import parse_rules

SEED = b"""rules:
  - id: a
    type: substitution
    swap: {Kiev: Kyiv}
    examples: {fail: ["Kiev"], pass: ["Kyiv"]}
"""


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    try:
        parse_rules(text, "<fuzz>", "fuzz")
    except RuleFileError as exc:
        assert str(exc).startswith("<fuzz>")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
