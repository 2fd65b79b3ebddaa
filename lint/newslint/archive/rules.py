"""The rule each family proposes, in newslint's own rule types, with example sentences of its
own: short sentences built here around the forms, never text from the archive."""

from __future__ import annotations

from .families import Family
from .words import BRITISH_AMERICAN, ISE_STEMS, YSE_STEMS

# family kind -> rule id in the proposed pack (families of one kind share a rule)
RULE_IDS = {
    "name": "name-spelling",
    "compound": "compounds",
    "acronym": "acronym-case",
    "initialism": "initialism-stops",
    "ise": "ise-spelling",
    "spelling": "spelling",
    "direction": "directions",
    "percent": "percent",
    "date": "date-format",
    "time": "time-format",
    "numbers": "small-numbers",
    "titles": "person-reference",
    "title-stop": "person-reference",
    "quotes": "quotation-marks",
    "apostrophes": "apostrophes",
    "dash": "dashes",
}

# Capitalised words after a word are names ("World Health Organization", "Pearl Harbor").
NAME_AFTER_WORD = "(?<=[\\p{L}\\d,;:)]\\s+)\\p{Lu}[\\p{L}'’-]*"

DATE_FORMS = {
    "13 February": ("dmy", False, "13 February 2025"),
    "13th February": ("dmy", True, "13th February 2025"),
    "February 13": ("mdy", False, "February 13, 2025"),
    "February 13th": ("mdy", True, "February 13th, 2025"),
    "Feb. 13": ("ap", False, "Feb. 13, 2025"),
}
DASHES = {"spaced hyphen": " - ", "spaced en dash": " – ", "em dash": "—", "double hyphen": " -- "}
DASH_KEYS = {
    "spaced hyphen": "(?<=\\w[,.]?) - (?=\\w)",
    "spaced en dash": "(?<=\\w[,.]?) – (?=\\w)",
    "em dash": "(?<=\\w[,.]?) ?— ?(?=\\w)",
    "double hyphen": "(?<=\\w[,.]?) -- (?=\\w)",
}
PERCENT_FORMS = {"%": "4%", "per cent": "4 per cent", "percent": "4 percent", "pc": "4pc"}
PERCENT_RULE = {"%": "%", "per cent": "per cent", "percent": "percent"}


def _other(choices: list[str], dominant: str) -> str:
    return next(c for c in choices if c != dominant)


# Words that start a sentence, after which an initialism's last full stop is the sentence's.
SENTENCE_STARTS = (
    "The|He|She|It|They|We|I|But|And|A|An|In|This|That|There|His|Her|Their|Its|Mr|Ms|Mrs"
)
SENTENCE_END = f"(?=[ \\t]*(?:\\n|$)|\\s+(?:{SENTENCE_STARTS})\\b)"


def _initialism_swap(plain: str, dotted: str, *, stops: bool) -> dict[str, str]:
    """Keys and replacements that write an initialism with full stops or without, keeping the
    full stop that ends a sentence."""
    escaped = dotted.replace(".", "\\.")
    if stops:
        return {
            f"(?<![\\w.]){plain}\\.{SENTENCE_END}": dotted,
            f"(?<![\\w.]){plain}(?![\\w.])": dotted,
        }
    return {
        f"(?<![\\w.]){escaped}{SENTENCE_END}": f"{plain}.",
        f"(?<![\\w.]){escaped}(?![\\w.])": plain,
    }


def fragment(family: Family) -> dict[str, object] | None:
    """The part of a rule this family proposes (rules of one kind are merged); ``None`` when
    no rule type can say it."""
    kind = family.kind
    top = family.dominant.name
    minority = [f.name for f in family.minority]
    if kind in ("name", "compound", "acronym", "direction"):
        swap = {m: top for m in minority}
        if kind == "direction" and not minority:  # the other form is the rule's all the same
            swap = {_other(family.label.split("/"), top): top}
        rule: dict[str, object] = {"type": "substitution", "swap": swap}
        if kind == "compound":
            rule["ignorecase"] = True
        return rule
    if kind == "initialism":
        dotted = next(f.needle for f in family.forms if "." in f.needle)
        swap = _initialism_swap(dotted.replace(".", ""), dotted, stops="." in top)
        return {"type": "substitution", "wholeword": False, "swap": swap}
    if kind == "ise":
        wrong, right = ("z", "s") if top == "-ise" else ("s", "z")
        stems = "|".join(ISE_STEMS)
        yse = "|".join(YSE_STEMS)
        ends = "e|es|ed|ing|ation|ations"
        swap = {
            f"(?<![\\w'’])((?:re|de|un)?(?:{stems})i){wrong}({ends})(?![\\w-])": f"\\1{right}\\2",
            f"(?<![\\w'’])((?:{yse})y){wrong}(e|es|ed|ing)(?![\\w-])": f"\\1{right}\\2",
        }
        return {
            "type": "substitution",
            "wholeword": False,
            "swap": swap,
            "exceptions": [NAME_AFTER_WORD],
        }
    if kind == "spelling":
        pairs = (
            BRITISH_AMERICAN if top == "British" else {a: b for b, a in BRITISH_AMERICAN.items()}
        )
        swap = {wrong: right for right, wrong in pairs.items()}
        return {"type": "substitution", "swap": swap, "exceptions": [NAME_AFTER_WORD]}
    if kind == "percent":
        if top not in PERCENT_RULE:
            return None
        return {"type": "number", "check": "percent", "percent": PERCENT_RULE[top]}
    if kind == "date":
        format_, ordinals, _ = DATE_FORMS[top]
        return {"type": "date", "check": "format", "format": format_, "ordinals": ordinals}
    if kind == "time":
        return {"type": "date", "check": "time", "time": top}
    if kind == "numbers":
        if top == "words":
            return {"type": "number", "check": "words", "threshold": 10, "scope": ["body"]}
        return {"type": "number", "check": "figures", "threshold": 2, "scope": ["body"]}
    if kind == "titles":
        honorific = "required" if top == "Mr Blair" else "forbidden"
        return {
            "type": "reference",
            "scope": ["body"],
            "honorific": honorific,
            "require_for": "titled",
            "first_reference": False,
        }
    if kind == "title-stop":
        return {"type": "reference", "scope": ["body"], "honorific_stop": top == "Mr."}
    if kind == "quotes":
        if top == "straight":
            return {"type": "substitution", "wholeword": False, "swap": {"[“”]": '"'}}
        return {
            "type": "existence",
            "wholeword": False,
            "tokens": ['"'],
            "message": "Use curly quotation marks (“ ”)",
        }
    if kind == "apostrophes":
        if top == "straight":
            return {"type": "substitution", "wholeword": False, "swap": {"(?<=\\w)’(?=\\w)": "'"}}
        return {"type": "substitution", "wholeword": False, "swap": {"(?<=\\w)'(?=\\w)": "’"}}
    if kind == "dash":
        if top not in DASHES:
            return None
        swap = {DASH_KEYS[d]: DASHES[top] for d in DASHES if d != top}
        return {"type": "substitution", "wholeword": False, "swap": swap}
    return None


