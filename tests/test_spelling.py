"""The spelling rules of uk-news and us-news on each kind of pair, and on the words they leave.

Sentences written for this project; each case names the rule that must report, the word it
reports and its fix, so a rule that stops finding a kind of pair, or finds it under another
rule, fails here by name.
"""

from __future__ import annotations

import pytest

from newslint import lint_text, load_style

STYLES = {pack: load_style(["core", pack]) for pack in ("uk-news", "us-news")}
SPELLING = (
    *("ise-spelling", "ize-spelling", "our-spelling", "or-spelling", "re-spelling"),
    *("er-spelling", "ence-spelling", "ense-spelling", "doubled-l", "single-l"),
    *("british-spelling", "american-spelling", "context-spelling"),
)


def spelling(pack: str, text: str) -> list[tuple[str, str, str | None]]:
    """The spelling reports of core and ``pack`` on ``text``: rule, word found, fix."""
    return [
        (v.rule.split(".", 1)[1], v.found, v.replacement)
        for v in lint_text(text, style=STYLES[pack])
        if v.rule.split(".", 1)[1] in SPELLING
    ]


@pytest.mark.parametrize(
    ("pack", "text", "want"),
    [
        # -ize/-ise and -yze/-yse, stems from the lists with their endings
        ("uk-news", "The council will pedestrianize the square.", "pedestrianise"),
        ("uk-news", "He was agonizingly close.", "agonisingly"),
        ("uk-news", "She psychoanalyzed the hero.", "psychoanalysed"),
        ("us-news", "They will amortise the loan.", "amortize"),
        ("us-news", "The amortisations were due.", "amortizations"),
        ("us-news", "She is cognisant of the risk.", "cognizant"),
        # -or/-our, -er/-re, -ense/-ence
        ("uk-news", "The rancor lasted for years.", "rancour"),
        ("us-news", "The rancour lasted for years.", "rancor"),
        ("uk-news", "The old amphitheater was restored.", "amphitheatre"),
        ("us-news", "The old amphitheatre was restored.", "amphitheater"),
        ("uk-news", "He kept up the pretenses.", "pretences"),
        ("us-news", "He kept up the pretences.", "pretenses"),
        # a doubled or single l
        ("uk-news", "Shares were pummeled as costs kept spiraling.", "pummelled"),
        ("us-news", "Shares were pummelled as costs kept spiralling.", "pummeled"),
        ("us-news", "Two councillors resigned.", "councilors"),
        # ae and oe
        ("uk-news", "The hemoglobin level fell after the hemorrhage.", "haemoglobin"),
        ("us-news", "The haemoglobin level fell after the haemorrhage.", "hemoglobin"),
        ("uk-news", "An ameba was found.", "amoeba"),
        # -og/-ogue
        ("uk-news", "The museum cataloged the finds.", "catalogued"),
        ("uk-news", "The epilog was short.", "epilogue"),
        ("us-news", "The museum catalogued the finds.", "cataloged"),
        # irregular
        ("uk-news", "The moldy bread sat by the plow.", "mouldy"),
        ("uk-news", "The draftsman left.", "draughtsman"),
        ("uk-news", "She practiced law for years.", "practised"),
        ("us-news", "The draughtsman left his chequebook on the kerb.", "draftsman"),
        ("us-news", "Maths results improved.", "Math"),
        ("us-news", "A mouldy plough stood in the field.", "moldy"),
    ],
)
def test_each_kind_of_pair_is_fixed(pack: str, text: str, want: str) -> None:
    fixes = [fix for _, _, fix in spelling(pack, text)]
    assert want in fixes, (text, fixes)


def test_every_word_of_a_sentence_is_fixed_by_its_rule() -> None:
    text = "The councilor marveled at the chili the jewelers had labeled."
    assert spelling("uk-news", text) == [
        ("doubled-l", "councilor", "councillor"),
        ("doubled-l", "marveled", "marvelled"),
        ("doubled-l", "chili", "chilli"),
        ("doubled-l", "jewelers", "jewellers"),
        ("doubled-l", "labeled", "labelled"),
    ]


