"""A style: the rules in force, loaded from built-in packs and folders of rule files."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cached
from .checks import Rule
from .checks.consistency import Consistency
from .errors import RuleFileError
from .rulefile import builtin_root, load_pack, resolve_pack

if TYPE_CHECKING:  # refinements are imported only by the styles that have one
    from .refine import Refinement

DEFAULT_STYLE = ("core",)

# The built-in packs that build on another: naming one brings its base first, unless the base
# is named too (wherever it is in the list); ``disable: [core]`` or ``--ignore core`` drops it.
PACK_BASES: Mapping[str, tuple[str, ...]] = {"uk-news": ("core",), "us-news": ("core",)}


def with_bases(names: Sequence[str | Path], base: Path | None = None) -> list[str | Path]:
    """``names`` with the base of each built-in news pack before it: ``uk-news`` means
    ``core, uk-news``.  A folder of the user's that happens to be called ``uk-news`` has none."""
    out: list[str | Path] = []
    named = {str(n) for n in names}
    for name in names:
        bases = PACK_BASES.get(str(name), ())
        if bases and _is_builtin(str(name), base):
            out.extend(b for b in bases if b not in named and b not in out)
        out.append(name)
    return out


def _is_builtin(name: str, base: Path | None) -> bool:
    try:
        return resolve_pack(name, base).resolve() == (builtin_root() / name).resolve()
    except RuleFileError:
        return False


@dataclass(frozen=True)
class Style:
    """The rules in force, in load order; a later pack's rule replaces an earlier one's."""

    rules: tuple[Rule, ...]
    accept: frozenset[str] = frozenset()  # found texts never reported (a house's proper names)
    known: frozenset[str] = frozenset()  # rule ids and packs loaded, before any were dropped
    # full id -> the refinements applied to the rule, in order (see newslint.refine)
    refined: Mapping[str, tuple[Refinement, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        rules = self.rules
        if any(r.type == REFINES for r in rules):  # rules given straight from a file
            merged: dict[str, Rule] = {}
            refined = dict(self.refined)
            add_pack(merged, rules, refined)
            rules = tuple(merged.values())
            object.__setattr__(self, "refined", refined)
        if self.accept:
            rules = tuple(_accepting(r, self.accept) for r in rules)
        settled = later_rules_win(rules)
        if len(settled) < len(rules) and not self.known:
            # a rule that gave way on every word is still a rule a directive may name
            known = frozenset(r.name for r in rules) | frozenset(r.pack for r in rules)
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


REFINES = "refines"  # the type of a rule entry that refines another (newslint.refine)


def add_pack(
    rules: MutableMapping[str, Rule],
    entries: Iterable[Rule],
    refined: MutableMapping[str, tuple[Refinement, ...]],
) -> None:
    """Add a pack's rules to ``rules`` by full id (a later pack's rule replaces an earlier one
    and takes the later place), and apply its refinements to the rules loaded before them,
    noting each in ``refined``."""
    for entry in entries:
        if entry.type != REFINES:
            rules.pop(entry.name, None)
            rules[entry.name] = entry
            refined.pop(entry.name, None)
            continue
        from .refine import Refinement, refine

        assert isinstance(entry, Refinement)
        base = rules.get(entry.target)
        if base is None:
            raise entry.unknown(list(rules))
        rules[entry.target] = refine(base, entry)
        refined[entry.target] = (*refined.get(entry.target, ()), entry)


def _accepting(rule: Rule, accept: frozenset[str]) -> Rule:
    """``rule`` taking the accepted texts as house spellings, where it corrects spellings in a
    way that matters beyond the spelling (a person's variant still names that person)."""
    if rule.type != "reference":
        return rule
    from .checks.reference import Reference

    return rule.accepting(accept) if isinstance(rule, Reference) else rule


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
    names = with_bases(list(packs) if packs else list(DEFAULT_STYLE), base)
    rules: dict[str, Rule] = {}
    refined: dict[str, tuple[Refinement, ...]] = {}
    loaded: set[Path] = set()
    for name in names:
        folder = resolve_pack(str(name), base).resolve()
        if folder in loaded:
            continue
        loaded.add(folder)
        add_pack(rules, cached(folder, load_pack), refined)  # unpickled when unchanged
    return Style(tuple(rules.values()), refined=refined)


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
