"""``newslint suggest``: families counted in an archive, the house choices proposed, and the
pack written from them, on an archive of drafts written for these tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import run
from newslint import lint_text, load_style
from newslint.archive.executors import LocalMapper
from newslint.archive.families import name_key, name_keys
from newslint.archive.progress import wanted
from newslint.examples import check_example

DRAFT = """Harbour plan wins support in vote {n}

Councillors in Wexbridge backed the harbour plan on {date}, and the vote was close.

The mayor, Alma Ferrow, said the {email} from residents had changed minds. Ms Ferrow said \
the plan would cost {percent} more than the estimate, and the council closed {two} libraries \
to pay for it. Work will start {towards} the end of the year.

"We have listened," said Ms Ferrow, who met President {name} and {organised} a meeting with \
{nato} officials. {later} said the port would reopen - a rare step.
"""

HOUSE = {
    "date": "13 February",
    "email": "e-mail",
    "percent": "4%",
    "two": "two",
    "towards": "towards",
    "name": "Zelensky",
    "organised": "organised",
    "nato": "Nato",
    "later": "Ms Ferrow",
}
# The one draft in ten that writes each the other way.
OTHER = {
    "date": "February 13",
    "email": "email",
    "percent": "4 per cent",
    "two": "2",
    "towards": "toward",
    "name": "Zelenskyy",
    "organised": "organized",
    "nato": "NATO",
    "later": "Ferrow",
}


def write_archive(folder: Path, drafts: int = 10) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(drafts):
        forms = OTHER if n % 10 == 9 else HOUSE  # one draft in ten is the other house's
        text = DRAFT.format(n=n + 1, **forms)  # each draft its own: copies count once
        (folder / f"story-{n:03}.txt").write_text(text, encoding="utf-8")
    return folder


def suggest_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    status, out, err = run(capsys, "suggest", "--isolated", "--format", "json", *argv)
    assert status == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def families(data: dict[str, object]) -> dict[str, dict[str, object]]:
    return {f["family"]: f for f in data["families"]}  # type: ignore[attr-defined,index]


def test_name_key_groups_transliterations() -> None:
    assert name_key("Zelensky") == name_key("Zelenskyy") == name_key("Zelenskiy")
    assert name_key("Gaddafi") == name_key("Qaddafi") == name_key("Gadhafi")
    assert name_key("Hezbollah") == name_key("Hizbollah")
    assert name_key("Ferrow") != name_key("Farley")


def test_name_key_spells_out_each_step() -> None:
    assert name_key("Zelenskyy") == "zalanska"  # doubled letter, -y as -i, each vowel a
    assert name_key("Gaddafi") == "kadafa"  # a leading g, doubled d
    assert name_key("Khalid") == "halad"  # kh/h
    assert name_key("Al-Qaida") == "alkada"  # the hyphen, q/k
    assert name_key("Ōoka") == "aka"  # the accent, one run of vowels
    assert name_key("Tigray") == "tagra"  # a g inside the word stays


def test_name_keys_of_many_words_are_each_word_alone() -> None:
    # One pass over all the words: nothing runs from one word into the next (an ending, a
    # doubled letter, a leading g), an empty word included.
    words = ["Gray", "y", "Ggy", "", "Yusuf", "Ōoka", "Gaddafi", "Ahhy", "", "Zelenskiy", "g"]
    assert name_keys(words) == [name_key(w) for w in words]
    assert name_keys(words)[:4] == ["kra", "a", "kga", ""]
    assert name_keys([]) == []


def test_suggest_proposes_the_house_choices_with_their_shares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_archive(tmp_path / "archive")
    data = suggest_json(capsys, str(archive))
    found = families(data)
    expected = {
        "Zelensky": ("Zelensky", "name-spelling"),
        "email": ("e-mail", "compounds"),
        "Nato": ("Nato", "acronym-case"),
        "date format": ("13 February", "date-format"),
        "per cent, percent or %": ("%", "percent"),
        "towards/toward": ("towards", "directions"),
        "one to nine": ("five people", "small-numbers"),
        "courtesy titles at later reference": ("Mr Blair", "person-reference"),
        "dashes": ("spaced hyphen", "dashes"),
        "quotation marks": ("straight", "quotation-marks"),
    }
    for label, (form, rule) in expected.items():
        family = found[label]
        assert family["forms"][0]["form"] == form, label  # type: ignore[index]
        assert family["status"] == "proposed", label
        assert family["rule"] == rule
    assert found["Zelensky"]["share"] == 0.9
    assert [f["count"] for f in found["Zelensky"]["forms"]] == [9, 1]  # type: ignore[index]
    # Evidence: each form's places, as file:line.
    places = found["Zelensky"]["forms"][1]["places"]  # type: ignore[index]
    assert places == [f"{archive}/story-009.txt:7"]
    assert data["drafts"] == 10


def test_the_pack_loads_its_examples_check_and_it_reports_only_the_minority(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_archive(tmp_path / "archive")
    pack = tmp_path / "house"
    suggest_json(capsys, str(archive), "--output", str(pack))
    text = (pack / "conventions.yaml").read_text(encoding="utf-8")
    assert "# date format: 13 February 9, February 13 1 (90.0% of 10)" in text
    style = load_style([str(pack)])
    names = {r.name for r in style.rules}
    assert {"house.name-spelling", "house.compounds", "house.date-format"} <= names
    for rule in style.rules:
        assert rule.examples.fail and rule.examples.pass_, rule.name
        for example in rule.examples.fail:
            assert check_example(rule, example), (rule.name, example)
        for example in rule.examples.pass_:
            assert not check_example(rule, example), (rule.name, example)
    house = (archive / "story-000.txt").read_text(encoding="utf-8")
    assert lint_text(house, style=style) == []
    other = (archive / "story-009.txt").read_text(encoding="utf-8")
    found = sorted((v.rule.split(".")[1], v.found) for v in lint_text(other, style=style))
    assert found == [
        ("acronym-case", "NATO"),
        ("compounds", "email"),
        ("date-format", "February 13"),
        ("directions", "toward"),
        ("ise-spelling", "organized"),
        ("name-spelling", "Zelenskyy"),
        ("percent", "4 per cent"),
        ("person-reference", "Ferrow"),
        ("small-numbers", "2"),
    ]


def test_the_same_archive_gives_the_same_pack_whatever_the_jobs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.archive import collect

    monkeypatch.setattr(collect, "RUN", 4)  # several runs of drafts, merged in order
    archive = write_archive(tmp_path / "archive", drafts=30)
    one = suggest_json(capsys, str(archive), "--jobs", "1", "--output", str(tmp_path / "a"))
    two = suggest_json(capsys, str(archive), "--jobs", "2", "--output", str(tmp_path / "b"))
    assert json.dumps(one["families"]) == json.dumps(two["families"])
    for name in ("conventions.yaml", "names.yaml", "words.yaml"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_base_pack_choice_is_not_proposed_again_and_a_disagreement_is_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_archive(tmp_path / "archive")
    found = families(suggest_json(capsys, str(archive), "--base", "uk-news"))
    assert found["date format"]["status"] == "in base"
    assert found["date format"]["base_rules"] == ["uk-news.date-format"]
    assert found["per cent, percent or %"]["status"] == "in base"
    american = families(suggest_json(capsys, str(archive), "--base", "us-news"))
    assert american["date format"]["status"] == "differs from base"
    assert american["date format"]["base_rules"] == ["us-news.date-format"]
    status, out, _ = run(capsys, "suggest", "--isolated", "--base", "us-news", str(archive))
    assert status == 0
    row = next(line for line in out.splitlines() if line.startswith("date format"))
    assert row.split()[-2:] == ["base:", "us-news.date-format"]


def test_the_summary_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = write_archive(tmp_path / "archive")
    status, out, _ = run(capsys, "suggest", "--isolated", str(archive))
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["family", "forms", "share", "proposal"]
    row = next(line for line in lines if line.startswith("name: Zelensky"))
    assert row.split() == [
        "name:",
        "Zelensky",
        "Zelensky",
        "9,",
        "Zelenskyy",
        "1",
        "90.0%",
        "name-spelling",
    ]
    assert lines[-1].startswith("10 drafts (")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--min-share", "2"], "argument --min-share: must be a share above 0.5 and at most 1"),
        (["--min-count", "0"], "argument --min-count: must be a whole number of at least 1"),
        (["--base", "no-such-pack"], "no-such-pack"),
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler goes with --executor dask"),
    ],
)
def test_bad_input_is_one_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    archive = write_archive(tmp_path / "archive", drafts=2)
    with pytest.raises(SystemExit) if argv[0].startswith("--min") else _no_raise():
        status, _, err = run(capsys, "suggest", "--isolated", *argv, str(archive))
        assert status == 2
        assert err.startswith("newslint: ") and message in err
    if argv[0].startswith("--min"):
        err = capsys.readouterr().err
        assert f"newslint: {message}" in err


class _no_raise:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


def test_the_plain_lint_command_never_imports_the_archive_package(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("A headline\n\nThe council met on Monday.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from newslint.cli import main\n"
        f"status = main(['--isolated', {str(draft)!r}])\n"
        "names = ('newslint.archive', 'dask', 'distributed', 'tqdm')\n"
        "loaded = [m for m in sys.modules if m.startswith(names)]\n"
        "print(status, loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0 []"


def test_suggest_never_imports_the_rule_engine_nor_the_linting_command(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "archive")
    code = (
        "import sys\n"
        "from newslint.cli import main\n"
        f"status = main(['suggest', '--isolated', '-j', '1', {str(archive)!r}])\n"
        "names = ('newslint.engine', 'newslint.runner', 'newslint.fix', 'newslint.cli.lint')\n"
        "loaded = [m for m in sys.modules if m.startswith(names)]\n"
        "print(status, loaded)\n"
    )
    # The first run checks the proposed rules' examples with the engine; the second finds the
    # verdicts in the cache, as a run on an archive the house has seen does.
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("NEWSLINT_NO_CACHE", None)
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
    assert done.stdout.splitlines()[-1] == "0 []"
    assert "choices proposed" in done.stdout


def test_progress_is_never_shown_in_a_pipe_or_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert not wanted(10_000, quiet=False)  # pytest's standard error is not a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert wanted(10_000, quiet=False)
    assert not wanted(10_000, quiet=True)
    assert not wanted(50, quiet=False)  # a short run
    monkeypatch.setenv("CI", "true")
    assert not wanted(10_000, quiet=False)


def test_the_progress_bar_counts_the_drafts_and_passes_the_results_through(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm")
    from newslint.archive import progress

    monkeypatch.setattr(progress, "wanted", lambda total, quiet: True)  # as on a terminal
    drafts, shown = progress.progress_bar(iter(["a.txt", "b.txt"]), quiet=False)
    assert drafts == ["a.txt", "b.txt"]
    assert list(shown([("a.txt", 1), ("b.txt", 2)])) == [("a.txt", 1), ("b.txt", 2)]
    shown_bar = capsys.readouterr().err
    assert "0/2 [" in shown_bar and " drafts/s]" in shown_bar  # the total known from the start


def test_a_draft_that_cannot_be_read_is_named_and_the_run_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_archive(tmp_path / "archive", drafts=3)
    (archive / "broken.txt").write_bytes(b"A headline\n\nCaf\xe9 prices rose.\n")  # not UTF-8
    (archive / "image.txt").write_bytes(b"\x89PNG\x00\x00\x00")  # skipped, not an error
    status, out, err = run(capsys, "suggest", "--isolated", str(archive))
    assert status == 2
    assert out.splitlines()[-1].startswith("3 drafts (")
    lines = err.splitlines()
    assert lines[-1] == "newslint: 1 draft could not be read"
    assert any(line.startswith(f"newslint: {archive}/broken.txt:") for line in lines)
    assert any(line.startswith(f"newslint: {archive}/image.txt:") for line in lines)


def test_a_second_run_leaves_no_file_of_the_first_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_archive(tmp_path / "archive")
    pack = tmp_path / "house"
    suggest_json(capsys, str(archive), "--output", str(pack))
    assert (pack / "names.yaml").is_file()
    # Only forms used everywhere now: no name spelling is proposed, and names.yaml goes.
    suggest_json(capsys, str(archive), "--output", str(pack), "--min-share", "1")
    assert sorted(p.name for p in pack.iterdir()) == ["conventions.yaml", "words.yaml"]
    assert {r.id for r in load_style([str(pack)]).rules} >= {"quotation-marks", "dashes"}


def test_a_second_run_takes_each_rules_check_from_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.archive import pack as pack_module

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    checked: list[str] = []
    real = pack_module._checks

    def counted(text: str, name: str, pack: str) -> str | None:
        checked.append(name)
        return real(text, name, pack)

    monkeypatch.setattr(pack_module, "_checks", counted)
    archive = write_archive(tmp_path / "archive")
    first = suggest_json(capsys, str(archive), "--output", str(tmp_path / "a"))
    assert sorted(set(checked)) == ["conventions.yaml", "names.yaml", "words.yaml"]
    checked.clear()
    second = suggest_json(capsys, str(archive), "--output", str(tmp_path / "b"))
    assert checked == []  # every verdict from the cache
    assert first.pop("pack") == str(tmp_path / "a") and second.pop("pack") == str(tmp_path / "b")
    assert first == second
    for name in ("conventions.yaml", "names.yaml", "words.yaml"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    # Another archive proposes other rules: those are checked afresh.
    (archive / "story-000.txt").write_text("Prime minister\n\nA story of its own.\n", "utf-8")
    suggest_json(capsys, str(archive), "--min-count", "9")
    assert checked  # a rule's text changed with the counts, so it was checked


class WorkersRead(LocalMapper):
    """Forked workers that read the drafts themselves, as Dask's do."""

    @property
    def reads_here(self) -> bool:
        return False


