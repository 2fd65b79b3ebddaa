"""Subheadings (crossheads) are written as headlines are: in the ``headline`` scope, so the
house's body rules for figures and courtesy titles leave them alone, in Markdown and HTML."""

from __future__ import annotations

import pytest

from newslint import lint_text, load_style
from newslint.formats import parse

UK = load_style(["core", "uk-news"])

DRAFTS = {
    "markdown": (
        "# Budget: what it means for you\n\n"
        "Rachel Reeves delivered her budget on Wednesday. Ms Reeves said it was fair.\n\n"
        "## 5 things to know\n\n"
        "Fuel duty is frozen for 3 years.\n\n"
        "## Reeves defends tax rises\n\n"
        "Reeves said the rises were needed.\n"
    ),
    "html": (
        "<h1>Budget: what it means for you</h1>\n"
        "<p>Rachel Reeves delivered her budget on Wednesday. Ms Reeves said it was fair.</p>\n"
        "<h2>5 things to know</h2>\n<p>Fuel duty is frozen for 3 years.</p>\n"
        "<h3>Reeves defends tax rises</h3>\n<p>Reeves said the rises were needed.</p>\n"
    ),
}


@pytest.mark.parametrize("fmt", sorted(DRAFTS))
def test_subheadings_are_headline_copy(fmt: str) -> None:
    text = DRAFTS[fmt]
    doc = parse(text, fmt)
    assert [text[s:e] for s, e in doc.headings] == ["5 things to know", "Reeves defends tax rises"]
    assert doc.scope_at(text.index("5 things")) == "headline"
    assert doc.scope_at(text.index("Fuel duty")) == "body"
    found = [(v.rule, v.found, v.replacement) for v in lint_text(text, style=UK, format=fmt)]
    # Body copy is checked as before; the subheadings' figure and bare surname are left alone.
    assert found == [
        ("uk-news.number-words", "3", "three"),
        ("uk-news.person-reference", "Reeves", "Ms Reeves"),
    ]
