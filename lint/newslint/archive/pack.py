"""Writing the proposals as a pack folder of newslint rules, each with its evidence.

Each rule's evidence is in YAML comments above it (each form's count, the share, up to three
``file:line`` places) and, in short, in its ``note``.  Its examples are sentences of its own
(see :mod:`.rules`); a rule whose examples do not check as they should is left out, and the
summary says so.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import cache_dir, code_stamp, read_entry, store
from ..errors import NewslintError
from ..rulefile import parse_rules
from .evidence import Places
from .families import Family
from .propose import Proposal
from .rules import fragment, sentences
from .yamltext import dump

# rule id -> the file of the pack it goes in
FILES = {
    "name-spelling": "names.yaml",
    "acronym-case": "names.yaml",
    "initialism-stops": "names.yaml",
    "compounds": "words.yaml",
    "spelling": "words.yaml",
    "ise-spelling": "words.yaml",
    "directions": "words.yaml",
}
CONVENTIONS = "conventions.yaml"
PACK_FILES = (*sorted(set(FILES.values())), CONVENTIONS)

DESCRIPTIONS = {
    "name-spelling": "Names spelled as the archive spells them most.",
    "acronym-case": "Abbreviations in the case the archive writes them most.",
    "initialism-stops": "Initialisms with or without full stops, as the archive writes them.",
    "compounds": "Compounds closed, hyphenated or open, as the archive writes them most.",
    "spelling": "British or American spellings, as the archive uses them.",
    "ise-spelling": "The -ise or -ize endings, as the archive uses them.",
    "directions": "Towards or toward, afterwards or afterward, as the archive writes them.",
    "percent": "Percentages written as the archive writes them.",
    "date-format": "Dates in the archive's format.",
    "time-format": "Times of day in the archive's format.",
    "small-numbers": "Numbers from two to nine in words or figures, as the archive writes them.",
    "person-reference": "Courtesy titles at later reference, as the archive uses them.",
    "quotation-marks": "Straight or curly quotation marks, as the archive prints them.",
    "apostrophes": "Straight or curly apostrophes, as the archive prints them.",
    "dashes": "Dashes as the archive prints them.",
}
MAX_EXAMPLES = 4


def share(family: Family) -> str:
    return f"{100 * family.share:.1f}%"


def counts(family: Family) -> str:
    return ", ".join(f"{f.text} {f.count}" for f in family.forms)


@dataclass
class Built:
    """The pack's files (name -> text), and the rules left out with the reason."""

    files: dict[str, str] = field(default_factory=dict)
    left_out: dict[str, str] = field(default_factory=dict)


def _evidence(family: Family, places: Places) -> list[str]:
    lines = [f"{family.label}: {counts(family)} ({share(family)} of {family.total})"]
    for form in family.forms:
        where = places.of(form)
        if where:
            lines.append(f"  {form.text}: {', '.join(where)}")
    return lines


def _rule(rule_id: str, proposals: list[Proposal], drafts: int) -> dict[str, object]:
    rule: dict[str, object] = {"id": rule_id}
    fail: list[str] = []
    keep: list[str] = []
    for p in proposals:
        part = fragment(p.family) or {}
        for key, value in part.items():
            if isinstance(value, dict) and isinstance(rule.get(key), dict):
                merged = dict(rule[key])  # type: ignore[call-overload]
                merged.update(value)
                rule[key] = merged
            else:
                rule.setdefault(key, value)
        f, k = sentences(p.family)
        fail += [s for s in f if s not in fail]
        keep += [s for s in k if s not in keep]
    ordered: dict[str, object] = {"id": rule_id, "type": rule.pop("type")}
    ordered["severity"] = "warning"
    # Headlines are not counted (they have rules of their own), so the rule leaves them alone.
    ordered["scope"] = rule.pop("scope", ["body", "quote"])
    ordered.update((k, v) for k, v in rule.items() if k != "id")
    ordered["description"] = DESCRIPTIONS[rule_id]
    shown = "; ".join(f"{counts(p.family)} ({share(p.family)})" for p in proposals[:4])
    more = f"; and {len(proposals) - 4} more families" if len(proposals) > 4 else ""
    ordered["note"] = f"Proposed by newslint suggest from {drafts} drafts: {shown}{more}."
    ordered["examples"] = {"fail": fail[:MAX_EXAMPLES], "pass": keep[:MAX_EXAMPLES]}
    return ordered


