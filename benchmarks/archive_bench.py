"""Speed of the archive commands, printed as a table.

    python benchmarks/archive_bench.py CORPUS_DIR [--runs N] [--no-dask]

Each figure comes from ``newslint`` run as a child process (see ``bench.run``), with its modules'
bytecode on disk as after an install (where ``PYTHONDONTWRITEBYTECODE`` is set, the bytecode goes
to a folder of the run's own); times are the best of ``--runs`` runs after a warm-up run.  MB are
the corpus's bytes.

* suggest against lint: ``newslint suggest`` and ``newslint`` with ``core``, both ``--jobs 1``,
  run in turn (lint, suggest, lint, suggest...: on a shared machine the load moves, and both
  see the same): wall time, CPU time (user + system, workers included) and MB per CPU second,
  best and median, and whether the suggest run is at least as fast per MB;
* the same two at ``--jobs 2`` (a user's run on this machine): wall time, best and median;
* suggest's pack applied: the pack ``suggest`` writes, linted over the same corpus (its rules
  report the archive's minority forms);
* marginal (``--marginal``): MB per CPU second of a further MB, the whole corpus against every
  other draft of it, so that start-up and the end of the run drop out (an archive run is made
  of further MBs);
* memory (``--memory``): ``suggest``'s peak RSS on 100,000 small generated drafts against 10,000:
  the counts are streamed, so it stays flat;
* Dask: ``newslint --executor dask`` on a LocalCluster of 1 and 2 worker processes against
  ``--jobs 2``, with the cluster's start included (as a user runs it), and the outputs must be
  identical to ``--jobs 1``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import Run, run
from generate import write_small_drafts


def corpus_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1_000_000


ENV: dict[str, str] | None = None  # the environment of every run (see main)


def best(args: Sequence[str], runs: int) -> Run:
    run(args, ENV)  # warm-up: fills the pack cache and the file system's
    results = [run(args, ENV) for _ in range(runs)]
    return min(results, key=lambda r: r.seconds)


def in_turn(commands: Sequence[Sequence[str]], runs: int) -> list[list[Run]]:
    """Each command's runs, the commands run in turn after a warm-up run of each."""
    for args in commands:
        run(args, ENV)
    results: list[list[Run]] = [[] for _ in commands]
    for _ in range(runs):
        for args, done in zip(commands, results, strict=True):
            done.append(run(args, ENV))
    return results


def row(name: str, r: Run, mb: float) -> str:
    return (
        f"{name:<34} {r.seconds:>7.2f} s {r.cpu:>7.2f} s {mb / r.seconds:>7.2f} {mb / r.cpu:>7.2f}"
    )


def median_cpu(runs: Sequence[Run]) -> float:
    return statistics.median(r.cpu for r in runs)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus", type=Path)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--no-dask", action="store_true", help="skip the Dask figures")
    p.add_argument("--memory", action="store_true", help="suggest on 10,000 and 100,000 drafts")
    p.add_argument(
        "--marginal", action="store_true", help="MB per CPU second with the fixed costs taken out"
    )
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newslint-bytecode-") as bytecode:
        global ENV
        ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        ENV["PYTHONPYCACHEPREFIX"] = bytecode
        return measure(args)


def lint_and_suggest(jobs: int, pack: str, corpus: str) -> list[list[str]]:
    """The two commands compared: linting with ``core`` and ``suggest`` writing ``pack``."""
    return [
        ["--isolated", "-j", str(jobs), "-q", corpus],
        ["suggest", "--isolated", "-j", str(jobs), "--output", pack, corpus],
    ]


def marginal(corpus: Path, runs: int) -> None:
    """What a further MB costs each command, start-up and the end of the run taken out: the
    whole corpus against every other draft of it (so that the further drafts are other stories,
    with the new names and words an archive's next MB brings), median CPU seconds."""
    with tempfile.TemporaryDirectory() as folder:
        half = Path(folder) / "half"
        files = sorted(p for p in corpus.rglob("*") if p.is_file())
        for path in files[::2]:
            target = half / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
        pack = str(Path(folder) / "house")
        some, whole = corpus_mb(half), corpus_mb(corpus)
        commands = lint_and_suggest(1, pack, str(half)) + lint_and_suggest(1, pack, str(corpus))
        lint1, suggest1, lint2, suggest2 = (median_cpu(r) for r in in_turn(commands, runs))
    rate_lint = (whole - some) / (lint2 - lint1)
    rate_suggest = (whole - some) / (suggest2 - suggest1)
    print(
        f"marginal MB/cpu-s ({some:.2f} MB against {whole:.2f} MB, medians of {runs} runs): "
        f"lint {rate_lint:.2f}, suggest {rate_suggest:.2f} ({rate_suggest / rate_lint:.2f})"
    )


