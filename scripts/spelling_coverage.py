"""How many of SCOWL's American and British word pairs the spelling rules flag and fix.

    apt-get download wbritish wamerican
    dpkg-deb -x wbritish_*.deb x && dpkg-deb -x wamerican_*.deb x
    python scripts/spelling_coverage.py x/usr/share/dict/american-english \\
        x/usr/share/dict/british-english [--misses]

The pairs are every word form (inflections too) that ``scripts/spelling_pairs.py`` relates, by
kind of change, taken the way each house must fix them: for uk-news an American word only the
American list holds and its British form, for us-news a British word only the British list
holds and its American form (a word both lists hold is the same word in both, or another word
in the other house, and is not a miss).  Each word is linted inside a sentence of its own with
core and the house's pack; a pair is *flagged* when a report covers the word and *fixed* when
one replaces exactly the word by its counterpart.  ``--misses`` lists the pairs not fixed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spelling_pairs
from newslint import lint_text, load_style

SENTENCE = "They said {} was the word.\n\n"


def coverage(pack: str, swap: dict[str, str]) -> tuple[set[str], set[str]]:
    """The keys of ``swap`` that core and ``pack`` flag, and those they fix to their value."""
    text = "".join(SENTENCE.format(word) for word in swap)
    found = lint_text(text, style=load_style(["core", pack]))
    flagged: set[str] = set()
    fixed: set[str] = set()
    at = 0
    spans: dict[int, str] = {}
    for word in swap:
        start = at + len("They said ")
        spans[start] = word
        at += len(SENTENCE.format(word))
    starts = sorted(spans)
    for v in found:
        for start in starts:
            word = spans[start]
            end = start + len(word)
            if v.start < end and start < v.end:
                flagged.add(word)
                if (v.start, v.end) == (start, end) and v.replacement == swap[word]:
                    fixed.add(word)
    return flagged, fixed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("american", type=Path)
    parser.add_argument("british", type=Path)
    parser.add_argument("--misses", action="store_true", help="list the pairs not fixed")
    args = parser.parse_args(argv)
    american = spelling_pairs.words(args.american)
    british = spelling_pairs.words(args.british)
    names = ("uk-news", "us-news", "us-news variants")
    houses = dict(zip(names, spelling_pairs.directed(american, british)))
    misses: list[str] = []
    print(f"{'pairs':16} {'kind':10} {'pairs':>6} {'flagged':>8} {'fixed':>6}")
    for name, by_kind in houses.items():
        totals = [0, 0, 0]
        for kind, swap in by_kind.items():
            flagged, fixed = coverage(name.split()[0], swap)
            print(f"{name:16} {kind:10} {len(swap):6d} {len(flagged):8d} {len(fixed):6d}")
            totals = [totals[0] + len(swap), totals[1] + len(flagged), totals[2] + len(fixed)]
            misses += [f"{name} {kind}: {k} -> {v}" for k, v in swap.items() if k not in fixed]
        print(f"{name:16} {'all':10} {totals[0]:6d} {totals[1]:8d} {totals[2]:6d}")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
