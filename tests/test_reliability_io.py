"""Never lose a word, round two: fixes built from the original text, every encoding written back
as read, what ``--fix`` keeps of a file, signals, and files that are not drafts."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from conftest import run
from newslint import fix_text, lint_text
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
