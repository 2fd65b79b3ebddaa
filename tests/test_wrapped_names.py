"""Hard-wrapped copy, and names and titles that the copy reads as one though a run of words
does not join them: a line break inside a paragraph, markup between the words, several spaces.
Before, uk-news asked for "Mr Trump" after "Mr\\nTrump" and its fix wrote "Mr\\nMr Trump", and
"rose 5\\nper cent" was told to write "five"."""

from __future__ import annotations

from newslint import Style, fix_text, lint_text, load_style

UK = load_style(["core", "uk-news"])
US = load_style(["core", "us-news"])

Found = list[tuple[str, int, int, str, str | None]]


def found(text: str, style: Style, fmt: str) -> Found:
    return [
        (v.rule, v.line, v.column, v.found, v.replacement)
        for v in lint_text(text, style=style, format=fmt)
    ]


WRAPPED = (
    "# Talks resume\n\n"
    "Donald Trump spoke first. Later in the day Mr\n"
    "Trump left, and President\n"
    "Trump said Donald\n"
    "Trump would return. Then Trump spoke.\n"
)


def test_a_hard_wrapped_paragraph_reads_names_and_titles_across_its_line_breaks() -> None:
    # Only the last "Trump" is bare; "President\nTrump" is a title before a name.
    assert found(WRAPPED, UK, "markdown") == [
        ("uk-news.person-reference", 6, 26, "Trump", "Mr Trump"),
    ]
    assert fix_text(WRAPPED, style=UK, format="markdown") == WRAPPED.replace(
        "Then Trump", "Then Mr Trump"
    )
    assert found(WRAPPED, US, "markdown") == [
        ("us-news.person-reference", 3, 44, "Mr\nTrump", "Trump"),
    ]
    assert fix_text(WRAPPED, style=US, format="markdown") == WRAPPED.replace("Mr\nTrump", "Trump")


def test_a_blank_line_or_the_end_of_the_headline_still_separates() -> None:
    text = "Talks with Mr\nTrump said the plan was good.\n"  # line 1 is the headline
    assert found(text, UK, "text") == [
        ("uk-news.person-reference", 2, 1, "Trump", "Donald Trump"),
    ]
    text = "Head\n\nThe Prime Minister spoke for Mr\n\nTrump was there.\n"
    assert [v.rule for v in lint_text(text, style=UK)] == [
        "uk-news.job-title",
        "uk-news.person-reference",
    ]


def test_markup_between_a_title_and_a_name_is_read_through() -> None:
    markdown = (
        "# Talks resume\n\nDonald Trump spoke. Later Mr *Trump* left and Mr [Trump](/t) "
        "waved; President **Trump** smiled. Blair's\nTrump left.\n"
    )
    assert found(markdown, UK, "markdown") == [
        ("uk-news.person-reference", 4, 1, "Trump", "Mr Trump"),
    ]
    html = (
        "<h1>Talks resume</h1>\n<p>Donald Trump spoke. Later Mr <b>Trump</b> left. "
        "The President</p>\n<p>Trump waved.</p>\n"
    )
    # A paragraph's end is not a gap: "The President" stands alone, and "Trump" is bare.
    assert found(html, UK, "html") == [
        ("uk-news.job-title", 2, 56, "President", "president"),
        ("uk-news.person-reference", 3, 4, "Trump", "Mr Trump"),
    ]
    # The fix that would cut through the tag is reported but not applied; the title's is.
    assert found(html, US, "html")[0] == (
        "us-news.person-reference",
        2,
        30,
        "Mr <b>Trump",
        "Trump",
    )
    assert fix_text(html, style=US, format="html") == html.replace("The President", "The president")
    # The message quotes the words as they read; the exact text stays in ``found``.
    first = lint_text(html, style=US, format="html")[0]
    assert first.message == "No courtesy title outside quotations: 'Trump', not 'Mr Trump'"
    assert first.found == "Mr <b>Trump"


def test_several_spaces_between_a_title_and_a_name() -> None:
    text = "Head\n\nDonald Trump spoke. Mr  Trump left.\n"
    assert found(text, UK, "text") == [("core.multiple-spaces", 3, 23, "  ", " ")]
    assert fix_text(text, style=UK) == "Head\n\nDonald Trump spoke. Mr Trump left.\n"


def test_numbers_dates_and_times_wrapped_over_a_line_are_read_whole() -> None:
    text = (
        "Council report\n\nThe rate rose by 5\nper cent on 13\nFebruary 2025 and the council\n"
        "spent £5\nmillion. The 3\nmen left at 10\nam.\n"
    )
    assert found(text, UK, "text") == [
        ("uk-news.percent", 3, 18, "5\nper cent", "5%"),
        ("uk-news.millions", 6, 7, "£5\nmillion", "£5m"),
        ("uk-news.number-words", 7, 14, "3", "three"),
        ("uk-news.time-format", 8, 13, "10\nam", "10am"),
    ]
    # The wrapped date is the uk-news form; us-news writes it its own way.
    assert ("us-news.date-format", 4, 13, "13\nFebruary 2025", "Feb. 13, 2025") in found(
        text, US, "text"
    )
    assert fix_text(text, style=UK) == (
        "Council report\n\nThe rate rose by 5% on 13\nFebruary 2025 and the council\n"
        "spent £5m. The three\nmen left at 10am.\n"
    )


def test_a_surname_used_as_an_adjective_is_read_through_markup() -> None:
    # "the Trump plan" needs no title; markup between the words changes nothing.
    markdown = "# Talks\n\nDonald Trump spoke. The *Trump* plan failed. A [Trump](/t) aide left.\n"
    assert found(markdown, UK, "markdown") == []
    html = (
        "<h1>Talks</h1><p>Donald Trump spoke. The&nbsp;Trump plan failed. The <b>Trump</b> "
        "administration fell. Trump waved.</p>"
    )
    assert found(html, UK, "html") == [("uk-news.person-reference", 1, 104, "Trump", "Mr Trump")]
