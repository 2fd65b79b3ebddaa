"""Hostile input: odd encodings, huge and deeply nested drafts, bad paths, broken rule files and
patterns that never finish.  Each gets a clear message or a notice, never a traceback, and the
other files of the run are still linted."""

from __future__ import annotations

import builtins
import codecs
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newslint import lint_text, load_style
from newslint.cli import main
from newslint.engine import RULE_TIMEOUT
from newslint.errors import RuleFileError
from newslint.formats import markdown
from newslint.rulefile import load_rule_file, parse_rules
from newslint.style import Style

Capsys = pytest.CaptureFixture[str]

DRAFT = "Bridge opens\n\nThe the bridge opened on Monday.\n"
REPORT = "{}:3:1: error core.doubled-word 'the' is repeated\n"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: Capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--isolated", "--jobs", "1", *args])
    out, err = capsys.readouterr()
    return code, out, err


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        DRAFT.encode("utf-8"),
        codecs.BOM_UTF8 + DRAFT.encode("utf-8"),
        codecs.BOM_UTF16_LE + DRAFT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + DRAFT.encode("utf-16-be"),
        codecs.BOM_UTF16_LE + DRAFT.replace("\n", "\r\n").encode("utf-16-le"),
        DRAFT.replace("\n", "\r\n").encode("utf-8"),
        DRAFT.replace("\n", "\r").encode("utf-8"),
        b"Bridge opens\r\n\rThe the bridge opened on Monday.\n",
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-16-crlf", "crlf", "cr", "mixed"],
)
def test_every_encoding_and_line_ending_gives_the_same_report(
    work: Path, capsys: Capsys, data: bytes
) -> None:
    Path("draft.txt").write_bytes(data)
    assert run(capsys, "draft.txt") == (1, REPORT.format("draft.txt"), _summary(1))


def _summary(errors: int, files: int = 1) -> str:
    violations = "violation" if errors == 1 else "violations"
    errs = "error" if errors == 1 else "errors"
    return f"Found {errors} {violations} ({errors} {errs}) in {files} file{'s' * (files > 1)}.\n"


def test_an_undecodable_file_is_reported_and_the_others_are_linted(
    work: Path, capsys: Capsys
) -> None:
    Path("a.txt").write_text(DRAFT)
    Path("b.txt").write_bytes(b"Bridge\n\nOpen\xff the the.\n")  # 0xff at byte 12
    Path("c.txt").write_text(DRAFT)
    code, out, err = run(capsys, "c.txt", "b.txt", "a.txt")
    assert code == 2
    assert out == REPORT.format("a.txt") + REPORT.format("c.txt")
    assert err.splitlines()[0] == (
        "newslint: b.txt: not valid utf-8: byte 0xff at offset 12 "
        "(use --encoding to name the file's encoding)"
    )
    # --encoding names the file's encoding and it is linted like any other.
    code, out, _ = run(capsys, "--encoding", "latin-1", "b.txt")
    assert (code, out) == (1, "b.txt:3:7: error core.doubled-word 'the' is repeated\n")


def test_an_undecodable_utf16_file_gives_its_byte_offset(work: Path, capsys: Capsys) -> None:
    data = codecs.BOM_UTF16_LE + "Head\n\nx".encode("utf-16-le") + b"\x00\xd8" + b"a\x00"
    Path("u.txt").write_bytes(data)
    code, out, err = run(capsys, "u.txt")
    assert (code, out) == (2, "")
    assert err.startswith("newslint: u.txt: not valid utf-16-le: byte 0x00 at offset 16 ")


