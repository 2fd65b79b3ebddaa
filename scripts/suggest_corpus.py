"""Check ``newslint suggest`` on a corpus whose README names its house style.

    python scripts/suggest_corpus.py ../shared/corpus/bbc-2005 [--jobs N]

Two checks, each printed with its figures:

1. the house choices the corpus's README lists (the line that names the "house style", in the
   README of the corpus or of the folder above it: "Mr Blair", "US", "defence", "12 March", "4%",
   straight quotes only) are each proposed, with their share of their family;
2. the pack ``suggest`` writes, applied alone to the same corpus, reports only minority forms:
   no violation is a family's dominant form, and each one is either a minority form the summary
   counts, or listed as read more widely by its rule type than the count reads it.

Exits 0 when both hold, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from newslint.archive.families import ise_words
from newslint.archive.suggest import run_suggest
from newslint.archive.words import BRITISH_AMERICAN, DIRECTIONS
from newslint.project import Project

# A house choice as the README words it -> the family that makes it, and its dominant form.
CHOICES = {
    "Mr Blair": ("courtesy titles at later reference", "Mr Blair"),
    "US": ("US or U.S.", "US"),
    "defence": ("British or American spelling", "British"),
    "12 March": ("date format", "13 February"),
    "4%": ("per cent, percent or %", "%"),
    "straight quotes only": ("quotation marks", "straight"),
}
KNOWN = ('"Mr Blair", "US", "defence", "12 March", "4%", straight quotes only', "built in")


def house_line(corpus: Path) -> tuple[str, str]:
    """The README line that names the house style, and where it was found."""
    for folder in (corpus, corpus.parent):
        for readme in sorted(folder.glob("README*")):
            for line in readme.read_text(encoding="utf-8", errors="replace").splitlines():
                if "house style" in line:
                    return line, str(readme)
    return KNOWN


def listed_choices(line: str) -> list[str]:
    """The choices a README line names: its quoted forms, and "straight quotes only"."""
    found = re.findall(r'"([^"]+)"', line)
    if "straight quotes" in line:
        found.append("straight quotes only")
    return found


def check_choices(families: dict[str, dict[str, Any]], choices: list[str]) -> bool:
    print("1. The house choices the README lists, as suggest proposes them")
    ok = True
    for choice in choices:
        if choice not in CHOICES:
            print(f"   {choice!r}: no family to check it against")
            continue
        label, dominant = CHOICES[choice]
        family = families.get(label)
        if family is None:
            print(f"   {choice!r}: family {label!r} not found  FAIL")
            ok = False
            continue
        top = family["forms"][0]
        # A summed form is shown with its words: "British (centre, favourite, defence)".
        good = top["form"].split(" (")[0] == dominant and family["status"] == "proposed"
        ok &= good
        print(
            f"   {choice!r}: {label}: {top['form']} {top['count']:,} of {family['total']:,} "
            f"({100 * family['share']:.1f}%), {family['status']} as {family['rule']}"
            f"{'' if good else '  FAIL'}"
        )
    return ok


def minority_of(rule: str, found: str, families: list[dict[str, Any]]) -> str | None:
    """:func:`form_of`, and "DOMINANT" when that is the dominant form of its rule's family."""
    form = form_of(rule, found, families)
    ids = rule.rsplit(".", 1)[-1]
    # A summed form is shown with its words: "-ise (organised, ...)".
    dominant = {f["forms"][0]["form"].split(" (")[0] for f in families if f["rule"] == ids}
    return "DOMINANT" if form in dominant else form


