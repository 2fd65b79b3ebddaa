"""``newslint server`` end to end: the command run as the editor runs it, driven over stdio.

The client here is the tests' own, a few lines of JSON-RPC: it frames messages, answers the
server's requests (capability registration, applying an edit) and keeps every notification, so
a test can look at what was published, in the order it was published.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newslint import cli

pytest.importorskip("pygls", reason="the language server needs the 'server' extra")

TIMEOUT = 10.0

CONFIG = "extends: [core]\nrules: [house]\n"
HOUSE = """\
rules:
  - id: kerb
    type: substitution
    severity: warning
    scope: [headline, body]
    message: "Write '{replacement}', not '{found}'"
    description: The edge of the pavement is a kerb in this house.
    note: Quotations keep the speaker's word.
    link: https://example.org/style#kerb
    swap:
      curb: kerb
    examples:
      fail:
        - "The car hit the curb."
      pass:
        - "The car hit the kerb."
"""
# Line 3 (index 2): "curb" is at code points 27-31; the emoji before it is two UTF-16 units.
DRAFT = '# Café news\n\nThe naïve 😀 driver hit the curb  today.\n\nHe said "the curb was high".\n'


class Client:
    """A language client over a subprocess's standard input and output."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newslint", "server"],
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.server_requests: list[dict[str, Any]] = []
        self.responses: dict[int, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._ids = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None
            message = json.loads(stream.read(length))
            if "method" in message and "id" in message:  # a request from the server
                self.server_requests.append(message)
                result = {"applied": True} if message["method"] == "workspace/applyEdit" else None
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})
            self.inbox.put(message)

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        with self._lock:
            assert self.process.stdin is not None
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _pump(self, until: Callable[[], bool], timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not until():
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("the server did not answer in time")
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError(f"the server exited: {self.stderr()}")
            if "method" not in message:
                self.responses[message["id"]] = message
            elif "id" not in message:
                self.notifications.append(message)

    def request_raw(self, method: str, params: Any = None) -> dict[str, Any]:
        self._ids += 1
        number = self._ids
        self.send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        self._pump(lambda: number in self.responses)
        return self.responses.pop(number)

    def request(self, method: str, params: Any = None) -> Any:
        response = self.request_raw(method, params)
        assert "error" not in response, response
        return response["result"]

    def notify(self, method: str, params: Any) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, test: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first notification (kept so far or to come) that passes ``test``."""
        seen: list[dict[str, Any]] = []

        def found() -> bool:
            seen[:] = [n for n in self.notifications if test(n)]
            return bool(seen)

        self._pump(found)
        return seen[0]

    def diagnostics(self, uri: str, version: int) -> list[dict[str, Any]]:
        """The diagnostics published for ``version`` of ``uri``."""
        message = self.wait_for(
            lambda n: (
                n["method"] == "textDocument/publishDiagnostics"
                and n["params"]["uri"] == uri
                and n["params"].get("version") == version
            )
        )
        diagnostics: list[dict[str, Any]] = message["params"]["diagnostics"]
        return diagnostics

    def published(self, uri: str) -> list[dict[str, Any]]:
        return [
            n["params"]
            for n in self.notifications
            if n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri
        ]

    def initialize(
        self,
        root: Path,
        *,
        encodings: list[str] | None = None,
        options: Any = None,
        versioned: bool = False,
    ) -> dict[str, Any]:
        capabilities: dict[str, Any] = {
            "workspace": {
                "didChangeWatchedFiles": {"dynamicRegistration": True},
                "workspaceEdit": {"documentChanges": versioned},
            },
            "textDocument": {
                "codeAction": {
                    "codeActionLiteralSupport": {
                        "codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}
                    }
                }
            },
        }
        if encodings:
            capabilities["general"] = {"positionEncodings": encodings}
        result: dict[str, Any] = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": capabilities,
                "initializationOptions": {"debounce": 20, **(options or {})},
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, language: str = "markdown", version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": language,
                    "version": version,
                    "text": text,
                }
            },
        )

    def change(self, uri: str, version: int, text: str) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def stop(self) -> int:
        assert self.request("shutdown") is None
        self.notify("exit", None)
        return self.process.wait(timeout=TIMEOUT)

    def stderr(self) -> str:
        self.process.kill()
        assert self.process.stderr is not None
        return self.process.stderr.read().decode("utf-8", "replace")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "newslint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "streets.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(project: Path) -> Iterator[Client]:
    c = Client(project)
    yield c
    if c.process.poll() is None:
        c.process.kill()
    c.process.wait(timeout=TIMEOUT)


def span(line: int, start: int, end: int) -> dict[str, Any]:
    return {"start": {"line": line, "character": start}, "end": {"line": line, "character": end}}


def utf16_offset(text: str, line: int, character: int) -> int:
    """A code-point offset from an LSP position counted in UTF-16 units."""
    lines = text.split("\n")
    offset = sum(len(x) + 1 for x in lines[:line])
    units = 0
    for i, ch in enumerate(lines[line]):
        if units >= character:
            return offset + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return offset + len(lines[line])


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """``text`` with LSP text edits (UTF-16 positions) applied, as an editor applies them."""
    spans = []
    for edit in edits:
        start, end = edit["range"]["start"], edit["range"]["end"]
        spans.append(
            (
                utf16_offset(text, start["line"], start["character"]),
                utf16_offset(text, end["line"], end["character"]),
                edit["newText"],
            )
        )
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def test_session_diagnostics_actions_hover_config_and_exit(project: Path, client: Client) -> None:
    result = client.initialize(project)
    capabilities = result["capabilities"]
    assert capabilities["positionEncoding"] == "utf-16"
    assert "source.fixAll.newslint" in capabilities["codeActionProvider"]["codeActionKinds"]
    assert capabilities["executeCommandProvider"]["commands"] == ["newslint.fixAll"]
    uri = (project / "draft.md").as_uri()
    client.open(uri, DRAFT)
    diagnostics = client.diagnostics(uri, 1)
    # "The naïve 😀 driver hit the curb": code points 27-31, UTF-16 units 28-32.
    assert diagnostics == [
        {
            "range": span(2, 28, 32),
            "severity": 2,
            "code": "house.kerb",
            "codeDescription": {"href": "https://example.org/style#kerb"},
            "source": "newslint",
            "message": "Write 'kerb', not 'curb'",
        },
        {
            "range": span(2, 32, 34),
            "severity": 2,
            "code": "core.multiple-spaces",
            "source": "newslint",
            "message": "More than one space between words",
        },
    ]
    # The registration of the watched config and rule files.
    registration = next(
        r for r in client.server_requests if r["method"] == "client/registerCapability"
    )
    watchers = registration["params"]["registrations"][0]["registerOptions"]["watchers"]
    assert {"globPattern": "**/newslint.yaml"} in watchers

    # Three quick edits: only the newest text's diagnostics are published after it.
    second = DRAFT.replace("driver", "driver driver")
    third = DRAFT.replace("# Café news", "# Café news news")
    client.change(uri, 2, second)
    client.change(uri, 3, third)
    diagnostics = client.diagnostics(uri, 3)
    assert [(d["code"], d["range"]) for d in diagnostics] == [
        ("core.doubled-word", span(0, 7, 16)),
        ("house.kerb", span(2, 28, 32)),
        ("core.multiple-spaces", span(2, 32, 34)),
    ]
    versions = [p["version"] for p in client.published(uri)]
    assert versions == sorted(versions) and versions[-1] == 3

    # Code actions on "curb": the fix (preferred), the directive, and fix all.
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": span(2, 29, 29),
            "context": {"diagnostics": []},
        },
    )
    titles = [(a["title"], a["kind"], a.get("isPreferred", False)) for a in actions]
    assert titles == [
        ("Write 'kerb'", "quickfix", True),
        ("Disable house.kerb for this line", "quickfix", False),
        ("Fix all newslint violations", "source.fixAll.newslint", False),
    ]
    fix, disable, fix_all = (a["edit"]["changes"][uri] for a in actions)
    assert fix == [{"range": span(2, 28, 32), "newText": "kerb"}]
    assert disable == [
        {"range": span(2, 0, 0), "newText": "<!-- newslint-disable-next-line house.kerb -->\n"}
    ]
    # Fix all writes exactly what --fix writes (the quotation's "curb" left alone).
    fixed_file = project / "fixed.md"
    fixed_file.write_text(third, encoding="utf-8")
    assert cli.main(["--fix", str(fixed_file)]) == 0
    fixed = apply(third, fix_all)
    assert fixed == fixed_file.read_text(encoding="utf-8")
    assert 'He said "the curb was high".' in fixed

    # Only the fix-all action when that is all the editor asks for (as on save).
    only = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": span(0, 0, 0),
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        },
    )
    assert [a["title"] for a in only] == ["Fix all newslint violations"]

    # Applying the directive silences the rule on that line and nothing else.
    disabled = apply(third, disable)
    client.change(uri, 4, disabled)
    assert [d["code"] for d in client.diagnostics(uri, 4)] == [
        "core.doubled-word",
        "core.multiple-spaces",
    ]
    client.change(uri, 5, fixed)
    assert client.diagnostics(uri, 5) == []

    # Hover on the flagged word: message, description, note, a fail and a pass example.
    client.change(uri, 6, third)
    client.diagnostics(uri, 6)
    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 30}},
    )
    assert hover["range"] == span(2, 28, 32)
    text = hover["contents"]["value"]
    assert text.startswith("warning house.kerb: Write 'kerb', not 'curb'\n")
    assert "The edge of the pavement is a kerb in this house." in text
    assert "Note: Quotations keep the speaker's word." in text
    assert "- \"The car hit the curb.\"\n  1:17: warning Write 'kerb', not 'curb'" in text
    assert '- "The car hit the kerb."\n  reports nothing' in text
    assert (
        client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 2}},
        )
        is None
    )

    # The command, for clients without source actions: the server asks the client to apply.
    client.request("workspace/executeCommand", {"command": "newslint.fixAll", "arguments": [uri]})
    applied = next(r for r in client.server_requests if r["method"] == "workspace/applyEdit")
    assert applied["params"]["edit"]["changes"][uri] == fix_all

    # A broken config: shown, and a diagnostic on the first line; fixed, linting resumes.
    count = len(client.published(uri))
    (project / "newslint.yaml").write_text("extends: [core, nosuchpack]\n", encoding="utf-8")
    config_uri = (project / "newslint.yaml").as_uri()
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config_uri, "type": 2}]})
    shown = client.wait_for(lambda n: n["method"] == "window/showMessage")
    assert shown["params"]["type"] == 1
    assert shown["params"]["message"] == (
        "newslint: newslint.yaml:1: invalid config: 'extends': no built-in pack or folder named "
        "'nosuchpack' (built-in packs: core, uk-news, us-news)"
    )
    client._pump(lambda: len(client.published(uri)) > count)
    broken = client.published(uri)[-1]["diagnostics"]
    assert broken == [
        {
            "range": span(0, 0, 16),
            "severity": 1,
            "code": "newslint.config",
            "source": "newslint",
            "message": shown["params"]["message"],
        }
    ]
    count = len(client.published(uri))
    (project / "newslint.yaml").write_text(
        CONFIG + "disable: [core.multiple-spaces]\n", encoding="utf-8"
    )
    client.notify("textDocument/didSave", {"textDocument": {"uri": config_uri}})
    client._pump(lambda: len(client.published(uri)) > count)
    assert [d["code"] for d in client.published(uri)[-1]["diagnostics"]] == [
        "core.doubled-word",
        "house.kerb",
    ]

    # Closing clears the draft's diagnostics; shutdown and exit end the process cleanly.
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    client._pump(lambda: client.published(uri)[-1]["diagnostics"] == [])
    assert client.stop() == 0
    assert b"Content-Length" not in client.process.stderr.read()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("encoding", "start", "end"),
    [("utf-32", 27, 31), ("utf-8", 31, 35), ("utf-16", 28, 32)],
)
def test_position_encoding_the_client_prefers(
    project: Path, client: Client, encoding: str, start: int, end: int
) -> None:
    result = client.initialize(project, encodings=[encoding, "utf-16"], versioned=True)
    assert result["capabilities"]["positionEncoding"] == encoding
    uri = (project / "draft.md").as_uri()
    client.open(uri, DRAFT)
    first = client.diagnostics(uri, 1)[0]
    assert (first["code"], first["range"]) == ("house.kerb", span(2, start, end))
    # A client that checks versions gets edits that name the version they were made for.
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": first["range"], "context": {"diagnostics": []}},
    )
    assert actions[0]["edit"] == {
        "documentChanges": [
            {
                "textDocument": {"uri": uri, "version": 1},
                "edits": [{"range": span(2, start, end), "newText": "kerb"}],
            }
        ]
    }
    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 2, "character": start}},
    )
    assert hover["range"] == span(2, start, end)


def test_untitled_plain_text_with_the_style_option_and_crlf(tmp_path: Path, client: Client) -> None:
    client.initialize(tmp_path, options={"style": ["core"]})
    uri = "untitled:Untitled-1"
    text = "Headline\r\n\r\nThe the minister  spoke.\r\n"
    client.open(uri, text, language="plaintext")
    diagnostics = client.diagnostics(uri, 1)
    assert [(d["code"], d["range"]) for d in diagnostics] == [
        ("core.doubled-word", span(2, 0, 7)),
        ("core.multiple-spaces", span(2, 16, 18)),
    ]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": span(2, 1, 1), "context": {"diagnostics": []}},
    )
    disable = next(a for a in actions if a["title"].startswith("Disable"))
    assert disable["edit"]["changes"][uri] == [
        {"range": span(2, 0, 0), "newText": "[newslint-disable-next-line core.doubled-word]\r\n"}
    ]
    fix_all = next(a for a in actions if a["kind"] == "source.fixAll.newslint")
    edits = fix_all["edit"]["changes"][uri]
    assert apply(text, edits) == "Headline\r\n\r\nThe minister spoke.\r\n"


def test_html_by_language_and_bad_input_does_not_stop_the_server(
    tmp_path: Path, client: Client
) -> None:
    client.initialize(tmp_path, options={"style": ["core"]})
    body = b"{not json"
    with client._lock:
        assert client.process.stdin is not None
        client.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        client.process.stdin.flush()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": 5}})  # not a document
    client.send({"jsonrpc": "2.0", "id": 99, "method": "newslint/noSuchThing", "params": {}})
    client._pump(lambda: 99 in client.responses)
    assert client.responses[99]["error"]["code"] == -32601  # method not found
    logged = client.wait_for(lambda n: n["method"] == "window/logMessage")
    assert logged["params"]["type"] == 1
    assert logged["params"]["message"].startswith("newslint: ")
    gone = (tmp_path / "gone" / "page.txt").as_uri()  # a draft whose folder does not exist
    client.open(gone, "<p>The <code>the the</code> council met  today.</p>\n", language="html")
    assert [(d["code"], d["range"]) for d in client.diagnostics(gone, 1)] == [
        ("core.multiple-spaces", span(0, 39, 41))
    ]
    assert client.stop() == 0


SLOW_RULE = """\
rules:
  - id: slow
    type: existence
    severity: warning
    message: "Avoid '{found}'"
    tokens: ['(a+)+$']
    wholeword: false
    examples:
      fail: ["aaa"]
      pass: ["bbb"]
"""


def test_a_runaway_pattern_is_stopped_and_other_drafts_go_on(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("extends: [core]\nrules: [house]\n", encoding="utf-8")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    client = Client(tmp_path, env={"NEWSLINT_PATTERN_TIMEOUT": "0.2"})
    try:
        client.initialize(tmp_path)
        hostile = (tmp_path / "hostile.txt").as_uri()
        plain = (tmp_path / "plain.txt").as_uri()
        client.open(hostile, "Head\n\nThe the " + "a" * 1000 + "b\n", language="plaintext")
        client.open(plain, "Head\n\nThe the council met.\n", language="plaintext")
        assert [d["code"] for d in client.diagnostics(plain, 1)] == ["core.doubled-word"]
        assert client.published(hostile) == []  # the hostile draft is still being searched
        diagnostics = client.diagnostics(hostile, 1)
        assert [(d["code"], d["range"]) for d in diagnostics] == [
            ("newslint.rule-timeout", span(0, 0, 0)),
            ("core.doubled-word", span(2, 0, 7)),
        ]
        assert diagnostics[0]["message"] == (
            "rule 'house.slow' was stopped after 0.2 seconds searching this draft: simplify its "
            "patterns (or raise NEWSLINT_PATTERN_TIMEOUT)"
        )
        assert client.stop() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()


def test_a_cancelled_request_is_dropped_and_the_server_goes_on(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("extends: [core]\nrules: [house]\n", encoding="utf-8")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    client = Client(tmp_path, env={"NEWSLINT_PATTERN_TIMEOUT": "0.2"})
    try:
        client.initialize(tmp_path)
        uri = (tmp_path / "hostile.txt").as_uri()
        client.open(uri, "Head\n\nThe the " + "a" * 1000 + "b\n", language="plaintext")
        # The code actions need the draft linted, which takes the slow rule's time.
        client._ids += 1
        number = client._ids
        params = {
            "textDocument": {"uri": uri},
            "range": span(2, 1, 1),
            "context": {"diagnostics": []},
        }
        client.send(
            {"jsonrpc": "2.0", "id": number, "method": "textDocument/codeAction", "params": params}
        )
        client.notify("$/cancelRequest", {"id": number})
        client._pump(lambda: number in client.responses)
        assert client.responses[number]["error"]["code"] == -32800  # request cancelled
        assert [d["code"] for d in client.diagnostics(uri, 1)] == [
            "newslint.rule-timeout",
            "core.doubled-word",
        ]
        assert client.stop() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()
