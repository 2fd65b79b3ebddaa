"""The people a ``reference`` rule lists, and the tables it reads them by.

A :class:`Person` is one entry of the rule's ``people``; :func:`people_tables` checks the list
and indexes it the way the rule looks names up in a draft: by surname, variant and full name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .names import INNER_PARTICLES, PARTICLES, particle_key


@dataclass(frozen=True, kw_only=True)
class Person:
    """One person the house names: full ``name``, courtesy title, spellings to correct.

    ``variants`` are other spellings of the surname (or, when written with a space, of the
    full name); ``surname`` defaults to the last word of ``name``, or to the last words from
    the first particle on ("Ursula von der Leyen": "von der Leyen"; see ``names.PARTICLES``).
    ``shared_surname`` marks a surname many others share ("Anthony Albanese", "Lee
    Jae-myung"): see :class:`Reference`.
    """

    name: str
    honorific: str = ""
    variants: tuple[str, ...] = ()
    surname: str = ""
    shared_surname: bool = False

    @property
    def last(self) -> str:
        if self.surname:
            return self.surname
        words = self.name.split()
        i = len(words) - 1
        while i > 1 and (words[i - 1] in PARTICLES or words[i - 1] in INNER_PARTICLES):
            i -= 1  # a given name stays: "Ursula von der Leyen", not "von der Leyen" alone
        return " ".join(words[i:])

    @property
    def given(self) -> tuple[str, ...]:
        """The words of the name besides the surname."""
        words = self.name.split()
        return tuple(w for w in words if w not in self.last.split())

    @property
    def full_forms(self) -> tuple[tuple[str, ...], ...]:
        """The words of the full name and of each variant of it ("Kim Jong Un")."""
        return (tuple(self.name.split()), *(tuple(v.split()) for v in self.variants if " " in v))

    def named_by(self, given: str) -> bool:
        """Whether ``given`` is a first name of this person's, in the name or a variant of it
        ("Antonio Costa" for "António Costa")."""
        return any(given in form and given not in self.last.split() for form in self.full_forms)


class PeopleTables(NamedTuple):
    """What :func:`people_tables` reads from a rule's ``people``; a surname is keyed as
    :func:`~.names.particle_key` writes it."""

    canon: dict[str, str]  # a surname, or a one-word variant of it -> the surname
    listed: dict[str, Person]  # a surname -> the first person listed with it
    compound: frozenset[tuple[str, ...]]  # surnames of several capitalised words
    variant_to: dict[str, str]  # a variant -> the surname, or the full name it spells
    shared: dict[str, tuple[Person, ...]]  # a surname -> the people marked shared_surname
    inverted: dict[str, list[tuple[tuple[str, ...], Person]]]  # by the last word of the name


def people_tables(people: tuple[Person, ...]) -> PeopleTables:
    """The tables of ``people``; ``ValueError`` for an entry the rule cannot read."""
    canon: dict[str, str] = {}
    listed: dict[str, Person] = {}
    compound: set[tuple[str, ...]] = set()  # listed surnames of several capitalised words
    variant_to: dict[str, str] = {}
    shared: dict[str, list[Person]] = {}  # the people marked shared_surname, by surname
    for person in people:
        if len(person.name.split()) < 2:
            raise ValueError(f"'{person.name}': a person's name needs a first name and surname")
        if person.honorific and not person.honorific.isalpha():
            raise ValueError(f"'{person.name}': honorific must be one word, such as Mr")
        last = particle_key(person.last)
        parts = person.last.split()
        if len(parts) > 1:
            if not person.name.endswith(" " + person.last) or len(parts) > 4:
                raise ValueError(
                    f"'{person.name}': a surname of several words ends the name "
                    "(as 'von der Leyen' or 'López Obrador')"
                )
            if not all(w.lower() in PARTICLES or w in INNER_PARTICLES for w in parts[:-1]):
                compound.add(tuple(parts))  # "López Obrador": read only for this person
        elif last not in person.name.split():
            raise ValueError(f"'{person.name}': the surname must be one word of the name")
        if last in listed:
            if not (person.shared_surname and listed[last].shared_surname):
                raise ValueError(
                    f"two people share the surname '{person.last}' "
                    "(list both only when both are marked shared_surname)"
                )
        else:
            listed[last] = person
        if person.shared_surname:
            shared.setdefault(last, []).append(person)
        canon[last] = last
        for variant in person.variants:
            if variant == last or variant == person.name:
                raise ValueError(f"'{variant}' is listed as a variant of itself")
            if variant in variant_to:
                raise ValueError(f"'{variant}' is listed as a variant of two people")
            variant_to[variant] = person.name if " " in variant else last
            if " " not in variant:
                canon[variant] = last
    for variant in variant_to:
        if " " not in variant and particle_key(variant) in listed:
            raise ValueError(f"'{variant}' is both a variant and a listed person's surname")
    # Names written family name first ("Xi Jinping", "Kim Jong Un"), and their variants:
    # each read where its last word ends a run.
    inverted: dict[str, list[tuple[tuple[str, ...], Person]]] = {}
    for p in people:
        if " " not in p.last:
            for form in p.full_forms:
                if form[-1] != p.last:
                    inverted.setdefault(form[-1], []).append((form, p))
    return PeopleTables(
        canon=canon,
        listed=listed,
        compound=frozenset(compound),
        variant_to=variant_to,
        shared={k: tuple(v) for k, v in shared.items()},
        inverted=inverted,
    )
