"""``--fix`` never loses a word: however the write is interrupted, the draft holds either its
old bytes or its new ones, and no temporary file is left where newslint could clean up."""

from __future__ import annotations

import errno
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newslint import writer
from newslint.cli import main
from newslint.errors import InputError

Capsys = pytest.CaptureFixture[str]

DRAFT = "Bridge colour\n\nThe colour of the the bridge was chosen.\n"
FIXED = "Bridge color\n\nThe color of the bridge was chosen.\n"
PACK = "rules:\n  - id: spelling\n    type: substitution\n    swap: {colour: color}\n"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "r.yaml").write_text(PACK)
    (tmp_path / "d.txt").write_text(DRAFT)
    return tmp_path


def fix(capsys: Capsys, *paths: str) -> tuple[int, str]:
    code = main(
        ["--isolated", "--jobs", "1", "--style", "core", "--style", "house", "--fix", *paths]
    )
    return code, capsys.readouterr().err


class Patched:
    """A module whose named functions are replaced, for the writer alone (``writer.os``)."""

    def __init__(self, module: Any, **replaced: Any) -> None:
        self.__dict__.update(replaced)
        self._module = module

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".newslint"))


def test_a_fix_is_written(work: Path, capsys: Capsys) -> None:
    assert fix(capsys, "d.txt")[0] == 0
    assert (work / "d.txt").read_text() == FIXED
    assert temp_files(work) == []


@pytest.mark.parametrize(
    ("target", "error", "message", "status"),
    [
        ("os.replace", OSError(errno.EXDEV, "Invalid cross-device link"), "cannot write: "
         "Invalid cross-device link", 2),
        ("os.fsync", OSError(errno.ENOSPC, "No space left on device"), "cannot write: "
         "No space left on device", 2),
        ("os.chmod", OSError(errno.EPERM, "Operation not permitted"), "cannot write: "
         "Operation not permitted", 2),
        ("tempfile.mkstemp", OSError(errno.EROFS, "Read-only file system"), "cannot write: "
         "Read-only file system", 2),
        ("os.fsync", KeyboardInterrupt(), "interrupted", 130),
        ("os.replace", KeyboardInterrupt(), "interrupted", 130),
    ],
)  # fmt: skip
def test_a_write_that_fails_leaves_the_draft_as_it_was(
    work: Path,
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    error: BaseException,
    message: str,
    status: int,
) -> None:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise error

    module, name = target.split(".")
    monkeypatch.setattr(writer, module, Patched(getattr(writer, module), **{name: fail}))
    (work / "other.txt").write_text(DRAFT)
    code, err = fix(capsys, "d.txt", "other.txt")
    assert code == status
    assert (work / "d.txt").read_text() == DRAFT
    assert temp_files(work) == []
    if status == 2:  # the other draft is still fixed (and fails the same way)
        assert err.startswith(f"newslint: d.txt: {message}\nnewslint: other.txt: {message}\n")
    else:  # Ctrl-C stops the run at once
        assert err == "newslint: interrupted\n"


def test_a_write_cut_short_midway(
    work: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up halfway through the new bytes."""
    real_fdopen = os.fdopen

    class HalfFull:
        def __init__(self, fd: int, mode: str) -> None:
            self.fh = real_fdopen(fd, mode)

        def __enter__(self) -> HalfFull:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "os", Patched(os, fdopen=HalfFull))
    code, err = fix(capsys, "d.txt")
    assert (code, err) == (2, "newslint: d.txt: cannot write: No space left on device\n")
    assert (work / "d.txt").read_text() == DRAFT
    assert temp_files(work) == []


def test_a_save_while_the_new_bytes_are_written_is_not_overwritten(
    work: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last moment before the rename: the bytes were checked, then an editor saves."""
    real_fsync = os.fsync
    edited = "Bridge colour\n\nAn editor's own change, saved just now.\n"

    def fsync_then_save(fd: int) -> None:
        real_fsync(fd)
        time.sleep(0.01)  # a later modification time, even on a coarse clock
        (work / "d.txt").write_text(edited)

    monkeypatch.setattr(writer, "os", Patched(os, fsync=fsync_then_save))
    code, err = fix(capsys, "d.txt")
    assert (code, err) == (2, "newslint: d.txt: changed on disk since it was read; not fixed\n")
    assert (work / "d.txt").read_text() == edited
    assert temp_files(work) == []


def test_a_save_of_the_same_length_is_noticed_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "d.txt"
    draft.write_bytes(b"old text")
    real_chmod = os.chmod

    def chmod_then_save(path: str, mode: int) -> None:
        real_chmod(path, mode)
        draft.write_bytes(b"new text")  # same size; the inode's time changes
        os.utime(draft, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))

    monkeypatch.setattr(writer, "os", Patched(os, chmod=chmod_then_save))
    with pytest.raises(InputError, match="changed on disk"):
        writer.write_atomic(str(draft), b"fixed", expected=b"old text")
    assert draft.read_bytes() == b"new text"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o604, 0o755, 0o444])
