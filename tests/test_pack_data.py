"""The built-in packs as data, in the manner of codespell's dictionary tests.

Every pack loads; ids are unique; no swap maps a word to itself; no rule of a pack flags what
another rule of the same pack (or itself) puts in its place, so there are no A->B->A cycles and
no chains; no rule flags another rule's passing examples; and uk-news and us-news each make their
own house's choice on the points where British and American newsrooms differ.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from newslint.checks import Rule
from newslint.checks.base import is_literal
from newslint.checks.people import Person
from newslint.checks.reference import Reference
from newslint.checks.substitution import Substitution
from newslint.document import make_document
from newslint.engine import check_rule
from newslint.errors import RuleFileError
from newslint.examples import check_example, headline_only
from newslint.formats.inline import url_spans
from newslint.formats.plaintext import paragraph_spans
from newslint.rulefile import builtin_packs, builtin_root, load_pack, parse_rules
from newslint.violation import Violation

PACKS: dict[str, list[Rule]] = {name: load_pack(builtin_root() / name) for name in builtin_packs()}
SWAPS = [
    (pack, rule)
    for pack, rules in PACKS.items()
    for rule in rules
    if isinstance(rule, Substitution)
]


def lint(pack: str, text: str, *, headline: bool = False) -> list[Violation]:
    """Every violation of ``pack`` in ``text``, read as body copy or as a one-line headline."""
    paragraphs = paragraph_spans(text)
    doc = make_document(
        text,
        path="<data>",
        masked=url_spans(text),
        headline=paragraphs[0] if headline and paragraphs else None,
        paragraphs=paragraphs,
    )
    return [v for rule in PACKS[pack] for v in check_rule(doc, rule)]


def swaps_of(pack: str) -> dict[str, str]:
    """Every literal swap of a pack, key to replacement."""
    out: dict[str, str] = {}
    for name, rule in SWAPS:
        if name == pack:
            out.update({k: v for k, v in rule.swap.items() if is_literal(k)})
    return out


def test_the_news_packs_are_built_in() -> None:
    assert {"core", "uk-news", "us-news"} <= set(PACKS)


@pytest.mark.parametrize("pack", sorted(PACKS))
def test_pack_loads_with_unique_ids(pack: str) -> None:
    ids = [rule.id for rule in PACKS[pack]]
    assert ids and len(ids) == len(set(ids))
    assert all(rule.name == f"{pack}.{rule.id}" for rule in PACKS[pack])


@pytest.mark.parametrize(("pack", "rule"), SWAPS, ids=lambda x: getattr(x, "name", x))
def test_no_swap_maps_a_word_to_itself(pack: str, rule: Substitution) -> None:
    same = [k for k, v in rule.swap.items() if k == v or (is_literal(k) and k.lower() == v)]
    assert not same, f"{rule.name} swaps these for themselves: {same}"


@pytest.mark.parametrize(("pack", "rule"), SWAPS, ids=lambda x: getattr(x, "name", x))
def test_no_replacement_is_flagged_by_its_pack(pack: str, rule: Substitution) -> None:
    """A literal swap's replacement, written alone, is clean for every rule of the pack."""
    headline = headline_only(rule)
    chains = []
    for key, value in rule.swap.items():
        if not is_literal(key):
            continue
        for v in lint(pack, value, headline=headline):
            chains.append(f"{key} -> {value} -> {v.replacement} ({v.rule})")
    assert not chains, chains


@pytest.mark.parametrize(("pack", "rule"), SWAPS, ids=lambda x: getattr(x, "name", x))
def test_fixed_examples_are_clean_where_fixed(pack: str, rule: Substitution) -> None:
    """Fix each failing example with the rule; no rule of the pack flags the fixed spans.

    This covers pattern keys, which cannot be listed word by word.
    """
    headline = headline_only(rule)
    for text in rule.examples.fail_texts:
        violations = check_example(rule, text)
        fixed, spans, shift = text, [], 0
        for v in sorted(violations, key=lambda v: v.start):
            assert v.replacement is not None, f"{rule.name}: no fix for {v.found!r}"
            start = v.start + shift
            fixed = fixed[:start] + v.replacement + fixed[v.end + shift :]
            spans.append((start, start + len(v.replacement)))
            shift += len(v.replacement) - (v.end - v.start)
        clashes = [
            f"{fixed[v.start : v.end]!r} -> {v.replacement!r} ({v.rule})"
            for v in lint(pack, fixed, headline=headline)
            if any(v.start < end and start < v.end for start, end in spans)
        ]
        assert not clashes, f"{rule.name} fixed {text!r} to {fixed!r}, then: {clashes}"


@pytest.mark.parametrize("pack", sorted(PACKS))
def test_no_rule_flags_another_rules_passing_example(pack: str) -> None:
    """A passing example is house style; no rule of the same pack may call it a violation."""
    clashes = []
    for rule in PACKS[pack]:
        for text in rule.examples.pass_:
            for v in lint(pack, text, headline=headline_only(rule)):
                clashes.append(f"{rule.id} passes {text!r} but {v.rule} flags {v.found!r}")
    assert not clashes, "\n".join(clashes)


