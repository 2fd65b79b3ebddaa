"""Project configuration: where it is found, what each key does, and how bad config is reported."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from newslint import cli, project
from newslint.config import read_config
from newslint.globs import matches
from newslint.project import Choices, Project

CITY = """\
rules:
  - id: kyiv
    type: substitution
    severity: error
    swap: {Kiev: Kyiv}
    examples: {fail: ["In Kiev."], pass: ["In Kyiv."]}
  - id: odesa
    type: substitution
    severity: error
    swap: {Odessa: Odesa}
    examples: {fail: ["In Odessa."], pass: ["In Odesa."]}
"""
PLAIN = """\
rules:
  - id: utilise
    type: substitution
    severity: warning
    swap: {utilise: use}
    examples: {fail: ["We utilise it."], pass: ["We use it."]}
"""
DRAFT = "Talks resume\n\nIn Kiev and Odessa we utilise the port.\n"


def tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom folder with two packs of its own; the working folder for the test."""
    tree(tmp_path, {"packs/city/rules.yaml": CITY, "packs/plain/rules.yaml": PLAIN})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def config_path(p: Project, path: str) -> str | None:
    config = p.config_for(path)
    return config.path if config else None


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = cli.main(args)
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_found_walking_up_and_the_nearest_wins(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(
        desk,
        {
            "newslint.yaml": "extends: [packs/city]\n",
            "news/world/a.txt": DRAFT,
            "features/.newslint.yaml": "extends: [../packs/plain]\n",
            "features/deep/b.txt": DRAFT,
        },
    )
    code, out, _ = run(["news", "features"], capsys)
    assert code == 1
    assert out == [
        "features/deep/b.txt:3:23: warning plain.utilise Use 'use' rather than 'utilise'",
        "news/world/a.txt:3:4: error city.kyiv Use 'Kyiv' rather than 'Kiev'",
        "news/world/a.txt:3:13: error city.odesa Use 'Odesa' rather than 'Odessa'",
    ]
    p = Project()
    assert config_path(p, "news/world/a.txt") == "newslint.yaml"
    assert config_path(p, "features/deep/b.txt") == "features/.newslint.yaml"


def test_file_names_in_order_and_pyproject(desk: Path) -> None:
    tree(
        desk,
        {
            "a/newslint.yaml": "extends: [core]\n",
            "a/.newslint.yaml": "extends: [core]\n",
            "b/pyproject.toml": "[project]\nname = 'x'\n",  # no [tool.newslint]: walk on
            "b/c/pyproject.toml": "[tool.newslint]\nextends = ['../../packs/city']\n",
        },
    )
    p = Project()
    assert config_path(p, "a/x.md") == "a/newslint.yaml"
    assert p.config_for("b/x.md") is None
    profile = p.profile("b/c/d/x.md")
    assert profile.config is not None and profile.config.path == "b/c/pyproject.toml"
    assert [r.name for r in profile.style.rules] == ["city.kyiv", "city.odesa"]


def test_config_and_isolated_flags(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(
        desk,
        {
            "newslint.yaml": "extends: [packs/city]\n",
            "other.yaml": "extends: [packs/plain]\n",
            "a.txt": DRAFT,
        },
    )
    assert run(["a.txt"], capsys)[1] == [
        "a.txt:3:4: error city.kyiv Use 'Kyiv' rather than 'Kiev'",
        "a.txt:3:13: error city.odesa Use 'Odesa' rather than 'Odessa'",
    ]
    assert run(["--config", "other.yaml", "a.txt"], capsys)[1] == [
        "a.txt:3:23: warning plain.utilise Use 'use' rather than 'utilise'"
    ]
    code, out, _ = run(["--isolated", "--style", "packs/plain", "a.txt"], capsys)
    assert (code, out) == (0, ["a.txt:3:23: warning plain.utilise Use 'use' rather than 'utilise'"])
    code, _, err = run(["--config", "missing.yaml", "a.txt"], capsys)
    assert (code, err) == (2, "newslint: missing.yaml: invalid config: no such config file\n")


def test_extends_rules_severity_disable_accept(desk: Path) -> None:
    tree(
        desk,
        {
            # A folder called core replaces the built-in core's rule of the same id.
            "house/core/spacing.yaml": """\
                rules:
                  - id: doubled-word
                    type: existence
                    tokens: [utilise]
                    examples: {fail: ["utilise"], pass: ["use"]}
            """,
            "desk/newslint.yaml": """\
                extends: [core, ../packs/city, ../packs/plain]
                rules: [../house/core]
                severity: {city: warning, city.odesa: suggestion, core.doubled-word: error}
                disable: [core.long-sentence]
                accept: [Odessa]
            """,
        },
    )
    p = Project()
    profile = p.profile("desk/a.txt")
    style = profile.style
    assert profile.packs == ("core", "city", "plain")
    assert "core.long-sentence" not in [r.name for r in style.rules]
    assert [(r.name, r.severity) for r in style.rules if r.pack == "city"] == [
        ("city.kyiv", "warning"),
        ("city.odesa", "suggestion"),
    ]
    doubled = style.get("core.doubled-word")
    assert doubled is not None and doubled.type == "existence" and doubled.severity == "error"
    assert doubled.source.endswith("house/core/spacing.yaml:2")
    assert style.accept == frozenset({"Odessa"})
    # Loaded rules are never changed: the severities live on new rule objects.
    city = [r for folder, rules in p._packs.items() if folder.name == "city" for r in rules]
    assert [r.severity for r in city] == ["error", "error"]
    from newslint import lint_text

    found = lint_text("Head\n\nKiev, Odessa; we utilise it.\n", style=style, path="a.txt")
    assert [(v.column, v.rule, v.severity) for v in found] == [
        (1, "city.kyiv", "warning"),
        (18, "core.doubled-word", "error"),
        (18, "plain.utilise", "warning"),
    ]


def test_default_extends_is_core_and_empty_is_nothing(desk: Path) -> None:
    tree(desk, {"a/newslint.yaml": "rules: [../packs/city]\n", "b/newslint.yaml": "extends: []\n"})
    p = Project()
    assert p.profile("a/x.txt").packs == ("core", "city")
    assert p.profile("b/x.txt").style.rules == ()


def test_overrides_by_glob(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(
        desk,
        {
            "newslint.yaml": """\
                extends: [packs/city]
                fail-on: warning
                overrides:
                  - files: "opinion/**"
                    disable: [city.kyiv]
                  - files: ["wire/*.txt", "**/agency"]
                    extends: [packs/plain]
                    severity: {city: suggestion}
                    fail-on: error
            """,
            "news/a.txt": DRAFT,
            "opinion/2024/b.txt": DRAFT,
            "wire/c.txt": DRAFT,
            "news/agency/d.txt": DRAFT,
        },
    )
    code, out, _ = run(["."], capsys)
    assert out == [
        "news/a.txt:3:4: error city.kyiv Use 'Kyiv' rather than 'Kiev'",
        "news/a.txt:3:13: error city.odesa Use 'Odesa' rather than 'Odessa'",
        "news/agency/d.txt:3:4: suggestion city.kyiv Use 'Kyiv' rather than 'Kiev'",
        "news/agency/d.txt:3:13: suggestion city.odesa Use 'Odesa' rather than 'Odessa'",
        "news/agency/d.txt:3:23: warning plain.utilise Use 'use' rather than 'utilise'",
        "opinion/2024/b.txt:3:13: error city.odesa Use 'Odesa' rather than 'Odessa'",
        "wire/c.txt:3:4: suggestion city.kyiv Use 'Kyiv' rather than 'Kiev'",
        "wire/c.txt:3:13: suggestion city.odesa Use 'Odesa' rather than 'Odessa'",
        "wire/c.txt:3:23: warning plain.utilise Use 'use' rather than 'utilise'",
    ]
    assert code == 1
    # Wire copy fails only on errors: its warning does not fail the run.
    assert run(["wire"], capsys)[0] == 0
    # The command line beats the blocks' fail-on.
    assert run(["--fail-on", "warning", "wire"], capsys)[0] == 1


def test_stdin_uses_the_working_folder_and_its_name(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    tree(
        desk,
        {
            "newslint.yaml": """\
                extends: [packs/city]
                overrides: [{files: "opinion/*", disable: [city]}]
            """
        },
    )

    class Stdin:
        buffer = io.BytesIO(DRAFT.encode())

    monkeypatch.setattr("sys.stdin", Stdin)
    code, out, _ = run(["-"], capsys)
    assert (code, len(out)) == (1, 2)
    monkeypatch.setattr(Stdin, "buffer", io.BytesIO(DRAFT.encode()))
    assert run(["--stdin-filename", "opinion/x.txt", "-"], capsys)[:2] == (0, [])


def test_files_include_exclude_and_force_exclude(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(
        desk,
        {
            "newslint.yaml": """\
                extends: [packs/city]
                files:
                  include: ["*.md", "notes/*.txt"]
                  exclude: [archive, "**/draft-*"]
            """,
            "a.md": "x",
            "b.txt": "x",
            "notes/c.txt": "x",
            "notes/draft-d.txt": "x",
            "archive/e.md": DRAFT,
            "sub/f.md": "x",
        },
    )
    p = Project()
    assert list(p.drafts(["."])) == ["a.md", "notes/c.txt", "sub/f.md"]
    # Named files are linted whatever the globs say, unless --force-exclude.
    assert list(p.drafts(["b.txt", "archive/e.md"])) == ["archive/e.md", "b.txt"]
    assert list(p.drafts(["b.txt", "archive/e.md"], force_exclude=True)) == ["b.txt"]
    assert run(["archive/e.md"], capsys)[0] == 1
    assert run(["--force-exclude", "archive/e.md"], capsys)[:2] == (0, [])


def test_globs() -> None:
    assert matches(["*.md"], "a/b/c.md")
    assert not matches(["*.md"], "a/b/c.txt")
    assert matches(["opinion/**"], "opinion/2024/x.md")
    assert not matches(["opinion/**"], "news/opinion/x.md")
    assert matches(["**/opinion/*.md"], "news/opinion/x.md")
    assert matches(["archive/"], "archive/2020/x.md")
    assert matches(["news/x[0-9].md"], "news/x1.md")
    assert not matches(["news/x[!0-9].md"], "news/x1.md")
    assert not matches(["news/*.md"], "../news/x.md")


def test_packs_load_once_for_many_drafts(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(
        desk,
        {
            "newslint.yaml": """\
                extends: [packs/city, packs/plain]
                overrides: [{files: "b/**", severity: {city: warning}}]
            """,
        },
    )
    for i in range(200):
        tree(desk, {f"{'ab'[i % 2]}/{i}.txt": "x"})
    loads: list[str] = []
    real = project.load_pack

    def counting(folder: Path, name: str | None = None) -> object:
        loads.append(folder.name)
        return real(folder, name)

    monkeypatch.setattr(project, "load_pack", counting)
    p = Project()
    styles = {id(p.profile(path).style) for path in p.drafts(["."])}
    assert sorted(loads) == ["city", "plain"]
    assert len(styles) == 2


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "extends: [core]\ndisabel: [core.long-sentence]\n",
            "newslint.yaml:2: invalid config: unknown key 'disabel' (did you mean 'disable'?)",
        ),
        (
            "severity:\n  core: loud\n",
            "newslint.yaml:2: invalid config: 'severity': 'core' must be one of: error, "
            "warning, suggestion; got 'loud'",
        ),
        (
            "fail-on: [error]\n",
            "newslint.yaml:1: invalid config: 'fail-on' must be one of: error, warning, "
            "suggestion, never; got ['error']",
        ),
        ("extends: [core\n", "newslint.yaml:2: invalid config: invalid YAML: "),
        (
            "extends: [core, uk-newz]\n",
            "newslint.yaml:1: invalid config: 'extends': no built-in pack or folder named "
            "'uk-newz'",
        ),
        (
            "\ndisable: [core.long-sentense]\n",
            "newslint.yaml:2: invalid config: 'disable': unknown rule or pack "
            "'core.long-sentense' (did you mean 'core.long-sentence'?)",
        ),
        (
            "rules: [nowhere]\n",
            "newslint.yaml:1: invalid config: 'rules': no such folder of rules: 'nowhere'",
        ),
        (
            "files:\n  include: ['*.md']\n  exlude: [x]\n",
            "newslint.yaml:3: invalid config: unknown key 'exlude' in 'files' (did you mean "
            "'exclude'?)",
        ),
        (
            "overrides:\n  - files: x\n    disable: [core]\n  - severity: {core: error}\n",
            "newslint.yaml:4: invalid config: each block of 'overrides' needs 'files'",
        ),
        (
            "overrides:\n  - files: x\n    fail_on: error\n",
            "newslint.yaml:3: invalid config: unknown key 'fail_on' in 'overrides' (did you "
            "mean 'fail-on'?)",
        ),
        ("- core\n", "newslint.yaml:1: invalid config: the config must be a mapping of keys"),
    ],
)
def test_invalid_config_names_file_and_line(
    desk: Path, capsys: pytest.CaptureFixture[str], text: str, error: str
) -> None:
    tree(desk, {"newslint.yaml": text, "a.txt": DRAFT})
    code, out, err = run(["a.txt"], capsys)
    assert code == 2
    assert out == []
    assert err.startswith("newslint: " + error), err


def test_invalid_pyproject_names_the_line(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(
        desk,
        {
            "pyproject.toml": """\
                [project]
                name = "desk"

                [tool.newslint]
                extends = ["core"]
                accept = "Odessa"

                [[tool.newslint.overrides]]
                files = "x/**"

                [[tool.newslint.overrides]]
                files = "y/**"
                disabled = ["core"]
            """,
            "a.txt": DRAFT,
        },
    )
    code, _, err = run(["a.txt"], capsys)
    assert code == 2
    assert err == (
        "newslint: pyproject.toml:13: invalid config: unknown key 'disabled' in 'overrides' "
        "(did you mean 'disable'?)\n"
    )
    (desk / "pyproject.toml").write_text(
        (desk / "pyproject.toml").read_text().replace("disabled", "disable"), encoding="utf-8"
    )
    config = read_config("pyproject.toml")
    assert config.settings.accept == ("Odessa",)
    assert [block.files for block in config.overrides] == [("x/**",), ("y/**",)]
    assert config.overrides[1].lines == {"files": 12, "disable": 13}
    (desk / "pyproject.toml").write_text("[tool.newslint]\nextends = [core\n", encoding="utf-8")
    code, _, err = run(["a.txt"], capsys)
    assert code == 2 and err.startswith("newslint: pyproject.toml:2: invalid config: invalid TOML")


def test_config_command_prints_the_effective_configuration(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(
        desk,
        {
            "newslint.yaml": """\
                extends: [packs/city, packs/plain]
                severity: {plain: suggestion}
                accept: [Odessa]
                overrides: [{files: "opinion/**", disable: [city.odesa], fail-on: warning}]
            """,
        },
    )
    code, out, _ = run(["config", "opinion/a.md"], capsys)
    assert code == 0
    assert yaml.safe_load("\n".join(out)) == {
        "path": "opinion/a.md",
        "config": "newslint.yaml",
        "overrides": ["opinion/**"],
        "packs": ["city", "plain"],
        "disabled": ["city.odesa"],
        "fail-on": "warning",
        "accept": ["Odessa"],
        "rules": {"city.kyiv": "error", "plain.utilise": "suggestion"},
        "from": {
            "city.kyiv": "packs/city/rules.yaml:2",
            "plain.utilise": "packs/plain/rules.yaml:2",
        },
    }
    code, out, _ = run(["config", "--isolated", "--fail-on", "never", "x.md"], capsys)
    shown = yaml.safe_load("\n".join(out))
    assert (shown["config"], shown["packs"], shown["fail-on"]) == (None, ["core"], "never")


def test_command_line_select_and_ignore_beat_config(desk: Path) -> None:
    tree(desk, {"newslint.yaml": "extends: [packs/city, packs/plain]\ndisable: [city.odesa]\n"})
    p = Project(choices=Choices(ignore=("city.odesa", "plain")))
    assert [r.name for r in p.profile("a.txt").style.rules] == ["city.kyiv"]
    p = Project(choices=Choices(select=("city",), style=("packs/city",)))
    assert [r.name for r in p.profile("a.txt").style.rules] == ["city.kyiv"]
