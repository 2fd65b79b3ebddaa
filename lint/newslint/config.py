"""Project configuration: finding, reading and validating ``newslint.yaml``.

A project's settings live in ``newslint.yaml`` or ``.newslint.yaml``, or in the
``[tool.newslint]`` table of ``pyproject.toml`` (looked for in that order in each folder).  The
one that applies to a draft is the first found walking up from the draft's folder::

    extends: [core, uk-news, ../shared/house-extra]   # packs, later ones win
    rules: [house]                 # folders of the house's own rules (pack = folder name)
    severity: {core: warning, core.doubled-word: error}
    disable: [core.exclamation-marks]
    accept: [Odessa]               # found texts never reported, matched exactly
    fail-on: warning
    across-files: true             # consistency rules judge the whole run, not each draft
    files: {include: ["**/*.md"], exclude: ["archive/**"]}
    overrides:
      - files: "opinion/**"
        disable: [core.long-sentence]
      - files: ["wire/**", "agency/*.txt"]
        extends: [us-news]
        severity: {us-news: suggestion}

Paths (``extends`` folders, ``rules`` folders) and globs (``files``, ``overrides``) are relative
to the folder holding the config file.  Reading is strict: an unknown key (with a "did you
mean"), a value of the wrong type or bad YAML or TOML is a :class:`ConfigError` naming the file
and the line.  What the names refer to (packs, rules) is checked when a style is built from the
config (:mod:`newslint.project`).
"""

from __future__ import annotations

import os
import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import RuleFileError
from .globs import compile_glob
from .rulefile import _did_you_mean, convert_fields, yaml_keys
from .yamlload import LineDict, load_yaml

CONFIG_NAMES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")

Level = Literal["error", "warning", "suggestion"]
FailOn = Literal["error", "warning", "suggestion", "never"]


class ConfigError(RuleFileError):
    """A project configuration that cannot be used."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        if not message.startswith("invalid config: "):
            message = "invalid config: " + message
        super().__init__(message, path, line)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The keys that the top level and each override block share."""

    extends: tuple[str, ...] | None = None  # None: not given (the top level then means core)
    rules: tuple[str, ...] = ()
    severity: Mapping[str, Level] = field(default_factory=dict)
    disable: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    fail_on: FailOn | None = field(default=None, metadata={"key": "fail-on"})
    # Where each key was written, for errors found later.
    lines: Mapping[str, int] = field(default_factory=dict, metadata={"internal": True})
    line: int = field(default=0, metadata={"internal": True})


@dataclass(frozen=True, kw_only=True)
class Override(Settings):
    """Settings for the drafts matching ``files``."""

    files: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class FileGlobs:
    """Which drafts a directory walk picks: ``include`` (default: every draft) minus ``exclude``."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Config:
    """One config file, read and validated."""

    path: str
    root: Path  # the folder that paths and globs in the config are relative to
    settings: Settings
    files: FileGlobs = field(default_factory=FileGlobs)
    overrides: tuple[Override, ...] = ()
    across_files: bool = False  # ``across-files``: consistency judged on the whole run


TOP_KEYS = (*yaml_keys(Settings), "files", "overrides", "across-files")


def _failer(item: Any, path: str) -> Any:
    def fail(message: str, key: str | None = None) -> ConfigError:
        line = getattr(item, "line", None)
        if key and isinstance(item, LineDict):
            line = item.key_lines.get(key, line)
        return ConfigError(message, path, line)

    return fail


def _lines(item: Any) -> dict[str, int]:
    return dict(item.key_lines) if isinstance(item, LineDict) else {}


# Keys that take a list also take one string: ``extends: core``, ``files: "opinion/**"``.
_LIST_KEYS = frozenset({"extends", "rules", "disable", "accept", "files", "include", "exclude"})


# Keys that name packs or rules also take a comma-separated string: ``extends: core, uk-news``.
_NAME_KEYS = frozenset({"extends", "disable"})


def _listed(item: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    def listed(key: str, value: Any) -> Any:
        if key not in _LIST_KEYS or not isinstance(value, str):
            return value
        if key in _NAME_KEYS:
            return [name.strip() for name in value.split(",") if name.strip()]
        return [value]

    return {k: listed(k, v) for k, v in item.items() if k in keys}


def _check_keys(item: Mapping[str, Any], keys: tuple[str, ...], fail: Any, where: str) -> None:
    for key in item:
        if key not in keys:
            raise fail(f"unknown key '{key}'{where}{_did_you_mean(key, list(keys))}", key)


def _check_levels(item: Mapping[str, Any], path: str) -> None:
    """Each value of ``severity`` is a level, or the error is at that value's own line."""
    levels = item.get("severity")
    if not isinstance(levels, dict):
        return
    fail = _failer(levels, path)
    allowed = typing.get_args(Level)
    for name, level in levels.items():
        if level not in allowed:
            shown = f"'{level}'" if isinstance(level, str) else repr(level)
            raise fail(
                f"'severity': '{name}' must be one of: {', '.join(allowed)}; got {shown}", name
            )