def test_utf16_without_a_bom_is_binary_unless_named(work: Path, capsys: Capsys) -> None:
    Path("u.txt").write_bytes(DRAFT.encode("utf-16-le"))
    assert run(capsys, "u.txt") == (
        0,
        "",
        "newslint: u.txt: binary file (it holds NUL bytes); skipped\n",
    )
    code, out, _ = run(capsys, "--encoding", "utf-16-le", "u.txt")
    assert (code, out) == (1, REPORT.format("u.txt"))


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def test_binary_files_are_skipped_with_a_notice_and_do_not_change_the_status(
    work: Path, capsys: Capsys
) -> None:
    Path("photo.txt").write_bytes(PNG)
    Path("nul.md").write_bytes(b"Head\n\nText\x00more\n")
    Path("clean.txt").write_text("Bridge opens\n\nThe bridge opened on Monday.\n")
    code, out, err = run(capsys, "photo.txt", "nul.md", "clean.txt")
    assert (code, out) == (0, "")
    assert err == (
        "newslint: nul.md: binary file (it holds NUL bytes); skipped\n"
        "newslint: photo.txt: binary file (it holds NUL bytes); skipped\n"
        "No violations in 1 file.\n"
    )
    Path("dirty.txt").write_text(DRAFT)
    code, out, _ = run(capsys, "photo.txt", "dirty.txt")
    assert (code, out) == (1, REPORT.format("dirty.txt"))


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, b"\n\n\n", b" \t\r\n", codecs.BOM_UTF16_LE])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_empty_files_are_clean(work: Path, capsys: Capsys, data: bytes, suffix: str) -> None:
    Path("empty" + suffix).write_bytes(data)
    assert run(capsys, "empty" + suffix) == (0, "", "No violations in 1 file.\n")


# --- size and shape (small sizes; benchmarks/hostile.py times the large ones) ---------------

STYLE = load_style(["core"])


def _maps_back(text: str, fmt: str) -> list[Any]:
    found = lint_text(text, style=STYLE, format=fmt)
    for v in found:
        assert text[v.start : v.end] == v.found
    return found


def test_one_long_line() -> None:
    text = "A line. " * 40_000 + "The the end."
    found = _maps_back(text, "text")
    assert [(v.rule, v.line, v.column) for v in found] == [("core.doubled-word", 1, 320_001)]


@pytest.mark.parametrize("depth", [60, 500, 3000])
def test_deeply_nested_markdown_lists_fall_back_to_plain_text(depth: int) -> None:
    lists = "".join("  " * level + "- item\n" for level in range(depth))
    text = f"# Lists\n\n{lists}\nThe the end.\n"
    found = _maps_back(text, "markdown")
    assert [(v.rule, v.line) for v in found] == [
        ("newslint.markdown-nesting", 1),
        ("core.doubled-word", depth + 4),
    ]
    assert found[0].severity == "warning"
    assert found[0].message == (
        "the Markdown nests block quotes or lists too deeply to read (over 100 levels); "
        "this draft was checked as plain text"
    )


@pytest.mark.parametrize("depth", [97, 500, 5000])
def test_deeply_nested_block_quotes(depth: int) -> None:
    text = "# Quotes\n\n" + "> " * depth + "Deep down.\n\nThe the end.\n"
    found = _maps_back(text, "markdown")
    rules = [v.rule for v in found]
    assert rules[-1] == "core.doubled-word" and found[-1].line == 5
    assert ("newslint.markdown-nesting" in rules) == (depth > 97)


def test_nesting_within_the_limit_is_read_as_markdown() -> None:
    """Nothing is skipped silently: text after nested blocks is still checked."""
    lists = "".join("  " * level + "- item\n" for level in range(40))
    text = f"# Lists\n\n{lists}\n`the the` is code.\n\nThe the end.\n"
    found = _maps_back(text, "markdown")
    assert [(v.rule, v.line) for v in found] == [("core.doubled-word", 46)]


def test_a_recursion_error_in_the_markdown_parser_falls_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Deep:
        def parse(self, text: str) -> list[Any]:
            raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(markdown, "_parser", lambda: Deep())
    found = _maps_back("# Head\n\nThe the end.\n", "markdown")
    assert [v.rule for v in found] == ["newslint.markdown-nesting", "core.doubled-word"]


def test_deeply_nested_html() -> None:
    depth = 3000
    text = "<h1>Deep</h1>" + "<div><blockquote>" * depth + "<p>The the end.</p>"
    text += "</blockquote></div>" * depth
    found = _maps_back(text, "html")
    assert [(v.rule, v.column) for v in found] == [("core.doubled-word", 14 + 17 * depth + 3)]


