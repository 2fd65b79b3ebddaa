"""docs/rules.md is generated from the packs and must be kept up to date."""

from __future__ import annotations

from pathlib import Path

from newslint.docgen import COMMAND, render
from newslint.rulefile import builtin_packs, builtin_root, load_pack


def test_rules_md_is_up_to_date(root: Path) -> None:
    committed = (root / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render(), f"docs/rules.md is stale: run `{COMMAND}`"


def test_every_rule_is_documented_with_its_examples() -> None:
    text = render()
    for pack in builtin_packs():
        assert f"## {pack}\n" in text
        for rule in load_pack(builtin_root() / pack):
            section = text.split(f"### `{rule.name}`\n", 1)[1].split("\n### ", 1)[0]
            assert f"**Type:** {rule.type} · **Severity:** {rule.severity}" in section
            assert " ".join(rule.description.split()) in section
            for example in (*rule.examples.fail_texts, *rule.examples.pass_):
                assert example.split("\n")[0] in section


def test_rule_types_md_is_up_to_date(root: Path) -> None:
    from newslint import typedoc

    committed = (root / "docs" / "rule-types.md").read_text(encoding="utf-8")
    assert committed == typedoc.render(), f"docs/rule-types.md is stale: run `{typedoc.COMMAND}`"


def test_every_rule_type_and_key_is_documented() -> None:
    from newslint import typedoc
    from newslint.checks import RULE_TYPES
    from newslint.rulefile import yaml_keys

    text = typedoc.render()
    for name, cls in RULE_TYPES.items():
        section = text.split(f"## `{name}`\n", 1)[1].split("\n## ", 1)[0]
        for key in yaml_keys(cls):
            common = ("id", "type", "severity", "scope", "description", "note", "link", "examples")
            if key not in common:
                assert f"| `{key}` |" in section, (name, key)
