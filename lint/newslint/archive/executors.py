"""Where the work runs: this process, forked worker processes (``--jobs``), or a Dask cluster
(``--executor dask``).  Each gives back the results in the order of the items, so that a report
or a tally is the same byte for byte whichever runs it."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Protocol, TypeVar

from ..errors import NewslintError
from ..parallel import ordered_map

T = TypeVar("T")
R = TypeVar("R")

SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"
WINDOW = 4  # tasks in flight per Dask worker
DRAFTS_PER_TASK = 16  # drafts a Dask task lints
INSTALL = "pip install 'newslint[dask]'"


class Mapper(Protocol):
    """``map(job, items)`` somewhere, results in item order; used as a context manager, so
    that a cluster started for the run serves each of its passes and stops after the last."""

    def __call__(
        self, job: Callable[[Any], Any], items: Iterable[Any], *, chunk: int = 1
    ) -> Iterator[Any]:
        """``chunk``: items a task takes, all through (an item that is much work, a run of
        drafts, is a task on its own; a draft is little, and a few go together)."""
        ...

    def workers_now(self) -> int:
        """How many run the jobs at once."""
        ...

    @property
    def reads_here(self) -> bool:
        """Whether this process reads the drafts as the workers do (forked workers on this
        machine), and can find the copies itself while they count."""
        ...

    def __enter__(self) -> Mapper: ...

    def __exit__(self, *exc: object) -> None: ...


class LocalMapper:
    """This process (``jobs`` 1) or forked worker processes."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def __call__(self, job: Callable[[T], R], items: Iterable[T], *, chunk: int = 1) -> Iterator[R]:
        return ordered_map(job, items, self.jobs, chunk=chunk, later_chunk=chunk)

    def workers_now(self) -> int:
        return self.jobs

    @property
    def reads_here(self) -> bool:
        return True

    def __enter__(self) -> LocalMapper:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise NewslintError(
            f"--executor dask needs Dask's distributed scheduler, which is not installed: {INSTALL}"
        ) from None
    return distributed


class DaskMapper:
    """Runs jobs on a Dask cluster: the scheduler at ``address`` (or ``DASK_SCHEDULER_ADDRESS``),
    or a LocalCluster of ``workers`` processes started for the run and stopped after it (at the
    end of the ``with`` block)."""

    def __init__(self, address: str | None, workers: int) -> None:
        self.distributed = import_distributed()
        self.address = address or os.environ.get(SCHEDULER_VARIABLE) or None
        self.workers = workers
        self.client: Any = None
        self.cluster: Any = None

    def start(self) -> Any:
        if self.client is not None:
            return self.client
        d = self.distributed
        try:
            if self.address:
                self.client = d.Client(self.address, timeout="20s")
            else:
                self.cluster = d.LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self.client = d.Client(self.cluster)
        except OSError as exc:
            where = self.address or "a local cluster"
            raise NewslintError(f"cannot reach the Dask scheduler at {where}: {exc}") from None
        return self.client

    @property
    def reads_here(self) -> bool:
        return False  # the workers may read a file system or an object store this process cannot

    def workers_now(self) -> int:
        """The cluster's workers (those asked for, until they have joined)."""
        client = self.start()
        return len(client.scheduler_info().get("workers", {})) or self.workers

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None

    def __enter__(self) -> DaskMapper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __call__(self, job: Callable[[T], R], items: Iterable[T], *, chunk: int = 1) -> Iterator[R]:
        """``map(job, items)`` on the cluster, ``chunk`` items a task, in the items' order.

        The job is sent to the workers once; at most :data:`WINDOW` tasks per worker are in
        flight, so that memory stays flat however many items there are.
        """
        client = self.start()
        (shared,) = client.scatter([job], broadcast=True, hash=False)
        workers = self.workers_now()
        runs = chunks(items, chunk)
        pending: deque[Any] = deque(
            client.submit(apply_all, shared, run, pure=False)
            for run in islice(runs, WINDOW * workers)
        )
        try:
            while pending:
                done = pending.popleft().result()
                for run in islice(runs, 1):
                    pending.append(client.submit(apply_all, shared, run, pure=False))
                yield from done
        finally:
            for left in pending:  # the consumer stopped early: nothing more to compute
                left.cancel()


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    source = iter(items)
    while run := list(islice(source, size)):
        yield run


def apply_all(job: Callable[[T], R], items: list[T]) -> list[R]:
    """A task on a Dask worker: the job on a few items (the worker reads the drafts itself)."""
    return [job(item) for item in items]


class Paired:
    """``item -> (item, job(item))``, picklable."""

    def __init__(self, job: Callable[[Any], Any]) -> None:
        self.job = job

    def __call__(self, item: Any) -> tuple[Any, Any]:
        return item, self.job(item)


def dask_paired(
    job: Callable[[T], R], items: Iterable[T], jobs: int, *, scheduler: str | None
) -> Iterator[tuple[T, R]]:
    """Each item with its result, in item order, computed on Dask (see :class:`DaskMapper`)."""
    with DaskMapper(scheduler, jobs) as mapper:
        yield from mapper(Paired(job), items, chunk=DRAFTS_PER_TASK)


def mapper_for(executor: str, *, jobs: int, scheduler: str | None) -> Mapper:
    if executor == "dask":
        return DaskMapper(scheduler, jobs)
    if scheduler:
        raise NewslintError("--scheduler goes with --executor dask")
    return LocalMapper(jobs)
