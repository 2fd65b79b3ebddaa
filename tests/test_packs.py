"""The built-in packs as data: every example of every rule is a test, and the packs are sound."""

from __future__ import annotations

import pytest

from newslint.checks import Rule
from newslint.examples import check_example, check_examples, context_of
from newslint.rulefile import builtin_packs, builtin_root, load_pack

PACKS = builtin_packs()
RULES: list[Rule] = [rule for pack in PACKS for rule in load_pack(builtin_root() / pack)]
CORE = [rule for rule in RULES if rule.pack == "core"]
CONTEXTS = {pack: context_of([r for r in RULES if r.pack == pack], CORE) for pack in PACKS}


def _cases(kind: str) -> list[tuple[str, str]]:
    out = []
    for rule in RULES:
        examples = rule.examples.fail_texts if kind == "fail" else rule.examples.pass_
        out.extend((rule.name, text) for text in examples)
    return out


def _rule(name: str) -> Rule:
    return next(r for r in RULES if r.name == name)


def test_core_pack_is_built_in() -> None:
    assert "core" in PACKS


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_has_examples_and_a_description(rule: Rule) -> None:
    assert rule.examples.fail, f"{rule.name} has no failing examples"
    assert rule.examples.pass_, f"{rule.name} has no passing examples"
    assert rule.description.strip(), f"{rule.name} has no description"


@pytest.mark.parametrize(("name", "text"), _cases("fail"))
def test_fail_example_is_flagged(name: str, text: str) -> None:
    found = check_example(_rule(name), text)
    assert found, f"{name} does not flag its example {text!r}"
    assert all(v.rule == name for v in found)


@pytest.mark.parametrize(("name", "text"), _cases("pass"))
def test_pass_example_is_clean(name: str, text: str) -> None:
    found = check_example(_rule(name), text)
    assert not found, [(v.line, v.column, v.message) for v in found]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_examples_hold_and_state_their_fixes(rule: Rule) -> None:
    """Each failing example that the rule fixes states its fixed text; the text is exactly what
    --fix makes of the example, and no rule of the pack (core and the pack, for a news pack)
    flags it."""
    problems = check_examples(rule, CONTEXTS[rule.pack], require_fixed=True)
    assert not problems, "\n".join(map(str, problems))


def test_rule_ids_are_unique() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
