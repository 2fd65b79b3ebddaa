"""HTML drafts: what is prose, what is masked, and exact positions through entities."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newslint import fix_text, lint_text, load_style
from newslint.document import MASK
from newslint.formats import format_for, parse
from newslint.style import Style

HOUSE = """\
rules:
  - id: kyiv
    type: substitution
    severity: error
    swap: {Kiev: Kyiv}
    scope: [headline, body, quote]
    examples: {fail: ["In Kiev."], pass: ["In Kyiv."]}
  - id: ampersand
    type: existence
    tokens: ["&"]
    message: "Spell out 'and'"
    examples: {fail: ["A & B."], pass: ["A and B."]}
  - id: dash
    type: existence
    tokens: ["—"]
    message: "No dashes"
    examples: {fail: ["A — B."], pass: ["A - B."]}
  - id: curly
    type: substitution
    wholeword: false
    swap: {"’": "'"}
    examples: {fail: ["It’s."], pass: ["It's."]}
"""

PAGE = """\
<html><head><title>Ignored Kiev title</title></head>
<body>
<h1>Kiev café &amp; bar</h1>
<p>Zoë said the road to
Kiev was &ldquo;open&rdquo; &mdash; for now.</p>
<pre>Kiev in code</pre>
<script>var s = "Kiev";</script>
<style>.Kiev { color: red }</style>
<!-- Kiev in a comment -->
<p class="x" data-city="Kiev">Back in <code>Kiev</code> Kiev, it&#8217;s late.</p>
</body></html>
"""


@pytest.fixture(scope="module")
def house_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("packs") / "house"
    folder.mkdir()
    (folder / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def house(house_dir: Path) -> Style:
    return load_style([house_dir])


def found(text: str, style: Style) -> list[tuple[int, int, int, int, str, str]]:
    return [
        (v.line, v.column, v.end_line, v.end_column, v.rule, v.found)
        for v in lint_text(text, style=style, path="draft.html")
    ]


def test_suffixes_mean_html() -> None:
    assert format_for("story.html") == "html"
    assert format_for("STORY.HTM") == "html"


def test_positions_through_markup_entities_and_non_ascii(house: Style) -> None:
    assert found(PAGE, house) == [
        (3, 5, 3, 9, "house.kyiv", "Kiev"),
        (3, 15, 3, 20, "house.ampersand", "&amp;"),
        (5, 1, 5, 5, "house.kyiv", "Kiev"),
        (5, 29, 5, 36, "house.dash", "&mdash;"),
        (10, 57, 10, 61, "house.kyiv", "Kiev"),
        (10, 65, 10, 72, "house.curly", "&#8217;"),
    ]


def test_headline_is_h1_and_the_title_is_masked_then() -> None:
    doc = parse(PAGE, "html")
    assert doc.headline is not None
    assert PAGE[slice(*doc.headline)] == "Kiev café &amp; bar"
    assert doc.scope_at(doc.headline[0]) == "headline"
    title = PAGE.index("Ignored")
    assert doc.view[title] == MASK
    assert not any(start <= title < end for start, end in doc.paragraphs)


def test_title_is_the_headline_without_h1(house: Style) -> None:
    page = "<html><head><title>Troops leave Kiev</title></head>\n<p>Kiev is quiet.</p>\n"
    doc = parse(page, "html")
    assert doc.headline is not None
    assert page[slice(*doc.headline)] == "Troops leave Kiev"
    assert [(v.line, v.column) for v in lint_text(page, style=house, path="a.htm")] == [
        (1, 33),
        (2, 4),
    ]


def test_view_keeps_length_and_reads_entities_as_characters() -> None:
    page = "<p>Fish &amp; chips&nbsp;&#8212;&#x2019;&bogus; caf&eacute;</p>"
    doc = parse(page, "html")
    assert len(doc.view) == len(page)
    prose = doc.view.replace(MASK, "")
    assert prose == "Fish & chips —’&bogus; café"  # a no-break space reads as a space
    # The decoded character stands at the last offset of its reference.
    amp = page.index("&amp;")
    assert doc.view[amp : amp + 5] == MASK * 4 + "&"
    assert (amp, amp + 5) in doc.references


def test_what_is_prose_and_what_is_masked() -> None:
    page = (
        "<nav>Home</nav><div>Loose</div>\n"
        "<ul><li>One<li>Two</ul><dl><dt>Term<dd>Meaning</dl>\n"
        "<figure><figcaption>Caption</figcaption></figure>\n"
        "<blockquote>Quoted</blockquote><table><caption>Table</caption><td>Cell</td></table>\n"
        "<textarea>Typed</textarea><p>A <b>bold</b> word<br>and more</p>\n"
    )
    doc = parse(page, "html")
    texts = [page[s:e] for s, e in doc.paragraphs]
    assert texts == [
        "One",
        "Two",
        "Term",
        "Meaning",
        "Caption",
        "Quoted",
        "Table",
        "A <b>bold</b> word<br>and more",
    ]
    for word in ("Home", "Loose", "Cell", "Typed", "<b>"):
        at = page.index(word)
        assert doc.view[at : at + len(word)] == MASK * len(word), word
    # A line break is masked but for its last offset, which reads as the space it shows.
    at = page.index("<br>")
    assert doc.view[at : at + 4] == MASK * 3 + " "
    assert any(s <= at and at + 4 <= e for s, e in doc.masked)


def test_a_line_break_separates_words_and_stays_as_written(house: Style) -> None:
    page = "<h1>Results</h1>\n<p>Arsenal 2<br>Chelsea 1<br/>The the match ended.</p>\n"
    doc = parse(page, "html")
    assert doc.read(page.index("Arsenal"), page.index(" 1<br/>")) == "Arsenal 2 Chelsea"
    uk = load_style(["core", "uk-news"])
    found = [(v.rule, v.column, v.found) for v in lint_text(page, style=uk, format="html")]
    assert found == [("core.doubled-word", 31, "The the")]
    # "Mr<br>Trump" is a courtesy title and a name; a fix across the tag is not made.
    names = "<h1>Talks</h1>\n<p>Mr<br>Trump spoke. Donald Trump left.</p>\n"
    [v] = lint_text(names, style=uk, format="html")
    assert (v.rule, v.found, v.replacement) == (
        "uk-news.person-reference",
        "Mr<br>Trump",
        "Donald Trump",
    )
    assert fix_text(names, style=uk, format="html") == names


def test_apostrophe_entity_does_not_close_a_quotation() -> None:
    page = "<p>&lsquo;We don&rsquo;t know,&rsquo; she said.</p>"
    doc = parse(page, "html")
    assert [page[s:e] for s, e in doc.quotes] == ["We don&rsquo;t know,&rsquo"]


def test_fix_replaces_the_whole_entity(house: Style) -> None:
    page = "<p>It&rsquo;s cold in Kiev.</p>\n"
    assert fix_text(page, style=house, path="a.html") == "<p>It's cold in Kyiv.</p>\n"


def test_multiline_tags_and_comments_keep_lines(house: Style) -> None:
    page = (
        '<p\n  class="lede">Crowds\nfilled <a href="/kiev"\n  title="Kiev">the square in Kiev'
        "</a>.<!-- note\nKiev --> Kiev</p>\n"
    )
    assert found(page, house) == [
        (4, 30, 4, 34, "house.kyiv", "Kiev"),
        (5, 10, 5, 14, "house.kyiv", "Kiev"),
    ]


def test_command_walks_html_files(tmp_path: Path, house_dir: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.htm").write_text("<h1>Back to Kiev</h1>\n", encoding="utf-8")
    (drafts / "b.html").write_text("<p>In Kyiv.</p>\n<p>Kiev</p>", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "--style", str(house_dir), "drafts"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        "drafts/a.htm:1:13: error house.kyiv Use 'Kyiv' rather than 'Kiev'",
        "drafts/b.html:2:4: error house.kyiv Use 'Kyiv' rather than 'Kiev'",
    ]
