"""Lint and fix random news-like drafts for a while, checking what must always hold.

    python fuzz/stress_drafts.py CORPUS_DIR [--seconds 120] [--seed 1]

Drafts are made of words taken from the corpus at run time (nothing is copied into the
project) mixed with the marks, names, numbers, dates, markup and directives the rules care
about, then read as plain text, Markdown or HTML and checked with ``core`` plus ``uk-news``
and with ``core`` plus ``us-news``.  For each draft and style:

* linting raises nothing, and every violation's position maps back to its found text;
* every message is one line;
* ``fix_text`` raises nothing, and fixing the fixed text changes nothing.

A failure is printed with its draft; the exit status is 1 when any draft failed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from newslint import Style, fix_text, lint_text, load_style

TRICKY = [
    *("Mr", "Mrs", "Ms", "Dr", "Sir", "Mr.", "Volodymyr", "Zelensky", "Zelenskyy", "Vladimir"),
    *("Donald", "Trump", "Prime", "Minister", "President", "Vice-President", "JD", "Vance"),
    *("von", "der", "Leyen", "Ursula", "U.S.", "UK", "Nato", "NATO", "al-Qaeda", "al", "Qaida"),
    *("Kiev", "Kyiv", "gray", "organization", "nuclear", "program", "the", "the", "this"),
    *("\n", "\n\n", "  ", "\t", '"', "“", "”", "‘", "’", "'", "(", ")", "[", "]", "(sic)"),
    *("3", "9", "10", "12", "1,000", "£5m", "$3bn", "5%", "per", "cent", "ten", "nine", "1st"),
    *("13", "February", "Feb.", "2025", "Monday", "8:28", "AM", "p.m.", "noon", "GMT"),
    *("-", "–", "—", "!", "?", ".", ",", ";", ":", "é", "İ", "ſ", "\u0301", "٣"),
    *("www.example.com", "desk@example.org", "# ", "> ", "- ", "* ", "1. ", "`", "<p>", "</p>"),
    *("&amp;", "&rsquo;", "&nbsp;", "<!-- newslint-disable -->", "[newslint-disable-next-line]"),
    *("<br>", "<br/>", "<b>", "</b>", "van", "Van", "Gaal", "Le", "Pen", "ten", "Hag", "de"),
]
SEPARATORS = [" ", " ", " ", "", "\n", "  ", "\u00a0", "\u202f", " \u200b", "\u2060"]
# Letters that match another letter only when case is ignored ("ſ" and "s", "K" and "k", "İ"
# and "i"): written inside a word, a rule's case-blind pattern matches a word its tables lack.
FOLDS = [("s", "ſ"), ("k", "\u212a"), ("K", "\u212a"), ("i", "İ"), ("I", "ı"), ("A", "\u212b")]


def draft(rng: random.Random, words: Sequence[str]) -> str:
    count = rng.randint(1, 60)
    parts = []
    for _ in range(count):
        token = rng.choice(TRICKY) if rng.random() < 0.4 else rng.choice(words)
        if rng.random() < 0.05:
            plain, folded = rng.choice(FOLDS)
            token = token.replace(plain, folded, 1)
        parts.append(token + rng.choice(SEPARATORS))
    return "Headline\n\n" + "".join(parts)


# A courtesy title right after another, across what reads as one space (a line break, a
# no-break space, inline markup): a fix that gives a titled name a second title writes this.
_GAP = r"(?:[ \t\u00a0]|\n(?![ \t]*\n)|&nbsp;|</?(?:a|b|i|em|strong|span)\b[^<>]*>|[*_\[\]])+"
_TITLE_TWICE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?{_GAP}(?:Mr|Mrs|Ms|Miss|Dr)\b")


def check(text: str, fmt: str, style: Style) -> None:
    for v in lint_text(text, style=style, format=fmt):
        assert text[v.start : v.end] == v.found, v
        assert "\n" not in v.message and "\r" not in v.message, v
    fixed = fix_text(text, style=style, format=fmt)
    assert fix_text(fixed, style=style, format=fmt) == fixed, "fixing again changed the text"
    twice = len(_TITLE_TWICE.findall(fixed))
    assert twice <= len(_TITLE_TWICE.findall(text)), "the fix gave a name a second title"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("corpus", type=Path)
    p.add_argument("--seconds", type=float, default=120.0)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    words: list[str] = []
    for path in sorted(args.corpus.rglob("*.txt"))[::40]:
        words += re.findall(r"\S+", path.read_text(encoding="utf-8", errors="replace"))[:200]
    if not words:
        p.error(f"no .txt drafts under {args.corpus}")
    styles = {pack: load_style(["core", pack]) for pack in ("uk-news", "us-news")}
    rng = random.Random(args.seed)
    end = time.monotonic() + args.seconds
    drafts = failures = 0
    while time.monotonic() < end:
        text = draft(rng, words)
        fmt = rng.choice(["text", "markdown", "html"])
        for pack, style in styles.items():
            try:
                check(text, fmt, style)
            except Exception:
                failures += 1
                if failures <= 10:
                    print(f"FAILED with {pack}, read as {fmt}: {text!r}", file=sys.stderr)
                    traceback.print_exc(limit=4)
        drafts += 1
    print(f"{drafts} drafts, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
