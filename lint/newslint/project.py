"""The settings each draft is linted with: its config, its overrides, and the command line.

A :class:`Project` answers, for any path, which config file applies (the first found walking up
from the draft's folder; ``--config`` names one for every draft; ``--isolated`` ignores them all)
and builds the :class:`Profile` the draft is linted with.  Many drafts share a config, so
profiles are cached by (config file, override blocks matched) and packs by folder: linting
2,000 drafts under one config loads each pack once.

How a profile is built:

1. the packs: the config's ``extends`` (default ``core``) then its ``rules`` folders, then those
   of each matching override block in order; a later pack's rule replaces an earlier one of the
   same full id, and a ``refines:`` entry changes one loaded before it (:mod:`newslint.refine`).
   ``uk-news`` and ``us-news`` bring ``core`` before them (:data:`newslint.style.PACK_BASES`).
   ``--style`` on the command line replaces all of them;
2. ``disable`` (the config's and every matching block's) drops rules by full id or pack;
3. ``severity`` sets a rule's severity by pack, then by full id (an id beats its pack; a later
   block beats an earlier one), making new rule objects, never changing the loaded ones;
4. ``--select`` and ``--ignore`` narrow what is left; ``accept`` terms add up;
   ``--fail-on`` beats the blocks' ``fail-on``, which beat the config's (default ``error``).

Which drafts a walk picks: a folder on the command line is walked for drafts, and each draft
found is kept when it matches the ``files`` ``include`` globs of its config (when there are any)
and none of its ``exclude`` globs.  A file named on the command line is linted whatever the
globs say, unless ``--force-exclude`` is given (as ruff does, for pre-commit, which names every
file it checks).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import cached
from .checks import Rule
from .config import Config, ConfigError, Level, Override, Settings, config_in, read_config
from .errors import RuleFileError
from .files import merge_sorted, printable, walk_sorted
from .globs import matches
from .rulefile import _did_you_mean, builtin_root, load_pack, resolve_pack
from .style import DEFAULT_STYLE, REFINES, Style, add_pack, select_rules, with_bases

if TYPE_CHECKING:
    from .refine import Refinement


@dataclass(frozen=True)
class Profile:
    """What one draft is linted with."""

    style: Style
    fail_on: str
    config: Config | None = None
    overrides: tuple[int, ...] = ()  # indices of the matching override blocks
    packs: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choices:
    """What the command line says, which beats the config."""

    style: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None


class Project:
    """Config lookup and profile building for one run, with the caches that make it cheap."""

    def __init__(
        self,
        *,
        config: str | None = None,
        isolated: bool = False,
        choices: Choices = Choices(),
    ) -> None:
        self.cwd = Path(os.getcwd())
        self.isolated = isolated
        self.choices = choices
        self.forced: Config | None = None
        if config is not None and not isolated:
            if not os.path.isfile(config):
                raise ConfigError("no such config file", config)
            self.forced = read_config(config)
        self._folders: dict[Path, Path | None] = {}
        self._found: dict[str, Path | None] = {}  # a folder's config file, by the folder's name
        self._configs: dict[Path, Config] = {}
        self._profiles: dict[tuple[str | None, tuple[int, ...]], Profile] = {}
        self._packs: dict[Path, list[Rule]] = {}
        self._leveled: dict[tuple[int, str], Rule] = {}

    # --- which config ------------------------------------------------------------------

    def _absolute(self, path: str) -> Path:
        return Path(os.path.normpath(self.cwd / path))

    def config_for(self, path: str) -> Config | None:
        """The config that applies to ``path`` (a draft, a folder, or ``-`` for stdin)."""
        if self.isolated:
            return None
        if self.forced is not None:
            return self.forced
        # The folder as a string, and pathlib only for a folder not seen before: this runs
        # two or three times for every draft, and pathlib's objects cost tens of microseconds.
        if path == "-":
            folder = str(self.cwd)
        else:
            target = os.path.normpath(os.path.join(self.cwd, path))
            folder = target if os.path.isdir(target) else os.path.dirname(target)
        if folder in self._found:
            found = self._found[folder]
        else:
            found = self._found[folder] = self._find(Path(folder))
        if found is None:
            return None
        if found not in self._configs:
            self._configs[found] = read_config(self._show(found))
        return self._configs[found]

    def _find(self, folder: Path) -> Path | None:
        walked: list[Path] = []
        found: Path | None = None
        for candidate in (folder, *folder.parents):
            if candidate in self._folders:
                found = self._folders[candidate]
                break
            walked.append(candidate)
            found = config_in(candidate)
            if found is not None:
                break
        for candidate in walked:
            self._folders[candidate] = found
        return found

    def _show(self, path: Path) -> str:
        """A config path as the user would write it: relative to the working folder if inside."""
        relative = os.path.relpath(path, self.cwd)
        return str(path) if relative.startswith("..") else relative

    # --- the profile ---------------------------------------------------------------------

    def _relative(self, config: Config, path: str) -> str:
        return os.path.relpath(self._absolute(path), config.root).replace(os.sep, "/")

    def profile(self, path: str, name: str | None = None) -> Profile:
        """The profile for the draft at ``path``; ``name`` is what overrides match (stdin)."""
        config = self.config_for(path)
        matched: tuple[int, ...] = ()
        if config is not None and config.overrides:
            relative = self._relative(config, name or path)
            matched = tuple(
                i for i, block in enumerate(config.overrides) if matches(block.files, relative)
            )
        key = (config.path if config else None, matched)
        if key not in self._profiles:
            self._profiles[key] = self._build(config, matched)
        return self._profiles[key]

    def _pack(self, folder: Path) -> list[Rule]:
        folder = folder.resolve()
        if folder not in self._packs:
            self._packs[folder] = cached(folder, load_pack)  # unpickled when unchanged
        return self._packs[folder]

    def _folders_of(self, config: Config, block: Settings, top: bool) -> list[Path]:
        base = config.root
        extends = block.extends
        if extends is None:
            extends = DEFAULT_STYLE if top else ()
        folders = []
        for name in with_bases(extends, base):
            try:
                folders.append(resolve_pack(str(name), base))
            except RuleFileError as exc:
                raise ConfigError(
                    f"'extends': {exc.message}", config.path, block.lines.get("extends")
                ) from None
        for name in block.rules:
            folder = base / name
            if not folder.is_dir():
                raise ConfigError(
                    f"'rules': no such folder of rules: '{printable(name)}'",
                    config.path,
                    block.lines.get("rules"),
                )
            folders.append(folder)
        return folders

    def _build(self, config: Config | None, matched: tuple[int, ...]) -> Profile:
        blocks: list[Settings] = []
        if config is not None:
            blocks = [config.settings, *(config.overrides[i] for i in matched)]
        if self.choices.style or config is None:
            names = with_bases(self.choices.style or DEFAULT_STYLE)
            folders = [resolve_pack(str(n)) for n in names]
        else:
            folders = [
                f for i, block in enumerate(blocks) for f in self._folders_of(config, block, i == 0)
            ]
        rules: dict[str, Rule] = {}
        refined: dict[str, tuple[Refinement, ...]] = {}
        seen: set[Path] = set()
        for folder in folders:
            if folder.resolve() in seen:
                continue
            seen.add(folder.resolve())
            add_pack(rules, self._pack(folder), refined)  # a later pack's rule: a later place
        loaded = tuple(rules.values())
        known = frozenset(r.name for r in loaded) | frozenset(r.pack for r in loaded)
        disabled: list[str] = []
        levels: dict[str, Level] = {}
        accept: set[str] = set()
        fail_on = "error"
        for block in blocks:
            assert config is not None
            self._check_names(config, block, known)
            disabled.extend(block.disable)
            for name, level in block.severity.items():
                levels.pop(name, None)
                levels[name] = level
            accept.update(block.accept)
            fail_on = block.fail_on or fail_on
        kept = [
            self._leveled_rule(rule, levels)
            for rule in loaded
            if rule.name not in disabled and rule.pack not in disabled
        ]
        style = Style(tuple(kept), accept=frozenset(accept), known=known, refined=refined)
        if self.choices.select or self.choices.ignore:
            style = select_rules(style, self.choices.select, self.choices.ignore)
        return Profile(
            style=style,
            fail_on=self.choices.fail_on or fail_on,
            config=config,
            overrides=matched,
            packs=tuple(dict.fromkeys(r.pack for r in loaded)),
            disabled=tuple(dict.fromkeys(disabled)),
        )

    def _leveled_rule(self, rule: Rule, levels: dict[str, Level]) -> Rule:
        level = levels.get(rule.name) or levels.get(rule.pack)
        if level is None or level == rule.severity:
            return rule
        key = (id(rule), level)
        if key not in self._leveled:
            self._leveled[key] = replace(rule, severity=level)
        return self._leveled[key]

    def _check_names(self, config: Config, block: Settings, known: frozenset[str]) -> None:
        """Names in ``disable`` and ``severity`` must be rules or packs the config loads."""
        everything: frozenset[str] | None = None
        for key, names in (("disable", block.disable), ("severity", tuple(block.severity))):
            for name in names:
                if name in known:
                    continue
                if everything is None:  # a name an override's packs bring is fine everywhere
                    everything = self._all_names(config)
                if name not in everything:
                    hint = _did_you_mean(name, sorted(everything))
                    raise ConfigError(
                        f"'{key}': unknown rule or pack '{name}'{hint}",
                        config.path,
                        block.lines.get(key),
                    )

    def _all_names(self, config: Config) -> frozenset[str]:
        blocks = [config.settings, *config.overrides]
        names: set[str] = set()
        for i, block in enumerate(blocks):
            for folder in self._folders_of(config, block, i == 0):
                rules = [r for r in self._pack(folder) if r.type != REFINES]
                names.update(r.name for r in rules)
                names.update(r.pack for r in rules)
        return frozenset(names)

    def rule(self, name: str) -> Rule | None:
        """A rule by full id, from any profile built so far (for reports that describe rules)."""
        for profile in self._profiles.values():
            found = profile.style.get(name)
            if found is not None:
                return found
        return None

    # --- which drafts --------------------------------------------------------------------

    def excluded(self, path: str, *, walked: bool) -> bool:
        """True when the config of ``path`` leaves it out (a walked draft, or a forced one)."""
        config = self.config_for(path)
        if config is None:
            return False
        relative = self._relative(config, path)
        globs = config.files
        if walked and globs.include and not matches(globs.include, relative):
            return True
        return bool(globs.exclude) and matches(globs.exclude, relative)

    def drafts(self, paths: Iterable[str], *, force_exclude: bool = False) -> Iterator[str]:
        """The drafts to lint, sorted and streamed, as :func:`~newslint.files.discover` finds
        them, less those the config's globs leave out."""
        folders: list[str] = []
        named: set[str] = set()
        for path in paths:
            if path != "-" and os.path.isdir(path):
                folders.append(path)
            elif path == "-" or not force_exclude or not self.excluded(path, walked=False):
                named.add(path)
        walked = (p for p in walk_sorted(folders) if not self.excluded(p, walked=True))
        return merge_sorted(walked, iter(sorted(named)))


