"""Where a figure stays a figure: the context around a number that houses leave alone."""

from __future__ import annotations

from ..patterns import GAP, MAYBE_GAP, MAYBE_SPACE, compiled
from .datefmt import MONTHS

_UNITS_TEXT = """
    % per percent pc p c f k m mm cm km kg g mg lb lbs oz ft yd mi mph kph km/h kmh mpg
    metre metres meter meters kilometre kilometres kilometer kilometers centimetre centimetres
    millimetre millimetres mile miles yard yards foot feet inch inches acre acres hectare
    hectares tonne tonnes ton tons kilo kilos kilogram kilograms kilogramme kilogrammes gram
    grams pound pounds ounce ounces stone litre litres liter liters gallon gallons pint pints
    degree degrees °c °f c f kw mw gw kwh mwh watt watts volt volts amp amps hz khz mhz ghz
    kb mb gb tb kbps mbps gbps bit bits byte bytes megabyte megabytes gigabyte gigabytes
    megapixel megapixels pixel pixels inch-screen x euro euros cent cents dollar dollars
    penny pence p yen yuan rupee rupees rouble roubles franc francs krona kronor sterling
    million billion trillion bn tn m am pm a.m p.m o'clock gmt bst utc est
    year-old years-old
    """
UNITS = frozenset(_UNITS_TEXT.split())
# Lower-case words after which a figure is a label or a name: "page 3", "No 5", "aged 5".
_LABELS_TEXT = """
    page pages p pp chapter chapters section sections article articles clause clauses
    paragraph paragraphs no nos no. nos. number numbers room rooms platform gate level levels
    grade grades year series season episode episodes round stage phase version vol volume
    track tracks route junction channel flight bus line seat category class tier division
    league type mark model row step table figure fig act scene game week day leg heat hole
    aged age ages size sizes band bands stand box boxes unit units ward block pier terminal
    verse psalm rule question item point option tab slide lane zone district
    """
LABELS = frozenset(_LABELS_TEXT.split())
_MONTH_NAMES = "|".join(MONTHS) + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# Capitalised words that start sentences and clauses, not names: "The 5 men", "In 3 cases".
_FUNCTION_WORDS_TEXT = """
    the a an and but or nor so yet in on at for of with by about only some all just nearly
    over around to from its his her their our my your these those this that then when while
    after before since until if as than almost about roughly some another every each both
    about more less fewer at least up down
    """
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())

# Words and figures around a figure are read across markup and HTML references, as the
# number patterns read them (``GAP``): "5&nbsp;per cent" is joined to its unit.
_WORD_BEFORE = compiled(rf"(?P<word>[\p{{L}}][\p{{L}}.'’]*){GAP}$")
_WORD_AFTER = compiled(rf"{MAYBE_GAP}(?P<word>[^\s\x00,;:!?\"“”()]+)")
_JOINED_BEFORE = compiled(
    rf"(?:\d{MAYBE_GAP}(?:[-–/:x×]|to|and|or|out{GAP}of|of|in|by){MAYBE_GAP}"
    rf"|(?:{_MONTH_NAMES})\.?{GAP}|[(\[]|\b(?:aged?|under|over)[- ]"
    rf"|#|\b(?:No|no|Nos|nos|Number|number)\.?{MAYBE_GAP}|\b(?:plus|minus){GAP})$"
)
_JOINED_AFTER = compiled(
    rf"^(?:{MAYBE_GAP}(?:[-–/:x×]|to|and|or|out{GAP}of|of|by){MAYBE_GAP}\d"
    rf"|{MAYBE_GAP}[-–]|(?:st|nd|rd|th)?{GAP}(?:of{GAP})?(?:{_MONTH_NAMES})\b"
    rf"|{MAYBE_GAP}[)\]]|{GAP}(?:years?|months?){GAP}old\b|{MAYBE_GAP}[%°'’″\"]"
    rf"|{GAP}per{MAYBE_SPACE}cent|{GAP}(?:o['’]clock|[ap]\.?m\b)|{MAYBE_GAP}/)"
)
# After a figure that names something rather than counting it: "the network 3, which", "3 says".
_NOT_COUNTING = compiled(
    rf"{MAYBE_GAP}(?:[.,;!?]|$)|{GAP}(?:is|was|has|says|said|does|did|will|would|can|could"
    r"|also|already)\b"
)


def figure_stays(view: str, start: int, end: int, threshold: int, units: frozenset[str]) -> bool:
    """True when the small figure ``view[start:end]`` is one houses leave in figures."""
    before = view[max(0, start - 40) : start]
    after = view[end : end + 40]
    if _JOINED_BEFORE.search(before) or _JOINED_AFTER.match(after):
        return True
    if _near_big(view, start, end, threshold) or _NOT_COUNTING.match(view, end):
        return True
    m = _WORD_AFTER.match(after)
    if m is not None:
        if m["word"][:1].isupper() and m.start("word") > 0:
            return True  # a name or title: "1st Battalion", "6 Music", "8 Simple Rules"
        word = m["word"].rstrip(".").lower()
        if word in UNITS or word in units:
            return True
        if "-" in word and word.split("-")[0] in UNITS:
            return True
    b = _WORD_BEFORE.search(before)
    if b is not None:
        word = b["word"]
        if word.lower().rstrip(".") in LABELS or word.lower() in LABELS:
            return True
        if word[0].isupper() and word.lower().rstrip(".") not in _FUNCTION_WORDS:
            return True  # a name: "Channel 4", "Apollo 11", "Windows 7"
    return _list_item(view, start, end)


_PAIR_AFTER = compiled(rf"{MAYBE_GAP}(?:[-–]|to|and|or){GAP}(\d[\d,]*)")
_PAIR_BEFORE = compiled(rf"(\d[\d,]*){GAP}(?:to|and|or){MAYBE_GAP}$")
_WORD_SUFFIX = compiled(r"-(?:something|odd|fifty|one|ish)\b|-\w")


def _near_big(view: str, start: int, end: int, threshold: int) -> bool:
    """True in a pairing with a figure of ``threshold`` or more: "between 5 and 15"."""
    tail = _PAIR_AFTER.match(view[end : end + 24])
    if tail and _value(tail[1]) >= threshold:
        return True
    head = _PAIR_BEFORE.search(view[max(0, start - 24) : start])
    return bool(head and _value(head[1]) >= threshold)


def _value(text: str) -> int:
    return int(text.replace(",", ""))


def _list_item(view: str, start: int, end: int) -> bool:
    """A figure that numbers a paragraph: "1. Arsenal", "2) Chelsea".

    Only white space may stand before it on its line; that is read back from the figure, not
    from the line's start, so a long line with many figures costs no more than a short one.
    """
    if view[end : end + 1] not in (".", ")"):
        return False
    i = start
    while i > 0 and view[i - 1] != "\n" and view[i - 1].isspace():
        i -= 1
    return i == 0 or view[i - 1] == "\n"


def word_number_stays(view: str, start: int, end: int) -> bool:
    """True for a number word that is not a count: "fifty-fifty", "twenty-something"."""
    after = view[end : end + 12]
    before = view[max(0, start - 12) : start]
    return bool(
        _WORD_SUFFIX.match(after) or before.endswith(("-", "-\n"))  # as "-$" reads
    )
