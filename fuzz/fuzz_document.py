"""Fuzz the readers and the engine: any bytes, read as plain text, Markdown or HTML, lint cleanly.

Run briefly:  python fuzz/fuzz_document.py -max_total_time=30
Run long:     python fuzz/fuzz_document.py -max_total_time=3600 fuzz/corpus-document
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from newslint import load_style
    from newslint.engine import lint_document
    from newslint.errors import InputError
    from newslint.formats import parse
    from newslint.rulefile import builtin_packs
    from newslint.source import decode

STYLE = load_style(builtin_packs())
FORMATS = ("text", "markdown", "html")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    try:
        source = decode(data[1:], "<fuzz>")
    except InputError:
        return
    text = source.text
    doc = parse(text, fmt, "<fuzz>")
    assert len(doc.view) == len(text)
    for v in lint_document(doc, STYLE):
        assert text[v.start : v.end] == v.found
        assert doc.position(v.start) == (v.line, v.column)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
