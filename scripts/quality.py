"""Measure a style on a folder of real articles: violations per article per rule, and a sample.

    python scripts/quality.py /path/to/bbc-2005 --style core --style uk-news
    python scripts/quality.py /path/to/bbc-2005 --sample 120 --seed 2005 [--context]

Files with the same content are counted once (by SHA-256 of their bytes).  The sample is drawn
from every violation of the deduplicated corpus by a seeded hash, so the same command gives the
same sample; ``--context`` prints the line of each sampled violation for review in a terminal.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

from newslint.runner import lint_path
from newslint.style import load_style
from newslint.violation import Violation


def unique_files(root: Path) -> tuple[list[Path], int]:
    """The ``*.txt`` articles under ``root`` (README excluded), one per distinct content."""
    seen: set[str] = set()
    kept: list[Path] = []
    duplicates = 0
    for path in sorted(root.rglob("*.txt")):
        if path.name.upper().startswith("README"):
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in seen:
            duplicates += 1
            continue
        seen.add(digest)
        kept.append(path)
    return kept, duplicates


def sample(found: list[Violation], size: int, seed: int) -> list[Violation]:
    """``size`` violations chosen by a seeded hash of where they are and which rule found them.

    A violation is picked when its hash is among the ``size`` smallest, so the sample is the same
    on every run, and a change to one rule adds or drops only that rule's violations from it.
    """

    def key(v: Violation) -> str:
        where = f"{seed}:{v.path}:{v.line}:{v.column}:{v.rule}"
        return hashlib.sha256(where.encode()).hexdigest()

    chosen = sorted(found, key=key)[:size]
    return sorted(chosen, key=lambda v: (v.path, v.line, v.column, v.rule))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--style", action="append", default=[])
    parser.add_argument("--sample", type=int, default=0, help="how many violations to draw")
    parser.add_argument("--seed", type=int, default=2005)
    parser.add_argument("--context", action="store_true", help="print each sampled line")
    args = parser.parse_args(argv)

    style = load_style(args.style or ["core", "uk-news"])
    files, duplicates = unique_files(args.corpus)
    found: list[Violation] = []
    per_rule: Counter[str] = Counter()
    articles_with: Counter[str] = Counter()
    for path in files:
        result = lint_path(str(path), style, display=str(path.relative_to(args.corpus)))
        found.extend(result.violations)
        rules = Counter(v.rule for v in result.violations)
        per_rule.update(rules)
        articles_with.update(rules.keys())

    n = len(files)
    print(f"articles: {n} distinct ({duplicates} duplicates skipped)")
    print(f"rules in force: {len(style.rules)}; violations: {len(found)}")
    print(f"{'rule':40} {'count':>7} {'per article':>12} {'articles':>9}")
    for rule in sorted(per_rule, key=lambda r: (-per_rule[r], r)):
        print(f"{rule:40} {per_rule[rule]:7d} {per_rule[rule] / n:12.3f} {articles_with[rule]:9d}")
    print(f"{'all':40} {len(found):7d} {len(found) / n:12.3f}")

    if args.sample:
        picked = sample(found, args.sample, args.seed)
        print(f"\nsample: {len(picked)} violations, seed {args.seed}")
        texts: dict[str, list[str]] = {}
        for number, v in enumerate(picked, 1):
            print(f"{number:3d} {v.path}:{v.line}:{v.column} {v.rule} {v.found!r}")
            if args.context:
                if v.path not in texts:
                    raw = (args.corpus / v.path).read_text(encoding="utf-8", errors="replace")
                    texts[v.path] = raw.splitlines()
                print(f"      {texts[v.path][v.line - 1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
