"""``--executor dask``: linting and ``suggest`` on a Dask cluster of separate worker processes
give what one process gives, byte for byte."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import run
from test_suggest import write_archive

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster of two worker processes, shared by the tests of this module."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_lint_on_dask_is_the_lint_of_one_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], scheduler: str
) -> None:
    archive = write_archive(tmp_path / "archive", drafts=40)
    local = run(capsys, "--isolated", "--style", "uk-news", "--jobs", "1", str(archive))
    remote = run(
        capsys, "--isolated", "--style", "uk-news", "--executor", "dask", "--scheduler",
        scheduler, str(archive),
    )  # fmt: skip
    assert remote == local
    assert f"{archive}/story-009.txt:3:53: warning uk-news.date-format" in local[1]


def test_across_files_on_dask(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    scheduler: str,
) -> None:
    archive = write_archive(tmp_path / "archive", drafts=20)
    local = run(capsys, "--isolated", "--across-files", "--format", "json", str(archive))
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", scheduler)  # the address from the environment
    remote = run(
        capsys, "--isolated", "--across-files", "--format", "json", "--executor", "dask",
        str(archive),
    )  # fmt: skip
    assert remote == local
    messages = {v["message"] for v in json.loads(local[1])}
    assert "'Zelenskyy' here, but 'Zelensky' in 18 other drafts of this run" in messages


def test_suggest_counts_merge_to_the_same_pack(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    scheduler: str,
) -> None:
    from newslint.archive import collect

    monkeypatch.setattr(collect, "RUN", 3)  # many small runs, merged in order
    archive = write_archive(tmp_path / "archive", drafts=30)
    argv = ["suggest", "--isolated", "--format", "json", str(archive)]
    local = run(capsys, *argv, "--jobs", "1", "--output", str(tmp_path / "a"))
    remote = run(
        capsys, *argv, "--executor", "dask", "--scheduler", scheduler, "--output",
        str(tmp_path / "b"),
    )  # fmt: skip
    mine, theirs = json.loads(local[1]), json.loads(remote[1])
    assert (mine.pop("pack"), theirs.pop("pack")) == (str(tmp_path / "a"), str(tmp_path / "b"))
    assert mine == theirs and remote[0] == local[0] == 0
    assert mine["drafts"] == 30
    for name in ("conventions.yaml", "names.yaml", "words.yaml"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_workers_read_drafts_named_by_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], scheduler: str
) -> None:
    """Each worker process opens the URL itself (``file://`` here; ``s3://`` where s3fs is
    installed), and the report names each draft by its URL."""
    pytest.importorskip("fsspec")
    archive = write_archive(tmp_path / "archive", drafts=20)
    url = archive.as_uri()  # file:///.../archive
    local = run(capsys, "--isolated", "--style", "uk-news", "--jobs", "1", str(archive))
    remote = run(
        capsys, "--isolated", "--style", "uk-news", "--executor", "dask", "--scheduler",
        scheduler, url,
    )  # fmt: skip
    assert remote == (local[0], local[1].replace(f"{archive}/", f"{url}/"), local[2])
    assert f"{url}/story-009.txt:3:53: warning uk-news.date-format" in remote[1]
    argv = ["suggest", "--isolated", "--format", "json"]
    counted = run(capsys, *argv, "--jobs", "1", str(archive))
    on_dask = run(capsys, *argv, "--executor", "dask", "--scheduler", scheduler, url + "/")
    assert json.loads(on_dask[1]) == json.loads(counted[1].replace(f"{archive}/", f"{url}/"))


def test_without_the_extra_the_message_says_how_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    archive = write_archive(tmp_path / "archive", drafts=2)
    status, out, err = run(capsys, "--isolated", "--executor", "dask", str(archive))
    assert (status, out) == (2, "")
    assert err == (
        "newslint: --executor dask needs Dask's distributed scheduler, which is not installed: "
        "pip install 'newslint[dask]'\n"
    )


def test_standard_input_is_not_sent_to_the_workers(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--isolated", "--executor", "dask", "-")
    assert status == 2
    assert err == ("newslint: --executor dask reads drafts on its workers, so not standard input\n")
