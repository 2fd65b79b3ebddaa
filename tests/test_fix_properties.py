"""What must hold of ``--fix`` on any draft, with each built-in pack: a second ``--fix`` changes
nothing, no fix changes text outside its own span, and the fixed text is not flagged again where
it was fixed (see ``benchmarks/fix_corpus.py``, which checks the same on a whole corpus).

The drafts are a bounded sample of a news corpus, read where it lies at test time (nothing of it
is copied here), and drafts generated from fragments written for this project.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import Style, load_style

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from fix_corpus import STYLES, fix_faults  # noqa: E402

# shared/ stands beside the checkout (as in CI), or one folder further up (a work tree)
PLACES = [up / "shared" / "corpus" / "bbc-2005" for up in (ROOT.parent, ROOT.parent.parent)]
CORPUS = next((place for place in PLACES if place.is_dir()), PLACES[0])
SAMPLE = 6  # drafts: every few hundredth of the corpus, so each section is read

LOADED: dict[str, Style] = {name: load_style(list(packs)) for name, packs in STYLES.items()}


def sample() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    drafts = sorted(p for p in CORPUS.rglob("*.txt") if p.name != "README.TXT")
    step = max(1, len(drafts) // SAMPLE)
    return drafts[::step][:SAMPLE]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")
@pytest.mark.parametrize("style", sorted(STYLES))
def test_fixing_real_copy_is_settled_and_stays_in_its_spans(style: str) -> None:
    fixes = 0
    for path in sample():
        written, faults = fix_faults(
            path.read_text(encoding="utf-8", errors="replace"), LOADED[style]
        )
        assert not faults, f"{path}: {faults}"
        fixes += written
    assert fixes or style == "core"  # the news packs find something to fix in real copy


FRAGMENTS = [
    "The council met at 12 p.m. Friday",
    "the minister spoke at 1:30 p.m. (1830 GMT)",
    "polls close at 1:30 p.m. EST",
    "the talks ended at 4 p.m. The leaders left",
    "Volodymyr Zelenskyy spoke in Kyiv",
    "Mr Zelensky said",
    "Mr Smith, a farmer, said",
    "the defence secretary said",
    "Defence Secretary Ann Lee",
    "she may be U.S. Defense Secretary",
    "shares in One.Tel fell",
    "Amazon.com and Yahoo.co.uk",
    "J.K. Rowling wrote",
    "the the plan",
    "she resigned.The party",
    "the colour of the organisation",
    "a programme worth £5m",
    "prices rose 5 per cent",
    "13 February 2025",
    "on Feb. 13, 2025",
    "NATO and Nato leaders",
    "travelled towards the centre",
    "“We will win,” she said",
    'he said "no',
    "10 people",
    "nine buses",
]
SEPARATORS = [" ", ". ", ", ", "\n\n", "  ", "; "]


@st.composite
def drafts(draw: st.DrawFn) -> str:
    pair = st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS))
    parts = draw(st.lists(pair, min_size=1, max_size=12))
    return "Council meets\n\n" + "".join(f + s for f, s in parts) + "\n"


@pytest.mark.parametrize("style", sorted(STYLES))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=drafts())
def test_fixing_generated_drafts_is_settled_and_stays_in_its_spans(style: str, text: str) -> None:
    _, faults = fix_faults(text, LOADED[style])
    assert not faults, faults
