"""A rule entry that refines a rule of another pack: merging, removing, strict errors, and where
each part came from (``newslint explain``, ``newslint config``)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import run
from newslint import lint_text, load_style
from newslint.checks.reference import Reference
from newslint.checks.substitution import Substitution
from newslint.errors import RuleFileError

BODY = "Headline\n\n"  # a plain-text draft's first line is its headline


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def people(work: Path, body: str) -> None:
    write(work / "house", "people.yaml", "rules:\n  - refines: uk-news.person-reference\n" + body)


def test_people_merge_by_name_and_the_rule_keeps_its_id(work: Path) -> None:
    people(
        work,
        """\
    remove: [Volodymyr Zelensky]
    people:
      - {name: Volodymyr Zelenskyy, honorific: Mr, variants: [Zelensky]}
      - {name: Wes Streeting, honorific: Mr}
      - {name: Nigel Farage, honorific: Dr}
""",
    )
    style = load_style(["uk-news", "house"])
    rule = style.get("uk-news.person-reference")
    assert isinstance(rule, Reference)
    assert style.get("house.person-reference") is None
    names = [p.name for p in rule.people]
    built_in = load_style(["uk-news"]).get("uk-news.person-reference")
    assert isinstance(built_in, Reference)
    listed = [p.name for p in built_in.people]
    assert "Volodymyr Zelensky" not in names
    assert names[-2:] == ["Volodymyr Zelenskyy", "Wes Streeting"]
    # the pack's people, one removed, two added; Farage replaced in place
    assert names == [n for n in listed if n != "Volodymyr Zelensky"] + names[-2:]
    farage = next(p for p in rule.people if p.name == "Nigel Farage")
    assert (farage.honorific, names.index("Nigel Farage")) == ("Dr", 5)  # its own place
    text = BODY + "Volodymyr Zelensky met Wes Streeting. Streeting said Zelenskyy agreed.\n"
    found = [(v.rule, v.column, v.message) for v in lint_text(text, style=style)]
    assert found == [
        (
            "uk-news.person-reference",
            11,
            "Spell the name 'Zelenskyy', not 'Zelensky'",
        ),
        ("uk-news.person-reference", 39, "Later references take a courtesy title: 'Mr Streeting'"),
        ("uk-news.person-reference", 54, "Later references take a courtesy title: 'Mr Zelenskyy'"),
    ]


def test_maps_merge_by_key_remove_drops_keys_and_scalars_replace(work: Path) -> None:
    write(
        work / "house",
        "places.yaml",
        """\
        rules:
          - refines: uk-news.place-names
            remove: [Bombay]
            swap: {Kiev: Kyiv, Rangoon: Yangon}
            severity: error
            message: "The Herald writes '{replacement}'"
        """,
    )
    style = load_style(["uk-news", "house"])
    rule = style.get("uk-news.place-names")
    assert isinstance(rule, Substitution)
    assert (rule.severity, rule.message) == ("error", "The Herald writes '{replacement}'")
    text = BODY + "Flights from Rangoon and Bombay to Kiev.\n"
    found = [(v.found, v.severity, v.message) for v in lint_text(text, style=style)]
    assert found == [
        ("Rangoon", "error", "The Herald writes 'Yangon'"),
        ("Kiev", "error", "The Herald writes 'Kyiv'"),
    ]


def test_lists_are_appended_to_and_remove_drops_words(work: Path) -> None:
    write(
        work / "base",
        "words.yaml",
        """\
        rules:
          - id: banned
            type: existence
            message: "Avoid '{found}'"
            tokens: [slammed, blasted]
        """,
    )
    write(
        work / "house",
        "words.yaml",
        """\
        rules:
          - refines: base.banned
            remove: [blasted]
            tokens: [slammed, lashed out]
        """,
    )
    rule = load_style(["base", "house"]).get("base.banned")
    assert rule is not None
    assert rule.tokens == ("slammed", "lashed out")  # type: ignore[attr-defined]
    found = lint_text(
        BODY + "She slammed, blasted and lashed out.\n", style=load_style(["base", "house"])
    )
    assert [v.found for v in found] == ["slammed", "lashed out"]


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        (
            "  - refines: uk-news.person-referense\n    severity: error\n",
            2,
            "refines 'uk-news.person-referense': no such rule in the packs loaded before this "
            "one (did you mean 'uk-news.person-reference'?)",
        ),
        (
            "  - refines: uk-news.person-reference\n    remove: [Volodymyr Zelenskyy]\n",
            3,
            "refines 'uk-news.person-reference': 'remove': 'Volodymyr Zelenskyy' is not in rule "
            "'uk-news.person-reference' (did you mean 'Volodymyr Zelensky'?)",
        ),
        (
            "  - refines: uk-news.person-reference\n    honorifc: required\n",
            3,
            "refines 'uk-news.person-reference': unknown key 'honorifc' for a rule of type "
            "'reference' (did you mean 'honorific'?)",
        ),
        (
            "  - refines: uk-news.person-reference\n    people:\n      - {name: Cher}\n",
            3,
            "refines 'uk-news.person-reference': 'Cher': a person's name needs a first name and "
            "surname",
        ),
        (
            "  - refines: uk-news.place-names\n    type: substitution\n",
            3,
            "rule entry: 'type' goes with a new rule; 'refines' takes the place of 'id' and "
            "'type' (the refined rule keeps its own)",
        ),
        (
            "  - refines: person-reference\n",
            2,
            "rule entry: 'refines' takes a full rule id, such as uk-news.person-reference",
        ),
    ],
)
def test_a_bad_refinement_is_an_error_with_file_line_and_a_hint(
    work: Path, capsys: pytest.CaptureFixture[str], entry: str, line: int, message: str
) -> None:
    write(work / "house", "r.yaml", "rules:\n" + entry)
    with pytest.raises(RuleFileError) as caught:
        load_style(["uk-news", "house"])
    assert (caught.value.line, caught.value.message) == (line, message)
    assert caught.value.path is not None and caught.value.path.endswith("r.yaml")
    write(work / "draft", "a.md", "Fine.\n")
    status, out, err = run(capsys, "--style", "uk-news,house", "draft/a.md")
    assert (status, out) == (2, "")
    assert err == f"newslint: {work / 'house' / 'r.yaml'}:{line}: {message}\n"


def test_a_refinement_needs_its_pack_loaded_first(work: Path) -> None:
    people(work, "    severity: error\n")
    with pytest.raises(RuleFileError, match="no such rule in the packs loaded before"):
        load_style(["house", "uk-news"])


def test_accepting_a_variant_keeps_the_courtesy_title_check(work: Path) -> None:
    """``accept: [Zelenskyy]`` accepts the spelling, not a bare surname at second reference."""
    write(work, "newslint.yaml", "extends: [uk-news]\naccept: [Zelenskyy]\n")
    write(work, "a.md", "Volodymyr Zelenskyy spoke on Monday. Later Zelenskyy said more.\n")
    found = [(v.column, v.message, v.replacement) for v in _lint(work / "a.md")]
    assert found == [
        (44, "Later references take a courtesy title: 'Mr Zelenskyy'", "Mr Zelenskyy"),
    ]


def _lint(path: Path) -> list:  # type: ignore[type-arg]
    from newslint.project import Project
    from newslint.runner import lint_path

    project = Project()
    return list(lint_path(str(path), project.profile(str(path)).style).violations)


HERALD = Path(__file__).resolve().parent.parent / "examples" / "the-river-herald"


def test_explain_shows_the_merged_rule_and_where_each_part_came_from(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(HERALD)
    status, out, _ = run(capsys, "explain", "uk-news.person-reference")
    assert status == 0
    lines = out.splitlines()
    assert lines[2:5] == [
        "From: uk-news",
        "Refined in herald/people.yaml:4: removes Volodymyr Zelensky; adds to people "
        "(Volodymyr Zelenskyy, Yvette Cooper, Wes Streeting, Bridget Phillipson); adds examples",
        "",
    ]
    assert "    Donald Trump (honorific: Mr)  [uk-news]" in lines
    assert (
        "    Volodymyr Zelenskyy (honorific: Mr; variants: Zelensky, Zelenskiy, Zelenskii)"
        "  [herald/people.yaml:4]"
    ) in lines
    assert not any(line.startswith("    Volodymyr Zelensky ") for line in lines)
    # The house's own example is checked with the merged rule.
    at = lines.index('  "Volodymyr Zelensky spoke in Kyiv on Monday."')
    assert lines[at + 1] == (
        "    1:11: warning Spell the name 'Zelenskyy', not 'Zelensky' "
        "(fix: replace 'Zelensky' with 'Zelenskyy')"
    )


def test_config_lists_where_each_rule_comes_from(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(HERALD)
    status, out, _ = run(capsys, "config", "draft.md")
    assert status == 0
    origins = yaml.safe_load(out)["from"]
    assert origins["uk-news.person-reference"] == "uk-news, refined in herald/people.yaml:4"
    assert origins["core.doubled-word"] == "core"  # uk-news brings core
    assert origins["uk-news.place-names"] == "uk-news"


def test_a_bad_key_of_an_added_person_is_reported_at_its_line(work: Path) -> None:
    people(
        work,
        """\
    people:
      - {name: Wes Streeting, honorific: Mr}
      - name: Yvette Cooper
        honorfic: Ms