def test_thousands_of_quotation_marks() -> None:
    text = "Marks\n\n" + "he said \"yes 'no “maybe ‘so ’ ' \" ” 'tis " * 2000 + "\n"
    _maps_back(text, "text")
    text = "Marks\n\n" + " 'word" * 20_000 + "\n"
    found = _maps_back(text, "text")
    assert all(v.rule != "core.doubled-word" for v in found)


def test_thousands_of_unbalanced_brackets() -> None:
    text = "Brackets\n\n" + ")" * 3 + "(" * 5000 + ")" * 10 + "\n"
    found = _maps_back(text, "text")
    unbalanced = [v for v in found if v.rule == "core.unbalanced-quotes"]
    assert len(unbalanced) == 5000 - 10 + 3
    assert unbalanced[0].message == "')' is not matched by '(' in this paragraph"
    assert unbalanced[-1].message == "'(' is not matched by ')' in this paragraph"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_unclosed_markup_everywhere(fmt: str) -> None:
    text = "Head\n\n" + "a `b *c _d [e <!-- f <p &amp &#99999999; " * 3000 + "\n"
    _maps_back(text, fmt)


# --- paths ----------------------------------------------------------------------------------


def test_a_missing_file_is_reported_and_the_others_are_linted(work: Path, capsys: Capsys) -> None:
    Path("a.txt").write_text(DRAFT)
    code, out, err = run(capsys, "nope.txt", "a.txt")
    assert (code, out) == (2, REPORT.format("a.txt"))
    assert err.splitlines()[0] == "newslint: nope.txt: no such file or directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_file_by_its_mode(work: Path, capsys: Capsys) -> None:
    Path("secret.txt").write_text(DRAFT)
    Path("secret.txt").chmod(0)
    Path("a.txt").write_text(DRAFT)
    code, out, err = run(capsys, "secret.txt", "a.txt")
    assert (code, out) == (2, REPORT.format("a.txt"))
    assert err.splitlines()[0] == "newslint: secret.txt: permission denied"


