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


def _every_draft(root: Path) -> list[str]:
    """The drafts under ``root`` as a plain walk finds them, sorted: what discover must stream."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            os.path.normpath(os.path.join(folder, n))
            for n in names
            if n.lower().endswith((".md", ".markdown", ".txt", ".html", ".htm"))
            and not n.startswith(".")
        ]
    return sorted(found)


def test_walk_streams_in_the_sorted_order_of_full_paths(tmp_path: Path) -> None:
    # Names that sort differently as names and as paths: "a.txt" < "a/…" < "a-b…" < "ab…".
    for rel in (
        "a.txt", "a/b.md", "a/a.md", "a-b/c.md", "a-b.md", "ab/x.txt", "A.md", "a b.md",
        "é/z.md", "z.md", "a/sub/deep.md", "a/sub.md", "a.b/c.md", "Zé.html",
    ):  # fmt: skip
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    expected = _every_draft(tmp_path)
    assert list(discover([str(tmp_path)])) == expected
    # Overlapping and repeated roots, and a file named twice, give each path once, in order.
    again = list(discover([str(tmp_path / "a"), str(tmp_path), str(tmp_path / "z.md")]))
    assert again == expected


def test_walk_streams_without_listing_folders_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.md").write_text("x", encoding="utf-8")
    listed: list[str] = []
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        listed.append(os.path.basename(os.fspath(path)))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    stream = discover([str(tmp_path)])
    assert next(stream) == str(tmp_path / "a" / "x.md")
    # Only the folders on the way down to the first draft have been read so far.
    assert listed == [tmp_path.name, "a"]
    assert list(stream) == [str(tmp_path / "b" / "x.md"), str(tmp_path / "c" / "x.md")]
