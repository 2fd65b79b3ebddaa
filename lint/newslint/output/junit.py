"""``junit``: a JUnit XML report, one test case per file linted.

A file fails when it has a violation at or above ``--fail-on``; its failure lists every
violation in the text format.  Violations below the threshold go to the case's ``system-out``.
Characters that XML 1.0 cannot hold (most control characters) are written as U+FFFD.
"""

from __future__ import annotations

import re
from typing import IO
from xml.etree import ElementTree as ET

from ..checks.base import SEVERITY_RANK
from ..violation import Violation
from .text import header

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


class JunitFormatter:
    def __init__(self, out: IO[str], *, threshold: int = 0) -> None:
        self.out = out
        self.threshold = threshold
        self.suite = ET.Element("testsuite", name="newslint")
        self.tests = self.failures = 0

    def start(self) -> None:
        pass

    def file(self, path: str, violations: list[Violation], text: str | None) -> None:
        self.tests += 1
        case = ET.SubElement(
            self.suite, "testcase", classname="newslint", name=xml_text(path), file=xml_text(path)
        )
        failing = [v for v in violations if SEVERITY_RANK[v.severity] >= self.threshold]
        lines = "\n".join(xml_text(header(v)) for v in violations)
        if failing:
            self.failures += 1
            n = len(violations)
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{n} violation{'' if n == 1 else 's'}",
                type="newslint",
            )
            failure.text = lines + "\n"
        elif violations:
            ET.SubElement(case, "system-out").text = lines + "\n"

    def finish(self) -> None:
        counts = {"tests": str(self.tests), "failures": str(self.failures), "errors": "0"}
        self.suite.attrib.update(counts, skipped="0")
        root = ET.Element("testsuites", {"name": "newslint", **counts})
        root.append(self.suite)
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(root, encoding="unicode"))
        self.out.write("\n")