# --- the two houses' choices ----------------------------------------------------------------

# (British house form, American house form) in a sentence; each pack accepts its own form and
# flags the other's, offering its own as the fix.
CHOICES = [
    ("The march was organised by students.", "The march was organized by students."),
    (
        "Officials recognised the privatisation plan.",
        "Officials recognized the privatization plan.",
    ),
    ("They will analyse the data.", "They will analyze the data."),
    ("The colour of the flag was her favourite.", "The color of the flag was her favorite."),
    ("The labour costs rose in the neighbourhood.", "The labor costs rose in the neighborhood."),
    ("The centre of the city has a theatre.", "The center of the city has a theater."),
    ("The defence case rested.", "The defense case rested."),
    (
        "She travelled to Rome and cancelled the trip.",
        "She traveled to Rome and canceled the trip.",
    ),
    ("The nuclear programme was halted.", "The nuclear program was halted."),
    ("The grey aluminium jewellery was found.", "The gray aluminum jewelry was found."),
    ("Sceptics doubted the manoeuvre.", "Skeptics doubted the maneuver."),
    ("Nato and Unicef officials met.", "NATO and UNICEF officials met."),
    ("The US economy grew.", "The U.S. economy grew."),
    ("The crowd moved towards the gate.", "The crowd moved toward the gate."),
]


@pytest.mark.parametrize(("british", "american"), CHOICES)
def test_each_house_makes_its_own_choice(british: str, american: str) -> None:
    assert not lint("uk-news", british), british
    assert not lint("us-news", american), american
    assert fix("uk-news", american) == british
    assert fix("us-news", british) == american


def fix(pack: str, text: str) -> str:
    for v in sorted(lint(pack, text), key=lambda v: -v.start):
        assert v.replacement is not None
        text = text[: v.start] + v.replacement + text[v.end :]
    return text


# Literal swaps with no counterpart in the other pack, and why.
ONE_SIDED: Mapping[str, set[str]] = {
    # British bodies that AP writes as the bodies do; acronyms that are names in both houses.
    "uk-news": {
        "OFSTED",
        "OFCOM",
        "OFGEM",
        "OFWAT",
        "DEFRA",
        "ACAS",
        "BAFTA",
        "BAFTAS",
        "LIBOR",
        "INTERPOL",
        "EUROPOL",
        "HAMAS",
        # American variants that AP writes the British way too ("glamour", "dialogue",
        # "aesthetic": AP_KEEPS in scripts/spelling_pairs.py).
        "glamor",
        "glamored",
        "glamoring",
        "glamors",
        "accouterments",
        "louvered",
        "ocher",
        "cancelation",
        "extoll",
        "extolls",
        "ameba",
        "amebae",
        "amebas",
        "amebic",
        "archeological",
        "archeologist",
        "archeologists",
        "archeology",
        "demagog",
        "demagogs",
        "donut",
        "egis",
        "epilog",
        "epilogs",
        "esthete",
        "esthetes",
        "esthetic",
        "esthetics",
        "monolog",
        "monologs",
        "pedagog",
        "pedagogs",
        "prolog",
        "prologs",
        "spirea",
        "spireas",
        "travelog",
        "travelogs",
    },
    # British English has both words of these pairs, so uk-news flags them only in context.
    "us-news": {
        "programme",
        "programmes",
        "tyre",
        "tyres",
        "kerb",
        "kerbs",
        "cheque",
        "cheques",
        "practise",
        "practised",
        "practises",
        "practising",
        "licence",
        "licences",
        "metre",
        "metres",
        "storey",
        "storeys",
        "sulphur",
        "mould",
        "aeroplane",
        "aeroplanes",
        "judgement",
        "judgements",
        "acknowledgement",
        # British words whose American form British lists hold too ("coloration", "draft",
        # "specialty"), or that British English uses in another sense ("chequers").
        "colouration",
        "discolouration",
        "discolourations",
        "micrometre",
        "micrometres",
        "chequer",
        "chequers",
        "draught",
        "draughted",
        "draughting",
        "foetid",
        "homoeopathic",
        "homoeopathy",
        "kerbed",
        "kerbing",
        "prejudgement",
        "prejudgements",
        "reprogramme",
        "reprogrammes",
        "specialities",
        "speciality",
    },
}


@pytest.mark.parametrize(("pack", "other"), [("uk-news", "us-news"), ("us-news", "uk-news")])
def test_swaps_are_mirrored_by_the_other_house(pack: str, other: str) -> None:
    """Each literal swap A -> B of one house is B -> A in the other, unless both agree."""
    mine, theirs = swaps_of(pack), swaps_of(other)
    missing = []
    for key, value in mine.items():
        if key in ONE_SIDED[pack] or theirs.get(key) == value:
            continue
        found = [(v.found, v.replacement) for v in lint(other, value)]
        if found != [(value, key)]:
            missing.append(f"{key} -> {value}: {other} gives {found}")
    assert not missing, "\n".join(missing)


