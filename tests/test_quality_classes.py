"""Classes of false alarm seen on real wire copy, each with sentences written for the project:
where a sentence ends, which numbers AP keeps as figures, and which "US" is not the country."""

from __future__ import annotations

import pytest

from newslint import lint_text, load_style, prose

US = load_style(["core", "us-news"])


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in prose.sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A trailing abbreviation ends a sentence before a word that opens one, not before a name.
        (
            "The ship was built by Harbour Marine Ltd. The navy paid for it.",
            ["The ship was built by Harbour Marine Ltd.", "The navy paid for it."],
        ),
        (
            "He met Acme Inc. President Jane Roe on Monday.",
            ["He met Acme Inc. President Jane Roe on Monday."],
        ),
        (
            "said the critic Tom Vale jr. Under the plan, fees rise.",
            ["said the critic Tom Vale jr.", "Under the plan, fees rise."],
        ),
        ("Sales rose in the U.S. Senate race.", ["Sales rose in the U.S. Senate race."]),
        # A reference code, a short link or a handle after a full stop opens a new sentence.
        (
            "The board met on Monday. [nQ1W2E3R] Its chair left.",
            ["The board met on Monday.", "[nQ1W2E3R] Its chair left."],
        ),
        (
            "Staff will move. (bit.ly/x9y8) The office shuts.",
            ["Staff will move.", "(bit.ly/x9y8) The office shuts."],
        ),
        (
            "Stop talking. @SomeEditor replied at once.",
            ["Stop talking.", "@SomeEditor replied at once."],
        ),
        # List markers run into one line, after a full stop, after a colon or as asterisks.
        (
            "Reactions: - Ann Lee said it was wrong. - Tom Roe agreed.",
            ["Reactions:", "- Ann Lee said it was wrong.", "- Tom Roe agreed."],
        ),
        (
            "He named people. * Ann Lee, a former judge * Tom Roe, a banker",
            # the next bullet's asterisk closes an item run on
            ["He named people.", "* Ann Lee, a former judge *", "Tom Roe, a banker"],
        ),
        (
            "He left. ** Push for more. ** Cut taxes.",
            ["He left.", "** Push for more.", "** Cut taxes."],
        ),
        # Copy that lost its paragraph breaks: sentences run together, a code glued on.
        (
            "They hoped to agree.[nQ1W2E3R] Lee is due.",
            ["They hoped to agree.[nQ1W2E3R]", "Lee is due."],
        ),
        ("said a monitor.In May, few said so.", ["said a monitor.", "In May, few said so."]),
        ("Visit Example.com today.", ["Visit Example.com today."]),
        # A dateline is not part of the first sentence.
        (
            "RIVERTON (Wire) - The council voted. It passed.",
            ["RIVERTON (Wire) -", "The council voted.", "It passed."],
        ),
        ("(Wire) - The council voted.", ["(Wire) -", "The council voted."]),
        ("said Ann Lee (Labour) - Tom Roe agreed", ["said Ann Lee (Labour) - Tom Roe agreed"]),
    ],
)
def test_sentence_ends_in_wire_copy(text: str, want: list[str]) -> None:
    assert split(text) == want


def test_a_dateline_and_a_list_run_on_do_not_make_a_long_sentence() -> None:
    items = " ".join(
        f"* Person {n} Lee, a former official of the regional water board" for n in range(8)
    )
    text = f"Panel named\n\nRIVERTON (Wire) - The panel named eight people. {items}\n"
    assert [v.rule for v in lint_text(text, style=US) if v.rule == "core.long-sentence"] == []


def us_rules(body: str, rule: str) -> list[str]:
    return [v.found for v in lint_text(f"Headline\n\n{body}\n", style=US) if v.rule == rule]


@pytest.mark.parametrize(
    "body",
    [
        "Her lead grew to 8 points, up 3 percentage points, and 1 in 5 voters was undecided.",
        "The 9th U.S. Circuit Court of Appeals cited the 5th Amendment in a 3rd District case.",
        "He spent 2 1/2 years at police station 6 and the bill passed with 3 votes to spare.",
        "The army's 7th armored division and the 2nd Fleet moved north.",
        "The 2 1/2-page memo moved the agency to Category 2 from 1 and to Level 3.",
    ],
)
def test_figures_that_ap_keeps(body: str) -> None:
    assert us_rules(body, "us-news.number-words") == []


