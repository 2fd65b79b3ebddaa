"""``reference``: how people are named at first and later reference.

The first reference to a person gives the full name ("Donald Trump"); later references give the
surname, with or without a courtesy title as the house chooses (``honorific``).  People come
from the rule's ``people`` list and, with ``learn``, from the document itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import regex

from ..document import Document
from ..patterns import compiled
from .base import Finding, Rule, is_literal
from .mentions import (
    ATTRIBUTIVE,
    ATTRIBUTIVE_NOUN,
    CAPITAL_AFTER,
    GAP,
    GENERATIONS,
    PAGEANTS,
    PREFIXED,
    Mention,
    after_gap,
    compound_surname,
    joins_word_before,
    particle_surname,
    reach,
    word_before_gap,
)
from .names import (
    HONORIFICS_DEFAULT,
    INNER_PARTICLES,
    POST_NOMINALS,
    TITLE_WORDS,
    Token,
    bare_word,
    given_name,
    particle_key,
    particle_starts,
    run_matches,
    run_tokens,
    sentence_start,
    surname,
)
from .people import Person, people_tables
from .wordlist import WordList, compile_wordlist

Policy = Literal["required", "forbidden", "optional"]
KINDS = ("first", "required", "forbidden", "variant", "stop")

MESSAGES = {
    "first": "First reference should be the full name{name_hint}, not '{found}'",
    "required": "Later references take a courtesy title: '{replacement}'",
    "required-first-name": "Later references to {name} are '{replacement}', not '{found}'",
    "required-unknown": "Later references take a courtesy title before '{found}'",
    "forbidden": "No courtesy title outside quotations: '{replacement}', not '{found}'",
    "variant": "Spell the name '{replacement}', not '{found}'",
    "stop": "Write the courtesy title as '{replacement}', not '{found}'",
}
_NEVER_STOPPED = frozenset({"Miss"})
_FIRST_NAME_TITLES = frozenset({"Sir", "Dame"})
# What may stand before a surname that is part of a name the copy gives in a form no run reads
# as full: a capitalised word ("minister German Gref", a given name that is also a word), a
# nickname in quotation marks ("Marion 'Suge' Knight"), a title glued by its full stop
# ("Mr.Benn").
_NAME_BEFORE = compiled(
    r"(?:\p{Lu}[\p{L}\p{M}'’\-]*[ \t\n]"
    r"|[\"“‘'][^\"“”\n]{1,30}[\"”’'][ \t]"
    r"|\S\.)\Z"
)
_OPENS_NAME = compiled(r"(?<![\p{L}\p{M}'’\-])(\p{Lu}[\p{L}\p{M}'’\-]*) (?=\p{Lu})")


@dataclass(frozen=True, kw_only=True)
class Reference(Rule):
    """First reference by full name, later by surname with the house's courtesy-title policy.

    Findings, each with its own message (override them with ``messages``, keyed by ``first``,
    ``required``, ``forbidden``, ``variant``, ``stop``; placeholders ``{found}``,
    ``{replacement}``, ``{name}``, ``{surname}``, ``{honorific}``):

    * ``first``: a surname alone or with a courtesy title before any full-name reference.  A
      title with the surname ("President Bush") is accepted as a first reference.
    * ``required`` / ``forbidden``: a later reference against the ``honorific`` policy.  The
      policy never applies in headlines, nor in quotations unless ``honorific_in_quotes``.
    * ``variant``: a spelling listed in a person's ``variants``.
    * ``stop``: a courtesy title with a full stop where ``honorific_stop`` is false, or without
      one where it is true ("Miss" never takes one).

    A person not in ``people`` is learned from the document (when ``learn``) from a capitalised
    first name and surname ("Keir Starmer") whose surname recurs alone or after a courtesy title.
    The courtesy title of a learned person is never guessed: it is the one the document itself
    uses for the surname ("Mr Starmer").  With ``require_for: titled`` (the default) a bare
    surname breaks the ``required`` policy only for a person who is listed with a courtesy title
    or whom the document titles at least once, so copy that names sportspeople by surname alone
    throughout is left alone; with ``require_for: all`` every learned person's bare surname is
    reported, with no fix when the title is unknown.  A surname before the first full name is
    reported for a listed person, and for a learned one only when the document titles them.  A
    person the document never names in full is reported, with no fix, where it first names them
    by the bare surname, when it gives them a courtesy title later ("Okafor said ... Mr Okafor").

    A surname that particles open ("Ursula von der Leyen", "Louis van Gaal", "Herman Van
    Rompuy") is read as one surname: "Ms von der Leyen" is titled, "Von der Leyen" opening a
    sentence is bare, and a fix writes the particles as the person's full name does.

    A listed surname is read as the listed person's wherever the copy gives it, unless the copy
    names someone else of that surname in full.  A person marked ``shared_surname: true`` (a
    surname many others share: "Anthony Albanese", "Lee Jae-myung") is listed only for a draft
    that names them in full, by the name or a variant of it, and names no one else of that
    surname in full ("Sergio Albanese", or "Lee Hae-chan" for a name written family name
    first); in any other draft the surname is read as any unlisted one is, and a one-word
    variant of it is not corrected ("Alexis Sanchez" stays).  Two entries may give the same
    surname only when both are so marked: the full name in the draft says which is meant.
    """

    type_name = "reference"
    placeholders = ("name_hint", "name", "surname", "honorific")

    message: str = ""
    people: tuple[Person, ...] = ()
    honorific: Policy = "optional"
    honorifics: tuple[str, ...] = HONORIFICS_DEFAULT
    honorific_stop: bool | None = None
    honorific_in_quotes: bool = False
    learn: bool = True
    require_for: Literal["titled", "all"] = "titled"
    first_reference: bool = True
    messages: Mapping[str, str] = field(default_factory=dict)
    # Variants the house accepts (its config's ``accept``): still that person, never corrected.
    accepted: frozenset[str] = field(default=frozenset(), metadata={"internal": True})
    _canon: Any = field(init=False, repr=False, compare=False)
    _listed: Any = field(init=False, repr=False, compare=False)
    _variants: Any = field(init=False, repr=False, compare=False)
    _variant_to: Any = field(init=False, repr=False, compare=False)
    _inverted: Any = field(init=False, repr=False, compare=False)
    _variant_words: Any = field(init=False, repr=False, compare=False)
    _honorific_set: Any = field(init=False, repr=False, compare=False)
    _compound: Any = field(init=False, repr=False, compare=False)
    _shared: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        unknown = [k for k in self.messages if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown message kind '{unknown[0]}' (one of: {', '.join(KINDS)})")
        if not self.honorifics:
            raise ValueError("'honorifics' must list at least one courtesy title")
        tables = people_tables(self.people)
        object.__setattr__(self, "_shared", tables.shared)
        object.__setattr__(self, "_inverted", tables.inverted)
        object.__setattr__(self, "_compound", tables.compound)
        object.__setattr__(self, "_honorific_set", frozenset(self.honorifics))
        object.__setattr__(self, "_canon", tables.canon)
        object.__setattr__(self, "_listed", tables.listed)
        object.__setattr__(self, "_variant_to", tables.variant_to)
        literal = all(is_literal(v) for v in tables.variant_to)
        words = tuple(v.split()[0] for v in tables.variant_to) if literal else None
        object.__setattr__(self, "_variant_words", words)
        variants = tuple(tables.variant_to)
        matcher = compile_wordlist(variants, ignorecase=False) if variants else None
        object.__setattr__(self, "_variants", matcher)

    # --- reading the document -----------------------------------------------------------

    def _mentions(self, doc: Document) -> list[Mention]:
        """The mentions in ``doc`` that can matter to :meth:`check`, in the order of the copy.

        Most runs are one capitalised word ("The", "London").  Such a run can only be a bare
        surname, and a bare surname matters only when it is a listed person's (or a variant),
        the surname of a full name in the copy, or one the copy gives a courtesy title
        ("Okafor ... Mr Okafor"): :meth:`check` passes over every other, and
        a bare mention counts for nothing else.  So the runs of several words are read first,
        then only the one-word runs whose word is such a surname.

        Of those, a surname of a full name that no mention gives a courtesy title to matters
        only with ``require_for: all``: its bare mentions bring no finding of their own (no
        first reference is reported for it, and no courtesy title is known to require), and
        change none of another mention's.  A whole corpus as one draft names everyone in full
        somewhere; leaving these out keeps its cost a MB that of its articles.
        """
        view = doc.view
        keep = self._honorific_set
        # a one-word run read later, with its mention when read at once
        read: list[Mention | tuple[regex.Match[str] | re.Match[str], Mention | None]] = []
        full = set()
        titled = set()  # surnames after a courtesy title, in quotations or not
        particles = particle_starts(view)  # "von der Leyen": a surname of several words
        for m in run_matches(view, keep):
            start, end = m.span()
            if (
                view.find(" ", start, end) < 0
                and start not in particles
                # "Ann&nbsp;Pike" may be a full name; most words follow one space
                and (
                    (view[start - 1] == " " and view[start - 2] not in GAP)
                    or not joins_word_before(doc, start)
                )
            ):
                mention = None
                if after_gap(view, start):  # it might still read a word before as a title
                    mention = self._read_run(doc, start, end, particles)
                    if mention is not None and mention.honorific is not None:
                        titled.add(mention.canon)
                read.append((m, mention))
                continue
            mention = self._read_run(doc, start, end, particles)
            if mention is not None:
                if mention.kind in ("full", "honorific"):
                    full.add(mention.canon)  # a titled surname may have been named bare first
                if mention.honorific is not None:
                    titled.add(mention.canon)
                read.append(mention)
        if self.require_for != "all":
            full &= titled
        out = []
        for item in read:
            if not isinstance(item, Mention):
                match, mention = item
                start, end = match.span()
                word = bare_word(view, start, end)
                if word not in self._canon and word not in full:
                    continue
                if mention is None and not after_gap(view, start):
                    mention = self._read_run(doc, start, end, particles)
                if mention is None:
                    continue
                item = mention
            out.append(item)
        return out

    def _read_run(
        self, doc: Document, start: int, end: int, particles: Mapping[int, int]
    ) -> Mention | None:
        """The mention of the run matched at ``doc.view[start:end]``, if any."""
        run = run_tokens(doc.view, start, end, self._honorific_set)
        return self._mention(doc, run, particles) if run else None

    def _mention(
        self, doc: Document, run: list[Token], particles: Mapping[int, int]
    ) -> Mention | None:
        """The mention a run of capitalised words ends with, if any."""
        view = doc.view
        honorifics = self._honorific_set
        if view[run[0].start - 1 : run[0].start] == "@":
            return None  # a social-media handle ("@SomeName"), not a name
        while len(run) > 1 and run[-1].text in POST_NOMINALS:
            if run[-1].text in GENERATIONS:
                return None  # "Donald Trump Jr.": a namesake, not the person listed
            run = run[:-1]  # "Ruth Kelly MP"
        if particles or (len(run) > 1 and run[-2].text in INNER_PARTICLES):
            run = particle_surname(view, run, particles, honorifics)
        if self._compound and len(run) > 1:
            run = compound_surname(view, run, self._compound)
        if len(run) == 1:
            joined = word_before_gap(doc, run[0].start, honorifics)
            if joined is not None:
                run = [joined, run[0]]  # "Mr *Trump*" reads as "Mr Trump"
        last = run[-1]
        if last.stop or last.text in honorifics or doc.in_heading(last.start):
            return None
        for words, person in self._inverted.get(last.text, ()):
            if len(run) >= len(words) and tuple(t.text for t in run[-len(words) :]) == words:
                first = run[-len(words)]
                return Mention("full", first.start, last, person.last, given=person.given[0])
        key = particle_key(last.text) if " " in last.text else last.text
        canon = self._canon.get(key, key)
        if canon not in self._listed and not surname(last.text):
            return None
        before = run[:-1]
        j = len(before) - 1
        while j >= 0 and len(before[j].text) == 1:
            j -= 1  # initials: "George W. Bush"
        initials = j < len(before) - 1
        prev = before[j] if j >= 0 else None
        if prev is not None and not prev.possessive and given_name(prev.text):
            return Mention("full", prev.start, last, canon, given=prev.text)
        if initials:
            return None
        if prev is not None and prev.text in honorifics:
            if prev.text == "Miss" and last.text in PAGEANTS:
                return None  # "Miss Turkey", "Miss World": a pageant's title, not a woman's name
            return Mention("honorific", prev.start, last, canon, honorific=prev)
        if prev is not None and prev.text in TITLE_WORDS:
            return Mention("titled", prev.start, last, canon)
        attributive = bool(
            ATTRIBUTIVE.search(view, max(0, last.start - reach(view, last.start)), last.start)
            or PREFIXED.search(view, max(0, last.start - 40), last.start)
            or (not last.possessive and ATTRIBUTIVE_NOUN.match(view, last.end))
            or view[last.end : last.end + 1] == "/"
            or (last.possessive and CAPITAL_AFTER.match(view, last.end + 2))
        )
        return Mention("bare", last.start, last, canon, attributive=attributive)

    # --- checking ---------------------------------------------------------------------------

    def decided_forms(self) -> Mapping[str, str]:
        forms = {}
        for person in self.people:
            for variant in person.variants:
                forms[variant] = person.name if " " in variant else person.last
        return forms

    def accepting(self, terms: frozenset[str]) -> Reference:
        """This rule with the variants among ``terms`` accepted: a mention so spelled is still
        the listed person's, checked for its courtesy title, and a fix keeps the spelling."""
        hit = terms & self._variant_to.keys()
        if not hit or hit <= self.accepted:
            return self
        return replace(self, accepted=self.accepted | hit)

    def giving_way(self, terms: frozenset[str]) -> Reference:
        if not any(terms.intersection(person.variants) for person in self.people):
            return self
        people = tuple(
            replace(person, variants=tuple(v for v in person.variants if v not in terms))
            for person in self.people
        )
        return replace(self, people=people)

    def check(self, doc: Document) -> Iterator[Finding]:
        mentions = self._mentions(doc)
        full_names: dict[str, set[str]] = {}
        recurs: set[str] = set()
        titled: dict[str, set[str]] = {}
        for m in mentions:
            if m.kind == "full":
                full_names.setdefault(m.canon, set()).add(self._full_text(doc, m))
            else:
                recurs.add(m.canon)
            if m.honorific is not None and not doc.in_quote(m.start):
                titled.setdefault(m.canon, set()).add(m.honorific.text)
        # A listed surname that the copy gives only to someone else ("Keanu Reeves") is
        # that other person's here.
        listed = dict(self._listed)
        for s in full_names.keys() & listed.keys():
            if not any(n == listed[s].name for n in full_names[s]):
                del listed[s]
        # A surname many share is the listed person's only where the copy names them in full
        # and no one else of that name.
        for s, people in self._shared.items():
            names = full_names.get(s, set())
            named = [p for p in people if names == {p.name}]
            if named and not self._another_of_family(doc.view, mentions, named[0]):
                listed[s] = named[0]
            else:
                listed.pop(s, None)
        known = set(listed)
        if self.learn:
            known |= {s for s in full_names if s in recurs and surname(s)}

        shared = {s for s, names in full_names.items() if len(names) > 1}
        shown = self._shown(mentions)
        findings: list[tuple[Finding, str]] = []  # (finding, kind)
        introduced: set[str] = set()
        for m in mentions:
            if m.canon not in known:
                continue
            if m.kind in ("full", "titled"):
                introduced.add(m.canon)
                continue
            quoted = doc.in_quote(m.surname.start)
            if m.attributive or (quoted and not self.honorific_in_quotes):
                continue
            if m.canon not in introduced and not quoted:
                introduced.add(m.canon)
                if self.first_reference and (
                    m.canon in listed or m.honorific is not None or m.canon in titled
                ):
                    findings.append((self._first(m, full_names, listed, shown), "first"))
                continue
            found = self._policy(doc, m, titled, shared, listed, shown)
            if found is not None:
                findings.append(found)

        if self.learn and self.first_reference:
            findings.extend(self._unnamed_first(doc, mentions, titled, known, full_names))
        findings.extend(self._variant_findings(doc, listed))
        findings.extend(self._stop_findings(doc, mentions))
        yield from self._without_overlaps(findings)

    def _unnamed_first(
        self,
        doc: Document,
        mentions: list[Mention],
        titled: Mapping[str, set[str]],
        known: set[str],
        full_names: Mapping[str, set[str]],
    ) -> Iterator[tuple[Finding, str]]:
        """A person the copy never names in full, first named by the bare surname and given a
        courtesy title later ("Okafor said ... Mr Okafor added"): the first reference lacks the
        full name, which only the writer knows, so there is no fix.  Only a courtesy title
        outside quotations marks the surname as a person's: a surname used bare throughout
        may be a place, a firm or a player named the way sports copy names them."""
        unnamed = {s for s in titled if s not in known and s not in full_names and surname(s)}
        if not unnamed:
            return
        seen: set[str] = set()
        first: list[Mention] = []
        for m in mentions:
            if m.canon not in unnamed or m.canon in seen:
                continue
            if m.attributive or doc.in_quote(m.surname.start):
                continue
            seen.add(m.canon)
            if m.kind == "bare" and not _NAME_BEFORE.search(
                doc.view, max(0, m.start - 40), m.start
            ):
                first.append(m)
        if not first:
            return
        # A surname before another capitalised word names someone in a form no run reads
        # ("Tedros Adhanom Ghebreyesus" ... "Dr Tedros"): the copy may give the full name.
        opening = {m.group(1) for m in _OPENS_NAME.finditer(doc.view)}
        for m in first:
            if m.canon not in opening:
                yield self._finding("first", m.start, m.surname.end, None), "first"

    @staticmethod
    def _another_of_family(view: str, mentions: list[Mention], person: Person) -> bool:
        """Whether the copy names in full someone else whose name opens with the family name
        of ``person``, written family name first ("Lee Hae-chan" beside "Lee Jae-myung")."""
        family = person.last
        if person.name.split()[0] != family:
            return False
        opening = family + " "
        for m in mentions:
            if m.kind != "full" or m.canon == family:
                continue
            before = m.start - len(opening)  # "Kim Yo Jong" reads as "Yo Jong", given "Yo"
            if view.startswith(opening, m.start) or (
                before >= 0
                and view.startswith(opening, before)
                and (before == 0 or not view[before - 1].isalnum())
            ):
                return True
        return False

    def _full_text(self, doc: Document, m: Mention) -> str:
        for person in self._shared.get(m.canon) or (self._listed.get(m.canon),):
            if person is not None and person.named_by(m.given):
                return str(person.name)
        words = doc.text[m.start : m.surname.start].split()
        return " ".join([*words, m.surname.text if " " in m.canon else m.canon])

    def _shown(self, mentions: list[Mention]) -> dict[str, str]:
        """How each surname of several words is written: as the listed person's, or as the
        copy writes it in the first full name ("Herman Van Rompuy"), particles and all."""
        shown: dict[str, str] = {}
        for m in mentions:
            if m.kind == "full" and " " in m.canon:
                shown.setdefault(m.canon, m.surname.text)
        for key, person in self._listed.items():
            if " " in key:
                shown[key] = person.last
        return shown

    def _first(
        self,
        m: Mention,
        full_names: dict[str, set[str]],
        listed: Mapping[str, Person],
        shown: Mapping[str, str],
    ) -> Finding:
        names = full_names.get(m.canon, set())
        person = listed.get(m.canon)
        if person is not None and (not names or names == {person.name}):
            name: str | None = str(person.name)
            if m.surname.text in self.accepted:  # the house's accepted spelling, kept
                name = person.name[: len(person.name) - len(person.last)] + m.surname.text
        else:
            name = next(iter(names)) if len(names) == 1 else None
        start = m.start
        hint = f" ({name})" if name else ""
        return self._finding(
            "first",
            start,
            m.surname.end,
            name,
            params={
                "name": name or shown.get(m.canon, m.canon),
                "name_hint": hint,
                "surname": shown.get(m.canon, m.canon),
            },
        )

    def _honorific_of(
        self, m: Mention, titled: dict[str, set[str]], listed: Mapping[str, Person]
    ) -> set[str]:
        found = set(titled.get(m.canon, set()))
        person = listed.get(m.canon)
        if person is not None and person.honorific:
            found.add(person.honorific)
        return found

    def _policy(
        self,
        doc: Document,
        m: Mention,
        titled: dict[str, set[str]],
        shared: set[str],
        listed: Mapping[str, Person],
        shown: Mapping[str, str],
    ) -> tuple[Finding, str] | None:
        written = shown.get(m.canon, m.canon)
        if m.surname.text in self.accepted:
            written = m.surname.text
        if self.honorific == "forbidden" and m.kind == "honorific":
            if written[:1].islower() and sentence_start(doc.view, m.start):
                written = written[:1].upper() + written[1:]  # "Von der Leyen said"
            return self._finding("forbidden", m.start, m.surname.end, written), "forbidden"
        if self.honorific != "required":
            return None
        person = listed.get(m.canon)
        if person is not None and person.honorific in _FIRST_NAME_TITLES:
            # "Sir Keir Starmer ... Sir Keir": a knight or dame keeps the first name.
            if m.kind == "honorific" and m.canon in shared:
                return None  # perhaps another person of that surname ("Lady Starmer")
            fixed = f"{person.honorific} {person.given[0]}"
            finding = self._finding(
                "required-first-name", m.start, m.surname.end, fixed, {"name": person.name}
            )
            return finding, "required"
        if m.kind != "bare":
            return None
        honorifics = self._honorific_of(m, titled, listed)
        if len(honorifics) == 1:
            title = next(iter(honorifics))
            stop = "." if self.honorific_stop and title not in _NEVER_STOPPED else ""
            fixed = f"{title}{stop} {written}"
            finding = self._finding(
                "required", m.surname.start, m.surname.end, fixed, params={"honorific": title}
            )
            return finding, "required"
        if honorifics or self.require_for == "all":
            return self._finding("required-unknown", m.surname.start, m.surname.end), "required"
        return None

    def _variant_findings(
        self, doc: Document, listed: Mapping[str, Person]
    ) -> Iterator[tuple[Finding, str]]:
        """The variants in the copy, but a one-word variant of a surname many share where the
        copy does not name the listed person ("Alexis Sanchez")."""
        if self._variants is None:
            return
        if self._variant_words is not None and not any(w in doc.view for w in self._variant_words):
            return  # a literal variant shows its first word as written
        matcher: WordList = self._variants
        for match in matcher.finditer(
            doc.view
        ):  # which variant: not the text, which may break lines
            variant = matcher.tokens[matcher.index(match)]
            if variant in self.accepted:
                continue
            target = self._variant_to[variant]
            if target in self._shared and target not in listed:
                continue
            yield self._finding("variant", match.start(), match.end(), target), "variant"

    def _stop_findings(
        self, doc: Document, mentions: list[Mention]
    ) -> Iterator[tuple[Finding, str]]:
        if self.honorific_stop is None:
            return
        for m in mentions:
            title = m.honorific
            if title is None or title.text in _NEVER_STOPPED:
                continue
            if self.honorific == "forbidden" and (
                self.honorific_in_quotes or not doc.in_quote(title.start)
            ):
                continue  # the title should not be there at all: its full stop is no matter
            if title.stop and not self.honorific_stop:
                yield self._finding("stop", title.start, title.end, title.text), "stop"
            elif not title.stop and self.honorific_stop:
                yield self._finding("stop", title.start, title.end, title.text + "."), "stop"

    @staticmethod
    def _without_overlaps(findings: list[tuple[Finding, str]]) -> Iterator[Finding]:
        """Each span once: a finding that rewrites a whole mention wins over a part of it."""
        findings.sort(key=lambda f: (f[0].start, -(f[0].end - f[0].start)))
        end = -1
        for finding, _ in findings:
            if finding.start < end:
                continue
            end = finding.end
            yield finding

    def _finding(
        self,
        kind: str,
        start: int,
        end: int,
        replacement: str | None = None,
        params: dict[str, str] | None = None,
    ) -> Finding:
        base = kind.split("-")[0]
        template = self.messages.get(base) or self.message or MESSAGES[kind]
        values = {"name_hint": "", "name": "", "surname": "", "honorific": ""}
        values.update(params or {})
        return Finding(start, end, replacement, template, tuple(values.items()))
