"""Tables are data, not prose: a results table in Markdown (GitHub's pipe tables) or HTML is
masked, so its figures are not told to be words; the prose around it is checked as before."""

from __future__ import annotations

from newslint import lint_text, load_style
from newslint.document import MASK
from newslint.formats import parse

UK = load_style(["core", "uk-news"])

MARKDOWN = """\
# Results round-up

Arsenal beat Chelsea on Saturday.

| Team | Played | Won |
|------|--------|-----|
| Arsenal | 3 | 2 |
| Chelsea | 3 | 1 |

The the table was close.
"""


def test_a_markdown_pipe_table_is_masked_and_the_prose_around_it_is_checked() -> None:
    doc = parse(MARKDOWN, "markdown")
    table = MARKDOWN[MARKDOWN.index("| Team") : MARKDOWN.index("\n\nThe the")]
    start = MARKDOWN.index(table)
    assert doc.view[start : start + len(table)].replace("\n", "") == MASK * len(
        table.replace("\n", "")
    )
    found = [(v.rule, v.line, v.column) for v in lint_text(MARKDOWN, style=UK, format="markdown")]
    assert found == [("core.doubled-word", 10, 1)]


def test_pipes_without_a_delimiter_row_are_prose() -> None:
    text = "# Results\n\nArsenal | 3 goals | Chelsea\n"
    doc = parse(text, "markdown")
    assert doc.view.endswith("Arsenal | 3 goals | Chelsea\n")
    assert [(v.rule, v.found) for v in lint_text(text, style=UK, format="markdown")] == [
        ("uk-news.number-words", "3")
    ]


def test_an_html_table_is_masked_but_for_its_caption() -> None:
    page = (
        "<h1>Results round-up</h1>\n<table><caption>Table after 3 games</caption>\n"
        "<tr><td>Arsenal</td><td>3</td></tr></table>\n"
    )
    found = [(v.rule, v.found) for v in lint_text(page, style=UK, format="html")]
    assert found == [("uk-news.number-words", "3")]
    assert [v.column for v in lint_text(page, style=UK, format="html")] == [29]
