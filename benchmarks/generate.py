"""Generated inputs for the benchmarks: a large extra pack, and many small drafts.

Everything here is made up at run time from syllables and a fixed seed, so the benchmark needs no
data of its own and its inputs are the same on every run.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "ch", "tr")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou", "ei")
_CODAS = ("", "", "n", "r", "s", "k", "l", "v", "sk", "ch")


def pseudo_word(rng: random.Random, syllables: int) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )


def _misspell(rng: random.Random, word: str) -> str:
    i = rng.randrange(2, len(word))
    return word[:i] + word[i - 1] + word[i:]  # a doubled letter: Mirovak -> Mirrovak


def _yaml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings


def write_growth_pack(folder: Path, names: int = 2000, terms: int = 1000, seed: int = 5) -> Path:
    """A pack of ``names`` name spellings and ``terms`` banned or preferred terms.

    Names: a ``substitution`` rule taking ``names`` wrong spellings (two a name) to the house
    spelling.  Terms: half an ``existence`` rule of banned phrases, half a ``substitution`` rule of
    preferred words, all lower case so they match in any capitalisation.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    swaps: dict[str, str] = {}
    while len(swaps) < names:
        first = pseudo_word(rng, 2).capitalize()
        last = pseudo_word(rng, rng.choice((2, 3))).capitalize()
        house = f"{first} {last}"
        wrong = {f"{first} {_misspell(rng, last)}", f"{_misspell(rng, first)} {last}"}
        for variant in wrong - {house}:
            if len(swaps) < names and variant not in swaps:
                swaps[variant] = house
    banned: set[str] = set()
    while len(banned) < terms // 2:
        banned.add(" ".join(pseudo_word(rng, 2) for _ in range(rng.choice((1, 2, 3)))))
    preferred: dict[str, str] = {}
    while len(preferred) < terms - terms // 2:
        word = pseudo_word(rng, 3)
        if word not in banned:
            preferred[word] = pseudo_word(rng, 2) + "x"  # "x" keeps values from being keys
    lines = ["rules:"]
    lines += _rule("generated-names", "substitution", "swap", swaps)
    lines += _rule("generated-banned", "existence", "tokens", sorted(banned))
    lines += _rule("generated-preferred", "substitution", "swap", preferred)
    path = folder / "generated.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _rule(rule_id: str, kind: str, key: str, values: dict[str, str] | list[str]) -> list[str]:
    out = [
        f"  - id: {rule_id}",
        f"    type: {kind}",
        "    description: Generated for the benchmark.",
        f"    {key}:",
    ]
    if isinstance(values, dict):
        out += [f"      {_yaml(k)}: {_yaml(v)}" for k, v in values.items()]
    else:
        out += [f"      - {_yaml(v)}" for v in values]
    return out


_SENTENCE = (
    "the council said the plan would go ahead after a vote on monday and the minister "
    "agreed that the cost of the new road was too high for the town to bear alone"
)
_SENTENCE_WORDS = tuple(_SENTENCE.split(" "))


def write_small_drafts(folder: Path, count: int, seed: int = 7) -> int:
    """``count`` short drafts (a headline and a paragraph) in sub-folders of 1,000; total bytes."""
    rng = random.Random(seed)
    total = 0
    for n in range(count):
        sub = folder / f"{n // 1000:03d}"
        if n % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        words = [rng.choice(_SENTENCE_WORDS) for _ in range(rng.randrange(20, 50))]
        if n % 10 == 0:
            words.insert(5, words[4])  # a doubled word now and then, so there is output
        body = " ".join(words).capitalize() + "."
        text = f"Draft {n} headline\n\n{body}\n"
        data = text.encode("utf-8")
        fd = os.open(sub / f"{n:06d}.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        total += len(data)
    return total
