"""The report formats, end to end through the command, and the options that shape a report."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import run
from newslint.cli.lint import _use_color
from newslint.output.full import caret_line, render_line
from newslint.output.github import escape_data, escape_property
from newslint.output.junit import xml_text
from newslint.output.sarif import artifact_uri

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# Line 3: a doubled word (error, fix), two spaces (warning, fix), a missing space (error, fix).
DRAFT = "Council sets budget\n\nThe the council  met.Then it voted.\n"
CLEAN = "Council sets budget\n\nThe council met. Then it voted.\n"

HOUSE_RULES = """\
rules:
  - id: percent
    type: existence
    severity: warning
    message: "Write 'per cent', not '{found}': 100% of desks agree, line one\\nline two"
    tokens: ['%']
    wholeword: false
    description: Spell out per cent.
    examples: {fail: ["Up 5%."], pass: ["Up 5 per cent."]}
  - id: wi-fi
    type: substitution
    severity: suggestion
    swap: {wifi: wi-fi}
    description: The house spells it wi-fi.
    link: https://example.org/style#wi-fi
    examples: {fail: ["Free wifi."], pass: ["Free wi-fi."]}
  - id: control
    type: existence
    severity: error
    message: "Stray control character in '{found}'"
    tokens: ['\\x01\\w*']
    wholeword: false
    description: A control character pasted in from another system.
    examples: {fail: ["Up\\x01date."], pass: ["Update."]}