def measure(args: argparse.Namespace) -> int:
    corpus = str(args.corpus)
    mb = corpus_mb(args.corpus)
    print(f"corpus: {corpus} ({mb:.2f} MB)")
    print(f"{'run':<34} {'wall':>9} {'cpu':>9} {'MB/s':>7} {'MB/cpu-s':>8}")
    with tempfile.TemporaryDirectory() as folder:
        pack = str(Path(folder) / "house")
        lint_runs, suggest_runs = in_turn(lint_and_suggest(1, pack, corpus), args.runs)
        lint = min(lint_runs, key=lambda r: r.cpu)
        suggest = min(suggest_runs, key=lambda r: r.cpu)
        print(row("newslint (core) --jobs 1", lint, mb))
        print(row("newslint suggest --jobs 1", suggest, mb))
        applied = run(["--isolated", "--style", pack, "-j", "1", "--statistics", "-q", corpus], ENV)
    lint_median, suggest_median = median_cpu(lint_runs), median_cpu(suggest_runs)
    print(
        f"median MB/cpu-s of {args.runs} runs: lint {mb / lint_median:.2f}, "
        f"suggest {mb / suggest_median:.2f}"
    )
    faster = mb / suggest.cpu >= mb / lint.cpu and suggest_median <= lint_median
    verdict = "yes" if faster else "no"
    print(f"suggest per MB at least as fast as lint (CPU, best and median): {verdict}")
    with tempfile.TemporaryDirectory() as folder:
        pack = str(Path(folder) / "house")
        lint_runs, suggest_runs = in_turn(lint_and_suggest(2, pack, corpus), args.runs)
    for name, done in (("newslint (core) --jobs 2", lint_runs), ("suggest --jobs 2", suggest_runs)):
        print(row(name, min(done, key=lambda r: r.seconds), mb))
    lint_wall = statistics.median(r.seconds for r in lint_runs)
    suggest_wall = statistics.median(r.seconds for r in suggest_runs)
    print(f"median wall seconds with --jobs 2: lint {lint_wall:.2f}, suggest {suggest_wall:.2f}")
    print(f"the suggested pack applied to the corpus (exit {applied.status}):")
    print("  " + applied.output.decode().strip().replace("\n", "\n  "))
    if args.marginal:
        marginal(args.corpus, args.runs)
    if args.memory:
        for count in (10_000, 100_000):
            with tempfile.TemporaryDirectory() as folder:
                size = write_small_drafts(Path(folder), count) / 1_000_000
                small = run(["suggest", "--isolated", "-j", "1", folder], ENV)
            print(
                f"suggest on {count:,} small drafts ({size:.1f} MB): {small.seconds:.1f} s, "
                f"peak RSS {small.rss_mb:.0f} MB"
            )
    if args.no_dask:
        return 0
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("dask: not installed (pip install 'newslint[dask]')")
        return 0
    one = run(["--isolated", "-j", "1", corpus], ENV)
    jobs2 = best(["--isolated", "-j", "2", corpus], args.runs)
    print(row("newslint --jobs 2", jobs2, mb))
    for workers in (1, 2):
        dask = best(["--isolated", "--executor", "dask", "-j", str(workers), corpus], args.runs)
        print(row(f"newslint --executor dask ({workers} worker{'s' * (workers > 1)})", dask, mb))
        if dask.output != one.output:
            raise SystemExit("bench: the Dask report differs from the --jobs 1 report")
        if workers == 2:
            overhead = dask.seconds - jobs2.seconds
            print(
                f"Dask overhead against --jobs 2: {overhead:+.2f} s "
                f"({100 * overhead / jobs2.seconds:+.0f}%), cluster start included"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
