"""Loading rule packs: folders of YAML files, each holding ``rules:``, a list.

Loading is strict.  Every rule is checked against the dataclass of its type: an unknown key, a
missing key, a value of the wrong type, an invalid regular expression, an unknown scope or a
duplicate id is a :class:`~newslint.errors.RuleFileError` naming the file, the line and the rule.
"""

from __future__ import annotations

import dataclasses
import difflib
import reprlib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, Union

from .checks import RULE_TYPES, Examples, Rule
from .checks.base import PatternError
from .errors import RuleFileError
from .files import printable
from .yamlload import LineDict, LineList, load_yaml

BUILTIN_DIR_NAMES = ("rules",)
_RULE_SUFFIXES = (".yaml", ".yml")


def builtin_root() -> Path:
    """The folder of the built-in packs: inside the installed package, or the source checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "rules"
    if installed.is_dir():
        return installed
    return here.parent.parent / "rules"


def builtin_packs() -> list[str]:
    root = builtin_root()
    if not root.is_dir():
        return []
    return sorted(
        p.name
        for p in root.iterdir()
        if p.is_dir() and any(f.suffix in _RULE_SUFFIXES for f in p.iterdir())
    )


def resolve_pack(name_or_path: str, base: Path | None = None) -> Path:
    """A built-in pack name or a folder of rule files, as a folder path."""
    candidate = Path(name_or_path)
    if base is not None and not candidate.is_absolute():
        candidate = base / candidate
    if candidate.is_dir():
        return candidate
    if "/" not in name_or_path and "\\" not in name_or_path:
        builtin = builtin_root() / name_or_path
        if builtin.is_dir():
            return builtin
        known = builtin_packs()
        hint = _did_you_mean(name_or_path, known)
        raise RuleFileError(
            f"no built-in pack or folder named '{printable(name_or_path)}'{hint} "
            f"(built-in packs: {', '.join(known)})"
        )
    raise RuleFileError(f"no such folder of rules: '{printable(name_or_path)}'")


def load_pack(folder: Path, name: str | None = None) -> list[Rule]:
    """Load every rule file of a pack folder, in file-name order."""
    pack = name or folder.name
    files = sorted(p for p in folder.iterdir() if p.suffix in _RULE_SUFFIXES and p.is_file())
    if not files:
        raise RuleFileError("the folder holds no rule files (*.yaml)", str(folder))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in files:
        for rule in load_rule_file(path, pack):
            if rule.id in seen:
                raise RuleFileError(
                    f"rule '{rule.id}': duplicate id (first defined at {seen[rule.id]})",
                    *_split_source(rule.source),
                )
            seen[rule.id] = rule.source
            rules.append(rule)
    return rules


def _split_source(source: str) -> tuple[str, int | None]:
    path, _, line = source.rpartition(":")
    return path, int(line) if line.isdigit() else None


def load_rule_file(path: Path, pack: str) -> list[Rule]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RuleFileError(f"cannot read rule file: {exc.strerror or exc}", str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleFileError(
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            "(save the rule file as UTF-8)",
            str(path),
            data.count(b"\n", 0, exc.start) + 1,
        ) from None
    return parse_rules(text, str(path), pack)


def parse_rules(text: str, path: str, pack: str) -> list[Rule]:
    """Parse the text of one rule file."""
    data = load_yaml(text, path, RuleFileError)
    if not isinstance(data, dict) or "rules" not in data:
        raise RuleFileError("a rule file must be a mapping with a 'rules:' list", path, 1)
    extra = [k for k in data if k != "rules"]
    if extra:
        line = data.key_lines.get(extra[0]) if isinstance(data, LineDict) else None
        raise RuleFileError(f"unknown top-level key '{extra[0]}' (only 'rules')", path, line)
    items = data["rules"]
    if not isinstance(items, list):
        line = data.key_lines.get("rules") if isinstance(data, LineDict) else None
        raise RuleFileError("'rules' must be a list", path, line)
    rules = []
    seen: dict[str, int] = {}
    for item in items:
        if isinstance(item, dict) and "refines" in item:
            from .refine import parse_refinement  # imported only for a file that refines

            rule: Rule = parse_refinement(item, path, pack)
        else:
            rule = build_rule(item, path, pack)
        line = getattr(item, "line", 0)
        if rule.id in seen:
            raise RuleFileError(
                f"rule '{rule.id}': duplicate id (first defined on line {seen[rule.id]})",
                path,
                line,
            )
        seen[rule.id] = line
        rules.append(rule)
    return rules


def build_rule(item: Any, path: str, pack: str) -> Rule:
    """Validate one rule mapping and build the rule type's dataclass."""
    line = getattr(item, "line", None)
    if not isinstance(item, dict):
        raise RuleFileError("each rule must be a mapping of keys", path, line)
    rule_id = item.get("id")
    label = f"rule '{rule_id}'" if isinstance(rule_id, str) else "rule"

    def fail(message: str, key: str | None = None, within: Any = item) -> RuleFileError:
        """The error for ``key`` of the mapping ``within`` (the rule or one nested in it)."""
        key_line = line
        if isinstance(within, LineDict):
            key_line = within.key_lines.get(key, within.line) if key else within.line
        return RuleFileError(f"{label}: {message}", path, key_line)

    if not isinstance(rule_id, str) or not rule_id:
        raise fail("missing key 'id'" if rule_id is None else "'id' must be a string", "id")
    if not all(c.isalnum() or c in "-_" for c in rule_id):
        raise fail("'id' may hold only letters, digits, '-' and '_'", "id")
    type_name = item.get("type")
    if type_name is None:
        raise fail(f"missing key 'type' (one of: {', '.join(RULE_TYPES)})")
    cls = RULE_TYPES.get(type_name) if isinstance(type_name, str) else None
    if cls is None:
        hint = _did_you_mean(str(type_name), list(RULE_TYPES))
        raise fail(f"unknown type '{type_name}'{hint} (one of: {', '.join(RULE_TYPES)})", "type")
    values = convert_fields(cls, item, fail)  # first: a value of the wrong type fails fast
    _check_size(item, fail)
    if "examples" in values:
        lines = example_lines(item["examples"])
        values["examples"] = dataclasses.replace(values["examples"], lines=lines)
    try:
        rule = cls(**values, pack=pack, source=f"{path}:{line}")
    except PatternError as exc:
        raise fail(str(exc), _key_holding(item, exc.pattern)) from None
    except ValueError as exc:
        raise fail(str(exc)) from None
    for key, field in rule.unfilled_placeholders():
        filled = [f"{{{name}}}" for name in ("found", "replacement", *rule.placeholders)]
        hint = _did_you_mean(f"{{{field}}}", filled)
        article = "an" if type_name[0] in "aeiou" else "a"
        raise fail(
            f"'{key}': the placeholder '{{{field}}}' is never filled by {article} {type_name} "
            f"rule{hint} "
            f"(it fills {', '.join(filled)})",
            key,
        )
    return rule


