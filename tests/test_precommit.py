"""newslint as a real pre-commit hook in someone else's repository, and the CI example in the docs.

The end-to-end test installs the hooks the way a desk would: a ``.pre-commit-config.yaml`` with
``repo:`` and ``rev:``.  pre-commit clones ``repo`` at ``rev``, so a commit of this checkout's
HEAD would miss uncommitted work.  The test therefore snapshots the working tree as it is (every
tracked file and every untracked file not ignored, as on disk) into a temporary repository,
commits it there, and points ``repo:`` at that path and ``rev:`` at that commit.  pre-commit
then builds its own virtualenv and pip-installs the snapshot (PyPI must be reachable); the
environment is cached in a per-session ``PRE_COMMIT_HOME``, so it is built once per run.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from newslint import __version__
from newslint.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "docs" / "examples" / "github-workflow.yml"
SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)

BAD = "# Council sets budget\n\nThe the council met on Monday.\nIt voted  to raise the levy.\n"
BAD_FIXED = "# Council sets budget\n\nThe council met on Monday.\nIt voted to raise the levy.\n"
GOOD = "# Library reopens\n\nThe library reopened on Tuesday after a year of repairs.\n"


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(home),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        GIT_AUTHOR_NAME="Desk",
        GIT_AUTHOR_EMAIL="desk@example.org",
        GIT_COMMITTER_NAME="Desk",
        GIT_COMMITTER_EMAIL="desk@example.org",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(home.parent),
        NO_COLOR="1",
    )
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return proc.stdout


def snapshot_working_tree(dest: Path, env: dict[str, str]) -> str:
    """Copy the working tree (tracked and untracked, not ignored) to ``dest``; commit; the sha."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    dest.mkdir()
    for name in sorted(set(filter(None, listing.split("\0")))):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    _git(dest, env, "init", "-q")
    _git(dest, env, "add", "-A")
    _git(dest, env, "commit", "-q", "--no-verify", "-m", "snapshot of the working tree")
    return _git(dest, env, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="session")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Path]]:
    """The snapshot repository, its commit, and the session's PRE_COMMIT_HOME."""
    base = tmp_path_factory.mktemp("pre-commit")
    home = base / "home"
    home.mkdir()
    sha = snapshot_working_tree(base / "newslint", _env(home))
    yield base / "newslint", sha, home


