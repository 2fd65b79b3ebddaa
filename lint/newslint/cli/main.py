"""The ``newslint`` entry point: a subcommand runs without the linting command's modules (the
rule engine, fixing), and an error ends as a ``newslint: `` message."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ..errors import NewslintError
from ..parallel import catch_termination
from .status import EXIT_ERROR, internal_error
from .subcommands import SUBCOMMANDS, run_subcommand


def _tolerant(stream: object) -> None:
    """Let a stream print what its encoding cannot hold (a file name that is not UTF-8, a
    draft's text on an ASCII terminal) as escapes rather than stop the run."""
    if getattr(stream, "errors", None) != "strict" or not hasattr(stream, "reconfigure"):
        return
    utf8 = str(getattr(stream, "encoding", "")).lower().replace("_", "-") in ("utf-8", "utf8")
    stream.reconfigure(errors="surrogateescape" if utf8 else "backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if argv is None:  # run as the command: the process's own streams
        _tolerant(sys.stdout)
        _tolerant(sys.stderr)
        catch_termination()  # SIGTERM and SIGHUP clean up on the way out, as Ctrl-C does
    try:
        if arguments and arguments[0] in SUBCOMMANDS:
            return run_subcommand(arguments[0], arguments[1:])
        from . import lint  # the linting command, with everything it needs

        return lint.run(lint.build_parser().parse_args(arguments))
    except NewslintError as exc:
        sys.stderr.write(f"newslint: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt as exc:  # Ctrl-C, or Terminated by SIGTERM or SIGHUP
        sys.stderr.write(f"newslint: {str(exc) or 'interrupted'}\n")
        return getattr(exc, "status", 130)
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # a bug: a clear message rather than a traceback
        sys.stderr.write(f"newslint: {internal_error(exc)}\n")
        return EXIT_ERROR
