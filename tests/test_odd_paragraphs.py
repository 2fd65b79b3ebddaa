"""One character outside the plain set (an emoji) in one paragraph of a long draft leaves the
other paragraphs to the plain way of reading them: their sentences end, and long sentences
are counted, as in the same draft without it."""

from __future__ import annotations

from newslint import lint_text, load_style, prose

FILLER = "The council met on Tuesday. It agreed the budget, and the mayor spoke briefly. "
LONG = (
    "The committee, which had met on three occasions over the course of the summer at the "
    "request of the minister and in the presence of officials from four departments and two "
    "agencies, concluded after long and sometimes heated discussion that the plan, though "
    "costly, should go ahead in some form before the end of the year with a full review."
)
QUOTED = (
    'The committee, which had met on three occasions over the summer, said "it would go '
    'ahead at once" after the request of the minister and in the presence of officials '
    "from four departments and two agencies, and concluded after long discussion that the "
    "plan, though costly, should go ahead."
)


def draft(odd: str) -> str:
    paragraphs = [FILLER * 3 for _ in range(40)]
    paragraphs[1] = f"He said {odd} it was fine. " + FILLER
    paragraphs[10] = FILLER + LONG + " " + FILLER
    paragraphs[25] = QUOTED + " Mr. Smith agreed. " + FILLER
    return "Council agrees budget\n\n" + "\n\n".join(paragraphs) + "\n"


def test_long_sentences_are_counted_alike_with_an_emoji_elsewhere() -> None:
    style = load_style(["core"])
    found = {}
    for odd in ("x", "\U0001f600"):
        found[odd] = [
            (v.line, v.column, v.end_column, v.message)
            for v in lint_text(draft(odd), style=style)
            if v.rule == "core.long-sentence"
        ]
    assert found["\U0001f600"] == found["x"]
    text = draft("x")
    line = text[: text.index(LONG)].count("\n") + 1
    assert [(ln, msg) for ln, _, _, msg in found["x"]] == [
        (line, "This sentence has 60 words; consider splitting it (limit 55)")
    ]


def test_sentences_of_plain_paragraphs_end_alike_with_an_emoji_elsewhere() -> None:
    plain, odd = draft("x"), draft("\U0001f600")
    assert not prose.plain(odd)
    start = 0
    while start < len(plain):
        end = plain.find("\n\n", start)
        end = len(plain) if end < 0 else end
        assert list(prose.sentences(odd, start, end)) == list(prose.sentences(plain, start, end))
        start = end + 2


def test_every_plain_character_ends_lines_as_the_pattern_reads_it() -> None:
    from newslint.twin import _alphabet

    for ch in _alphabet():
        for text in (f"a{ch}\nB", f"a\n{ch}", f"{ch} \n- b", f"5\n {ch}", f"{ch}\n\x00{ch}x"):
            want = [m.span() for m in prose._LINE_BREAK.finditer(text)]
            assert [m.span() for m in prose._LINE_BREAK_PLAIN.finditer(text)] == want, repr(ch)
