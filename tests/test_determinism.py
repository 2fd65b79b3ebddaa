"""The same input gives byte-identical output: run after run, whatever ``--jobs`` says, whatever
the order of the paths on the command line, in every report format, and in processes whose
string hashing differs (``PYTHONHASHSEED``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import parallel
from newslint.cli import main
from newslint.output import FORMATS

Capsys = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def workers_for_a_few_drafts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers start for these tests' few drafts, as they do for many."""
    monkeypatch.setattr(parallel, "FEW", 2)


DRAFTS = {
    "desk/a.txt": (
        "Council approves the the bridge\n\n"
        "Mr Zelensky and Mr Zelenskyy met in Kiev on 13 February 2025 , she said.\n\n"
        '"It is late, said the leader of the council.\n\nThe colour was organised (badly.\n'
    ),
    "desk/b.md": (
        "# Storm closes the the coast road\n\n"
        "The road was was shut at 8:28 AM.  Police said 5 people were hurt.\n\n"
        "> “It was terrible,” one driver said. ‘Quite so\n\n"
        "- a list item with with a slip\n- and `the the` code\n"
    ),
    "desk/c.html": (
        "<h1>Rail fares rise rise again</h1>\n<p>Fares rose by 4 per cent , the "
        "operator&rsquo;s report said.</p>\n<p>The the rise is the largest since 2012.</p>\n"
    ),
    "other/d.txt": "Clean headline\n\nNothing at all is wrong here.\n",
    "other/e e é.txt": "Accents and spaces\n\nThe the end.\n",
}


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, text in DRAFTS.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    return tmp_path


def report(capsys: Capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--isolated", "--style", "core", "--style", "uk-news", *args])
    out, err = capsys.readouterr()
    return code, out, err


ORDERS = [
    ["desk", "other"],
    ["other", "desk"],
    sorted(DRAFTS),
    sorted(DRAFTS, reverse=True),
    ["other/e e é.txt", "desk", "desk/b.md", "other"],  # named twice: linted once
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_the_same_whatever_the_order_and_the_jobs(
    desk: Path, capsys: Capsys, fmt: str
) -> None:
    first = report(capsys, "--format", fmt, "--jobs", "1", *ORDERS[0])
    assert first[0] == 1 and first[1]
    for jobs in ("1", "2", "3"):
        for paths in ORDERS:
            assert report(capsys, "--format", fmt, "--jobs", jobs, *paths) == first, (jobs, paths)


@pytest.mark.parametrize("args", [["--statistics"], ["--diff"], ["--quiet"]])
def test_summaries_and_diffs_are_the_same_whatever_the_order(
    desk: Path, capsys: Capsys, args: list[str]
) -> None:
    first = report(capsys, *args, "--jobs", "1", *ORDERS[0])
    for jobs in ("1", "2"):
        for paths in ORDERS[1:]:
            assert report(capsys, *args, "--jobs", jobs, *paths) == first, (jobs, paths)


def test_results_are_sorted_by_path_line_column_and_rule(desk: Path, capsys: Capsys) -> None:
    _, out, _ = report(capsys, "--format", "json", *ORDERS[3])
    found = json.loads(out)
    keys = [(v["path"], v["line"], v["column"], v["rule"]) for v in found]
    assert keys == sorted(keys)
    assert {v["path"] for v in found} == {
        "desk/a.txt",
        "desk/b.md",
        "desk/c.html",
        "other/e e é.txt",
    }
    assert len(found) > 15


def test_fixing_gives_the_same_files_whatever_the_jobs(desk: Path, capsys: Capsys) -> None:
    results = []
    for jobs, paths in (("1", ORDERS[0]), ("2", ORDERS[3]), ("3", ORDERS[1])):
        for name, text in DRAFTS.items():
            Path(name).write_text(text, encoding="utf-8")
        run = report(capsys, "--fix", "--jobs", jobs, *paths)
        results.append((run, {name: Path(name).read_bytes() for name in DRAFTS}))
    assert results[0][1] != {name: text.encode() for name, text in DRAFTS.items()}
    assert results[1] == results[0]
    assert results[2] == results[0]


def test_separate_processes_with_different_string_hashing(desk: Path) -> None:
    outputs = set()
    for seed in ("0", "1", "12345"):
        for fmt in ("json", "sarif"):
            done = subprocess.run(
                [sys.executable, "-m", "newslint", "--isolated", "--style", "core", "--style",
                 "uk-news", "--format", fmt, "--statistics", "desk", "other"],
                capture_output=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
            )  # fmt: skip
            assert done.returncode == 1, done.stderr
            outputs.add((fmt, done.stdout, done.stderr))
    assert len(outputs) == 2  # one output for each format, whatever the seed


def test_threads_linting_different_drafts_get_each_draft_s_own_violations() -> None:
    """The caches a style's rules share for the draft in hand are safe under threads."""
    from concurrent.futures import ThreadPoolExecutor

    from newslint import lint_text, load_style

    style = load_style(["core", "uk-news"])
    drafts = [text for name, text in DRAFTS.items() if name.endswith(".txt")]
    drafts += [
        f"Head {n}\n\nThe colour of the the program {n} was gray on {n} May 2005.\n"
        for n in range(12)
    ]

    def report(text: str) -> list[tuple[str, int, int]]:
        return [(v.rule, v.line, v.column) for v in lint_text(text, style=style)]

    want = [report(text) for text in drafts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(5):
            assert list(pool.map(report, drafts)) == want
