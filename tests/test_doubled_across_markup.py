"""A word doubled across inline markup is on the page twice: it is found, at its exact place,
and reported without a fix where dropping a word would cut through the markup."""

from __future__ import annotations

import pytest

from newslint import fix_text, lint_text


@pytest.mark.parametrize(
    ("fmt", "text", "line", "column", "end", "found"),
    [
        ("html", "<p>The plan was <b>the</b> the best.</p>\n", 1, 20, 31, "the</b> the"),
        ("html", "<p>The plan was the <b>the</b> best.</p>\n", 1, 17, 27, "the <b>the"),
        ("html", "<p>The plan was <i>the</i> <i>the</i> best.</p>\n", 1, 20, 34, "the</i> <i>the"),
        ("markdown", "# Ferry talks\n\nThe plan was *the* the best.\n", 3, 15, 23, "the* the"),
        ("markdown", "# Ferry talks\n\nThe plan was **the** the best.\n", 3, 16, 25, "the** the"),
        (
            "markdown",
            "# Ferry talks\n\nThe plan was [the](https://example.com) the best.\n",
            3,
            15,
            44,
            "the](https://example.com) the",
        ),
    ],
)
def test_a_word_doubled_across_markup_is_found_without_a_fix(
    fmt: str, text: str, line: int, column: int, end: int, found: str
) -> None:
    violations = lint_text(text, format=fmt)
    assert [
        (v.rule, v.line, v.column, v.end_column, v.found, v.replacement) for v in violations
    ] == [("core.doubled-word", line, column, end, found, None)]
    assert violations[0].message == "'the' is repeated"
    assert fix_text(text, format=fmt) == text  # the markup is left whole


def test_a_doubled_word_with_a_reference_between_is_still_fixed() -> None:
    text = "<p>The plan was the&nbsp;the best.</p>\n"
    (v,) = lint_text(text, format="html")
    assert (v.column, v.end_column, v.found, v.replacement) == (17, 29, "the&nbsp;the", "the")
    assert fix_text(text, format="html") == "<p>The plan was the best.</p>\n"


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("html", "<p>The plan was the<br>the best.</p>\n"),  # two lines on the page
        ("html", "<table><tr><td>the</td> <td>the</td></tr></table>\n"),  # two cells
        ("html", "<p>The plan was the</p>\n<p>the best.</p>\n"),  # two paragraphs
        ("markdown", "# Ferry talks\n\nThe plan was `the` the best.\n"),  # code is not prose
    ],
)
def test_words_that_markup_keeps_apart_are_not_doubled(fmt: str, text: str) -> None:
    assert [v.rule for v in lint_text(text, format=fmt)] == []
