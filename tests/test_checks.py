"""Each rule type on drafts written for these tests: rule, position, message, fix and fixed text."""

from __future__ import annotations

import pytest

from newslint import fix_text, lint_text
from newslint.errors import RuleFileError
from newslint.rulefile import parse_rules
from newslint.style import Style

Row = tuple[str, int, int, int, str, str | None]


def style(rule: str) -> Style:
    """A style of one rule, written as the body of a rule file's list item."""
    lines = rule.strip("\n").split("\n")
    body = "\n".join(["  - " + lines[0], *("    " + line for line in lines[1:])])
    return Style(tuple(parse_rules(f"rules:\n{body}\n", "test.yaml", "t")))


def report(text: str, rules: Style, format: str = "text") -> list[Row]:
    return [
        (v.rule, v.line, v.column, v.end_column, v.message, v.replacement)
        for v in lint_text(text, style=rules, format=format)
    ]


# --- existence --------------------------------------------------------------------------------

EXISTENCE = style("""
id: cliche
type: existence
message: "Avoid '{found}'"
tokens: [slammed, "in the wake of", 'game[- ]changer']
exceptions: ["slammed the door"]
""")


def test_existence_words_phrases_and_patterns() -> None:
    text = "Council row\n\nCritics slammed the plan in the  wake of a game-changer vote."
    assert report(text, EXISTENCE) == [
        ("t.cliche", 3, 9, 16, "Avoid 'slammed'", None),
        ("t.cliche", 3, 26, 41, "Avoid 'in the  wake of'", None),
        ("t.cliche", 3, 44, 56, "Avoid 'game-changer'", None),
    ]


def test_existence_is_whole_words_and_case_sensitive_by_default() -> None:
    text = "Head\n\nShe unslammed it, the slammedness, Slammed and slammed-up."
    assert report(text, EXISTENCE) == []


def test_existence_exceptions() -> None:
    text = "Head\n\nHe slammed the door, then slammed the plan."
    assert [(line, col) for _, line, col, *_ in report(text, EXISTENCE)] == [(3, 27)]


def test_existence_ignorecase() -> None:
    rules = style("id: x\ntype: existence\nignorecase: true\ntokens: [slammed]")
    text = "SLAMMED\n\nSlammed, slammed."
    assert [(line, col) for _, line, col, *_ in report(text, rules)] == [(1, 1), (3, 1), (3, 10)]


def test_existence_across_a_line_break() -> None:
    assert [
        (v.line, v.column, v.end_line, v.end_column)
        for v in lint_text("Head\n\nIt came in the\nwake of the vote.", style=EXISTENCE)
    ] == [(3, 9, 4, 8)]


def test_a_message_stays_on_one_line_when_the_text_found_breaks_a_line() -> None:
    found = lint_text("Head\n\nIt came in the\r\n  wake of the vote.", style=SUBSTITUTION_WAKE)
    assert [(v.line, v.column, v.message, v.found) for v in found] == [
        (3, 9, "Write 'after', not 'in the wake of' or 'in the wake'", "in the\r\n  wake")
    ]


# --- substitution -----------------------------------------------------------------------------

SUBSTITUTION_WAKE = style("""
id: wake
type: substitution
message: "Write '{replacement}', not '{found} of' or\\n  '{found}'"
swap: {in the wake: after}
""")

SUBSTITUTION = style("""
id: spelling
type: substitution
message: "Use '{replacement}', not '{found}'"
swap: {colour: color, Kiev: Kyiv, per cent: percent, '(\\w+)ise\\b': '\\1ize'}
""")


def test_substitution_keeps_the_case_of_the_match() -> None:
    text = "Colour row\n\nThe colour, the COLOUR and per  cent."
    assert report(text, SUBSTITUTION) == [
        ("t.spelling", 1, 1, 7, "Use 'Color', not 'Colour'", "Color"),
        ("t.spelling", 3, 5, 11, "Use 'color', not 'colour'", "color"),
        ("t.spelling", 3, 17, 23, "Use 'COLOR', not 'COLOUR'", "COLOR"),
        ("t.spelling", 3, 28, 37, "Use 'percent', not 'per  cent'", "percent"),
    ]
    assert fix_text(text, style=SUBSTITUTION) == "Color row\n\nThe color, the COLOR and percent."


def test_substitution_key_with_capitals_matches_only_as_written() -> None:
    text = "Head\n\nKiev, kiev, KIEV and Kyiv."
    assert report(text, SUBSTITUTION) == [
        ("t.spelling", 3, 1, 5, "Use 'Kyiv', not 'Kiev'", "Kyiv"),
    ]


def test_substitution_leaves_text_that_reads_the_replacement() -> None:
    assert report("Head\n\nThe color in Kyiv: 10 percent.", SUBSTITUTION) == []


