"""``newslint completion bash|zsh|fish``: a shell completion script, made from the parsers.

The subcommands and options come from the argument parsers themselves, so a new option is
completed as soon as it exists; pack names and rule ids are those of the built-in packs when
the script is made (a house's own folders are completed as folders).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

from ..rulefile import builtin_packs
from ..style import load_style
from .parser import Parser
from .status import EXIT_CLEAN
from .subcommands import SUBCOMMAND_HELP, SUBCOMMANDS

SHELLS = ("bash", "zsh", "fish")


@dataclass(frozen=True)
class Option:
    flags: tuple[str, ...]
    help: str
    values: str  # "" (a flag), "files", "dirs", "packs", "rules", "any", or "choice"
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Command:
    name: str  # "" for the linting command itself
    help: str
    options: tuple[Option, ...]
    positional: str  # as Option.values; "" for none
    choices: tuple[str, ...] = ()


def parser() -> Parser:
    p = Parser(
        prog="newslint completion",
        description="Print a completion script for the shell (subcommands, options, pack "
        'names, rule ids). bash: eval "$(newslint completion bash)" in ~/.bashrc; zsh: '
        "newslint completion zsh > a folder of $fpath as _newslint; fish: newslint completion "
        "fish > ~/.config/fish/completions/newslint.fish",
    )
    p.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    return p


def _kind(action: argparse.Action) -> tuple[str, tuple[str, ...]]:
    if action.choices:
        return "choice", tuple(str(c) for c in action.choices)
    if action.nargs == 0:
        return "", ()
    if action.dest in ("style",):
        return "packs", ()
    if action.dest in ("select", "ignore", "rule"):
        return "rules", ()
    metavar = str(action.metavar or "")
    if metavar in ("FOLDER",):
        return "dirs", ()
    if metavar in ("FILE", "PATH", "NAME", "PACK_OR_DIR"):
        return "files", ()
    return "any", ()


def command(name: str, p: argparse.ArgumentParser, help: str) -> Command:
    options = []
    positional, choices = "", tuple[str, ...]()
    for action in p._actions:
        kind, values = _kind(action)
        if action.option_strings:
            text = " ".join((action.help or "").split()).replace("%(default)s", "")
            options.append(Option(tuple(action.option_strings), text, kind, values))
        elif not positional:
            positional, choices = (kind if kind != "any" else "files"), values
    return Command(name, help, tuple(options), positional, choices)


def commands() -> list[Command]:
    """The linting command and each subcommand, read from their parsers."""
    from .lint import build_parser

    out = [command("", build_parser(), "")]
    for name, (module, _) in SUBCOMMANDS.items():
        found = importlib.import_module(f"{__package__}.{module}")
        out.append(command(name, found.parser(), SUBCOMMAND_HELP.get(name, "")))
    return out


def rule_names() -> list[str]:
    packs = builtin_packs()
    return [*packs, *sorted(r.name for r in load_style(packs).rules)]


# --- bash ------------------------------------------------------------------------------------


def bash(cmds: Sequence[Command], packs: Sequence[str], rules: Sequence[str]) -> str:
    subs = " ".join(c.name for c in cmds if c.name)
    lines = [
        '# newslint completion for bash: eval "$(newslint completion bash)" in ~/.bashrc',
        "_newslint() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local sub="" first="${COMP_WORDS[1]}"',
        f'    case "$first" in {subs.replace(" ", "|")}) [ "$COMP_CWORD" -gt 1 ] && '
        'sub="$first" ;; esac',
        f'    local packs="{" ".join(packs)}"',
        f'    local rules="{" ".join(rules)}"',
        '    case "$sub $prev" in',
    ]
    for c in cmds:
        for o in c.options:
            if not o.values:
                continue
            pattern = "|".join(f'"{c.name} {flag}"' for flag in o.flags)
            lines.append(f"        {pattern}) {_bash_values(o.values, o.choices)} return ;;")
    lines.append("    esac")
    lines.append('    case "$sub" in')
    for c in cmds:
        flags = " ".join(f for o in c.options for f in o.flags)
        value = _bash_values(c.positional, c.choices) if c.positional else "COMPREPLY=();"
        if not c.name:
            value = (
                'COMPREPLY=($(compgen -W "' + subs + '" -- "$cur")); '
                'if [ "$COMP_CWORD" -ne 1 ]; then COMPREPLY=(); fi;'
            )
        lines += [
            f'        "{c.name}")',
            f'            if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "{flags}" '
            '-- "$cur")); return; fi',
            f"            {value} return ;;",
        ]
    lines += [
        "    esac",
        "}",
        "complete -o default -o bashdefault -F _newslint newslint",
        "",
    ]
    return "\n".join(lines)


def _bash_values(kind: str, choices: Sequence[str]) -> str:
    words = {
        "choice": " ".join(choices),
        "packs": "$packs",
        "rules": "$rules",
    }.get(kind)
    if words is None:  # files, folders, free text: the shell's own (-o default)
        return "COMPREPLY=();"
    folders = ' $(compgen -d -- "$cur")' if kind == "packs" else ""
    return f'COMPREPLY=($(compgen -W "{words}" -- "$cur"){folders});'


# --- zsh -------------------------------------------------------------------------------------


def _zsh_escape(text: str) -> str:
    return text.replace("'", "'\\''").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")


def _zsh_action(kind: str, choices: Sequence[str]) -> str:
    return {
        "choice": "(" + " ".join(choices) + ")",
        "packs": "_newslint_packs",
        "rules": "_newslint_rules",
        "files": "_files",
        "dirs": "_files -/",
        "any": " ",
    }.get(kind, " ")


def _zsh_specs(c: Command) -> list[str]:
    specs = []
    for o in c.options:
        help = _zsh_escape(o.help)
        value = f":{o.values}:{_zsh_action(o.values, o.choices)}" if o.values else ""
        if len(o.flags) > 1:
            group = " ".join(o.flags)
            flags = "{" + ",".join(o.flags) + "}"
            specs.append(f"'({group})'{flags}'[{help}]{value}'")
        else:
            specs.append(f"'{o.flags[0]}[{help}]{value}'")
    return specs


def zsh(cmds: Sequence[Command], packs: Sequence[str], rules: Sequence[str]) -> str:
    lines = [
        "#compdef newslint",
        "# newslint completion for zsh: save as _newslint in a folder of $fpath",
        "",
        "_newslint_packs() { local -a packs; packs=(" + " ".join(packs) + "); "
        "_alternative 'packs:pack:compadd -a packs' 'folders:folder:_files -/' }",
        "_newslint_rule_ids=(" + " ".join(rules) + ")",
        "_newslint_rules() { _values -s , rule $_newslint_rule_ids }  # a comma list",
        "_newslint_rule() { _wanted rules expl rule compadd -a _newslint_rule_ids }",
        "_newslint_subcommands() { _describe -t subcommands subcommand subcommands }",
        "",
        "_newslint() {",
        "    local -a subcommands",
        "    subcommands=(",
    ]
    for c in cmds:
        if c.name:
            described = c.help.replace("'", "'\\''")
            lines.append(f"        '{c.name}:{described}'")
    lines += [
        "    )",
        "    if (( CURRENT > 2 )) && (( ${subcommands[(I)${words[2]}:*]} )); then",
        "        local sub=${words[2]}",
        "        shift words",
        "        (( CURRENT-- ))",
        '        case "$sub" in',
    ]
    for c in cmds:
        if not c.name:
            continue
        specs = _zsh_specs(c)
        if c.positional:
            action = _zsh_action(c.positional, c.choices)
            if c.positional == "rules":
                action = "_newslint_rule"  # one rule, not a comma list
            specs.append(f"'1:{c.positional}:{action}'")
        lines.append(f"            {c.name}) _arguments -s {' '.join(specs)} ;;")
    main = next(c for c in cmds if not c.name)
    main_specs = " ".join(_zsh_specs(main))
    lines += [
        "        esac",
        "        return",
        "    fi",
        "    if (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then",
        "        _alternative 'subcommands:subcommand:_newslint_subcommands' 'files:file:_files'",
        "        return",
        "    fi",
        f"    _arguments -s {main_specs} '*:file:_files'",
        "}",
        "",
        'if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _newslint "$@"; '
        "else compdef _newslint newslint; fi",
        "",
    ]
    return "\n".join(lines)


# --- fish ------------------------------------------------------------------------------------


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish(cmds: Sequence[Command], packs: Sequence[str], rules: Sequence[str]) -> str:
    subs = " ".join(c.name for c in cmds if c.name)
    lines = [
        "# newslint completion for fish: save as ~/.config/fish/completions/newslint.fish",
        "function __newslint_sub --description 'the subcommand, when the first argument is one'",
        "    set -l words (commandline -opc)",
        f'    contains -- "$words[2]" {subs}; and echo $words[2]',
        "end",
        "function __newslint_is --argument-names name",
        "    set -l sub (__newslint_sub)",
        '    test (count (commandline -opc)) -gt 1; and test "$sub" = "$name"',
        "end",
        "function __newslint_main",
        "    set -l sub (__newslint_sub)",
        '    test -z "$sub"',
        "end",
        "complete -c newslint -n '__fish_is_first_arg' -a '" + subs + "' -d 'subcommand'",
    ]
    values = {
        "packs": " ".join(packs) + " (__fish_complete_directories)",
        "rules": " ".join(rules),
    }
    for c in cmds:
        if c.name:
            lines.append(
                f"complete -c newslint -n '__fish_is_first_arg' -a {c.name} "
                f"-d {_fish_quote(c.help)}"
            )
        condition = f"__newslint_is {c.name}" if c.name else "__newslint_main"
        for o in c.options:
            parts = [f"complete -c newslint -n '{condition}'"]
            for flag in o.flags:
                parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
            if o.values == "choice":
                parts.append(f"-x -a '{' '.join(o.choices)}'")
            elif o.values in values:
                parts.append(f'-x -a "{values[o.values]}"')
            elif o.values == "dirs":
                parts.append("-x -a '(__fish_complete_directories)'")
            elif o.values:
                parts.append("-r")
            if o.help:
                parts.append(f"-d {_fish_quote(o.help)}")
            lines.append(" ".join(parts))
        if c.name and c.positional in ("choice", "rules"):
            words = " ".join(c.choices) if c.positional == "choice" else values["rules"]
            lines.append(f"complete -c newslint -n '{condition}' -f -a '{words}'")
    lines.append("")
    return "\n".join(lines)


MAKERS = {"bash": bash, "zsh": zsh, "fish": fish}


def script(shell: str) -> str:
    return MAKERS[shell](commands(), builtin_packs(), rule_names())


def completion_command(argv: Sequence[str], out: IO[str]) -> int:
    args = parser().parse_args(argv)
    out.write(script(args.shell))
    return EXIT_CLEAN
