"""Fixing: --fix and --diff, never losing text, and fixes that are safe and stable."""

from __future__ import annotations

import codecs
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run
from newslint import fix_text
from newslint.checks import Rule
from newslint.cli import lint as cli
from newslint.cli import main
from newslint.document import Document, make_document
from newslint.engine import check_rule
from newslint.errors import InputError
from newslint.examples import example_document
from newslint.fix import Fixed, fix_with, fixable
from newslint.rulefile import builtin_packs, builtin_root, load_pack, parse_rules
from newslint.style import Style
from newslint.violation import Violation
from newslint.writer import write_atomic

DRAFT = "Council sets budget\n\nThe the council  met.Then it voted.\nIt was was late.\n"
FIXED = "Council sets budget\n\nThe council met. Then it voted.\nIt was late.\n"

HOUSE_RULES = """\
rules:
  - id: colour
    type: substitution
    swap: {colour: color}
    description: Body copy only; quotations are left as spoken.
    examples: {fail: ["The colour."], pass: ["The color."]}
  - id: zz
    type: substitution
    swap: {'zz[^ ]*': 'yy'}
    wholeword: false
    description: A greedy pattern that would run into masked text.
    examples: {fail: ["zz top"], pass: ["yy top"]}
  - id: said-colour
    type: substitution
    swap: {'said "Colour': 'said "Color'}
    description: Starts in the body and ends inside a quotation.
    examples: {fail: ['He said "Colour".'], pass: ['He said "Color".']}
  - id: dash
    type: substitution
    swap: {' -- ': ' — '}
    wholeword: false
    description: A fix that needs a character outside Latin-1.
    examples: {fail: ["a -- b"], pass: ["a — b"]}
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "rules.yaml").write_text(HOUSE_RULES, encoding="utf-8")
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".newslint")]


# --- --fix in place ------------------------------------------------------------------------------


def test_fix_rewrites_and_reports_what_is_left(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = work / "d.txt"
    draft.write_text(DRAFT + "Mr Zelensky and Mr Zelenskyy met.\n", encoding="utf-8")
    status, out, err = run(capsys, "--fix", "--select", "core", "d.txt")
    text = draft.read_text(encoding="utf-8")
    assert text == FIXED + "Mr Zelensky and Mr Zelensky met.\n"
    assert status == 0
    assert out == ""
    assert err == "Fixed 5 violations in 1 file.\n"
    assert leftovers(work) == []


def test_fix_reports_remaining_violations_at_their_new_positions(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "d.txt").write_text("Head\n\nThe the end!\n\nReally!\n", encoding="utf-8")
    status, out, err = run(capsys, "--fix", "--fail-on", "suggestion", "d.txt")
    assert (work / "d.txt").read_text(encoding="utf-8") == "Head\n\nThe end!\n\nReally!\n"
    assert status == 1
    # The second exclamation mark is left for the writer; its column is in the fixed text.
    assert out.startswith("d.txt:5:7: suggestion core.exclamation-marks")
    assert err.splitlines()[-1] == "Fixed 1 violation in 1 file."


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", b"", "\r\n"),
        ("utf-8", codecs.BOM_UTF8, "\n"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
        ("utf-8", b"", "\r"),
    ],
)
def test_fix_keeps_encoding_bom_line_endings_and_mode(
    work: Path, capsys: pytest.CaptureFixture[str], encoding: str, bom: bytes, newline: str
) -> None:
    draft = work / "d.txt"
    draft.write_bytes(bom + DRAFT.replace("\n", newline).encode(encoding))
    draft.chmod(0o640)
    status, _, _ = run(capsys, "--fix", "d.txt")
    assert status == 0
    assert draft.read_bytes() == bom + FIXED.replace("\n", newline).encode(encoding)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert leftovers(work) == []


def test_fix_keeps_mixed_line_endings(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = work / "d.txt"
    draft.write_bytes(b"Head\r\n\nIt was was late.\r\nThe the end.\n")
    run(capsys, "--fix", "d.txt")
    assert draft.read_bytes() == b"Head\r\n\nIt was late.\r\nThe end.\n"


def test_fix_through_a_symlink_changes_the_target(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = work / "real.txt"
    target.write_text(DRAFT, encoding="utf-8")
    (work / "link.txt").symlink_to(target)
    run(capsys, "--fix", "link.txt")
    assert (work / "link.txt").is_symlink()
    assert target.read_text(encoding="utf-8") == FIXED


def test_fix_refuses_a_file_changed_since_it_was_read(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = work / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    real_fix_path = cli.fix_path
    edited = "Someone else's edit\n\nThe the end.\n"

    def fix_then_edit(*args: object, **kwargs: object) -> object:
        outcome = real_fix_path(*args, **kwargs)  # type: ignore[arg-type]
        draft.write_text(edited, encoding="utf-8")  # another editor saves meanwhile
        return outcome

    monkeypatch.setattr(cli, "fix_path", fix_then_edit)
    status, _, err = run(capsys, "--fix", "d.txt")
    assert status == 2
    assert err == "newslint: d.txt: changed on disk since it was read; not fixed\n"
    assert draft.read_text(encoding="utf-8") == edited
    assert leftovers(work) == []


def test_write_atomic_checks_the_bytes_first(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_bytes(b"new text")
    with pytest.raises(InputError, match="changed on disk"):
        write_atomic(str(draft), b"fixed", expected=b"old text")
    assert draft.read_bytes() == b"new text"
    write_atomic(str(draft), b"fixed", expected=b"new text")
    assert draft.read_bytes() == b"fixed"
    assert leftovers(tmp_path) == []


def test_fix_refuses_a_fix_the_encoding_cannot_hold(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = work / "d.txt"
    original = "Café news\n\nPrices rose -- sharply.\n".encode("latin-1")
    draft.write_bytes(original)
    status, _, err = run(capsys, "--fix", "--style", "house", "--encoding", "latin-1", "d.txt")
    assert status == 2
    assert err == ("newslint: d.txt: a fix needs '—', which latin-1 cannot hold; not fixed\n")
    assert draft.read_bytes() == original


# --- --diff and standard input -------------------------------------------------------------------


def test_diff_prints_and_writes_nothing(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = work / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    status, out, err = run(capsys, "--diff", "d.txt")
    assert status == 1
    assert out == (
        "--- d.txt\n+++ d.txt\n@@ -1,4 +1,4 @@\n Council sets budget\n \n"
        "-The the council  met.Then it voted.\n-It was was late.\n"
        "+The council met. Then it voted.\n+It was late.\n"
    )
    assert err == "Would fix 4 violations in 1 file.\n"
    assert draft.read_text(encoding="utf-8") == DRAFT
    draft.write_text(FIXED, encoding="utf-8")
    assert run(capsys, "--diff", "d.txt") == (0, "", "Would fix 0 violations in 0 files.\n")


def test_diff_marks_a_missing_final_newline(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "d.txt").write_text("Head\n\nIt was was late.", encoding="utf-8")
    _, out, _ = run(capsys, "--diff", "d.txt")
    assert out.endswith(
        "-It was was late.\n\\ No newline at end of file\n"
        "+It was late.\n\\ No newline at end of file\n"
    )


def test_fix_and_diff_exclude_each_other(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--fix", "--diff", "x.txt"])
    assert exc.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_fix_on_standard_input_writes_standard_output(work: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "--fix", "--fail-on", "suggestion", "-"],
        input=(DRAFT + "\nWow! Wow!\n").replace("\n", "\r\n").encode(),
        capture_output=True,
        check=False,
    )
    assert proc.stdout == (FIXED + "\nWow! Wow!\n").replace("\n", "\r\n").encode()
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        "-:6:9: suggestion core.exclamation-marks More than one exclamation mark in this draft",
        "Found 1 violation (1 suggestion) in 1 file.",
        "Fixed 4 violations in 1 file.",
    ]


# --- what a fix may touch ------------------------------------------------------------------------


def test_fix_never_touches_masked_text(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = work / "d.md"
    text = "# Head\n\nUse zz`rm -rf` now.\n"
    draft.write_text(text, encoding="utf-8")
    status, out, _ = run(capsys, "--fix", "--style", "house", "--select", "house.zz", "d.md")
    assert status == 0
    assert draft.read_text(encoding="utf-8") == text
    assert out.startswith("d.md:3:5: warning house.zz ")  # reported, not fixed
    assert fix_text(text, style=_house(work), format="markdown") == text
    plain = "Head\n\nUse zz now.\n"
    assert fix_text(plain, style=_house(work)) == "Head\n\nUse yy now.\n"


def test_fix_touches_quotations_only_when_the_rule_covers_them(work: Path) -> None:
    house = _house(work)
    text = 'Head\n\nShe said "the colour is key" and the colour faded.\n'
    assert fix_text(text, style=house) == (
        'Head\n\nShe said "the colour is key" and the color faded.\n'
    )
    quoting = _quoting(work, "colour")
    assert (
        fix_text(text, style=quoting)
        == 'Head\n\nShe said "the color is key" and the color faded.\n'
    )


def test_a_fix_that_runs_into_a_quotation_is_not_applied(work: Path) -> None:
    house = _house(work)
    style = Style(tuple(r for r in house.rules if r.id == "said-colour"))
    text = 'Head\n\nHe said "Colour matters".\n'
    from newslint import lint_text

    (v,) = lint_text(text, style=style)
    assert (v.line, v.column, v.replacement) == (3, 4, 'said "Color')
    assert fix_text(text, style=style) == text
    quoting = _quoting(work, "said-colour")
    assert fix_text(text, style=quoting) == 'Head\n\nHe said "Color matters".\n'


def _house(work: Path) -> Style:
    return Style(tuple(load_pack(work / "house")))


def _quoting(work: Path, rule_id: str) -> Style:
    """The house rule ``rule_id`` with quotations added to its scope."""
    block = next(b for b in HOUSE_RULES.split("  - id: ") if b.startswith(rule_id + "\n"))
    text = "rules:\n  - id: " + block.rstrip() + "\n    scope: [body, quote]\n"
    return Style(tuple(parse_rules(text, "quoting.yaml", "house")))


# --- overlapping fixes ---------------------------------------------------------------------------


def _v(rule: str, start: int, end: int, replacement: str) -> Violation:
    return Violation("x", 1, start + 1, 1, end + 1, rule, "error", "m", "", replacement, start, end)


def test_overlapping_fixes_resolve_the_same_way_whatever_the_order() -> None:
    long = _v("a.long", 2, 8, "L")
    short = _v("b.short", 4, 6, "S")
    same_start = _v("c.same", 2, 5, "C")
    insert = _v("d.insert", 8, 8, "I")
    after = _v("e.after", 9, 10, "A")
    for order in (
        [long, short, same_start, insert, after],
        [after, insert, same_start, short, long],
    ):
        assert fixable(order) == [long, after]


def test_masked_and_quoted_spans_are_left_out_of_fixable() -> None:
    text = 'ab `cd` "ef" gh'
    doc: Document = make_document(text, masked=[(3, 7)], paragraphs=[(0, len(text))])
    assert doc.quotes == ((9, 11),)
    into_mask = _v("x.r", 1, 4, "Z")
    in_quote = _v("x.r", 9, 10, "Z")
    insert_in_quote = _v("x.r", 10, 10, "Z")
    plain = _v("x.r", 13, 15, "Z")
    # Without the style, a rule's scope is unknown: only the masks count.
    assert fixable([into_mask, in_quote, plain], doc) == [in_quote, plain]
    rule = "rules:\n  - id: r\n    type: substitution\n    swap: {a: b}\n"
    body_only = Style(tuple(parse_rules(rule, "r.yaml", "x")))
    assert fixable([into_mask, in_quote, insert_in_quote, plain], doc, body_only) == [plain]
    quoting = Style(tuple(parse_rules(rule + "    scope: [body, quote]\n", "r.yaml", "x")))
    assert fixable([in_quote, plain], doc, quoting) == [in_quote, plain]
    assert fixable([insert_in_quote, plain], doc, quoting) == [insert_in_quote, plain]


# --- every built-in rule: fixing is stable -------------------------------------------------------

BUILTIN: list[Rule] = [
    rule for pack in builtin_packs() for rule in load_pack(builtin_root() / pack)
]
CASES = [(rule, text) for rule in BUILTIN for text in rule.examples.fail_texts]


def _fix_example(rule: Rule, text: str) -> Fixed:
    style = Style((rule,))

    def lint(current: str) -> tuple[Document, list[Violation]]:
        doc = example_document(rule, current)
        return doc, check_rule(doc, rule)

    return fix_with(text, lint, style)


@pytest.mark.parametrize(("rule", "text"), CASES, ids=[f"{r.name}:{t[:20]}" for r, t in CASES])
def test_fixing_a_fail_example_is_stable(rule: Rule, text: str) -> None:
    once = _fix_example(rule, text)
    if not once.fixes:
        return
    style = Style((rule,))
    assert fixable(once.violations, once.document, style) == [], "a fixable violation is left"
    assert _fix_example(rule, once.text).text == once.text, "fixing twice differs from once"


def test_some_built_in_examples_are_fixed() -> None:
    assert sum(1 for rule, text in CASES if _fix_example(rule, text).fixes) >= 5


def test_fix_in_html_skips_markup_code_and_suppressed_lines(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = work / "page.html"
    before = (
        "<h1>Council sets budget</h1>\n"
        '<p>It  met.Then <a href="http://x.org/a.The">the the</a> clerk.</p>\n'
        "<p><code>the  the</code> stays.</p>\n"
        "<!-- newslint-disable-next-line core.doubled-word -->\n"
        "<p>It was was late.</p>\n"
    )
    draft.write_text(before, encoding="utf-8")
    status, out, err = run(capsys, "--isolated", "--fix", "page.html")
    assert (status, out) == (0, "")
    assert err == "Fixed 3 violations in 1 file.\n"
    assert draft.read_text(encoding="utf-8") == before.replace(
        "It  met.Then", "It met. Then"
    ).replace(">the the<", ">the<")
