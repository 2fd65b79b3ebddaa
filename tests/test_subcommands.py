"""``newslint rules`` and ``newslint explain``, and how subcommands share the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run
from newslint.cli import main
from newslint.rulefile import builtin_root, load_pack

HOUSE_RULES = """\
rules:
  - id: wi-fi
    type: substitution
    severity: suggestion
    swap: {wifi: wi-fi}
    description: The house spells it wi-fi. Always.
    note: Some houses write Wi-Fi, after the trademark.
    link: https://example.org/style#wi-fi
    examples:
      fail: ["Free wifi for all."]
      pass: ["Free wi-fi for all."]
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "rules.yaml").write_text(HOUSE_RULES, encoding="utf-8")
    return tmp_path


def test_rules_lists_the_rules_in_force(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "rules")
    assert (status, err) == (0, "")
    core = sorted(r.name for r in load_pack(builtin_root() / "core"))
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == core
    doubled = next(line for line in lines if line.startswith("core.doubled-word "))
    assert doubled.split()[1:3] == ["repetition", "error"]
    assert doubled.endswith("The same word twice in a row, usually left behind by an edit.")


def test_rules_with_a_style_select_and_json(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "rules", "--style", "core", "--style", "house")
    assert status == 0
    assert out.splitlines()[-1].split() == [
        "house.wi-fi",
        "substitution",
        "suggestion",
        "The",
        "house",
        "spells",
        "it",
        "wi-fi.",
    ]
    status, out, _ = run(capsys, "rules", "--style", "house", "--format", "json")
    assert json.loads(out) == [
        {
            "rule": "house.wi-fi",
            "type": "substitution",
            "severity": "suggestion",
            "scope": ["headline", "body"],
            "description": "The house spells it wi-fi. Always.",
        }
    ]
    _, out, _ = run(capsys, "rules", "--select", "core.doubled-word")
    assert [line.split()[0] for line in out.splitlines()] == ["core.doubled-word"]


def test_rules_with_an_unknown_pack_is_an_error(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "rules", "--style", "no-such-pack")
    assert (status, out) == (2, "")
    assert err.startswith("newslint: no built-in pack or folder named 'no-such-pack'")


def test_explain_shows_the_rule_and_checks_its_examples(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "explain", "house.wi-fi", "--style", "house")
    assert status == 0
    assert out.splitlines() == [
        "house.wi-fi  (substitution, suggestion; scope: headline, body)",
        "",
        "From: house/rules.yaml:2",
        "",
        "The house spells it wi-fi. Always.",
        "",
        "Note: Some houses write Wi-Fi, after the trademark.",
        "",
        "See: https://example.org/style#wi-fi",
        "",
        "Breaks the rule:",
        '  "Free wifi for all."',
        "    1:6: suggestion Use 'wi-fi' rather than 'wifi' (fix: replace 'wifi' with 'wi-fi')",
        "",
        "Keeps to it:",
        '  "Free wi-fi for all."',
        "    reports nothing",
    ]


def test_explain_a_built_in_rule_by_full_or_bare_id(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, full, _ = run(capsys, "explain", "core.doubled-word")
    assert status == 0
    assert full.startswith("core.doubled-word  (repetition, error; scope: headline, body, quote)")
    assert "  \"The the minister spoke.\"\n    1:1: error 'the' is repeated" in full
    _, bare, _ = run(capsys, "explain", "doubled-word")
    assert bare == full


def test_explain_an_unknown_rule(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "explain", "core.doubled-wrd")
    assert (status, out) == (2, "")
    assert err == (
        "newslint: unknown rule 'core.doubled-wrd' (did you mean 'core.doubled-word'?); "
        "`newslint rules` lists them\n"
    )


def test_explain_needs_a_rule(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["explain"])
    assert exc.value.code == 2
    assert "newslint: the following arguments are required: RULE" in capsys.readouterr().err


def test_a_file_named_like_a_subcommand(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "rules").write_text("Head\n\nIt was was late.\n", encoding="utf-8")
    status, out, _ = run(capsys, "./rules")
    assert status == 1
    assert out == "./rules:3:4: error core.doubled-word 'was' is repeated\n"
    # Only the first argument names a subcommand.
    status, out, _ = run(capsys, "--select", "core.doubled-word", "rules")
    assert out == "rules:3:4: error core.doubled-word 'was' is repeated\n"


def test_rules_and_explain_follow_the_project_config(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "desk").mkdir()
    (work / "desk" / "newslint.yaml").write_text(
        "extends: [core]\nrules: [../house]\ndisable: [core.long-sentence]\n"
        "severity: {house.wi-fi: error}\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "rules", "--path", "desk")
    names = [line.split()[0] for line in out.splitlines()]
    assert status == 0
    assert "house.wi-fi" in names and "core.long-sentence" not in names
    wifi = next(line for line in out.splitlines() if line.startswith("house.wi-fi "))
    assert wifi.split()[1:3] == ["substitution", "error"]
    status, out, _ = run(capsys, "explain", "house.wi-fi", "--path", "desk")
    assert status == 0 and out.startswith(
        "house.wi-fi  (substitution, error; scope: headline, body)"
    )
    # --isolated ignores the desk's config: the default style has no house rules.
    status, out, _ = run(capsys, "rules", "--path", "desk", "--isolated")
    assert "house.wi-fi" not in out and "core.long-sentence" in out