"""


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "budget.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "news" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "rules.yaml").write_text(HOUSE_RULES, encoding="utf-8")
    return tmp_path


# --- text and full ------------------------------------------------------------------------------


def test_text_format_and_summary(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "news")
    assert status == 1
    assert out.splitlines() == [
        "news/budget.txt:3:1: error core.doubled-word 'the' is repeated",
        "news/budget.txt:3:16: warning core.multiple-spaces More than one space between words",
        "news/budget.txt:3:21: error core.missing-space Missing space between sentences: '.Th'",
    ]
    assert err == "Found 3 violations (2 errors, 1 warning) in 2 files.\n"


def test_full_format_shows_line_carets_and_fix(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--format", "full", "news/budget.txt")
    assert status == 1
    blocks = out.split("\n\n")
    assert blocks[0].splitlines() == [
        "news/budget.txt:3:1: error core.doubled-word 'the' is repeated",
        "  |",
        "3 | The the council  met.Then it voted.",
        "  | ^^^^^^^",
        "  = fix: replace 'The the' with 'The'",
    ]
    assert blocks[1].splitlines()[3] == "  |                ^^"
    assert blocks[1].splitlines()[4] == "  = fix: replace '  ' with ' '"
    assert blocks[2].splitlines()[3] == "  |                     ^^^"


def test_full_format_lines_up_tabs_and_wide_characters(tmp_path: Path) -> None:
    shown, cells = render_line("\tab")
    assert shown == "    ab" and cells == [0, 4, 5, 6]
    shown, carets = caret_line("東京 the the end", 3, 10)
    assert shown == "東京 the the end"
    assert carets == "     ^^^^^^^"  # 東京 takes four cells, the space one
    assert caret_line("e\u0301 x", 0, 2)[1] == "^"  # a combining accent takes no cell
    assert caret_line("a\x0bb", 2, 3) == ("a\ufffdb", "  ^")
    assert caret_line("end", 3, 3)[1] == "   ^"  # an empty span still gets one caret


def test_full_format_on_a_tabbed_draft(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("tab.txt").write_text("Head\n\n\tIt was was late.\n", encoding="utf-8")
    _, out, _ = run(capsys, "--format", "full", "tab.txt")
    lines = out.splitlines()
    assert lines[0] == "tab.txt:3:5: error core.doubled-word 'was' is repeated"
    assert lines[2] == "3 |     It was was late."
    assert lines[3] == "  |        ^^^^^^^"


def test_full_format_span_over_several_lines(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("two.txt").write_text("Head\n\nShe said the\nthe plan failed.\n", encoding="utf-8")
    _, out, _ = run(capsys, "--format", "full", "two.txt")
    assert out.splitlines()[1:6] == [
        "  |",
        "3 | She said the",
        "  |          ^^^",
        "4 | the plan failed.",
        "  | ^^^",
    ]


def test_quiet_prints_only_the_summary(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--quiet", "news")
    assert (status, out) == (1, "")
    assert err == "Found 3 violations (2 errors, 1 warning) in 2 files.\n"
    status, out, err = run(capsys, "-q", "news/clean.txt")
    assert (status, out, err) == (0, "", "")  # a clean run says nothing with --quiet
    status, out, err = run(capsys, "news/clean.txt")
    assert (status, out, err) == (0, "", "No violations in 1 file.\n")


def test_quiet_with_a_machine_format_is_a_usage_error(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--quiet", "--format", "json", "news")
    assert (status, out) == (2, "")
    assert err == "newslint: --quiet goes with the text and full formats, not json\n"


def test_statistics_counts_per_rule(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("more.txt").write_text("Head\n\nIt was was late. Then then it ended.\n", encoding="utf-8")
    status, out, _ = run(capsys, "--statistics", "--quiet", "news", "more.txt")
    assert status == 1
    assert out.splitlines() == [
        "3  error       core.doubled-word  (3 fixable)",
        "1  error       core.missing-space  (1 fixable)",
        "1  warning     core.multiple-spaces  (1 fixable)",
    ]


def test_statistics_with_json_go_to_stderr(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, err = run(capsys, "--statistics", "--format", "json", "news/budget.txt")
    assert len(json.loads(out)) == 3
    assert "1  error       core.doubled-word  (1 fixable)" in err.splitlines()


def test_colour_only_when_asked_or_on_a_terminal(
    drafts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, _ = run(capsys, "--color", "always", "news/budget.txt")
    assert "\033[31merror\033[0m" in out
    _, out, _ = run(capsys, "news/budget.txt")  # captured output is not a terminal
    assert "\033[" not in out

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_color("auto", Terminal())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _use_color("auto", Terminal())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "")  # an empty NO_COLOR does not count (no-color.org)
    assert _use_color("auto", Terminal())  # type: ignore[arg-type]
    assert _use_color("always", Terminal())  # type: ignore[arg-type]


# --- sarif --------------------------------------------------------------------------------------


def sarif(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    status, out, _ = run(capsys, "--format", "sarif", *argv)
    log = json.loads(out)
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    return status, log


def test_sarif_is_valid_and_complete(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, log = sarif(capsys, "news")
    assert status == 1
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] and driver["informationUri"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == ["core.doubled-word", "core.multiple-spaces", "core.missing-space"]
    doubled = driver["rules"][0]
    assert doubled["shortDescription"]["text"].startswith("The same word twice in a row")
    assert doubled["fullDescription"]["text"] and doubled["help"]["text"]
    assert doubled["defaultConfiguration"] == {"level": "error"}
    assert driver["rules"][1]["defaultConfiguration"] == {"level": "warning"}
    results = run_["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("core.doubled-word", 0, "error"),
        ("core.multiple-spaces", 1, "warning"),
        ("core.missing-space", 2, "error"),
    ]
    first = results[0]
    assert first["message"]["text"] == "'the' is repeated"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "news/budget.txt"
    assert location["region"] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 8}
    (change,) = first["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "news/budget.txt"
    (replacement,) = change["replacements"]
    assert replacement["deletedRegion"] == location["region"]
    assert replacement["insertedContent"] == {"text": "The"}


def test_sarif_columns_count_code_points(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # An astral character (two UTF-16 units) and a combining accent before the violation.
    Path("wide.txt").write_text("Head\n\n🎉 Café was was open.\n", encoding="utf-8")
    _, log = sarif(capsys, "wide.txt")
    (result,) = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 15}


def test_sarif_levels_help_and_rules_from_a_house_pack(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("shop.md").write_text("# Shop opens\n\nPrices up 5% and free wifi.\n", encoding="utf-8")
    status, log = sarif(capsys, "--style", "house", "--fail-on", "warning", "shop.md")
    assert status == 1
    driver = log["runs"][0]["tool"]["driver"]
    wifi = next(r for r in driver["rules"] if r["id"] == "house.wi-fi")
    assert wifi["helpUri"] == "https://example.org/style#wi-fi"
    assert wifi["defaultConfiguration"] == {"level": "note"}
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels == {"house.percent": "warning", "house.wi-fi": "note"}


def test_sarif_with_no_violations_is_valid(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, log = sarif(capsys, "--ignore", "core", "news")
    assert status == 0
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_sarif_uris_are_relative_with_forward_slashes(tmp_path: Path) -> None:
    cwd = str(tmp_path)
    assert artifact_uri("./news/a b.md", cwd) == "news/a%20b.md"
    assert artifact_uri(str(tmp_path / "news" / "x.md"), cwd) == "news/x.md"
    assert artifact_uri("/elsewhere/x.md", cwd) == "file:///elsewhere/x.md"


# --- github -------------------------------------------------------------------------------------


def test_github_annotations(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("a,b:c.txt").write_text("Head\n\nPrices up 5% and free wifi.\n", encoding="utf-8")
    status, out, err = run(capsys, "--format", "github", "--style", "house", "a,b:c.txt")
    assert status == 0 and err == ""
    assert out.splitlines() == [
        "::warning file=a%2Cb%3Ac.txt,line=3,col=12,endLine=3,endColumn=13,"
        "title=house.percent::Write 'per cent', not '%25': 100%25 of desks agree, "
        "line one line two",  # a message is one line (escaping is tested below)
        "::notice file=a%2Cb%3Ac.txt,line=3,col=23,endLine=3,endColumn=27,"
        "title=house.wi-fi::Use 'wi-fi' rather than 'wifi'",
    ]


def test_github_errors_use_the_error_command(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--format", "github", "--select", "core.doubled-word", "news")
    assert status == 1
    assert out == (
        "::error file=news/budget.txt,line=3,col=1,endLine=3,endColumn=8,"
        "title=core.doubled-word::'the' is repeated\n"
    )


def test_github_escaping() -> None:
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("50% a\r\nb: c, d") == "50%25 a%0D%0Ab%3A c%2C d"


# --- junit --------------------------------------------------------------------------------------


def test_junit_one_case_per_file(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--format", "junit", "news")
    assert status == 1
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["news/budget.txt", "news/clean.txt"]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("message") == "3 violations"
    assert (failure.text or "").splitlines()[0] == (
        "news/budget.txt:3:1: error core.doubled-word 'the' is repeated"
    )
    assert cases[1].find("failure") is None


def test_junit_fails_a_file_only_at_fail_on(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("spaces.txt").write_text("Head\n\nIt was  late.\n", encoding="utf-8")
    status, out, _ = run(capsys, "--format", "junit", "spaces.txt")
    assert status == 0
    (case,) = ET.fromstring(out).findall("./testsuite/testcase")
    assert case.find("failure") is None
    assert "core.multiple-spaces" in (case.findtext("system-out") or "")
    status, out, _ = run(capsys, "--format", "junit", "--fail-on", "warning", "spaces.txt")
    assert status == 1
    assert ET.fromstring(out).find("./testsuite/testcase/failure") is not None


def test_junit_is_valid_xml_with_control_characters(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("ctl.txt").write_text("Head\n\nAn up\x01date.\n", encoding="utf-8")
    status, out, _ = run(capsys, "--format", "junit", "--style", "house", "ctl.txt")
    assert status == 1
    failure = ET.fromstring(out).find("./testsuite/testcase/failure")
    assert failure is not None
    assert "Stray control character in '\ufffddate'" in (failure.text or "")
    assert xml_text("a\x00b\x0bc\td") == "a\ufffdb\ufffdc\td"


# --- json, select, ignore, fail-on --------------------------------------------------------------


def test_json_with_select_ignore_and_fail_on(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--format", "json", "--select", "core.multiple-spaces", "news")
    assert status == 0  # a warning does not fail at the default --fail-on error
    (only,) = json.loads(out)
    assert (only["rule"], only["line"], only["column"], only["replacement"]) == (
        "core.multiple-spaces",
        3,
        16,
        " ",
    )
    status, out, _ = run(
        capsys,
        "--format",
        "json",
        "--select",
        "core.multiple-spaces",
        "--fail-on",
        "warning",
        "news",
    )
    assert status == 1
    status, out, _ = run(
        capsys, "--format", "json", "--ignore", "core.doubled-word,core.missing-space", "news"
    )
    assert [v["rule"] for v in json.loads(out)] == ["core.multiple-spaces"]
    status, out, _ = run(capsys, "--format", "json", "--fail-on", "never", "news")
    assert status == 0 and len(json.loads(out)) == 3


def test_unknown_select_is_an_error(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--format", "sarif", "--select", "core.nope", "news")
    assert (status, out) == (2, "")
    assert err.startswith("newslint: unknown rule or pack 'core.nope'")


def test_json_stays_json_on_a_terminal_that_is_not_utf8(tmp_path: Path) -> None:
    import json as jsonlib
    import os
    import subprocess
    import sys

    draft = tmp_path / "café.txt"
    draft.write_text("Talks\n\nZelensky met Zelenskyy’s aides.\n", encoding="utf-8")
    for fmt, name in (("json", "café.txt"), ("sarif", "caf%C3%A9.txt")):
        result = subprocess.run(
            [sys.executable, "-m", "newslint", "--isolated", "--format", fmt, str(draft)],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
            check=False,
        )
        out = result.stdout.decode("ascii")  # nothing but ASCII reached the terminal
        data = jsonlib.loads(out)
        text = jsonlib.dumps(data, ensure_ascii=False)
        assert name in text and "Zelenskyy" in text, fmt
