"""Size bombs in rule packs and drafts: how long a huge pack takes to load and to use.

    python benchmarks/packs.py                    # 10,000 and 100,000 terms, 50,000 directives
    python benchmarks/packs.py --terms 1000 --terms 10000 --directives 5000
    python benchmarks/packs.py --terms 100000 --kind existence --kind existence-ignorecase

For each size, a pack of one ``substitution`` rule (lower-case keys, so matched ignoring case),
one of a ``substitution`` whose keys are two words, the first a word of the draft ("phrases"),
one of one ``existence`` rule, and one of an ``existence`` rule with ``ignorecase: true`` are
made in a temporary folder, with made-up words.  Each
figure comes from a fresh process: loading the pack with no cache, loading it again from the
cache, linting a 3 KB draft with it (after a cached load), and the largest memory the process
used.  Then a draft with many suppression directives is linted with ``core``.
"""

from __future__ import annotations

import argparse
import json
import os
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_PROBE = r"""
import json, resource, sys, time
from pathlib import Path
from newslint import lint_text
from newslint.cache import cached
from newslint.rulefile import load_pack
from newslint.style import Style

folder, draft = Path(sys.argv[1]), Path(sys.argv[2]).read_text()
t = time.perf_counter()
rules = cached(folder, load_pack)
loaded = time.perf_counter() - t
style = Style(tuple(rules))
t = time.perf_counter()
found = lint_text(draft, style=style)
linted = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load": loaded, "lint": linted, "found": len(found), "mb": rss}))
"""

_SENTENCES = (
    "The council said on Monday that the new budget would be set in March.",
    "Reporters asked whether the rates would rise before the vote next week.",
    "A spokesman for the ministry declined to comment on the plans.",
    "Residents gathered outside the town hall as the meeting began.",
)


def word(n: int, lead: str) -> str:
    """A made-up word for the number ``n``: ``lead`` and three or more letters."""
    letters = string.ascii_lowercase
    n += 26**3
    out = lead
    while n:
        n, r = divmod(n, 26)
        out += letters[r]
    return out


def make_pack(folder: Path, kind: str, terms: int) -> None:
    folder.mkdir(parents=True)
    lines = ["rules:", "  - id: big"]
    if kind == "substitution":
        lines += ["    type: substitution", "    swap:"]
        lines += [f"      {word(n, 'q')}: {word(n, 'x')}" for n in range(terms)]
    elif kind == "phrases":  # each key starts with a word of the draft
        lines += ["    type: substitution", "    swap:"]
        lines += [f"      {phrase(n)}: {word(n, 'x')}" for n in range(terms)]
    else:
        lines += ["    type: existence"]
        lines += ["    ignorecase: true"] if kind == "existence-ignorecase" else []
        lines += ["    tokens:"]
        lines += [f"      - {word(n, 'q')}" for n in range(terms)]
    (folder / "big.yaml").write_text("\n".join(lines) + "\n")


def phrase(n: int) -> str:
    """A key of the "phrases" pack: a word of the draft, then a made-up word."""
    common = " ".join(_SENTENCES).lower().replace(".", "").split()
    return f"{common[n % len(common)]} {word(n, 'q')}"


def make_draft(path: Path, terms: int, kind: str) -> None:
    """About 3 KB of news prose with three words (or keys) of the pack in it."""
    paragraphs: list[str] = []
    while sum(len(p) for p in paragraphs) < 3000:
        paragraphs.append(" ".join(_SENTENCES))
    show = phrase if kind == "phrases" else (lambda n: word(n, "q"))
    picked = ", ".join(show(n) for n in (0, terms // 2, terms - 1))
    paragraphs.append(f"They named {picked} in the report.")
    path.write_text("\n\n".join(paragraphs) + "\n")


def probe(folder: Path, draft: Path, env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(folder), str(draft)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


KINDS = ("substitution", "phrases", "existence", "existence-ignorecase")


def packs(sizes: list[int], kinds: list[str], work: Path) -> None:
    print("| pack | terms | first load s | MB | cached load s | lint 3 KB s | found |")
    print("|---|---|---|---|---|---|---|")
    for terms in sizes:
        for kind in kinds:
            folder = work / f"{kind}-{terms}"
            make_pack(folder, kind, terms)
            draft = work / f"draft-{kind}-{terms}.txt"
            make_draft(draft, terms, kind)
            env = dict(os.environ, NEWSLINT_CACHE_DIR=str(work / "cache"), NEWSLINT_NO_CACHE="")
            first = probe(folder, draft, env)
            again = probe(folder, draft, env)
            print(
                f"| {kind} | {terms:,} | {first['load']:.2f} | {first['mb']:.0f} | "
                f"{again['load']:.2f} | {again['lint']:.3f} | {again['found']:.0f} |"
            )


def directives(counts: list[int]) -> None:
    from newslint import lint_text

    print("\n| directives | lint s |")
    print("|---|---|")
    for count in counts:
        blocks = []
        for n in range(count // 2):
            blocks.append("<!-- newslint-disable core.doubled-word -->")
            blocks.append(f"The the story {n} goes on.")
            blocks.append("<!-- newslint-enable core.doubled-word -->")
        text = "\n\n".join(blocks) + "\n"
        t = time.perf_counter()
        lint_text(text, path="many.md")
        print(f"| {count:,} | {time.perf_counter() - t:.2f} |")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--terms", type=int, action="append", help="terms per pack (repeatable)")
    p.add_argument("--directives", type=int, action="append", help="directives (repeatable)")
    p.add_argument("--kind", choices=KINDS, action="append", help="packs to make (repeatable)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        packs(args.terms or [10_000, 100_000], args.kind or list(KINDS), Path(temp))
    if args.directives or not args.kind:
        directives(args.directives or [12_500, 25_000, 50_000])


if __name__ == "__main__":
    main()
