"""``newslint test``: every rule's examples run as a desk's CI runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run

HOUSE = """\
rules:
  - id: colour
    type: substitution
    swap: {colour: color}
    examples:
      fail:
        - text: "The colour was red."
          fixed: "The color was red."
        - "The colour of the flag faded."
      pass:
        - "The color was red."
"""

BROKEN = """\
rules:
  - id: colour
    type: substitution
    swap: {colour: color}
    examples:
      fail:
        - text: "The colour was red."
          fixed: "The colour was red."
        - "The color was red."
        - text: "The colour  was red."
          fixed: "The color  was red."
      pass:
        - "The colour of money."
"""


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house").mkdir()
    return tmp_path


def test_a_pack_whose_examples_hold(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "house" / "terms.yaml").write_text(HOUSE)
    assert run(capsys, "test", "house") == (0, "3 examples hold (1 pack)\n", "")


def test_each_example_that_does_not_hold_is_named(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (desk / "house" / "terms.yaml").write_text(BROKEN)
    code, out, err = run(capsys, "test", "house")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        'house/terms.yaml:7: house.colour: --fix makes "The color was red.", not the stated '
        'fixed text "The colour was red.": "The colour was red."',
        'house/terms.yaml:9: house.colour: a failing example reports nothing: "The color was red."',
        "house/terms.yaml:10: house.colour: its fixed text is flagged by core.multiple-spaces at "
        'column 10: More than one space between words: "The colour  was red."',
        "house/terms.yaml:13: house.colour: a passing example is flagged at column 5: Use 'color' "
        "rather than 'colour': \"The colour of money.\"",
        "4 examples, 4 failed (1 pack)",
    ]


def test_an_example_is_named_by_the_line_of_its_own_item(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The line of the sentence, of a ``text:`` key written after ``fixed:``, of a block
    scalar's first line and of an item of a one-line list, in the second rule of a file."""
    (desk / "house" / "terms.yaml").write_text(
        "rules:\n"
        "  - id: grey\n"
        "    type: substitution\n"
        "    swap: {gray: grey}\n"
        "    examples: {fail: [The gray cat.], pass: [The grey cat.]}\n"
        "  - id: colour\n"
        "    type: substitution\n"
        "    swap: {colour: color}\n"
        "    examples:\n"
        "      fail:\n"
        "        - fixed: The colour was red.\n"
        "          text: The colour was red.\n"
        "        - >-\n"
        "          The color\n"
        "          was red.\n"
        "      pass: [The color was red., The colour of money.]\n"
    )
    code, out, _ = run(capsys, "test", "house")
    assert code == 1
    assert [line.split(": house.colour: ")[0] for line in out.splitlines()[:-1]] == [
        "house/terms.yaml:12",
        "house/terms.yaml:13",
        "house/terms.yaml:16",
    ]
    assert out.splitlines()[1].endswith('reports nothing: "The color was red."')


def test_with_no_pack_the_packs_of_the_config_are_tested(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (desk / "house" / "terms.yaml").write_text(BROKEN)
    (desk / "newslint.yaml").write_text("extends: [core, uk-news]\nrules: [house]\n")
    code, out, _ = run(capsys, "test")
    assert code == 1
    assert out.endswith(" examples, 4 failed (3 packs)\n")
    assert {line.split(": ")[1] for line in out.splitlines()[:-1]} == {"house.colour"}


def test_the_built_in_packs_hold(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "test", "core", "us-news")
    assert (code, out.split(" examples ")[1]) == (0, "hold (2 packs)\n")


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "newslint: no built-in pack or folder named 'nowhere'"),
        (
            {"house/r.yaml": "rules:\n  - id: x\n    type: existence\n    tokns: [a]\n"},
            "newslint: house/r.yaml:4: rule 'x': unknown key 'tokns' (did you mean 'tokens'?)",
        ),
    ],
)
def test_a_rule_file_error_exits_2(
    desk: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str], message: str
) -> None:
    for name, text in files.items():
        (desk / name).write_text(text)
    code, out, err = run(capsys, "test", "house" if files else "nowhere")
    assert (code, out) == (2, "")
    assert err.startswith(message), err
