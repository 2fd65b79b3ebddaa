"""``consistency``: variants any one of which is fine, but only one per document."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from ..document import Document
from .base import (
    Finding,
    Rule,
    compile_pattern,
    finditer,
    is_literal,
    match_case,
    token_pattern,
)
from .patternsource import token_sign


@dataclass(frozen=True, kw_only=True)
class Consistency(Rule):
    """Each group in ``either`` lists variants of one thing ("Zelensky", "Zelenskyy", ...).

    In a document that uses more than one variant of a group, the variant used most is the
    document's form (on a tie, the one used first) and every use of another variant is a
    violation with that form as the replacement.  A variant written in lower case also matches
    with a capital first letter, as at the start of a sentence.  When the winning variant is a
    pattern rather than a literal word, the replacement is its matched text when every match
    reads the same; otherwise there is no fix and the message names its most frequent text.
    Counting looks at every scope of the document, so a quotation's spelling also votes.
    """

    type_name = "consistency"
    placeholders = ("form",)

    message: str = "'{found}' here, but '{replacement}' elsewhere in this document"
    either: tuple[tuple[str, ...], ...]
    ignorecase: bool = False
    wholeword: bool = True
    fix: bool = True
    _groups: Any = field(init=False, repr=False, compare=False)
    _signs: Any = field(init=False, repr=False, compare=False)
    _alone: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.either:
            raise ValueError("'either' must list at least one group of variants")
        flags = regex.V1 | (regex.IGNORECASE if self.ignorecase else 0)
        groups = []
        for group in self.either:
            if len(group) < 2:
                raise ValueError(f"the group {list(group)} needs at least two variants")
            branches = "|".join(
                f"(?P<v{n}>{self._variant_pattern(v)})" for n, v in enumerate(group)
            )
            groups.append(compile_pattern(branches, flags))
        object.__setattr__(self, "_groups", tuple(groups))
        # What a plain draft shows wherever each variant matches (see ``token_sign``).
        signs = tuple(
            tuple(token_sign(v, wholeword=self.wholeword) for v in group) for group in self.either
        )
        object.__setattr__(self, "_signs", signs)
        object.__setattr__(self, "_alone", {})  # a variant's pattern on its own, as first used

    def _possible(self, doc: Document) -> list[bool]:
        """For each group, whether two of its variants may both be in ``doc``: a group with
        fewer than two cannot give a violation, and its scan is skipped.

        A variant with a sign (see ``token_sign``) counts when the draft shows it; one without
        (a pattern such as ``[“”‘’]``) when its pattern, on its own, matches somewhere in the
        draft, which every variant the group's scan finds does.  That search runs only when the
        signs leave the group undecided, and stops at the first match: a draft of straight
        quotation marks alone is searched once for a curly one rather than its every
        apostrophe read.
        """
        from .textwords import text_lower, text_words

        words = text_words(doc.view)  # None: not plain text, where the signs say nothing
        if words is None:
            return [True] * len(self.either)
        lowered = text_lower(doc.view)
        possible = []
        for group, signs in zip(self.either, self._signs, strict=True):
            shown = 0
            unknown = []
            for variant, sign in zip(group, signs, strict=True):
                if sign is None:
                    unknown.append(variant)
                elif sign[1] in words if sign[0] == "word" else sign[1] in lowered:
                    shown += 1
            if shown < 2 <= shown + len(unknown):
                for variant in unknown:
                    if next(finditer(self._variant_alone(variant), doc.view), None) is not None:
                        shown += 1
                        if shown == 2:
                            break
            possible.append(shown >= 2)
        return possible

    def _variant_alone(self, variant: str) -> regex.Pattern[str]:
        """A variant's pattern compiled on its own, the first time a draft asks for it."""
        pattern = self._alone.get(variant)
        if pattern is None:
            flags = regex.V1 | (regex.IGNORECASE if self.ignorecase else 0)
            pattern = compile_pattern(self._variant_pattern(variant), flags)
            self._alone[variant] = pattern
        return pattern

    def _variant_pattern(self, variant: str) -> str:
        """A variant's pattern; a literal starting in lower case also matches it capitalised,
        as at the start of a sentence ("al-Qaeda", "Al-Qaeda")."""
        pattern = token_pattern(variant, wholeword=self.wholeword)
        if is_literal(variant) and variant[:1].islower() and not self.ignorecase:
            capital = variant[0].upper() + variant[1:]
            pattern = f"{pattern}|{token_pattern(capital, wholeword=self.wholeword)}"
        return pattern

    def deferring_to(self, decided: Mapping[str, str]) -> Consistency | None:
        """This rule without the groups where ``decided`` already picks one variant over
        another (a house's spelling); ``None`` when no group is left."""
        lowered = {k.lower(): v.lower() for k, v in decided.items()}
        kept = [
            n
            for n, group in enumerate(self.either)
            if not any(lowered.get(a.lower()) == b.lower() for a in group for b in group)
        ]
        if len(kept) == len(self.either):
            return self
        if not kept:
            return None
        # The kept groups' compiled patterns and signs carry over: compiling them again would
        # cost every run's start-up as much as linting a draft.
        rule = copy.copy(self)
        for name in ("either", "_groups", "_signs"):
            value = getattr(self, name)
            object.__setattr__(rule, name, tuple(value[n] for n in kept))
        return rule

    def check(self, doc: Document) -> Iterator[Finding]:
        groups = zip(self.either, self._groups, self._possible(doc), strict=True)
        for group, pattern, possible in groups:
            if not possible:
                continue
            matches: list[tuple[int, int, int]] = []  # (start, end, variant)
            for m in finditer(pattern, doc.view):
                if m.end() > m.start() and m.lastgroup:
                    matches.append((m.start(), m.end(), int(m.lastgroup[1:])))
            used = {variant for _, _, variant in matches}
            if len(used) < 2:
                continue
            counts: dict[int, int] = {}
            first: dict[int, int] = {}
            for start, _, variant in matches:
                counts[variant] = counts.get(variant, 0) + 1
                first.setdefault(variant, start)
            winner = max(used, key=lambda v: (counts[v], -first[v]))
            form, fixed = self._form(doc, group[winner], winner, matches)
            for start, end, variant in matches:
                if variant == winner:
                    continue
                found = doc.text[start:end]
                fixes = fixed and self.fix and _same_kind_of_mark(found, form)
                replacement = match_case(found, form) if fixes else None
                params: tuple[tuple[str, str], ...] = (("form", form),)
                if replacement is None:  # the message still names the form in use
                    params += (("replacement", form),)
                yield Finding(start, end, replacement, params=params)

    @staticmethod
    def _form(
        doc: Document, variant: str, index: int, matches: list[tuple[int, int, int]]
    ) -> tuple[str, bool]:
        """The winning form as the text writes it, and whether it can replace the others.

        A literal variant is its own form.  For a pattern, the form is its most frequent
        matched text (on a tie, the first); it is a fix only when every match reads the same.
        """
        if is_literal(variant):
            return variant, True
        texts: dict[str, int] = {}
        for start, end, v in matches:
            if v == index:
                text = doc.read(start, end)
                texts[text] = texts.get(text, 0) + 1
        return max(texts, key=lambda t: texts[t]), len(texts) == 1


# Quotation marks by kind: a group may count single and double marks together ("the draft's
# form of quotation mark"), but a fix never turns one kind into the other.
_MARK_KIND = {'"': 2, "“": 2, "”": 2, "'": 1, "‘": 1, "’": 1}


def _same_kind_of_mark(found: str, form: str) -> bool:
    """Whether ``form`` may replace ``found``: not a double quotation mark for a single one
    (or an apostrophe), nor the reverse; any other text may replace any other."""
    if found in _MARK_KIND or form in _MARK_KIND:
        return _MARK_KIND.get(found) == _MARK_KIND.get(form)
    return True
