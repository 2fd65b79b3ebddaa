"""Loading rule files is strict: every mistake is one message naming the file, line and rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.checks import RULE_TYPES
from newslint.cli import main
from newslint.errors import RuleFileError
from newslint.rulefile import load_pack, parse_rules

GOOD = "  - id: ok\n    type: existence\n    tokens: [slammed]\n"

TYPES = ", ".join(RULE_TYPES)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: x\n", "r.yaml:1: a rule file must be a mapping with a 'rules:' list"),
        ("", "r.yaml:1: a rule file must be a mapping with a 'rules:' list"),
        ("rules: {}\n", "r.yaml:1: 'rules' must be a list"),
        ("rules: []\nrule: []\n", "r.yaml:2: unknown top-level key 'rule' (only 'rules')"),
        (
            "rules:\n  - id: x\n    type: existence\n    tokns: [a]\n",
            "r.yaml:4: rule 'x': unknown key 'tokns' (did you mean 'tokens'?)",
        ),
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: [a]\n    examples: {pas: [b]}\n",
            "r.yaml:5: rule 'x': unknown key 'pas' (did you mean 'pass'?)",
        ),
        ("rules:\n  - type: existence\n    tokens: [a]\n", "r.yaml:2: rule: missing key 'id'"),
        (
            "rules:\n  - id: x\n    tokens: [a]\n",
            f"r.yaml:2: rule 'x': missing key 'type' (one of: {TYPES})",
        ),
        ("rules:\n  - id: x\n    type: existence\n", "r.yaml:2: rule 'x': missing key 'tokens'"),
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: slammed\n",
            "r.yaml:4: rule 'x': 'tokens' must be a list; got 'slammed' (write a list: [slammed])",
        ),
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: [a]\n    scope: body\n",
            "r.yaml:5: rule 'x': 'scope' must be a list; got 'body' (write a list: [body])",
        ),
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: [a]\n    message: no\n",
            "r.yaml:5: rule 'x': 'message' must be a string; got false (YAML reads an unquoted "
            "yes, no, on, off, true or false as true/false: put the word in quotes)",
        ),
        (
            "rules:\n  - id: x\n    type: substitution\n    swap: {ja: yes}\n",
            "r.yaml:4: rule 'x': 'swap' must be a string; got true (YAML reads an unquoted "
            "yes, no, on, off, true or false as true/false: put the word in quotes)",
        ),
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: [a]\n    ignorecase: 'yes'\n",
            "r.yaml:5: rule 'x': 'ignorecase' must be true or false; got 'yes'",
        ),
        (
            "rules:\n  - id: x\n    type: occurrence\n    max: 1.5\n",
            "r.yaml:4: rule 'x': 'max' must be a whole number; got 1.5",
        ),
        (
            f"rules:\n{GOOD}  - id: ok\n    type: existence\n    tokens: [b]\n",
            "r.yaml:5: rule 'ok': duplicate id (first defined on line 2)",
        ),
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: [a]\n    scope: [body, quotes]\n",
            "r.yaml:5: rule 'x': 'scope' must be one of: headline, body, quote; got 'quotes'",
        ),
        (
            "rules:\n  - id: x\n    type: existance\n    tokens: [a]\n",
            f"r.yaml:3: rule 'x': unknown type 'existance' (did you mean 'existence'?) "
            f"(one of: {TYPES})",
        ),
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: [a]\n    severity: fatal\n",
            "r.yaml:5: rule 'x': 'severity' must be one of: error, warning, suggestion; "
            "got 'fatal'",
        ),
        (
            "rules:\n  - id: x\n    type: substitution\n    swap: {Kiev: Kyiv, Kyiv: Kiev}\n",
            "r.yaml:2: rule 'x': the replacement 'Kyiv' of 'Kiev' would itself be replaced by "
            "'Kiev' (a cycle)",
        ),
        (
            "rules:\n  - id: x\n    id: y\n",
            "r.yaml:3: invalid YAML: duplicate key 'id'",
        ),
        (
            "rules:\n  - id: two words\n    type: existence\n    tokens: [a]\n",
            "r.yaml:2: rule 'two words': 'id' may hold only letters, digits, '-' and '_'",
        ),
    ],
)
def test_rule_file_errors(text: str, message: str) -> None:
    with pytest.raises(RuleFileError) as err:
        parse_rules(text, "r.yaml", "p")
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("rules: [\n", "r.yaml:2: invalid YAML: "),
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: [a, '(b']\n",
            "r.yaml:4: rule 'x': invalid regular expression '(b': ",
        ),
        (
            "rules:\n  - id: x\n    type: existence\n    tokens: [a]\n    exceptions: ['[b']\n",
            "r.yaml:5: rule 'x': invalid regular expression '[b': ",
        ),
    ],
)
def test_rule_file_errors_worded_by_a_library(text: str, start: str) -> None:
    """newslint names the file, the line, the rule and what is wrong; the words after that are
    PyYAML's or regex's own, which differ between their releases, so only their presence counts.
    """
    with pytest.raises(RuleFileError) as err:
        parse_rules(text, "r.yaml", "p")
    message = str(err.value)
    assert message.startswith(start) and len(message) > len(start) and "\n" not in message


def test_duplicate_id_across_files_of_a_pack(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(f"rules:\n{GOOD}")
    (tmp_path / "b.yaml").write_text(f"rules:\n  - id: other\n    type: repetition\n{GOOD}")
    with pytest.raises(RuleFileError) as err:
        load_pack(tmp_path)
    first = tmp_path / "a.yaml"
    assert str(err.value) == (
        f"{tmp_path / 'b.yaml'}:4: rule 'ok': duplicate id (first defined at {first}:2)"
    )


def test_a_pack_loads_its_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("rules:\n  - id: second\n    type: repetition\n")
    (tmp_path / "a.yml").write_text(f"rules:\n{GOOD}")
    (tmp_path / "notes.txt").write_text("not rules")
    rules = load_pack(tmp_path, "house")
    assert [r.name for r in rules] == ["house.ok", "house.second"]


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError) as err:
        load_pack(tmp_path)
    assert str(err.value) == f"{tmp_path}: the folder holds no rule files (*.yaml)"


# --- through the command: exit 2, one line, no traceback --------------------------------------


def test_bad_style_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "house"
    bad.mkdir()
    (bad / "words.yaml").write_text("rules:\n  - id: x\n    type: existence\n    tokns: [a]\n")
    draft = tmp_path / "draft.txt"
    draft.write_text("Head\n\nBody.\n")
    assert main(["--style", str(bad), str(draft)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"newslint: {bad / 'words.yaml'}:4: rule 'x': unknown key 'tokns' "
        "(did you mean 'tokens'?)\n"
    )


def test_unknown_builtin_pack_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Head\n\nBody.\n")
    assert main(["--style", "cor", str(draft)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("newslint: no built-in pack or folder named 'cor' (did you mean 'core'?)")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            "    type: substitution\n    swap: {colour: color}\n    message: Bad {fund} here\n",
            "r.yaml:5: rule 'x': 'message': the placeholder '{fund}' is never filled by a "
            "substitution rule (did you mean '{found}'?) (it fills {found}, {replacement})",
        ),
        (
            "    type: occurrence\n    max: 3\n    unit: sentence\n    measure: words\n"
            "    message: '{count} words, over {limt}'\n",
            "r.yaml:7: rule 'x': 'message': the placeholder '{limt}' is never filled by an "
            "occurrence rule (did you mean '{limit}'?) (it fills {found}, {replacement}, {unit}, "
            "{count}, {measure}, {limit})",
        ),
        (
            "    type: reference\n    messages: {first: 'Name {persn} in full'}\n",
            "r.yaml:4: rule 'x': 'messages': the placeholder '{persn}' is never filled by a "
            "reference rule (it fills {found}, {replacement}, {name_hint}, {name}, {surname}, "
            "{honorific})",
        ),
    ],
)
def test_a_placeholder_the_type_never_fills_is_an_error(rule: str, message: str) -> None:
    with pytest.raises(RuleFileError) as err:
        parse_rules(f"rules:\n  - id: x\n{rule}", "r.yaml", "p")
    assert str(err.value) == message


@pytest.mark.parametrize(
    "message",
    ["'{found}' is repeated as '{word}'", "{{literal braces}} and {found}", "a lone { brace"],
)
def test_placeholders_the_type_fills_load(message: str) -> None:
    text = f'rules:\n  - id: x\n    type: repetition\n    message: "{message}"\n'
    (rule,) = parse_rules(text, "r.yaml", "p")
    assert rule.message == message
