"""No-break spaces, as CMS exports write them between a title and a name, a number and its
unit, a day and its month: checks read them as spaces, and the text keeps them."""

from __future__ import annotations

import pytest

from newslint import Style, fix_text, lint_text, load_style
from newslint.document import MASK
from newslint.formats import parse

UK = load_style(["core", "uk-news"])
US = load_style(["core", "us-news"])
HEAD = "Talks resume\n\n"


def found(
    text: str, style: Style, fmt: str = "text"
) -> list[tuple[str, int, int, str, str | None]]:
    return [
        (v.rule, v.line, v.column, v.found, v.replacement)
        for v in lint_text(text, style=style, format=fmt)
    ]


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007"])
def test_the_view_reads_a_no_break_space_as_a_space(space: str) -> None:
    text = f"{HEAD}Mr{space}Trump arrived.\n"
    doc = parse(text, "text")
    assert doc.text == text
    assert doc.view == f"{HEAD}Mr Trump arrived.\n"


def test_a_title_joined_by_a_no_break_space_is_the_title() -> None:
    text = f"{HEAD}Donald Trump spoke. Later Mr\u00a0Trump left and Trump said no.\n"
    # uk-news: "Mr\u00a0Trump" has its title; only the last, bare "Trump" wants one.
    assert found(text, UK) == [("uk-news.person-reference", 3, 45, "Trump", "Mr Trump")]
    assert fix_text(text, style=UK) == (
        f"{HEAD}Donald Trump spoke. Later Mr\u00a0Trump left and Mr Trump said no.\n"
    )
    # us-news: the title goes, with the no-break space after it.
    assert found(text, US) == [("us-news.person-reference", 3, 27, "Mr\u00a0Trump", "Trump")]
    assert fix_text(text, style=US) == (
        f"{HEAD}Donald Trump spoke. Later Trump left and Trump said no.\n"
    )


def test_a_title_before_an_html_no_break_space_reference_is_the_title() -> None:
    page = (
        "<h1>Talks resume</h1>\n<p>Donald Trump spoke. Later Mr&nbsp;Trump left. "
        "Then Mr.&#160;Trump waved.</p>\n"
    )
    # Before, uk-news asked for "Mr Trump" here and its fix wrote "Mr&nbsp;Mr Trump".
    assert found(page, UK, "html") == [("uk-news.person-reference", 2, 55, "Mr.", "Mr")]
    assert found(page, US, "html") == [
        ("us-news.person-reference", 2, 30, "Mr&nbsp;Trump", "Trump"),
        ("us-news.person-reference", 2, 55, "Mr.&#160;Trump", "Trump"),
    ]
    assert fix_text(page, style=US, format="html") == (
        "<h1>Talks resume</h1>\n<p>Donald Trump spoke. Later Trump left. Then Trump waved.</p>\n"
    )


def test_dates_times_and_numbers_in_the_house_form_pass_with_no_break_spaces() -> None:
    text = (
        f"{HEAD}The talks on 13\u00a0February 2025 cost £5\u00a0million. "
        "The Prime\u00a0Minister Tony Blair was there.\n"
    )
    assert found(text, UK) == [("uk-news.millions", 3, 36, "£5\u00a0million", "£5m")]
    assert found(text, US) == [
        ("us-news.date-format", 3, 14, "13\u00a0February 2025", "Feb. 13, 2025")
    ]


def test_times_written_with_a_narrow_no_break_space_are_read() -> None:
    text = f"{HEAD}They met at 8:28\u202fAM on Monday.\n"
    assert found(text, UK) == [("uk-news.time-format", 3, 13, "8:28\u202fAM", "8.28am")]
    assert fix_text(text, style=UK) == f"{HEAD}They met at 8.28am on Monday.\n"


def test_invisible_characters_are_masked_and_a_title_before_them_still_counts() -> None:
    text = f"{HEAD}Donald Trump spoke. Mr \u200bTrump left, Mr\u2060Trump waved and Trump smiled.\n"
    doc = parse(text, "text")
    zwsp = text.index("\u200b")
    assert doc.view[zwsp] == MASK and doc.text[zwsp] == "\u200b"
    # Only the last "Trump" lacks a title; a fix never writes "Mr \u200bMr Trump".
    assert found(text, UK) == [("uk-news.person-reference", 3, 56, "Trump", "Mr Trump")]
    assert fix_text(text, style=UK) == text.replace("and Trump", "and Mr Trump")
    assert fix_text(text, style=US) == (
        f"{HEAD}Donald Trump spoke. Trump left, Trump waved and Trump smiled.\n"
    )