def _settings(cls: type[Any], item: Any, path: str, extra: tuple[str, ...], where: str) -> Any:
    fail = _failer(item, path)
    if not isinstance(item, dict):
        raise fail(f"{where.strip() or 'the config'} must be a mapping of keys")
    keys = tuple(yaml_keys(cls))
    _check_keys(item, (*keys, *extra), fail, where)
    _check_levels(item, path)
    values = convert_fields(cls, _listed(item, keys), fail)
    return cls(**values, lines=_lines(item), line=getattr(item, "line", 0))


def _check_globs(globs: tuple[str, ...], fail: Any, key: str) -> None:
    """Each glob compiles, or the error names the key it was written under."""
    for glob in globs:
        try:
            compile_glob(glob)
        except ValueError as exc:
            raise fail(f"'{key}': {exc}", key) from None


def build_config(data: Any, path: str) -> Config:
    """Validate the mapping read from a config file."""
    if data is None:
        data = LineDict()
    if not isinstance(data, dict):
        raise ConfigError("the config must be a mapping of keys", path, 1)
    settings: Settings = _settings(Settings, data, path, ("files", "overrides", "across-files"), "")
    fail = _failer(data, path)
    across = data.get("across-files", False)
    if not isinstance(across, bool):
        raise fail("'across-files' must be true or false", "across-files")
    globs = FileGlobs()
    if "files" in data:
        item = data["files"]
        if not isinstance(item, dict):
            raise fail("'files' must be a mapping with 'include' and/or 'exclude'", "files")
        item_fail = _failer(item, path)
        _check_keys(item, tuple(yaml_keys(FileGlobs)), item_fail, " in 'files'")
        globs = FileGlobs(**convert_fields(FileGlobs, _listed(item, tuple(item)), item_fail))
        _check_globs(globs.include, item_fail, "include")
        _check_globs(globs.exclude, item_fail, "exclude")
    overrides: list[Override] = []
    if "overrides" in data:
        blocks = data["overrides"]
        if not isinstance(blocks, list):
            raise fail("'overrides' must be a list of blocks, each with 'files'", "overrides")
        for block in blocks:
            if isinstance(block, dict) and "files" not in block:
                raise ConfigError(
                    "each block of 'overrides' needs 'files' (the drafts it is for)",
                    path,
                    getattr(block, "line", None) or _lines(data).get("overrides"),
                )
            override: Override = _settings(Override, block, path, (), " in 'overrides'")
            _check_globs(override.files, _failer(block, path), "files")
            overrides.append(override)
    return Config(
        path=path,
        root=Path(os.path.abspath(path)).parent,
        settings=settings,
        files=globs,
        overrides=tuple(overrides),
        across_files=across,
    )


# --- reading files -------------------------------------------------------------------------


def read_config(path: str) -> Config:
    """Read and validate one config file (YAML, or ``[tool.newslint]`` in ``pyproject.toml``)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path) from None
    if os.path.basename(path) == "pyproject.toml":
        return build_config(toml_settings(text, path), path)
    return build_config(load_yaml(text, path, ConfigError), path)


def _load_toml(text: str, path: str) -> dict[str, Any]:
    import tomllib

    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ConfigError(
            f"invalid TOML: {exc}", path, int(match.group(1)) if match else None
        ) from None
    return data


_TOML_HEADER = re.compile(r"^\s*\[(\[?)\s*([^\]]+?)\s*\]\]?")
_TOML_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]""")


