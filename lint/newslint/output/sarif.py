"""``sarif``: one SARIF 2.1.0 log, as GitHub code scanning reads it.

The log is written at the end (SARIF is one JSON document), so results are held until then.
Regions count columns in Unicode code points, as every newslint position does, and say so in
``run.columnKind``.  A fix ``--fix`` would make becomes a SARIF ``fixes`` entry that replaces the
flagged region; one it leaves (it touches markup or a quotation) gets no ``fixes`` entry.
File locations are relative to the working directory, with forward slashes, under the base id
``%SRCROOT%``; code scanning resolves them against the repository root, so run newslint there.
"""

from __future__ import annotations

import json
import os
import posixpath
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import quote

from .. import __version__
from ..violation import Violation
from . import ascii_only

if TYPE_CHECKING:
    from ..checks import Rule
    from . import RuleLookup

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def artifact_uri(path: str, cwd: str | None = None) -> str:
    """A relative URI with forward slashes for a path under ``cwd``; a ``file:`` URI otherwise."""
    base = cwd or os.getcwd()
    if os.path.isabs(path):
        relative = os.path.relpath(path, base)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return Path(path).as_uri()
        path = relative
    posix = posixpath.normpath(path.replace(os.sep, "/"))
    return quote(os.fsencode(posix), safe="/")  # a name's bytes, even those not UTF-8


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for end in (". ", "? ", "! "):
        cut = text.find(end)
        if cut != -1:
            return text[: cut + 1]
    return text


def rule_descriptor(name: str, rule: Rule | None, severity: str) -> dict[str, Any]:
    """A ``reportingDescriptor``: what the rule checks, its help and its default level."""
    descriptor: dict[str, Any] = {"id": name}
    if rule is not None:
        description = " ".join(rule.description.split())
        short = _first_sentence(description) or rule.message
        descriptor["name"] = rule.id
        descriptor["shortDescription"] = {"text": short}
        descriptor["fullDescription"] = {"text": description or short}
        help_parts = [description or short]
        if rule.note.strip():
            help_parts.append(" ".join(rule.note.split()))
        help_text = "\n\n".join(help_parts)
        markdown = help_text
        if rule.link.startswith(("http://", "https://")):
            descriptor["helpUri"] = rule.link
            markdown += f"\n\n[Style guide]({rule.link})"
        descriptor["help"] = {"text": help_text, "markdown": markdown}
        descriptor["properties"] = {"tags": ["style", rule.type]}
        severity = rule.severity
    descriptor["defaultConfiguration"] = {"level": LEVELS[severity]}
    return descriptor


def region(v: Violation) -> dict[str, int]:
    return {
        "startLine": v.line,
        "startColumn": v.column,
        "endLine": v.end_line,
        "endColumn": v.end_column,
    }


def result(v: Violation, index: int, uri: str) -> dict[str, Any]:
    location = {"uri": uri, "uriBaseId": SRCROOT}
    out: dict[str, Any] = {
        "ruleId": v.rule,
        "ruleIndex": index,
        "level": LEVELS[v.severity],
        "message": {"text": v.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region(v)}}],
    }
    if v.replacement is not None and v.fix_applies:  # never a fix --fix itself would not make
        if v.replacement:
            what = f"Replace '{v.found}' with '{v.replacement}'"
        else:
            what = f"Delete '{v.found}'"
        out["fixes"] = [
            {
                "description": {"text": what},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [
                            {
                                "deletedRegion": region(v),
                                "insertedContent": {"text": v.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return out


class SarifFormatter:
    def __init__(self, out: IO[str], rules: RuleLookup) -> None:
        self.out = out
        self.rules = rules
        self.cwd = os.getcwd()
        self.descriptors: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        self.results: list[dict[str, Any]] = []

    def start(self) -> None:
        pass

    def _rule_index(self, v: Violation) -> int:
        index = self.index.get(v.rule)
        if index is None:
            index = self.index[v.rule] = len(self.descriptors)
            self.descriptors.append(rule_descriptor(v.rule, self.rules(v.rule), v.severity))
        return index

    def file(self, path: str, violations: list[Violation], text: str | None) -> None:
        uri = artifact_uri(path, self.cwd)
        for v in violations:
            self.results.append(result(v, self._rule_index(v), uri))

    def log(self) -> dict[str, Any]:
        base_uri = Path(self.cwd).as_uri().rstrip("/") + "/"
        return {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "newslint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": self.descriptors,
                        }
                    },
                    "originalUriBaseIds": {SRCROOT: {"uri": base_uri}},
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                }
            ],
        }

    def finish(self) -> None:
        json.dump(self.log(), self.out, ensure_ascii=ascii_only(self.out), indent=2)
        self.out.write("\n")
