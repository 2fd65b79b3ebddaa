"""Hostile rule packs, configs and caches: each case ends in a clear error or the right result.

The cases of docs/reliability.md, "Hostile packs, configs and caches".
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from newslint import cache, lint_text, rulefile
from newslint.checks.existence import Existence
from newslint.checks.lexicon import LARGE, Lexicon
from newslint.checks.substitution import Substitution
from newslint.checks.wordlist import compile_wordlist
from newslint.cli import main
from newslint.config import ConfigError, config_in, read_config
from newslint.engine import RULE_TIMEOUT
from newslint.errors import RuleFileError
from newslint.examples import check_example
from newslint.formats import parse
from newslint.rulefile import load_pack, parse_rules
from newslint.style import Style
from newslint.suppress import Suppressions, read_suppressions
from newslint.violation import Violation

Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    return tmp_path


# --- the cache of loaded packs -------------------------------------------------------------

HOUSE = """rules:
  - id: colour
    type: substitution
    swap: {color: colour}
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return folder


def _house(tmp_path: Path) -> Path:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "words.yaml").write_text(HOUSE, encoding="utf-8")
    return folder


def _loads(calls: list[Path]) -> object:
    def load(folder: Path) -> object:
        calls.append(folder)
        return load_pack(folder)

    return load


def test_a_cache_entry_changed_but_still_a_pickle_with_the_right_key_is_rewritten(
    tmp_path: Path, cache_dir: Path
) -> None:
    folder = _house(tmp_path)
    calls: list[Path] = []
    cache.cached(folder, _loads(calls))  # type: ignore[arg-type]
    (entry,) = cache_dir.glob("pack-*.pickle")
    data = entry.read_bytes()
    assert data.startswith(cache.FORMAT)
    head = len(cache.FORMAT) + 32
    key, rules = pickle.loads(data[head:])
    changed = [rules[0].__class__(id="colour", type="substitution", swap={"color": "hue"})]
    entry.write_bytes(data[:head] + pickle.dumps((key, changed)))  # the old checksum
    again = cache.cached(folder, _loads(calls))  # type: ignore[arg-type]
    assert len(calls) == 2  # not trusted: loaded again
    assert again[0].swap == {"color": "colour"}
    assert cache.read_entry(entry)[1][0].swap == {"color": "colour"}  # and written again


def test_a_cache_entry_of_another_format_is_never_unpickled(
    tmp_path: Path, cache_dir: Path
) -> None:
    folder = _house(tmp_path)
    calls: list[Path] = []
    cache.cached(folder, _loads(calls))  # type: ignore[arg-type]
    (entry,) = cache_dir.glob("pack-*.pickle")
    key, rules = cache.read_entry(entry)
    entry.write_bytes(pickle.dumps((key, rules)))  # the layout before the checksum
    assert cache.read_entry(entry) is None
    assert cache.cached(folder, _loads(calls))[0].swap == {"color": "colour"}  # type: ignore[arg-type]
    assert len(calls) == 2
    assert entry.read_bytes().startswith(cache.FORMAT)


# --- examples run under the time limit ------------------------------------------------------

SLOW = """rules:
  - id: slow
    type: existence
    description: A pattern that backtracks for ever.
    tokens: ['(?:a|a)+b']
    examples:
      fail: ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa cb"]
      pass: ["Nothing here."]
"""


def test_an_example_that_never_finishes_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_PATTERN_TIMEOUT", "0.2")
    (rule,) = parse_rules(SLOW, "slow.yaml", "slow")
    (found,) = check_example(rule, rule.examples.fail_texts[0])
    assert found.rule == RULE_TIMEOUT
    assert found.message.startswith("rule 'slow.slow' was stopped after 0.2 seconds")


