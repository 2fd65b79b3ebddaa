"""The document model: positions in code points, line endings, headlines, masks and quote scopes."""

from __future__ import annotations

import codecs

import pytest

from newslint import lint_text
from newslint.document import MASK, Document, make_document
from newslint.formats import parse
from newslint.rulefile import parse_rules
from newslint.source import decode
from newslint.style import Style

# "zebra" stands in for any word a rule flags; it is checked in every scope.
ZEBRA = Style(
    tuple(
        parse_rules(
            "rules:\n"
            "  - id: zebra\n"
            "    type: existence\n"
            "    scope: [headline, body, quote]\n"
            "    ignorecase: true\n"
            "    tokens: [zebra]\n",
            "zebra.yaml",
            "t",
        )
    )
)


def zebras(text: str, format: str = "text") -> list[tuple[int, int, int]]:
    """(line, column, end column) of each 'zebra' flagged in ``text``."""
    return [(v.line, v.column, v.end_column) for v in lint_text(text, style=ZEBRA, format=format)]


def span_text(doc: Document, span: tuple[int, int] | None) -> str | None:
    return None if span is None else doc.text[span[0] : span[1]]


# --- offsets to lines and columns -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("“Quiet,” said the zebra.", (2, 19, 24)),
        ("Señora Müller-Łukasiewicz saw a zebra.", (2, 33, 38)),
        ("Crowds 🎉🎉 cheered a zebra.", (2, 21, 26)),  # 🎉 is one astral code point
        ("The 👩‍👩‍👧 family saw a zebra.", (2, 24, 29)),  # a ZWJ sequence: five code points
        ("\tIndented\ta zebra.", (2, 13, 18)),  # a tab is one column
        ("Noël’s café: zebra.", (2, 14, 19)),
    ],
)
def test_columns_count_code_points(line: str, expected: tuple[int, int, int]) -> None:
    assert zebras(f"Headline\n{line}\n") == [expected]