def test_an_unreadable_file(work: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as above where the tests run as root: opening the file fails as it would."""
    real_open = builtins.open

    def guarded(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    Path("secret.txt").write_text(DRAFT)
    Path("a.txt").write_text(DRAFT)
    code, out, err = run(capsys, "secret.txt", "a.txt")
    assert (code, out) == (2, REPORT.format("a.txt"))
    assert err.splitlines()[0] == "newslint: secret.txt: permission denied"


def test_a_folder_with_symlink_loops(work: Path, capsys: Capsys) -> None:
    Path("news/sub").mkdir(parents=True)
    Path("news/sub/draft.txt").write_text(DRAFT)
    os.symlink("..", "news/sub/up")  # a loop of folders
    os.symlink("b.txt", "news/a.txt")  # a loop of files
    os.symlink("a.txt", "news/b.txt")
    os.symlink("nowhere.txt", "news/dangling.txt")
    code, out, err = run(capsys, "news")
    assert (code, out, err) == (1, REPORT.format("news/sub/draft.txt"), _summary(1))
    code, out, err = run(capsys, "news/a.txt", "news/sub/up/sub/draft.txt")
    assert (code, out) == (2, REPORT.format("news/sub/up/sub/draft.txt"))
    assert err.splitlines()[0] == (
        "newslint: news/a.txt: cannot read: Too many levels of symbolic links"
    )


def test_names_with_spaces_and_accents_are_printed_as_given(work: Path, capsys: Capsys) -> None:
    folder = Path("Desk – news é")
    folder.mkdir()
    (folder / "my draft ü.txt").write_text(DRAFT)
    (folder / "Überschrift 2.md").write_text(DRAFT.replace("Bridge", "# Bridge"))
    code, out, _ = run(capsys, "Desk – news é")
    assert (code, out) == (
        1,
        REPORT.format("Desk – news é/my draft ü.txt")
        + REPORT.format("Desk – news é/Überschrift 2.md"),
    )
    code, out, _ = run(capsys, "./Desk – news é/../Desk – news é/my draft ü.txt")
    assert out == REPORT.format("./Desk – news é/../Desk – news é/my draft ü.txt")


def test_a_file_name_that_is_not_utf8(work: Path) -> None:
    """Printed as its bytes (a URI escapes them), in every format, by the command itself."""
    name = Path(os.fsdecode(b"caf\xe9.txt"))  # a name written on a Latin-1 system
    name.write_text(DRAFT)
    try:
        outputs = {}
        for fmt in ("text", "json", "sarif", "github", "junit", "full"):
            done = subprocess.run(
                [sys.executable, "-m", "newslint", "--isolated", "--format", fmt, "."],
                capture_output=True,
                env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            )
            assert (done.returncode, fmt) == (1, fmt), done.stderr
            outputs[fmt] = done.stdout
        assert outputs["text"] == REPORT.format("caf\xe9.txt").encode("latin-1")
        assert b'"uri": "caf%E9.txt"' in outputs["sarif"]
        done = subprocess.run(
            [sys.executable, "-m", "newslint", "--isolated", "."],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
        )
        assert done.returncode == 1, done.stderr
        assert done.stdout == REPORT.format("caf\\udce9.txt").encode()
    finally:
        name.unlink()  # pytest cannot clean up a name that is not UTF-8


# --- rule files written by hand -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: !!python/object/apply:os.system"
            " ['echo hi']\n",
            "r.yaml:4: invalid YAML: the tag '!!python/object/apply:os.system' is not allowed "
            "(a rule file holds plain data only)",
        ),
        (
            "rules: !!python/name:os.system\n",
            "r.yaml:1: invalid YAML: the tag '!!python/name:os.system' is not allowed "
            "(a rule file holds plain data only)",
        ),
        (
            "rules: !house [a]\n",
            "r.yaml:1: invalid YAML: the tag '!house' is not allowed (a rule file holds plain "
            "data only)",
        ),
        ("[rules]\n", "r.yaml:1: a rule file must be a mapping with a 'rules:' list"),
        ("# nothing yet\n", "r.yaml:1: a rule file must be a mapping with a 'rules:' list"),
        ("rules:\n", "r.yaml:1: 'rules' must be a list"),
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: [a]\n    message: [1, 2, 3, 4, "
            "5, 6]\n",
            "r.yaml:5: rule 'x': 'message' must be a string; got [1, 2, 3, 4, ...]",
        ),
    ],
)
def test_more_rule_file_errors(text: str, message: str) -> None:
    with pytest.raises(RuleFileError) as err:
        parse_rules(text, "r.yaml", "p")
    assert str(err.value) == message


TABS = " (YAML does not allow tabs for indenting: use spaces)"


@pytest.mark.parametrize(
    ("text", "where", "ending"),
    [
        ("rules:\n\t- id: x\n", r"r\.yaml:2", TABS),
        ("rules:\n  - id: x\n    type: existence\n\ttokens: [a]\n", r"r\.yaml:4", TABS),
        # PyYAML's C parser stops at a nesting depth it names; the Python one runs out of stack
        ("rules: " + "[" * 3000 + "]" * 3000, r"r\.yaml(:1)?", ""),
    ],
)
def test_rule_files_that_are_not_yaml(text: str, where: str, ending: str) -> None:
    """newslint's part of the message: the file, the line where there is one, 'invalid YAML',
    and its own advice.  What PyYAML says between them is its own and differs between releases.
    """
    with pytest.raises(RuleFileError) as err:
        parse_rules(text, "r.yaml", "p")
    message = str(err.value)
    # the file (and line), then that it is not YAML, then what is wrong, then any advice
    assert re.fullmatch(rf"{where}: invalid YAML: [^\n]+{re.escape(ending)}", message), message


def _alias_bomb(levels: int) -> str:
    """YAML whose last anchor stands for 10 ** levels strings, in a few hundred bytes."""
    anchors = ["&l1 [x, x, x, x, x, x, x, x, x, x]"]
    anchors += [f"&l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]" for n in range(2, levels + 1)]
    return "[" + ", ".join(anchors) + "]"


@pytest.mark.parametrize("key", ["description", "message", "tokens", "severity", "ignorecase"])
def test_yaml_aliases_that_stand_for_billions_of_values(key: str) -> None:
    text = f"rules:\n  - id: x\n    type: existence\n    tokens: [a]\n    {key}: {_alias_bomb(9)}\n"
    if key == "tokens":
        text = text.replace("    tokens: [a]\n", "")
    with pytest.raises(RuleFileError) as err:
        parse_rules(text, "r.yaml", "p")
    line = 4 if key == "tokens" else 5
    assert str(err.value).startswith(f"r.yaml:{line}: rule 'x': '{key}' must be ")
    assert len(str(err.value)) < 300


def test_a_rule_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"rules:\n  - id: x\n    type: existence\n    tokens: [caf\xe9]\n")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path, "p")
    assert str(err.value) == (
        f"{path}:4: not valid UTF-8: byte 0xe9 at offset 53 (save the rule file as UTF-8)"
    )


def test_a_broken_rule_file_stops_the_run_with_exit_2(work: Path, capsys: Capsys) -> None:
    Path("house").mkdir()
    Path("house/r.yaml").write_text("rules:\n\t- id: x\n")
    Path("a.txt").write_text(DRAFT)
    code, out, err = run(capsys, "--style", "house", "a.txt")
    assert (code, out) == (2, "")
    assert err.startswith("newslint: ") and "house/r.yaml:2: invalid YAML: " in err
    assert err.endswith(f"{TABS}\n")


# --- patterns that never finish -------------------------------------------------------------

SLOW = "(a+)+$"  # on a long run of a's not followed by the end, it backtracks for ever
HOSTILE = "Head\n\nThe the " + "a" * 50_000 + "b\n"


@pytest.fixture
def quick_timeout(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NEWSLINT_PATTERN_TIMEOUT", "0.2")
    yield


def _style(rule: str) -> Style:
    fine = "  - id: fine\n    type: existence\n    tokens: [Head]\n"
    return Style(tuple([*STYLE.rules, *parse_rules(f"rules:\n{rule}{fine}", "r.yaml", "house")]))


@pytest.mark.parametrize(
    "rule",
    [
        f"  - id: slow\n    type: existence\n    tokens: ['{SLOW}']\n    wholeword: false\n",
        f"  - id: slow\n    type: existence\n    tokens: [b]\n    exceptions: ['{SLOW}']\n"
        "    wholeword: false\n",
        f"  - id: slow\n    type: substitution\n    swap: {{'{SLOW}': b}}\n    wholeword: false\n",
        f"  - id: slow\n    type: consistency\n    either: [['{SLOW}', Head]]\n"
        "    wholeword: false\n",
        "  - id: slow\n    type: occurrence\n    unit: paragraph\n    measure: matches\n"
        f"    token: '{SLOW}'\n    max: 3\n",
    ],
    ids=["existence", "exceptions", "substitution", "consistency", "occurrence"],
)
def test_a_pattern_that_never_finishes_is_stopped_and_reported(
    quick_timeout: None, rule: str
) -> None:
    found = lint_text(HOSTILE, style=_style(rule), format="text")
    assert [(v.rule, v.line, v.column, v.severity) for v in found] == [
        ("house.fine", 1, 1, "warning"),
        (RULE_TIMEOUT, 1, 1, "error"),
        ("core.doubled-word", 3, 1, "error"),
    ]
    assert found[1].message == (
        "rule 'house.slow' was stopped after 0.2 seconds searching this draft: simplify its "
        "patterns (or raise NEWSLINT_PATTERN_TIMEOUT)"
    )


def test_a_slow_rule_does_not_stop_the_other_files(
    work: Path, capsys: Capsys, quick_timeout: None
) -> None:
    Path("house").mkdir()
    Path("house/r.yaml").write_text(
        f"rules:\n  - id: slow\n    type: existence\n    tokens: ['{SLOW}']\n"
        "    wholeword: false\n    severity: warning\n"
    )
    Path("hostile.txt").write_text(HOSTILE)
    Path("plain.txt").write_text("Head\n\nThe the ban on aaaa")
    code, out, _ = run(capsys, "--style", "core", "--style", "house", "hostile.txt", "plain.txt")
    assert code == 1
    assert out == (
        "hostile.txt:1:1: error newslint.rule-timeout rule 'house.slow' was stopped after 0.2 "
        "seconds searching this draft: simplify its patterns (or raise "
        "NEWSLINT_PATTERN_TIMEOUT)\n"
        "hostile.txt:3:1: error core.doubled-word 'the' is repeated\n"
        "plain.txt:3:1: error core.doubled-word 'the' is repeated\n"
        "plain.txt:3:16: warning house.slow Avoid 'aaaa'\n"
    )


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "inf"])
def test_a_bad_time_limit_is_an_error(
    work: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("NEWSLINT_PATTERN_TIMEOUT", value)
    Path("a.txt").write_text(DRAFT)
    assert run(capsys, "a.txt") == (
        2,
        "",
        "newslint: NEWSLINT_PATTERN_TIMEOUT must be a number of seconds (0 for no limit), "
        f"not '{value}'\n",
    )


@pytest.mark.parametrize(("value", "stopped"), [("0.001", True), ("0", False)])
def test_zero_means_no_time_limit(
    monkeypatch: pytest.MonkeyPatch, value: str, stopped: bool
) -> None:
    monkeypatch.setenv("NEWSLINT_PATTERN_TIMEOUT", value)
    rule = "  - id: slow\n    type: existence\n    tokens: ['(a+)+$']\n    wholeword: false\n"
    found = lint_text("Head\n\n" + "a" * 400 + "b\n", style=_style(rule), format="text")
    assert (RULE_TIMEOUT in [v.rule for v in found]) == stopped  # slow, but it finishes


def test_unclosed_markdown_comments_are_read_as_before() -> None:
    """Skipping the hopeless search for the end of a comment changes no match."""
    import random

    from newslint.formats.markdown import _INLINE, _inline

    pieces = ["<!--", "-->", "`", "``", "*", "_", "[", "](x)", "<a ", ">", "x", " ", "\n", "\\"]
    pieces += ["!", "-", "<", "a@b.c", "~~", "<http://x>", "](", ")"]
    rng = random.Random(6)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        plain = [(m.span(), m.lastgroup) for m in _INLINE.finditer(text, start, end)]
        assert [(m.span(), m.lastgroup) for m in _inline(text, start, end)] == plain, text


# --- errors in newslint itself ------------------------------------------------------------


def test_a_bug_while_checking_one_draft_is_reported_for_it_and_the_others_are_checked(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.cli import lint as cli

    good, bad = tmp_path / "a.md", tmp_path / "b.md"
    good.write_text(DRAFT, encoding="utf-8")
    bad.write_text(DRAFT, encoding="utf-8")
    real = cli.lint_path

    def failing(path: str, *args: Any, **kw: Any) -> Any:
        if path.endswith("b.md"):
            raise RuntimeError("boom")
        return real(path, *args, **kw)

    monkeypatch.setattr(cli, "lint_path", failing)
    status = main(["--isolated", "--jobs", "1", str(good), str(bad)])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == REPORT.format(good)
    assert err.startswith(
        f"newslint: {bad}: internal error (RuntimeError: boom); this is a bug in newslint "
    )
    assert "Traceback" not in err


def test_a_bug_outside_any_draft_is_a_message_and_exit_2(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.cli import lint as cli

    def failing(args: Any) -> int:
        raise ValueError("bad state")

    monkeypatch.setattr(cli, "run", failing)
    monkeypatch.delenv("NEWSLINT_DEBUG", raising=False)
    assert main(["x.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newslint: internal error (ValueError: bad state); this is a bug")
    assert "Traceback" not in err
    monkeypatch.setenv("NEWSLINT_DEBUG", "1")
    assert main(["x.md"]) == 2
    assert "Traceback (most recent call last)" in capsys.readouterr().err
