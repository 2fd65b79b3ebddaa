"""How near the built-in rules come to their time limit on real copy, and what the limit costs.

    python benchmarks/limits.py CORPUS_DIR [CORPUS_DIR ...] [--sizes MB ...] [--style PACK ...]

For each corpus (a folder of articles, such as ../shared/corpus/bbc-2005) and each size (1, 2,
5 and 10 MB unless ``--sizes`` says), the corpus's articles one after another (again and again
past the corpus's own size) are linted as one plain-text draft with each style (core with
uk-news, core with us-news), as ``newslint`` lints one file.  Printed for each: the rule that
took longest and its CPU seconds (which the limit counts, see
``newslint.engine.checked_in_time``) against the rule's limit on a draft of that size (see
``newslint.engine.rule_time_limit``) and the share of the limit it used, whether any rule
reported ``newslint.rule-timeout``, and the CPU seconds of the whole draft with the limit on and
with it off (``NEWSLINT_PATTERN_TIMEOUT=0``): the last column is the limit's own cost.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable

from newslint import load_style
from newslint.checks.base import time_limit
from newslint.engine import DEFAULT_PATTERN_TIMEOUT, PATTERN_TIMEOUT, RULE_TIMEOUT, check_rule
from newslint.formats import parse
from newslint.runner import lint_bytes
from newslint.style import Style

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from hostile import corpus_draft


def slowest_rule(text: str, style: Style, limit: float) -> tuple[str, float]:
    """The rule that takes longest on ``text`` (a plain-text draft), with its CPU seconds."""
    doc = parse(text, "text", "draft.txt")
    worst = ("", 0.0)
    for rule in style.rules:
        start = time.thread_time()
        with time_limit(limit * 100):
            check_rule(doc, rule)
        seconds = time.thread_time() - start
        worst = max(worst, (rule.name, seconds), key=lambda pair: pair[1])
    return worst


def cpu(text: str, style: Style, seconds: str) -> tuple[float, int]:
    """CPU seconds to lint ``text`` with ``NEWSLINT_PATTERN_TIMEOUT`` set to ``seconds``, and
    the number of rule-timeout reports."""
    os.environ[PATTERN_TIMEOUT] = seconds
    try:
        start = time.process_time()
        _, _, found = lint_bytes(text.encode("utf-8"), "draft.txt", style, format="text")
        return time.process_time() - start, sum(v.rule == RULE_TIMEOUT for v in found)
    finally:
        del os.environ[PATTERN_TIMEOUT]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", nargs="+", metavar="CORPUS_DIR")
    p.add_argument("--sizes", type=float, nargs="+", default=[1.0, 2.0, 5.0, 10.0], metavar="MB")
    p.add_argument("--style", action="append", default=[], metavar="PACK")
    args = p.parse_args(argv)
    packs = args.style or ["uk-news", "us-news"]
    print(
        f"{'corpus':<14} {'style':<8} {'size':>7} {'slowest rule':<28} {'s':>6} {'limit':>6} "
        f"{'share':>6} {'timeouts':>8} {'cpu on':>7} {'cpu off':>7} {'cost':>6}"
    )
    for folder in args.corpus:
        make: Callable[[int], str] = corpus_draft(folder)
        name = os.path.basename(os.path.normpath(folder))
        for pack in packs:
            style = load_style(["core", pack])
            cpu(make(20_000), style, "0")  # patterns compiled on first use are not counted
            for mb in args.sizes:
                text = make(int(mb * 1_000_000))
                size = len(text) / 1e6
                limit = DEFAULT_PATTERN_TIMEOUT * max(1.0, size)
                rule, seconds = slowest_rule(text, style, limit)
                on, timeouts = cpu(text, style, str(DEFAULT_PATTERN_TIMEOUT))
                off, _ = cpu(text, style, "0")
                print(
                    f"{name:<14} {pack:<8} {size:5.1f}MB {rule:<28} {seconds:6.2f} {limit:6.1f} "
                    f"{seconds / limit:6.1%} {timeouts:8d} {on:7.2f} {off:7.2f} {on / off:6.2f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