def test_explain_stops_an_example_that_never_finishes(
    work: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_PATTERN_TIMEOUT", "0.2")
    (work / "slow").mkdir()
    (work / "slow" / "r.yaml").write_text(SLOW, encoding="utf-8")
    status, out, _ = run(capsys, "explain", "slow.slow", "--style", "slow")
    assert status == 0
    assert "1:1: error rule 'slow.slow' was stopped after 0.2 seconds" in out
    assert '"Nothing here."\n    reports nothing' in out


# --- errors naming the file and line, not "internal error" -----------------------------------


def test_a_pattern_nested_500_groups_deep_is_an_error() -> None:
    token = "(" * 500 + "a" + ")" * 500
    text = f"rules:\n  - id: deep\n    type: existence\n    tokens: ['{token}']\n"
    with pytest.raises(RuleFileError) as err:
        parse_rules(text, "r.yaml", "p")
    message = str(err.value)
    assert message.startswith("r.yaml:4: rule 'deep': invalid regular expression '((((")
    assert message.endswith(": groups nested too deeply")
    assert len(message) < 250


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            'files:\n  include: ["[z-a]*.txt"]\n',
            "newslint.yaml:2: invalid config: 'include': invalid glob '[z-a]*.txt': "
            "bad character range z-a",
        ),
        (
            'files:\n  exclude: ["ok/*", "a[9-0]"]\n',
            "newslint.yaml:2: invalid config: 'exclude': invalid glob 'a[9-0]': "
            "bad character range 9-0",
        ),
        (
            'overrides:\n  - files: "notes/**"\n    disable: [core]\n'
            '  - files: ["b[z-a]"]\n    disable: [core]\n',
            "newslint.yaml:4: invalid config: 'files': invalid glob 'b[z-a]': "
            "bad character range z-a",
        ),
    ],
)
def test_a_glob_with_a_backwards_range_is_a_config_error(
    work: Path, capsys: Capsys, config: str, message: str
) -> None:
    (work / "newslint.yaml").write_text(config, encoding="utf-8")
    (work / "a.txt").write_text("Fine words.\n", encoding="utf-8")
    status, _, err = run(capsys, ".")
    assert status == 2
    assert err == f"newslint: {message}\n"


@pytest.mark.parametrize(
    ("replacement", "message"),
    [
        (
            r"'\uD800'",
            r"the replacement '\uD800' of 'colo(u?)r' holds a lone surrogate (U+D800 to U+DFFF), "
            "which is not a character: write the character itself",
        ),
        (r"'co\udfffr'", r"the replacement 'co\udfffr' of 'colo(u?)r' holds a lone surrogate"),
        (r"'\2'", r"the replacement '\2' of 'colo(u?)r': no such group"),
        (r"'\g<name>'", r"the replacement '\g<name>' of 'colo(u?)r': unknown group"),
    ],
)
def test_a_replacement_that_makes_no_text_is_an_error(replacement: str, message: str) -> None:
    text = (
        f"rules:\n  - id: sur\n    type: substitution\n    swap: {{'colo(u?)r': {replacement}}}\n"
    )
    with pytest.raises(RuleFileError) as err:
        parse_rules(text, "r.yaml", "p")
    assert str(err.value).startswith(f"r.yaml:2: rule 'sur': {message}")


def test_a_pattern_key_s_groups_still_make_its_replacement() -> None:
    text = (
        "rules:\n  - id: sur\n    type: substitution\n"
        "    swap: {'(?P<w>\\w+)ization': '\\g<w>isation'}\n"
    )
    (rule,) = parse_rules(text, "r.yaml", "p")
    found = lint_text("The civilization grew.", style=Style((rule,)))
    assert [(v.found, v.replacement) for v in found] == [("civilization", "civilisation")]


def test_a_pyproject_whose_tool_is_a_string_is_an_error(work: Path, capsys: Capsys) -> None:
    (work / "pyproject.toml").write_text('tool = """\n[tool.newslint]\n"""\n', encoding="utf-8")
    (work / "a.txt").write_text("Fine words.\n", encoding="utf-8")
    status, _, err = run(capsys, ".")
    assert status == 2
    assert err == (
        "newslint: pyproject.toml:1: invalid config: 'tool' must be a table "
        "(newslint reads [tool.newslint])\n"
    )


