"""Counting an archive: drafts read in runs, by this process, by worker processes (``--jobs``;
runs of about as many bytes, :func:`runs_by_size`) or by Dask workers (runs of as many drafts,
:func:`run_size`), and the runs' counts merged in draft order.

Each distinct text is counted once: a draft whose bytes are those of a draft before it (the
same story filed twice, one file reached by two names) is left out, and counted as a copy.
This process finds the copies as it reads.  With forked workers it takes each draft's
fingerprint (:class:`Fingerprints`) as it hands out the runs, while the workers count the first
ones; on Dask, whose workers may read what this process cannot, a first pass takes them on the
workers.  Either way the copies are left out of the runs the workers count, so that which
drafts count is the same whatever ``--jobs`` or the executor.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from ..document import cycles_uncollected
from ..errors import BinaryFileError, InputError
from ..formats import SUFFIXES, parse
from ..source import decode
from .count import count_document, settle
from .executors import Mapper
from .tally import Tally
from .urls import is_url, read_draft

RUN = 64  # drafts a worker counts at a time, at least
LONGEST_RUN = 4096  # and at most: a report of progress every few seconds from each worker
RUNS_PER_WORKER = 2  # runs sized so that each worker counts about this many: each run's
# counts are merged into the total by this process, which costs about as much for a run of
# 64 drafts as for one of 1,000 (the words of a run are mostly the same words)
FINGERPRINT_RUN = 256  # drafts a worker fingerprints at a time (little work each)
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
        messages = self.count_into(paths, tally)
        settle(tally)  # before it is sent back: the pieces that are not words go no further
        return tally, messages

    def count_into(
        self, paths: list[str], tally: Tally, copies: Copies | None = None
    ) -> list[tuple[str, bool]]:
        """Add the counts of ``paths`` to ``tally``, not settled (see :func:`.count.settle`);
        the messages, in order.  With ``copies`` (the fingerprints of the drafts counted so
        far), a copy of one of them is left out, and counted in the tally."""
        messages: list[tuple[str, bool]] = []
        with cycles_uncollected():  # the tally grows: the collector would walk it again and again
            for path in paths:
                try:
                    data = read_draft(path)
                    source = decode(data, path, self.encoding)
                except BinaryFileError as exc:
                    messages.append((str(exc), False))
                    continue
                except InputError as exc:
                    messages.append((str(exc), True))
                    continue
                if copies is not None and copies.repeats(fingerprint(data)):
                    tally.copies += 1
                    continue
                doc = parse(source.text, self.format or _format_for(path), path)
                count_document(doc, path, tally, settled=False)
        return messages


def fingerprint(data: bytes) -> bytes:
    """What tells a draft's bytes from any other's: their SHA-1, the fastest of hashlib's
    digests here (not a matter of security: two drafts that differ never share one by chance)."""
    return hashlib.sha1(data, usedforsecurity=False).digest()


@dataclass(frozen=True)
class Fingerprints:
    """The first pass with workers: the fingerprint of each draft of a run, or ``None`` for
    one that is not text or cannot be read (the count reports it)."""

    encoding: str | None = None

    def __call__(self, paths: list[str]) -> list[bytes | None]:
        found: list[bytes | None] = []
        for path in paths:
            try:
                data = read_draft(path)
                decode(data, path, self.encoding)
            except (BinaryFileError, InputError):
                found.append(None)
                continue
            found.append(fingerprint(data))
        return found


def _format_for(path: str) -> str:
    """``formats.format_for`` without a ``PurePath`` for each draft, which costs as much as
    decoding it."""
    return SUFFIXES.get(os.path.splitext(path)[1].lower(), "text")


def one_run(paths: Iterable[str]) -> tuple[bool, Iterator[str]]:
    """Whether ``paths`` fit in one run (no work for workers to share), and the same paths."""
    source = iter(paths)
    head = list(islice(source, RUN + 1))
    return len(head) <= RUN, chain(head, source)


def runs(paths: Iterable[str], size: int) -> Iterator[list[str]]:
    source = iter(paths)
    while run := list(islice(source, size)):
        yield run


def runs_by_size(drafts: Iterable[tuple[str, int]], share: int) -> Iterator[list[str]]:
    """Runs of ``drafts`` (path, bytes) of about ``share`` bytes each, so that the workers'
    runs take about as long (a worker's time goes with the bytes it reads; runs of as many
    drafts leave one worker counting a run of long stories on its own at the end): a run ends
    once it holds ``share`` bytes and :data:`RUN` drafts, or :data:`LONGEST_RUN` drafts."""
    run: list[str] = []
    held = 0
    for path, size in drafts:
        run.append(path)
        held += size
        if (held >= share and len(run) >= RUN) or len(run) >= LONGEST_RUN:
            yield run
            run, held = [], 0
    if run:
        yield run


Messages = list[tuple[str, bool]]


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
    copies = Copies(progress)
    shares: Iterable[list[str]]
    if mapper.reads_here:  # forked workers: this process finds the copies as it hands out runs
        listed = list(paths)
        sizes = [_size(path) for path in listed]
        known = [size for size in sizes if size is not None]
        usual = sum(known) // len(known) if known else 1  # for a draft whose size is not told
        weights = [usual if size is None else size for size in sizes]
        share = -(-sum(weights) // (mapper.workers_now() * RUNS_PER_WORKER))
        distinct = _distinct_here(listed, sizes, job.encoding, copies)
        shares = runs_by_size(((listed[i], weights[i]) for i in distinct), share)
    else:  # the workers read the drafts, in a first pass
        found = _distinct(paths, job, mapper, copies)
        shares = runs(found, run_size(len(found), mapper))
    total = Tally()
    for tally, messages in mapper(job, shares):
        for message, error in messages:
            report(message, error)
        if total.drafts or total.counts:
            total.merge(tally)
        else:  # the first run's counts are the total so far
            total = tally
        if progress is not None:
            progress(tally.drafts + len(messages), tally.size)
    total.copies += copies.found
    return total


class Copies:
    """The fingerprints of the drafts seen, and the copies left out so far, each reported to
    ``progress`` as it is found."""

    def __init__(self, progress: Callable[[int, int], None] | None) -> None:
        self.found = 0
        self.progress = progress
        self.seen: set[bytes] = set()

    def repeats(self, key: bytes | None) -> bool:
        """Whether a draft of this fingerprint (``None``: not text, never a copy) is a copy of
        one seen before it; a copy is counted and reported."""
        if key is None:
            return False
        if key not in self.seen:
            self.seen.add(key)
            return False
        self.found += 1
        if self.progress is not None:
            self.progress(1, 0)
        return True


def run_size(drafts: int, mapper: Mapper) -> int:
    """Drafts a worker counts at a time: few runs to merge, each worker with work to the end."""
    share = -(-drafts // (mapper.workers_now() * RUNS_PER_WORKER))
    return min(LONGEST_RUN, max(RUN, share))


def _distinct(paths: Iterable[str], job: CountRun, mapper: Mapper, copies: Copies) -> list[str]:
    """``paths`` less the copies of a draft before them, found by the workers' fingerprints."""
    sent: deque[list[str]] = deque()

    def sending() -> Iterator[list[str]]:
        for run in runs(paths, FINGERPRINT_RUN):
            sent.append(run)
            yield run

    distinct: list[str] = []
    for found in mapper(Fingerprints(job.encoding), sending()):
        run = sent.popleft()
        distinct += (path for path, key in zip(run, found, strict=True) if not copies.repeats(key))
    return distinct