def test_the_mode_is_kept(work: Path, capsys: Capsys, mode: int) -> None:
    (work / "d.txt").chmod(mode)
    read_only = [] if mode & stat.S_IWUSR else ["--fix-read-only"]  # else only reported
    assert fix(capsys, *read_only, "d.txt")[0] == 0
    assert (work / "d.txt").read_text() == FIXED
    assert stat.S_IMODE((work / "d.txt").stat().st_mode) == mode


# --- killed with SIGKILL at random moments -------------------------------------------------

KILLS = 10


def _big_draft() -> str:
    para = "The colour of the bridge was chosen by the council after a long debate.\n\n"
    return "Bridge colour\n\n" + para * 12_000  # about 900 KB


def _command(path: Path) -> list[str]:
    return [
        sys.executable, "-m", "newslint", "--isolated", "--jobs", "1", "--style", "house",
        "--fix", str(path),
    ]  # fmt: skip


def test_killed_at_any_moment_the_draft_is_old_or_new(tmp_path: Path) -> None:
    """SIGKILL cannot be caught: nothing cleans up, yet the draft is whole.

    Half the kills come at a random moment of the run, half just after the temporary file
    appears (while the new bytes are being written, or just after the rename).
    """
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "r.yaml").write_text(PACK)
    old = _big_draft().encode()
    draft = tmp_path / "d.txt"
    draft.write_bytes(old)
    done = subprocess.run(_command(draft), cwd=tmp_path, capture_output=True)
    assert done.returncode == 0, done.stderr
    new = draft.read_bytes()
    assert new != old and new == old.replace(b"colour", b"color")
    started = time.monotonic()
    subprocess.run(_command(draft), cwd=tmp_path, capture_output=True)  # a clean run's length
    length = time.monotonic() - started

    rng = random.Random(6)
    seen = {"old": 0, "new": 0}
    for n in range(KILLS):
        draft.write_bytes(old)
        for leftover in tmp_path.glob(".d.txt.*.newslint"):
            leftover.unlink()
        proc = subprocess.Popen(
            _command(draft), cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if n % 2:
            time.sleep(rng.uniform(0, length))
        else:
            deadline = time.monotonic() + 2 * length + 5
            while not any(tmp_path.glob(".d.txt.*")) and proc.poll() is None:
                if time.monotonic() > deadline:  # pragma: no cover - a stuck run
                    break
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, 0.003))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = draft.read_bytes()
        assert now in (old, new), f"kill {n}: the draft is neither old nor new"
        seen["old" if now == old else "new"] += 1
        names = [p.name for p in tmp_path.iterdir()]
        assert all(name in ("d.txt", "house") or name.endswith(".newslint") for name in names)
    assert seen["old"] > 0  # most kills land before the rename


def test_the_draft_is_untouched_whatever_part_of_the_new_bytes_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever part of the new bytes reached the temporary file, the draft is not touched
    until the rename, which is atomic."""
    draft = tmp_path / "d.txt"
    old, new = b"old words " * 100, b"new words " * 100
    draft.write_bytes(old)
    for cut in (0, 1, len(new) // 3, len(new) - 1):

        class Cut:
            def __init__(self, fd: int, mode: str, _cut: int = cut) -> None:
                self.fh, self.cut = os.fdopen(fd, mode), _cut

            def __enter__(self) -> Cut:
                return self

            def __exit__(self, *exc: object) -> None:
                self.fh.close()

            def write(self, data: bytes) -> int:
                self.fh.write(data[: self.cut])
                raise KeyboardInterrupt

        monkeypatch.setattr(writer, "os", Patched(os, fdopen=Cut))
        with pytest.raises(KeyboardInterrupt):
            writer.write_atomic(str(draft), new, expected=old)
        assert draft.read_bytes() == old
        assert temp_files(tmp_path) == []