def test_small_numbers_of_things_are_still_words() -> None:
    assert us_rules(
        "Rescuers pulled 4 people from the river in 3 boats.", "us-news.number-words"
    ) == [
        "4",
        "3",
    ]


def test_us_that_is_not_the_country() -> None:
    body = "The trade body Energy UK said prices would rise, and a banner read TRUST US."
    assert us_rules(body, "us-news.initialism-stops") == []


def test_the_country_is_still_found_after_a_weekday() -> None:
    body = "On Monday US stocks fell while the UK stalled."
    assert us_rules(body, "us-news.initialism-stops") == ["US", "UK"]


UK = load_style(["core", "uk-news"])


def references(text: str, style: object) -> list[tuple[str, str]]:
    return [
        (v.found, v.message)
        for v in lint_text(f"Headline\n\n{text}\n", style=style)  # type: ignore[arg-type]
        if v.rule.endswith("person-reference")
    ]


def test_a_surname_used_as_an_adjective_is_no_reference() -> None:
    text = (
        "Donald Trump flew in. A Trump adviser spoke, Trump aides listened and a former Trump"
        " campaign manager left. Former Trump lawyers joined an anti-Donald Trump march."
    )
    assert references(text, UK) == []


def test_a_namesake_with_a_suffix_or_a_handle_is_not_the_person() -> None:
    assert references("Donald Trump Jr. spoke first. @Trump posted a reply.", US) == []
    # Without the suffix it is the listed person, named first by surname only.
    assert [found for found, _ in references("Trump spoke first.", US)] == ["Trump"]


def test_a_later_bare_surname_still_takes_the_title_in_uk_news() -> None:
    found = references("Donald Trump flew in. Trump aides met. Later Trump spoke.", UK)
    assert found == [("Trump", "Later references take a courtesy title: 'Mr Trump'")]


def test_a_person_never_named_in_full_is_found_by_a_later_courtesy_title() -> None:
    body = "Okafor said the library would close. Mr Okafor, who chairs the council, said so."
    want = [("Okafor", "First reference should be the full name, not 'Okafor'")]
    assert references(body, UK) == want
    assert references(body, US)[0] == want[0]  # and "Mr Okafor" breaks us-news's own policy
    fixes = [v.replacement for v in lint_text(f"Headline\n\n{body}\n", style=UK)]
    assert fixes == [None]  # the full name is the writer's to give


@pytest.mark.parametrize(
    "body",
    [
        # the full name, plain, with a nickname or with a given name that is also a word
        "Ade Okafor said the library would close. Mr Okafor chairs the council.",
        'Tom "the Hammer" Okafor said the library would close. Mr Okafor chairs the council.',
        "Finance minister German Okafor said so. Mr Okafor chairs the council.",
        # a name whose first word is the one the copy titles
        "Tendai Adewale Bello spoke. Tendai said so. Dr Tendai chairs the council.",
        # a bare surname that the copy never titles, or first in a quotation
        "Okafor scored twice. Okafor was substituted.",
        '"Okafor will lose," she said. Mr Okafor said he would not.',
        # a surname as an adjective, a title glued by its stop
        "The Okafor plan failed. Mr Okafor said he would try again.",
        "It has to be Mr.Okafor in the end. Mr Okafor won.",
    ],
)
def test_a_person_named_in_full_or_never_titled_is_left_alone(body: str) -> None:
    assert references(body, UK) == []


def core_rule(body: str, rule: str) -> list[str]:
    return [v.found for v in lint_text(f"Headline\n\n{body}\n", style=US) if v.rule == rule]


def test_list_markers_and_smileys_are_not_unbalanced_brackets() -> None:
    body = "Two faults: 1) the cost. 2) The delay; b) the noise :-) and more."
    assert core_rule(body, "core.unbalanced-quotes") == []
    assert core_rule("The plan 2) failed.", "core.unbalanced-quotes") == [")"]


