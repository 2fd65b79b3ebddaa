"""Grow the British and American spelling rules from SCOWL's word lists.

    apt-get download wbritish wamerican
    dpkg-deb -x wbritish_*.deb x && dpkg-deb -x wamerican_*.deb x
    python scripts/spelling_pairs.py x/usr/share/dict/american-english \\
        x/usr/share/dict/british-english [--write]

A pair is an American and a British word, the one made from the other by one of the changes
the rules are named for: -ize/-ise and -yze/-yse, -or/-our, -er/-re, -ense/-ence, a doubled or
single l, ae and oe, -og/-ogue, or one of the irregular pairs in ``IRREGULAR`` ("gray",
"plow", "mold", "aluminum").  uk-news fixes an American word only the American list holds;
us-news a British word only the British list holds, and the British variants the American
list holds too that AP spells the American way ("travelled", "grey").  A word both lists hold
otherwise ("license", "meter", "program", "practice", "tire", "check") is the same word in both,
or a different word in the other house, and never becomes a key; ``AMBIGUOUS`` leaves out
words whose counterpart is not always the fix, with the reason.  Words with capitals (names)
are left out.  Without ``--write`` the pairs are counted by kind; with it they are added to the
``swap`` of each rule in rules/uk-news/spelling.yaml (American key, British value) and
rules/us-news/spelling.yaml (British key, American value), after the keys the rule already
has, each file's block marked by a comment naming the source.  Running it again replaces the
block.  ``scripts/spelling_coverage.py`` measures what the rules fix of these pairs.
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
    "ae-oe": ("british-spelling", "american-spelling"),
    "ogue": ("british-spelling", "american-spelling"),
    "irregular": ("british-spelling", "american-spelling"),
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


def _ae_oe(w: str) -> Iterator[str]:
    yield from _each(w, "e", "ae")
    yield from _each(w, "e", "oe")


def _ogue(w: str) -> Iterator[str]:
    m = re.fullmatch(r"(.*og)(s|ed|ing)?", w)
    if m:
        end = m[2] or ""
        yield m[1] + ("ue" + end if end in ("", "s") else "u" + end)


# The irregular pairs, as an American piece of a word and its British form; a word made by one
# of them counts when the other house's list holds it ("grayish" -> "greyish").
IRREGULAR = (
    ("aluminum", "aluminium"),
    ("gray", "grey"),
    ("plow", "plough"),
    ("mold", "mould"),
    ("molt", "moult"),
    ("smolder", "smoulder"),
    ("sulfa", "sulpha"),
    ("sulfi", "sulphi"),
    ("sulfu", "sulphu"),
    ("skept", "scept"),
    ("pajama", "pyjama"),
    ("mustach", "moustach"),
    ("cozi", "cosi"),
    ("cozy", "cosy"),
    ("artifact", "artefact"),
    ("aging", "ageing"),
    ("judgment", "judgement"),
    ("acknowledgment", "acknowledgement"),
    ("airplane", "aeroplane"),
    ("jewelry", "jewellery"),
    ("licorice", "liquorice"),
    ("donut", "doughnut"),
    ("behoove", "behove"),
    ("yogurt", "yoghurt"),
    ("mollusk", "mollusc"),
    ("carburetor", "carburettor"),
    ("tidbit", "titbit"),
    ("maneuver", "manoeuvre"),
    ("maneuver", "manoeuvr"),
    ("specialty", "speciality"),
    ("specialties", "specialities"),
    ("checker", "chequer"),
    ("check", "cheque"),
    ("tire", "tyre"),
    ("curb", "kerb"),
    ("draft", "draught"),
    ("story", "storey"),
    ("stories", "storeys"),
    ("program", "programme"),
    ("practic", "practis"),
    ("math", "maths"),
    ("gage", "gauge"),
    ("pudgy", "podgy"),
    ("esthet", "aesthet"),
    ("anesthetiz", "anaesthetis"),
)


def _irregular(w: str) -> Iterator[str]:
    for american, british in IRREGULAR:
        yield from _each(w, american, british)


CHANGES: dict[str, Callable[[str], Iterator[str]]] = {
    "ise": _ise,
    "our": _our,
    "re": _re,
    "ence": _ence,
    "l": _l,
    "ae-oe": _ae_oe,
    "ogue": _ogue,
    "irregular": _irregular,
}
KINDS = tuple(CHANGES)


def related(american: set[str], british: set[str]) -> dict[str, dict[str, str]]:
    """Kind -> {American word: British word} for every American word with exactly one British
    counterpart made by the first kind of change that finds one, whichever lists also hold
    either word."""
    found: dict[str, dict[str, str]] = {kind: {} for kind in CHANGES}
    for word in sorted(american - NOT_PAIRS):
        for kind, change in CHANGES.items():
            hits = sorted({b for b in change(word) if b != word and b in british})
            if len(hits) == 1:
                found[kind][word] = hits[0]
                break
    return found


Pairs = dict[str, dict[str, str]]  # kind -> {the word to fix: its fix}


def directed(american: set[str], british: set[str]) -> tuple[Pairs, Pairs, Pairs]:
    """The pairs each house's rules should fix, by kind: for uk-news {American: British} where
    only the American list holds the American word; for us-news {British: American} where only
    the British list holds the British word; and the us-news variants, British words the
    American list holds too as a variant ("travelled", "grey", "catalogue") whose American
    form only the American list holds, which AP spells the American way unless ``AP_KEEPS``
    says otherwise.  Any other word both lists hold is the same word in both, or a different
    word in the other house ("check", "tire", "story", "license"), and is never a key; the
    words in ``AMBIGUOUS`` are left out with their reasons."""
    uk: Pairs = {kind: {} for kind in CHANGES}
    us: Pairs = {kind: {} for kind in CHANGES}
    variants: Pairs = {kind: {} for kind in CHANGES}
    for kind, swap in related(american, british).items():
        for a, b in swap.items():
            # The house spells -ise: "anesthetize" is "anaesthetise", not "anaesthetize".
            if "iz" in b and b.replace("iz", "is") in british:
                b = b.replace("iz", "is")
            if a not in british and a not in AMBIGUOUS:
                uk[kind][a] = b
            if b in AMBIGUOUS:
                continue
            if b in american:
                if a not in british and b not in AP_KEEPS:
                    variants[kind][b] = a
                continue
            # Of two American words for one British word, the one only American lists hold:
            # "anaesthetise" is "anesthetize", not the variant "anaesthetize".
            had = next((k for k in KINDS if b in us[k]), None)
            if had is not None:
                if us[had][b] not in british or a in british:
                    continue
                del us[had][b]
            us[kind][b] = a
    return uk, us, variants


# British forms the American list also holds that AP and American newsrooms write as they are.
AP_KEEPS = frozenset(
    {
        *("glamour", "glamoured", "glamouring", "glamours"),
        *("dialogues", "monologue", "monologues", "prologue", "prologues", "epilogue"),
        *("epilogues", "demagogue", "demagogues", "pedagogue", "pedagogues", "travelogue"),
        *("travelogues", "aegis", "aesthete", "aesthetes", "aesthetic", "aesthetics"),
        *("archaeological", "archaeologist", "archaeologists", "archaeology", "amoeba"),
        *("amoebae", "amoebas", "amoebic", "spiraea", "spiraeas", "doughnut", "gauge"),
        *("gauged", "gauges", "accoutrements", "louvred", "ochre", "apprise", "apprised"),
        *("apprises", "apprising", "exorcise", "exorcised", "exorcises", "exorcising"),
        *("catechise", "catechised", "catechises", "catechising", "analyses", "dialyses"),
        *("paralyses", "cancellation", "extol", "extols"),
    }
)


# Words one house's list holds only, whose counterpart is not always the right fix.
AMBIGUOUS = {
    "draughts": "the board game is 'checkers' in American English, not 'drafts'",
    "dialog": "a dialog box in software, in British English too",
    "dialogs": "a dialog box in software, in British English too",
    "gage": "a pledge, and a kind of plum, not only a gauge",
    "gages": "a pledge, and a kind of plum, not only a gauge",
    "prise": "to lever open: American writes 'pry', and 'prize' is another word",
    "prises": "to lever open: American writes 'pry', and 'prize' is another word",
    "prised": "levered open: American writes 'pried', and 'prized' is another word",
    "prising": "levering open: American writes 'prying', and 'prizing' is another word",
    "prized": "valued, in both houses ('a prized possession'), not only levered open",
    "prizing": "valued, in both houses, not only levered open",
    "gaged": "pledged, not only gauged",
    "specialty": "British medicine and law write 'specialty' too ('a medical specialty')",
    "specialties": "British medicine and law write 'specialty' too ('a medical specialty')",
}


# The -ize rules match their words by stem, inside compounds too ("well-organized"): the pairs
# of that kind are written as stems in the same patterns, one for each ending of FAMILIES.
SUFFIXES = (
    *("e", "es", "ed", "ing", "ingly", "er", "ers", "ation", "ations", "ational"),
    *("able", "ably", "ance", "ant", "ement", "ements"),
)
ENDS = "|".join(sorted(SUFFIXES, key=len, reverse=True))
# The endings after an "is" stem, each with its own key: a key's longest run of plain letters
# ("ise", "ising") is what a draft must hold for the key to be tried there, and a bare "is" is
# in every line of copy.  Together they are SUFFIXES, "e" + "s" being "es".
FAMILIES = (
    ("e", "s|d|r|rs|"),
    ("ing", "ly|"),
    ("ation", "s|al|"),
    ("ab", "le|ly"),
    ("an", "ce|t"),
    ("ement", "s|"),
)
# The -ize stems chosen by hand, before the lists: every one is the same stem in both houses.
HAND_STEMS = (
    "agon",
    "american",
    "apolog",
    "author",
    "bapt",
    "brutal",
    "canon",
    "capital",
    "categor",
    "central",
    "character",
    "civil",
    "colon",
    "commercial",
    "commodit",
    "computer",
    "criminal",
    "critic",
    "custom",
    "decimal",
    "democrat",
    "demon",
    "deput",
    "digit",
    "dramat",
    "econom",
    "emphas",
    "energ",
    "epitom",
    "equal",
    "eulog",
    "external",
    "familiar",
    "fantas",
    "fertil",
    "final",
    "formal",
    "fossil",
    "fratern",
    "galvan",
    "general",
    "glamor",
    "global",
    "harmon",
    "hospital",
    "human",
    "hypnot",
    "hypothes",
    "ideal",
    "idol",
    "immun",
    "individual",
    "industrial",
    "internal",
    "international",
    "ion",
    "jeopard",
    "legal",
    "legitim",
    "liberal",
    "lion",
    "local",
    "magnet",
    "marginal",
    "material",
    "maxim",
    "memor",
    "mesmer",
    "militar",
    "minim",
    "mobil",
    "modern",
    "monet",
    "monopol",
    "moral",
    "motor",
    "national",
    "natural",
    "neutral",
    "normal",
    "optim",
    "organ",
    "ostrac",
    "pasteur",
    "patron",
    "personal",
    "philosoph",
    "plagiar",
    "polar",
    "politic",
    "popular",
    "pressur",
    "priorit",
    "privat",
    "public",
    "pulver",
    "radical",
    "random",
    "rational",
    "real",
    "recogn",
    "regular",
    "revital",
    "revolution",
    "romantic",
    "sanit",
    "satir",
    "scandal",
    "scrutin",
    "secular",
    "sensit",
    "serial",
    "sexual",
    "social",
    "special",
    "stabil",
    "standard",
    "steril",
    "stigmat",
    "strateg",
    "subsid",
    "summar",
    "symbol",
    "sympath",
    "synchron",
    "synthes",
    "tantal",
    "terror",
    "theor",
    "traumat",
    "trivial",
    "tyrann",
    "util",
    "vandal",
    "vapor",
    "verbal",
    "victim",
    "visual",
    "vocal",
    "weapon",
    "western",
    "woman",
)
PREFIXES = ("", "re", "de", "un", "dis", "over", "under")
LISTS: dict[str, set[str]] = {}  # the word lists read, by house, for stem_keys
EDGE = "(?<![\\w''’])"  # the -ise rules match inside words: their keys bound themselves


def family_keys(stems: list[str], mid: str, new: str) -> list[tuple[str, str]]:
    """The stems, after any prefix, then ``mid`` and an ending ("is": "organise",
    "organisation"), made ``new`` ("iz") in the fix: for "is", one key for each ending of
    FAMILIES, since "is" is in every line of copy; for "iz", rare in any copy, one key."""
    group = f"{EDGE}((?:re|de|un|dis|over|under)?(?:{'|'.join(stems)})){mid}"
    if mid == "iz":
        return [(f"'{group}({'|'.join(SUFFIXES)})(?![\\w-])'", f"'\\1{new}\\2'")]
    return [
        (f"'{group}{head}({tails})(?![\\w-])'", f"'\\1{new}{head}\\2'") for head, tails in FAMILIES
    ]


def stem_keys(swap: dict[str, str], have: str, *, british: bool) -> list[tuple[str, str]]:
    """The -ize rule's stem patterns (American key for uk-news, British for us-news): the
    stems of HAND_STEMS and those of the pairs that neither they nor the rule's own patterns
    ``have`` match, one key for each ending of FAMILIES (fewer keys are fewer patterns tried
    where a draft shows an ending).  A stem from the lists is kept only when no form the
    pattern matches is a word of the other house's list ("pr" would match "prize", "appr" the
    American "apprise"); a word whose stem is not kept, or that has no stem
    ("psychoanalyze"), is a key of its own."""
    mid, new = ("iz", "is") if british else ("is", "iz")
    hand = family_keys(list(HAND_STEMS), mid, new)
    existing = [
        re.compile((a or b).replace("''", "'"))
        for a, b in re.findall(r"^      (?:\? '(.+)'$|'(.+)': )", have, re.M)
    ] + [re.compile(k[1:-1].replace("''", "'")) for k, _ in hand]
    form = re.compile(rf"(?P<stem>[a-z]+?){mid}(?P<end>{ENDS})")
    other = LISTS["british"] if british else LISTS["american"]
    stems = set(HAND_STEMS)
    alone = {}
    for word, value in swap.items():
        if any(p.search(word) for p in existing):
            continue
        m = form.fullmatch(word)
        if m is None or any(
            f"{p}{m['stem']}{mid}{end}" in other for p in PREFIXES for end in SUFFIXES
        ):
            alone[word] = value
        else:
            stems.add(m["stem"])
    keys = family_keys(sorted(stems), mid, new)
    return keys + [(f"'{EDGE}{w}(?![\\w-])'", v) for w, v in sorted(alone.items())]


def _existing_keys(block: str) -> set[str]:
    keys = set()
    for line in block.splitlines():
        m = re.match(r"      ([a-z]+): [a-z]+$", line)
        if m:
            keys.add(m.group(1))
    return keys


def write(path: Path, by_rule: dict[str, dict[str, str]]) -> int:
    """Put each rule's pairs at the end of its ``swap`` in the pack file; the count of keys
    written."""
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
        lines = "".join(
            f"      {k}: {v}\n" if len(k) < 1000 else f"      ? {k}\n      : {v}\n"
            for k, v in items
        )
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
    uk, us, variants = directed(LISTS["american"], LISTS["british"])
    for kind in KINDS:
        us[kind].update(variants[kind])
        some = ", ".join(f"{k}->{v}" for k, v in list(uk[kind].items())[:3])
        print(f"{kind:10} uk-news {len(uk[kind]):5d}  us-news {len(us[kind]):5d}  e.g. {some}")
    n_uk, n_us = sum(map(len, uk.values())), sum(map(len, us.values()))
    print(f"{'all':10} uk-news {n_uk:5d}  us-news {n_us:5d}")
    if args.write:
        by_rule: tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]] = ({}, {})
        for kind in KINDS:
            by_rule[0].setdefault(RULES[kind][0], {}).update(uk[kind])
            by_rule[1].setdefault(RULES[kind][1], {}).update(us[kind])
        n_uk = write(ROOT / "rules/uk-news/spelling.yaml", by_rule[0])
        n_us = write(ROOT / "rules/us-news/spelling.yaml", by_rule[1])
        print(f"keys written: uk-news {n_uk}, us-news {n_us}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
