"""The ``newslint`` command: snapshot cases in tests/cases/, and the command's options.

Each folder of tests/cases/ holds a draft, ``args`` (the command's arguments, one a line, run in
that folder), ``exit`` (the expected exit status), and the expected standard output for
``--format text`` (``expected.txt``) and ``--format json`` (``expected.json``).  Run with
NEWSLINT_UPDATE_SNAPSHOTS=1 to rewrite the expected files, then read every change: the files
must say what is right, not merely what the code prints.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run
from newslint import __version__
from newslint.cli import main
from newslint.violation import JSON_KEYS

CASES = Path(__file__).parent / "cases"
UPDATE = os.environ.get("NEWSLINT_UPDATE_SNAPSHOTS") == "1"
Capsys = pytest.CaptureFixture[str]


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "args").is_file())


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("case", case_names())
def test_snapshot(case: str, fmt: str, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = CASES / case
    monkeypatch.chdir(folder)
    args = (folder / "args").read_text(encoding="utf-8").split("\n")
    code, out, _ = run(capsys, *[a for a in args if a] + ["--format", fmt])
    expected = folder / f"expected.{'txt' if fmt == 'text' else 'json'}"
    status = folder / "exit"
    if UPDATE:
        expected.write_text(out, encoding="utf-8", newline="")
        status.write_text(f"{code}\n")
    assert out == expected.read_text(encoding="utf-8")
    assert code == int(status.read_text())


def test_every_case_has_its_expected_files() -> None:
    for name in case_names():
        for part in ("expected.txt", "expected.json", "exit"):
            assert (CASES / name / part).is_file(), f"{name}/{part} is missing"


def test_the_crlf_draft_really_has_crlf_line_endings() -> None:
    data = (CASES / "crlf" / "draft.txt").read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") > 0


def test_json_objects_have_exactly_the_contract_keys() -> None:
    for name in case_names():
        for item in json.loads((CASES / name / "expected.json").read_text(encoding="utf-8")):
            assert tuple(item) == JSON_KEYS
            assert isinstance(item["line"], int) and isinstance(item["end_column"], int)
            assert item["replacement"] is None or isinstance(item["replacement"], str)


def test_text_and_json_snapshots_agree() -> None:
    for name in case_names():
        text = (CASES / name / "expected.txt").read_text(encoding="utf-8").splitlines()
        items = json.loads((CASES / name / "expected.json").read_text(encoding="utf-8"))
        assert text == [
            f"{v['path']}:{v['line']}:{v['column']}: {v['severity']} {v['rule']} {v['message']}"
            for v in items
        ]


# --- inputs -----------------------------------------------------------------------------------

DRAFT_MD = "# Harbour plan\n\nThe the wall is `the the` old.\n"


def test_stdin_with_a_filename_picks_its_format(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(DRAFT_MD.encode()))
    code, out, _ = run(capsys, "-", "--stdin-filename", "copy/x.md")
    assert code == 1
    assert out == "copy/x.md:3:1: error core.doubled-word 'the' is repeated\n"


def test_stdin_without_a_filename_is_plain_text(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(DRAFT_MD.encode()))
    code, out, _ = run(capsys, "-")
    assert code == 1
    assert out == (
        "-:3:1: error core.doubled-word 'the' is repeated\n"
        "-:3:18: error core.doubled-word 'the' is repeated\n"
    )


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _tree(root: Path) -> None:
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("Head\n\nIt was was late.\n")
    (root / "b" / "c.markdown").write_text("# Head\n\nIt was was late.\n")
    (root / "b" / "deep" / "d.md").write_text("# Head\n\nIt was was late.\n")
    (root / "b" / "notes.rst").write_text("It was was late.\n")
    (root / ".hidden" / "e.md").write_text("It was was late.\n")


def test_directories_recurse_into_drafts_in_sorted_order(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, ".")
    assert code == 1
    assert out == (
        "a.txt:3:4: error core.doubled-word 'was' is repeated\n"
        "b/c.markdown:3:4: error core.doubled-word 'was' is repeated\n"
        "b/deep/d.md:3:4: error core.doubled-word 'was' is repeated\n"
    )


def test_a_missing_file_is_an_error_but_the_others_are_linted(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "a.txt", "gone.md", "b/c.markdown")
    assert code == 2
    assert out == (
        "a.txt:3:4: error core.doubled-word 'was' is repeated\n"
        "b/c.markdown:3:4: error core.doubled-word 'was' is repeated\n"
    )
    assert "newslint: gone.md: no such file or directory\n" in err
    assert "Traceback" not in err


# --- options ----------------------------------------------------------------------------------

MIXED = "Head\n\nIt was was late.  Very late.\n"  # an error and a warning


@pytest.mark.parametrize(
    ("text", "fail_on", "code"),
    [
        (MIXED, None, 1),
        ("Head\n\nVery  late.\n", None, 0),  # only a warning: below the default 'error'
        ("Head\n\nVery  late.\n", "warning", 1),
        ("Head\n\nVery late. Wow! Wow!\n", "warning", 0),  # only a suggestion
        ("Head\n\nVery late. Wow! Wow!\n", "suggestion", 1),
        (MIXED, "never", 0),
        ("Head\n\nAll fine.\n", "suggestion", 0),
    ],
)
def test_fail_on(text: str, fail_on: str | None, code: int, tmp_path: Path, capsys: Capsys) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(text)
    argv = [str(draft)] + (["--fail-on", fail_on] if fail_on else [])
    assert run(capsys, *argv)[0] == code


def test_select_and_ignore(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d.txt").write_text(MIXED)
    both = [
        "d.txt:3:4: error core.doubled-word 'was' is repeated\n",
        "d.txt:3:17: warning core.multiple-spaces More than one space between words\n",
    ]
    assert run(capsys, "d.txt")[1] == "".join(both)
    assert run(capsys, "d.txt", "--select", "core.multiple-spaces")[1] == both[1]
    assert run(capsys, "d.txt", "--ignore", "core.multiple-spaces")[1] == both[0]
    assert run(capsys, "d.txt", "--select", "core", "--ignore", "core.doubled-word")[1] == both[1]
    code, out, err = run(capsys, "d.txt", "--select", "core.doubled-words")
    assert (code, out) == (2, "")
    assert err.startswith("newslint: unknown rule or pack 'core.doubled-words'")


def test_version(capsys: Capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"newslint {__version__}\n"


def test_usage_error_exits_2(capsys: Capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--format", "xml", "x.txt"])
    assert exit_.value.code == 2
    assert "newslint: argument --format: invalid choice: 'xml'" in capsys.readouterr().err


# --- the installed entry point ----------------------------------------------------------------


def _entry_point() -> str:
    found = shutil.which("newslint", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("the newslint entry point is not installed next to this Python")
    return found


def test_entry_point_on_a_case() -> None:
    folder = CASES / "curly-quotes"
    proc = subprocess.run(
        [_entry_point(), "draft.txt"], cwd=folder, capture_output=True, text=True, check=False
    )
    assert proc.returncode == int((folder / "exit").read_text())
    assert proc.stdout == (folder / "expected.txt").read_text(encoding="utf-8")


def test_entry_point_reports_a_bad_style_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text("rules:\n  - id: x\n    type: nothing\n")
    (tmp_path / "d.txt").write_text("Head\n")
    proc = subprocess.run(
        [_entry_point(), "--style", str(tmp_path), str(tmp_path / "d.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith(f"newslint: {tmp_path / 'r.yaml'}:3: rule 'x': unknown type")
    assert "Traceback" not in proc.stderr
