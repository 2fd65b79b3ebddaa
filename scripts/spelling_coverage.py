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
one replaces exactly the word by its counterpart; the last column counts the pairs fixed
again with the word capitalised at a sentence start.  ``--misses`` lists the pairs not fixed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spelling_pairs

from newslint import lint_text, load_style

SENTENCES = ("They said {} was the word.\n\n", "{} was the word, they said.\n\n")


def capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def coverage(pack: str, swap: dict[str, str], *, start: bool) -> tuple[set[str], set[str]]:
    """The keys of ``swap`` that core and ``pack`` flag, and those they fix to their value,
    each word inside a sentence or, with ``start``, capitalised at its start."""
    sentence = SENTENCES[start]
    shown = {word: capitalised(word) if start else word for word in swap}
    text = "".join(sentence.format(shown[word]) for word in swap)
    found = lint_text(text, style=load_style(["core", pack]))
    spans: dict[int, str] = {}
    at = 0
    for word in swap:
        spans[at + sentence.index("{}")] = word
        at += len(sentence.format(shown[word]))
    flagged: set[str] = set()
    fixed: set[str] = set()
    for v in found:
        word = spans.get(v.start, "")
        if not word or v.end != v.start + len(word):
            continue
        flagged.add(word)
        want = capitalised(swap[word]) if start else swap[word]
        if v.replacement == want:
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
    houses = dict(zip(names, spelling_pairs.directed(american, british), strict=True))
    misses: list[str] = []
    print(f"{'pairs':16} {'kind':10} {'pairs':>6} {'flagged':>8} {'fixed':>6} {'Capitalised':>12}")
    for name, by_kind in houses.items():
        totals = [0, 0, 0, 0]
        for kind, swap in by_kind.items():
            flagged, fixed = coverage(name.split()[0], swap, start=False)
            fixed_start = coverage(name.split()[0], swap, start=True)[1]
            counts = (len(swap), len(flagged), len(fixed), len(fixed_start))
            print(
                f"{name:16} {kind:10} {counts[0]:6d} {counts[1]:8d} {counts[2]:6d} {counts[3]:12d}"
            )
            totals = [t + c for t, c in zip(totals, counts, strict=True)]
            misses += [f"{name} {kind}: {k} -> {v}" for k, v in swap.items() if k not in fixed]
            misses += [
                f"{name} {kind}: {capitalised(k)} -> {capitalised(v)}"
                for k, v in swap.items()
                if k not in fixed_start
            ]
        print(f"{name:16} {'all':10} {totals[0]:6d} {totals[1]:8d} {totals[2]:6d} {totals[3]:12d}")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
