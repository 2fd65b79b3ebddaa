"""Counting an archive: drafts read in runs of :data:`RUN`, by this process, by worker
processes (``--jobs``) or by Dask workers, and the runs' counts merged in draft order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from ..document import cycles_uncollected
from ..errors import BinaryFileError, InputError
from ..formats import SUFFIXES, parse
from ..source import decode
from .count import count_document
from .tally import Tally
from .urls import read_draft

RUN = 64  # drafts a worker counts at a time
ONE_PROCESS_RUN = 512  # drafts between two reports of progress, when this process counts alone


@dataclass(frozen=True)
class CountRun:
    """Count a run of drafts; picklable, so that a worker process or a Dask worker can run it.
    Returns the counts and, in order, the messages for drafts that were skipped (binary files,
    ``False``) or could not be read (``True``: an error)."""

    format: str | None = None
    encoding: str | None = None

    def __call__(self, paths: list[str]) -> tuple[Tally, list[tuple[str, bool]]]:
        tally = Tally()
        return tally, self.count_into(paths, tally)

    def count_into(self, paths: list[str], tally: Tally) -> list[tuple[str, bool]]:
        """Add the counts of ``paths`` to ``tally``; the messages, in order."""
        messages: list[tuple[str, bool]] = []
        with cycles_uncollected():  # the tally grows: the collector would walk it again and again
            for path in paths:
                try:
                    source = decode(read_draft(path), path, self.encoding)
                except BinaryFileError as exc:
                    messages.append((str(exc), False))
                    continue
                except InputError as exc:
                    messages.append((str(exc), True))
                    continue
                doc = parse(source.text, self.format or _format_for(path), path)
                count_document(doc, path, tally)
        return messages


def _format_for(path: str) -> str:
    """``formats.format_for`` without a ``PurePath`` for each draft, which costs as much as
    decoding it."""
    return SUFFIXES.get(os.path.splitext(path)[1].lower(), "text")


def runs(paths: Iterable[str], size: int) -> Iterator[list[str]]:
    source = iter(paths)
    while run := list(islice(source, size)):
        yield run


Messages = list[tuple[str, bool]]
Mapper = Callable[[CountRun, Iterable[list[str]]], Iterable[tuple[Tally, Messages]]]


def collect(
    paths: Iterable[str],
    job: CountRun,
    mapper: Mapper,
    *,
    report: Callable[[str, bool], None],
    progress: Callable[[int, int], None] | None = None,
    alone: bool = False,
) -> Tally:
    """The merged counts of ``paths``; ``mapper`` runs ``job`` on each run of drafts and
    yields the results in order (``map``, worker processes, Dask).  ``alone``: this process
    counts every run into one tally, without merging (the counts are the same)."""
    if alone:
        return _collect_here(paths, job, report=report, progress=progress)
    total = Tally()
    for tally, messages in mapper(job, runs(paths, RUN)):
        for message, error in messages:
            report(message, error)
        if total.drafts or total.counts:
            total.merge(tally)
        else:  # the first run's counts are the total so far
            total = tally
        if progress is not None:
            progress(tally.drafts + len(messages), tally.size)
    return total


def _collect_here(
    paths: Iterable[str],
    job: CountRun,
    *,
    report: Callable[[str, bool], None],
    progress: Callable[[int, int], None] | None,
) -> Tally:
    total = Tally()
    for run in runs(paths, ONE_PROCESS_RUN):
        drafts, size = total.drafts, total.size
        messages = job.count_into(run, total)
        for message, error in messages:
            report(message, error)
        if progress is not None:
            progress(total.drafts - drafts + len(messages), total.size - size)
    return total
