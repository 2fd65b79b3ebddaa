"""Counts of the forms seen in an archive, with up to three places each, mergeable in order.

Drafts are counted in runs (a worker's share, with ``--jobs`` or on Dask) and the runs' tallies
merged in the order of the drafts, so the merged counts, and the places kept as evidence (the
first three in draft order), are the same however the work was spread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXAMPLES = 3  # places kept as evidence for each form
CONTEXTS = 12  # neighbouring words kept for each capitalised word, to confirm a family


@dataclass
class Tally:
    """``counts[group][form]``: how often a form was seen; ``places[group][form]``: where
    first (``path:line``, or ``path`` alone for words counted all at once)."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    places: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    contexts: dict[str, list[str]] = field(default_factory=dict)
    filled: set[str] = field(default_factory=set)  # forms whose contexts are all kept
    # group -> forms with a place but fewer than EXAMPLES, for the groups counted all at once
    # (words...): the forms a draft that uses them adds its place to
    pending: dict[str, set[str]] = field(default_factory=dict)
    drafts: int = 0
    size: int = 0  # characters read, as UTF-8 bytes
    copies: int = 0  # drafts left out as byte-identical copies of a draft counted
    settled: int = 0  # words checked by count.settle, the first of counts["word"]

    def add(self, group: str, form: str, place: str | None = None, n: int = 1) -> None:
        counts = self.counts.get(group)
        if counts is None:
            counts = self.counts[group] = {}
            self.places[group] = {}
        counts[form] = counts.get(form, 0) + n
        if place is not None:
            kept = self.places[group].get(form)
            if kept is None:
                self.places[group][form] = [place]
            elif len(kept) < EXAMPLES and place not in kept:
                kept.append(place)

    def drop(self, group: str, forms: list[str]) -> None:
        """Forget ``forms`` of ``group``: their counts and places."""
        counts = self.counts.get(group)
        if counts is None:
            return
        places = self.places.get(group, {})
        pending = self.pending.get(group, set())
        for form in forms:
            counts.pop(form, None)
            places.pop(form, None)
            pending.discard(form)

    def wants_place(self, group: str, form: str) -> bool:
        """Whether a place for this form would still be kept (finding its line costs a little)."""
        places = self.places.get(group)
        kept = places.get(form) if places is not None else None
        return kept is None or len(kept) < EXAMPLES

    def context(self, form: str, words: list[str]) -> None:
        kept = self.contexts.get(form)
        if kept is None:
            kept = self.contexts[form] = []
        for word in words:
            if len(kept) >= CONTEXTS:
                break
            if word not in kept:
                kept.append(word)
        if len(kept) >= CONTEXTS:
            self.filled.add(form)

    def merge(self, other: Tally) -> None:
        """Add ``other``'s counts, which come from drafts after this tally's."""
        self.drafts += other.drafts
        self.size += other.size
        self.copies += other.copies
        for group, forms in other.counts.items():
            counts = self.counts.get(group)
            if counts is None:
                counts = self.counts[group] = {}
                self.places[group] = {}
            places = self.places[group]
            for form, n in forms.items():
                counts[form] = counts.get(form, 0) + n
            pending = self.pending.setdefault(group, set()) if group in other.pending else None
            for form, more in other.places[group].items():
                kept = places.get(form)
                if kept is None:
                    kept = places[form] = list(more)
                elif len(kept) < EXAMPLES:
                    kept.extend(p for p in more[: EXAMPLES - len(kept)] if p not in kept)
                    del kept[EXAMPLES:]
                else:
                    continue
                if pending is None:
                    continue
                if len(kept) < EXAMPLES:
                    pending.add(form)
                else:
                    pending.discard(form)
        for form, words in other.contexts.items():
            self.context(form, words)

    def get(self, group: str) -> dict[str, int]:
        return self.counts.get(group, {})

    def count(self, group: str, form: str) -> int:
        return self.counts.get(group, {}).get(form, 0)

    def where(self, group: str, form: str) -> list[str]:
        return self.places.get(group, {}).get(form, [])
