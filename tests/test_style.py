"""Composing a style: packs in order, and rules that give way to a house's choices."""

from __future__ import annotations

from pathlib import Path

from newslint import fix_text, lint_text, load_style

HOUSE = """
rules:
  - id: zelensky
    type: substitution
    severity: error
    scope: [headline, body, quote]
    swap: {Zelenskyy: Zelensky}
    examples: {fail: ["Mr Zelenskyy spoke."], pass: ["Mr Zelensky spoke."]}
"""


def _house(tmp_path: Path) -> Path:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "names.yaml").write_text(HOUSE, encoding="utf-8")
    return folder


def test_consistency_gives_way_where_the_house_has_chosen(tmp_path: Path) -> None:
    style = load_style(["core", _house(tmp_path)])
    text = "Talks\n\nMr Zelenskyy arrived. Mr Zelenskyy spoke. Mr Zelensky left.\n"
    found = [(v.rule, v.column, v.replacement) for v in lint_text(text, style=style)]
    # Only the house speaks: core would have asked for the draft's majority, "Zelenskyy".
    assert found == [("house.zelensky", 4, "Zelensky"), ("house.zelensky", 26, "Zelensky")]
    assert fix_text(text, style=style) == text.replace("Zelenskyy", "Zelensky")


def test_other_groups_of_the_consistency_rule_stay(tmp_path: Path) -> None:
    style = load_style(["core", _house(tmp_path)])
    text = "Talks\n\nGaddafi spoke. Qaddafi left. Gaddafi stayed.\n"
    found = [(v.rule, v.found, v.replacement) for v in lint_text(text, style=style)]
    assert found == [("core.name-spelling", "Qaddafi", "Gaddafi")]


def test_core_alone_asks_for_one_form(tmp_path: Path) -> None:
    style = load_style(["core"])
    text = "Talks\n\nMr Zelenskyy arrived. Mr Zelenskyy spoke. Mr Zelensky left.\n"
    found = [(v.rule, v.found, v.replacement) for v in lint_text(text, style=style)]
    assert found == [("core.name-spelling", "Zelensky", "Zelenskyy")]


def test_a_deferring_rule_keeps_each_group_s_own_pattern() -> None:
    from dataclasses import replace

    from newslint.checks.consistency import Consistency

    core = load_style(["core"])
    rule = core.get("core.name-spelling")
    assert isinstance(rule, Consistency)
    deferred = rule.deferring_to({"Kiev": "Kyiv", "Zelenskyy": "Zelensky"})
    assert deferred is not None
    assert deferred.either == tuple(
        g for g in rule.either if "Kiev" not in g and "Zelenskyy" not in g
    )
    fresh = replace(rule, either=deferred.either)  # compiled from scratch
    assert [p.pattern for p in deferred._groups] == [p.pattern for p in fresh._groups]
    assert deferred._signs == fresh._signs
    assert rule.deferring_to({}) is rule
    only_zelensky = replace(rule, either=rule.either[:1])
    assert only_zelensky.deferring_to({"Zelenskyy": "Zelensky"}) is None  # nothing left