def test_position_of_every_offset_maps_back() -> None:
    doc = parse("Émile 🎉\n\n\tzebra ‘x’\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(6) == (1, 7)  # the emoji
    assert doc.position(7) == (1, 8)  # the line break ends line 1
    assert doc.position(8) == (2, 1)
    assert doc.position(9) == (3, 1)  # the tab
    assert doc.position(10) == (3, 2)
    assert doc.position(len(doc.text)) == (4, 1)
    assert doc.line_text(3) == "\tzebra ‘x’"


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_crlf_and_lone_cr_give_the_positions_of_lf(ending: str) -> None:
    lines = ["Zebra crossing opens", "", "A “zebra” ran by.", "Then a zebra and a 🦓 zebra."]
    lf = "\n".join(lines) + "\n"
    other = decode(lf.replace("\n", ending).encode("utf-8"), "draft.txt")
    assert other.text == lf
    assert other.newline == ending
    expected = [(1, 1, 6), (3, 4, 9), (4, 8, 13), (4, 22, 27)]
    assert zebras(lf) == expected
    assert zebras(other.text) == expected
    assert other.encode(other.text) == lf.replace("\n", ending).encode("utf-8")


def test_mixed_line_endings_are_kept_for_writing_back() -> None:
    data = b"Head\r\nOne\rTwo\nThree"
    source = decode(data, "x.txt")
    assert source.text == "Head\nOne\nTwo\nThree"
    assert source.newlines == ("\r\n", "\r", "\n")
    assert source.encode(source.text) == data


def test_utf8_bom_is_not_a_character() -> None:
    text = "Zebra día\n\nÉl, a zebra.\n"
    source = decode(codecs.BOM_UTF8 + text.encode("utf-8"), "x.txt")
    assert source.bom == codecs.BOM_UTF8
    assert source.text == text
    assert zebras(source.text) == [(1, 1, 6), (3, 7, 12)]
    assert source.encode(source.text) == codecs.BOM_UTF8 + text.encode("utf-8")


# --- the view -----------------------------------------------------------------------------------

MARKDOWN = """\
---
title: "The zebra’s day"
author: zebra
tags: [zebra, news]
summary: A zebra summary.
---

Prose zebra `zebra code` zebra.

    zebra indented code

```text
zebra fenced code
```

See https://example.com/zebra and zebra@example.com then zebra.
A [zebra link](https://example.com/zebra "zebra title") and <https://zebra.example.org>.
Tags <span class="zebra">zebra</span> and <!-- zebra comment --> zebra.

<div class="zebra">
zebra in an HTML block
</div>

<!--
zebra in a comment block
-->

[zebra-ref]: https://example.com/zebra "Zebra"

Last zebra [here][zebra-ref].
"""


def test_view_has_the_length_and_line_breaks_of_the_text() -> None:
    doc = parse(MARKDOWN, "markdown")
    assert len(doc.view) == len(doc.text)
    # Every character is the text's or a mask, but for the line breaks inside a paragraph
    # between two words, which read as spaces.
    soft = [i for i, c in enumerate(doc.view) if c != doc.text[i] and c != MASK]
    assert soft == [i for i, c in enumerate(doc.text) if c == "\n" and doc.view[i] == " "]
    assert [doc.text[i - 5 : i + 6] for i in soft] == ["ebra.\nA [ze", "org>.\nTags "]
    assert all(any(s < i < e for s, e in doc.paragraphs) for i in soft)
    assert [i for i, c in enumerate(doc.view) if c == "\n"] == [
        i for i, c in enumerate(doc.text) if c == "\n" and i not in soft
    ]


def test_a_line_break_inside_a_paragraph_reads_as_a_space_unless_white_space_is_beside_it() -> None:
    text = "Head\n\nThe rate rose 5\nper cent.  \nA hard break; and\n  an indented line.\n\nNext.\n"
    doc = parse(text, "text")
    assert doc.view == (
        "Head\n\nThe rate rose 5 per cent.  \nA hard break; and\n  an indented line.\n\nNext.\n"
    )
    assert parse("Head\nBody text\n", "text").view == "Head\nBody text\n"  # the headline ends
    listed = "Head\n\nThe plan:\n- new schools\n2. more buses\n"
    assert parse(listed, "text").view == listed  # a list item's line keeps its break


def test_markdown_masks_code_urls_markup_and_front_matter() -> None:
    assert zebras(MARKDOWN, "markdown") == [
        (2, 13, 18),  # the front-matter title is the headline
        (5, 12, 17),  # summary is prose
        (8, 7, 12),
        (8, 26, 31),
        (16, 58, 63),
        (17, 4, 9),  # link text is prose; its destination and title are not
        (18, 26, 31),  # the element's content is prose; its attributes are not
        (18, 66, 71),
        (30, 6, 11),
    ]


def test_markdown_front_matter_values_that_are_not_copy_are_masked() -> None:
    doc = parse(MARKDOWN, "markdown")
    first_lines = doc.view.split("\n")[:6]
    assert first_lines[2] == MASK * len("author: zebra")
    assert first_lines[3] == MASK * len("tags: [zebra, news]")
    assert first_lines[4] == MASK * len("summary: ") + "A zebra summary."


def test_capitalised_domains_are_masked() -> None:
    text = "Head\n\nThe fansite Zebra.Stripes.Org and Zebras.com reopened.Then it shut.\n"
    doc = parse(text)
    assert doc.view.split("\n")[2] == (
        "The fansite " + MASK * 17 + " and " + MASK * 10 + " reopened.Then it shut."
    )


def test_plain_text_masks_urls_and_email_addresses() -> None:
    text = "Zebra\n\nMail desk@zebra.org, see www.zebra.org/news or zebra.co.uk; a zebra.\n"
    assert zebras(text) == [(1, 1, 6), (3, 63, 68)]


# --- headlines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "format", "headline"),
    [
        ("\n\n  Council backs plan  \nBody line.\n\nMore.", "text", "Council backs plan"),
        ("One line only", "text", "One line only"),
        ("# Council backs plan #\n\nBody.", "markdown", "Council backs plan"),
        ("Intro para.\n\n## Council backs plan\n\nBody.", "markdown", "Council backs plan"),
        ("Council backs\nnew plan\n===\n\nBody.", "markdown", "Council backs\nnew plan"),
        ("Council backs plan\n---\n\nBody.", "markdown", "Council backs plan"),
        ("---\ntitle: Plan backed\n---\n\n# Other heading\n", "markdown", "Plan backed"),
        ("---\nheadline: 'Plan backed'\n---\n\nBody.", "markdown", "Plan backed"),
        ("Just a paragraph.\n", "markdown", None),
        ("", "text", None),
    ],
)
def test_headline(text: str, format: str, headline: str | None) -> None:
    doc = parse(text, format)
    assert span_text(doc, doc.headline) == headline