def _distinct_here(
    paths: list[str], sizes: list[int | None], encoding: str | None, copies: Copies
) -> Iterator[int]:
    """The indexes of ``paths`` less the copies of a draft before them, found by this process as
    the runs are handed out (the workers count the first runs meanwhile): the same drafts as
    :func:`_distinct`, as the fingerprints are the same.  A copy has its draft's size
    (``sizes``), so a draft of a size not seen before is no copy and is not read here; the first
    draft of a size is read when a second comes (a draft whose size is not told, at once)."""
    fingerprints = Fingerprints(encoding)
    first_of_size: dict[int, str | None] = {}  # size -> its first draft, None once read
    for i, (path, size) in enumerate(zip(paths, sizes, strict=True)):
        if size is not None:
            if size not in first_of_size:  # the first of its size
                first_of_size[size] = path
                yield i
                continue
            first = first_of_size[size]
            if first is not None:
                copies.repeats(fingerprints([first])[0])
                first_of_size[size] = None
        (key,) = fingerprints([path])
        if not copies.repeats(key):
            yield i


def _size(path: str) -> int | None:
    """The size of a draft on this machine's file system, or ``None`` (a URL, an error)."""
    if is_url(path):
        return None
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return None


def _collect_here(
    paths: Iterable[str],
    job: CountRun,
    *,
    report: Callable[[str, bool], None],
    progress: Callable[[int, int], None] | None,
) -> Tally:
    total = Tally()
    copies = Copies(None)  # the progress counts the copies from the tally
    for run in runs(paths, ONE_PROCESS_RUN):
        drafts, size, copied = total.drafts, total.size, total.copies
        messages = job.count_into(run, total, copies)
        for message, error in messages:
            report(message, error)
        if progress is not None:
            done = total.drafts - drafts + total.copies - copied + len(messages)
            progress(done, total.size - size)
    settle(total)
    return total