def _toml_unquote(key: str) -> str:
    return key[1:-1] if key[:1] in "\"'" else key


def toml_settings(text: str, path: str) -> LineDict | None:
    """The ``[tool.newslint]`` table as LineDicts carrying the lines of its tables and keys.

    tomllib gives no positions, so a light scan of the text finds the line of each table header
    and of the first key of each name under it; that is enough to name the line of an error.
    """
    data = _load_toml(text, path)
    if "tool" in data and not isinstance(data["tool"], dict):
        line = next((n for n, s in enumerate(text.splitlines(), 1) if _TOOL_KEY.match(s)), None)
        raise ConfigError("'tool' must be a table (newslint reads [tool.newslint])", path, line)
    table = _newslint_table(data)
    if table is None:
        return None
    if not isinstance(table, dict):
        line = next((n for n, s in enumerate(text.splitlines(), 1) if "newslint" in s), None)
        raise ConfigError("[tool.newslint] must be a table of settings", path, line)
    # header name -> list of (header line, {key: line}); [[arrays]] have one entry per block.
    tables: dict[str, list[tuple[int, dict[str, int]]]] = {"": [(0, {})]}
    current = tables[""][0]
    for number, source in enumerate(text.splitlines(), 1):
        header = _TOML_HEADER.match(source)
        if header:
            name = ".".join(_toml_unquote(p.strip()) for p in header.group(2).split("."))
            current = (number, {})
            tables.setdefault(name, []).append(current)
            continue
        key = _TOML_KEY.match(source)
        if key:
            current[1].setdefault(_toml_unquote(key.group(1)), number)

    def block(name: str, index: int = 0, fallback: int = 0) -> tuple[int, dict[str, int]]:
        found = tables.get(name, [])
        return found[index] if index < len(found) else (fallback, {})

    def wrap(value: dict[str, Any], line: int, keys: dict[str, int]) -> LineDict:
        out = LineDict(value)
        out.line = line
        out.key_lines = {k: keys.get(k, line) for k in value}
        return out

    line, keys = block("tool.newslint")
    if not line:  # dotted keys under [tool] or the document root
        line = block("tool")[1].get("newslint", 0) or tables[""][0][1].get("tool", 1)
    root = wrap(dict(table), line, keys)
    if isinstance(root.get("severity"), dict):  # [tool.newslint.severity], or inline
        severity_line, severity_keys = block(
            "tool.newslint.severity", 0, root.key_lines["severity"]
        )
        root["severity"] = wrap(root["severity"], severity_line, severity_keys)
    if isinstance(root.get("files"), dict):
        files_line, files_keys = block("tool.newslint.files", 0, root.key_lines["files"])
        root["files"] = wrap(root["files"], files_line, files_keys)
    if isinstance(root.get("overrides"), list):
        root["overrides"] = [
            wrap(item, *block("tool.newslint.overrides", i, root.key_lines["overrides"]))
            if isinstance(item, dict)
            else item
            for i, item in enumerate(root["overrides"])
        ]
    return root


def _newslint_table(data: dict[str, Any]) -> Any:
    """``tool.newslint`` of a parsed ``pyproject.toml`` (``None`` when there is none), however
    the TOML spells it: ``[tool.newslint]``, or dotted keys under ``[tool]`` or the root
    (tomllib makes them the same nested tables); a ``tool`` that is not a table has none."""
    tool = data.get("tool")
    return tool.get("newslint") if isinstance(tool, dict) else None


_TOOL_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*newslint\b", re.MULTILINE)
_TOOL_KEY = re.compile(r"""^\s*(?:tool|"tool"|'tool')\s*=""")


def _has_table(path: Path) -> bool:
    """Whether ``pyproject.toml`` at ``path`` has a ``tool.newslint`` table, however written.

    TOML that does not parse, or whose ``tool`` is not a table, has one when a
    ``[tool.newslint`` header is written in it (so that reading it reports what is wrong)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if "newslint" not in text:
        return False
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return _TOOL_TABLE.search(text) is not None
    if "tool" in data and not isinstance(data["tool"], dict):  # reading it says what is wrong
        return _TOOL_TABLE.search(text) is not None
    return _newslint_table(data) is not None


def config_in(folder: Path) -> Path | None:
    """The config file of one folder, if it has one."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
            return candidate
    return None
