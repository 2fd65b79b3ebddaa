"""The rule types: one module each, and the registry that names them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module

from .base import Examples, FailExample, Finding, Rule


class _Registry(Mapping[str, type[Rule]]):
    """Type name -> rule class, each module imported when its type is first asked for, so a
    run imports only the rule types its style uses."""

    def __init__(self, where: dict[str, str]) -> None:
        self._where = where  # type name -> "module:Class"

    def __getitem__(self, name: str) -> type[Rule]:
        module, cls = self._where[name].split(":")
        found: type[Rule] = getattr(import_module(f"{__name__}.{module}"), cls)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


RULE_TYPES: Mapping[str, type[Rule]] = _Registry(
    {
        "existence": "existence:Existence",
        "substitution": "substitution:Substitution",
        "consistency": "consistency:Consistency",
        "repetition": "repetition:Repetition",
        "occurrence": "occurrence:Occurrence",
        "balance": "balance:Balance",
        "date": "date:Date",
        "number": "number:Number",
        "reference": "reference:Reference",
        "title": "title:Title",
    }
)

__all__ = ["RULE_TYPES", "Examples", "FailExample", "Finding", "Rule"]
