"""Numbers, dates, times and titles with an HTML reference or markup between their words, as
CMS exports write them ("£4.5&nbsp;million", "8:28&nbsp;AM", "Prime&nbsp;Minister"): they are
read as the page shows them, reported with the reference inside the span, and fixed whole."""

from __future__ import annotations

import pytest

from newslint import Style, fix_text, lint_text, load_style

UK = load_style(["core", "uk-news"])
US = load_style(["core", "us-news"])


def page(body: str) -> str:
    return f"<h1>Budget talks resume</h1>\n<p>{body}</p>\n"


def found(text: str, style: Style, fmt: str = "html") -> list[tuple[str, int, int, int, str, str]]:
    return [
        (v.rule, v.line, v.column, v.end_column, v.found, v.message)
        for v in lint_text(text, style=style, format=fmt)
    ]


def test_a_sum_with_a_no_break_space_reference_is_read_and_fixed_whole() -> None:
    text = page("The fund is worth £4.5&nbsp;million a year.")
    assert found(text, UK) == [
        (
            "uk-news.millions",
            2,
            22,
            39,
            "£4.5&nbsp;million",
            "Write '£4.5 million' as '£4.5m'",
        )
    ]
    assert fix_text(text, style=UK, format="html") == page("The fund is worth £4.5m a year.")


def test_a_percentage_with_a_reference_is_a_percentage_not_a_small_figure() -> None:
    text = page("Prices rose 5&nbsp;per cent in March.")
    # Before, the figure was read alone and uk-news asked for "five": "five&nbsp;per cent".
    assert found(text, UK) == [
        (
            "uk-news.percent",
            2,
            16,
            31,
            "5&nbsp;per cent",
            "Write the percentage as '5%'",
        )
    ]
    assert fix_text(text, style=UK, format="html") == page("Prices rose 5% in March.")
    assert [
        v.rule
        for v in lint_text(page("Prices rose 5&#160;per&nbsp;cent."), style=UK, format="html")
    ] == ["uk-news.percent"]


@pytest.mark.parametrize("reference", ["&nbsp;", "&#160;", "&#xA0;", "&#8239;"])
def test_a_date_in_the_house_form_passes_with_a_reference_as_its_space(reference: str) -> None:
    text = page(f"The vote is on 13{reference}February 2025, officials said.")
    assert found(text, UK) == []
    date = f"13{reference}February 2025"
    column = 19
    assert found(text, US) == [
        (
            "us-news.date-format",
            2,
            column,
            column + len(date),
            date,
            "Write the date as 'Feb. 13, 2025'",
        )
    ]
    assert fix_text(text, style=US, format="html") == page(
        "The vote is on Feb. 13, 2025, officials said."
    )


def test_a_time_with_a_reference_is_written_the_house_way() -> None:
    text = page("The vote closed at 8:28&nbsp;AM on Monday.")
    assert found(text, UK) == [
        ("uk-news.time-format", 2, 23, 35, "8:28&nbsp;AM", "Write the time as '8.28am'")
    ]
    assert found(text, US) == [
        ("us-news.time-format", 2, 23, 35, "8:28&nbsp;AM", "Write the time as '8:28 a.m.'")
    ]
    assert fix_text(text, style=US, format="html") == page(
        "The vote closed at 8:28 a.m. on Monday."
    )
    # The house form with a no-break space in it passes.
    assert found(page("The vote closed at 8:28&nbsp;a.m. on Monday."), US) == []


def test_a_small_figure_before_a_reference_is_still_spelled_out() -> None:
    text = page("Police arrested 3&nbsp;men after the match.")
    assert found(text, UK) == [("uk-news.number-words", 2, 20, 21, "3", "Write '3' as 'three'")]
    assert fix_text(text, style=UK, format="html") == page(
        "Police arrested three&nbsp;men after the match."
    )


