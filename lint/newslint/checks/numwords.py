"""Numbers from one to ninety-nine as words, both ways."""

from __future__ import annotations

from ..patterns import compiled

UNITS: tuple[str, ...] = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
)
TEENS: tuple[str, ...] = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
)
TEENS += ("eighteen", "nineteen")
TENS: tuple[str, ...] = (
    "",
    "",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)
ORDINALS: tuple[str, ...] = (
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
)
ORDINALS += ("eighth", "ninth")

_VALUES = {w: n for n, w in enumerate(UNITS)}
_VALUES.update({w: n + 10 for n, w in enumerate(TEENS)})
_VALUES.update({w: n * 10 for n, w in enumerate(TENS) if w})

_TENS_WORD = "|".join(w for w in TENS if w)
_UNIT_WORD = "|".join(UNITS[1:])
_TEEN_WORD = "|".join(TEENS)
# "forty-two", "forty two", "forty", "fifteen", "seven"; capitalised or not.
WORD_NUMBER = (
    rf"(?:(?i:{_TENS_WORD})(?:[-‐ ](?i:{_UNIT_WORD})(?![-\w]))?|(?i:{_TEEN_WORD}|{_UNIT_WORD}))"
)
_WORD_NUMBER = compiled(WORD_NUMBER)


def words(n: int) -> str:
    """0-99 in words: "seven", "fifteen", "forty-two"."""
    if n < 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n - 10]
    tens, units = divmod(n, 10)
    return TENS[tens] + (f"-{UNITS[units]}" if units else "")


def ordinal_words(n: int) -> str:
    """1-9 as ordinal words: "first" ... "ninth"."""
    return ORDINALS[n]


_PARTS = compiled(r"[-‐ ]")


def value(text: str) -> int | None:
    """The value of a number written in words ("Forty-two" -> 42), or ``None``."""
    if _WORD_NUMBER.fullmatch(text) is None:
        return None
    total = 0
    for part in _PARTS.split(text.lower()):
        part_value = _VALUES.get(part)
        if part_value is None:  # a letter that only matches by case folding: "ſix", "fİve"
            return None
        total += part_value
    return total