def test_substitution_reads_a_phrase_across_an_html_reference() -> None:
    text = (
        "<h1>Head</h1>\n"
        "<p>It rose 5 per&nbsp;cent in the&#160;wake of the <i>per</i> cent row.</p>\n"
    )
    assert report(text, SUBSTITUTION, "html") == [
        ("t.spelling", 2, 14, 27, "Use 'percent', not 'per cent'", "percent"),
        ("t.spelling", 2, 55, 67, "Use 'percent', not 'per cent'", "percent"),
    ]
    assert report(text, SUBSTITUTION_WAKE, "html") == [
        ("t.wake", 2, 28, 44, "Write 'after', not 'in the wake of' or 'in the wake'", "after"),
    ]
    # The reference goes with the phrase; a fix that would cut through the <i> tag is not made.
    assert fix_text(text, style=SUBSTITUTION, format="html") == (
        "<h1>Head</h1>\n<p>It rose 5 percent in the&#160;wake of the <i>per</i> cent row.</p>\n"
    )


def test_substitution_pattern_with_group_reference() -> None:
    text = "Head\n\nThey organise it; Realise that."
    assert report(text, SUBSTITUTION) == [
        ("t.spelling", 3, 6, 14, "Use 'organize', not 'organise'", "organize"),
        ("t.spelling", 3, 19, 26, "Use 'Realize', not 'Realise'", "Realize"),
    ]
    assert fix_text(text, style=SUBSTITUTION) == "Head\n\nThey organize it; Realize that."


@pytest.mark.parametrize(
    ("swap", "message"),
    [
        (
            "{Kiev: Kyiv, Kyiv: Kiev}",
            "the replacement 'Kyiv' of 'Kiev' would itself be replaced by 'Kiev' (a cycle)",
        ),
        ("{Kiev: Kyiv, Kyiv: Kyyiv}", "the replacement 'Kyiv' of 'Kiev' would itself be replaced"),
        ("{Kiev: Kiev}", "'Kiev' is swapped for itself"),
    ],
)
def test_substitution_rejects_cycles_and_chains(swap: str, message: str) -> None:
    with pytest.raises(RuleFileError) as err:
        style(f"id: s\ntype: substitution\nswap: {swap}")
    assert str(err.value).startswith(f"test.yaml:2: rule 's': {message}")


# --- consistency ------------------------------------------------------------------------------

CONSISTENCY = style("""
id: names
type: consistency
message: "'{found}' here, but '{replacement}' elsewhere"
either:
  - [Zelensky, Zelenskyy]
  - [al-Qaeda, al-Qaida]
  - ['\\w+ise\\b', '\\w+ize\\b']
""")


def test_consistency_majority_wins() -> None:
    text = "Zelenskyy visit\n\nZelensky spoke. Zelenskyy listened. Zelenskyy's aide left."
    assert report(text, CONSISTENCY) == [
        ("t.names", 3, 1, 9, "'Zelensky' here, but 'Zelenskyy' elsewhere", "Zelenskyy"),
    ]
    assert fix_text(text, style=CONSISTENCY) == (
        "Zelenskyy visit\n\nZelenskyy spoke. Zelenskyy listened. Zelenskyy's aide left."
    )


def test_consistency_tie_goes_to_the_form_used_first() -> None:
    text = "Head\n\nZelenskyy spoke. Then Zelensky spoke."
    assert report(text, CONSISTENCY) == [
        ("t.names", 3, 23, 31, "'Zelensky' here, but 'Zelenskyy' elsewhere", "Zelenskyy"),
    ]


def test_consistency_capitalised_variant_at_a_sentence_start() -> None:
    text = "Head\n\nAl-Qaeda denied it. Officials said al-Qaida had changed, al-Qaida said."
    assert report(text, CONSISTENCY) == [
        ("t.names", 3, 1, 9, "'Al-Qaeda' here, but 'Al-Qaida' elsewhere", "Al-Qaida"),
    ]


def test_consistency_pattern_variants_name_the_form_without_guessing_a_fix() -> None:
    text = "Head\n\nThey organise, realise and organize."
    assert report(text, CONSISTENCY) == [
        ("t.names", 3, 28, 36, "'organize' here, but 'organise' elsewhere", None),
    ]
    assert fix_text(text, style=CONSISTENCY) == text


def test_consistency_counts_quotes_when_the_rule_checks_them() -> None:
    text = "Head\n\n“Zelensky will come,” she said. Zelenskyy came."
    assert report(text, CONSISTENCY) == [
        ("t.names", 3, 33, 42, "'Zelenskyy' here, but 'Zelensky' elsewhere", "Zelensky"),
    ]


# --- repetition -------------------------------------------------------------------------------

REPETITION = style("""
id: doubled
type: repetition
message: "'{word}' twice"
exceptions: [had]
""")


def test_repetition_and_its_fix() -> None:
    text = "The the plan\n\nIt had had a a cost, and it it's fine.\nSo so\nso."
    assert report(text, REPETITION) == [
        ("t.doubled", 1, 1, 8, "'the' twice", "The"),
        ("t.doubled", 3, 12, 15, "'a' twice", "a"),
        ("t.doubled", 4, 1, 6, "'so' twice", "So"),
    ]
    assert (
        fix_text(text, style=REPETITION) == "The plan\n\nIt had had a cost, and it it's fine.\nSo."
    )


