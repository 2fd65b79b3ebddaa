"""A rule's time limit counts the CPU time of its patterns, so a busy machine, which stretches
the clock, does not change what a rule reports."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from newslint.checks import Finding, Rule
from newslint.checks.base import time_left
from newslint.engine import checked_in_time
from newslint.formats import parse

DOC = parse("Headline\n\nThe council met on Monday.\n", "text", "draft.txt")


@dataclass(frozen=True, kw_only=True)
class Waiting(Rule):
    """Waits for the processor the first time it is checked, as on a busy machine: the clock
    runs out while the rule has used no CPU time."""

    calls: list[int] = field(default_factory=list)

    def check(self, doc: object) -> Iterator[Finding]:
        self.calls.append(1)
        if len(self.calls) == 1:
            time.sleep(0.3)
            time_left()  # the clock has run out: TimeoutError
        yield Finding(10, 17)


@dataclass(frozen=True, kw_only=True)
class Runaway(Rule):
    """Searches for ever, as a pattern that backtracks without end does."""

    calls: list[int] = field(default_factory=list)

    def check(self, doc: object) -> Iterator[Finding]:
        self.calls.append(1)
        while True:
            time_left()
        yield Finding(0, 1)  # pragma: no cover


def test_a_rule_whose_clock_runs_out_while_it_waits_is_checked_again() -> None:
    rule = Waiting(id="waiting", type="existence", pack="house")
    found = checked_in_time(DOC, rule, 0.2)
    assert found is not None
    assert [(v.rule, v.line, v.column, v.found) for v in found] == [
        ("house.waiting", 3, 1, "The cou")
    ]
    assert len(rule.calls) == 2


def test_a_rule_that_uses_its_cpu_time_is_stopped() -> None:
    rule = Runaway(id="runaway", type="existence", pack="house")
    started = time.thread_time()
    assert checked_in_time(DOC, rule, 0.2) is None
    assert 0.19 <= time.thread_time() - started < 2.0


def test_the_rules_before_count_against_a_rule_no_more_than_the_clock_shows_for_them() -> None:
    # Five seconds of clock went to the rules before, and no CPU time: none of it is this
    # rule's, which is checked again when its clock runs out while it waits.
    started = (time.thread_time(), time.monotonic() - 5.0)
    rule = Waiting(id="waiting", type="existence", pack="house")
    found = checked_in_time(DOC, rule, 0.2, started)
    assert found is not None and [v.found for v in found] == ["The cou"]
    assert len(rule.calls) == 2


def test_a_runaway_rule_after_others_is_stopped_within_twice_its_limit() -> None:
    started = (time.thread_time(), time.monotonic() - 5.0)
    rule = Runaway(id="runaway", type="existence", pack="house")
    before = time.thread_time()
    assert checked_in_time(DOC, rule, 0.2, started) is None
    assert 0.19 <= time.thread_time() - before < 0.6
    assert len(rule.calls) >= 2  # the first time out counted none of its CPU time
