"""``newslint suggest``: count the archive, find the families, propose, write the pack."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..output.text import plural
from ..patterns import save as save_patterns
from ..project import Project
from ..style import Style, load_style
from .collect import CountRun, collect, one_run
from .evidence import Places
from .executors import mapper_for
from .families import find_families
from .pack import Built, build_pack, counts, share, write_pack
from .progress import Progress, wanted
from .propose import PROPOSED, Proposal, propose
from .tally import Tally
from .urls import drafts as url_drafts


@dataclass
class Suggestion:
    tally: Tally
    proposals: list[Proposal]
    built: Built
    output: str | None
    errors: int

    def table(self) -> str:
        rows = [("family", "forms", "share", "proposal")]
        for p in self.proposals:
            rows.append(
                (_family_name(p), counts(p.family), share(p.family), _status(p, self.built))
            )
        widths = [min(max(len(r[i]) for r in rows), cap) for i, cap in enumerate((40, 60, 6, 60))]
        lines = []
        for row in rows:
            cells = [_clip(cell, widths[i]).ljust(widths[i]) for i, cell in enumerate(row)]
            lines.append("  ".join(cells).rstrip())
        written = sum(1 for p in self.proposals if p.proposed and p.rule not in self.built.left_out)
        mb = self.tally.size / 1_000_000
        where = f", written to {self.output}" if self.output and self.built.files else ""
        copies = self.tally.copies
        again = f", not counting {plural(copies, 'duplicate')} of them" if copies else ""
        lines.append("")
        lines.append(
            f"{self.tally.drafts} drafts ({mb:.1f} MB){again}: {written} choices proposed in "
            f"{len({p.rule for p in self.proposals if p.proposed} - set(self.built.left_out))} "
            f"rules{where}."
        )
        return "\n".join(lines) + "\n"

    def as_json(self) -> dict[str, Any]:
        places = Places()
        return {
            "drafts": self.tally.drafts,
            "duplicates": self.tally.copies,
            "bytes": self.tally.size,
            "families": [
                {
                    "kind": p.family.kind,
                    "family": p.family.label,
                    "forms": [
                        {"form": f.text, "count": f.count, "places": places.of(f)}
                        for f in p.family.forms
                    ],
                    "total": p.family.total,
                    "share": round(p.family.share, 4),
                    "status": p.status,
                    "rule": p.rule,
                    "base_rules": list(p.base_rules),
                }
                for p in self.proposals
            ],
            "pack": self.output if self.built.files else None,
            "left_out": dict(self.built.left_out),
        }


def _family_name(p: Proposal) -> str:
    kinds = {"name": "name", "compound": "compound", "acronym": "acronym"}
    kind = kinds.get(p.family.kind)
    return f"{kind}: {p.family.label}" if kind else p.family.label


def _status(p: Proposal, built: Built) -> str:
    if p.status == PROPOSED:
        return f"{p.rule} (left out)" if p.rule in built.left_out else p.rule
    if p.base_rules:
        return f"{p.status}: {', '.join(p.base_rules)}"
    return p.status


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def base_style(name: str) -> Style:
    return load_style([name])


def run_suggest(
    project: Project,
    paths: Sequence[str],
    *,
    base: str | None,
    min_share: float,
    min_count: int,
    format: str | None,
    encoding: str | None,
    jobs: int,
    executor: str,
    scheduler: str | None,
    quiet: bool,
    output: str | None,
) -> Suggestion:
    base_pack = base_style(base) if base else None  # a bad name stops the run before counting
    errors = 0

    def report(message: str, error: bool) -> None:
        nonlocal errors
        errors += error
        sys.stderr.write(f"newslint: {message}\n")

    drafts: Iterable[str] = url_drafts(project, paths)
    total = None
    if wanted(None, quiet=quiet):  # the bar's length; otherwise the drafts are streamed
        drafts = list(drafts)
        total = len(drafts)
    alone = executor == "local" and jobs == 1
    if executor == "local" and not alone:  # one run of drafts is no work for workers
        alone, drafts = one_run(drafts)
    with (
        Progress(total, quiet=quiet, unit="drafts") as progress,
        mapper_for(executor, jobs=jobs, scheduler=scheduler) as mapper,
    ):
        tally = collect(
            drafts,
            CountRun(format, encoding),
            mapper,
            report=report,
            progress=progress.advance,
            alone=alone,
        )
    proposals = propose(
        find_families(tally), min_share=min_share, min_count=min_count, base=base_pack
    )
    built = build_pack(proposals, drafts=tally.drafts)
    save_patterns()  # the next run loads the counting patterns compiled
    if output and built.files:
        write_pack(built, output)
    return Suggestion(tally, proposals, built, output, errors)
