"""The rule types: one module each, and the registry that names them."""

from __future__ import annotations

from .balance import Balance
from .base import Examples, Finding, Rule
from .consistency import Consistency
from .date import Date
from .existence import Existence
from .number import Number
from .occurrence import Occurrence
from .reference import Reference
from .repetition import Repetition
from .substitution import Substitution
from .title import Title

RULE_TYPES: dict[str, type[Rule]] = {
    "existence": Existence,
    "substitution": Substitution,
    "consistency": Consistency,
    "repetition": Repetition,
    "occurrence": Occurrence,
    "balance": Balance,
    "date": Date,
    "number": Number,
    "reference": Reference,
    "title": Title,
}

__all__ = ["RULE_TYPES", "Examples", "Finding", "Rule"]