def form_of(rule: str, found: str, families: list[dict[str, Any]]) -> str | None:
    """The minority form a violation's text is, as the summary counts it; None when the count
    does not read it so (the rule type reads more widely), "DOMINANT" when it is the house's."""
    text = found.strip()
    low = text.lower()
    ids = rule.rsplit(".", 1)[-1]
    mine = [f for f in families if f["rule"] == ids and f["status"] == "proposed"]
    for family in mine:
        forms = [f["form"] for f in family["forms"]]
        if family["kind"] in ("name", "compound", "acronym", "initialism", "direction"):
            if text == forms[0]:
                return "DOMINANT"
            if text in forms[1:] or low in (f.lower() for f in forms[1:]):
                return text
            if low.replace(" ", "-") in forms[1:] or low.replace(" ", "") in forms[1:]:
                return text
    if ids == "ise-spelling":
        return ise_words().get(low)
    if ids == "spelling":
        american = set(BRITISH_AMERICAN.values())
        return "British" if low in BRITISH_AMERICAN else "American" if low in american else None
    if ids == "directions":
        return text if low in DIRECTIONS or low in set(DIRECTIONS.values()) else None
    if ids == "percent":  # the notations the count reads, and no others
        for form, pattern in (("%", " ?%"), ("per cent", " per cent"), ("percent", " ?percent")):
            if re.fullmatch(r"\d[\d.,]*" + pattern, text):
                return form
        return "pc" if re.fullmatch(r"\d[\d.,]*pc", text) else None
    if ids == "date-format":  # month-first dates in March to July count for neither form
        first = re.fullmatch(r"([A-Z][a-z]+)\.? \d{1,2}(st|nd|rd|th)?( and \d+|,? \d{4})?", text)
        if first and first.group(1)[:3] not in ("Mar", "Apr", "May", "Jun", "Jul"):
            return "February 13th" if first.group(2) else "February 13"
        ordinal = re.fullmatch(r"\d{1,2}(st|nd|rd|th) [A-Z][a-z]+( \d{4})?", text)
        return "13th February" if ordinal else None
    if ids == "small-numbers":
        return "5 people" if re.fullmatch(r"[2-9]", text) else None  # as the summary shows it
    if ids == "person-reference":
        if text == "Mr.":
            return "Mr."
        return "Blair" if re.fullmatch(r"[A-Z][\w'’-]+", text) else None
    if ids in ("quotation-marks", "apostrophes") and len(text) == 1:
        return "curly" if text in "“”‘’" else "straight" if text in "'\"" else None
    if ids == "dashes":
        return {"--": "double hyphen", "–": "spaced en dash", "—": "em dash"}.get(text)
    return None


def check_pack(corpus: Path, pack: Path, families: list[dict[str, Any]]) -> bool:
    print("2. The written pack applied alone to the same corpus")
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "--isolated", "--style", str(pack), "--format",
         "json", str(corpus)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode not in (0, 1):
        print(f"   the pack did not run: {done.stderr.strip()}  FAIL")
        return False
    violations = json.loads(done.stdout)
    counted: Counter[tuple[str, str]] = Counter()
    wider: Counter[tuple[str, str]] = Counter()
    dominant: list[str] = []
    for v in violations:
        form = minority_of(v["rule"], v["found"], families)
        if form == "DOMINANT":
            dominant.append(f"{v['path']}:{v['line']}: {v['rule']} {v['found']!r}")
        elif form is None:
            wider[v["rule"], v["found"].strip()] += 1
        else:
            counted[v["rule"], form] += 1
    total = len(violations)
    print(
        f"   {total} violations: {sum(counted.values())} minority forms the summary counts, "
        f"{sum(wider.values())} read more widely by the rule type, {len(dominant)} dominant forms"
    )
    by_rule = Counter(rule for rule, _ in counted.elements())
    for rule, n in sorted(by_rule.items()):
        forms = Counter({form: c for (r, form), c in counted.items() if r == rule})
        shown = ", ".join(f"{form} {c}" for form, c in forms.most_common(4))
        print(f"   {rule}: {n} ({shown}{', ...' if len(forms) > 4 else ''})")
    if wider:
        print("   read more widely than counted:")
        for (rule, found), n in sorted(wider.items(), key=lambda item: (-item[1], item[0])):
            print(f"     {rule}: {found!r}" + (f" x{n}" if n > 1 else ""))
    for line in dominant:
        print(f"   a dominant form reported: {line}  FAIL")
    return not dominant


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus", type=Path)
    p.add_argument("--jobs", type=int, default=1)
    args = p.parse_args(argv)
    line, where = house_line(args.corpus)
    print(f"corpus: {args.corpus}\nhouse style, from {where}: {line.strip()}")
    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "house"
        result = run_suggest(
            Project(isolated=True), [str(args.corpus)], base=None, min_share=0.8, min_count=5,
            format=None, encoding=None, jobs=args.jobs, executor="local", scheduler=None,
            quiet=True, output=str(pack),
        )  # fmt: skip
        data = result.as_json()
        print(
            f"suggest: {data['drafts']:,} drafts, {data['duplicates']:,} duplicates counted once, "
            f"{sum(f['status'] == 'proposed' for f in data['families'])} choices proposed"
        )
        families = {f["family"]: f for f in data["families"]}
        chosen = check_choices(families, listed_choices(line))
        applied = check_pack(args.corpus, pack, data["families"])
    print(f"result: {'pass' if chosen and applied else 'FAIL'}")
    return 0 if chosen and applied else 1


if __name__ == "__main__":
    raise SystemExit(main())