def example_lines(examples: Mapping[str, Any]) -> dict[str, int]:
    """The line of each item of ``examples: {fail: [...], pass: [...]}`` as loaded, by its
    text: the line of a sentence, or of the ``text:`` of a ``{text, fixed}`` item."""
    lines: dict[str, int] = {}
    for key in ("fail", "pass"):
        items = examples.get(key)
        for item, line in zip(items or (), getattr(items, "item_lines", ()), strict=False):
            if isinstance(item, LineDict) and "text" in item:
                lines.setdefault(str(item["text"]), item.key_lines["text"])
            elif not isinstance(item, (dict, list)):
                lines.setdefault(str(item), line)
    return lines


MAX_TERMS = 200_000  # list items and mapping entries in one rule, aliases expanded
ALIAS_GROWTH = 10  # how many times what is written YAML aliases may make a rule


def _check_size(item: Mapping[str, Any], fail: Any) -> None:
    """A rule holds at most :data:`MAX_TERMS` terms (list items and mapping entries, counted
    with YAML aliases expanded), and aliases may not make it more than :data:`ALIAS_GROWTH`
    times what is written (plus 1,000): a few kilobytes of aliases can stand for a million
    variants, each matched and reported again and again.

    Each list or mapping is counted once however many aliases name it, so this takes time in
    proportion to the file, not to what the aliases stand for.
    """
    expanded: dict[int, int] = {}  # id of a list or mapping -> its terms, aliases expanded
    written = 0

    def terms(value: Any) -> int:
        nonlocal written
        if not isinstance(value, (list, dict)):
            return 0
        known = expanded.get(id(value))
        if known is not None:
            return known
        items = list(value.items()) if isinstance(value, dict) else [(None, v) for v in value]
        written += len(items)
        total = len(items) + sum(terms(v) for _, v in items)
        expanded[id(value)] = total
        return total

    for key, value in item.items():
        try:
            total = terms(value)
        except RecursionError:
            raise fail(f"'{key}' is nested too deeply", key) from None
        if total > MAX_TERMS:
            raise fail(
                f"'{key}' holds {total:,} terms, more than the {MAX_TERMS:,} a rule may hold "
                "(split the rule)",
                key,
            )
        if total > ALIAS_GROWTH * written + 1_000:
            raise fail(
                f"'{key}': YAML aliases make {total:,} terms of the {written:,} written, more "
                f"than {ALIAS_GROWTH} times as many (write each term once)",
                key,
            )


