"""Reading drafts: encodings, byte-order marks, line endings, and what cannot be read."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.errors import BinaryFileError, InputError
from newslint.source import decode


@pytest.mark.parametrize(
    ("data", "encoding", "text", "bom", "newline"),
    [
        (b"Caf\xc3\xa9\nx", None, "Café\nx", b"", "\n"),
        (codecs.BOM_UTF8 + b"Caf\xc3\xa9\r\nx", None, "Café\nx", codecs.BOM_UTF8, "\r\n"),
        (
            codecs.BOM_UTF16_LE + "Café\r\nx".encode("utf-16-le"),
            None,
            "Café\nx",
            codecs.BOM_UTF16_LE,
            "\r\n",
        ),
        ("Café\rx".encode("latin-1"), "latin-1", "Café\nx", b"", "\r"),
        (codecs.BOM_UTF8 + b"x", "utf-8-sig", "x", codecs.BOM_UTF8, "\n"),
    ],
)
def test_decode_and_encode_back(
    data: bytes, encoding: str | None, text: str, bom: bytes, newline: str
) -> None:
    source = decode(data, "d.txt", encoding)
    assert (source.text, source.bom, source.newline) == (text, bom, newline)
    assert source.encode(source.text) == data


def test_a_fix_keeps_each_line_ending() -> None:
    source = decode(b"One\r\nTwo\nThree\r", "d.txt")
    assert source.encode(source.text.replace("Two", "2")) == b"One\r\n2\nThree\r"


@pytest.mark.parametrize(
    ("data", "encoding", "error", "message"),
    [
        (
            b"Head\n\xffbad",
            None,
            InputError,
            "d.txt: not valid utf-8: byte 0xff at offset 5 "
            "(use --encoding to name the file's encoding)",
        ),
        (
            codecs.BOM_UTF8 + b"\xc3(",
            None,
            InputError,
            "d.txt: not valid utf-8: byte 0xc3 at offset 3 "
            "(use --encoding to name the file's encoding)",
        ),
        (
            b"GIF89a\x00\x01",
            None,
            BinaryFileError,
            "d.txt: binary file (it holds NUL bytes); skipped",
        ),
        (b"x", "no-such-codec", InputError, "d.txt: unknown encoding 'no-such-codec'"),
    ],
)
def test_unreadable_input(
    data: bytes, encoding: str | None, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as err:
        decode(data, "d.txt", encoding)
    assert type(err.value) is error
    assert str(err.value) == message


def test_cli_skips_binary_files_and_fails_on_undecodable_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("image.txt").write_bytes(b"\x89PNG\x00\x00")
    Path("latin.txt").write_bytes("Head\n\nCafé was was shut.\n".encode("latin-1"))
    assert main(["image.txt", "latin.txt"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "newslint: image.txt: binary file (it holds NUL bytes); skipped\n" in err
    assert "newslint: latin.txt: not valid utf-8: byte 0xe9 at offset 9" in err
    assert main(["--encoding", "latin-1", "latin.txt"]) == 1
    assert capsys.readouterr().out == "latin.txt:3:6: error core.doubled-word 'was' is repeated\n"
