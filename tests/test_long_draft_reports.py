"""A long draft's whole report is the same whether it is read the ways a long draft is read
(exceptions near each match, lists between stop characters, doubled words by segments,
sentences by plain paragraphs) or the whole-draft ways, plain or with odd characters."""

from __future__ import annotations

import pytest

from newslint import lint_text, load_style, prose
from newslint.checks import exceptions, nearby, occurrence, repetition, textwords, wordlist

STORIES = [
    "The council said it would organize a new color scheme for the theater, Ms Hollis said. "
    "Survivors of Pearl Harbor were honored; the neighbors (sic) were not.",
    "A 10,000.5 meters track and a 12-meter wall cost the the town a license fee, "
    "said Jane Hollis, who leads them.",
    "In the U.S.  The Labor Party and the Labor\nDay march were criticized by the center, "
    "which had analyzed a gray program.",
    "The committee, which had met on three occasions over the course of the summer at the "
    "request of the minister and in the presence of officials from four departments and two "
    "agencies, concluded after long and sometimes heated discussion that the plan, though "
    "costly, should go ahead in some form before the end of the year with a full review.",
    "Hollis said the World Health Organization would analyze it; the maneuvers (sic) and "
    "her humor were noted.  Nothing else happened for a while, and the the meeting ended.",
    "Residents had waited nine years for the work to start, and the contractor did not reply "
    "to a request for comment on Tuesday or on Wednesday.",
]
ODD = ["\U0001f600", "\u200f", "ß", "ﬁ", "ſ"]


def draft(odd: str | None) -> str:
    paragraphs = []
    for n in range(90):
        story = STORIES[(n * 5) % len(STORIES)] + " " + STORIES[(n * 7 + 1) % len(STORIES)]
        if odd is not None and n in (3, 40, 41, 88):
            at = (n * 37) % len(story)
            story = story[:at] + odd + story[at:]
        paragraphs.append(story)
    return "Plan to recolour the town\n\n" + "\n\n".join(paragraphs) + "\n"


def report(text: str) -> list[tuple[str, int, int, int, int, str, str | None]]:
    style = load_style(["core", "uk-news"])
    return [
        (v.rule, v.line, v.column, v.end_line, v.end_column, v.message, v.replacement)
        for v in lint_text(text, style=style)
    ]


@pytest.mark.parametrize("odd", [None, *ODD])
def test_a_long_draft_reports_what_the_whole_draft_ways_report(
    odd: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = draft(odd)
    assert len(text) > 2 * textwords.PIECE
    used: list[str] = []

    def spy(owner: object, name: str) -> None:
        real = getattr(owner, name)

        def spied(*args: object, **kwargs: object) -> object:
            used.append(name)
            return real(*args, **kwargs)

        m.setattr(owner, name, spied)

    with monkeypatch.context() as m:
        m.setattr(exceptions, "NEAR", -(10**9))  # every exception read near its match
        m.setattr(exceptions, "LOOK_BACK", 40)
        m.setattr(wordlist, "LOOK_BACK", 40)
        m.setattr(wordlist, "FAST_AFTER", 0)
        m.setattr(repetition, "_SEGMENT", 300)
        spy(nearby.Nearby, "covers")
        spy(wordlist.WordList, "_between_stops")
        spy(repetition, "runs_of")
        long_ways = report(text)
    assert {"covers", "_between_stops", "runs_of"} <= set(used)
    with monkeypatch.context() as m:
        m.setattr(exceptions, "NEAR", 10**9)
        m.setattr(textwords, "PIECE", 10**9)
        m.setattr(wordlist, "PIECE", 10**9)
        m.setattr(repetition, "_SEGMENT", 10**9)
        m.setattr(prose, "is_plain", lambda *args: False)
        m.setattr(occurrence, "is_plain", lambda *args: False)
        whole_ways = report(text)
    assert long_ways == whole_ways
    rules = {rule for rule, *_ in long_ways}
    assert {
        "uk-news.ise-spelling",
        "uk-news.our-spelling",
        "uk-news.re-spelling",
        "uk-news.ence-spelling",
        "core.doubled-word",
        "core.multiple-spaces",
        "core.long-sentence",
        "uk-news.british-spelling",
    } <= rules
    # The exceptions held: a name after a word, and a word marked "(sic)".
    assert not any("Harbor" in message or "neighbors" in message for _, *_, message, _ in long_ways)
