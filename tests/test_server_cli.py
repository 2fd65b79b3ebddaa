"""``newslint server`` without its extra, and the linter's independence from the server.

These need no pygls: they check what happens when it is missing, and that nothing but
``newslint server`` imports it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newslint import cli
from newslint.server.positions import UTF8, UTF16, UTF32, Lines, code_points, width


def test_server_without_the_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)  # import pygls raises ImportError
    assert cli.main(["server"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "newslint: the language server needs the 'server' extra: pip install 'newslint[server]'\n"
    )


def test_server_rejects_an_unknown_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["server", "--tcp"])
    assert stop.value.code == 2
    assert "newslint: unrecognized arguments: --tcp\n" in capsys.readouterr().err


def test_linting_never_imports_the_server(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("The the council met.\n", encoding="utf-8")
    program = (
        "import sys\n"
        "from newslint.cli import main\n"
        f"status = main([{str(draft)!r}])\n"
        "server = ('pygls', 'lsprotocol', 'cattrs', 'newslint.server')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(server))\n"
        "print(status, loaded)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert run.stdout.splitlines()[-1] == "1 []"


def test_widths_of_an_emoji_and_accented_letters() -> None:
    text = "naïve 😀"
    assert (width(text, UTF32), width(text, UTF16), width(text, UTF8)) == (7, 8, 11)


def test_positions_both_ways_after_an_emoji() -> None:
    lines = Lines("Café\nThe naïve 😀 plan was was agreed")
    start = lines.text.index("was was")
    assert lines.position(start, UTF32) == (1, 17)
    assert lines.position(start, UTF16) == (1, 18)
    assert lines.position(start, UTF8) == (1, 21)
    for encoding, character in ((UTF32, 17), (UTF16, 18), (UTF8, 21)):
        assert lines.offset(1, character, encoding) == start
    assert lines.end(UTF16) == (1, len("The naïve 😀 plan was was agreed") + 1)


def test_a_position_inside_a_character_falls_back_to_its_start() -> None:
    line = "a😀b"
    assert code_points(line, 2, UTF16) == 1  # between the halves of the surrogate pair
    assert code_points(line, 3, UTF8) == 1  # inside the emoji's four bytes
    assert code_points(line, 99, UTF16) == 3
    lines = Lines(line)
    assert lines.offset(5, 0, UTF16) == 3  # past the last line: the end