def _pre_commit(desk: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=desk,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


@pytest.mark.slow
def test_pre_commit_hooks_end_to_end(hooks_repo: tuple[Path, str, Path], tmp_path: Path) -> None:
    repo, sha, home = hooks_repo
    env = _env(home)
    desk = tmp_path / "desk"
    (desk / "drafts").mkdir(parents=True)
    _git(desk, env, "init", "-q")
    config = {
        "repos": [
            {
                "repo": str(repo),
                "rev": sha,
                "hooks": [{"id": "newslint"}, {"id": "newslint-fix", "stages": ["manual"]}],
            }
        ]
    }
    (desk / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (desk / "drafts" / "budget.md").write_text(BAD, encoding="utf-8")
    (desk / "drafts" / "library.md").write_text(GOOD, encoding="utf-8")
    (desk / "notes.py").write_text("x = 1  # not a draft: the hook's types leave it out\n")

    # The check hook fails on the draft that breaks the house style, and says why.
    proc = _pre_commit(desk, env, "run", "newslint", "--files", "drafts/budget.md", "notes.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "drafts/budget.md:3:1: error core.doubled-word 'the' is repeated" in proc.stdout
    assert "drafts/budget.md:4:9: warning core.multiple-spaces" in proc.stdout
    assert "notes.py" not in proc.stdout

    # It passes on a clean draft.
    proc = _pre_commit(desk, env, "run", "newslint", "--files", "drafts/library.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout

    # The desk's config excludes wire copy: the hook leaves it alone even when it is named.
    (desk / "newslint.yaml").write_text("files:\n  exclude: ['wire/**']\n", encoding="utf-8")
    (desk / "wire").mkdir()
    (desk / "wire" / "agency.md").write_text(BAD, encoding="utf-8")
    proc = _pre_commit(desk, env, "run", "newslint", "--files", "wire/agency.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "wire/agency.md" not in proc.stdout
    (desk / "newslint.yaml").unlink()

    # Installed as a git hook, it stops a commit of the bad draft and lets the good one through.
    _pre_commit(desk, env, "install")
    _git(desk, env, "add", ".pre-commit-config.yaml", "drafts/library.md")
    _git(desk, env, "commit", "-q", "-m", "clean draft")
    _git(desk, env, "add", "drafts/budget.md")
    blocked = subprocess.run(
        ["git", "commit", "-q", "-m", "draft with errors"],
        cwd=desk,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert blocked.returncode != 0
    assert "core.doubled-word" in blocked.stdout + blocked.stderr
    assert _git(desk, env, "log", "--format=%s").splitlines() == ["clean draft"]

    # The fix hook rewrites the draft; pre-commit fails a hook that changed files, as it should.
    proc = _pre_commit(
        desk, env, "run", "--hook-stage", "manual", "newslint-fix", "--files", "drafts/budget.md"
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "files were modified by this hook" in proc.stdout
    assert (desk / "drafts" / "budget.md").read_text(encoding="utf-8") == BAD_FIXED
    proc = _pre_commit(desk, env, "run", "newslint", "--files", "drafts/budget.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_hooks_file_exports_both_hooks() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"newslint", "newslint-fix"}
    # pre-commit names each file, so --force-exclude makes the desk's exclude globs hold.
    assert by_id["newslint"]["entry"] == "newslint --force-exclude"
    assert by_id["newslint-fix"]["entry"] == "newslint --force-exclude --fix"
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["types_or"] == ["markdown", "plain-text", "html"]


# --- the GitHub Actions example in docs/ci.md -------------------------------------------------


def _steps() -> list[dict[str, Any]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    (job,) = workflow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"  # needed to upload SARIF
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def _newslint_runs(steps: list[dict[str, Any]]) -> list[tuple[int, list[str]]]:
    """The steps that run newslint: their index and their command split into words."""
    return [
        (n, shlex.split(step["run"]))
        for n, step in enumerate(steps)
        if step.get("run", "").lstrip().startswith("newslint")
    ]


def test_workflow_is_valid_and_runs_newslint_as_documented() -> None:
    steps = _steps()
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert installs and f"newslint=={__version__}" in installs[0]
    (sarif_at, sarif_run), (github_at, github_run) = _newslint_runs(steps)
    # The SARIF step writes the file the upload step reads, and never fails the job itself.
    command, redirect, target = sarif_run[:-2], sarif_run[-2], sarif_run[-1]
    assert redirect == ">"
    args = build_parser().parse_args(command[1:])
    assert (args.format, args.fail_on) == ("sarif", "never")
    (upload_at,) = [n for n, s in enumerate(steps) if "upload-sarif" in s.get("uses", "")]
    upload = steps[upload_at]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == target
    # Annotations last: their failing exit status must not stop the upload.
    assert sarif_at < upload_at < github_at
    args = build_parser().parse_args(github_run[1:])
    assert args.format == "github" and args.paths == command[-1:]


def test_workflow_commands_work_on_a_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (_, sarif_run), (_, github_run) = _newslint_runs(_steps())
    monkeypatch.chdir(tmp_path)
    for path in {a for a in sarif_run[1:-2] + github_run[1:] if not a.startswith("-")}:
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "budget.md").write_text(BAD, encoding="utf-8")
    assert main(sarif_run[1:-2]) == 0  # --fail-on never: the upload step still runs
    log = json.loads(capsys.readouterr().out)
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"core.doubled-word"}
    assert main(github_run[1:]) == 1  # the annotations step fails the check
    assert "::error file=" in capsys.readouterr().out
