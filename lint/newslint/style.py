"""A style: the rules in force, loaded from built-in packs and folders of rule files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import cached
from .checks import Rule
from .checks.consistency import Consistency
from .errors import RuleFileError
from .rulefile import load_pack, resolve_pack

DEFAULT_STYLE = ("core",)


@dataclass(frozen=True)
class Style:
    """The rules in force, in load order; a later pack's rule replaces an earlier one's."""

    rules: tuple[Rule, ...]
    accept: frozenset[str] = frozenset()  # found texts never reported (a house's proper names)
    known: frozenset[str] = frozenset()  # rule ids and packs loaded, before any were dropped

    def __post_init__(self) -> None:
        settled = later_rules_win(self.rules)
        if len(settled) < len(self.rules) and not self.known:
            # a rule that gave way on every word is still a rule a directive may name
            known = frozenset(r.name for r in self.rules) | frozenset(r.pack for r in self.rules)
            object.__setattr__(self, "known", known)
        object.__setattr__(self, "rules", defer_to_house(settled))

    @property
    def names(self) -> frozenset[str]:
        """Every full rule id and pack name that a directive or a config may name."""
        if self.known:
            return self.known
        return frozenset(r.name for r in self.rules) | frozenset(r.pack for r in self.rules)

    def get(self, name: str) -> Rule | None:
        return next((r for r in self.rules if r.name == name), None)

    @property
    def packs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.pack for r in self.rules))


def later_rules_win(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Where two rules' fixes would undo each other, the later rule wins for those terms.

    A rule gives way (see :meth:`~newslint.checks.Rule.giving_way`) for each form it corrects
    that a later rule writes, or that it corrects to a form a later rule corrects: with a house
    rule ``swap: {Zelensky: Zelenskyy}`` loaded after uk-news, which corrects "Zelenskyy" to
    "Zelensky", uk-news stops correcting "Zelenskyy" and the house's choice stands.  A house's
    own rules come after the packs it extends, so the house decides; the outcome is the same on
    every run.  A form written in lower case stands for the word in any case ("colour" and
    "Colour"); one with capitals only for itself ("NATO" is not "Nato").
    """
    decided = [rule.decided_forms() for rule in rules]
    if sum(1 for forms in decided if forms) < 2:
        return rules
    out: list[Rule] = []
    flagged_later: set[str] = set()  # what the rules after this one correct...
    written_later: set[str] = set()  # ...and what they write in its place
    for rule, forms in zip(reversed(rules), reversed(decided), strict=True):
        terms = frozenset(
            key
            for key, value in forms.items()
            if _among(key, written_later) or _among(value, flagged_later)
        )
        kept = rule.giving_way(terms) if terms else rule
        if kept is not None:
            out.append(kept)
        flagged_later.update(forms)
        written_later.update(forms.values())
    return tuple(reversed(out))


def _among(form: str, forms: set[str]) -> bool:
    return form in forms or (form.lower() in forms if form != form.lower() else False)


def defer_to_house(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Rules that ask for one form per document give way where the house has chosen the form.

    With ``core`` and ``uk-news`` together, core's "one spelling of Zelensky per draft" would
    otherwise offer "Zelenskyy" in a draft that mostly uses it, while uk-news corrects every
    "Zelenskyy" to "Zelensky": the two fixes would undo each other.
    """
    decided: dict[str, str] = {}
    for rule in rules:
        decided.update(rule.decided_forms())
    if not decided:
        return rules
    out: list[Rule] = []
    for rule in rules:
        if isinstance(rule, Consistency):
            kept = rule.deferring_to(decided)
            if kept is None:
                continue
            rule = kept
        out.append(rule)
    return tuple(out)


def load_style(packs: Sequence[str | Path] | None = None, base: Path | None = None) -> Style:
    """Load built-in pack names or rule folders, in order; none given means the default style."""
    names = list(packs) if packs else list(DEFAULT_STYLE)
    rules: dict[str, Rule] = {}
    loaded: set[Path] = set()
    for name in names:
        folder = resolve_pack(str(name), base).resolve()
        if folder in loaded:
            continue
        loaded.add(folder)
        for rule in cached(folder, load_pack):  # unpickled when unchanged
            rules[rule.name] = rule
    return Style(tuple(rules.values()))


def select_rules(style: Style, select: Iterable[str], ignore: Iterable[str]) -> Style:
    """Keep rules named (by full id or pack) in ``select`` (all when empty), minus ``ignore``."""
    chosen = list(select)
    dropped = list(ignore)
    known = style.names
    for name in [*chosen, *dropped]:
        if name not in known:
            raise RuleFileError(f"unknown rule or pack '{name}'")

    def named(rule: Rule, names: list[str]) -> bool:
        return rule.name in names or rule.pack in names

    return replace(
        style,
        rules=tuple(
            r for r in style.rules if (not chosen or named(r, chosen)) and not named(r, dropped)
        ),
        known=style.names,
    )
