"""Fixing real copy: what must hold of ``--fix`` on every draft of a corpus, with each built-in
pack, and how long it takes.

    python benchmarks/fix_corpus.py CORPUS_DIR [--limit N]

For each draft (``*.txt``, read as plain text) and each style (``core``, ``core`` + ``uk-news``,
``core`` + ``us-news``), :func:`fix_faults` checks that

* no fix changes text outside its own span: each fix replaces exactly the text its violation
  reports, and the text after one pass of fixes is the draft with each fix's span replaced and
  everything between the spans as it was;
* linting the text after that pass finds none of the fixed violations again: no rule flags the
  text it just wrote (as "1.30pm." flagged again, or a word another rule changes back);
* ``--fix`` twice gives the text of ``--fix`` once, and the second run counts no change.

It prints the drafts, styles, fixes and faults, and the seconds taken; each fault is printed
with its draft.  The exit status is 1 when a fault was found.  The test suite runs the same
checks on a bounded sample (tests/test_fix_properties.py); nothing of the corpus is copied.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newslint import Style, load_style
from newslint.engine import lint_document
from newslint.fix import apply_fixes, fix_document, fixable
from newslint.formats import parse
from newslint.violation import Violation

STYLES = {"core": ("core",), "uk-news": ("core", "uk-news"), "us-news": ("core", "us-news")}


def fix_faults(text: str, style: Style, fmt: str = "text") -> tuple[int, list[str]]:
    """How many fixes ``--fix`` writes in ``text``, and what does not hold (see above)."""
    faults: list[str] = []
    doc = parse(text, fmt, "<draft>")
    chosen = fixable(lint_document(doc, style), doc, style)
    once, _ = apply_fixes(text, chosen, doc, style)
    pos, parts = 0, []  # the text rebuilt from the draft and the fixes alone
    for v in chosen:
        if v.start < pos:
            faults.append(f"{v.rule}'s fix at {v.start} overlaps the fix before it")
        elif text[v.start : v.end] != v.found:
            faults.append(
                f"{v.rule} reports {v.found!r} where the draft has {text[v.start : v.end]!r}"
            )
        parts += [text[pos : v.start], v.replacement or ""]
        pos = max(pos, v.end)
    if once != "".join([*parts, text[pos:]]):
        faults.append("a pass of fixes changed the draft outside the fixes' spans")
    written: dict[tuple[int, int], Violation] = {}  # where each fix now stands
    shift = 0
    for v in chosen:
        replacement = v.replacement or ""
        written[(v.start + shift, v.start + shift + len(replacement))] = v
        shift += len(replacement) - (v.end - v.start)
    for w in lint_document(parse(once, fmt, "<draft>"), style):
        fix = written.get((w.start, w.end))
        if fix is None or (w.rule != fix.rule and w.replacement != fix.found):
            continue
        if _flagged_alone(text, fix, w.rule, style, fmt):  # not because a fix beside it changed
            if w.rule == fix.rule:
                faults.append(f"{fix.rule} flags its own fix {w.found!r} (was {fix.found!r})")
            else:
                faults.append(
                    f"{w.rule} changes {fix.rule}'s fix {w.found!r} back to {fix.found!r}"
                )
    first = fix_document(text, style, format=fmt)
    second = fix_document(first.text, style, format=fmt)
    if second.text != first.text or second.fixes:
        faults.append(
            f"a second --fix changes the text again ({second.fixes} fixes): "
            f"{first.text!r} -> {second.text!r}"
        )
    return first.fixes, faults


def _flagged_alone(text: str, v: Violation, rule: str, style: Style, fmt: str) -> bool:
    """Whether ``rule`` flags ``v``'s fix where it stands, with no other fix applied: a fix
    beside it may change what it reads ("U.S. Defense Secretary": the title follows the end of a
    sentence until "U.S." is written "US"), and the next pass settles that."""
    replacement = v.replacement or ""
    alone = text[: v.start] + replacement + text[v.end :]
    span = (v.start, v.start + len(replacement))
    found = lint_document(parse(alone, fmt, "<draft>"), style)
    return any((w.start, w.end) == span and w.rule == rule for w in found)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", type=Path)
    p.add_argument("--limit", type=int, default=0, help="the first N drafts only (0: all)")
    args = p.parse_args(argv)
    drafts = sorted(args.corpus.rglob("*.txt"))
    drafts = [d for d in drafts if d.name != "README.TXT"]
    if args.limit:
        drafts = drafts[: args.limit]
    styles = {name: load_style(list(packs)) for name, packs in STYLES.items()}
    total = failed = 0
    started = time.perf_counter()
    for path in drafts:
        text = path.read_text(encoding="utf-8", errors="replace")
        for name, style in styles.items():
            fixes, faults = fix_faults(text, style)
            total += fixes
            for fault in faults:
                failed += 1
                print(f"{path} ({name}): {fault}")
    seconds = time.perf_counter() - started
    print(
        f"{len(drafts)} drafts x {len(styles)} styles: {total} fixes, {failed} faults, "
        f"{seconds:.1f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
