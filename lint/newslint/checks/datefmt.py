"""Dates in running copy: finding them in any common form, and writing them in a house form.

:func:`find_dates` yields every date it recognises in a view, with the offsets of its parts;
:func:`house_form` writes a found date the house's way; :func:`impossible` says what is wrong
with a date that cannot exist.  Month names are matched as written (capitalised), so "may" and
"march" the verbs are never dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import regex

from ..patterns import GAP, MAYBE_GAP, compiled

DateOrder = Literal["dmy", "mdy", "ap"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# AP abbreviates these months when they stand with a day; March to July are never abbreviated.
AP_MONTHS: tuple[str, ...] = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
)
AP_MONTHS += ("Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_BY_NAME = {name: n for n, name in enumerate(MONTHS, 1)}
_MONTH_BY_NAME.update(
    {
        "Jan": 1,
        "Feb": 2,
        "Mar": 3,
        "Apr": 4,
        "Jun": 6,
        "Jul": 7,
        "Aug": 8,
        "Sep": 9,
        "Sept": 9,
        "Oct": 10,
        "Nov": 11,
        "Dec": 12,
    }
)
_WEEKDAY_BY_NAME = {name: n for n, name in enumerate(WEEKDAYS)}
_WEEKDAY_BY_NAME.update(
    {"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4}
)
_WEEKDAY_BY_NAME.update({"Sat": 5, "Sun": 6})

_FULL = "|".join(MONTHS)
_SHORT = "Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
# A month that other parts follow: an abbreviation may keep its full stop.
_MONTH = rf"(?P<month>{_FULL}|(?:{_SHORT})\.?)"
# A month that ends the date: its abbreviation's full stop is left out, as it may end the sentence.
_MONTH_LAST = rf"(?P<month>{_FULL}|{_SHORT})(?!\w)"
_DAY = r"(?P<d1>0?[1-9]|[12]\d|3\d)(?P<o1>st|nd|rd|th)?"
_DAY2 = r"(?P<d2>0?[1-9]|[12]\d|3\d)(?P<o2>st|nd|rd|th)?"
_RANGE = rf"(?:(?P<sep>{MAYBE_GAP}[-–]{MAYBE_GAP}|{GAP}(?:and|to){GAP}){_DAY2})?"
_YEAR = r"(?P<year>1[0-9]{3}|2[0-9]{3})(?![\d,]\d|\w)"
_WEEKDAY = (
    r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    rf"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat)\.?)(?P<wsep>,?{GAP}))?"
)
_BEFORE = r"(?<![\w.,/:£$€-])"
_AFTER = rf"(?![\w/]|:\d|[-–]{MAYBE_GAP}\d|[.,]\d)"

_DMY = (
    rf"{_WEEKDAY}(?P<the>the{GAP})?{_DAY}{_RANGE}(?(the){GAP}of|(?:{GAP}of)?){GAP}"
    rf"(?:{_MONTH}(?P<ycomma>,?){GAP}{_YEAR}|{_MONTH_LAST})"
)
_MDY = rf"{_WEEKDAY}{_MONTH}{GAP}{_DAY}{_RANGE}(?:(?P<ycomma>,?){GAP}{_YEAR})?"
_MONTH_YEAR = rf"(?P<month>{_FULL}|(?:{_SHORT})\.?)(?P<ycomma>,?){GAP}{_YEAR}"
_ISO = r"(?P<iy>[12]\d{3})-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
_NUMERIC = r"(?P<n1>[0-3]?\d)(?P<nsep>[/.-])(?P<n2>[0-3]?\d)(?P=nsep)(?P<ny>[12]\d{3})"

DATE_SOURCE = (
    rf"{_BEFORE}(?:(?P<dmy>{_DMY})|(?P<mdy>{_MDY})|(?P<my>{_MONTH_YEAR})"
    rf"|(?P<iso>{_ISO})|(?P<num>{_NUMERIC})){_AFTER}"
)
# Where a date can start: a month or weekday, "the" before a day, or a number that a month
# follows (the day of _DMY, perhaps a range, perhaps "of") or that goes on as _ISO or _NUMERIC
# do; any character outside ASCII (a digit of another script) too.  Only the ASCII part of
# _BEFORE is asked.
_ORDINAL = "(?:st|nd|rd|th)?"
_DAY_START = rf"[0-9]{{1,2}}{_ORDINAL}"
_DIGIT_START = (
    rf"[0-9]{{4}}-|[0-9]{{1,2}}[/.-]|{_DAY_START}"
    rf"(?:(?:{MAYBE_GAP}[-–]{MAYBE_GAP}|{GAP}(?:and|to){GAP}){_DAY_START})?"
    rf"(?:{GAP}of)?{GAP}(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
# The pattern takes the first character of a start, from a set, and asks the rest of a start's
# conditions behind it: ``re`` leaps from one character of the set to the next, rather than
# trying the conditions at every place.  Taking one character skips no start.  The set is
# [0-9JFMASONDTWt\x80-\U0010ffff] written as the ASCII it leaves out: ``re`` compiles a range
# past U+FFFF in 8 ms, on every run, and the set it leaves out in a tenth of that.
_STARTS = (
    r"[^\x00-/:-@BCEGHIKLPQRUVX-`a-su-\x7f]"
    rf"(?<=(?<![A-Za-z0-9_.,/:£$€-])(?:(?={_DIGIT_START}|[^\x00-\x7f]|the{GAP}[0-9]"
    r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)).)"
)


# What follows a count rather than a date: a word that is not one that goes on after a date.
_COUNTED = compiled(
    r"[ \t]+(?!(?:and|or|but|to|through|at|when|after|before|with|for|in|on|the|a|an|as|until|"
    r"if|while|so|then|is|was|will|would|could|should|and|this|next|last|deadline)\b)\p{Ll}"
)


@cache
def _patterns() -> tuple[regex.Pattern[str], re.Pattern[str], regex.Pattern[str]]:
    """The date pattern, where dates can start, and "in" before a count; compiled when
    first needed, so that styles without dates do not pay for them."""
    return (
        compiled(DATE_SOURCE, regex.V0),
        re.compile(_STARTS),
        compiled(rf"(?i)\b(?:in|since|until|by|from|of){GAP}$"),
    )


def date_matches(view: str) -> list[regex.Match[str]]:
    """The matches of the date pattern in ``view``, as its ``finditer`` gives them.

    The pattern is tried only where a date can start, which a quick ``re`` scan finds; the
    matches of the last view are kept, as every date rule of a style asks about them.
    """
    global _last
    last = _last
    if last[0] is view:
        return last[1]
    date, starts, _ = _patterns()
    found = []
    pos = 0
    for start in starts.finditer(view):
        at = start.start()
        if at < pos:
            continue
        m = date.match(view, at)
        if m is not None:
            found.append(m)
            pos = m.end()
    _last = (view, found)  # one tuple, replaced whole: safe when threads lint other drafts
    return found


_last: tuple[Any, list[regex.Match[str]]] = (None, [])


@dataclass(frozen=True)
class FoundDate:
    """A date as written: its parts, and where it and its weekday lie in the text."""

    start: int
    end: int
    form: Literal["dmy", "mdy", "my", "iso", "num"]
    month: int
    day: int | None = None
    day2: int | None = None
    year: int | None = None
    range_sep: str = ""
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None

    @property
    def day_month(self) -> str:
        """The date in plain words, for messages: "30 February", "12 February 2025"."""
        text = f"{self.day} {MONTHS[self.month - 1]}" if self.day else MONTHS[self.month - 1]
        return f"{text} {self.year}" if self.year else text


def find_dates(view: str, numeric: Literal["dmy", "mdy"] | None = None) -> Iterator[FoundDate]:
    """Every date written in ``view``: words, abbreviations, ordinals, ISO and all-figure forms.

    An all-figure date (13/02/2025) is read in ``numeric`` order, or, when that is not set,
    only when the order is clear (one part above 12, or both parts the same).
    """
    for m in date_matches(view):
        found = _parse(m, view, numeric)
        if found is not None:
            yield found


def _parse(
    m: regex.Match[str], view: str, numeric: Literal["dmy", "mdy"] | None
) -> FoundDate | None:
    start, end = m.span()
    if m.group("iso"):
        return FoundDate(start, end, "iso", int(m["im"]), int(m["id"]), year=int(m["iy"]))
    if m.group("num"):
        first, second = int(m["n1"]), int(m["n2"])
        order = numeric
        if order is None:
            if first == second or (first > 12 >= second):
                order = "dmy"
            elif second > 12 >= first:
                order = "mdy"
            else:
                return None
        day, month = (first, second) if order == "dmy" else (second, first)
        if not 1 <= month <= 12 or day < 1:
            return None
        return FoundDate(start, end, "num", month, day, year=int(m["ny"]))
    month = _MONTH_BY_NAME[m["month"].rstrip(".")]
    year = int(m["year"]) if m["year"] else None
    if m.group("my"):
        return FoundDate(start, end, "my", month, year=year)
    form: Literal["dmy", "mdy"] = "dmy" if m.group("dmy") else "mdy"
    if (
        form == "mdy"
        and year is None
        and _patterns()[2].search(view, max(0, start - 12), start)
        and _COUNTED.match(view, end)
    ):
        # "In January 25 people left": a month and a count, not a date; "by November 15 and"
        # or "until March 3." is a date.
        return None
    weekday = None
    weekday_span = None
    if m["weekday"]:
        weekday = _WEEKDAY_BY_NAME[m["weekday"].rstrip(".")]
        weekday_span = m.span("weekday")
    return FoundDate(
        start,
        end,
        form,
        month,
        int(m["d1"]),
        int(m["d2"]) if m["d2"] else None,
        year,
        (m["sep"] or "").replace("\x00", ""),  # markup in "5&nbsp;- 6" is not written again
        weekday,
        weekday_span,
    )


def house_form(
    date: FoundDate,
    order: DateOrder,
    *,
    ordinals: bool = False,
    weekday_comma: bool | None = None,
) -> str:
    """The date written the house's way; a written weekday is kept, in full."""
    if date.day is None:
        return f"{MONTHS[date.month - 1]} {date.year}"
    day = _day(date.day, ordinals)
    if date.day2 is not None:
        day += date.range_sep + _day(date.day2, ordinals)
    if order == "dmy":
        text = f"{day} {MONTHS[date.month - 1]}"
        if date.year:
            text += f" {date.year}"
    else:
        month = AP_MONTHS[date.month - 1] if order == "ap" else MONTHS[date.month - 1]
        text = f"{month} {day}"
        if date.year:
            text += f", {date.year}"
    if date.weekday is not None:
        comma = weekday_comma if weekday_comma is not None else order != "dmy"
        text = WEEKDAYS[date.weekday] + (", " if comma else " ") + text
    return text


def _day(day: int, ordinals: bool) -> str:
    return f"{day}{ordinal_suffix(day)}" if ordinals else str(day)


def ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def impossible(date: FoundDate) -> str | None:
    """Why the date cannot exist ("April has 30 days"), or ``None`` when it can."""
    if date.day is None:
        return None
    name = MONTHS[date.month - 1]
    for day in (date.day, date.day2):
        if day is None:
            continue
        if day < 1:
            return f"there is no day {day} of {name}"
        if date.month == 2 and day == 29 and date.year and not calendar.isleap(date.year):
            return f"{date.year} is not a leap year, so February {date.year} has 28 days"
        most = 29 if date.month == 2 else calendar.monthrange(2001, date.month)[1]
        if day > most:
            return f"{name} has {'at most 29' if most == 29 else most} days"
    return None


def weekday_of(date: FoundDate) -> int | None:
    """The day of the week (0 = Monday) of a full, single, possible date; else ``None``."""
    if date.day is None or date.year is None or date.day2 is not None or impossible(date):
        return None
    return calendar.weekday(date.year, date.month, date.day)
