"""The straightforward engine of ``benchmarks/reference.py``, which the benchmark compares the
engine against on a corpus, agrees with the engine on the project's own drafts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newslint import load_style
from newslint.engine import lint_document
from newslint.formats import format_for, parse

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from reference import reference_lint  # noqa: E402

DRAFTS = sorted(
    [
        *(ROOT / "tests" / "cases").glob("*/draft.*"),
        *(ROOT / "examples").glob("**/draft.md"),
    ]
)
# Written to make the word-list rules and their exceptions fire: spellings of both houses, a
# spelling quoted as written, names that hold a listed word, initialisms and house terms.
MIXED = (
    "Council to organise colour review\n\n"
    "The council will organize a review of the color of its signs, and analyse the "
    'centre\'s programme. A resident wrote that the "colour (sic) was garish". '
    "The Ministry of Defence and the National Theatre were not consulted. "
    "The U.S. and the U.K. sent observers to the theatre; whilst they travelled, "
    "the E.U. waited.\n"
)


@pytest.mark.parametrize("pack", ["uk-news", "us-news"])
def test_reference_engine_agrees_on_the_project_drafts(pack: str) -> None:
    style = load_style(["core", pack])
    total = 0
    for path in DRAFTS:
        doc = parse(path.read_text(encoding="utf-8"), format_for(str(path)), str(path))
        engine = lint_document(doc, style)
        assert engine == reference_lint(doc, style), path
        total += len(engine)
    doc = parse(MIXED, "text", "mixed.txt")
    engine = lint_document(doc, style)
    assert engine == reference_lint(doc, style)
    rules = {v.rule for v in engine}
    assert f"{pack}.initialism-stops" in rules  # the comparison covers findings, not just none
    assert total > 0