def test_a_word_beside_its_twin_in_capitals_or_a_currency_is_not_doubled() -> None:
    body = "She works at AT&T. ECONOMY Economy is weak, and a A$20 fee applies to ABB ABB.N staff."
    assert core_rule(body, "core.doubled-word") == []
    assert core_rule("The the fee applies.", "core.doubled-word") == ["The the"]


def test_the_mobile_network_3_is_a_name_in_uk_news() -> None:
    body = "Prices fell at the 3 network, which lets 3 compete, a 3 spokeswoman said of 4 rivals."
    found = [v.found for v in lint_text(f"Headline\n\n{body}\n", style=UK)]
    assert found == ["4"]


def test_a_title_before_a_name_that_is_also_a_word_is_before_a_name() -> None:
    text = "Headline\n\nSouth Korean President Park Geun-hye spoke, and the President left.\n"
    found = [(v.found, v.replacement) for v in lint_text(text, style=UK) if "job-title" in v.rule]
    assert found == [("President", "president")]


@pytest.mark.parametrize("style", [UK, US])
def test_names_and_areas_keep_their_figures(style: object) -> None:
    body = "Officers at police station 6 sealed off 3 square miles under Article 5, and 4 left."
    found = [
        v.found
        for v in lint_text(f"Headline\n\n{body}\n", style=style)  # type: ignore[arg-type]
        if v.rule.endswith("number-words")
    ]
    assert found == ["4"]


def test_a_number_spelled_out_whole_at_a_sentence_start_is_left_whole() -> None:
    body = "The bill passed. One hundred and twenty members backed it, and twelve did not."
    assert us_rules(body, "us-news.number-figures") == ["twelve"]


def test_ap_abbreviates_a_title_before_a_full_name() -> None:
    body = (
        "Senator Ann Lee met Lieutenant General J.R. Vale, Army Commander General Tom Roe and"
        " the Reverend Jo Fox. Senator Lee, the governor and Attorney General Max Hale left."
    )
    found = [
        (v.found, v.replacement)
        for v in lint_text(f"Headline\n\n{body}\n", style=US)
        if v.rule == "us-news.title-abbreviation"
    ]
    assert found == [
        ("Senator", "Sen."),
        ("Lieutenant General", "Lt. Gen."),
        ("General", "Gen."),
        ("Reverend", "Rev."),
    ]


def findings(body: str, rule: str, style: object) -> list[str]:
    return [
        v.found
        for v in lint_text(f"Headline\n\n{body}\n", style=style)  # type: ignore[arg-type]
        if v.rule.endswith(rule)
    ]


@pytest.mark.parametrize("style", [UK, US])
def test_a_hyphenated_percentage_is_a_percentage(style: object) -> None:
    assert findings("The board agreed a 20-percent cut.", "percent", style) == ["20-percent"]


def test_straight_marks_in_a_curly_draft_count_together() -> None:
    body = "“We will win,” she said. “We won’t stop.” It's late and 'they' know the 6' 2\" wall."
    assert findings(body, "mixed-quotes", US) == ["'", "'", "'"]


def test_dates_after_by_until_and_before_a_colon_are_read() -> None:
    body = (
        "Talks end by November 15 and resume from March 3 until March 20. Key date March 9: vote."
    )
    assert findings(body, "date-format", UK) == [
        "November 15",
        "March 3",
        "March 20",
        "March 9",
    ]
    assert findings("In January 40 staff were laid off.", "date-format", UK) == []


def test_uk_news_storeys_and_us_agency_names() -> None:
    body = (
        "A 12-story tower and the cover-story stood by the Department of Defense, where the"
        " Defense Security Cooperation Agency met."
    )
    assert findings(body, "context-spelling", UK) == ["12-story"]
    assert findings(body, "ence-spelling", UK) == []


def test_job_titles_after_a_nationality_or_a_possessive() -> None:
    body = "The Japanese Defence Minister met the president's Secretary of Education."
    assert findings(body, "job-title", UK) == ["Defence Minister", "Secretary of Education"]


