from __future__ import annotations

from pathlib import Path

import pytest

from newslint import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root() -> Path:
    return ROOT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in this process: its exit status, standard output and standard error."""
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err
