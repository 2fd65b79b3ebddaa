"""--jobs: files linted in worker processes give the same report, in the same order."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import run
from newslint import parallel
from newslint.cli import main
from newslint.parallel import LATER_CHUNK, WINDOW, ordered_map, paired

Capsys = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def workers_for_a_few_drafts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers start for these tests' few drafts, as they do for many."""
    monkeypatch.setattr(parallel, "FEW", 2)


def slow_square(n: int) -> tuple[int, int]:
    time.sleep(0.002 * (n % 3))  # later items often finish first
    return n * n, os.getpid()


def test_results_come_back_in_item_order_from_several_processes() -> None:
    out = list(ordered_map(slow_square, range(60), 2, chunk=3))
    assert [square for square, _ in out] == [n * n for n in range(60)]
    assert len({pid for _, pid in out} - {os.getpid()}) >= 1


def counted(n: int, pulled: list[int]) -> Iterator[int]:
    """``range(n)``, each item noted in ``pulled`` as it is taken."""
    for item in range(n):
        pulled.append(item)
        yield item


def test_items_are_pulled_as_results_are_taken_not_all_at_once() -> None:
    pulled: list[int] = []
    results = ordered_map(abs, counted(10_000, pulled), 2, chunk=4)
    assert next(results) == 0
    assert len(pulled) < 100  # a few chunks per worker, not the whole list
    taken = [next(results) for _ in range(999)]
    assert taken == list(range(1, 1000))
    # later chunks are larger, and still only a window of them per worker is out
    assert len(pulled) <= 1000 + 2 * WINDOW * LATER_CHUNK
    results.close()


def test_items_taken_one_at_a_time_stay_one_at_a_time() -> None:
    # Each item is much work (a run of drafts): were later items taken many at a time, one
    # worker would be left with most of them while the other waits.
    pulled: list[int] = []
    results = ordered_map(slow_square, counted(1000, pulled), 2, chunk=1, later_chunk=1)
    taken = [next(results) for _ in range(100)]
    assert [square for square, _ in taken] == [n * n for n in range(100)]
    assert len(pulled) <= 100 + 2 * WINDOW + 1  # a window of single items per worker
    assert len({pid for _, pid in taken[2 * WINDOW :]} - {os.getpid()}) == 2
    results.close()


def fails_on_five(n: int) -> int:
    if n == 5:
        raise ValueError("five")
    return n


def test_an_error_in_a_worker_is_raised_after_the_results_before_it() -> None:
    seen = []
    with pytest.raises(ValueError, match="five"):
        for n in ordered_map(fails_on_five, range(20), 2, chunk=2):
            seen.append(n)
    assert seen == [0, 1, 2, 3, 4]


def test_one_item_runs_in_this_process() -> None:
    assert list(paired(slow_square, [3], 2)) == [(3, (9, os.getpid()))]


def test_a_few_items_run_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "FEW", 16)
    few = list(paired(slow_square, range(15), 2))
    assert [item for item, _ in few] == list(range(15))
    assert {pid for _, (_, pid) in few} == {os.getpid()}
    many = list(paired(slow_square, range(40), 2))
    assert {pid for _, (_, pid) in many} - {os.getpid()}


def drafts(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        body = (
            "The the council met.\n\nMr Zelensky and Mr Zelenskyy spoke.\n"
            if n % 2
            else "A draft.\n"
        )
        (folder / f"draft{n:02d}.txt").write_text(f"Headline {n}\n\n{body}", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_two_reports_exactly_what_jobs_one_does(
    tmp_path: Path, capsys: Capsys, fmt: str
) -> None:
    folder = drafts(tmp_path / "copy", 30)
    one = run(capsys, str(folder), "--jobs", "1", "--format", fmt, "--isolated")
    two = run(capsys, str(folder), "--jobs", "2", "--format", fmt, "--isolated")
    assert one == two
    assert one[0] == 1
    assert "draft01.txt:3:1: error core.doubled-word" in one[1] or fmt == "json"
    assert one[1].count("doubled-word") == 15


def test_fix_with_jobs_fixes_each_file_once(tmp_path: Path, capsys: Capsys) -> None:
    serial = drafts(tmp_path / "serial", 12)
    parallel = drafts(tmp_path / "parallel", 12)
    code1, out1, err1 = run(capsys, str(serial), "--fix", "--jobs", "1", "--isolated")
    code2, out2, err2 = run(capsys, str(parallel), "--fix", "--jobs", "2", "--isolated")
    assert (code1, err1.replace("serial", "X")) == (code2, err2.replace("parallel", "X"))
    assert out1.replace("serial", "X") == out2.replace("parallel", "X")
    for path in sorted(parallel.iterdir()):
        fixed = path.read_text(encoding="utf-8")
        assert fixed == (serial / path.name).read_text(encoding="utf-8")
        assert "The the" not in fixed
    assert (
        (parallel / "draft01.txt")
        .read_text(encoding="utf-8")
        .startswith("Headline 1\n\nThe council met.")
    )


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_whole_number(value: str, capsys: Capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["x.txt", "--jobs", value])
    assert exc.value.code == 2
    assert "newslint: argument --jobs/-j: must be a whole number of at least 1" in (
        capsys.readouterr().err
    )