def _key_holding(item: Mapping[str, Any], text: str) -> str | None:
    """The first key of ``item`` whose value holds the string ``text`` (for its line)."""

    def holds(value: Any) -> bool:
        if isinstance(value, str):
            return value == text
        if isinstance(value, dict):
            return any(holds(k) or holds(v) for k, v in value.items())
        if isinstance(value, list):
            return any(holds(v) for v in value)
        return False

    return next((key for key, value in item.items() if holds(value)), None)


def yaml_keys(cls: type[Any]) -> dict[str, dataclasses.Field[Any]]:
    """The YAML keys of a dataclass: its init fields that are not internal, by key name."""
    keys = {}
    for f in dataclasses.fields(cls):
        if not f.init or f.metadata.get("internal"):
            continue
        keys[f.metadata.get("key", f.name)] = f
    return keys


def convert_fields(cls: type[Any], item: Mapping[str, Any], fail: Any) -> dict[str, Any]:
    """Check a mapping against a dataclass's fields and convert YAML values to field types."""
    keys = yaml_keys(cls)
    hints = typing.get_type_hints(cls)
    for key in item:
        if key not in keys:
            hint = _did_you_mean(key, list(keys))
            raise fail(f"unknown key '{key}'{hint}", key)
    values: dict[str, Any] = {}
    for key, f in keys.items():
        if key not in item:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise fail(f"missing key '{key}'")
            continue
        values[f.name] = _convert(item[key], hints[f.name], key, fail)
    return values


def _convert(value: Any, hint: Any, key: str, fail: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        errors = []
        for arg in inner:
            try:
                return _convert(value, arg, key, fail)
            except RuleFileError as exc:
                errors.append(exc)
        raise errors[0]
    if origin is Literal:
        if value not in args:
            choices = ", ".join(str(a) for a in args)
            raise fail(f"'{key}' must be one of: {choices}; got {_brief(value)}", key)
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise fail(f"'{key}' must be a list; got {_shown(value)}", key)
        return tuple(_convert(v, args[0], key, fail) for v in value)
    if origin in (Mapping, dict) or hint is dict:
        if not isinstance(value, dict):
            raise fail(f"'{key}' must be a mapping", key)
        key_type, value_type = args or (str, str)
        return {
            _convert(k, key_type, key, fail): _convert(v, value_type, key, fail)
            for k, v in value.items()
        }
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(value, dict):
            raise fail(f"'{key}' must be a mapping", key)
        return hint(
            **convert_fields(hint, value, lambda m, k=None, within=value: fail(m, k, within))
        )
    if hint is bool:
        if not isinstance(value, bool):
            raise fail(f"'{key}' must be true or false; got {_brief(value)}", key)
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(f"'{key}' must be a whole number; got {_brief(value)}", key)
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail(f"'{key}' must be a number; got {_brief(value)}", key)
        return float(value)
    if hint is str:
        if isinstance(value, bool):
            raise fail(
                f"'{key}' must be a string; got {str(value).lower()} (YAML reads an unquoted "
                "yes, no, on, off, true or false as true/false: put the word in quotes)",
                key,
            )
        if value is None or isinstance(value, (list, dict)):
            raise fail(f"'{key}' must be a string; got {_brief(value)}", key)
        return str(value)
    raise TypeError(f"unsupported field type {hint!r}")  # pragma: no cover - a programming error


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"{_brief(value)} (write a list: [{_BRIEF.repr_str(value, 0)[1:-1]}])"
    return "true/false" if isinstance(value, bool) else _brief(value)


class _Brief(reprlib.Repr):
    def repr_LineList(self, value: LineList, level: int) -> str:  # reprlib looks it up by type name
        """A list as loaded from YAML, cut short as a list is (not as any other object)."""
        return self.repr_list(value, level)


_BRIEF = _Brief()
_BRIEF.maxlevel, _BRIEF.maxlist, _BRIEF.maxdict, _BRIEF.maxstring = 2, 4, 4, 80
_BRIEF.maxother = 80


def _brief(value: Any) -> str:
    """``repr(value)`` cut short: a value built of YAML aliases can be huge."""
    return _BRIEF.repr(value)


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


__all__ = [
    "Examples",
    "builtin_packs",
    "builtin_root",
    "load_pack",
    "parse_rules",
    "resolve_pack",
]
