"""Finding drafts: folders walked in sorted order; a folder that cannot be listed is an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.files import discover


def test_walk_finds_draft_suffixes_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.html", "d.htm", "e.markdown", "notes.pdf", ".hidden.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("x", encoding="utf-8")
    names = [Path(p).name for p in discover([str(tmp_path)])]
    assert names == ["a.txt", "b.md", "c.html", "d.htm", "e.markdown"]


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_linted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text("Head\n\nThe the end.\n", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Head\n\nThe the end.\n", encoding="utf-8")
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    # Root can list any folder, so the refusal a reporter's account would meet is simulated.
    monkeypatch.setattr(os, "scandir", scandir)
    status = main(["--isolated", "--color", "never", str(tmp_path)])
    out, err = capsys.readouterr()
    assert status == 2
    assert (
        f"newslint: {tmp_path / 'locked'}: is a folder that cannot be listed: permission denied"
        in err
    )
    assert out == f"{tmp_path / 'open.txt'}:3:1: error core.doubled-word 'the' is repeated\n"