def _render(rule: dict[str, object], evidence: list[str]) -> str:
    body = dump([rule])
    comments = "".join(f"  # {line}\n" for line in evidence)
    return comments + "".join(f"  {line}\n" for line in body.splitlines())


VERDICTS = 64  # rule texts whose verdicts the cache keeps (a few archives' pack)


class Verdicts:
    """What :func:`_checks` said of rule texts it has seen, kept in the cache folder (see
    :mod:`newslint.cache`) under the code stamp: a rule is compiled and its examples checked
    once per text, which on a small archive is a good part of the run.  The key is the text
    itself, whole, so a verdict is only ever reused for the same rule."""

    def __init__(self) -> None:
        where = cache_dir()
        # One file per installed copy, as for the patterns (see newslint.patterns).
        here = os.fsencode(os.path.dirname(os.path.abspath(__file__)))
        name = f"checks-{zlib.crc32(here):08x}.pickle"
        self.entry = where / name if where is not None else None
        self.kept: dict[str, str | None] = {}
        self.changed = False
        if self.entry is None:
            return
        try:
            stamp, kept = read_entry(self.entry)
            if stamp == code_stamp() and isinstance(kept, dict):
                self.kept = kept
        except Exception:  # missing, truncated or from other code: check afresh
            pass

    def check(self, text: str, name: str, pack: str) -> str | None:
        key = f"{pack}\0{name}\0{text}"
        if key in self.kept:
            return self.kept[key]
        verdict = self.kept[key] = _checks(text, name, pack)
        self.changed = True
        return verdict

    def save(self) -> None:
        if self.entry is None or not self.changed:
            return
        kept = dict(list(self.kept.items())[-VERDICTS:])  # the latest
        store(self.entry, (code_stamp(), kept))


def _checks(text: str, name: str, pack: str) -> str | None:
    """Why a rule's text does not load or its examples do not check; ``None`` when it does."""
    from ..examples import check_examples  # only for a rule text the cache has no verdict on

    try:
        (rule,) = parse_rules("rules:\n" + text, name, pack)
    except NewslintError as exc:
        return f"does not load ({exc})"
    problems = check_examples(rule)  # as `newslint test` checks them
    return str(problems[0]) if problems else None


def build_pack(proposals: list[Proposal], *, drafts: int, pack: str = "house") -> Built:
    """The pack's files for the proposals that are proposed, in a fixed order."""
    by_rule: dict[str, list[Proposal]] = {}
    for p in proposals:
        if p.proposed and fragment(p.family) is not None:
            by_rule.setdefault(p.rule, []).append(p)
    built = Built()
    places = Places()
    texts: dict[str, list[str]] = {}
    verdicts = Verdicts()
    for rule_id, chosen in by_rule.items():
        evidence = [line for p in chosen for line in _evidence(p.family, places)]
        text = _render(_rule(rule_id, chosen, drafts), evidence)
        file = FILES.get(rule_id, CONVENTIONS)
        problem = verdicts.check(text, file, pack)
        if problem:
            built.left_out[rule_id] = problem
            continue
        texts.setdefault(file, []).append(text)
    verdicts.save()
    header = "# Proposed by `newslint suggest` from the archive's own copy: review before use.\n"
    for file in sorted(texts):
        built.files[file] = header + "rules:\n" + "\n".join(texts[file])
    return built


def write_pack(built: Built, folder: str) -> None:
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, text in built.files.items():
            (target / name).write_text(text, encoding="utf-8")
        for name in sorted(set(PACK_FILES) - set(built.files)):  # left from an earlier run
            (target / name).unlink(missing_ok=True)
    except OSError as exc:
        raise NewslintError(f"{folder}: cannot write the pack: {exc.strerror or exc}") from None
