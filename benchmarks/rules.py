"""Seconds each rule takes over a sample of a corpus, largest first, and the parsing time.

    python benchmarks/rules.py CORPUS_DIR [--style PACK_OR_DIR ...] [--every N] [--top N]

Drafts are parsed first, then each rule is run over every parsed draft in turn, timed apart, so
the figures say where a profile-driven change pays.  Rules sharing work on a draft (the date
rules' matches, the number rules' sentence starts) charge it to the first rule that asks.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from newslint.engine import check_rule
from newslint.formats import format_for, parse
from newslint.source import decode
from newslint.style import load_style


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("corpus", type=Path)
    p.add_argument("--style", action="append", default=[], metavar="PACK_OR_DIR")
    p.add_argument("--every", type=int, default=5, help="time every Nth draft (default 5)")
    p.add_argument("--top", type=int, default=30, help="rules to print (default 30)")
    args = p.parse_args(argv)
    style = load_style(args.style or None)
    paths = sorted(f for f in args.corpus.rglob("*") if f.is_file() and f.suffix in (".txt", ".md"))
    paths = paths[:: args.every]
    started = time.perf_counter()
    docs = []
    size = 0
    for path in paths:
        data = path.read_bytes()
        size += len(data)
        source = decode(data, str(path), None)
        docs.append(parse(source.text, format_for(str(path)), str(path)))
    parsing = time.perf_counter() - started
    spent: dict[str, float] = defaultdict(float)
    for doc in docs:
        for rule in style.rules:
            before = time.perf_counter()
            check_rule(doc, rule)
            spent[f"{rule.name} ({rule.type})"] += time.perf_counter() - before
    total = sum(spent.values())
    print(f"{len(docs)} drafts, {size / 1e6:.2f} MB: parsing {parsing:.3f} s, rules {total:.3f} s")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{seconds:8.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
