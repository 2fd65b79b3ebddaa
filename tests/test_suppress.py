"""Suppression directives in Markdown, HTML and plain text, and accepted terms."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newslint import lint_text, load_style
from newslint.formats import parse
from newslint.style import Style, select_rules

RULES = """\
rules:
  - id: kyiv
    type: substitution
    severity: error
    swap: {Kiev: Kyiv}
    examples: {fail: ["In Kiev."], pass: ["In Kyiv."]}
  - id: odesa
    type: substitution
    severity: error
    swap: {Odessa: Odesa}
    examples: {fail: ["In Odessa."], pass: ["In Odesa."]}
"""
OTHER = """\
rules:
  - id: utilise
    type: substitution
    swap: {utilise: use}
    examples: {fail: ["We utilise it."], pass: ["We use it."]}
"""


@pytest.fixture(scope="module")
def style(tmp_path_factory: pytest.TempPathFactory) -> Style:
    root = tmp_path_factory.mktemp("packs")
    for name, text in (("city", RULES), ("plain", OTHER)):
        (root / name).mkdir()
        (root / name / "rules.yaml").write_text(text, encoding="utf-8")
    return load_style([root / "city", root / "plain"])


def report(text: str, style: Style, path: str) -> list[tuple[int, int, str]]:
    return [(v.line, v.column, v.rule) for v in lint_text(text, style=style, path=path)]


def test_markdown_disable_and_enable_by_rule_and_pack(style: Style) -> None:
    draft = (
        "# Kiev\n"  # 1
        "\n"
        "<!-- newslint-disable city.kyiv -->\n"  # 3
        "\n"
        "Kiev and Odessa; we utilise both.\n"  # 5
        "\n"
        "<!-- newslint-disable -->\n"  # 7
        "<!-- newslint-enable plain -->\n"  # 8
        "\n"
        "Kiev and Odessa; we utilise both.\n"  # 10
        "\n"
        "<!-- newslint-enable -->\n"  # 12
        "\n"
        "Kiev and Odessa; we utilise both.\n"  # 14
    )
    assert report(draft, style, "a.md") == [
        (1, 3, "city.kyiv"),
        (5, 10, "city.odesa"),
        (5, 21, "plain.utilise"),
        (10, 21, "plain.utilise"),
        (14, 1, "city.kyiv"),
        (14, 10, "city.odesa"),
        (14, 21, "plain.utilise"),
    ]


def test_markdown_next_line_and_inline_directive(style: Style) -> None:
    draft = (
        "# Headline\n"
        "\n"
        "<!-- newslint-disable-next-line city.kyiv, plain -->\n"
        "Kiev and Odessa; we utilise both.\n"  # 4
        "Kiev again.\n"  # 5
        "\n"
        "In Odessa <!-- newslint-disable city --> and Kiev.\n"  # 7
    )
    assert report(draft, style, "a.md") == [
        (4, 10, "city.odesa"),
        (5, 1, "city.kyiv"),
        (7, 4, "city.odesa"),
    ]


def test_disable_file_anywhere(style: Style) -> None:
    draft = "# Kiev\n\nOdessa, we utilise.\n\n<!-- newslint-disable-file city -->\n"
    assert report(draft, style, "a.md") == [(3, 12, "plain.utilise")]
    assert report(draft.replace(" city -->", " -->"), style, "a.md") == []


def test_directives_in_code_are_not_directives(style: Style) -> None:
    draft = (
        "# Headline\n"
        "\n"
        "```\n"
        "<!-- newslint-disable-file -->\n"
        "```\n"
        "\n"
        "Write `<!-- newslint-disable-file -->` to stop it. Kiev.\n"  # 7
    )
    doc = parse(draft, "markdown")
    assert doc.directives == ()
    assert report(draft, style, "a.md") == [(7, 52, "city.kyiv")]


def test_unknown_rule_and_directive_are_warned_at_the_name(style: Style) -> None:
    draft = (
        "# Headline\n\n<!-- newslint-disable-next-line city.kiev citi -->\nKiev.\n\n"
        "<!-- newslint-disabel-next-line -->\nOdessa.\n"
    )
    found = lint_text(draft, style=style, path="a.md")
    assert [(v.line, v.column, v.end_column, v.rule, v.severity, v.message) for v in found] == [
        (
            3,
            33,
            42,
            "newslint.unknown-rule",
            "warning",
            "newslint-disable-next-line names an unknown rule or pack 'city.kiev'"
            " (did you mean 'city.kyiv'?)",
        ),
        (
            3,
            43,
            47,
            "newslint.unknown-rule",
            "warning",
            "newslint-disable-next-line names an unknown rule or pack 'citi'"
            " (did you mean 'city'?)",
        ),
        (4, 1, 5, "city.kyiv", "error", "Use 'Kyiv' rather than 'Kiev'"),
        (
            6,
            6,
            32,
            "newslint.unknown-directive",
            "warning",
            "unknown directive 'newslint-disabel-next-line' (did you mean"
            " 'newslint-disable-next-line'?)",
        ),
        (7, 1, 7, "city.odesa", "error", "Use 'Odesa' rather than 'Odessa'"),
    ]


def test_a_rule_dropped_by_selection_is_still_known(style: Style) -> None:
    narrowed = select_rules(style, [], ["city.kyiv"])
    draft = "# Headline\n\n<!-- newslint-disable-next-line city.kyiv -->\nOdessa.\n"
    assert report(draft, narrowed, "a.md") == [(4, 1, "city.odesa")]


def test_html_comments(style: Style) -> None:
    page = (
        "<h1>Kiev</h1>\n"
        "<!-- newslint-disable-next-line city.kyiv -->\n"
        "<p>Kiev, Odessa.</p>\n"
        "<p>Kiev <!-- newslint-disable --> Odessa</p>\n"
        "<script>// <!-- newslint-enable --></script>\n"
        "<p>Kiev</p>\n"
    )
    assert report(page, style, "a.html") == [
        (1, 5, "city.kyiv"),
        (3, 10, "city.odesa"),
        (4, 4, "city.kyiv"),
    ]


def test_plain_text_directive_lines_are_masked(style: Style) -> None:
    draft = (
        "[newslint-disable-next-line city]\n"  # 1: not the headline
        "Kiev talks resume\n"  # 2: the headline, suppressed
        "\n"
        "We utilise Odessa.\n"  # 4
        "  [newslint-disable plain]  \n"  # 5
        "We utilise Odessa.\n"  # 6
        "Not a directive: [newslint-disable city] Kiev.\n"  # 7
    )
    doc = parse(draft, "text")
    assert doc.headline is not None
    assert draft[slice(*doc.headline)] == "Kiev talks resume"
    assert report(draft, style, "a.txt") == [
        (4, 4, "plain.utilise"),
        (4, 12, "city.odesa"),
        (6, 12, "city.odesa"),
        (7, 42, "city.kyiv"),
    ]


def test_accepted_terms_match_exactly(style: Style, tmp_path: Path) -> None:
    accepting = replace(style, accept=frozenset({"Odessa"}))
    draft = "Headline\n\nOdessa, Texas, is not ODESSA or Kiev.\n"
    assert report(draft, accepting, "a.txt") == [(3, 33, "city.kyiv")]
    assert report(draft, style, "a.txt") == [(3, 1, "city.odesa"), (3, 33, "city.kyiv")]
