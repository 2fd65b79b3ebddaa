"""Drafts named by fsspec URLs (``memory://``, ``file://``, ``s3://``...): listed with fsspec,
read by whichever process lints or counts them, and reported by their URL."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import run
from test_suggest import write_archive

fsspec = pytest.importorskip("fsspec")


@pytest.fixture
def memory() -> Iterator[object]:
    """fsspec's in-memory file system, emptied after the test."""
    fs = fsspec.filesystem("memory")
    try:
        yield fs
    finally:
        fs.store.clear()
        fs.pseudo_dirs[:] = [""]


def copy_to_memory(fs: object, folder: Path, url_folder: str = "/archive") -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            target = f"{url_folder}/{path.relative_to(folder).as_posix()}"
            fs.pipe(target, path.read_bytes())  # type: ignore[attr-defined]


def test_lint_reports_each_draft_by_its_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], memory: object
) -> None:
    archive = write_archive(tmp_path / "archive", drafts=10)
    copy_to_memory(memory, archive)
    argv = ["--isolated", "--style", "uk-news", "--jobs", "1"]
    local = run(capsys, *argv, str(archive))
    remote = run(capsys, *argv, "memory://archive/")
    assert remote[0] == local[0] == 0  # warnings and suggestions only
    assert "memory://archive/story-009.txt:3:53: warning uk-news.date-format" in remote[1]
    assert remote[1] == local[1].replace(f"{archive}/", "memory://archive/")


def test_a_folder_url_lists_drafts_by_suffix_and_the_config_globs(
    tmp_path: Path, memory: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.archive.urls import drafts
    from newslint.project import Project

    for name in ("a.txt", "b.md", "c.png", "wire/d.txt", "sport/e.html", "sport/f.HTM"):
        memory.pipe(f"/archive/{name}", b"A headline\n\nA line of copy.\n")  # type: ignore[attr-defined]
    (tmp_path / "newslint.yaml").write_text("files:\n  exclude: ['wire/**']\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = list(drafts(Project(), ["memory://archive"]))
    assert found == [
        "memory://archive/a.txt",
        "memory://archive/b.md",
        "memory://archive/sport/e.html",
        "memory://archive/sport/f.HTM",
    ]
    assert list(drafts(Project(isolated=True), ["memory://archive/wire/"])) == [
        "memory://archive/wire/d.txt"
    ]


def test_suggest_counts_drafts_by_url_as_it_counts_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], memory: object
) -> None:
    archive = write_archive(tmp_path / "archive", drafts=20)
    copy_to_memory(memory, archive)
    argv = ["suggest", "--isolated", "--format", "json", "--jobs", "1"]
    local = run(capsys, *argv, str(archive))
    remote = run(capsys, *argv, "memory://archive")
    assert remote[0] == local[0] == 0
    mine = json.loads(local[1].replace(f"{archive}/", "memory://archive/"))
    theirs = json.loads(remote[1])
    assert theirs == mine and theirs["drafts"] == 20
    places = [p for f in theirs["families"] for form in f["forms"] for p in form["places"]]
    assert places and all(p.startswith("memory://archive/story-") for p in places)


