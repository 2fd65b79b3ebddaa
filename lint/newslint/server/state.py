"""The server's state: the open drafts, the work in flight, and what the editor is sent.

Linting runs in worker threads, never on the message loop, so a slow draft never stops the
server reading messages.  Each document keeps only its newest version: a version that was
superseded before its turn came is never linted, and a result is published only while its
version is still the newest, so an older result never replaces a newer one.  Requests that need
a result (code actions, hover) are asyncio tasks: ``$/cancelRequest`` cancels them.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ClassVar, TypeVar

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..violation import Violation
from .drafts import Draft, Edit, Result, Styles, lint
from .positions import UTF16

T = TypeVar("T")

CONFIG_ERROR = "newslint.config"
#: Seconds to wait after a change before linting, so that typing is not linted key by key.
DEBOUNCE = 0.15
SEVERITIES = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "suggestion": lsp.DiagnosticSeverity.Information,
}

log = logging.getLogger("newslint.server")


class NewslintServer(LanguageServer):
    """The open drafts, their newest results, and the work in flight."""

    def __init__(self) -> None:
        super().__init__(
            "newslint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full
        )
        self.encoding = UTF16
        self.debounce = DEBOUNCE
        self.styles = Styles()
        self.drafts: dict[str, Draft] = {}
        self.results: dict[str, Result] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.running: dict[str, tuple[Draft, asyncio.Future[Result | None]]] = {}
        self.shown: set[str] = set()  # config errors already shown to the user
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="newslint-lint")
        self.loop: asyncio.AbstractEventLoop | None = None

    # --- scheduling ----------------------------------------------------------------------

    def update(self, draft: Draft, delay: float = 0.0) -> None:
        """Make ``draft`` the document's newest version and lint it after ``delay`` seconds."""
        self.drafts[draft.uri] = draft
        self.schedule(draft.uri, delay)

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        loop = asyncio.get_running_loop()
        self.loop = loop
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        if delay > 0:
            self.timers[uri] = loop.call_later(delay, self.start, uri)
        else:
            self.start(uri)

    def start(self, uri: str) -> None:
        self.timers.pop(uri, None)
        draft = self.drafts.get(uri)
        if draft is None:
            return
        future = asyncio.get_running_loop().run_in_executor(self.pool, self._lint_if_newest, draft)
        self.running[uri] = (draft, future)
        future.add_done_callback(lambda done: self.finish(draft, done))

    def _lint_if_newest(self, draft: Draft) -> Result | None:
        """In a worker: lint ``draft`` unless a newer version came while it waited."""
        if self.drafts.get(draft.uri) is not draft:
            return None
        return lint(draft, self.styles)

    def finish(self, draft: Draft, done: asyncio.Future[Result | None]) -> None:
        """On the loop: publish a result whose version is still the newest, unless a newer
        lint of the document (of a newer version, or after a config changed) is on its way."""
        current = self.running.get(draft.uri)
        if current is not None and current[1] is not done:
            return
        self.running.pop(draft.uri, None)
        if done.cancelled():
            return
        exc = done.exception()
        if exc is not None:  # a bug: say so, and keep serving
            log.error("linting %s failed: %s: %s", draft.uri, type(exc).__name__, exc)
            return
        result = done.result()
        if result is None or self.drafts.get(draft.uri) is not draft:
            return
        self.results[draft.uri] = result
        self.publish(result)

    async def result_for(self, uri: str) -> Result | None:
        """The result of the document's newest version: the one published, the one being
        worked out (a request cancelled meanwhile leaves that work alone), or a new one."""
        draft = self.drafts.get(uri)
        if draft is None:
            return None
        result = self.results.get(uri)
        if result is not None and result.draft is draft:
            return result
        running = self.running.get(uri)
        if running is not None and running[0] is draft:
            result = await asyncio.shield(running[1])
            if result is not None:
                return result
        return await self.off_loop(lint, draft, self.styles)

    async def off_loop(self, work: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.pool, work, *args)

    def relint_all(self) -> None:
        """Read configs and rule files again and lint every open draft with them."""
        self.styles.reload()
        self.shown.clear()
        self.results.clear()
        log.info("a config or rule file changed: linting %d open drafts again", len(self.drafts))
        for uri in list(self.drafts):
            self.schedule(uri)

    # --- what the editor sees ------------------------------------------------------------

    def range(self, draft: Draft, start: int, end: int) -> lsp.Range:
        lines = draft.lines
        (sl, sc), (el, ec) = (
            lines.position(start, self.encoding),
            lines.position(end, self.encoding),
        )
        return lsp.Range(lsp.Position(sl, sc), lsp.Position(el, ec))

    def diagnostic(self, result: Result, v: Violation) -> lsp.Diagnostic:
        rule = result.rule(v)
        link = lsp.CodeDescription(href=rule.link) if rule is not None and rule.link else None
        return lsp.Diagnostic(
            range=self.range(result.draft, v.start, v.end),
            message=v.message,
            severity=SEVERITIES.get(v.severity, lsp.DiagnosticSeverity.Warning),
            code=v.rule,
            code_description=link,
            source="newslint",
        )

    def diagnostics(self, result: Result) -> list[lsp.Diagnostic]:
        if result.error is None:
            return [self.diagnostic(result, v) for v in result.violations]
        draft = result.draft
        first = draft.lines.line(0)
        return [
            lsp.Diagnostic(
                range=self.range(draft, 0, len(first)),
                message=result.error,
                severity=lsp.DiagnosticSeverity.Error,
                code=CONFIG_ERROR,
                source="newslint",
            )
        ]

    def publish(self, result: Result) -> None:
        if result.error is not None and result.error not in self.shown:
            self.shown.add(result.error)
            self.window_show_message(
                lsp.ShowMessageParams(type=lsp.MessageType.Error, message=result.error)
            )
        draft = result.draft
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=draft.uri, version=draft.version, diagnostics=self.diagnostics(result)
            )
        )

    def workspace_edit(self, draft: Draft, edits: Iterable[Edit]) -> lsp.WorkspaceEdit:
        """The edits to ``draft``, naming its version where the client can check it, so that
        an edit made for an older text is refused rather than applied to a newer one."""
        text_edits = [lsp.TextEdit(self.range(draft, e.start, e.end), e.text) for e in edits]
        workspace = self.client_capabilities.workspace
        can = workspace.workspace_edit if workspace is not None else None
        if can is not None and can.document_changes:
            document = lsp.OptionalVersionedTextDocumentIdentifier(draft.uri, draft.version)
            return lsp.WorkspaceEdit(
                document_changes=[lsp.TextDocumentEdit(document, list(text_edits))]
            )
        return lsp.WorkspaceEdit(changes={draft.uri: text_edits})

    def report_server_error(self, error: Exception, source: Any) -> None:
        """A message the server could not read or answer: logged, and the server goes on."""
        log.error("%s: %s", type(error).__name__, error)


class ClientLog(logging.Handler):
    """Log records sent to the client as window/logMessage, from any thread."""

    LEVELS: ClassVar[dict[int, lsp.MessageType]] = {
        logging.ERROR: lsp.MessageType.Error,
        logging.WARNING: lsp.MessageType.Warning,
        logging.INFO: lsp.MessageType.Info,
    }

    def __init__(self, server: NewslintServer) -> None:
        super().__init__(logging.INFO)
        self.server = server
        self.busy = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        loop = self.server.loop
        if getattr(self.busy, "on", False) or loop is None or loop.is_closed():
            return
        kind = self.LEVELS.get(record.levelno, lsp.MessageType.Log)
        text = record.getMessage()
        if not os.environ.get("NEWSLINT_DEBUG"):  # the traceback only when asked for
            text = text.partition("\n")[0]
        params = lsp.LogMessageParams(type=kind, message=f"newslint: {text}")
        self.busy.on = True
        try:
            loop.call_soon_threadsafe(self.server.window_log_message, params)
        except RuntimeError:  # the loop has closed
            pass
        finally:
            self.busy.on = False
