"""The command-line habits: news packs bring core, comma lists, the clean-run summary, -o,
``newslint init``, shell completion, --help, and where a bad severity is reported."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run
from newslint import load_style
from newslint.cli.completion import script
from newslint.config import TOP_KEYS, read_config
from newslint.rulefile import builtin_root, load_pack

CORE = sorted(r.name for r in load_pack(builtin_root() / "core"))
DIRTY = "Bridge opens\n\nThe the bridge opened on Monday.\n"
CLEAN = "Bridge opens\n\nThe bridge opened on Monday.\n"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- news packs bring core -------------------------------------------------------------------


@pytest.mark.parametrize("pack", ["uk-news", "us-news"])
def test_a_news_pack_brings_core(work: Path, capsys: pytest.CaptureFixture[str], pack: str) -> None:
    status, out, _ = run(capsys, "rules", "--style", pack)
    names = [line.split()[0] for line in out.splitlines()]
    assert status == 0
    assert [n for n in names if n.startswith("core.")] == CORE
    assert f"{pack}.person-reference" in names
    assert [r.name for r in load_style([pack]).rules][: len(CORE)] == [
        r.name for r in load_pack(builtin_root() / "core")
    ]
    Path("a.txt").write_text(DIRTY, encoding="utf-8")
    status, out, _ = run(capsys, "--isolated", "--style", pack, "a.txt")
    assert (status, out) == (1, "a.txt:3:1: error core.doubled-word 'the' is repeated\n")


def test_extends_a_news_pack_brings_core_unless_disabled(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("a.txt").write_text(DIRTY, encoding="utf-8")
    Path("newslint.yaml").write_text("extends: [uk-news]\n", encoding="utf-8")
    status, out, _ = run(capsys, "a.txt")
    assert (status, out) == (1, "a.txt:3:1: error core.doubled-word 'the' is repeated\n")
    status, out, _ = run(capsys, "config", "a.txt")
    assert "packs:\n- core\n- uk-news\n" in out
    Path("newslint.yaml").write_text("extends: [uk-news]\ndisable: [core]\n", encoding="utf-8")
    assert run(capsys, "a.txt")[:2] == (0, "")
    status, out, _ = run(capsys, "rules")
    assert not [line for line in out.splitlines() if line.startswith("core.")]
    assert run(capsys, "--isolated", "--style", "uk-news", "--ignore", "core", "a.txt")[:2] == (
        0,
        "",
    )


def test_a_folder_named_like_a_news_pack_does_not_bring_core(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "uk-news").mkdir()
    (work / "uk-news" / "r.yaml").write_text(
        "rules:\n  - id: x\n    type: existence\n    tokens: [zebra]\n", encoding="utf-8"
    )
    _, out, _ = run(capsys, "rules", "--isolated", "--style", "./uk-news")
    assert [line.split()[0] for line in out.splitlines()] == ["uk-news.x"]


def test_comma_lists_of_packs_and_rules(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "rules", "--isolated", "--style", "core,us-news", "--format", "json"
    )
    names = [row["rule"] for row in json.loads(out)]
    assert status == 0 and "us-news.person-reference" in names and "core.doubled-word" in names
    status, out, _ = run(
        capsys,
        "rules",
        "--isolated",
        "--style",
        "core, uk-news",
        "--select",
        "core.doubled-word,uk-news.percent",
    )
    assert [line.split()[0] for line in out.splitlines()] == [
        "core.doubled-word",
        "uk-news.percent",
    ]
    Path("newslint.yaml").write_text(
        "extends: core, us-news\ndisable: core.doubled-word, us-news.percent\n", encoding="utf-8"
    )
    _, out, _ = run(capsys, "rules")
    names = [line.split()[0] for line in out.splitlines()]
    assert "us-news.person-reference" in names and "core.missing-space" in names
    assert "core.doubled-word" not in names and "us-news.percent" not in names
    status, _, err = run(capsys, "rules", "--style", "core,uk-newz")
    assert status == 2
    assert err.startswith("newslint: no built-in pack or folder named 'uk-newz' (did you mean")


# --- the clean-run summary and -o ------------------------------------------------------------


def test_a_clean_run_says_so(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.txt", "b.md"):
        Path(name).write_text(CLEAN, encoding="utf-8")
    assert run(capsys, "--isolated", ".") == (0, "", "No violations in 2 files.\n")
    assert run(capsys, "--isolated", "--format", "full", "a.txt") == (
        0,
        "",
        "No violations in 1 file.\n",
    )
    assert run(capsys, "--isolated", "--format", "json", "a.txt") == (0, "[]\n", "")


@pytest.mark.parametrize("option", ["-o", "--output-file"])
def test_output_file_gets_the_report_and_the_status_is_unchanged(
    work: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    Path("a.txt").write_text(DIRTY, encoding="utf-8")
    Path("report.json").write_text("old report", encoding="utf-8")
    status, out, err = run(capsys, "--isolated", "--format", "json", option, "report.json", "a.txt")
    assert (status, out, err) == (1, "", "")
    [violation] = json.loads(Path("report.json").read_text(encoding="utf-8"))
    assert (violation["rule"], violation["line"], violation["column"]) == (
        "core.doubled-word",
        3,
        1,
    )
    status, out, err = run(capsys, "--isolated", option, "out/report.txt", "a.txt")
    assert (status, out) == (2, "")
    assert err.startswith("newslint: out/report.txt: cannot write the report: ")
    status, out, err = run(capsys, "--isolated", option, "report.txt", "a.txt")
    assert (status, out) == (1, "")
    assert err == "Found 1 violation (1 error) in 1 file.\n"
    assert Path("report.txt").read_text(encoding="utf-8") == (
        "a.txt:3:1: error core.doubled-word 'the' is repeated\n"
    )
    assert sorted(p.name for p in work.iterdir()) == ["a.txt", "report.json", "report.txt"]


# --- newslint init ---------------------------------------------------------------------------


def _uncommented(text: str) -> str:
    """The template with every key example taken out of its comment."""
    import re

    keep = re.compile(r"^# ([a-z][a-z-]*:.*|  \S.*|    \S.*)$")
    return "\n".join(m.group(1) if (m := keep.match(line)) else line for line in text.splitlines())


def test_init_writes_a_commented_config_and_prints_the_pre_commit_entry(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "init", "--style", "uk-news")
    assert (status, err) == (0, "")
    assert out.startswith("Wrote newslint.yaml (extends: uk-news).")
    assert "      - id: newslint " in out and "repos:\n  - repo: " in out
    text = Path("newslint.yaml").read_text(encoding="utf-8")
    config = read_config("newslint.yaml")
    assert config.settings.extends == ("uk-news",)
    assert (config.settings.disable, config.settings.severity) == ((), {})
    for key in TOP_KEYS:
        assert f"# {key}:" in text or f"\n{key}:" in text, key
    # Every example, uncommented, is a valid config that names real rules.
    Path("newslint.yaml").write_text(_uncommented(text), encoding="utf-8")
    (work / "house").mkdir()
    (work / "house" / "r.yaml").write_text(
        "rules:\n  - refines: uk-news.person-reference\n"
        "    people: [{name: Jane Hollis, honorific: Ms}]\n",
        encoding="utf-8",
    )
    full = read_config("newslint.yaml")
    assert full.settings.severity == {"uk-news": "warning", "uk-news.person-reference": "error"}
    assert full.settings.disable == ("core.long-sentence",)
    assert full.overrides[0].files == ("opinion/**",)
    Path("a.txt").write_text(DIRTY, encoding="utf-8")
    assert run(capsys, "a.txt")[:2] == (1, "a.txt:3:1: error core.doubled-word 'the' is repeated\n")


def test_init_never_overwrites(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("newslint.yaml").write_text("extends: [us-news]\n", encoding="utf-8")
    status, out, err = run(capsys, "init")
    assert (status, out) == (2, "")
    assert err == "newslint: newslint.yaml: a config is already there; not overwritten\n"
    assert Path("newslint.yaml").read_text(encoding="utf-8") == "extends: [us-news]\n"
    Path("newslint.yaml").unlink()
    Path(".newslint.yaml").write_text("extends: [core]\n", encoding="utf-8")
    assert run(capsys, "init")[0] == 2
    assert not Path("newslint.yaml").exists()
    assert run(capsys, "init", "--style", "uk-newz", "sub")[0] == 2
    (work / "sub").mkdir()
    status, _, err = run(capsys, "init", "--style", "uk-newz", "sub")
    assert status == 2 and "no built-in pack or folder named 'uk-newz'" in err
    assert not (work / "sub" / "newslint.yaml").exists()
    status, out, _ = run(capsys, "init", "sub")
    assert status == 0 and read_config("sub/newslint.yaml").settings.extends == ("core",)


# --- completion and --help -------------------------------------------------------------------


def _bash_complete(words: list[str], cwd: Path | None = None) -> list[str]:
    source = script("bash")
    quoted = " ".join(f"'{w}'" for w in words)
    program = (
        f"{source}\nCOMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
        'COMPREPLY=(); _newslint; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(
        ["bash", "-c", program], capture_output=True, text=True, check=True, cwd=cwd
    )
    return [line for line in done.stdout.splitlines() if line]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_subcommands_options_packs_and_rule_ids(tmp_path: Path) -> None:
    assert _bash_complete(["newslint", ""]) == [
        "rules",
        "explain",
        "config",
        "test",
        "init",
        "completion",
        "suggest",
        "server",
    ]
    assert _bash_complete(["newslint", "--out"]) == ["--output-file"]
    (tmp_path / "ukhouse").mkdir()
    assert _bash_complete(["newslint", "--style", "u"], tmp_path) == [
        "uk-news",
        "us-news",
        "ukhouse",
    ]
    assert _bash_complete(["newslint", "explain", "core.doub"]) == ["core.doubled-word"]
    assert _bash_complete(["newslint", "--ignore", "uk-news.pers"]) == ["uk-news.person-reference"]
    assert _bash_complete(["newslint", "rules", "--format", ""]) == ["text", "json"]
    assert _bash_complete(["newslint", "completion", "z"]) == ["zsh"]
    assert _bash_complete(["newslint", "init", "--"]) == ["--help", "--style"]


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_subcommands_options_packs_and_rule_ids(tmp_path: Path) -> None:
    path = tmp_path / "newslint.fish"
    path.write_text(script("fish"), encoding="utf-8")

    def complete(line: str) -> list[str]:
        done = subprocess.run(
            ["fish", "--no-config", "-c", f"source {path}; complete -C '{line}'"],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,
        )
        return [row.split("\t")[0] for row in done.stdout.splitlines()]

    assert complete("newslint expl") == ["explain"]
    assert complete("newslint --style u") == ["uk-news", "us-news"]
    assert complete("newslint explain core.doub") == ["core.doubled-word"]
    assert complete("newslint rules --form") == ["--format"]
    assert complete("newslint a.md --outp") == ["--output-file"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_script_is_valid_and_names_every_subcommand(tmp_path: Path) -> None:
    text = script("zsh")
    path = tmp_path / "_newslint"
    path.write_text(text, encoding="utf-8")
    subprocess.run(["zsh", "-n", str(path)], check=True)
    assert text.startswith("#compdef newslint\n")
    for name in ("rules", "explain", "config", "init", "completion"):
        assert f"        '{name}:" in text
    assert "packs=(core uk-news us-news)" in text
    assert "'1:rules:_newslint_rule'" in text  # explain RULE: one rule, not a comma list
    assert "'(-o --output-file)'{-o,--output-file}'[write the report to FILE" in text


def test_completion_with_an_unknown_shell_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "completion", "tcsh")
    assert stopped.value.code == 2
    assert "newslint: argument shell: invalid choice: 'tcsh'" in capsys.readouterr().err


def test_help_lists_the_subcommands_and_explains_select_and_ignore(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "--help")
    out = " ".join(capsys.readouterr().out.split())
    for name in ("rules", "explain RULE", "config [PATH]", "init [--style PACK]", "completion"):
        assert f"newslint {name.split()[0]}" in out
    assert "--select RULE_OR_PACK keep only these rules, by full id" in out
    assert "--ignore RULE_OR_PACK drop these rules, by full id or pack" in out
    assert "-o FILE, --output-file FILE write the report to FILE" in out


# --- a bad severity is reported at its own line ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        (
            "newslint.yaml",
            "extends: [core]\nseverity:\n  core: warning\n  core.doubled-word: loud\n",
            "newslint.yaml:4",
        ),
        (
            "newslint.yaml",
            "overrides:\n  - files: 'a/**'\n    severity:\n\n      core: Error\n",
            "newslint.yaml:5",
        ),
        (
            "pyproject.toml",
            '[tool.newslint]\nextends = ["core"]\n\n[tool.newslint.severity]\ncore = "warning"\n'
            '"core.doubled-word" = "loud"\n',
            "pyproject.toml:6",
        ),
    ],
)
def test_a_bad_severity_is_reported_at_its_own_line(
    work: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, where: str
) -> None:
    Path(name).write_text(text, encoding="utf-8")
    Path("a.txt").write_text(CLEAN, encoding="utf-8")
    status, out, err = run(capsys, "a.txt")
    assert (status, out) == (2, "")
    assert err.startswith(f"newslint: {where}: invalid config: 'severity': '")
    assert "must be one of: error, warning, suggestion; got '" in err
