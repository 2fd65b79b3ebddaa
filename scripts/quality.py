"""Measure a style on a folder of real articles: violations per article per rule, and a sample.

    python scripts/quality.py /path/to/bbc-2005 --style core --style uk-news
    python scripts/quality.py /path/to/bbc-2005 --sample 120 --seed 2005 [--context]
    python scripts/quality.py /path/to/reuters-2017 --style core --style us-news --per-rule 20


Files with the same content are counted once (by SHA-256 of their bytes).  The sample is drawn
from every violation of the deduplicated corpus by a seeded hash, so the same command gives the
same sample; ``--context`` prints the line of each sampled violation for review in a terminal.
``--per-rule N`` draws N violations of every rule (all of them where a rule has fewer), by the
same seeded hash, and prints each with the text around it, the flagged span in ``[[ ]]``;
``--rule`` limits that review to the rules named.
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

    chosen = sorted(found, key=lambda v: sample_key(v, seed))[:size]
    return sorted(chosen, key=lambda v: (v.path, v.line, v.column, v.rule))


def sample_key(v: Violation, seed: int) -> str:
    """The seeded hash that orders violations for sampling: where it is and which rule found it."""
    where = f"{seed}:{v.path}:{v.line}:{v.column}:{v.rule}"
    return hashlib.sha256(where.encode()).hexdigest()


def per_rule_sample(found: list[Violation], size: int, seed: int) -> dict[str, list[Violation]]:
    """``size`` violations of every rule (all where it has fewer), chosen as ``sample`` chooses."""
    by_rule: dict[str, list[Violation]] = {}
    for v in found:
        by_rule.setdefault(v.rule, []).append(v)
    return {rule: sample(items, size, seed) for rule, items in sorted(by_rule.items())}


def in_context(text: str, v: Violation, width: int = 160) -> str:
    """The text around ``v`` on one line, ``width`` characters each side, the span in ``[[ ]]``."""
    before = text[max(0, v.start - width) : v.start]
    after = text[v.end : v.end + width]
    shown = f"{before}[[{text[v.start : v.end]}]]{after}"
    return " ".join(shown.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--style", action="append", default=[])
    parser.add_argument("--sample", type=int, default=0, help="how many violations to draw")
    parser.add_argument("--seed", type=int, default=2005)
    parser.add_argument("--context", action="store_true", help="print each sampled line")
    parser.add_argument("--per-rule", type=int, default=0, help="how many to draw of each rule")
    parser.add_argument("--rule", action="append", default=[], help="review only this rule")
    parser.add_argument("--width", type=int, default=160, help="context characters each side")
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

    if args.per_rule:
        print(f"\nper-rule sample: up to {args.per_rule} of each rule, seed {args.seed}")
        for rule, picked in per_rule_sample(found, args.per_rule, args.seed).items():
            if args.rule and rule not in args.rule:
                continue
            print(f"\n## {rule}: {len(picked)} of {per_rule[rule]}")
            for number, v in enumerate(picked, 1):
                text = (args.corpus / v.path).read_text(encoding="utf-8", errors="replace")
                print(f"{number:3d} {v.path}:{v.line}:{v.column} {v.message}")
                print(f"      {in_context(text, v, args.width)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
