"""Times of day: finding them as written and writing them in a house form.

A house form is given as the way it writes 2.25 in the afternoon: ``14:25``, ``14.25``, ``1425``
(24-hour clock) or ``2.25pm``, ``2:25pm``, ``2.25 pm``, ``2:25 p.m.``, ``2:25 PM`` (12-hour clock).
On the 12-hour clock whole hours drop their minutes ("2pm", "2 p.m."); on the 24-hour clock the
hour always has two figures ("09:30").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..patterns import GAP, MAYBE_GAP, MAYBE_SPACE, compiled

_TEMPLATE = compiled(
    r"(?P<h>2|14)(?P<sep>[.:]?)25(?P<space> ?)(?P<mer>am|pm|a\.m\.|p\.m\.|AM|PM|A\.M\.|P\.M\.)?"
)
_MERIDIEMS = {"am": ("am", "pm"), "a.m.": ("a.m.", "p.m."), "AM": ("AM", "PM")}
_MERIDIEMS["pm"] = _MERIDIEMS["am"]
_MERIDIEMS["p.m."] = _MERIDIEMS["a.m."]
_MERIDIEMS["PM"] = _MERIDIEMS["AM"]
_MERIDIEMS["A.M."] = _MERIDIEMS["P.M."] = ("A.M.", "P.M.")

ZONES = "GMT|BST|UTC|CET|CEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT"

_TIME = compiled(
    r"(?<![\w.,:£$€/]|\p{L}-)"
    r"(?:"
    rf"(?P<word>12(?:[.:]00)?{MAYBE_GAP}(?P<noonword>noon|midday|midnight))"
    rf"|(?P<h>\d{{1,2}})(?:(?P<sep>[.:])(?P<m>\d{{2}}))?(?P<space>{MAYBE_SPACE})"
    r"(?P<mer>[aApP]\.?[mM]\.?)(?![\w])"
    rf"|(?P<hz>[01]\d|2[0-3])[.:]?(?P<mz>[0-5]\d)(?={MAYBE_SPACE}(?:{ZONES})\b)"
    r"|(?P<hc>[01]?\d|2[0-3]):(?P<mc>[0-5]\d)(?![\w]|[.:,]\d)"
    r")"
    rf"(?P<zone>(?={MAYBE_SPACE}(?:{ZONES})\b))?"
)
_RANGE_BEFORE = compiled(rf"\d{MAYBE_GAP}(?:[-–]|to|and){MAYBE_GAP}$")
# What the text shows wherever _TIME matches: a noon word; or a digit before "am" or "pm", before
# a time zone (which the match only looks ahead to), or before a colon and a digit.  A text
# without any of them holds no time, and quick searches say so (a pattern that starts with a
# digit lets ``re`` leap from digit to digit).
_NOON_WORDS = ("noon", "midday", "midnight")
_HINT = re.compile(rf"\d(?:{MAYBE_SPACE}(?:[aApP]\.?[mM]|{ZONES})|:\d)")


@dataclass(frozen=True)
class ClockForm:
    """How a house writes a time of day."""

    hours24: bool
    sep: str
    space: str
    am: str
    pm: str

    @classmethod
    def parse(cls, template: str) -> ClockForm:
        m = _TEMPLATE.fullmatch(template)
        if m is None or (m["h"] == "2") != bool(m["mer"]) or (m["space"] and not m["mer"]):
            raise ValueError(
                f"time form {template!r} is not one this rule knows: write 2.25 in the afternoon "
                "the house's way, such as '14:25', '14.25', '2.25pm' or '2:25 p.m.'"
            )
        am, pm = _MERIDIEMS[m["mer"]] if m["mer"] else ("", "")
        return cls(m["h"] == "14", m["sep"], m["space"], am, pm)

    def write(self, hour: int, minute: int) -> str:
        """The time ``hour:minute`` (24-hour values) in this form."""
        if self.hours24:
            return f"{hour:02d}{self.sep}{minute:02d}"
        twelve = hour % 12 or 12
        digits = str(twelve) if minute == 0 else f"{twelve}{self.sep or ':'}{minute:02d}"
        return digits + self.space + (self.am if hour < 12 else self.pm)


@dataclass(frozen=True)
class FoundTime:
    """A time as written.  ``hour`` is on the 24-hour clock; ``problem`` says why it is no time."""

    start: int
    end: int
    hour: int
    minute: int
    zoned: bool
    twelve_hour: bool
    noon_word: str = ""
    after_range: bool = False
    problem: str = ""


def find_times(view: str) -> Iterator[FoundTime]:
    """The times of day in ``view`` whose reading is clear.

    A time with a colon and no am/pm counts only when it is surely on the 24-hour clock (a
    leading zero, an hour past 12, or a time zone after it): "2:25" alone may be a race time.
    A full stop that ends both "a.m." and the sentence is left out of the span.
    """
    if _HINT.search(view) is None and not any(word in view for word in _NOON_WORDS):
        return
    for m in _TIME.finditer(view):
        found = _parse(m, view)
        if found is not None:
            yield found


def _parse(m: regex.Match[str], view: str) -> FoundTime | None:
    start, end = m.span()
    zoned = m["zone"] is not None
    after_range = bool(_RANGE_BEFORE.search(view, max(0, start - 24), start))
    if m["word"]:
        hour = 0 if m["noonword"] == "midnight" else 12
        return FoundTime(start, end, hour, 0, zoned, True, m["noonword"], after_range)
    if m["mer"]:
        if m["mer"].endswith(".") and not zoned and ends_sentence(view, end):
            end -= 1
        hour, minute = int(m["h"]), int(m["m"] or 0)
        problem = ""
        if not 1 <= hour <= 12 or minute > 59:
            problem = f"there is no {m['h']}{m['sep'] or ''}{m['m'] or ''} on the 12-hour clock"
            return FoundTime(start, end, 0, 0, zoned, True, problem=problem)
        pm = m["mer"][0] in "pP"
        hour = hour % 12 + (12 if pm else 0)
        return FoundTime(start, end, hour, minute, zoned, True, after_range=after_range)
    if m["hz"]:
        return FoundTime(
            start, end, int(m["hz"]), int(m["mz"]), True, False, after_range=after_range
        )
    hour = int(m["hc"])
    if not (zoned or hour > 12 or (m["hc"].startswith("0") and len(m["hc"]) == 2)):
        return None
    return FoundTime(start, end, hour, int(m["mc"]), zoned, False, after_range=after_range)


_SENTENCE_AFTER = compiled(rf"[\"”’')\]]*(?:{MAYBE_GAP}(?:\n|$)|{GAP}[\"“‘']?[\p{{Lu}}\d])")
# What reads on after a time with no new sentence, although it starts with a capital: a day
# ("12 p.m. Friday"), a time zone ("1:30 p.m. EST") or the same time in another zone, in
# brackets ("1:30 p.m. (1830 GMT)").
_SAME_SENTENCE = compiled(
    rf"{GAP}(?:[(\[]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:{ZONES})\b)"
)


def ends_sentence(view: str, end: int) -> bool:
    """True when the full stop just before ``end`` also ends the sentence."""
    if _SAME_SENTENCE.match(view, end) is not None:
        return False
    return _SENTENCE_AFTER.match(view, end) is not None