def test_a_pyproject_newslint_that_is_not_a_table_is_an_error(work: Path) -> None:
    (work / "pyproject.toml").write_text("[tool]\nnewslint = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_config("pyproject.toml")
    assert str(err.value) == (
        "pyproject.toml:2: invalid config: [tool.newslint] must be a table of settings"
    )


# --- [tool.newslint] however TOML spells it ----------------------------------------------------


@pytest.mark.parametrize(
    "toml",
    [
        '[tool]\nnewslint.disable = ["core.exclamation-marks"]\n',
        'tool.newslint.disable = ["core.exclamation-marks"]\n',
        '[tool.newslint]\ndisable = ["core.exclamation-marks"]\n',
        '[project]\nname = "x"\n\n[tool]\nnewslint = { disable = ["core.exclamation-marks"] }\n',
    ],
)
def test_tool_newslint_is_read_however_toml_spells_it(
    work: Path, capsys: Capsys, toml: str
) -> None:
    (work / "pyproject.toml").write_text(toml, encoding="utf-8")
    (work / "a.txt").write_text("What a day!\n", encoding="utf-8")
    assert config_in(work) == work / "pyproject.toml"
    assert read_config("pyproject.toml").settings.disable == ("core.exclamation-marks",)
    status, out, _ = run(capsys, "config", "a.txt")
    assert status == 0
    assert "config: pyproject.toml\n" in out
    assert "disabled:\n- core.exclamation-marks\n" in out


def test_a_dotted_key_error_names_its_line(work: Path) -> None:
    (work / "pyproject.toml").write_text('[tool]\nnewslint.fail-on = "often"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_config("pyproject.toml")
    assert str(err.value).startswith("pyproject.toml:2: invalid config: 'fail-on' must be one of")


# --- size bombs ----------------------------------------------------------------------------


def test_a_rule_with_too_many_terms_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rulefile, "MAX_TERMS", 50)
    words = ", ".join(f"w{n}" for n in range(51))
    text = f"rules:\n  - id: many\n    type: existence\n    tokens: [{words}]\n"
    with pytest.raises(RuleFileError) as err:
        parse_rules(text, "r.yaml", "p")
    assert str(err.value) == (
        "r.yaml:4: rule 'many': 'tokens' holds 51 terms, more than the 50 a rule may hold "
        "(split the rule)"
    )


def test_yaml_aliases_that_multiply_either_are_an_error() -> None:
    group = ", ".join(f"v{n}" for n in range(100))
    groups = "      - &g [" + group + "]\n" + "      - *g\n" * 299
    text = f"rules:\n  - id: bomb\n    type: consistency\n    either:\n{groups}"
    with pytest.raises(RuleFileError) as err:
        parse_rules(text, "r.yaml", "p")
    assert str(err.value) == (
        "r.yaml:4: rule 'bomb': 'either': YAML aliases make 30,300 terms of the 400 written, "
        "more than 10 times as many (write each term once)"
    )


def test_an_alias_used_once_more_is_fine() -> None:
    text = (
        "rules:\n  - id: a\n    type: existence\n    tokens: &t [Kiev, Odessa]\n"
        "    exceptions: *t\n"
    )
    (rule,) = parse_rules(text, "r.yaml", "p")
    assert rule.tokens == ("Kiev", "Odessa")  # type: ignore[attr-defined]


TOKENS = (
    "colour",
    "Colour scheme",
    "Kiev",
    "NATO",
    "prime minister",
    "prime",
    "'tis",
    "e-mail",
    "u.s.",
    r"organi[sz]ation",
    "straße",
    "Киев",
    "москва",
)
DRAFTS = (
    "The Colour scheme and the colour of NATO's prime minister in Kiev.",
    "PRIME MINISTER\n\nThe prime\nminister said 'tis an e-mail from the U.S. organization.",
    "Nato, kiev and Colours: no match but colour-blind.",
    "Die STRASSE und die Straße, and a Prime Minister.",
    "Nothing to see here.",
    "В Киеве, Киев и КИЕВ; Москва and МОСКВА.",
)


@pytest.mark.parametrize("draft", DRAFTS)
def test_a_lexicon_finds_what_the_whole_word_list_finds(draft: str) -> None:
    flags = [token == token.lower() for token in TOKENS]
    whole = compile_wordlist(TOKENS, ignorecase=flags)
    lexicon = Lexicon(TOKENS, flags)
    expected = [(m.span(), whole.index(m)) for m in whole.finditer(draft)]
    assert [(m.span(), n) for m, n in lexicon.matches(draft)] == expected
    assert expected or draft.startswith(("Nothing", "Nato"))


def test_a_substitution_with_thousands_of_keys_is_matched_as_a_lexicon() -> None:
    swap = {f"wrongword{n}": f"rightword{n}" for n in range(LARGE)}
    swap.update({"Kiev": "Kyiv", "prime minister": "Prime Minister", r"organi[sz]ation": "body"})
    rule = Substitution(id="big", type="substitution", swap=swap, pack="p")
    assert isinstance(rule._pattern, Lexicon)
    text = "In Kiev the prime minister met an organisation about Wrongword7 and wrongword1999."
    found = lint_text(text, style=Style((rule,)))
    assert [(v.column, v.found, v.replacement) for v in found] == [
        (4, "Kiev", "Kyiv"),
        (13, "prime minister", "Prime Minister"),
        (35, "organisation", "body"),
        (54, "Wrongword7", "Rightword7"),
        (69, "wrongword1999", "rightword1999"),
    ]


def test_a_lexicon_of_phrases_that_start_with_common_words() -> None:
    words = ("the", "a", "in", "of")
    swap = {f"{words[n % 4]} wrongword{n}": f"rightword{n}" for n in range(LARGE)}
    rule = Substitution(id="big", type="substitution", swap=swap, pack="p")
    assert "the" not in rule._pattern.buckets  # filed under their rarest word
    text = "In the wrongword4 case, a\nwrongword5 and in wrongword6 but the wrongword7."
    found = lint_text(text, style=Style((rule,)))
    assert [(v.line, v.column, v.found, v.replacement) for v in found] == [
        (1, 4, "the wrongword4", "rightword4"),
        (1, 25, "a\nwrongword5", "rightword5"),
        (2, 16, "in wrongword6", "rightword6"),
    ]


def test_a_lexicon_still_finds_swaps_that_would_be_swapped_again() -> None:
    swap = {f"wrongword{n}": f"rightword{n}" for n in range(LARGE)}
    swap["rightword5"] = "otherword"
    with pytest.raises(ValueError, match="the replacement 'rightword5' of 'wrongword5' would"):
        Substitution(id="big", type="substitution", swap=swap, pack="p")


def _made(n: int) -> str:
    """A made-up word for ``n``, of letters only: ``zq`` and the digits as letters."""
    return "zq" + "".join("abcdefghij"[int(d)] for d in str(n))


@pytest.mark.parametrize("ignorecase", [False, True])
def test_an_existence_list_of_thousands_finds_what_the_whole_word_list_finds(
    ignorecase: bool,
) -> None:
    made = [_made(n) for n in range(LARGE)]
    tokens = (
        *made[::2],
        *TOKENS,
        *(f"the {w} plan" for w in made[1::4]),  # phrases that start with a common word
        *(f"{made[n].capitalize()}-{made[n + 3]}" for n in range(1, LARGE - 3, 4)),
        r"zq\w+ed",  # a pattern: compiled at load, tried on every draft
    )
    rule = Existence(id="big", type="existence", tokens=tokens, ignorecase=ignorecase, pack="p")
    assert isinstance(rule._pattern, Lexicon)
    assert f"A list of {LARGE:,} tokens or more" in (Existence.__doc__ or "")  # as documented
    whole = compile_wordlist(tokens, ignorecase=ignorecase)
    drafts = (
        *DRAFTS,
        f"The {made[0]} and {made[2].upper()} met {made[4].capitalize()}, not {made[3]}.",
        f"In the {made[1]}\nplan, the {made[5]} plan and THE {made[9].upper()} PLAN were cut.",
        f"{made[1].capitalize()}-{made[4]} and {made[5].capitalize()}-{made[8]}: zqbusted.",
        " ".join(made[: LARGE // 4]) + ".",
    )
    found = []
    for draft in drafts:
        doc = parse(draft, "text", "d.txt")
        expected = [m.span() for m in whole.finditer(doc.view)]
        assert [(f.start, f.end) for f in rule.check(doc)] == expected, draft
        found.append([draft[start:end] for start, end in expected])
    assert found[-4:-1] == [
        ["zqa", "ZQC", "Zqe"] if ignorecase else ["zqa"],
        ["the zqb\nplan", "the zqf plan", *(["THE ZQJ PLAN"] if ignorecase else [])],
        ["Zqb-zqe", "Zqf-zqi", "zqbusted"],
    ]
    assert set(made[: LARGE // 4 : 2]) <= set(found[-1])  # every word listed, each found


# --- suppressions in linear time -------------------------------------------------------------


def _one_by_one(suppressions: Suppressions, violations: list[Violation]) -> list[Violation]:
    """The rule as documented, violation by violation: the last directive before it that
    names its rule, its pack or every rule decides."""
    kept = []
    for v in violations:
        if any(d.covers(v.rule) for d in suppressions.whole_file):
            continue
        if any(d.covers(v.rule) for d in suppressions.next_line.get(v.line, ())):
            continue
        before = [d for at, d in suppressions.events if at <= v.start and d.covers(v.rule)]
        if before and before[-1].kind == "disable":
            continue
        kept.append(v)
    return kept


def test_hundreds_of_directives_suppress_as_one_by_one_would() -> None:
    kinds = ["disable core.doubled-word", "enable", "disable core", "enable core.doubled-word"]
    blocks = []
    for n in range(500):
        blocks.append(f"<!-- newslint-{kinds[n % 4] if n % 7 else 'disable'} -->")
        blocks.append(f"The the story {n} has  two spaces.")
        if n % 5 == 0:
            blocks.append("<!-- newslint-disable-next-line core.multiple-spaces -->")
    text = "\n\n".join(blocks) + "\n"
    doc = parse(text, "markdown", "many.md")
    style = Style(tuple(load_pack(rulefile.resolve_pack("core"))))
    from newslint.engine import check_rule

    violations = [v for rule in style.rules for v in check_rule(doc, rule)]
    suppressions, _ = read_suppressions(doc)
    kept = suppressions.unsuppressed(violations)
    assert kept == _one_by_one(suppressions, violations)
    rules = {v.rule for v in kept}
    assert rules == {"core.doubled-word", "core.multiple-spaces"}
    assert 0 < len(kept) < len(violations)
