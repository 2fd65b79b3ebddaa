"""Properties that hold for any draft: linting never raises, positions map back to the text,
fixing is idempotent and touches nothing outside the fixed spans."""

from __future__ import annotations

import json
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import Style, fix_text, lint_text, load_style
from newslint.fix import apply_fixes, fixable
from newslint.formats import parse
from newslint.rulefile import builtin_packs, parse_rules

PIECES = [
    "The",
    "the",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "minister",
    "said",
    ".",
    ",",
    "!",
    "?",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "(",
    ")",
    "Zelensky",
    "Zelenskyy",
    "Kiev",
    "Kyiv",
    "Mr",
    "Mr.",
    "Donald Trump",
    "Trump",
    "13 February 2025",
    "Feb. 13, 2025",
    "8:28 AM",
    "4 per cent",
    "5",
    "12",
    "colour",
    "organize",
    "Nato",
    "U.S.",
    "café",
    "😀",
    "👩‍👩‍👧",
    "# ",
    "> ",
    "- ",
    "`code`",
    "```\nKiev\n```\n",
    "[link](http://example.com/Kiev)",
    "<!-- note -->",
    "<b>",
    "https://example.org/a.B",
    "---\ntitle: Kiev\n---\n",
    "&amp;",
    "\r\n",
]

draft = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=200)
fmt = st.sampled_from(["text", "markdown", "html"])


@cache
def house(pack: str) -> Style:
    """A house style as a newsroom would set one: core plus one built-in pack.

    uk-news and us-news contradict each other by design, so they are never combined.
    """
    return load_style(["core", pack])


houses = st.sampled_from(builtin_packs()).map(house)


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts[line - 1] + column - 1


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=draft, format=fmt, style=houses)
def test_positions_map_back_to_found_text(text: str, format: str, style: Style) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for v in lint_text(text, style=style, format=format):
        assert 0 <= v.start <= v.end <= len(text)
        assert text[v.start : v.end] == v.found
        assert _offset(text, v.line, v.column) == v.start
        assert _offset(text, v.end_line, v.end_column) == v.end


@SETTINGS
@given(text=draft, format=fmt, style=houses)
def test_fix_is_idempotent_and_leaves_the_rest_alone(text: str, format: str, style: Style) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    violations = lint_text(text, style=style, format=format)
    once, applied = apply_fixes(text, violations)
    # Outside the fixed spans, one pass changes nothing: rebuild the text from the pieces.
    chosen = sorted((v for v in violations if v.replacement is not None), key=lambda v: v.start)
    if applied:
        pos = 0
        rebuilt = []
        for v in chosen:
            if v.start < pos:
                continue
            rebuilt.append(text[pos : v.start])
            rebuilt.append(v.replacement or "")
            pos = v.end
        rebuilt.append(text[pos:])
        assert once == "".join(rebuilt) or len(chosen) > applied
    fixed = fix_text(text, style=style, format=format)
    assert fix_text(fixed, style=style, format=format) == fixed
    # Nothing that --fix would apply is left.  A fix whose span cuts through markup is shown
    # and never applied (see the test below), so it may stay.
    remaining = fixable(lint_text(fixed, style=style, format=format), parse(fixed, format), style)
    assert remaining == [], [(v.rule, v.found, v.replacement) for v in remaining]


def test_a_fix_through_markup_is_shown_and_never_applied() -> None:
    # Found by the property above: "5 Feb" reads as a date with a comment between its words.
    text = "5<!-- note --> Feb. 13, 2025"
    style = house("uk-news")
    (v,) = lint_text(text, style=style, format="markdown")
    assert (v.rule, v.found, v.replacement) == ("uk-news.date-format", text[:18], "5 February")
    assert v.message == "Write the date as '5 February'"
    assert fixable([v], parse(text, "markdown"), style) == []
    assert fix_text(text, style=style, format="markdown") == text  # the comment stays


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)


@st.composite
def swap_rules(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    keys = draw(st.lists(WORD, min_size=1, max_size=6, unique=True))
    values = draw(st.lists(WORD, min_size=len(keys), max_size=len(keys)))
    swap = {k: v for k, v in zip(keys, values, strict=True) if v not in keys and k != v}
    return "gen", swap


@SETTINGS
@given(
    rule=swap_rules(), words=st.lists(WORD, max_size=40), seps=st.sampled_from([" ", "\n", ". "])
)
def test_generated_swaps_fix_every_match(
    rule: tuple[str, dict[str, str]], words: list[str], seps: str
) -> None:
    _, swap = rule
    if not swap:
        return
    lines = "\n".join(f"      {json.dumps(k)}: {json.dumps(v)}" for k, v in swap.items())
    yaml_text = f"rules:\n  - id: gen\n    type: substitution\n    swap:\n{lines}\n"
    style = Style(tuple(parse_rules(yaml_text, "gen.yaml", "gen")))
    text = "Headline\n\n" + seps.join(words + list(swap))
    fixed = fix_text(text, style=style)
    assert not lint_text(fixed, style=style)
    assert fix_text(fixed, style=style) == fixed
