"""List items in a fact box ("- 1,214 late sailings") are not sentences that a figure must not
open; a small figure opening one is spelled out, capitalised, in every format."""

from __future__ import annotations

import pytest

from newslint import fix_text, lint_text, load_style
from newslint.formats import parse

UK = load_style(["core", "uk-news"])

ITEMS = ("1,214 late sailings in 2024", "3 ships out of service", "15% of passengers affected")
DRAFTS = {
    "text": "Ferry operator fined\n\nKey figures:\n\n" + "".join(f"- {i}\n" for i in ITEMS),
    "markdown": "# Ferry operator fined\n\nKey figures:\n\n" + "".join(f"- {i}\n" for i in ITEMS),
    "html": "<h1>Ferry operator fined</h1>\n<p>Key figures:</p>\n<ul>\n"
    + "".join(f"<li>{i}</li>\n" for i in ITEMS)
    + "</ul>\n",
}


@pytest.mark.parametrize("fmt", sorted(DRAFTS))
def test_figures_opening_list_items_are_left_as_figures(fmt: str) -> None:
    text = DRAFTS[fmt]
    found = [(v.rule, v.found, v.replacement) for v in lint_text(text, style=UK, format=fmt)]
    assert found == [("uk-news.number-words", "3", "Three")]
    assert fix_text(text, style=UK, format=fmt) == text.replace("3 ships", "Three ships")


def test_the_readers_mark_list_items() -> None:
    markdown = parse(DRAFTS["markdown"], "markdown")
    assert [markdown.text[s:e] for s, e in markdown.items] == list(ITEMS)
    html = parse(DRAFTS["html"], "html")
    assert [html.text[s:e] for s, e in html.items] == list(ITEMS)
    assert parse(DRAFTS["text"], "text").items == ()


def test_a_figure_opening_a_sentence_of_prose_is_still_reported() -> None:
    text = "Ferry operator fined\n\nThe ferry was late. 1,214 sailings left late.\n"
    assert [(v.rule, v.found) for v in lint_text(text, style=UK)] == [
        ("uk-news.number-sentence-start", "1,214")
    ]


def test_only_the_first_paragraph_of_an_html_list_item_opens_the_item() -> None:
    page = (
        "<h1>Ferry</h1><ul><li><p>1,214 late sailings</p><p>12 more came in May.</p></li>"
        "<li>3 ships idle</li></ul>"
    )
    doc = parse(page, "html")
    assert [page[s:e] for s, e in doc.items] == ["1,214 late sailings", "3 ships idle"]
    found = [(v.rule, v.found) for v in lint_text(page, style=UK, format="html")]
    assert found == [("uk-news.number-sentence-start", "12"), ("uk-news.number-words", "3")]
