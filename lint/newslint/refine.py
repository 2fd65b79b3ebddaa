"""Refining a rule of another pack in a few lines, instead of copying it.

A rule entry with ``refines: <pack>.<id>`` in place of ``id`` and ``type`` changes the rule of
that full id, which a pack loaded before it must bring::

    - refines: uk-news.person-reference
      remove: [Volodymyr Zelensky]
      people:
        - {name: Volodymyr Zelenskyy, honorific: Mr, variants: [Zelensky]}
      severity: error

How each key merges:

* ``remove`` (done first) drops list items: people by ``name``, map entries (such as
  ``swap``) by key, and words of string lists (such as ``tokens``);
* a list of people (or of anything else with a ``name``) merges by name: a person of the same
  name replaces the listed one, others are added;
* other lists (``tokens``, ``variants``...) are appended to, skipping items already there;
* maps (``swap``, ``messages``...) merge by key, the refinement's entry winning;
* ``examples`` merge the same way, ``fail`` and ``pass`` appended to;
* every other key (``severity``, ``message``, ``scope``, ``honorific``...) replaces.

The refined rule keeps its id, pack and place.  Strict, as rule files are: refining a rule no
pack loaded before brings, removing an entry the rule does not have, or a key its type does not
have is an error naming the file and the line, with a "did you mean".
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .checks import Rule
from .checks.base import PatternError
from .errors import RuleFileError

# The keys of a refinement that are not keys of the refined rule's type.
OWN_KEYS = ("refines", "remove")


@dataclass(frozen=True, kw_only=True)
class Refinement(Rule):
    """A rule entry that changes the rule ``target`` (a full id) of a pack loaded before it.

    It is kept among a pack's rules as written (``values`` are the YAML values), and applied by
    :func:`newslint.style.add_pack` when a style is built; it never reaches the engine.
    """

    target: str = ""
    values: tuple[tuple[str, Any], ...] = ()  # key -> the YAML value, in the order written
    remove: tuple[str, ...] = ()
    lines: Mapping[str, int] = field(default_factory=dict)  # key -> its line

    def check(self, doc: Any) -> Any:  # pragma: no cover - a style applies it first
        return iter(())

    @property
    def path(self) -> str:
        return self.source.rpartition(":")[0]

    @property
    def line(self) -> int:
        line = self.source.rpartition(":")[2]
        return int(line) if line.isdigit() else 0

    def unknown(self, names: list[str]) -> RuleFileError:
        """The error for a target that no pack loaded before brings (``names`` are those)."""
        hint = _did_you_mean(self.target, names) or (
            " (name its pack in 'extends' or --style before this folder)"
        )
        return self.error("no such rule in the packs loaded before this one" + hint, "refines")

    def error(self, message: str, key: str | None = None) -> RuleFileError:
        line = self.lines.get(key, self.line) if key else self.line
        return RuleFileError(f"refines '{self.target}': {message}", self.path, line)

    def describe(self) -> str:
        """What it changes, in a line: "adds to people (A, B); removes C; sets severity"."""
        parts = []
        if self.remove:
            parts.append("removes " + ", ".join(self.remove))
        for key, value in self.values:
            if key == "examples":
                parts.append("adds examples")
            elif isinstance(value, list):
                parts.append(f"adds to {key} ({', '.join(_label(v) for v in value)})")
            elif isinstance(value, dict):
                parts.append(f"adds to {key} ({', '.join(str(k) for k in value)})")
            else:
                parts.append(f"sets {key}")
        return "; ".join(parts) or "changes nothing"


def _label(value: Any) -> str:
    if isinstance(value, dict) and "name" in value:
        return str(value["name"])
    return str(value)


def parse_refinement(item: Mapping[str, Any], path: str, pack: str) -> Refinement:
    """A ``refines:`` entry of a rule file, checked for what can be checked without its target."""
    line = getattr(item, "line", 0)
    lines: dict[str, int] = dict(getattr(item, "key_lines", {}))
    target = item["refines"]

    def fail(message: str, key: str = "refines") -> RuleFileError:
        return RuleFileError(f"rule entry: {message}", path, lines.get(key, line))

    if not isinstance(target, str) or "." not in target:
        raise fail("'refines' takes a full rule id, such as uk-news.person-reference")
    for key in ("id", "type"):
        if key in item:
            raise fail(
                f"'{key}' goes with a new rule; 'refines' takes the place of 'id' and 'type' "
                "(the refined rule keeps its own)",
                key,
            )
    remove = item.get("remove", [])
    if isinstance(remove, str):
        remove = [remove]
    if not isinstance(remove, list) or not all(isinstance(r, str) and r for r in remove):
        raise fail("'remove' must be a list of names, keys or words", "remove")
    values = tuple((k, v) for k, v in item.items() if k not in OWN_KEYS)
    return Refinement(
        id=target,
        type="refines",
        target=target,
        values=values,
        remove=tuple(remove),
        lines=lines,
        pack=pack,
        source=f"{path}:{line}",
    )


def refine(rule: Rule, change: Refinement) -> Rule:
    """``rule`` with the changes of ``change`` merged in (see the module's docstring)."""
    from .rulefile import _convert, yaml_keys

    cls = type(rule)
    keys = {k: f for k, f in yaml_keys(cls).items() if k not in ("id", "type")}
    hints = typing.get_type_hints(cls)

    def fail(message: str, key: str | None = None, within: Any = None) -> RuleFileError:
        if within is not None and key is not None and hasattr(within, "key_lines"):
            return RuleFileError(
                f"refines '{change.target}': {message}",
                change.path,
                within.key_lines.get(key, within.line),
            )
        return change.error(message, key)

    for key, _ in change.values:
        if key not in keys:
            raise fail(
                f"unknown key '{key}' for a rule of type '{rule.type}'"
                + _did_you_mean(key, [*keys, *OWN_KEYS]),
                key,
            )
    updates: dict[str, Any] = {}
    removable = {k: f for k, f in keys.items() if k not in ("examples", "scope")}
    for name in change.remove:
        hit = False
        for f in removable.values():
            kept = _without(updates.get(f.name, getattr(rule, f.name)), name)
            if kept is not None:
                updates[f.name] = kept
                hit = True
        if not hit:
            entries = [e for f in removable.values() for e in _entries(getattr(rule, f.name))]
            raise fail(
                f"'remove': '{name}' is not in rule '{rule.name}'" + _did_you_mean(name, entries),
                "remove",
            )
    for key, raw in change.values:
        f = keys[key]
        new = _convert(raw, hints[f.name], key, fail)
        updates[f.name] = _merged(updates.get(f.name, getattr(rule, f.name)), new)
    try:
        return dataclasses.replace(rule, **updates)
    except PatternError as exc:
        raise fail(str(exc), next((k for k, _ in change.values), None)) from None
    except ValueError as exc:
        raise fail(str(exc), next((k for k, _ in change.values), None)) from None


def _named(item: Any) -> str | None:
    name = getattr(item, "name", None)
    return name if isinstance(name, str) else None


def _entries(value: Any) -> list[str]:
    """What ``remove`` may name in a value: people's names, map keys, words of a list."""
    if isinstance(value, tuple):
        return [_named(v) or v for v in value if isinstance(v, str) or _named(v)]
    if isinstance(value, Mapping):
        return [str(k) for k in value]
    return []


def _without(value: Any, name: str) -> Any:
    """``value`` without the entry ``name``, or ``None`` when it has none."""
    if isinstance(value, tuple):
        kept = tuple(v for v in value if v != name and _named(v) != name)
        return kept if len(kept) < len(value) else None
    if isinstance(value, Mapping) and name in value:
        return {k: v for k, v in value.items() if k != name}
    return None


def _merged(old: Any, new: Any) -> Any:
    if isinstance(old, tuple) and isinstance(new, tuple):
        if any(_named(v) for v in (*old, *new)):
            by_name = {_named(v) or repr(v): v for v in old}
            for v in new:
                by_name[_named(v) or repr(v)] = v
            return tuple(by_name.values())
        return old + tuple(v for v in new if v not in old)
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return {**old, **new}
    if dataclasses.is_dataclass(old) and dataclasses.is_dataclass(new):
        return dataclasses.replace(
            old,  # type: ignore[type-var]
            **{
                f.name: _merged(getattr(old, f.name), getattr(new, f.name))
                for f in dataclasses.fields(old)
                if f.init
            },
        )
    return new


def _did_you_mean(word: str, choices: list[str]) -> str:
    from .rulefile import _did_you_mean as hint

    return hint(word, choices)
