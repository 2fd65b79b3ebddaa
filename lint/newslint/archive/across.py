"""One spelling across a batch (``--across-files``): the consistency rules applied to every
draft of the run as one.

The run reads the drafts twice.  The first pass counts, for each group of each consistency
rule (``core.name-spelling`` and every rule of type ``consistency``), the variants each draft
uses; the batch's form of a group is the variant used by the most drafts (then by the most
uses, then the first met in draft order).  A draft whose bytes are those of a draft before it
(the same story filed twice) counts once, as ``suggest`` counts it.  The second pass is the
ordinary run with each consistency rule replaced by :class:`AcrossFiles`, which reports every
other variant, in each draft where it occurs, with the batch's form as the replacement.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from typing import Any

from ..checks.base import Finding, finditer, is_literal, match_case
from ..checks.consistency import Consistency
from ..document import Document
from ..errors import BinaryFileError, InputError, NewslintError
from ..formats import format_for, parse
from ..project import Profile
from ..source import decode
from ..style import Style
from .collect import fingerprint
from .executors import DRAFTS_PER_TASK, mapper_for
from .urls import read_draft

GroupKey = tuple[str, tuple[str, ...]]  # a rule's name and one group of its variants
Uses = dict[GroupKey, dict[int, tuple[int, str]]]  # variant -> (uses, first text) in a draft


@dataclass(frozen=True)
class Chosen:
    """A group's form in the batch."""

    variant: int
    form: str  # as the drafts write it
    fixable: bool  # the form reads the same wherever it is used
    drafts: int  # drafts that use it


def consistency_rules(style: Style) -> list[Consistency]:
    return [r for r in style.rules if isinstance(r, Consistency)]


def draft_uses(doc: Document, style: Style) -> Uses:
    """The variants ``doc`` uses, for each group of each consistency rule of ``style``."""
    uses: Uses = {}
    for rule in consistency_rules(style):
        for group, pattern in zip(rule.either, rule._groups, strict=True):
            seen: dict[int, tuple[int, str]] = {}
            for m in finditer(pattern, doc.view):
                if m.end() > m.start() and m.lastgroup:
                    variant = int(m.lastgroup[1:])
                    n, text = seen.get(variant, (0, doc.read(m.start(), m.end())))
                    seen[variant] = (n + 1, text)
            if seen:
                uses[(rule.name, group)] = seen
    return uses


@dataclass(frozen=True)
class CountUses:
    """The first pass on one draft: picklable, for worker processes and Dask workers."""

    style_of: Callable[[str], Style]
    format: str | None = None
    encoding: str | None = None

    def __call__(self, path: str) -> tuple[bytes | None, Uses]:
        """The draft's fingerprint (see :func:`.collect.fingerprint`) and its uses."""
        try:
            data = read_draft(path)
            source = decode(data, path, self.encoding)
        except (BinaryFileError, InputError):
            return None, {}  # the second pass reports it
        doc = parse(source.text, self.format or format_for(path), path)
        return fingerprint(data), draft_uses(doc, self.style_of(path))


class Batch:
    """The variants of each group across the drafts, merged in draft order."""

    def __init__(self) -> None:
        # group -> variant -> [drafts, uses, first draft, texts]
        self.groups: dict[GroupKey, dict[int, list[Any]]] = {}
        self.drafts = 0
        self.texts: dict[bytes, list[Uses]] = {}  # fingerprint -> the uses counted with it

    def add(self, uses: Uses, fingerprint: bytes | None = None) -> None:
        """Count a draft's uses; a copy of a draft counted before (the same bytes, read with
        the same rules) is not counted again."""
        if fingerprint is not None:
            counted = self.texts.setdefault(fingerprint, [])
            if uses in counted:
                return
            counted.append(uses)
        for key, seen in uses.items():
            group = self.groups.setdefault(key, {})
            for variant, (n, text) in seen.items():
                entry = group.get(variant)
                if entry is None:
                    group[variant] = [1, n, self.drafts, {text}]
                else:
                    entry[0] += 1
                    entry[1] += n
                    if len(entry[3]) < 2:
                        entry[3].add(text)
        self.drafts += 1

    def chosen(self, key: GroupKey) -> Chosen | None:
        """The batch's form of a group; ``None`` when the batch uses only one variant."""
        group = self.groups.get(key)
        if not group or len(group) < 2:
            return None
        variant = max(group, key=lambda v: (group[v][0], group[v][1], -group[v][2]))
        drafts, _, _, texts = group[variant]
        written = key[1][variant]
        if is_literal(written):
            return Chosen(variant, written, True, drafts)
        return Chosen(variant, sorted(texts)[0], len(texts) == 1, drafts)


@dataclass(frozen=True, kw_only=True)
class AcrossFiles(Consistency):
    """A consistency rule judged on the whole batch: see the module's description."""

    batch: tuple[Chosen | None, ...] = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        for pattern, chosen in zip(self._groups, self.batch, strict=True):
            if chosen is None:
                continue
            matches = [
                (m.start(), m.end(), int(m.lastgroup[1:]))
                for m in finditer(pattern, doc.view)
                if m.end() > m.start() and m.lastgroup
            ]
            if all(variant == chosen.variant for _, _, variant in matches):
                continue
            here = any(variant == chosen.variant for _, _, variant in matches)
            others = chosen.drafts - here
            drafts = "draft" if others == 1 else "drafts"
            elsewhere = f"'{chosen.form}' in {others} other {drafts} of this run"
            message = f"'{{found}}' here, but {elsewhere}"
            for start, end, variant in matches:
                if variant == chosen.variant:
                    continue
                found = doc.text[start:end]
                fix = match_case(found, chosen.form) if chosen.fixable and self.fix else None
                yield Finding(start, end, fix, message=message)


def across(rule: Consistency, batch: Batch) -> AcrossFiles:
    chosen = tuple(batch.chosen((rule.name, group)) for group in rule.either)
    values = {f.name: getattr(rule, f.name) for f in fields(rule) if f.init}
    return AcrossFiles(**values, batch=chosen)


def batch_style(style: Style, batch: Batch) -> Style:
    """``style`` with its consistency rules judged on the batch."""
    rules = tuple(across(r, batch) if isinstance(r, Consistency) else r for r in style.rules)
    return replace(style, rules=rules)


def across_files(
    drafts: Iterable[str],
    profile_of: Callable[[str], Profile],
    args: argparse.Namespace,
    jobs: int,
) -> tuple[list[str], Callable[[Profile], Profile]]:
    """The first pass: the drafts (as a list, for the second pass), and what turns a draft's
    profile into one whose consistency rules judge the batch."""
    paths = list(drafts)
    if "-" in paths:
        raise NewslintError("--across-files reads each draft twice, so not standard input")
    job = CountUses(StyleOf(profile_of), args.input_format, args.encoding)
    batch = Batch()
    with mapper_for(args.executor, jobs=jobs, scheduler=args.scheduler) as mapper:
        for key, uses in mapper(job, paths, chunk=DRAFTS_PER_TASK):
            batch.add(uses, key)
    styles: dict[int, Style] = {}

    def judge(profile: Profile) -> Profile:
        style = styles.get(id(profile.style))
        if style is None:
            style = styles[id(profile.style)] = batch_style(profile.style, batch)
        return replace(profile, style=style)

    return paths, judge


@dataclass(frozen=True)
class StyleOf:
    """A draft's style, from the run's profiles; a class, so that it pickles for Dask."""

    profile_of: Callable[[str], Profile]

    def __call__(self, path: str) -> Style:
        return self.profile_of(path).style
