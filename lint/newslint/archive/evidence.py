"""Where a form was seen, as ``path:line``: places counted with their line are kept as they
are; for words counted all at once (their place is the draft alone), the line is found again
by looking for the word in that draft, only for the forms a proposal shows."""

from __future__ import annotations

import regex

from ..errors import NewslintError
from .families import Form
from .urls import read_draft

SHOWN = 3
WORD_CHAR = regex.compile(r"[\w-]")  # what may not touch a form on either side


class Places:
    """Finds lines in drafts, reading each draft once."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}

    def _text(self, path: str) -> str:
        text = self._texts.get(path)
        if text is None:
            try:
                text = read_draft(path, 0).decode("utf-8", "replace")
            except NewslintError:
                text = ""
            self._texts[path] = text
        return text

    def line_of(self, path: str, needle: str) -> str:
        if not needle:
            return path
        text = self._text(path)
        if " " not in needle:  # found by str.find; the same as the pattern below, faster
            at = text.find(needle)
            while at != -1:
                end = at + len(needle)
                if not (at and WORD_CHAR.match(text, at - 1)) and not WORD_CHAR.match(text, end):
                    return f"{path}:{text.count(chr(10), 0, at) + 1}"
                at = text.find(needle, at + 1)
            return path
        pattern = r"(?<![\w-])" + regex.escape(needle).replace(r"\ ", r"\s+") + r"(?![\w-])"
        found = regex.search(pattern, text)
        if found is None:
            return path
        return f"{path}:{text.count(chr(10), 0, found.start()) + 1}"

    def of(self, form: Form) -> list[str]:
        out = []
        for place in form.places[:SHOWN]:
            path, tab, word = place.partition("\t")
            if tab:
                out.append(self.line_of(path, word))
                continue
            _, colon, line = place.rpartition(":")
            if colon and line.isdigit():
                out.append(place)
            else:
                out.append(self.line_of(place, form.needle))
        return out