def test_a_pageant_title_and_a_surname_before_presidential_are_no_reference() -> None:
    body = "She lost her Miss Turkey title. The shop sells Trump presidential mugs."
    assert references(body, US) == []
    assert [found for found, _ in references("Ann Lee sang. Miss Lee left.", US)] == ["Miss Lee"]


def test_a_post_reproduced_after_its_cue_is_the_authors_words() -> None:
    text = (
        "Headline\n\nThe senator wrote on Twitter: TRUST US!! We win in 2 weeks! SAD!\n\n"
        "She tweeted on Monday: Great night in Ohio!\n\nHe left in 2 days.\n"
    )
    found = [(v.line, v.rule, v.found) for v in lint_text(text, style=US)]
    assert found == [(7, "us-news.number-words", "2")]


def test_plain_text_furniture_is_not_copy_and_the_headline_follows_a_caption() -> None:
    from newslint.formats import parse

    text = (
        "Photo: Crowds gather outside the town hall on Monday\n"
        "Council approves new bus lanes\n"
        "Updated: 12 March 2025, 10.15am\n"
        "By Jane Roe\n\n"
        "The council voted to add 4 bus lanes.\n\n"
        "Reporting by Jane Roe; Editing by Tom Vale\n"
    )
    doc = parse(text, "text")
    assert doc.headline is not None
    assert text[doc.headline[0] : doc.headline[1]] == "Council approves new bus lanes"
    assert [text[s:e] for s, e in doc.paragraphs][1:] == ["The council voted to add 4 bus lanes."]
    assert [v.found for v in lint_text(text, style=UK)] == ["4"]
    # Prose that opens with the same words stays prose.
    body = "Headline\n\nUpdated figures show more buses. By 2030 the city needs 4 more.\n"
    assert [v.found for v in lint_text(body, style=UK)] == ["4"]


def test_a_post_set_as_its_own_paragraph_is_the_authors_words() -> None:
    text = (
        "Headline\n\nThe senator posted overnight.\n\n"
        "TRUST US!! We win in 2 weeks. SAD! \u2014 Jane Roe (@SenJaneRoe) March 3, 2025\n\n"
        "Great crowd in Dayton tonight!!! Thank you Ohio @OhioGOP\n\n"
        "Big news for 3 towns soon!! https://t.co/Ab12Cd34Ef\n\n"
        "She has 2 rallies left (https://t.co/Ab12Cd34Ef). Ann Lee (@annlee) agreed 4 times.\n"
    )
    found = [(v.line, v.rule, v.found) for v in lint_text(text, style=US)]
    # A link or a handle in brackets is the writer's reference: that paragraph is still copy.
    assert found == [(11, "us-news.number-words", "2"), (11, "us-news.number-words", "4")]
    # A long paragraph (a story whose breaks were lost) that ends with a handle is no post.
    story = "Headline\n\n" + "The council met again. " * 30 + "He has 2 rallies left. @annlee\n"
    assert [v.found for v in lint_text(story, style=US)] == ["2"]


def test_a_caption_is_known_by_its_picture_credit() -> None:
    from newslint.formats import parse

    for caption in (
        "Crowds gather outside the town hall on Monday (AP Photo/Jane Roe)",
        "Crowds gather outside the town hall on Monday. Photograph: Jane Roe/Reuters",
        "Crowds gather outside the town hall on Monday. REUTERS/Jane Roe",
    ):
        text = f"{caption}\nCouncil approves new bus lanes\n\nThe council voted to add 4 lanes.\n"
        doc = parse(text, "text")
        assert doc.headline is not None
        assert text[doc.headline[0] : doc.headline[1]] == "Council approves new bus lanes"
        assert [v.found for v in lint_text(text, style=UK)] == ["4"]
    # A paragraph that ends with an agency's name in brackets is copy.
    text = "Headline\n\nThe council added 4 lanes, a spokesman said (Reuters).\n"
    assert [v.found for v in lint_text(text, style=UK)] == ["4"]