def sentences(family: Family) -> tuple[list[str], list[str]]:
    """Example sentences: ones that break the proposed rule and ones that keep to it."""
    kind = family.kind
    top = family.dominant.name
    others = [f.name for f in family.minority]
    if kind == "name":
        return (
            [f"Reporters waited for {o} outside the hall." for o in others[:2]],
            [f"Reporters waited for {top} outside the hall."],
        )
    if kind == "compound":
        return (
            [f"The {o} was mentioned twice in the report." for o in others[:2]],
            [f"The {top} was mentioned twice in the report."],
        )
    if kind == "acronym":
        return (
            [f"Officials from {o} met on Tuesday." for o in others[:1]],
            [f"Officials from {top} met on Tuesday."],
        )
    if kind == "initialism":
        plain = top.replace(".", "")
        dotted = ".".join(plain) + "."
        both = (f"Talks in the {plain} resumed.", f"Talks in the {dotted} resumed.")
        return ([both[0]], [both[1]]) if "." in top else ([both[1]], [both[0]])
    if kind == "ise":
        if top == "-ise":
            return (
                ["Volunteers organized a march and apologized."],
                ["Volunteers organised a march and apologised."],
            )
        return (
            ["Volunteers organised a march and apologised."],
            ["Volunteers organized a march and apologized."],
        )
    if kind == "spelling":
        brit = ["The defence of the centre held.", "Her favourite colour is grey."]
        amer = ["The defense of the center held.", "Her favorite color is gray."]
        return (amer, brit) if top == "British" else (brit, amer)
    if kind == "direction":
        pair = family.label.split("/")
        other = _other(pair, top)
        return (
            [f"The crowd moved {other} the gate."]
            if "towards" in pair
            else [f"{other.capitalize()} the crowd left."],
            [f"The crowd moved {top} the gate."]
            if "towards" in pair
            else [f"{top.capitalize()} the crowd left."],
        )
    if kind == "percent":
        other = _other(list(PERCENT_RULE), top)
        return (
            [f"Fares rose by {PERCENT_FORMS[other]} this year."],
            [f"Fares rose by {PERCENT_FORMS[top]} this year."],
        )
    if kind == "date":
        written = DATE_FORMS[top][2]
        other = _other(
            ["13 February", "February 13"], top if top in ("13 February", "February 13") else ""
        )
        return (
            [f"The inquiry opens on {DATE_FORMS[other][2]} in the town hall."],
            [f"The inquiry opens on {written} in the town hall."],
        )
    if kind == "time":
        other = "14:25" if top != "14:25" else "2.25pm"
        return ([f"The ferry left at {other} on Monday."], [f"The ferry left at {top} on Monday."])
    if kind == "numbers":
        words = "The council closed three libraries last year."
        figures = "The council closed 3 libraries last year."
        return ([figures], [words]) if top == "words" else ([words], [figures])
    if kind == "titles":
        titled = "Alma Ferrow opened the fair. Ms Ferrow spoke first, and Ms Ferrow left at noon."
        bare = "Alma Ferrow opened the fair. Ms Ferrow spoke first, and Ferrow left at noon."
        return ([bare], [titled]) if top == "Mr Blair" else ([titled], [bare])
    if kind == "title-stop":
        plain = "Alma Ferrow opened the fair. Ms Ferrow spoke first."
        stop = "Alma Ferrow opened the fair. Ms. Ferrow spoke first."
        return ([stop], [plain]) if top == "Mr" else ([plain], [stop])
    if kind == "quotes":
        curly = "“We will stay,” she said."
        straight = '"We will stay," she said.'
        return ([curly], [straight]) if top == "straight" else ([straight], [curly])
    if kind == "apostrophes":
        curly = "It’s the mayor’s plan."
        straight = "It's the mayor's plan."
        return ([curly], [straight]) if top == "straight" else ([straight], [curly])
    if kind == "dash":
        made = {d: f"The plan{mark}if it works{mark}is cheap." for d, mark in DASHES.items()}
        return ([made[d] for d in DASHES if d != top][:2], [made[top]])
    return [], []
