"""A block quote (Markdown ``>``, HTML ``<blockquote>``) is a quotation: the speaker's words, in
the ``quote`` scope as text between quotation marks is, and no fix rewrites it unless the rule
checks quotations."""

from __future__ import annotations

import pytest

from newslint import fix_text, lint_text, load_style
from newslint.formats import parse
from newslint.quotes import QuotedAt

UK = load_style(["core", "uk-news"])

DRAFTS = {
    "markdown": (
        "# Talks resume\n\nDonald Trump spoke first.\n\n"
        "> Trump is right about 5 things, and the the rest can wait.\n\n"
        "Trump left with 3 aides.\n"
    ),
    "html": (
        "<h1>Talks resume</h1>\n<p>Donald Trump spoke first.</p>\n"
        "<blockquote><p>Trump is right about 5 things, and the the rest can wait.</p>"
        "</blockquote>\n"
        "<p>Trump left with 3 aides.</p>\n"
    ),
}
QUOTED = "Trump is right about 5 things, and the the rest can wait."


@pytest.mark.parametrize("fmt", sorted(DRAFTS))
def test_a_block_quote_is_a_quotation(fmt: str) -> None:
    text = DRAFTS[fmt]
    doc = parse(text, fmt)
    assert [text[s:e] for s, e in doc.quotes] == [QUOTED]
    found = [(v.rule, v.found) for v in lint_text(text, style=UK, format=fmt)]
    # The house's rules for body copy leave the speaker's words alone; a doubled word is a slip
    # wherever it is (core checks quotations too).
    assert found == [
        ("core.doubled-word", "the the"),
        ("uk-news.person-reference", "Trump"),
        ("uk-news.number-words", "3"),
    ]
    fixed = fix_text(text, style=UK, format=fmt)
    assert "Mr Trump left with three aides." in fixed
    assert "Trump is right about 5 things, and the rest can wait." in fixed


def test_a_document_finds_its_quotations_when_first_asked() -> None:
    from newslint.document import make_document

    doc = parse('Vote today\n\nShe said "we won" at last.\n\n> Not a word changed.\n', "markdown")
    assert "quotes" not in vars(doc)  # nothing has asked yet
    said = doc.text.index("we won")
    block = doc.text.index("Not a word")
    assert doc.quotes == ((said, said + len("we won")), (block, block + len(doc.text[block:]) - 1))
    assert doc.in_quote(said) and doc.scope_at(block) == "quote" and not doc.in_quote(0)
    assert make_document("No marks.", paragraphs=[(0, 9)]).quotes == ()


def test_quotations_read_paragraph_by_paragraph_agree_with_the_whole_draft() -> None:
    # A quotation left open at a paragraph's end, one reopened after a lost break, a post after
    # its cue, a post set on its own, and a block quote: each offset is quoted, or not, alike.
    text = (
        'Lead\n\nMr Blair said: "We will win.\n\n"And we will not stop. "Ask them."\n\n'
        "She wrote on Twitter: Mr Blair is wrong\n\n"
        "Proud of the team today! @CityCouncil\n\n"
        "> Mr Blair spoke first.\n\nMr Blair's 'own' words, then Blair left.\n"
    )
    whole = parse(text, "markdown")
    assert whole.quotes  # read for the whole draft
    by_paragraph = parse(text, "markdown")
    quoted_at = QuotedAt(by_paragraph)
    quoted = [quoted_at(i) for i in range(len(text))]
    assert "quotes" not in vars(by_paragraph)  # the draft's quotations were never all read
    # Asked about one offset, a draft reads the one paragraph that holds it.
    draft = parse(text, "markdown")
    asked = text.index("Ask them")
    (held,) = draft.paragraphs_holding(asked)
    start, end = draft.paragraphs[held]
    assert text[start:end] == '"And we will not stop. "Ask them."'
    one = QuotedAt(draft)
    assert one(asked) and list(one.read) == [held]
    assert quoted == [whole.in_quote(i) for i in range(len(text))]
    assert quoted[text.index("We will")] and quoted[text.index("Ask them")]
    assert quoted[text.index("is wrong")] and quoted[text.index("Proud")]
    assert quoted[text.index("spoke first")] and quoted[text.index("own")]
    assert not quoted[text.index("Mr Blair said")] and not quoted[text.index("then Blair")]