def test_a_draft_filed_twice_or_reached_by_two_names_is_counted_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.archive import collect

    monkeypatch.setattr(collect, "RUN", 4)  # with --jobs 2, workers count runs of 4 drafts
    found_here: list[int] = []
    real = collect._distinct_here

    def distinct_here(paths: list[str], sizes: Any, encoding: str | None, copies: Any) -> Any:
        yield from real(paths, sizes, encoding, copies)
        found_here.append(copies.found)

    monkeypatch.setattr(collect, "_distinct_here", distinct_here)
    archive = write_archive(tmp_path / "archive")
    expected = suggest_json(capsys, str(archive), "--jobs", "1")
    assert expected.pop("duplicates") == 0
    # Copies of the house's draft and of the other house's, and one file by a second name.
    (archive / "zz-copy-000.txt").write_bytes((archive / "story-000.txt").read_bytes())
    (archive / "zz-copy-009.txt").write_bytes((archive / "story-009.txt").read_bytes())
    (archive / "zz-link-001.txt").symlink_to(archive / "story-001.txt")
    for jobs in ("1", "2"):
        data = suggest_json(capsys, str(archive), "--jobs", jobs)
        assert data.pop("duplicates") == 3, jobs
        assert data == expected, jobs  # the counts, shares and places of the ten drafts
    assert found_here == [3]  # --jobs 2: this process found the copies as it handed out runs
    # Where the workers read the drafts (Dask), they find the copies in a first pass: the same.
    paths = sorted(str(p) for p in archive.iterdir())
    with LocalMapper(1) as one:
        alone = collect.collect(paths, collect.CountRun(), one, report=print, alone=True)
    with WorkersRead(2) as workers:
        spread = collect.collect(paths, collect.CountRun(), workers, report=print)
    assert (spread.copies, spread.drafts) == (alone.copies, alone.drafts) == (3, 10)
    assert (spread.counts, spread.places, spread.contexts) == (
        alone.counts,
        alone.places,
        alone.contexts,
    )
    status, out, _ = run(capsys, "suggest", "--isolated", "--jobs", "2", str(archive))
    assert status == 0
    assert out.splitlines()[-1].startswith("10 drafts (0.0 MB), not counting 3 duplicates of them:")
    # The first in draft order is the one counted: a copy that sorts first stands for both.
    (archive / "zz-copy-009.txt").unlink()
    (archive / "a-copy.txt").write_bytes((archive / "story-009.txt").read_bytes())
    found = families(suggest_json(capsys, str(archive)))
    assert found["Zelensky"]["forms"][1]["places"] == [f"{archive}/a-copy.txt:7"]  # type: ignore[index]
    assert [f["count"] for f in found["Zelensky"]["forms"]] == [9, 1]  # type: ignore[index]