def test_a_missing_url_is_an_error_for_that_draft(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--isolated", "memory://nowhere/draft.txt")
    assert status == 2
    assert err == "newslint: memory://nowhere/draft.txt: no such file or directory\n"


def test_an_unknown_protocol_is_one_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--isolated", "nosuchfs://bucket/archive/")
    assert (status, out) == (2, "")
    assert err == "newslint: nosuchfs://bucket/archive/: Protocol not known: nosuchfs\n"


def test_drafts_named_by_url_are_never_fixed(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--isolated", "--fix", "memory://archive/")
    assert status == 2
    assert err == "newslint: drafts named by URL are read, never written: no --fix or --diff\n"


def test_without_fsspec_the_message_says_how_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)  # import fsspec fails
    status, out, err = run(capsys, "suggest", "--isolated", "s3://bucket/archive/")
    assert (status, out) == (2, "")
    assert err == (
        "newslint: reading drafts by URL needs fsspec, which is not installed: "
        "pip install 'newslint[dask]' (and the file system's package, such as s3fs)\n"
    )


def test_a_store_that_fails_to_list_is_one_clear_error(
    capsys: pytest.CaptureFixture[str], memory: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory.pipe("/archive/a.txt", b"A headline\n\nA line of copy.\n")  # type: ignore[attr-defined]

    def refuse(*args: object, **kwargs: object) -> list[str]:
        raise RuntimeError("no credentials found")  # as a store's own error, not an OSError

    monkeypatch.setattr(type(memory), "find", refuse)
    status, out, err = run(capsys, "suggest", "--isolated", "memory://archive/")
    assert (status, out) == (2, "")
    assert err == "newslint: memory://archive/: cannot be listed: no credentials found\n"


def test_the_progress_bar_counts_the_bytes_of_drafts_named_by_url(
    memory: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("tqdm")
    from newslint.archive import progress
    from newslint.archive.urls import drafts
    from newslint.project import Project

    texts = {"a.txt": b"A headline\n\nA line of copy.\n", "sport/b.md": b"# Score\n\nWon 2-1.\n"}
    for name, data in texts.items():
        memory.pipe(f"/archive/{name}", data)  # type: ignore[attr-defined]
    memory.pipe("/single.txt", b"One draft named by itself.\n")  # type: ignore[attr-defined]
    bars: list[progress.Progress] = []

    class Kept(progress.Progress):
        def __enter__(self) -> progress.Progress:
            bars.append(self)
            return self

    monkeypatch.setattr(progress, "Progress", Kept)
    monkeypatch.setattr(progress, "wanted", lambda total, quiet: True)  # as on a terminal
    listed = drafts(Project(isolated=True), ["memory://archive/", "memory://single.txt"])
    found, shown = progress.progress_bar(listed, quiet=False)
    assert list(shown((path, None) for path in found)) == [(path, None) for path in found]
    assert [bar.size for bar in bars] == [sum(map(len, texts.values())) + 27]


OVERRIDES = """\
extends: [uk-news]
overrides:
  - files: "sport/**"
    disable: [uk-news.date-format]
"""


def test_config_overrides_match_a_url_drafts_path_below_the_folder_url_named(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    archive = tmp_path / "archive"
    write_archive(archive / "sport", drafts=10)
    write_archive(archive / "news", drafts=10)
    copy_to_memory(memory, archive)
    config = tmp_path / "desk"
    config.mkdir()
    (config / "newslint.yaml").write_text(OVERRIDES, encoding="utf-8")
    monkeypatch.chdir(config)
    for jobs in ("1", "2"):
        status, out, _ = run(capsys, "--jobs", jobs, "--format", "json", "memory://archive/")
        assert status == 0  # warnings only
        dates = [(v["path"], v["rule"]) for v in json.loads(out) if "date" in v["rule"]]
        # The same drafts in a folder: "sport/**" matches sport/ and not news/.
        assert dates == [("memory://archive/news/story-009.txt", "uk-news.date-format")], jobs
    # Named from sport/ down, a draft's path is "story-009.txt": the block does not match.
    status, out, _ = run(capsys, "--format", "json", "memory://archive/sport/")
    assert status == 0
    dates = [(v["path"], v["rule"]) for v in json.loads(out) if "date" in v["rule"]]
    assert dates == [("memory://archive/sport/story-009.txt", "uk-news.date-format")]


def test_the_name_a_url_draft_is_matched_by() -> None:
    from newslint.archive.urls import relative_name

    roots = ["s3://desk/archive/", "s3://desk/archive/2005", "local/folder"]
    assert relative_name(roots, "s3://desk/archive/2004/a.txt") == "2004/a.txt"
    assert relative_name(roots, "s3://desk/archive/2005/sport/b.txt") == "sport/b.txt"
    assert relative_name(["s3://desk/c.txt"], "s3://desk/c.txt") == "c.txt"