def test_markup_inside_a_sum_is_reported_and_left_for_the_writer() -> None:
    text = "Budget talks resume\n\nThe fund is worth £4.5 *million* a year.\n"
    assert found(text, UK, "markdown") == [
        (
            "uk-news.millions",
            3,
            19,
            32,
            "£4.5 *million",
            "Write '£4.5 million' as '£4.5m'",
        )
    ]
    # A fix would cut through the emphasis, so the text stays as it is.
    assert fix_text(text, style=UK, format="markdown") == text
    # Bold markup around the whole sum in HTML is outside the span: the fix is made.
    html = page("The fund is worth <b>£4.5 million</b> a year.")
    assert fix_text(html, style=UK, format="html") == page("The fund is worth <b>£4.5m</b> a year.")


def test_words_with_only_markup_between_them_are_not_one_date() -> None:
    # "13<b>February</b>" runs the words together on the page: no date is read there.
    text = page("The vote is on 13<b>February</b> 2025.")
    assert [v.rule for v in lint_text(text, style=US, format="html")] == []


def test_a_title_with_a_reference_between_its_words_is_the_title() -> None:
    text = page("Tony Blair, the Prime&nbsp;Minister, spoke first.")
    assert found(text, UK) == [
        (
            "uk-news.job-title",
            2,
            20,
            39,
            "Prime&nbsp;Minister",
            "A title standing alone is lower case: 'prime minister', not 'Prime Minister'",
        )
    ]
    assert fix_text(text, style=UK, format="html") == page(
        "Tony Blair, the prime minister, spoke first."
    )
    # The house form with a reference in it passes, before a name and alone.
    assert found(page("Prime&nbsp;Minister Tony Blair and the prime&#160;minister."), UK) == []


def test_markup_before_a_title_inside_a_sentence_starts_no_sentence() -> None:
    # Before, a masked character before the title read as a sentence start, and the
    # capitals passed as the sentence's own; the word before it was not read either.
    text = page("Tony Blair, the former&nbsp;Prime Minister, met the <b>Prime Minister</b>.")
    message = "A title standing alone is lower case: 'prime minister', not 'Prime Minister'"
    assert found(text, UK) == [
        ("uk-news.job-title", 2, 32, 46, "Prime Minister", message),
        ("uk-news.job-title", 2, 59, 73, "Prime Minister", message),
    ]
    assert fix_text(text, style=UK, format="html") == page(
        "Tony Blair, the former&nbsp;prime minister, met the <b>prime minister</b>."
    )
    # A title that opens its paragraph behind markup still opens a sentence.
    assert found(page("<b>Prime Minister</b> Tony Blair spoke."), UK) == []
    assert found("Head\n\n- Prime Minister Tony Blair spoke.\n", UK, "markdown") == []


def test_a_sentence_ends_with_markup_or_a_reference_after_its_full_stop() -> None:
    # Before, "ended.&nbsp;5" and "ended.* 5" ran on as one sentence, and the figure that opens
    # the second was spelled "five" in lower case.
    text = page("The vote ended.&nbsp;5 people left.")
    assert found(text, UK) == [("uk-news.number-words", 2, 25, 26, "5", "Write '5' as 'Five'")]
    assert fix_text(text, style=UK, format="html") == page("The vote ended.&nbsp;Five people left.")
    draft = "Vote\n\n*The vote ended.* 5 people left.\n"
    assert fix_text(draft, style=UK, format="markdown") == (
        "Vote\n\n*The vote ended.* Five people left.\n"
    )


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_full_name_joined_by_a_reference_introduces_the_person(fmt: str) -> None:
    # Before, "Ann&nbsp;Pike" was two one-word runs and never read as a full name, so the
    # bare "Pike" after "Ms Pike" went unreported.
    body = "The leader, Ann&nbsp;Pike, spoke. Ms&nbsp;Pike said yes. Pike left."
    text = page(body) if fmt == "html" else f"Budget talks resume\n\n{body}\n"
    line, column = (2, 61) if fmt == "html" else (3, 58)
    assert found(text, UK, fmt) == [
        (
            "uk-news.person-reference",
            line,
            column,
            column + 4,
            "Pike",
            "Later references take a courtesy title: 'Ms Pike'",
        )
    ]
