"""Time from didOpen to publishDiagnostics in ``newslint server``, as an editor sees it.

    python benchmarks/server_latency.py [--opens N] [--style PACK ...] [--hostile]

Starts ``newslint server`` as an editor does (a subprocess over stdin and stdout), opens one
draft to load the style, then opens a 5 KB and a 200 KB draft ``--opens`` times each (a new
URI each time) and prints the median, fastest and slowest time from sending didOpen to reading
the draft's diagnostics.  The targets: 50 ms for 5 KB, 1 s for 200 KB.  The drafts are made up
at run time (``hostile.prose``, with a doubled word and a double space in some sentences, so
that there are diagnostics to place).  A last row times the 200 KB draft with an emoji in some
sentences: characters beyond the Basic Multilingual Plane make some word-list searches of the
``regex`` module several times slower, on the command line as in the server.  ``--hostile``
also opens each shape of ``benchmarks/hostile.py`` at 100 KB once and prints its time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from typing import IO, Any

import hostile
from hostile import prose

# size, target in seconds (None: for information), with emoji
SIZES = ((5_000, 0.05, False), (200_000, 1.0, False), (200_000, None, True))
HOSTILE = (
    "long_line",
    "nested_lists",
    "nested_quotes",
    "quote_marks",
    "open_quotes",
    "brackets",
    "blank_line",
    "backticks",
    "figures_line",
)


def draft(size: int, emoji: bool = False) -> str:
    text = prose(size)
    text = text.replace("The council said", "The the council said")
    text = text.replace("Residents of", "Residents  of")
    return text.replace("the work", "the 🚧 work") if emoji else text


def send(stream: IO[bytes], message: dict[str, Any]) -> None:
    body = json.dumps(message).encode("utf-8")
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def receive(stream: IO[bytes]) -> dict[str, Any]:
    length = 0
    while True:
        line = stream.readline()
        if not line:
            raise SystemExit("the server exited")
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    message: dict[str, Any] = json.loads(stream.read(length))
    return message


def until(stream: IO[bytes], test: Any) -> dict[str, Any]:
    while True:
        message = receive(stream)
        if test(message):
            return message


def open_draft(inp: IO[bytes], out: IO[bytes], uri: str, text: str) -> tuple[float, int]:
    """Seconds from didOpen to the draft's diagnostics, and how many there were."""
    item = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
    start = time.perf_counter()
    opened = {"textDocument": item}
    send(inp, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": opened})
    message = until(
        out,
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        ),
    )
    seconds = time.perf_counter() - start
    close = {"textDocument": {"uri": uri}}
    send(inp, {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": close})
    return seconds, len(message["params"]["diagnostics"])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--opens", type=int, default=20)
    p.add_argument("--style", action="append", default=[], metavar="PACK")
    p.add_argument("--hostile", action="store_true", help="also open each hostile shape once")
    args = p.parse_args(argv)
    server = subprocess.Popen(
        [sys.executable, "-m", "newslint", "server"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    inp, out = server.stdin, server.stdout
    assert inp is not None and out is not None
    options = {"style": args.style or ["core", "uk-news"]}
    params: dict[str, Any] = {"processId": None, "rootUri": None, "capabilities": {}}
    send(
        inp,
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {**params, "initializationOptions": options},
        },
    )
    until(out, lambda m: m.get("id") == 1)
    send(inp, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    open_draft(inp, out, "untitled:warm-up", draft(5_000))  # the style loads once, here
    print(f"newslint server, style {' + '.join(options['style'])}, {args.opens} opens each")
    failed = False
    n = 0
    for size, target, emoji in SIZES:
        text = draft(size, emoji)
        times = []
        found = 0
        for _ in range(args.opens):
            n += 1
            seconds, found = open_draft(inp, out, f"untitled:draft-{n}", text)
            times.append(seconds)
        median = statistics.median(times)
        failed |= target is not None and median > target
        goal = f"target {target * 1000:.0f} ms" if target is not None else "with emoji"
        print(
            f"{len(text) / 1000:6.0f} KB  median {median * 1000:7.1f} ms  "
            f"fastest {min(times) * 1000:7.1f} ms  slowest {max(times) * 1000:7.1f} ms  "
            f"({found} diagnostics; {goal})"
        )
    if args.hostile:
        for name in HOSTILE:
            text = getattr(hostile, name)(100_000)
            seconds, found = open_draft(inp, out, f"untitled:{name}", text)
            kb = len(text) / 1000
            print(f"{name:>14}  {kb:4.0f} KB  {seconds * 1000:7.1f} ms  ({found} diagnostics)")
    send(inp, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    until(out, lambda m: m.get("id") == 2)
    send(inp, {"jsonrpc": "2.0", "method": "exit", "params": None})
    server.wait(timeout=10)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