def test_a_capitalised_word_keeps_its_capital() -> None:
    assert spelling("uk-news", "Traveling alone, she spoke.") == [
        ("doubled-l", "Traveling", "Travelling")
    ]
    assert spelling("us-news", "Archaeologists found it.") == []  # AP writes it so
    assert spelling("us-news", "Haemorrhaging money, it closed.") == [
        ("american-spelling", "Haemorrhaging", "Hemorrhaging")
    ]


@pytest.mark.parametrize(
    ("pack", "text"),
    [
        # other words in the other house
        ("uk-news", "Voters may tire of the story and check the draft law."),
        ("uk-news", "She will license the design and practice law; the meter ran."),
        ("uk-news", "Click the button in the dialog box."),
        ("uk-news", "The medical specialty was prized."),
        ("us-news", "They played draughts after dinner."),
        ("us-news", "He tried to prise the lid open."),
        # British forms AP writes too
        ("us-news", "The glamour of the dialogue and its aesthetic appealed to archaeologists."),
        ("us-news", "The cancellation of the doughnut sale was a monologue."),
        # names
        ("uk-news", "Mold Crown Court heard the case."),
        ("us-news", "Chequers was chosen for the talks."),
        ("us-news", "The Labour Party met in the National Theatre."),
        ("uk-news", "The Labor Party met at Pearl Harbor and the World Trade Center."),
    ],
)
def test_words_left_out_are_not_flagged(pack: str, text: str) -> None:
    assert spelling(pack, text) == []


def test_the_meaning_decides_programme_tyre_and_storey() -> None:
    text = "The nuclear program, the wet tires and a 12-story tower; a computer program."
    assert spelling("uk-news", text) == [
        ("context-spelling", "program", "programme"),
        ("context-spelling", "tires", "tyres"),
        ("context-spelling", "12-story", "12-storey"),
    ]


def test_a_word_in_capitals_is_fixed_in_capitals() -> None:
    text = "THE COLOR OF MONEY\n\nShops said the GRAY sets had gone.\n"
    assert spelling("uk-news", text) == [
        ("our-spelling", "COLOR", "COLOUR"),
        ("british-spelling", "GRAY", "GREY"),
    ]
    assert spelling("us-news", "GREY ARMOUR FOR TRAVELLERS AT THE THEATRE") == [
        ("american-spelling", "GREY", "GRAY"),
        ("or-spelling", "ARMOUR", "ARMOR"),
        ("single-l", "TRAVELLERS", "TRAVELERS"),
        ("er-spelling", "THEATRE", "THEATER"),
    ]


def test_names_stay_as_written_capitalised_and_as_listed_in_capitals() -> None:
    text = "They met Honor Reid at Pearl Harbor, by the World Trade Center."
    assert spelling("uk-news", text) == []
    assert spelling("uk-news", "LABOR PARTY WINS AT THE WORLD HEALTH ORGANIZATION") == []
    assert spelling("us-news", "LABOUR WINS AT CHEQUERS. Labour met Grey Reid.") == []


def test_a_pattern_fix_of_a_word_in_capitals_is_in_capitals() -> None:
    # The replacement's own letters ("is" of "\1is\2") take the capitals of the match.
    assert spelling("uk-news", "APOLOGIZE NOW. The track is 400 METERS long.") == [
        ("ise-spelling", "APOLOGIZE", "APOLOGISE"),
        ("re-spelling", "400 METERS", "400 METRES"),
    ]
    assert spelling("us-news", "AMORTISE IT. They analysed it.") == [
        ("ize-spelling", "AMORTISE", "AMORTIZE"),
        ("ize-spelling", "analysed", "analyzed"),
    ]
