"""Never lose a word, round two: fixes built from the original text, every encoding written back
as read, what ``--fix`` keeps of a file, signals, and files that are not drafts."""

from __future__ import annotations

import codecs
import errno
import json
import os
import signal
import stat
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest

from conftest import run
from newslint import fix_text, lint_text, parallel, writer
from newslint.document import make_document
from newslint.errors import BinaryFileError
from newslint.rulefile import parse_rules
from newslint.source import decode
from newslint.style import Style
from newslint.violation import from_original

Capsys = pytest.CaptureFixture[str]

SWAPS = """\
rules:
  - id: ise
    type: substitution
    message: "write {replacement}"
    swap: {'(\\S+)ization': '\\1isation'}
  - id: colour
    type: substitution
    swap: {'colo\\S+r': 'color'}
  - id: our
    type: substitution
    swap: {'(\\S+)our': '\\1or'}
  - id: split
    type: substitution
    swap: {'plan, which': "plan.\\nIt"}
    wholeword: false
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "r.yaml").write_text(SWAPS)
    return tmp_path


def house(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--isolated", "--jobs", "1", "--style", "house", *argv)


# --- a fix never writes the mask character ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "draft", "fixed", "message"),
    [
        ("a.md", "The civil&shy;ization.\n", "The civil&shy;isation.\n", "write civil\xadisation"),
        (
            "b.html",
            "<p>An organ&#105;zation.</p>\n",
            "<p>An organ&#105;sation.</p>\n",
            "write organisation",
        ),
        ("c.html", "<p>A bright colo&#117;r.</p>\n", "<p>A bright color.</p>\n", None),
        ("d.md", "An arm&#111;ur plate.\n", "An arm&#111;r plate.\n", None),
    ],
)
def test_a_fix_is_built_from_the_original_text_not_the_masked_view(
    work: Path, capsys: Capsys, name: str, draft: str, fixed: str, message: str | None
) -> None:
    (work / name).write_text(draft)
    status, out, _ = house(capsys, "--format", "json", name)
    (report,) = json.loads(out)
    assert status == 0
    assert "\x00" not in out and "\\u0000" not in out
    assert report["found"] == draft[report["column"] - 1 : report["end_column"] - 1]
    if message is not None:
        assert report["message"] == message
    house(capsys, "--fix", name)
    assert (work / name).read_text() == fixed
    assert b"\x00" not in (work / name).read_bytes()


def test_a_fix_next_to_markup_shows_the_text_and_one_that_would_write_a_mask_is_none() -> None:
    rules = parse_rules(
        "rules:\n"
        "  - id: ise\n    type: substitution\n    swap: {'(\\S+)ization': '\\1isation'}\n"
        "  - id: strip\n    type: substitution\n    swap: {'rule(\\S+)book': '\\1'}\n",
        "r.yaml",
        "house",
    )
    style = Style(tuple(rules))
    text = "<p>The <b>civil</b>ization of the rule<i></i>book.</p>\n"
    ise, strip = lint_text(text, style=style, format="html")
    assert (ise.found, ise.replacement) == ("<b>civil</b>ization", "<b>civil</b>isation")
    assert (strip.found, strip.replacement) == ("rule<i></i>book", None)
    assert fix_text(text, style=style, format="html") == text  # never on masked text


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        (
            "don\x00\x00\x00\x00\x00\x00't",
            "don't",
        ),  # its character changed: rewritten whole
        ("do not", "do not"),  # the reference replaced with the rest
        ("don\x00\x00\x00\x00\x00\x00’t!", "don&rsquo;t!"),  # only the end changed
        ("do\x00n’t", None),  # a mask would be written: no fix
    ],
)
def test_a_replacement_is_rebuilt_around_a_reference(
    replacement: str, expected: str | None
) -> None:
    doc = make_document("They don&rsquo;t.", references=[((8, 15), "’")])
    assert doc.view[5:16] == "don\x00\x00\x00\x00\x00\x00’t"
    assert from_original(doc, 5, 16, replacement) == expected


# --- every encoding is read and written back as it was -----------------------------------------

DRAFT = "Ferry plan\n\nThe the ferry sails at noon.\n"
FIXED = "Ferry plan\n\nThe ferry sails at noon.\n"


@pytest.mark.parametrize(
    ("bom", "encoding", "option"),
    [
        (codecs.BOM_UTF32_LE, "utf-32-le", None),
        (codecs.BOM_UTF32_BE, "utf-32-be", None),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF32"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf_16"),
        (b"", "utf-16-le", "utf-16"),
    ],
)
def test_utf32_and_utf16_are_read_and_fixed_in_their_own_byte_order(
    work: Path, capsys: Capsys, bom: bytes, encoding: str, option: str | None
) -> None:
    (work / "d.txt").write_bytes(bom + DRAFT.encode(encoding))
    given = ["--encoding", option] if option else []
    status, out, err = run(capsys, "--isolated", "--jobs", "1", *given, "d.txt")
    assert (status, out, err) == (
        1,
        "d.txt:3:1: error core.doubled-word 'the' is repeated\n",
        "Found 1 violation (1 error) in 1 file.\n",
    )
    assert run(capsys, "--isolated", "--jobs", "1", *given, "--fix", "d.txt")[0] == 0
    assert (work / "d.txt").read_bytes() == bom + FIXED.encode(encoding)


def test_a_nul_anywhere_marks_a_file_binary(work: Path, capsys: Capsys) -> None:
    data = b"Ferry plan\n\n" + b"The ferry sails. " * 1000 + b"\x00 the the end.\n"
    (work / "d.txt").write_bytes(data)
    status, out, err = run(capsys, "--isolated", "--fix", "d.txt")
    assert (status, out) == (0, "")
    assert err == "newslint: d.txt: binary file (it holds NUL bytes); skipped\n"
    assert (work / "d.txt").read_bytes() == data
    with pytest.raises(BinaryFileError, match="NUL characters"):
        decode(codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "d.txt")


# --- line endings ---------------------------------------------------------------------------


def test_a_fix_that_changes_the_number_of_lines_keeps_each_line_ending(
    work: Path, capsys: Capsys
) -> None:
    data = b"Ferry plan\r\n\r\nOne line.\rThe plan, which sails.\nNext.\r\nLast.\r"
    fixed = b"Ferry plan\r\n\r\nOne line.\rThe plan.\nIt sails.\nNext.\r\nLast.\r"
    (work / "d.txt").write_bytes(data)
    status, out, _ = house(capsys, "--diff", "d.txt")
    assert status == 1
    assert out == (  # exactly what --fix writes: a CRLF line shows its CR, as git diff does
        "--- d.txt\n+++ d.txt\n@@ -1,5 +1,6 @@\n Ferry plan\r\n \r\n"
        "-One line.\rThe plan, which sails.\n"
        "+One line.\rThe plan.\n+It sails.\n"
        " Next.\r\n Last.\r\n\\ No newline at end of file\n"
    )
    house(capsys, "--fix", "d.txt")
    assert (work / "d.txt").read_bytes() == fixed


def test_endings_carried_over_lines_added_and_removed() -> None:
    source = decode(b"Head\r\n\r\nOne.\rTwo\nLast.\r\nEnd\r", "d.txt")
    assert source.encode(source.text.replace("One.\n", "")) == b"Head\r\n\r\nTwo\nLast.\r\nEnd\r"
    assert source.encode(source.text.replace("Two\n", "Two\nMore\n")) == (
        b"Head\r\n\r\nOne.\rTwo\nMore\nLast.\r\nEnd\r"
    )
    assert source.encode(source.text + "\nNew") == b"Head\r\n\r\nOne.\rTwo\nLast.\r\nEnd\r\rNew"


# --- what --fix keeps -------------------------------------------------------------------------

PACK = "rules:\n  - id: spelling\n    type: substitution\n    swap: {colour: color}\n"
OLD = "Bridge colour\n\nThe colour of the bridge was chosen.\n"
NEW = "Bridge color\n\nThe color of the bridge was chosen.\n"


@pytest.fixture
def bridge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "r.yaml").write_text(PACK)
    (tmp_path / "d.txt").write_text(OLD)
    return tmp_path


def fix(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--isolated", "--jobs", "1", "--style", "house", "--fix", *argv)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*") if ".newslint" in p.name)


def test_a_hard_linked_draft_is_fixed_in_place_and_both_names_see_it(
    bridge: Path, capsys: Capsys
) -> None:
    os.link("d.txt", "other.txt")
    inode = os.stat("d.txt").st_ino
    assert fix(capsys, "d.txt") == (0, "", "Fixed 2 violations in 1 file.\n")
    assert (bridge / "other.txt").read_text() == NEW
    assert (os.stat("d.txt").st_ino, os.stat("d.txt").st_nlink) == (inode, 2)
    assert leftovers(bridge) == []


def test_a_failed_in_place_write_puts_the_old_text_back(
    bridge: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.link("d.txt", "other.txt")
    real = writer._overwrite
    calls = []

    def half_then_full_disk(path: str, data: bytes) -> None:
        calls.append(data)
        if len(calls) == 1:
            Path(path).write_bytes(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(writer, "_overwrite", half_then_full_disk)
    status, _, err = fix(capsys, "d.txt")
    assert (status, err) == (2, "newslint: d.txt: cannot write: No space left on device\n")
    assert (bridge / "other.txt").read_text() == OLD
    assert leftovers(bridge) == []


def _acl(*entries: tuple[int, int, int]) -> bytes:
    """A POSIX ACL as Linux stores it in ``system.posix_acl_access``."""
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


def test_extended_attributes_and_acls_are_kept(bridge: Path, capsys: Capsys) -> None:
    anyone = 0xFFFFFFFF
    acl = _acl((1, 6, anyone), (2, 6, 1234), (4, 4, anyone), (0x10, 6, anyone), (0x20, 4, anyone))
    try:
        os.setxattr("d.txt", "user.origin", b"wire copy")
        os.setxattr("d.txt", "system.posix_acl_access", acl)
    except OSError as exc:  # pragma: no cover - a file system without them
        pytest.skip(f"no extended attributes here: {exc}")
    inode = os.stat("d.txt").st_ino
    assert fix(capsys, "d.txt")[0] == 0
    assert os.stat("d.txt").st_ino != inode  # a new file, renamed over the draft
    assert (bridge / "d.txt").read_text() == NEW
    assert os.getxattr("d.txt", "user.origin") == b"wire copy"
    assert os.getxattr("d.txt", "system.posix_acl_access") == acl


def test_an_attribute_that_cannot_be_kept_stops_the_fix(
    bridge: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.setxattr("d.txt", "user.origin", b"wire copy")

    def refuse(*args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "setxattr", refuse)
    status, _, err = fix(capsys, "d.txt")
    assert status == 2
    assert err == (
        "newslint: d.txt: cannot keep its extended attribute 'user.origin' "
        "(operation not permitted); not fixed\n"
    )
    assert (bridge / "d.txt").read_text() == OLD
    assert leftovers(bridge) == []


@pytest.mark.parametrize(
    ("paths", "link"),
    [
        (["news"], True),  # news/a.txt and news/b.txt -> a.txt
        (["./news/a.txt", "news"], False),
        (["news/a.txt", "news/b.txt"], True),
    ],
)
def test_a_draft_reached_by_two_names_is_fixed_once(
    bridge: Path, capsys: Capsys, paths: list[str], link: bool
) -> None:
    (bridge / "news").mkdir()
    (bridge / "news" / "a.txt").write_text(OLD)
    if link:
        os.symlink("a.txt", "news/b.txt")
    assert fix(capsys, *paths) == (0, "", "Fixed 2 violations in 1 file.\n")
    assert (bridge / "news" / "a.txt").read_text() == NEW


def test_fix_on_a_folder_does_not_follow_a_symlink_out_of_it(bridge: Path, capsys: Capsys) -> None:
    (bridge / "proj").mkdir()
    (bridge / "outside").mkdir()
    (bridge / "outside" / "victim.txt").write_text(OLD)
    os.symlink("../outside/victim.txt", "proj/notes.txt")
    (bridge / "proj" / "own.txt").write_text(OLD)
    os.symlink("own.txt", "proj/alias.txt")  # inside the tree: the same draft, once
    assert fix(capsys, "proj") == (0, "", "Fixed 2 violations in 1 file.\n")
    assert (bridge / "outside" / "victim.txt").read_text() == OLD
    assert (bridge / "proj" / "own.txt").read_text() == NEW
    # Named on the command line, a symlink is followed: the user asked for that file.
    assert fix(capsys, "proj/notes.txt") == (0, "", "Fixed 2 violations in 1 file.\n")
    assert (bridge / "outside" / "victim.txt").read_text() == NEW


def test_a_read_only_draft_is_skipped_with_a_notice_unless_asked(
    bridge: Path, capsys: Capsys
) -> None:
    os.chmod("d.txt", 0o444)
    status, out, err = run(capsys, "--isolated", "--style", "house", "--fix", "d.txt")
    assert (bridge / "d.txt").read_text() == OLD
    assert status == 0
    assert out == (
        "d.txt:1:8: warning house.spelling Use 'color' rather than 'colour'\n"
        "d.txt:3:5: warning house.spelling Use 'color' rather than 'colour'\n"
    )
    assert err == (
        "newslint: d.txt: read-only; not fixed (--fix-read-only fixes it)\n"
        "Found 2 violations (2 warnings) in 1 file.\n"
    )
    assert fix(capsys, "--fix-read-only", "d.txt") == (0, "", "Fixed 2 violations in 1 file.\n")
    assert (bridge / "d.txt").read_text() == NEW
    assert stat.S_IMODE(os.stat("d.txt").st_mode) == 0o444


# --- signals and processes ----------------------------------------------------------------------


def _newslint(*argv: str) -> list[str]:
    return [sys.executable, "-m", "newslint", "--isolated", *argv]


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    kids.append(int(entry.name))
    return kids


def _wait_for(test: Callable[[], object], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not test():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.002)


@pytest.mark.parametrize(
    ("signum", "name"), [(signal.SIGTERM, "SIGTERM"), (signal.SIGHUP, "SIGHUP")]
)
def test_a_signal_during_the_write_removes_the_temporary_file(
    bridge: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, signum: int, name: str
) -> None:
    """The command's own handlers (as ``newslint`` installs them), the signal sent to this
    process while the new bytes are being flushed to the temporary file."""
    real_fsync = os.fsync
    seen: list[list[str]] = []

    def fsync_then_signal(fd: int) -> None:
        real_fsync(fd)
        seen.append(leftovers(bridge))
        os.kill(os.getpid(), signum)

    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    monkeypatch.setattr(writer, "os", Patched(os, fsync=fsync_then_signal))
    try:
        parallel.catch_termination()
        status, _, err = fix(capsys, "d.txt")
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)
    assert seen and seen[0] and seen[0][0].startswith(f".d.txt.{os.getpid()}-")
    assert (status, err) == (128 + signum, f"newslint: terminated ({name})\n")
    assert (bridge / "d.txt").read_text() == OLD
    assert leftovers(bridge) == []


class Patched:
    """A module whose named functions are replaced, for the writer alone (``writer.os``)."""

    def __init__(self, module: object, **replaced: object) -> None:
        self.__dict__.update(replaced)
        self._module = module

    def __getattr__(self, name: str) -> object:
        return getattr(self._module, name)


def test_the_next_run_removes_temporary_files_a_killed_run_left(
    bridge: Path, capsys: Capsys
) -> None:
    stale = bridge / ".d.txt.4194999-k1ll3d.newslint"  # no such process
    live = bridge / f".d.txt.{os.getpid()}-w0rk.newslint"  # a run still going
    copy = bridge / ".d.txt.4194999-k1ll3d.newslint-copy"  # the fixed text of a cut write
    for path in (stale, live, copy):
        path.write_text("half")
    assert fix(capsys, "d.txt")[0] == 0
    assert not stale.exists()
    assert live.exists() and copy.exists()


def _many(folder: Path, count: int = 24) -> None:
    (folder / "many").mkdir()
    para = "The colour of the bridge was chosen by the council after a long debate.\n\n"
    for i in range(count):
        (folder / "many" / f"d{i:02}.txt").write_text("Bridge colour\n\n" + para * 3000)


@pytest.mark.parametrize(
    ("signum", "message"),
    [(signal.SIGINT, "interrupted"), (signal.SIGTERM, "terminated (SIGTERM)")],
)
def test_a_signal_during_jobs_stops_the_workers_with_one_line(
    bridge: Path, signum: int, message: str
) -> None:
    _many(bridge)
    proc = subprocess.Popen(
        _newslint("--jobs", "2", "--style", "house", "many"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # Ctrl-C signals the whole group: parent and workers
    )
    _wait_for(lambda: len(_children(proc.pid)) >= 2 or proc.poll() is not None)
    workers = _children(proc.pid)
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    assert (proc.returncode, err) == (128 + signum, f"newslint: {message}\n".encode())
    _wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), 5)


def test_jobs_are_capped_by_the_cores_and_the_drafts(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []

    def ordered_map(job: Callable[[int], int], items: Iterable[int], jobs: int) -> Iterator[int]:
        started.append(jobs)
        return map(job, items)

    monkeypatch.setattr(parallel, "ordered_map", ordered_map)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    assert parallel.max_jobs() == 8
    assert len(list(parallel.paired(abs, range(100), 5000))) == 100
    assert len(list(parallel.paired(abs, range(20), 5000))) == 20
    assert len(list(parallel.paired(abs, range(6), 5000))) == 6
    assert started == [8, 8, 1]
    monkeypatch.setattr(parallel, "default_jobs", lambda: 16)
    list(parallel.paired(abs, range(20), 5000))
    assert started[-1] == 20


# --- files that are not drafts ------------------------------------------------------------------


def test_only_regular_files_are_read(bridge: Path, capsys: Capsys) -> None:
    os.mkfifo("pipe.txt")
    status, out, err = run(capsys, "--isolated", "pipe.txt", "/dev/zero", "d.txt")
    assert (status, out) == (0, "")
    assert err == (
        "newslint: /dev/zero: not a regular file (a character device); skipped\n"
        "newslint: pipe.txt: not a regular file (a FIFO); skipped\n"
        "No violations in 1 file.\n"
    )


def test_a_draft_over_the_size_limit_is_skipped_unless_the_limit_is_raised(
    bridge: Path, capsys: Capsys
) -> None:
    (bridge / "big.txt").write_text("Head\n\n" + "The the end. " * 200)
    status, out, err = run(capsys, "--isolated", "--max-file-size", "0.002", "big.txt")
    assert (status, out) == (0, "")
    assert err == (
        "newslint: big.txt: larger than 0.002 MB (0.0 MB); skipped "
        "(--max-file-size raises the limit)\n"
    )
    assert run(capsys, "--isolated", "--max-file-size", "0", "big.txt")[0] == 1
    with pytest.raises(SystemExit) as exit:
        run(capsys, "--isolated", "--max-file-size", "lots", "big.txt")
    assert exit.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "newslint: argument --max-file-size: must be a number of megabytes, not 'lots'"
    )


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_regular_file_whose_size_says_nothing_is_read_whole_within_the_limit() -> None:
    from newslint.source import read_bytes

    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    data = read_bytes(str(status))
    assert data.startswith(b"Name:") and data.endswith(b"\n") and len(data) > 200
    with pytest.raises(BinaryFileError, match=r"larger than 0\.0001 MB"):
        read_bytes(str(status), 100)


def test_full_format_shows_a_window_of_a_long_line(bridge: Path, capsys: Capsys) -> None:
    line = "Words go on. " * 20_000 + "The the end. " + "More words here. " * 20_000
    (bridge / "long.txt").write_text("Head\n\n" + line + "\n")
    status, out, _ = run(capsys, "--isolated", "--format", "full", "long.txt")
    column = len("Words go on. " * 20_000) + 1
    assert status == 1
    head, _, shown, carets, *_ = out.split("\n")
    assert head == f"long.txt:3:{column}: error core.doubled-word 'the' is repeated"
    assert shown == "3 | …" + line[column - 41 : column - 1 + 7 + 40] + "…"
    assert carets == "  | " + " " * 41 + "^" * 7  # under the span, past the "…"
    assert len(out) < 1000


def test_file_names_that_would_break_a_report_are_escaped(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("Head\n\nThe the end.\n")
    (tmp_path / "new\nline.txt").write_text("Head\n\nThe the end.\n")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        _newslint("--format", "json", "."), cwd=tmp_path, capture_output=True, env=env
    )
    report = json.loads(done.stdout.decode("utf-8"))  # valid UTF-8, valid JSON
    assert [v["path"] for v in report] == [os.fsdecode(b"caf\xe9.txt"), "new\nline.txt"]
    done = subprocess.run(_newslint("."), cwd=tmp_path, capture_output=True, env=env)
    assert done.stdout.splitlines() == [
        b"caf\xe9.txt:3:1: error core.doubled-word 'the' is repeated",
        b"new\\nline.txt:3:1: error core.doubled-word 'the' is repeated",
    ]


def test_a_newline_in_a_file_name_does_not_split_a_message(bridge: Path, capsys: Capsys) -> None:
    (bridge / "new\nline.txt").write_bytes(b"\x00binary")
    (bridge / "read\nonly.txt").write_text(OLD)
    os.chmod("read\nonly.txt", 0o444)
    status, _, err = fix(capsys, "new\nline.txt", "read\nonly.txt")
    assert status == 0
    assert err == (
        "newslint: new\\nline.txt: binary file (it holds NUL bytes); skipped\n"
        "newslint: read\\nonly.txt: read-only; not fixed (--fix-read-only fixes it)\n"
        "Found 2 violations (2 warnings) in 1 file.\n"
    )
