"""Grow the British and American spelling rules from SCOWL's word lists.

    apt-get download wbritish wamerican
    dpkg-deb -x wbritish_*.deb x && dpkg-deb -x wamerican_*.deb x
    python scripts/spelling_pairs.py x/usr/share/dict/american-english \\
        x/usr/share/dict/british-english [--write]

A pair is an American word that only the American list has and a British word that only the
British list has, the one made from the other by one of the regular changes the rules are named
for: -ize/-ise and -yze/-yse, -or/-our, -er/-re, -ense/-ence, a doubled or single l, ae and oe,
-og/-ogue.  A word both lists hold ("license", "meter", "program", "practice", "tire") is the
same word in both, or a different word in British English, and never becomes a key, so each
pair is a spelling only one house uses.  Words with capitals (names) are left out.  Without
``--write`` the pairs are counted by rule; with it they are added to the ``swap`` of each rule
in rules/uk-news/spelling.yaml (American key, British value) and rules/us-news/spelling.yaml
(British key, American value), after the keys the rule already has, each file's block marked
by a comment naming the source.  Running it again replaces the block.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN = "      # From SCOWL's word lists (wamerican and wbritish), by scripts/spelling_pairs.py:\n"
END = "      # End of the SCOWL pairs.\n"
WORD = re.compile(r"[a-z]{4,}")
# Pairs the changes make of words that are not one word spelled two ways.
NOT_PAIRS = frozenset({"mantes", "patine", "snowshed", "coloreds", "defensed"})

# The British rule each kind of change belongs to, and the American rule of the same kind.
RULES = {
    "ise": ("ise-spelling", "ize-spelling"),
    "our": ("our-spelling", "or-spelling"),
    "re": ("re-spelling", "er-spelling"),
    "ence": ("ence-spelling", "ense-spelling"),
    "l": ("doubled-l", "single-l"),
    "other": ("british-spelling", "american-spelling"),
}


def words(path: Path) -> set[str]:
    return {w for w in path.read_text(encoding="utf-8").split() if WORD.fullmatch(w)}


def _each(word: str, old: str, new: str) -> Iterator[str]:
    """``word`` with one occurrence of ``old`` made ``new``, for each occurrence."""
    for m in re.finditer(re.escape(old), word):
        yield word[: m.start()] + new + word[m.end() :]


def _ise(w: str) -> Iterator[str]:
    yield w.replace("iz", "is")
    yield w.replace("yz", "ys")


def _our(w: str) -> Iterator[str]:
    yield from _each(w, "or", "our")


def _re(w: str) -> Iterator[str]:
    yield from _each(w, "er", "re")
    for end, new in (("ered", "red"), ("ering", "ring")):
        if w.endswith(end):
            yield w[: -len(end)] + new


def _ence(w: str) -> Iterator[str]:
    yield from _each(w, "ense", "ence")


def _l(w: str) -> Iterator[str]:
    yield from (x for x in _each(w, "l", "ll"))
    yield from _each(w, "ll", "l")


def _other(w: str) -> Iterator[str]:
    yield from _each(w, "e", "ae")
    yield from _each(w, "e", "oe")
    if w.endswith(("og", "ogs")):
        yield re.sub(r"og(s?)$", r"ogue\1", w)


CHANGES: dict[str, Callable[[str], Iterator[str]]] = {
    "ise": _ise,
    "our": _our,
    "re": _re,
    "ence": _ence,
    "l": _l,
    "other": _other,
}


def pairs(american: set[str], british: set[str]) -> dict[str, dict[str, str]]:
    """Kind -> {American word: British word}, each word in its own list only."""
    us_only = american - british
    uk_only = british - american
    found: dict[str, dict[str, str]] = {kind: {} for kind in CHANGES}
    for word in sorted(us_only - NOT_PAIRS):
        for kind, change in CHANGES.items():
            hits = sorted({b for b in change(word) if b != word and b in uk_only})
            if len(hits) == 1:
                found[kind][word] = hits[0]
                break
    return found


# The -ize rules match their words by stem, inside compounds too ("well-organized"): the pairs
# of that kind are written as stems in the same pattern, in groups of STEMS_PER_KEY.
SUFFIXES = ("e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational", "able")
IZE = re.compile(
    rf"(?P<stem>[a-z]+?)iz(?P<end>{'|'.join(sorted(SUFFIXES, key=len, reverse=True))})"
)
STEMS_PER_KEY = 60
PREFIXES = ("", "re", "de", "un", "dis", "over", "under")
LISTS: dict[str, set[str]] = {}  # the word lists read, by house, for stem_keys


def stem_keys(swap: dict[str, str], have: str, *, british: bool) -> list[tuple[str, str]]:
    """The -ize pairs as stem patterns (American key for uk-news, British for us-news) for the
    stems the rule's patterns ``have`` do not match yet.  A stem is kept only when no form the
    pattern matches is a word of the other house's list ("pr" would match "prize", "appr" the
    American "apprise")."""
    existing = [
        re.compile(k.replace("''", "'")) for k in re.findall(r"^      '(.+)': ", have, re.M)
    ]
    stems = set()
    for american in swap:
        m = IZE.fullmatch(american)
        if m is None or any(p.search(american) for p in existing):
            continue
        stem = m["stem"]
        other = LISTS["british"] if british else LISTS["american"]
        mid = "iz" if british else "is"
        if any(f"{p}{stem}{mid}{end}" in other for p in PREFIXES for end in SUFFIXES):
            continue
        stems.add(stem)
    ordered = sorted(stems)
    mid, new = ("iz", "is") if british else ("is", "iz")
    keys = []
    for i in range(0, len(ordered), STEMS_PER_KEY):
        group = "|".join(ordered[i : i + STEMS_PER_KEY])
        ends = "|".join(SUFFIXES)
        key = f"(?<![\\w''’])((?:re|de|un|dis|over|under)?(?:{group})){mid}({ends})(?![\\w-])"
        keys.append((f"'{key}'", f"'\\1{new}\\2'"))
    return keys


def _existing_keys(block: str) -> set[str]:
    keys = set()
    for line in block.splitlines():
        m = re.match(r"      ([a-z]+): [a-z]+$", line)
        if m:
            keys.add(m.group(1))
    return keys


def write(path: Path, by_rule: dict[str, dict[str, str]]) -> int:
    """Put each rule's pairs at the end of its ``swap`` in the pack file; the count written."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), "", text, flags=re.S)
    written = 0
    for rule, swap in by_rule.items():
        start = text.index(f"  - id: {rule}\n")
        nxt = text.find("\n  - id: ", start + 1)
        stop = len(text) if nxt < 0 else nxt + 1
        section = text[start:stop]
        at = section.index("    swap:\n") + len("    swap:\n")
        tail = re.search(r"\n    (?!  )\S", section[at:])
        end = at + (tail.start() + 1 if tail else len(section) - at)
        have = _existing_keys(section[at:end]) | set(re.findall(r"'([a-z]+)'", section[at:end]))
        if rule in ("ise-spelling", "ize-spelling"):
            items = stem_keys(swap, section[at:end], british=rule == "ise-spelling")
        else:
            items = [(k, v) for k, v in sorted(swap.items()) if k not in have]
        if not items:
            continue
        lines = "".join(f"      {k}: {v}\n" for k, v in items)
        section = section[:end] + BEGIN + lines + END + section[end:]
        text = text[:start] + section + text[stop:]
        written += len(items)
    path.write_text(text, encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("american", type=Path)
    parser.add_argument("british", type=Path)
    parser.add_argument("--write", action="store_true", help="add the pairs to the packs")
    args = parser.parse_args(argv)
    LISTS["american"], LISTS["british"] = words(args.american), words(args.british)
    found = pairs(LISTS["american"], LISTS["british"])
    for kind, swap in found.items():
        some = ", ".join(f"{k}->{v}" for k, v in list(swap.items())[:4])
        print(f"{kind:6} {len(swap):6d}  e.g. {some}")
    print(f"all    {sum(len(s) for s in found.values()):6d}")
    if args.write:
        uk = {RULES[kind][0]: swap for kind, swap in found.items()}
        us = {RULES[kind][1]: {v: k for k, v in swap.items()} for kind, swap in found.items()}
        n_uk = write(ROOT / "rules/uk-news/spelling.yaml", uk)
        n_us = write(ROOT / "rules/us-news/spelling.yaml", us)
        print(f"written: uk-news {n_uk}, us-news {n_us}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
