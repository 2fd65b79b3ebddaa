"""Which families become rules: the dominant form with enough of the uses, in a family with
enough uses, that a base pack does not already choose."""

from __future__ import annotations

from dataclasses import dataclass

from ..style import Style
from .families import Family
from .rules import RULE_IDS, sentences

# Families of words and names are listed only from this many uses (conventions always are).
WORD_KINDS = ("name", "compound", "acronym")

PROPOSED = "proposed"
IN_BASE = "in base"
DIFFERS = "differs from base"
BELOW_SHARE = "below share"
TOO_FEW = "too few"


@dataclass(frozen=True)
class Proposal:
    family: Family
    status: str
    rule: str  # the rule id it proposes (or would)
    base_rules: tuple[str, ...] = ()  # the base rules that agree, or disagree

    @property
    def proposed(self) -> bool:
        return self.status == PROPOSED


def judge_against(base: Style, family: Family) -> tuple[str, tuple[str, ...]] | None:
    """Whether ``base`` already makes the family's choice (``IN_BASE``) or the other one
    (``DIFFERS``), judged by its rules on the family's own example sentences."""
    from ..examples import check_example  # only with --base

    fail, keep = sentences(family)
    if not fail or not keep:
        return None
    agree, disagree = [], []
    for rule in base.rules:
        # What the rule reports in the sentences that differ only in the form: a report
        # in both is about something else.
        broken = {v.found for text in fail for v in check_example(rule, text)}
        kept = {v.found for text in keep for v in check_example(rule, text)}
        if kept - broken:
            disagree.append(rule.name)
        elif broken - kept:
            agree.append(rule.name)
    if disagree:
        return DIFFERS, tuple(disagree)
    if agree:
        return IN_BASE, tuple(agree)
    return None


def propose(
    families: list[Family], *, min_share: float, min_count: int, base: Style | None = None
) -> list[Proposal]:
    """A proposal for every family worth listing, in the families' order."""
    out = []
    for family in families:
        rule = RULE_IDS[family.kind]
        if not family.total:
            continue
        if family.total < min_count:
            if family.kind in WORD_KINDS:
                continue
            out.append(Proposal(family, TOO_FEW, rule))
            continue
        if family.share < min_share:
            out.append(Proposal(family, BELOW_SHARE, rule))
            continue
        judged = judge_against(base, family) if base is not None else None
        if judged is not None:
            out.append(Proposal(family, judged[0], rule, judged[1]))
            continue
        out.append(Proposal(family, PROPOSED, rule))
    return out