# Words that are spelled the same in both houses and must never be flagged by either.
NEVER = [
    "size",
    "prize",
    "seize",
    "capsize",
    "downsize",
    "advise",
    "surprise",
    "exercise",
    "compromise",
    "televise",
    "supervise",
    "revise",
    "promise",
    "merchandise",
    "franchise",
    "despise",
    "enterprise",
    "improvise",
    "advertise",
    "chastise",
    "expertise",
    "premise",
    "demise",
    "raise",
    "praise",
    "appraise",
    "fundraiser",
    "paradise",
    "otherwise",
    "likewise",
    "cruise",
    "noise",
    "poise",
    "bruise",
    "disguise",
    "comprise",
    "excise",
    "precise",
    "concise",
    "criticism",
    "organism",
    "finalist",
    "specialist",
    "socialist",
    "humorous",
    "honorary",
    "laborious",
    "vigorous",
    "glamour",
    "cancellation",
    "licensed",
    "licensing",
    "analyses",
    "paralysis",
    "emphasis",
    "hypothesis",
    "Colorado",
    "Labor",
    "Day",
]


@pytest.mark.parametrize("pack", ["uk-news", "us-news"])
def test_shared_words_are_never_flagged(pack: str) -> None:
    text = " ".join(NEVER)
    assert [v.found for v in lint(pack, text)] == []


def _people(pack: str) -> list[Person]:
    rules = [r for r in PACKS[pack] if isinstance(r, Reference)]
    return [person for rule in rules for person in rule.people]


def test_the_people_lists_do_not_conflict_across_the_packs() -> None:
    """A surname (or a spelling of it) that both packs list names the same person in both:
    the same first name, whatever the transliteration of the surname."""
    uk, us = _people("uk-news"), _people("us-news")
    assert len(uk) >= 30 and len(us) >= 25
    for p in uk:
        spellings = {p.last, *p.variants}
        for q in us:
            if spellings & {q.last, *q.variants}:
                assert p.name.split()[0] == q.name.split()[0], (p.name, q.name)
                assert p.shared_surname == q.shared_surname, (p.name, q.name)


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ("{name: Ann Orbanova, variants: [Orbán]}", "'Orbán' is listed as a variant of two people"),
        (
            "{name: Ann Vale, variants: [Tusk]}",
            "'Tusk' is both a variant and a listed person's surname",
        ),
        ("{name: Ann Tusk}", "two people share the surname 'Tusk'"),
        ("{name: Ann Tusk, shared_surname: true}", "two people share the surname 'Tusk'"),
    ],
)
def test_two_entries_that_conflict_are_refused(entry: str, error: str) -> None:
    text = "rules:\n  - id: people\n    type: reference\n    people:\n"
    for line in ("{name: Viktor Orban, variants: [Orbán]}", "{name: Donald Tusk}", entry):
        text += f"      - {line}\n"
    with pytest.raises(RuleFileError, match=error):
        parse_rules(text, "<test>", "test")


def test_two_entries_marked_shared_may_give_one_surname() -> None:
    text = "rules:\n  - id: people\n    type: reference\n    people:\n"
    for line in (
        "{name: Ann Tusk, shared_surname: true}",
        "{name: Ben Tusk, shared_surname: true}",
    ):
        text += f"      - {line}\n"
    (rule,) = parse_rules(text, "<test>", "test")
    assert isinstance(rule, Reference)
    assert [p.name for p in rule.people] == ["Ann Tusk", "Ben Tusk"]


@pytest.mark.parametrize(
    ("pack", "text", "found"),
    [
        ("uk-news", "Anthony Albanese flew in. Albanese spoke.", [("Albanese", "Mr Albanese")]),
        (
            "us-news",
            "Anthony Albanese flew in. Mr. Albanese spoke.",
            [("Mr. Albanese", "Albanese")],
        ),
        ("uk-news", "Lee Jae-myung flew in. Mr Lee and Mr Li spoke.", []),
        ("uk-news", "Li Qiang flew in. Li spoke.", [("Li", "Mr Li")]),
        ("us-news", "Li Qiang flew in. Mr. Li spoke.", [("Mr. Li", "Li")]),
        ("uk-news", "Mahmoud Abbas flew in. Abbas spoke.", [("Abbas", "Mr Abbas")]),
        ("uk-news", "Sergio Albanese opened a cafe. Albanese bakes.", []),
        ("us-news", "Albanese opened a cafe. Sergio Albanese bakes.", []),
        ("uk-news", "Lee scored twice. Lee was then replaced.", []),
        ("us-news", "Lee scored twice. Lee was then replaced.", []),
        ("uk-news", "Harris scored twice. Harris was then replaced.", []),
    ],
)
def test_the_leaders_whose_surname_many_share(
    pack: str, text: str, found: list[tuple[str, str]]
) -> None:
    """A leader's surname that many share is theirs only in a draft that names them in full."""
    people = [v for v in lint(pack, text) if v.rule.endswith("person-reference")]
    assert [(v.found, v.replacement) for v in people] == found
