"""The cache of loaded packs: keyed on the pack files, written atomically, never trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import cache
from newslint.rulefile import load_pack
from newslint.style import load_style

RULE = """rules:
  - id: colour
    type: substitution
    description: A test rule.
    swap:
      color: {value}
    examples:
      fail: ["The color."]
      pass: ["The colour."]
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return folder


def pack(tmp_path: Path, value: str = "colour") -> Path:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / "words.yaml").write_text(RULE.format(value=value), encoding="utf-8")
    return folder


def counting_loader() -> tuple[list[Path], object]:
    calls: list[Path] = []

    def load(folder: Path) -> object:
        calls.append(folder)
        return load_pack(folder)

    return calls, load


def test_a_pack_is_loaded_once_then_served_from_the_cache(tmp_path: Path, cache_dir: Path) -> None:
    folder = pack(tmp_path)
    calls, load = counting_loader()
    first = cache.cached(folder, load)  # type: ignore[arg-type]
    second = cache.cached(folder, load)  # type: ignore[arg-type]
    assert calls == [folder]
    assert [r.name for r in second] == ["house.colour"]
    assert second[0].swap == first[0].swap == {"color": "colour"}
    assert len(list(cache_dir.glob("pack-*.pickle"))) == 1
    assert not list(cache_dir.glob(".tmp-*"))


def test_a_pack_cached_under_another_regex_release_is_loaded_again(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A compiled pattern pickled by one release of regex is handed to another's engine as it
    # was stored: a cache shared between two installs (an upgrade of regex, or a second venv of
    # the same checkout) must never serve it.
    import regex

    folder = pack(tmp_path)
    calls, load = counting_loader()
    cache.cached(folder, load)  # type: ignore[arg-type]
    monkeypatch.setattr(regex, "__version__", "1999.1.1")
    monkeypatch.setattr(cache, "_code_stamp", None)
    again = cache.cached(folder, load)  # type: ignore[arg-type]
    assert calls == [folder, folder]
    assert again[0].swap == {"color": "colour"}
    assert "regex 1999.1.1" in cache.code_stamp()


def test_a_changed_rule_file_is_loaded_again_and_the_old_entry_dropped(
    tmp_path: Path, cache_dir: Path
) -> None:
    folder = pack(tmp_path)
    calls, load = counting_loader()
    cache.cached(folder, load)  # type: ignore[arg-type]
    pack(tmp_path, value="hue")
    rules = cache.cached(folder, load)  # type: ignore[arg-type]
    assert len(calls) == 2
    assert rules[0].swap == {"color": "hue"}
    assert len(list(cache_dir.glob("pack-*.pickle"))) == 1


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05\x95garbage"])
def test_a_corrupted_entry_is_ignored_and_rebuilt(
    tmp_path: Path, cache_dir: Path, damage: bytes
) -> None:
    folder = pack(tmp_path)
    calls, load = counting_loader()
    cache.cached(folder, load)  # type: ignore[arg-type]
    (entry,) = cache_dir.glob("pack-*.pickle")
    entry.write_bytes(damage)
    rules = cache.cached(folder, load)  # type: ignore[arg-type]
    assert len(calls) == 2
    assert rules[0].swap == {"color": "colour"}
    assert entry.read_bytes() != damage  # written again


def test_the_style_loaded_through_the_cache_lints_the_same(tmp_path: Path, cache_dir: Path) -> None:
    from newslint import lint_text

    folder = pack(tmp_path)
    text = "Headline\n\nThe color of money.\n"
    cold = lint_text(text, style=load_style([str(folder)]))
    warm = lint_text(text, style=load_style([str(folder)]))
    assert [(v.line, v.column, v.rule, v.replacement) for v in warm] == [
        (3, 5, "house.colour", "colour")
    ]
    assert warm == cold


def test_no_cache_turns_it_off(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    folder = pack(tmp_path)
    calls, load = counting_loader()
    cache.cached(folder, load)  # type: ignore[arg-type]
    cache.cached(folder, load)  # type: ignore[arg-type]
    assert len(calls) == 2
    assert not cache_dir.exists()


def test_an_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    folder = pack(tmp_path)
    assert [r.name for r in cache.cached(folder, load_pack)] == ["house.colour"]


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/x/cache")
    assert cache.cache_dir() == Path("/x/cache/newslint")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "/home/someone")
    assert cache.cache_dir() == Path("/home/someone/.cache/newslint")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", "/elsewhere")
    assert cache.cache_dir() == Path("/elsewhere")


def test_a_rule_file_error_is_raised_not_cached(tmp_path: Path, cache_dir: Path) -> None:
    from newslint.errors import RuleFileError

    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "bad.yaml").write_text("rules:\n  - id: x\n    type: nonsense\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleFileError, match="unknown type 'nonsense'"):
            cache.cached(folder, load_pack)
    assert not list(cache_dir.glob("pack-*.pickle"))


# --- newslint's own patterns ----------------------------------------------------------------

PROBE = """
import sys
from newslint import patterns
held = len(patterns._load())  # what the file holds for this code: 0 when missing or unreadable
from newslint.cli import main
status = main(["--isolated", "--style", "core", "--style", "uk-news", sys.argv[1]])
print(held, file=sys.stderr)
sys.exit(status)
"""


def _probe(tmp_path: Path, env: dict[str, str]) -> tuple[int, str, str]:
    import os
    import subprocess
    import sys

    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Talks\n\nThe the talks began on 13 February, 2025 at 8 AM.\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(draft)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr.splitlines()[-1]


def test_newslint_s_own_patterns_are_compiled_once_then_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {"NEWSLINT_CACHE_DIR": str(folder), "NEWSLINT_NO_CACHE": ""}
    status, first, held = _probe(tmp_path, env)
    assert status == 1 and "core.doubled-word" in first and held == "0"
    (kept,) = folder.glob("patterns-*.pickle")
    status, second, held = _probe(tmp_path, env)
    assert (status, second) == (1, first) and int(held) > 30
    kept.write_bytes(b"\x80\x04 not a pickle")  # corrupted: compiled again
    status, third, held = _probe(tmp_path, env)
    assert (status, third, held) == (1, first, "0")
    assert int(_probe(tmp_path, env)[2]) > 30  # and written again


def test_no_patterns_are_kept_with_the_cache_off(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {"NEWSLINT_CACHE_DIR": str(folder), "NEWSLINT_NO_CACHE": "1"}
    status, out, _ = _probe(tmp_path, env)
    assert status == 1 and "core.doubled-word" in out
    assert not list(folder.glob("patterns-*.pickle"))