def test_this_process_reads_only_the_drafts_that_share_a_size_to_find_the_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.archive import collect

    drafts = {
        "a.txt": b"Headline\n\nOne.\n",
        "b.txt": b"Headline\n\nTwo and more.\n",  # the only draft of its size
        "c.txt": b"Headline\n\nOwe.\n",  # a's size, not a's bytes
        "d.txt": b"Headline\n\nOne.\n",  # a copy of a
        "e.txt": b"Headline\n\nOwe.\n",  # a copy of c
    }
    for name, data in drafts.items():
        (tmp_path / name).write_bytes(data)
    read: list[str] = []
    real = collect.read_draft

    def reading(path: str, *args: Any) -> bytes:
        read.append(Path(path).name)
        return real(path, *args)

    monkeypatch.setattr(collect, "read_draft", reading)
    copies = collect.Copies(None)
    paths = [str(tmp_path / name) for name in drafts]
    sizes = [collect._size(p) for p in paths]
    kept = [Path(paths[i]).name for i in collect._distinct_here(paths, sizes, None, copies)]
    assert kept == ["a.txt", "b.txt", "c.txt"] and copies.found == 2
    assert read == ["a.txt", "c.txt", "d.txt", "e.txt"]  # b's size is its own: never read here
    # A draft whose size cannot be told (gone since it was listed) is read at once.
    read.clear()
    gone = str(tmp_path / "gone.txt")
    assert collect._size(gone) is None
    assert list(collect._distinct_here([gone], [None], None, collect.Copies(None))) == [0]
    assert read == ["gone.txt"]  # and the count reports it
    # A draft named twice is a copy of itself.
    twice = [str(tmp_path / "b.txt")] * 2
    copies = collect.Copies(None)
    assert list(collect._distinct_here(twice, [collect._size(twice[0])] * 2, None, copies)) == [0]
    assert copies.found == 1