def test_headline_scope() -> None:
    doc = parse("Zebra wins\nThe zebra ran.\n")
    assert doc.scope_at(0) == "headline"
    assert doc.scope_at(11) == "body"
    assert [span_text(doc, p) for p in doc.paragraphs] == ["Zebra wins", "The zebra ran."]


# --- quotations -------------------------------------------------------------------------------


def quotes(text: str, format: str = "text") -> list[str]:
    doc = parse(text, format)
    return [doc.text[s:e] for s, e in doc.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Head\n\nShe said "we won" and left.', ["we won"]),
        ("Head\n\nShe said “we won” and left.", ["we won"]),
        ("Head\n\nShe said ‘we won’ and left.", ["we won"]),
        ("Head\n\nIt’s Mr O’Neill’s zebras’ day.", []),  # apostrophes only
        ("Head\n\nHe said ‘it’s late’ and left.", ["it’s late"]),
        ("Head\n\n“Nested ‘inner’ quote,” she said.", ["Nested ‘inner’ quote,"]),
        ('Head\n\n("Yes.") "No," she said.', ["Yes.", "No,"]),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert quotes(text) == expected


def test_straight_single_quotes_are_quotes_in_a_headline() -> None:
    doc = parse("Job cuts 'false economy' - union\n\nBody.")
    assert [doc.text[s:e] for s, e in doc.quotes] == ["false economy"]
    assert doc.scope_at(doc.text.index("false")) == "quote"
    assert doc.scope_at(0) == "headline"


def test_a_quotation_over_several_paragraphs() -> None:
    text = "Head\n\n“We will go on.\n\n“We will not stop.\n\n“Never,” she said. Then zebra."
    assert quotes(text) == ["We will go on.", "We will not stop.", "Never,"]
    doc = parse(text)
    assert doc.scope_at(text.index("Then")) == "body"


def test_a_quotation_whose_paragraph_break_was_lost() -> None:
    # Each paragraph of the quotation opens with a mark; the breaks between them are gone.
    text = 'Head\n\nShe said: "We will go on. "We will not stop." Then a zebra came.'
    assert quotes(text) == ["We will go on. ", "We will not stop."]
    doc = parse(text)
    assert doc.scope_at(text.index("Then")) == "body"


def test_quote_scope_decides_which_rules_apply() -> None:
    body_only = Style(
        tuple(parse_rules("rules:\n- id: z\n  type: existence\n  tokens: [zebra]\n", "z.yaml", "t"))
    )
    text = 'Head\n\nA zebra said "zebra" and “zebra,” then ‘zebra’.'
    assert [(v.line, v.column) for v in lint_text(text, style=body_only)] == [(3, 3)]
    assert zebras(text) == [(3, 3, 8), (3, 15, 20), (3, 27, 32), (3, 41, 46)]


def test_a_paragraph_listed_twice_reads_its_line_breaks_once() -> None:
    text = "Council votes\nto close library\n"
    doc = make_document(text, headline=(0, 29), paragraphs=[(0, 29), (0, 29)])
    assert doc.view == "Council votes to close library\n"
    assert len(doc.view) == len(text)


def test_a_leading_h1_that_repeats_the_front_matter_title_is_masked() -> None:
    text = (
        '---\ntitle: "Ferry plan backed"\n---\n\n'
        "# Ferry Plan Backed\n\nThe the plan.\n\n# Ferry plan backed\n"
    )
    doc = parse(text, "markdown")
    assert doc.headline is not None
    assert text[slice(*doc.headline)] == "Ferry plan backed"
    h1 = text.index("# Ferry Plan")
    assert doc.view[h1 : h1 + 18] == MASK * 18  # the repeat, read once as the headline
    later = text.rindex("Ferry plan backed")
    assert doc.view[later : later + 17] == "Ferry plan backed"  # not the opening block: body
    # A leading heading with other words is a heading of the body, as before.
    other = parse("---\ntitle: Ferry plan backed\n---\n\n# Council votes\n\nText.\n", "markdown")
    assert "Council votes" in other.view
