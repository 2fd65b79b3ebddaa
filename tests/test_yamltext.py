"""The YAML text ``suggest`` writes its pack in: read back, it is the value written."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.archive.yamltext import LONGEST_KEY, dump, scalar

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(VALUES)
def test_any_value_reads_back_as_itself(value: object) -> None:
    assert yaml.safe_load(dump(value)) == value


TRICKY = [
    "yes", "No", "ON", "off", "null", "Null", "~", "y", "", " ", "1.5", "0x1F", "1:20", ".inf",
    "- a", "a: b", "a #b", "#a", "'quoted'", '"quoted"', " lead", "trail ", "tab\there",
    "line\nbreak", "nel\x85here", "ls\u2028here", "bom\ufeff", "del\x7f", "{x}", "[x]", "&a",
    "*a", "!tag", "|", ">", "@a", "`a", "%a", "a, b", "e-mail", "don't", "Zelenskyy’s",
    "\\1a\\2", "(?<![\\w'’])colou?r", "emoji 😀", "lone \ud800",
]  # fmt: skip


def test_strings_yaml_would_read_as_something_else_are_quoted() -> None:
    for text in TRICKY:
        assert yaml.safe_load(dump(text)) == text, text
        assert yaml.safe_load(dump({text: [text]})) == {text: [text]}, text
    assert scalar("e-mail") == "e-mail"
    assert scalar("yes") == "'yes'"
    assert scalar("a: b") == "'a: b'"
    assert scalar("it's") == "it's"
    assert scalar("'quoted'") == "'''quoted'''"
    assert scalar("line\nbreak") == '"line\\nbreak"'
    assert scalar("nel\x85here") == '"nel\\u0085here"'


def test_a_rule_is_written_as_the_built_in_packs_write_theirs() -> None:
    rule = {
        "id": "compounds",
        "type": "substitution",
        "scope": ["body", "quote"],
        "swap": {"e-mail": "email", "cease fire": "ceasefire"},
        "wholeword": False,
        "examples": {"fail": ["Send an e-mail, then call."], "pass": []},
    }
    assert dump([rule]) == (
        "- id: compounds\n"
        "  type: substitution\n"
        "  scope: [body, quote]\n"
        "  swap:\n"
        "    e-mail: email\n"
        "    cease fire: ceasefire\n"
        "  wholeword: false\n"
        "  examples:\n"
        "    fail:\n"
        "      - Send an e-mail, then call.\n"
        "    pass: []\n"
    )


def test_a_key_too_long_to_stand_alone_is_an_explicit_key() -> None:
    key = "(?:" + "|".join(f"stem{i}" for i in range(LONGEST_KEY // 5)) + ")is(e|es)"
    assert len(key) > LONGEST_KEY
    value = {"swap": {key: "\\1iz\\2", "short": ["a", "b, c"]}, key: [{key: []}], "k": {key: {}}}
    text = dump(value)
    assert "\n  ? '" + key + "'\n  : '\\1iz\\2'\n" in text
    assert yaml.safe_load(text) == value