""",
    )
    with pytest.raises(RuleFileError) as caught:
        load_style(["uk-news", "house"])
    assert (caught.value.line, caught.value.message) == (
        6,
        "refines 'uk-news.person-reference': unknown key 'honorfic' (did you mean 'honorific'?)",
    )


def test_a_refined_rule_is_disabled_and_leveled_by_its_own_id(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people(work, "    people: [{name: Wes Streeting, honorific: Mr}]\n")
    write(work, "a.txt", BODY + "Wes Streeting spoke. Streeting left.\n")
    write(work, "newslint.yaml", "extends: [uk-news]\nrules: [house]\n")
    status, out, _ = run(capsys, "--format", "json", "a.txt")
    found = json.loads(out)
    assert status == 0  # a warning, below the default fail-on
    assert [(v["rule"], v["column"], v["severity"]) for v in found] == [
        ("uk-news.person-reference", 22, "warning")
    ]
    write(
        work,
        "newslint.yaml",
        "extends: [uk-news]\nrules: [house]\nseverity: {uk-news.person-reference: error}\n",
    )
    status, out, _ = run(capsys, "a.txt")
    assert (status, out) == (
        1,
        "a.txt:3:22: error uk-news.person-reference Later references take a courtesy title: "
        "'Mr Streeting'\n",
    )
    write(
        work,
        "newslint.yaml",
        "extends: [uk-news]\nrules: [house]\ndisable: [uk-news.person-reference]\n",
    )
    assert run(capsys, "a.txt") == (0, "", "No violations in 1 file.\n")
    write(work, "newslint.yaml", "extends: [uk-news]\nrules: [house]\ndisable: [house]\n")
    status, _, err = run(capsys, "a.txt")
    assert status == 2  # a folder of refinements alone brings no rules of its own
    assert "'disable': unknown rule or pack 'house'" in err
