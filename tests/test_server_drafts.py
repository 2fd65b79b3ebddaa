"""The server's newslint side, without the protocol (no pygls needed): formats, styles, edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.server.drafts import (
    Draft,
    Styles,
    directive,
    disable_edit,
    fix_all,
    is_setting_file,
    lint,
    uri_path,
    with_line_breaks,
)
from newslint.source import normalise_newlines


def apply(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


@pytest.mark.parametrize(
    ("uri", "language", "format"),
    [
        ("file:///news/a.md", "markdown", "markdown"),
        ("file:///news/a.txt", "html", "html"),  # the language beats the suffix
        ("file:///news/a.htm", "jinja", "html"),  # an unknown language: the suffix
        ("untitled:Untitled-1", "plaintext", "text"),
        ("untitled:Untitled-2", "", "text"),
    ],
)
def test_the_format_of_a_draft(uri: str, language: str, format: str) -> None:
    assert Draft(uri, language, 1, "").format == format


def test_paths_of_uris() -> None:
    assert uri_path("file:///news/caf%C3%A9%20copy.md") == "/news/café copy.md"
    assert uri_path("untitled:Untitled-1") is None


def test_setting_files() -> None:
    assert [is_setting_file(p) for p in ("/a/newslint.yaml", "/a/house/x.yml", "/a/b.md")] == [
        True,
        True,
        False,
    ]


def test_fix_all_is_the_smallest_edit_in_the_drafts_own_line_breaks() -> None:
    text = "Head\r\n\r\nThe the minister  spoke.\r\nShe left.\r\n"
    draft = Draft("untitled:a", "plaintext", 1, text)
    edit = fix_all(draft, Styles(["core"]))
    assert edit is not None
    lines = normalise_newlines(text).text
    assert (lines[edit.start : edit.end], edit.text) == ("the minister ", "minister")
    fixed = with_line_breaks(draft.source, apply(lines, edit.start, edit.end, edit.text))
    assert fixed == "Head\r\n\r\nThe minister spoke.\r\nShe left.\r\n"
    assert fix_all(Draft("untitled:b", "plaintext", 1, "Head\n\nAll well.\n"), Styles()) is None


def test_mixed_line_breaks_are_kept() -> None:
    source = normalise_newlines("a\r\nb\nc\rd")
    assert with_line_breaks(source, source.text.upper()) == "A\r\nB\nC\rD"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("markdown", "# Head\n\nFirst line\nthe the second line.\n"),
        ("markdown", "# Head\n\n- one\n- the the two\n"),
        ("html", "<h1>Head</h1>\n<p>First\nthe the second.</p>\n"),
        ("plaintext", "Head\n\nFirst line\nthe the second.\n"),
    ],
)
def test_the_disable_directive_silences_the_line(language: str, text: str) -> None:
    styles = Styles(["core"])
    draft = Draft("untitled:a", language, 1, text)
    [v] = lint(draft, styles).violations
    edit = disable_edit(draft, v)
    assert edit is not None
    assert edit.text == directive(draft.format, "core.doubled-word") + "\n"
    after = lint(
        Draft("untitled:a", language, 2, apply(text, edit.start, edit.end, edit.text)), styles
    )
    assert after.violations == ()


def test_a_broken_config_is_an_error_result_and_a_fixed_one_lints(tmp_path: Path) -> None:
    config = tmp_path / "newslint.yaml"
    config.write_text("extends: [core]\ndisable: [core.no-such-rule]\n", encoding="utf-8")
    draft = Draft((tmp_path / "a.md").as_uri(), "markdown", 1, "The the end.\n")
    styles = Styles()
    result = lint(draft, styles)
    assert result.violations == ()
    assert result.error is not None
    assert result.error.startswith(f"newslint: {config}:2: invalid config: 'disable': ")
    config.write_text("extends: [core]\n", encoding="utf-8")
    assert lint(draft, styles).error is not None  # read once per configuration...
    styles.reload()  # ...until it changes
    assert [v.rule for v in lint(draft, styles).violations] == ["core.doubled-word"]


def test_a_fix_that_would_cut_markup_is_shown_but_not_offered() -> None:
    text = "Budget talks resume\n\nThe fund is worth £4.5 *million*, or **£4.5 million**.\n"
    result = lint(Draft("file:///news/a.md", "markdown", 1, text), Styles(["uk-news"]))
    shown = [(v.found, v.replacement) for v in result.violations]
    assert shown == [("£4.5 *million", "£4.5m"), ("£4.5 million", "£4.5m")]
    assert result.fixable == frozenset({1})  # only the fix --fix makes is a quick fix