def test_repetition_not_across_a_blank_line() -> None:
    assert report("Head\n\nHe went to\n\nto the shop.", REPETITION) == []


def test_repetition_leaves_names_that_repeat_a_word() -> None:
    assert report("Head\n\nBora Bora and Talking Talking.", REPETITION) == []
    assert report("Head\n\nThe The plan.", REPETITION) == []


REPETITION_EVERYWHERE = style("""
id: doubled
type: repetition
message: "'{word}' twice"
scope: [headline, body, quote]
""")


def test_repetition_over_a_markdown_quote_continuation() -> None:
    text = "# Head\n\n> The plan is\n> is late.\n\n- One item `is` is fine\n"
    # A block quote is a quotation: a rule for headline and body leaves it alone.
    assert report(text, REPETITION, "markdown") == []
    assert report(text, REPETITION_EVERYWHERE, "markdown") == [
        ("t.doubled", 3, 12, 5, "'is' twice", "is"),
    ]
    # The fix would remove the quote's "> " marker, which is markup: it is left to the writer.
    assert fix_text(text, style=REPETITION_EVERYWHERE, format="markdown") == text


def test_repetition_across_an_html_reference_that_reads_as_a_space() -> None:
    text = "<h1>Head</h1>\n<p>It was the&nbsp;the plan, a&#160;a deal and the <b>the</b> one.</p>\n"
    assert report(text, REPETITION, "html") == [
        ("t.doubled", 2, 11, 23, "'the' twice", "the"),
        ("t.doubled", 2, 30, 38, "'a' twice", "a"),
        ("t.doubled", 2, 48, 58, "'the' twice", None),  # on the page twice; no fix cuts a tag
    ]
    # The fix drops the reference too, and leaves the markup whole.
    assert fix_text(text, style=REPETITION, format="html") == (
        "<h1>Head</h1>\n<p>It was the plan, a deal and the <b>the</b> one.</p>\n"
    )


# --- occurrence -------------------------------------------------------------------------------


def test_occurrence_headline_characters_in_code_points() -> None:
    rules = style(
        "id: long-head\ntype: occurrence\nunit: headline\nmeasure: characters\nmax: 20\n"
        "message: '{count} characters, limit {limit}'"
    )
    assert report("Émile’s 🎉 big day out\n\nBody.", rules) == [
        ("t.long-head", 1, 1, 22, "21 characters, limit 20", None),
    ]
    assert report("Émile’s 🎉 big day\n\nBody.", rules) == []


def test_occurrence_sentence_words() -> None:
    rules = style("id: long\ntype: occurrence\nunit: sentence\nmax: 4\nmessage: '{count} words'")
    text = "Headline with many words in it\n\nOne two three four. Mr. Smith went home very late.\n"
    assert report(text, rules) == [("t.long", 3, 21, 51, "6 words", None)]


def test_occurrence_each_match_past_max() -> None:
    rules = style(
        "id: bang\ntype: occurrence\nunit: document\nmeasure: matches\ntoken: '!'\nmax: 1\n"
        "message: '{count} marks'"
    )
    text = "Win!\n\nWow! “Yes!” she said. No!"
    assert report(text, rules) == [
        ("t.bang", 3, 4, 5, "3 marks", None),
        ("t.bang", 3, 25, 26, "3 marks", None),
    ]


# --- balance ----------------------------------------------------------------------------------

BALANCE = style("""
id: pairs
type: balance
scope: [headline, body, quote]
pairs: [['“', '”'], ['"', '"'], ['(', ')']]
""")


def test_balance_multi_paragraph_quotes_are_not_flagged() -> None:
    text = (
        "Head\n\n“We will go on.\n\n“We will not stop,” she said.\n\n"
        '"Straight too.\n\n"And closed," he said. (Fine.)'
    )
    assert report(text, BALANCE) == []


def test_balance_reports_the_mark_left_over() -> None:
    text = 'Head\n\n“Open, she said.\n\nA ) stray. He said "no and "yes" then.\n\n(a (b) c'
    assert report(text, BALANCE) == [
        ("t.pairs", 3, 1, 2, "'“' is not matched by '”' in this paragraph", None),
        ("t.pairs", 5, 3, 4, "')' is not matched by '(' in this paragraph", None),
        ("t.pairs", 5, 20, 21, "'\"' is not matched by '\"' in this paragraph", None),
        ("t.pairs", 7, 1, 2, "'(' is not matched by ')' in this paragraph", None),
    ]


def test_balance_run_in_quotation_and_inch_marks() -> None:
    text = 'Head\n\nShe said: "We go on. "We will not stop." The set was 10" wide.'
    assert report(text, BALANCE) == []
