"""A file name holding a newline or a byte that is not UTF-8 never breaks a line of a report or
of a ``newslint: `` message: each format escapes it its own way, and every message the same way
as the text format."""

from __future__ import annotations

import errno
import io
import json
import os
import sys
from pathlib import Path

import pytest

from newslint import cli, writer
from newslint.cli import lint as cli_lint
from newslint.output.github import file_name

NEWLINE = "new\nline.txt"
LATIN1 = os.fsdecode(b"caf\xe9.txt")  # the byte 0xE9 alone is not UTF-8
DRAFT = "Bridge colour\n\nThe the colour of the bridge.\n"
PACK = "rules:\n  - id: spelling\n    type: substitution\n    swap: {colour: color}\n"


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "r.yaml").write_text(PACK)
    for name in (NEWLINE, LATIN1):
        (tmp_path / name).write_text(DRAFT)
    return tmp_path


def command(monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, bytes, bytes]:
    """Run the command in this process, with streams as the command has its own (UTF-8, a
    byte that is not UTF-8 written back as it was read): the status and the bytes written."""
    out, err = (io.TextIOWrapper(io.BytesIO(), "utf-8", "surrogateescape") for _ in "oe")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    status = cli.main(["--isolated", "--jobs", "1", *argv])
    out.flush()
    err.flush()
    return status, out.buffer.getvalue(), err.buffer.getvalue()  # type: ignore[attr-defined]


def lint(monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, bytes, bytes]:
    return command(monkeypatch, "--style", "core", *argv)


def fix(monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, bytes, bytes]:
    return command(monkeypatch, "--style", "house", "--fix", *argv)


def test_text_format(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, _ = lint(monkeypatch, NEWLINE, LATIN1)
    assert status == 1
    # A newline is escaped; a byte that is not UTF-8 is written back as it was read.
    assert out.splitlines() == [
        b"caf\xe9.txt:3:1: error core.doubled-word 'the' is repeated",
        b"new\\nline.txt:3:1: error core.doubled-word 'the' is repeated",
    ]


def test_full_format(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = lint(monkeypatch, "--format", "full", NEWLINE)
    assert out.splitlines()[0] == b"new\\nline.txt:3:1: error core.doubled-word 'the' is repeated"


def test_json_format(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = lint(monkeypatch, "--format", "json", NEWLINE, LATIN1)
    report = json.loads(out.decode("utf-8"))  # valid UTF-8, valid JSON
    assert [(v["path"], v["line"], v["column"]) for v in report] == [
        (LATIN1, 3, 1),
        (NEWLINE, 3, 1),
    ]
    assert b'"path": "caf\\udce9.txt"' in out and b'"path": "new\\nline.txt"' in out


def test_github_format(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (desk / "tab\t%,:\x1b.txt").write_text(DRAFT)
    _, out, _ = lint(monkeypatch, "--format", "github", NEWLINE, LATIN1, "tab\t%,:\x1b.txt")
    properties = ",line=3,col=1,endLine=3,endColumn=8,title=core.doubled-word::'the' is repeated"
    assert out.decode("utf-8").splitlines() == [
        f"::error file=caf\\xe9.txt{properties}",
        f"::error file=new%0Aline.txt{properties}",  # the runner reads it back as a newline
        f"::error file=tab\\t%25%2C%3A\\x1b.txt{properties}",
    ]


def test_github_file_name_keeps_folders_and_carriage_returns() -> None:
    assert file_name("desk/a\rb\x7f.md") == "desk/a\rb\\x7f.md"  # CR becomes %0D after
    assert file_name("desk/plain.md") == "desk/plain.md"


SHOWN = {NEWLINE: b"new\\nline.txt", LATIN1: b"caf\xe9.txt"}


@pytest.mark.parametrize("name", [NEWLINE, LATIN1])
def test_an_error_while_writing_a_fix(
    desk: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(writer, "os", _Patched(os, replace=full))
    status, _, err = fix(monkeypatch, name)
    assert status == 2
    assert (
        err.splitlines()[0]
        == b"newslint: %s: cannot write: No space left on device" % (SHOWN[name])
    )
    assert (desk / name).read_text() == DRAFT


def test_the_copy_kept_by_a_failed_write_in_place_is_named_on_one_line(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.link(NEWLINE, "other-name.txt")  # a hard link: the draft is written in place

    def broken(path: str, data: bytes) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(writer, "_overwrite", broken)
    status, _, err = fix(monkeypatch, NEWLINE)
    [copy] = [p for p in os.listdir(".") if p.endswith(".newslint-copy")]
    shown = os.path.realpath(copy).replace("\n", "\\n")
    assert status == 2
    assert err.decode().splitlines()[0] == (
        "newslint: new\\nline.txt: cannot write, and the old text could not be put back; the "
        f"fixed text is in {shown}"
    )
    assert "The the color of the bridge." in Path(copy).read_text()


@pytest.mark.parametrize("name", [NEWLINE, LATIN1])
def test_an_internal_error_names_the_draft_on_one_line(
    desk: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    def bug(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli_lint, "lint_path", bug)
    status, _, err = lint(monkeypatch, name)
    assert status == 2
    assert err.startswith(b"newslint: %s: internal error (RuntimeError: boom);" % SHOWN[name])
    assert err.count(b"\n") == 1


def test_a_skipped_draft_a_missing_one_and_a_bad_report_file(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path(os.fsdecode(b"bin\xe9\n.txt")).write_bytes(b"\x00binary")
    status, _, err = lint(monkeypatch, os.fsdecode(b"bin\xe9\n.txt"), "gone\nmissing.txt")
    assert status == 2
    assert err.splitlines() == [
        b"newslint: bin\xe9\\n.txt: binary file (it holds NUL bytes); skipped",
        b"newslint: gone\\nmissing.txt: no such file or directory",
    ]
    status, _, err = lint(monkeypatch, "--output-file", "no\nfolder/report.txt", NEWLINE)
    assert status == 2
    assert err.splitlines()[-1] == (
        b"newslint: no\\nfolder/report.txt: cannot write the report: No such file or directory"
    )


class _Patched:
    """A module whose named functions are replaced, for the writer alone (``writer.os``)."""

    def __init__(self, module: object, **replaced: object) -> None:
        self.__dict__.update(replaced)
        self._module = module

    def __getattr__(self, name: str) -> object:
        return getattr(self._module, name)
