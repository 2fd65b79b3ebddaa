"""Markdown drafts read HTML character references as their characters, where CommonMark does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run
from newslint.document import MASK
from newslint.formats import parse

Capsys = pytest.CaptureFixture[str]
NEWS = ("--isolated", "--style", "core", "--style", "uk-news")


def lint(
    tmp_path: Path, capsys: Capsys, draft: str, *argv: str
) -> list[tuple[int, int, int, str, str]]:
    """Lint ``draft`` as a Markdown file with core and uk-news: line, column, end column, rule
    and found text of each violation."""
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    _, out, _ = run(capsys, *NEWS, "--format", "json", *argv, str(tmp_path / "draft.md"))
    return [
        (v["line"], v["column"], v["end_column"], v["rule"], v["found"]) for v in json.loads(out)
    ]


def test_references_in_prose_read_as_their_characters() -> None:
    draft = "# Ferry&nbsp;plan\n\nFish &amp; chips&nbsp;&#8212;&#x2019;&bogus; caf&eacute; *bar*\n"
    doc = parse(draft, "markdown")
    assert len(doc.view) == len(draft)
    # A no-break space reads as a space; an unknown name stays as written.
    assert doc.view.replace(MASK, "") == "Ferry plan\n\nFish & chips —’&bogus; café bar\n"
    amp = draft.index("&amp;")
    assert doc.view[amp : amp + 5] == MASK * 4 + "&"
    assert [draft[s:e] for s, e in doc.references] == [
        "&nbsp;",
        "&amp;",
        "&nbsp;",
        "&#8212;",
        "&#x2019;",
        "&eacute;",
    ]


def test_a_decoded_line_break_or_tab_reads_as_a_space() -> None:
    draft = "One&#10;two&Tab;three\n"
    doc = parse(draft, "markdown")
    assert doc.view.replace(MASK, "") == "One two three\n"


def test_front_matter_copy_reads_references_too() -> None:
    draft = '---\ntitle: "Mr&nbsp;Hale&rsquo;s ferry"\nslug: a&amp;b\n---\n\nBody.\n'
    doc = parse(draft, "markdown")
    assert doc.headline is not None
    assert doc.view[slice(*doc.headline)].replace(MASK, "") == "Mr Hale’s ferry"
    assert [draft[s:e] for s, e in doc.references] == ["&nbsp;", "&rsquo;"]


@pytest.mark.parametrize(
    ("draft", "unread"),
    [
        ("Type `&amp;` for and.\n", "`&amp;`"),
        ("Type ``a &amp; b`` here.\n", "``a &amp; b``"),
        ("Code:\n\n```\nx &amp; y\n```\n", "x &amp; y"),
        ("Code:\n\n    x &amp; y\n", "    x &amp; y"),
        (
            "See [the plan](https://example.org/?a=1&amp;b=2) now.\n",
            "(https://example.org/?a=1&amp;b=2)",
        ),
        ("Mail <https://example.org/a&amp;b> now.\n", "<https://example.org/a&amp;b>"),
        ('A <span title="&amp;">word</span> here.\n', '<span title="&amp;">'),
        ("<div>\nFish &amp; chips\n</div>\n", "Fish &amp; chips"),
    ],
)
def test_references_in_code_links_and_tags_stay_masked(draft: str, unread: str) -> None:
    doc = parse(draft, "markdown")
    at = draft.index(unread)
    assert doc.view[at : at + len(unread)] == MASK * len(unread)
    assert doc.references == ()


@pytest.mark.parametrize(
    "written",
    [
        r"A \&amp; B",  # an escaped ampersand is text
        r"A \\\&amp; B",  # an escaped backslash, then an escaped ampersand
        "A &amp B",  # no semicolon
        "A &ampfoo; B",  # not an HTML5 name, though html.unescape reads its &amp
        "A &bogus; B",
        "A &#12345678; B",  # CommonMark allows seven decimal digits at most
        "A &#x1234567; B",  # and six hex digits
    ],
)
def test_what_is_not_a_reference_stays_as_written(written: str) -> None:
    doc = parse(written + "\n", "markdown")
    assert doc.references == ()
    reference = written[written.index("&") : written.rindex(" ")]
    assert reference in doc.view


def test_an_escaped_backslash_leaves_the_reference_to_be_read() -> None:
    draft = r"A \\&amp; B" + "\n"
    doc = parse(draft, "markdown")
    assert [draft[s:e] for s, e in doc.references] == ["&amp;"]
    assert doc.view.replace(MASK, "") == "A & B\n"


def test_quote_marks_and_apostrophes_written_as_references(tmp_path: Path, capsys: Capsys) -> None:
    draft = (
        "Ferry plan\n\n"
        "&ldquo;Mrs Reeves&rsquo; plan is sound,&rdquo; he said. It&rsquo;s costed.\n\n"
        "&ldquo;We will act, she said.\n\n"
        'He replied: "Fine."\n'
    )
    assert lint(tmp_path, capsys, draft, "--select", "core") == [
        # The possessive apostrophe neither closes the quotation nor clashes with the marks.
        (5, 1, 8, "core.unbalanced-quotes", "&ldquo;"),
        (7, 13, 14, "core.mixed-quotes", '"'),
        (7, 19, 20, "core.mixed-quotes", '"'),
    ]
    doc = parse(draft, "markdown")
    assert draft[slice(*doc.quotes[0])] == "Mrs Reeves&rsquo; plan is sound,&rdquo"


def test_findings_span_whole_references(tmp_path: Path, capsys: Capsys) -> None:
    draft = "Ferry plan\n\nMrs&nbsp;Reeves said the vote&nbsp; passed at 10&nbsp;pm.\n"
    assert lint(tmp_path, capsys, draft) == [
        (3, 1, 16, "uk-news.person-reference", "Mrs&nbsp;Reeves"),
        # The two spaces start at the last offset of "&nbsp;": the finding takes it whole.
        (3, 30, 37, "core.multiple-spaces", "&nbsp; "),
        (3, 47, 57, "uk-news.time-format", "10&nbsp;pm"),
    ]


def test_fix_replaces_references_whole(tmp_path: Path, capsys: Capsys) -> None:
    draft = (
        "Ferry plan\n\nThe vote&nbsp; passed at 10&nbsp;pm with 4&nbsp;per cent against `&nbsp;`.\n"
    )
    assert lint(tmp_path, capsys, draft, "--fix") == []
    assert (tmp_path / "draft.md").read_text(encoding="utf-8") == (
        "Ferry plan\n\nThe vote passed at 10pm with 4% against `&nbsp;`.\n"
    )


def test_an_html_line_break_in_markdown_separates_words_and_stays_as_written() -> None:
    from newslint import fix_text, lint_text, load_style

    text = "# Results\n\nArsenal 2<br>Chelsea 1<br/>The the match ended. `a<br>b` stays code.\n"
    doc = parse(text, "markdown")
    at = text.index("<br>")
    assert doc.view[at : at + 4] == MASK * 3 + " "
    code = text.index("`a<br>b`")
    assert doc.view[code : code + 8] == MASK * 8  # inside code it is no line break
    uk = load_style(["core", "uk-news"])
    assert [(v.rule, v.column, v.found) for v in lint_text(text, style=uk, format="markdown")] == [
        ("core.doubled-word", 28, "The the")
    ]
    assert fix_text(text, style=uk, format="markdown") == text.replace("The the", "The")
