"""Inputs that once crashed newslint (most found by the fuzzers in fuzz/): each lints cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import load_style
from newslint.engine import lint_document
from newslint.formats import FORMATS, parse
from newslint.source import decode

CASES = sorted((Path(__file__).parent / "regressions").glob("*.bin"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
@pytest.mark.parametrize("format", FORMATS)
def test_regression_input_lints(path: Path, format: str) -> None:
    text = decode(path.read_bytes(), path.name).text
    doc = parse(text, format, path.name)
    assert len(doc.view) == len(text)
    for v in lint_document(doc, load_style(["core"])):
        assert text[v.start : v.end] == v.found
