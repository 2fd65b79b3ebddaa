"""Counting one draft for ``newslint suggest``: the faster ways of reading find exactly what
the plain patterns find."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import regex

from newslint.archive import count
from newslint.archive.collect import CountRun
from newslint.archive.count import (
    CAPS,
    CAPS_TABLED,
    FIGURE,
    FIGURE_TABLED,
    FULL_NAME,
    FULL_NAME_TABLED,
    LOWER,
    LOWER_TABLED,
    MONTH_DAY,
    MONTH_DAY_TABLED,
    count_document,
)
from newslint.archive.tally import Tally
from newslint.archive.words import OPEN_COMPOUNDS
from newslint.formats import parse

TABLED = [chr(c) for a, b in count._TABLED for c in range(a, b + 1)]


def test_the_tabled_words_are_the_words_around_every_character_of_the_table() -> None:
    def text(c: str) -> str:
        return f"a{c}b {c}x y{c} z-{c}w {c}{c} lo{c}-ng {c}re-{c}ad {c}-{c} Q{c} 1{c}2 d'{c}s"

    differ = [c for c in TABLED if LOWER_TABLED.findall(text(c)) != LOWER.findall(text(c))]
    assert differ == []
    assert len(TABLED) == 256 + 0x70 + 0x30


def test_the_tabled_words_in_capitals_are_those_of_caps_around_every_character() -> None:
    def text(c: str) -> str:
        return f"AB{c} {c}CD E{c}F GH {c}IJ {c} KL{c}MN OPQRSTU{c} V {c}W XY{c}Z NATO&{c}EU. {c}{c}"

    differ = [c for c in TABLED if CAPS_TABLED.findall(text(c)) != CAPS.findall(text(c))]
    assert differ == []
    assert CAPS_TABLED.findall("NATO and the EU, not ABN AMRO or AB.") == ["NATO", "EU"]


def test_the_tabled_full_names_are_those_of_full_name_around_every_character() -> None:
    def text(c: str) -> str:
        return (
            f"Tony {c}Blair, Ab{c} Cde Fg{c}h Ij-{c}k Lm{c}n Op Qr-St{c} Uv {c}Wx. Yz Ab "
            f"{c}Cd Ef{c} Gh Ij  Kl-Mn Op{c}Qr St{c}"
        )

    differ = [
        c
        for c in TABLED
        if [m.span(1) for m in FULL_NAME_TABLED.finditer(text(c))]
        != [m.span(1) for m in FULL_NAME.finditer(text(c))]
    ]
    assert differ == []
    found = FULL_NAME_TABLED.findall("Prime Minister Tony Blair met Ms Jo Lee-Smith.")
    assert found == ["Minister", "Blair", "Jo"]  # pairs of words, one after the other


def test_the_tabled_figures_are_those_of_figure_and_month_day_around_every_character() -> None:
    def text(c: str) -> str:
        return (
            f"{c}5 per cent, 1{c}2%, at 2.25{c}pm and 14:05 GMT{c}, on 13{c} February and "
            f"13th of March {c}7 ministers, Feb. 1{c}3 or Feb. {c}9 and May 2{c}, {c}"
        )

    def spans(pattern: object, c: str) -> list[tuple[tuple[int, int], ...]]:
        return [m.regs for m in pattern.finditer(text(c))]  # type: ignore[attr-defined]

    assert [c for c in TABLED if spans(FIGURE_TABLED, c) != spans(FIGURE, c)] == []
    assert [c for c in TABLED if spans(MONTH_DAY_TABLED, c) != spans(MONTH_DAY, c)] == []
    found = [m.group() for m in FIGURE_TABLED.finditer(text(""))]
    assert found == [
        "5 per cent",
        "12%",
        "2.25pm",
        "14:05 GMT",
        "13 February",
        "13th of March",
        "7 ministers",
        "9 and",
    ]
    assert [m.group() for m in MONTH_DAY_TABLED.finditer(text(""))] == ["7", "13", "9", "2"]
    # Outside the table another script's figures are figures too: \d finds them.
    assert FIGURE.match("٣ per cent") and not FIGURE_TABLED.match("٣ per cent")


def test_a_word_keeps_the_first_three_drafts_that_use_it_as_its_places() -> None:
    tally = Tally()
    for n in range(1, 6):
        body = "The e-mail came." if n != 2 else "No word of it."
        count_document(
            parse(f"Headline\n\n{body} The e-mail went.\n", "text", f"{n}.txt"), f"{n}.txt", tally
        )
    assert tally.get("word")["e-mail"] == 9
    assert tally.where("word", "e-mail") == ["1.txt", "2.txt", "3.txt"]
    assert tally.where("word", "came") == ["1.txt", "3.txt", "4.txt"]
    assert "e-mail" not in tally.pending["word"] and "came" not in tally.pending["word"]
    assert tally.where("word", "of") == ["2.txt"] and "of" in tally.pending["word"]
    # Merged in order, runs keep the same places as one tally.
    first, second = Tally(), Tally()
    for n in range(1, 6):
        body = "The e-mail came." if n != 2 else "No word of it."
        doc = parse(f"Headline\n\n{body} The e-mail went.\n", "text", f"{n}.txt")
        count_document(doc, f"{n}.txt", first if n <= 2 else second)
    first.merge(second)
    assert first.places["word"] == tally.places["word"]
    assert first.pending["word"] == tally.pending["word"]
    assert first.get("word") == tally.get("word")


LATIN = [chr(c) for c in range(256)]


def latin_words(text: str) -> Counter[str]:
    """The words ``suggest`` counts in ``text`` (a draft in Latin-1), the pieces that are not
    words settled."""
    doc = parse(f"Headline\n\n{text}\n", "text", "d.txt")
    return Counter(count_document(doc, "d.txt").get("word"))


def test_the_latin_words_are_the_words_of_lower_around_every_latin_character() -> None:
    def text(c: str) -> str:
        return (
            f"a{c}b {c}x y{c} z-{c}w {c}{c} lo{c}-ng {c}re-{c}ad {c}-{c} Q{c} 1{c}2 d'{c}s "
            f"e-{c}-f {c}-g h-{c} i--{c} j{c}k-l"
        )

    def expected(c: str) -> Counter[str]:
        doc = parse(f"Headline\n\n{text(c)}\n", "text", "d.txt")
        return Counter(LOWER.findall(doc.view))

    differ = [c for c in LATIN if latin_words(text(c)) != expected(c)]
    assert differ == []


def test_the_pieces_that_are_not_words_are_settled_out_with_their_places() -> None:
    doc = parse("Headline\n\nThe e-mail, Blair's 2005 re-run--e mail-.\n", "text", "d.txt")
    tally = count_document(doc, "d.txt", settled=False)
    assert count.MARK + "he" in tally.get("word")  # "The", read as bytes
    junk = count.MARK + "lair" + count.MARK + "s"  # "Blair's"
    assert junk in tally.get("word") and junk not in tally.places["word"]
    assert junk not in tally.pending["word"]
    count.settle(tally)
    assert tally.get("word") == {"e-mail": 1} == Counter(LOWER.findall(doc.view))
    assert tally.places["word"] == {"e-mail": ["d.txt"]}
    assert tally.pending["word"] == {"e-mail"}  # one place of three
    assert tally.settled == 1
    # Words counted later are checked, and only they: what was kept stays.
    more = parse("Headline\n\nA mail-order Mail.\n", "text", "e.txt")
    count_document(more, "e.txt", tally, settled=False)
    count.settle(tally)
    assert tally.get("word") == {"e-mail": 1, "mail-order": 1}


def test_a_run_counted_for_a_worker_comes_back_settled(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Headline\n\nThe BBC's e-mail said 42 Km away.\n", encoding="utf-8")
    tally, messages = CountRun()([str(draft)])
    assert messages == []
    assert tally.get("word") == {"e-mail": 1, "said": 1, "away": 1}


@pytest.mark.parametrize(
    "text",
    [
        "the café’s owner said ‘no’ — twice",
        "Ærø ærø ÆRØ straße Straße naïve²³ µ-metre ªº ½-way",
        "a co-operate re-elect well-to-do x--y -lead trail- it's dogs’ o'clock",
        "under_score snake_case 3rd 4x4 tab\tsep new\nline €5 … “quoted”",
    ],
)
def test_the_tabled_words_are_the_same_in_latin_text(text: str) -> None:
    assert count.BEYOND_TABLE.search(text) is None
    assert LOWER_TABLED.findall(text) == LOWER.findall(text)


def test_a_draft_with_other_letters_is_read_with_the_unicode_pattern() -> None:
    # "київ" is outside the table: the whole draft is read by LOWER, which knows its letters.
    text = "Headline\n\nThe mayor of київ met the mayor of ærø at the café by the river.\n"
    doc = parse(text, "text", "d.txt")
    assert count.BEYOND_TABLE.search(doc.view) is not None
    counted = count_document(doc, "d.txt").get("word")
    assert counted == Counter(LOWER.findall(doc.view))
    assert counted["mayor"] == 2 and counted["київ"] == 1 and counted["ærø"] == 1


OPEN_PATTERN = re.compile(r"\b(?:" + "|".join(OPEN_COMPOUNDS) + r")\b")  # the plain way


@pytest.mark.parametrize(
    "body",
    [
        "Spending on health care rose, and health care workers said health careers suffer.",
        "Wealth care is not a phrase; stealth care neither, but health care is.",
        "The web site went down.  The website came back; a web sites page and a web site_x.",
        "A cease fire held until the cease fire's end.  Send an e mail, or a love mail.",
        "The world wide web, nation wide, and world wider than wide world wide.",
    ],
)
def test_open_compounds_are_found_where_the_pattern_finds_them(body: str) -> None:
    doc = parse(f"Headline\n\n{body}\n", "text", "d.txt")
    tally = count_document(doc, "d.txt")
    expected: dict[str, int] = {}
    for m in OPEN_PATTERN.finditer(doc.view):
        expected[m.group()] = expected.get(m.group(), 0) + 1
    assert tally.get("open") == expected
    assert expected  # each body holds one at least
    first = min(OPEN_PATTERN.finditer(doc.view), key=lambda m: m.start())
    line = doc.position(first.start())[0]
    assert tally.where("open", first.group())[0] == f"d.txt:{line}"


def test_counting_a_run_pauses_the_cycle_collector_and_restores_it(tmp_path: object) -> None:
    import gc
    from pathlib import Path

    from newslint.archive.collect import CountRun

    folder = Path(str(tmp_path))
    (folder / "a.txt").write_text("Headline\n\nThe e-mail came, and the email went.\n", "utf-8")
    tally = Tally()
    assert gc.isenabled()
    assert CountRun().count_into([str(folder / "a.txt")], tally) == []
    assert gc.isenabled()
    assert tally.get("word")["e-mail"] == 1 and tally.get("word")["email"] == 1


def test_runs_are_sized_for_the_workers_few_to_merge_and_within_bounds() -> None:
    from newslint.archive.collect import LONGEST_RUN, RUN, run_size
    from newslint.archive.executors import LocalMapper

    assert run_size(2128, LocalMapper(2)) == 532  # two runs for each worker
    assert run_size(2128, LocalMapper(8)) == 133
    assert run_size(100, LocalMapper(2)) == RUN  # never fewer drafts than a run
    assert run_size(10_000_000, LocalMapper(4)) == LONGEST_RUN  # progress still reported


def test_forked_workers_get_runs_of_about_as_many_bytes(tmp_path: Path) -> None:
    from newslint.archive import collect

    drafts = [(f"{n}.txt", 1_000) for n in range(300)] + [(f"l{n}.txt", 9_000) for n in range(300)]
    found = list(collect.runs_by_size(drafts, 900_000))
    # Each run holds 900,000 bytes at least (the last what is left): 300 short stories and 67
    # long ones, then 100 long ones a run.
    assert [len(run) for run in found] == [367, 100, 100, 33]
    assert found[0][-1] == "l66.txt" and found[1][0] == "l67.txt"
    assert [n for run in found for n in run] == [path for path, _ in drafts]  # in order
    # Never fewer drafts than RUN (but the last), never more than LONGEST_RUN.
    assert [len(r) for r in collect.runs_by_size([("a", 10**9)] * 130, 1)] == [64, 64, 2]
    many = collect.runs_by_size([("a", 0)] * (collect.LONGEST_RUN + 1), 1)
    assert [len(r) for r in many] == [collect.LONGEST_RUN, 1]


def test_a_run_with_forked_workers_cuts_its_runs_by_the_drafts_sizes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.archive import collect
    from newslint.archive.executors import LocalMapper

    for n, words in enumerate([5] * 6 + [400] * 2):
        (tmp_path / f"d{n}.txt").write_text(f"Headline {n}\n\n" + "word " * words + "\n")
    monkeypatch.setattr(collect, "RUN", 1)
    handed: list[list[str]] = []
    real = collect.runs_by_size

    def recording(drafts: Any, share: int) -> Any:
        for run in real(drafts, share):
            handed.append([Path(p).name for p in run])
            yield run

    monkeypatch.setattr(collect, "runs_by_size", recording)
    paths = sorted(str(p) for p in tmp_path.iterdir())
    with LocalMapper(2) as workers:
        spread = collect.collect(paths, collect.CountRun(), workers, report=print)
    # About 4,100 bytes for 2 workers, 2 runs each: the six short drafts and a long one fill
    # the first run, the other long one is the second.
    assert handed == [[f"d{n}.txt" for n in range(7)], ["d7.txt"]]
    assert spread.drafts == 8 and spread.get("word")["word"] == 830
    # Where no size can be told (URLs), each draft weighs the same: runs of as many drafts.
    monkeypatch.setattr(collect, "_size", lambda path: None)
    handed.clear()
    with LocalMapper(2) as workers:
        again = collect.collect(paths, collect.CountRun(), workers, report=print)
    assert handed == [[f"d{n}.txt", f"d{n + 1}.txt"] for n in range(0, 8, 2)]
    assert (again.counts, again.places) == (spread.counts, spread.places)


@pytest.mark.parametrize("title", ["Dr", "Ms", "Miss", "Mrs", "Sir"])
def test_later_references_are_counted_with_each_title_alone_in_a_draft(title: str) -> None:
    body = f"Jane Roe spoke first. Later {title}. Roe left, and Roe came back; {title} Roe stayed."
    tally = count_document(parse(f"Headline\n\n{body}\n", "text", "d.txt"), "d.txt")
    assert tally.get("titles") == {"Mr Blair": 2, "Blair": 1}
    assert tally.get("title-stop") == {"Mr.": 1, "Mr": 1}
    assert tally.where("titles", "Blair") == ["d.txt:3"]


def test_a_draft_without_a_title_counts_no_later_references() -> None:
    body = "Jane Roe spoke first. Later Roe left; Mister Roe and Mrx Roe did not."
    tally = count_document(parse(f"Headline\n\n{body}\n", "text", "d.txt"), "d.txt")
    assert tally.get("titles") == {} and tally.get("title-stop") == {}


# CAPITAL as it reads with every word after a name taken, which the loop over its matches
# then judges: company only where it opens with a capital or is a particle.
CAPITAL_EVERY_AFTER = regex.compile(
    r"(?P<name>\p{Lu}(?<=(?P<before>[\p{L}'’-]*[\p{L}\d,;)])[ -]{1,2}\p{Lu})"
    r"\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*)(?:['’]s)?(?![\p{L}\d'’-])"
    r"(?:(?=[ ](?P<after>[\p{L}'’-]+)))?",
    regex.V1,
)


@pytest.mark.parametrize(
    "text",
    [
        "said Tony Blair on Monday, and Mr Blair's aide Jo Lee-Smith left; al-Qaeda Smith too",
        "met Osama bin Laden and Ali al Sistani, Ludwig van Beethoven, abu Bakr alpha Omega",
        "the Labour party; Gordon Brown deal Éric Zemmour ǅemal Ⓐnn, de Gaulle del Toro",
        "x Nato NATO and Zelensky's visit, then Zelenskyy Kyiv. Kyiv Kyiv-based vanguard Ann",
    ],
)
def test_the_word_after_a_name_is_kept_where_it_can_be_company(text: str) -> None:
    def company(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
        return [
            (name, before, after if after[:1].isupper() or after in count.PARTICLES else "")
            for name, before, after in found
        ]

    found = count.CAPITAL.findall(text)
    assert found and company(found) == company(CAPITAL_EVERY_AFTER.findall(text))
    # A word after that opens with a small letter other than a particle's is not taken.
    assert all(
        after[:1].isupper()
        or after[:2] in ("ab", "al", "bi", "de", "el", "ib", "va", "vo")
        or not after
        for _, _, after in found
    )


def test_a_name_is_known_by_its_company_in_the_contexts() -> None:
    body = "He said Tony Blair spoke, said Blair Smith, with Ali al Sistani and Jo van Dam."
    tally = count_document(parse(f"Headline\n\n{body}\n", "text", "d.txt"), "d.txt")
    assert tally.contexts["Blair"] == ["Tony", "Smith"]
    assert tally.contexts["Tony"] == ["Blair"]
    assert tally.contexts["Sistani"] == ["al"]
    assert tally.contexts["Dam"] == ["van"]
    assert "He" not in tally.contexts  # the first word of a sentence is no name


def test_a_title_in_a_quotation_is_not_the_drafts() -> None:
    body = (
        "“Mr Roe is wrong,” she said. Jane Roe spoke. Mr Roe left. Roe came back.\n\n"
        "Tom Poe called it “a Mr Poe matter” once, and Poe left."
    )
    tally = count_document(parse(f"Headline\n\n{body}\n", "text", "d.txt"), "d.txt")
    # Roe: one title after the full name, one bare reference; Poe's only title is quoted,
    # so the draft gives him none and his bare surname is no later reference.
    assert tally.get("titles") == {"Mr Blair": 1, "Blair": 1}
    assert tally.where("titles", "Mr Blair") == ["d.txt:3"]


def test_small_numbers_in_words_and_figures_are_counted_with_their_first_place() -> None:
    tally = Tally()
    first = "Two men came.\nThen two women and nine children, and 3 dogs; seven-day weeks."
    count_document(parse(f"Headline\n\n{first}\n", "text", "a.txt"), "a.txt", tally)
    count_document(
        parse("Headline\n\nNo number here, only health care.\n", "text", "b.txt"), "b.txt", tally
    )
    count_document(
        parse("Headline\n\nThey waited, for eight hours.\n", "text", "c.txt"), "c.txt", tally
    )
    # "Two" opens a sentence; "seven-day" is a compound: neither is a number inside a sentence.
    assert tally.get("numbers") == {"words": 3, "figures": 1}
    assert tally.where("numbers", "words") == ["a.txt:4", "c.txt:3"]
    assert tally.where("numbers", "figures") == ["a.txt:4"]
    assert tally.get("open") == {"health care": 1}