def describe(project: Project, path: str) -> dict[str, Any]:
    """The effective configuration for ``path``, as ``newslint config`` prints it."""
    profile = project.profile(path)
    config = profile.config
    overrides: list[str] = []
    if config is not None:  # each matching block, by its globs
        overrides = [", ".join(config.overrides[i].files) for i in profile.overrides]
    return {
        "path": path,
        "config": config.path if config else None,
        "overrides": overrides,
        "packs": list(profile.packs),
        "disabled": list(profile.disabled),
        "fail-on": profile.fail_on,
        "accept": sorted(profile.style.accept),
        "rules": {rule.name: rule.severity for rule in profile.style.rules},
        "from": {
            rule.name: origin(profile.style, rule, project.cwd) for rule in profile.style.rules
        },
    }


def origin(style: Style, rule: Rule, cwd: Path) -> str:
    """Where a rule in force comes from: its built-in pack, or its rule file and line, then
    each file that refines it ("uk-news, refined in house/people.yaml:3")."""

    def shown(source: str) -> str:
        path, _, line = source.rpartition(":")
        relative = os.path.relpath(path, cwd)
        return f"{path if relative.startswith('..') else relative}:{line}"

    root = str(builtin_root().resolve())
    builtin = os.path.abspath(rule.source).startswith(root + os.sep)
    where = rule.pack if builtin or not rule.source else shown(rule.source)
    for change in style.refined.get(rule.name, ()):
        where += f", refined in {shown(change.source)}"
    return where


__all__ = ["Choices", "ConfigError", "Override", "Profile", "Project", "describe"]
