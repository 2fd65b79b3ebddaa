"""``--across-files``: the consistency rules judge the whole run, not each draft."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run

STORY = "Talks resume in round {n}\n\nPresident {name} met the envoys in the capital on Monday.\n"


def write_batch(folder: Path, forms: list[str]) -> Path:
    """A draft for each form, each its own (the headline tells them apart)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, name in enumerate(forms):
        (folder / f"d{n:02}.txt").write_text(STORY.format(n=n + 1, name=name), encoding="utf-8")
    return folder


def test_without_the_option_each_draft_is_judged_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = write_batch(tmp_path / "desk", ["Zelensky"] * 4 + ["Zelenskyy"])
    status, out, _ = run(capsys, "--isolated", "--select", "core.name-spelling", str(batch))
    assert (status, out) == (0, "")


def test_the_minority_form_is_reported_with_the_batch_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = write_batch(tmp_path / "desk", ["Zelensky"] * 4 + ["Zelenskyy"])
    status, out, _ = run(capsys, "--isolated", "--across-files", "--format", "json", str(batch))
    assert status == 1
    (found,) = json.loads(out)
    assert found["path"] == f"{batch}/d04.txt"
    assert (found["line"], found["column"], found["end_column"]) == (3, 11, 20)
    assert found["rule"] == "core.name-spelling"
    assert found["message"] == "'Zelenskyy' here, but 'Zelensky' in 4 other drafts of this run"
    assert found["replacement"] == "Zelensky"


def test_a_draft_that_also_uses_the_batch_form_does_not_count_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = write_batch(tmp_path / "desk", ["Zelensky", "Zelensky", "Zelensky"])
    mixed = "Talks\n\nMr Zelenskyy spoke. Mr Zelenskyy left. Mr Zelensky returned.\n"
    (batch / "d03.txt").write_text(mixed, encoding="utf-8")
    status, out, _ = run(capsys, "--isolated", "--across-files", "--format", "json", str(batch))
    assert status == 1
    found = json.loads(out)
    assert [(v["column"], v["found"]) for v in found] == [(4, "Zelenskyy"), (24, "Zelenskyy")]
    assert {v["message"] for v in found} == {
        "'Zelenskyy' here, but 'Zelensky' in 3 other drafts of this run"
    }


def test_the_same_report_whatever_the_jobs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forms = ["Gaddafi"] * 14 + ["Qaddafi", "Gaddafi", "Gadhafi"] + ["Gaddafi"] * 3
    batch = write_batch(tmp_path / "desk", forms)
    one = run(capsys, "--isolated", "--across-files", "--jobs", "1", str(batch))
    two = run(capsys, "--isolated", "--across-files", "--jobs", "2", str(batch))
    assert one == two
    assert one[1].splitlines() == [
        f"{batch}/d14.txt:3:11: error core.name-spelling 'Qaddafi' here, but 'Gaddafi' in "
        "18 other drafts of this run",
        f"{batch}/d16.txt:3:11: error core.name-spelling 'Gadhafi' here, but 'Gaddafi' in "
        "18 other drafts of this run",
    ]


def test_fix_writes_the_batch_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = write_batch(tmp_path / "desk", ["Zelenskyy"] * 3 + ["Zelensky"])
    status, _, err = run(capsys, "--isolated", "--across-files", "--fix", str(batch))
    assert status == 0
    assert "Fixed 1 violation in 1 file." in err
    fixed = STORY.format(n=4, name="Zelenskyy")
    assert (batch / "d03.txt").read_text(encoding="utf-8") == fixed


def test_the_config_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = write_batch(tmp_path / "desk", ["Kyiv"] * 3 + ["Kiev"])
    config = tmp_path / "newslint.yaml"
    config.write_text("across-files: true\n", encoding="utf-8")
    status, out, _ = run(capsys, "--config", str(config), str(batch))
    assert status == 1
    assert out == (
        f"{batch}/d03.txt:3:11: error core.name-spelling 'Kiev' here, but 'Kyiv' in 3 other "
        "drafts of this run\n"
    )
    config.write_text("across-files: yes please\n", encoding="utf-8")
    status, _, err = run(capsys, "--config", str(config), str(batch))
    assert status == 2
    assert err == (f"newslint: {config}:1: invalid config: 'across-files' must be true or false\n")


def test_standard_input_cannot_be_read_twice(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--isolated", "--across-files", "-")
    assert status == 2
    assert err == "newslint: --across-files reads each draft twice, so not standard input\n"


def test_a_story_filed_twice_counts_once_for_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = write_batch(tmp_path / "desk", ["Zelensky"] * 3 + ["Zelenskyy"])
    copy = (batch / "d03.txt").read_bytes()
    for name in ("d04.txt", "d05.txt", "d06.txt"):  # the minority's story, filed four times
        (batch / name).write_bytes(copy)
    (batch / "d07.txt").symlink_to(batch / "d00.txt")  # one file by two names: linted once
    for jobs in ("1", "2"):
        status, out, _ = run(capsys, "--isolated", "--across-files", "--jobs", jobs, str(batch))
        assert status == 1
        assert out.splitlines() == [
            f"{batch}/{name}:3:11: error core.name-spelling 'Zelenskyy' here, but 'Zelensky' in "
            "3 other drafts of this run"
            for name in ("d03.txt", "d04.txt", "d05.txt", "d06.txt")
        ], jobs
