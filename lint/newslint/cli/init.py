"""``newslint init [--style PACK] [FOLDER]``: start a desk's config from a commented template.

The template names the chosen packs in ``extends`` and shows every other key of a config
commented out, with an example taken from the packs' own rules; it is written only where no
config is (never over one), and the pre-commit entry to add is printed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from .. import __version__
from ..config import CONFIG_NAMES, config_in
from ..errors import NewslintError
from ..files import printable
from ..style import DEFAULT_STYLE, Style, load_style
from .parser import Parser, split_list
from .status import EXIT_CLEAN

FILE_NAME = CONFIG_NAMES[0]  # newslint.yaml

PRE_COMMIT = f"""\
repos:
  - repo: https://git.example.org/tools/newslint   # where your newsroom hosts newslint
    rev: v{__version__}                                    # a tag or a commit of it
    hooks:
      - id: newslint                               # lints the staged drafts
"""


def parser() -> Parser:
    p = Parser(
        prog="newslint init",
        description=f"Write a commented {FILE_NAME} for the chosen pack (every key shown with "
        "an example, commented out) and print the pre-commit entry to add. An existing "
        "config is never overwritten.",
    )
    p.add_argument(
        "folder", nargs="?", default=".", metavar="FOLDER", help="where to write it (default: .)"
    )
    p.add_argument(
        "--style",
        action="append",
        default=[],
        metavar="PACK",
        help="the built-in packs or folders to extend (repeatable or comma-separated; "
        "default: core)",
    )
    return p


def _example(style: Style, kind: str, fallback: str) -> str:
    """The full id of a rule of ``style`` of type ``kind`` (else the first one), for examples."""
    rules = sorted(style.rules, key=lambda r: (r.type != kind, r.pack == "core", r.name))
    return rules[0].name if rules else fallback


def template(packs: Sequence[str], style: Style) -> str:
    """The commented config for ``packs``, whose loaded rules are ``style``."""
    extends = ", ".join(packs)
    main = packs[-1]
    severe = _example(style, "reference", "core.doubled-word")
    quiet = "core.long-sentence" if style.get("core.long-sentence") else _example(style, "", "")
    brings = "; uk-news and us-news bring core" if {"uk-news", "us-news"} & set(packs) else ""
    refine = ""
    person = next((r for r in style.rules if r.type == "reference"), None)
    if person is not None:
        refine = f"""\
# A rule there may also refine a rule of a pack above, in a few lines, e.g. house/people.yaml:
#      rules:
#        - refines: {person.name}
#          people:
#            - {{name: Jane Hollis, honorific: Ms}}
"""
    return f"""\
# {FILE_NAME}: the house style for the drafts in this folder and the folders below it.
# Every key but `extends` is commented out: remove the "# " of the ones the desk needs.
# `newslint config` prints what is in force; `newslint rules` lists the rules.

# Built-in packs (core, uk-news, us-news) or folders of rules; later ones win{brings}.
extends: [{extends}]

# Folders of the desk's own rules; the pack is the folder's name ("house.tabloid-verbs").
{refine}# rules: [house]

# Severity per pack or per rule id (an id beats its pack): error, warning or suggestion.
# severity:
#   {main}: warning
#   {severe}: error

# Rules or packs switched off.
# disable: [{quiet}]

# Found texts never reported, matched exactly (case too).
# accept: [Center Parcs]

# The lowest severity that fails the run: error (the default), warning, suggestion or never.
# fail-on: warning

# One spelling across the whole run, as --across-files: a form most drafts do not use is
# reported in each draft that uses it.
# across-files: true

# Which drafts a folder walk picks (globs relative to this folder).
# files:
#   include: ["**/*.md", "**/*.html"]
#   exclude: [archive]

# Settings for some drafts, applied after the ones above.
# overrides:
#   - files: "opinion/**"
#     severity: {{{main}: suggestion}}
"""


def init_command(argv: Sequence[str], out: IO[str]) -> int:
    args = parser().parse_args(argv)
    packs = split_list(args.style) or list(DEFAULT_STYLE)
    folder = Path(args.folder)
    if not folder.is_dir():
        raise NewslintError(f"no such folder: '{printable(args.folder)}'")
    existing = config_in(folder)
    if existing is not None:
        raise NewslintError("a config is already there; not overwritten", str(existing))
    style = load_style(packs, folder)  # an unknown pack fails here, before anything is written
    path = folder / FILE_NAME
    try:
        with open(path, "x", encoding="utf-8") as fh:  # never over a file made meanwhile
            fh.write(template(packs, style))
    except FileExistsError:
        raise NewslintError("already there; not overwritten", str(path)) from None
    except OSError as exc:
        raise NewslintError(f"cannot write: {exc.strerror or exc}", str(path)) from None
    shown = os.path.normpath(path)
    out.write(
        f"Wrote {shown} (extends: {', '.join(packs)}). To lint the staged drafts before each "
        "commit, add to .pre-commit-config.yaml:\n\n" + PRE_COMMIT
    )
    return EXIT_CLEAN
