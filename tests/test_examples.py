"""The example house styles: what newslint reports for each draft is what expected.txt says.

Each example is run as a desk would run it, through the command line with its own config:
``newslint --config examples/<house>/newslint.yaml examples/<house>/draft.md``.  The quick-start
draft, examples/draft.md, is linted with the default style.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOUSES = ["the-harbour-gazette", "the-valley-courier", "the-river-herald"]


def newslint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newslint", "--color", "never", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.mark.parametrize("house", HOUSES)
def test_house_example_reports_what_expected_txt_says(house: str) -> None:
    folder = f"examples/{house}"
    result = newslint("--config", f"{folder}/newslint.yaml", f"{folder}/draft.md")
    expected = (ROOT / folder / "expected.txt").read_text(encoding="utf-8")
    assert result.stderr.startswith("Found "), result.stderr
    assert result.stdout == expected
    assert result.returncode == 1  # both houses fail on warnings, and each draft has some


def test_quick_start_draft_reports_what_expected_txt_says() -> None:
    result = newslint("examples/draft.md")
    assert result.stdout == (ROOT / "examples" / "expected.txt").read_text(encoding="utf-8")
    assert result.returncode == 1


def test_the_two_houses_disagree_on_the_same_story() -> None:
    """Each house flags in its own draft what the other house prints as its style."""
    gazette = (ROOT / "examples/the-harbour-gazette/expected.txt").read_text(encoding="utf-8")
    courier = (ROOT / "examples/the-valley-courier/expected.txt").read_text(encoding="utf-8")
    assert "Use 'Nato' rather than 'NATO'" in gazette
    assert "Use 'NATO' rather than 'Nato'" in courier
    assert "this title 'Vice-President', not 'Vice President'" in gazette
    assert "this title 'Vice President', not 'Vice-President'" in courier
    assert "Write the date as '12 February 2025'" in gazette
    assert "Write the date as 'Thursday, Feb. 13, 2025'" in courier
    assert "take a courtesy title: 'Mr Trump'" in gazette
    assert "'Trump', not 'Mr Trump'" in courier
    assert "Spell the name 'Zelenskyy', not 'Zelensky'" in courier
