"""A fix ``--fix`` leaves (it would cut through markup) is the writer's to make: every report says
so, and none offers it as a fix to apply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run
from newslint import fix_text, lint_text, load_style

# "£4.5 *million*": the house writes "£4.5m", but the fix would cut through the emphasis.
MARKED = "Budget talks resume\n\nThe fund is worth £4.5 *million* a year.\n"
# The same sum inside bold markup: the span holds no markup, and the fix is made.
BOLD = "Budget talks resume\n\nThe fund is worth **£4.5 million** a year.\n"
UK = load_style(["uk-news"])


def test_the_violation_says_whether_fix_applies_its_replacement() -> None:
    (marked,) = lint_text(MARKED, style=UK, format="markdown")
    assert (marked.rule, marked.found, marked.replacement) == (
        "uk-news.millions",
        "£4.5 *million",
        "£4.5m",
    )
    assert marked.fix_applies is False
    assert fix_text(MARKED, style=UK, format="markdown") == MARKED
    (bold,) = lint_text(BOLD, style=UK, format="markdown")
    assert (bold.found, bold.replacement, bold.fix_applies) == ("£4.5 million", "£4.5m", True)
    assert fix_text(BOLD, style=UK, format="markdown") == BOLD.replace("£4.5 million", "£4.5m")
    assert "fix_applies" not in marked.to_dict()  # the JSON keys are as documented


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("marked.md").write_text(MARKED, encoding="utf-8")
    Path("bold.md").write_text(BOLD, encoding="utf-8")
    return tmp_path


def test_statistics_count_only_the_fixes_fix_makes(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(
        capsys, "--isolated", "--style", "uk-news", "--statistics", "-q", "marked.md"
    )
    assert status == 0  # a warning
    assert out.splitlines() == ["1  warning     uk-news.millions"]
    _, out, _ = run(capsys, "--isolated", "--style", "uk-news", "--statistics", "-q", ".")
    assert out.splitlines() == ["2  warning     uk-news.millions  (1 fixable)"]


def test_sarif_offers_only_the_fixes_fix_makes(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "--isolated", "--style", "uk-news", "--format", "sarif", ".")
    results = json.loads(out)["runs"][0]["results"]
    by_file = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in results}
    assert set(by_file) == {"bold.md", "marked.md"}
    assert "fixes" not in by_file["marked.md"]
    (change,) = by_file["bold.md"]["fixes"][0]["artifactChanges"]
    assert change["replacements"][0]["insertedContent"] == {"text": "£4.5m"}


def test_the_full_report_says_the_fix_is_made_by_hand(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "--isolated", "--style", "uk-news", "--format", "full", ".")
    fixes = [line.split("= fix: ", 1)[1] for line in out.splitlines() if "= fix: " in line]
    assert fixes == [
        "replace '£4.5 million' with '£4.5m'",
        "replace '£4.5 *million' with '£4.5m' (by hand: --fix leaves markup, code, URLs and "
        "quotations)",
    ]
    # JSON still shows the house's form for both, as the text report does.
    _, out, _ = run(capsys, "--isolated", "--style", "uk-news", "--format", "json", ".")
    assert [v["replacement"] for v in json.loads(out)] == ["£4.5m", "£4.5m"]
