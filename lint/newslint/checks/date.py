"""``date``: dates and times of day in the house's form, and dates that cannot be right.

One rule checks one thing, chosen by ``check``, so that a house can give each its own severity
(impossible dates as errors, the format as a warning):

``format`` (the default)
    Dates written in any common form ("February 13, 2025", "13 Feb 2025", "13th of February",
    "Feb. 13", "2025-02-13", "13/02/2025") are rewritten in the house form, given by ``format``:
    ``dmy`` (13 February 2025), ``mdy`` (February 13, 2025) or ``ap`` (Feb. 13, 2025: Jan., Feb.,
    Aug., Sept., Oct., Nov. and Dec. are abbreviated with a day; March to July never; a month
    alone or with a year only is spelled out).  ``ordinals: true`` writes "13th February".  A
    weekday written before the date is kept, spelled in full, followed by a comma or not as
    ``weekday_comma`` says (by default: none for ``dmy``, a comma otherwise).  All-figure dates
    (13/02/2025) are read in the order ``numeric`` gives (``dmy`` or ``mdy``); when it is not
    set, only when the order is clear (13/02/2025, not 03/02/2025).  Impossible dates are left
    to ``validity``.
``validity``
    A date that cannot exist: 30 February, 31 April, 29 February in a year that is not a leap
    year.  No fix: only the writer knows which day was meant.
``weekday``
    A weekday written with a full date must be that date's: "Thursday 12 February 2025" names
    the wrong day (it was a Wednesday).  The message names the right day; there is no fix, as
    the date may be the error.  Dates without a year are not checked.
``time``
    Times of day in the house form, given by ``time`` as the house writes 2.25 in the afternoon
    (``14:25``, ``14.25``, ``2.25pm``, ``2:25 p.m.``, ``2:25 PM``...); times followed by a time
    zone ("14:25 GMT") may have their own form, ``zoned``.  ``noon`` and ``midnight`` name the
    words the house uses instead of "12pm" and "12am" (``noon`` or ``midday``; unset: written as
    times); "12 noon" loses its "12" either way.  A time that cannot be ("13pm") is reported.
    A colon time without am/pm ("2:25") is read only when it is surely on the 24-hour clock, so
    race times are left alone, and a time after a range ("2-4pm") is not moved to another clock.

``exceptions`` lists words or patterns whose matches are never checked.  The rule's ``message``
may use ``{found}``, ``{replacement}`` and, per check, ``{reason}`` (validity, time),
``{date}``, ``{written}`` and ``{right}`` (weekday); left unset, each check has its own message.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from ..document import Document
from .base import Finding, Rule
from .clock import ClockForm, FoundTime, find_times
from .datefmt import WEEKDAYS, DateOrder, find_dates, house_form, impossible, weekday_of
from .exceptions import LazyExceptions, compile_exceptions


@dataclass(frozen=True, kw_only=True)
class Date(Rule):
    """Dates and times in the house form; impossible dates; weekdays that do not match."""

    type_name = "date"
    placeholders = ("reason", "date", "right", "written")

    message: str = ""
    check_: Literal["format", "validity", "weekday", "time"] = field(
        default="format", metadata={"key": "check"}
    )
    format: DateOrder = "dmy"
    ordinals: bool = False
    weekday_comma: bool | None = None
    numeric: Literal["dmy", "mdy"] | None = None
    time: str = "2.25pm"
    zoned: str | None = None
    noon: str | None = None
    midnight: str | None = None
    exceptions: tuple[str, ...] = ()
    _clock: Any = field(init=False, repr=False, compare=False)
    _zoned: Any = field(init=False, repr=False, compare=False)
    _exceptions: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        clock = ClockForm.parse(self.time)
        object.__setattr__(self, "_clock", clock)
        object.__setattr__(self, "_zoned", ClockForm.parse(self.zoned) if self.zoned else clock)
        for key, word in (("noon", self.noon), ("midnight", self.midnight)):
            if word is not None and (not word.strip() or word != word.strip()):
                raise ValueError(f"'{key}' must be the word the house uses, such as '{key}'")
        object.__setattr__(
            self, "_exceptions", compile_exceptions(self.exceptions, ignorecase=False)
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        exceptions = LazyExceptions(self._exceptions, doc.view)  # searched once a date needs it
        findings = self._times(doc) if self.check_ == "time" else self._dates(doc)
        for finding in findings:
            if not exceptions.covers(finding.start, finding.end):
                yield finding

    def _say(self, message: str) -> str | None:
        """The check's own message, unless the rule sets one."""
        return None if self.message else message

    def _dates(self, doc: Document) -> Iterator[Finding]:
        for date in find_dates(doc.view, self.numeric):
            reason = impossible(date)
            if self.check_ == "validity":
                if reason:
                    found = doc.read(date.start, date.end)
                    yield Finding(
                        date.start,
                        date.end,
                        message=self._say(f"'{found}' is not a date: {reason}"),
                        params=(("reason", reason),),
                    )
            elif self.check_ == "weekday":
                yield from self._weekday(date)
            elif reason is None:
                house = house_form(
                    date, self.format, ordinals=self.ordinals, weekday_comma=self.weekday_comma
                )
                if house != doc.read(date.start, date.end):
                    message = self._say("Write the date as '{replacement}'")
                    yield Finding(date.start, date.end, house, message=message)

    def _weekday(self, date: Any) -> Iterator[Finding]:
        right = weekday_of(date)
        if date.weekday is None or right is None or right == date.weekday:
            return
        start, end = date.weekday_span
        day = date.day_month
        params = (
            ("date", day),
            ("right", WEEKDAYS[right]),
            ("written", WEEKDAYS[date.weekday]),
        )
        message = f"{day} is a {WEEKDAYS[right]}, not a {WEEKDAYS[date.weekday]}"
        yield Finding(start, end, message=self._say(message), params=params)

    def _times(self, doc: Document) -> Iterator[Finding]:
        for t in find_times(doc.view):
            found = doc.read(t.start, t.end)
            if t.problem:
                yield Finding(
                    t.start,
                    t.end,
                    message=self._say(f"'{found}' is not a time: {t.problem}"),
                    params=(("reason", t.problem),),
                )
                continue
            house = self._house_time(t)
            if house is None:
                continue
            message = "Write the time as '{replacement}'"
            if house.endswith(".") and doc.view[t.end : t.end + 1] == ".":
                # "8:28 AM." ending a sentence: its full stop ends "a.m." too, so the span stops
                # before it while the message shows the form as it will read.
                house = house[:-1]
                message = "Write the time as '{replacement}.'"
            if house != found:
                yield Finding(t.start, t.end, house, message=self._say(message))

    def _house_time(self, t: FoundTime) -> str | None:
        form: ClockForm = self._zoned if t.zoned else self._clock
        if t.after_range and form.hours24 != (not t.twelve_hour):
            return None  # "2-4pm": moving one end to the other clock would garble the range
        if t.noon_word or (t.minute == 0 and (t.twelve_hour or not form.hours24) and not t.zoned):
            if t.hour == 12 and t.minute == 0 and self.noon:
                return self.noon
            if t.hour == 0 and t.minute == 0 and self.midnight:
                return self.midnight
            if t.noon_word:
                return t.noon_word
        return form.write(t.hour, t.minute)
