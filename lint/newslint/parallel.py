"""Linting files in parallel, in order, without holding more than a few results at a time.

:func:`ordered_map` runs a job on each item in worker processes and yields the results in the
order of the items, as :func:`map` would, so a report is the same whatever ``--jobs`` says.
Items go out in chunks; at most a few chunks per worker are in flight, so memory stays flat
however many files there are, and the report is written as results come in.

Workers are forked: they start with the parent's loaded modules and styles, and the job (a
closure holding the project) needs no pickling.  Where processes cannot be forked the items are
done one by one in this process.  There are never more workers than :func:`max_jobs` (four a
core) nor than items.

Workers die with the parent: they ignore Ctrl-C (the parent, which the terminal signals too,
stops them and prints one line), take SIGTERM and SIGHUP as the default (end at once), and on
Linux ask the kernel to kill them if the parent dies first.  :func:`catch_termination` makes
SIGTERM and SIGHUP raise :class:`Terminated` in the parent, so that a write in progress removes
its temporary file and the workers are stopped, as Ctrl-C does.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from itertools import chain, islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 8  # items a worker takes at a time, at first
LATER_CHUNK = 32  # and once every worker has a full window: fewer, larger tasks cost less
WINDOW = 4  # chunks in flight per worker
FEW = 16  # items below which workers are not worth starting
JOBS_PER_CORE = 4  # workers beyond this wait on each other and only cost memory

_job: Callable[[Any], Any] | None = None  # the job, in a worker


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def max_jobs() -> int:
    """The most worker processes worth starting: :data:`JOBS_PER_CORE` for each core."""
    return JOBS_PER_CORE * default_jobs()


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is, so that clean-up runs on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"terminated ({signal.Signals(signum).name})")
        self.status = 128 + signum


def catch_termination() -> None:
    """Turn SIGTERM and SIGHUP into :class:`Terminated` in this (the main) process."""
    for signum in _TERMINATING:
        signal.signal(signum, _terminate)


_TERMINATING = tuple(  # SIGHUP is not on every platform
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _terminate(signum: int, frame: object) -> None:
    for other in _TERMINATING:  # one is enough: clean-up is under way
        signal.signal(other, signal.SIG_IGN)
    raise Terminated(signum)


# Blocked while workers start: a worker is born with them blocked, so a Ctrl-C or SIGTERM that
# arrives before it has set its own handlers waits, instead of raising inside its start-up.
_STARTING = {signal.SIGINT, *_TERMINATING}


def _start(job: Callable[[Any], Any], parent: int) -> None:
    global _job
    _job = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STARTING)
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        with suppress(OSError, AttributeError):  # no prctl: the parent still stops them
            ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _run(chunk: list[Any]) -> tuple[list[Any], BaseException | None]:
    """The results of a chunk, up to the first error, and that error."""
    assert _job is not None
    done = []
    for item in chunk:
        try:
            done.append(_job(item))
        except Exception as exc:  # raised again in the parent, in its place
            return done, exc
    return done, None


def ordered_map(
    job: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    *,
    chunk: int = CHUNK,
    later_chunk: int = LATER_CHUNK,
) -> Iterator[R]:
    """``map(job, items)`` on ``jobs`` worker processes, yielding results in item order: a
    worker takes ``chunk`` items at a time, and ``later_chunk`` once every worker has a full
    window.  Items that are each much work (a run of drafts) are best taken one at a time
    throughout: a larger chunk would leave one worker with most of the work."""
    if jobs <= 1 or not can_fork():
        yield from map(job, items)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    source = iter(items)
    # The parent's signals wait until every worker is started (they are delivered then).
    signal.pthread_sigmask(signal.SIG_BLOCK, _STARTING)
    try:
        pool = context.Pool(jobs, initializer=_start, initargs=(job, os.getpid()))
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STARTING)
    with pool:
        pending: deque[Any] = deque()
        sent = 0
        while True:
            size = chunk if sent < jobs * WINDOW else max(chunk, later_chunk)
            batch = list(islice(source, size))
            sent += 1
            if batch:
                pending.append(pool.apply_async(_run, (batch,)))
            if pending and (not batch or len(pending) >= jobs * WINDOW):
                done, error = pending.popleft().get()
                yield from done
                if error is not None:
                    raise error
            elif not batch:
                break


def paired(
    job: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    *,
    prepare: Callable[[T], object] | None = None,
) -> Iterator[tuple[T, R]]:
    """Each item with its result, in item order.

    Fewer than :data:`FEW` items take one process: starting workers costs more than they
    save on a handful of drafts (a pre-commit run).  No more workers start than there are items,
    nor more than :func:`max_jobs`.  ``prepare`` runs on the first item in this process before
    any worker starts, so that what it loads (a style) is loaded once and shared by the forked
    workers.
    """
    jobs = min(jobs, max_jobs())
    source = iter(items)
    wanted = max(FEW, jobs)
    head = list(islice(source, wanted))
    if head and prepare is not None:
        prepare(head[0])
    if len(head) < FEW:
        jobs = 1
    elif len(head) < wanted:  # that is every item
        jobs = min(jobs, len(head))
    yield from ordered_map(_Pair(job), chain(head, source), jobs)


class _Pair:
    """``item -> (item, job(item))``; a class rather than a closure, to keep frames small."""

    def __init__(self, job: Callable[[Any], Any]) -> None:
        self.job = job

    def __call__(self, item: Any) -> tuple[Any, Any]:
        return item, self.job(item)
