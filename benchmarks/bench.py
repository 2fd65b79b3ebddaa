"""Speed, start-up and memory of the ``newslint`` command, printed as a table.

    python benchmarks/bench.py CORPUS_DIR [--style PACK_OR_DIR ...] [--runs N]

Each figure comes from ``newslint`` run as a child process, as a user runs it:

* throughput: the corpus with ``--jobs 1``, output written to a file; MB/s is corpus bytes over
  the wall time of the whole command, start-up included; peak RSS from ``wait4`` of the child;
* start-up: a cold process on the corpus file nearest 5 KB, median of ``--startup-runs`` runs,
  with the modules' bytecode on disk as after an install (and, when the environment sets
  ``PYTHONDONTWRITEBYTECODE``, also as it runs there: newslint's modules compiled each run
  unless a ``__pycache__`` is already beside them);
* jobs: ``--jobs 1`` against ``--jobs 2``, and the two outputs must be identical;
* growth: the style plus a generated pack of 2,000 name spellings and 1,000 banned or
  preferred terms, against the style alone;
* memory: peak RSS on 100,000 small generated drafts against 10,000 (streaming keeps it flat);
* equivalence: in this process, the engine's violations on every corpus file must equal those
  of the straightforward engine in ``reference.py``.

Timings are the best of ``--runs`` runs, after one warm-up run (which also fills the pack cache).

``--against LINT_DIR`` measures another build beside this one: the source root of its
``newslint`` package (``git archive COMMIT | tar -x -C DIR`` gives ``DIR/lint``), run with
``PYTHONPATH`` set to it and a pack cache of its own.  The seconds with ``--jobs 1``, the peak
RSS and the start-up are then measured for both builds in turn, run by run, so that both see
the same load, and each row of the other build gives the ratio of this build's figure to it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_growth_pack, write_small_drafts

TARGETS = {
    "mb_per_s": 10.0,
    "startup_ms": 150.0,
    "speedup": 1.7,
    "growth": 1.25,
    "rss_mb": 150.0,
}


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float  # user + system seconds of the command and its workers
    rss_mb: float
    status: int
    output: bytes


def newslint_command() -> list[str]:
    script = Path(sys.executable).with_name("newslint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newslint"]


def run(args: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run ``newslint args`` once; wall time, the child's peak RSS, its status and stdout."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*newslint_command(), *args], stdout=out, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    code = proc.returncode
    if code not in (0, 1):
        raise SystemExit(f"bench: newslint {' '.join(args)} exited with {code}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, code, output)


def best(args: Sequence[str], runs: int) -> Run:
    return best_in_turn(args, runs, [None])[0]


def best_in_turn(
    args: Sequence[str], runs: int, envs: Sequence[dict[str, str] | None]
) -> list[Run]:
    """The best run of each build (one environment each), the builds run in turn."""
    return [min(kept, key=lambda r: r.seconds) for kept in runs_in_turn(args, runs, envs)]


def runs_in_turn(
    args: Sequence[str], runs: int, envs: Sequence[dict[str, str] | None]
) -> list[list[Run]]:
    """Every run of each build (one environment each), the builds run in turn, first one
    first and then the other, so that neither always follows the other."""
    for env in envs:
        run(args, env)  # warm-up: page cache, pack cache
    results: list[list[Run]] = [[] for _ in envs]
    pairs = list(zip(results, envs, strict=True))
    for n in range(runs):
        for kept, env in pairs if n % 2 == 0 else reversed(pairs):
            kept.append(run(args, env))
    return results


def medians(runs: Sequence[Run]) -> tuple[float, float]:
    """The median wall time and the median CPU time of ``runs``."""
    return statistics.median(r.seconds for r in runs), statistics.median(r.cpu for r in runs)


def median_ms_in_turn(
    args: Sequence[str], runs: int, envs: Sequence[dict[str, str] | None]
) -> list[float]:
    """The median wall time in ms of each build, after a warm-up, the builds run in turn."""
    every = runs_in_turn(args, runs, envs)
    return [statistics.median(r.seconds * 1000 for r in kept) for kept in every]


def other_build(lint_dir: Path, cache: Path) -> dict[str, str]:
    """The environment that runs the build whose source root is ``lint_dir``."""
    if not (lint_dir / "newslint" / "__init__.py").is_file():
        raise SystemExit(f"bench: {lint_dir} holds no newslint package (give its lint/ folder)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(lint_dir.resolve())
    env["NEWSLINT_CACHE_DIR"] = str(cache)
    return env


def corpus_files(corpus: Path) -> list[Path]:
    from newslint.files import discover

    return [Path(p) for p in discover([str(corpus)])]


def style_args(styles: Sequence[str]) -> list[str]:
    return [arg for s in styles for arg in ("--style", s)]


def check_equivalence(files: Sequence[Path], styles: Sequence[str]) -> tuple[int, int]:
    """Files and violations compared; exits when the engine and the reference disagree."""
    from reference import reference_lint

    from newslint.engine import lint_document
    from newslint.formats import format_for, parse
    from newslint.source import decode
    from newslint.style import load_style

    style = load_style(list(styles) or None)
    total = 0
    for path in files:
        source = decode(path.read_bytes(), str(path))
        doc = parse(source.text, format_for(str(path)), str(path))
        fast = lint_document(doc, style)
        slow = reference_lint(doc, style)
        if fast != slow:
            extra = [v for v in fast if v not in slow][:3]
            missing = [v for v in slow if v not in fast][:3]
            raise SystemExit(
                f"bench: {path}: engine differs from reference\n"
                f"  only engine: {extra}\n  only reference: {missing}"
            )
        total += len(fast)
    return len(files), total


def startup_file(files: Sequence[Path]) -> Path:
    return min(files, key=lambda p: abs(p.stat().st_size - 5000))


def as_formats(sample: Path, folder: Path) -> dict[str, Path]:
    """The sample article written as Markdown and as HTML, as drafts in those formats come to
    a pre-commit hook: the headline a heading, each line of text a paragraph."""
    import html

    headline, *body = [line for line in sample.read_text(encoding="utf-8").splitlines() if line]
    markdown = folder / "draft.md"
    markdown.write_text(f"# {headline}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    page = folder / "draft.html"
    paragraphs = "".join(f"<p>{html.escape(line, quote=False)}</p>\n" for line in body)
    page.write_text(f"<h1>{html.escape(headline)}</h1>\n{paragraphs}", encoding="utf-8")
    return {"Markdown": markdown, "HTML": page}


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("corpus", type=Path)
    p.add_argument("--style", action="append", default=[], metavar="PACK_OR_DIR")
    p.add_argument("--runs", type=int, default=3, help="timed runs per figure (best is kept)")
    p.add_argument("--startup-runs", type=int, default=15)
    p.add_argument("--memory-files", type=int, default=100_000, help="0 skips the memory test")
    p.add_argument("--skip-equivalence", action="store_true")
    p.add_argument(
        "--against",
        type=Path,
        metavar="LINT_DIR",
        help="also measure the build whose newslint package is in LINT_DIR, in turn",
    )
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newslint-bench-cache-") as cache:
        against = other_build(args.against, Path(cache)) if args.against else None
        return measure(args, against)


def measure(args: argparse.Namespace, against: dict[str, str] | None) -> int:
    load = os.getloadavg()[0]
    files = corpus_files(args.corpus)
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    styles = style_args(args.style)
    rows: list[tuple[str, str, str]] = []

    def row(name: str, value: str, target: str = "") -> None:
        rows.append((name, value, target))
        print(f"  {name:<34} {value:>14}  {target}", file=sys.stderr, flush=True)

    print(
        f"newslint benchmark on {args.corpus} ({', '.join(args.style) or 'core'})", file=sys.stderr
    )
    envs: list[dict[str, str] | None] = [None] if against is None else [None, against]
    every = runs_in_turn([*styles, "--jobs", "1", str(args.corpus)], args.runs, envs)
    one, *other = [min(kept, key=lambda r: r.seconds) for kept in every]
    row("files", f"{len(files)}")
    row("MB", f"{size_mb:.2f}")
    row("seconds (--jobs 1)", f"{one.seconds:.3f}", f"CPU {one.cpu:.2f} s")
    for then in other:
        cpu = f"CPU {then.cpu:.2f} s, this build / it: {one.cpu / then.cpu:.2f}"
        ratio = f"{_ratio(one.seconds, then.seconds)}; {cpu}"
        row("seconds (--jobs 1), --against", f"{then.seconds:.3f}", ratio)
    if other:  # a busy machine moves the best run of each more than the medians
        (wall, cpu_now), (then_wall, then_cpu) = medians(every[0]), medians(every[1])
        row(
            "median seconds (CPU), --jobs 1",
            f"{wall:.3f} ({cpu_now:.2f})",
            f"--against {then_wall:.3f} ({then_cpu:.2f}); this build / it: "
            f"{wall / then_wall:.2f} ({cpu_now / then_cpu:.2f})",
        )
    row("MB/s (--jobs 1)", f"{size_mb / one.seconds:.1f}", f">= {TARGETS['mb_per_s']:.0f}")
    row("peak RSS MB (--jobs 1)", f"{one.rss_mb:.1f}", f"<= {TARGETS['rss_mb']:.0f}")
    for then in other:
        row("peak RSS MB, --against", f"{then.rss_mb:.1f}", _ratio(one.rss_mb, then.rss_mb))

    sample = startup_file(files)
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as pycache:
        # As installed: the modules' bytecode is on disk (pip writes it; the warm-up run writes
        # it here, into a folder of its own), even where PYTHONDONTWRITEBYTECODE is set.
        installed = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        installed["PYTHONPYCACHEPREFIX"] = pycache
        builds = [installed]
        if against is not None:
            then_env = {k: v for k, v in against.items() if k != "PYTHONDONTWRITEBYTECODE"}
            builds.append({**then_env, "PYTHONPYCACHEPREFIX": pycache})
        start, *then_start = median_ms_in_turn([*styles, str(sample)], args.startup_runs, builds)
        row(
            f"start-up ms ({sample.stat().st_size} B)",
            f"{start:.0f}",
            f"<= {TARGETS['startup_ms']:.0f}",
        )
        for then_ms in then_start:
            row("start-up ms, --against", f"{then_ms:.0f}", _ratio(start, then_ms))
        for name, draft in as_formats(sample, Path(pycache)).items():
            run([*styles, str(draft)], installed)
            times = [
                run([*styles, str(draft)], installed).seconds * 1000
                for _ in range(args.startup_runs)
            ]
            row(f"start-up ms, the same as {name}", f"{statistics.median(times):.0f}")
    if "PYTHONDONTWRITEBYTECODE" in os.environ:
        times = [run([*styles, str(sample)]).seconds * 1000 for _ in range(args.startup_runs)]
        row("start-up ms, newslint compiled each run", f"{statistics.median(times):.0f}")

    two, *other_two = best_in_turn([*styles, "--jobs", "2", str(args.corpus)], args.runs, envs)
    if two.output != one.output:
        raise SystemExit("bench: --jobs 2 output differs from --jobs 1")
    row("seconds (--jobs 2)", f"{two.seconds:.3f}")
    for then, then_two in zip(other, other_two, strict=True):
        speedup = f"speed-up {then.seconds / then_two.seconds:.2f}x"
        row("seconds (--jobs 2), --against", f"{then_two.seconds:.3f}", speedup)
    row("CPU seconds (--jobs 1 / --jobs 2)", f"{one.cpu:.2f} / {two.cpu:.2f}")
    row("load average before the run", f"{load:.2f}", "(other work on the machine)")
    row("jobs speed-up (1 -> 2)", f"{one.seconds / two.seconds:.2f}x", f">= {TARGETS['speedup']}x")

    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
        extra = write_growth_pack(Path(tmp) / "generated")
        grown, *other_grown = best_in_turn(
            [
                *styles,
                *(styles or ["--style", "core"]),
                "--style",
                str(extra),
                "--jobs",
                "1",
                str(args.corpus),
            ],
            args.runs,
            envs,
        )
        row("seconds (+3,000 generated terms)", f"{grown.seconds:.3f}")
        growth = f"<= {TARGETS['growth']} (CPU {grown.cpu / one.cpu:.2f})"
        row("growth ratio", f"{grown.seconds / one.seconds:.2f}", growth)
        for then, then_grown in zip(other, other_grown, strict=True):
            then_growth = f"{then_grown.seconds / then.seconds:.2f}"
            row("growth ratio, --against", then_growth, f"CPU {then_grown.cpu / then.cpu:.2f}")

    if args.memory_files:
        with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
            root = Path(tmp)
            write_small_drafts(root, args.memory_files)
            small = run([*styles, "--jobs", "1", str(root / "000")])
            big = run([*styles, "--jobs", "1", str(root)])
            row("peak RSS MB (1,000 small files)", f"{small.rss_mb:.1f}")
            row(
                f"peak RSS MB ({args.memory_files:,} files)",
                f"{big.rss_mb:.1f}",
                f"<= {TARGETS['rss_mb']:.0f}",
            )
            row(f"seconds ({args.memory_files:,} files)", f"{big.seconds:.2f}")

    if not args.skip_equivalence:
        started = time.perf_counter()
        checked, violations = check_equivalence(files, args.style)
        row(
            "same violations as reference",
            f"{checked} files",
            f"{violations} violations, {time.perf_counter() - started:.0f} s",
        )

    print()
    print("| measure | value | target |")
    print("|---|---:|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    return 0


def _ratio(now: float, then: float) -> str:
    return f"this build / it: {now / then:.2f}"


if __name__ == "__main__":
    raise SystemExit(main())
