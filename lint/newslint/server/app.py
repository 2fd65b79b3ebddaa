"""The language server: the protocol's messages in, diagnostics, fixes and hovers out.

Built on pygls (the protocol's messages, JSON-RPC over standard input and output, the handshake,
cancellation and position encodings) with lsprotocol's types.  Everything newslint itself does
is in :mod:`.drafts`; :mod:`.state` schedules it and turns its results into the protocol's
terms; this module answers each message.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Sequence
from typing import Any

from lsprotocol import types as lsp
from pygls.capabilities import ServerCapabilitiesBuilder

from ..errors import NewslintError
from ..formats import SUFFIXES
from .drafts import (
    Draft,
    Styles,
    disable_edit,
    fix_all,
    fix_title,
    is_setting_file,
    replacement_edit,
    uri_path,
)
from .hover import describe
from .positions import ENCODINGS, UTF16
from .state import ClientLog, NewslintServer, log

FIX_ALL_KIND = "source.fixAll.newslint"
FIX_ALL_COMMAND = "newslint.fixAll"
#: The files whose change can change a style, watched where the client can watch them.
WATCHED = ("newslint.yaml", ".newslint.yaml", "pyproject.toml", "*.yaml", "*.yml")


def _wanted(only: Sequence[str] | None, kind: str) -> bool:
    """True when a code action of ``kind`` is among the kinds asked for (all, without ``only``)."""
    return only is None or any(kind == k or kind.startswith(k + ".") for k in only)


def _draft(document: lsp.TextDocumentItem) -> Draft:
    return Draft(document.uri, document.language_id, document.version, document.text)


def _is_draft(draft: Draft) -> bool:
    """True for a document newslint reads: by its language, its suffix, or an untitled one."""
    if draft.language in ("markdown", "plaintext", "html") or draft.path is None:
        return True
    return any(draft.path.lower().endswith(suffix) for suffix in SUFFIXES)


def _uri_of(argument: Any) -> str | None:
    if isinstance(argument, str):
        return argument
    if isinstance(argument, dict):
        uri = argument.get("uri")
        return uri if isinstance(uri, str) else None
    return None


def build() -> NewslintServer:
    """The server with its handlers."""
    server = NewslintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: NewslintServer, params: lsp.InitializeParams) -> None:
        ls.loop = asyncio.get_running_loop()
        chosen = str(ServerCapabilitiesBuilder.choose_position_encoding(params.capabilities))
        ls.encoding = chosen if chosen in ENCODINGS else UTF16
        options = params.initialization_options
        options = options if isinstance(options, dict) else {}
        style = options.get("style") or []
        if isinstance(style, str):
            style = [style]
        if not isinstance(style, list) or not all(isinstance(s, str) for s in style):
            log.warning("the 'style' option must be a list of packs or folders; ignored")
            style = []
        debounce = options.get("debounce")
        if isinstance(debounce, int | float) and 0 <= debounce <= 10_000:
            ls.debounce = debounce / 1000
        root = None
        if params.workspace_folders:
            root = uri_path(params.workspace_folders[0].uri)
        elif params.root_uri:
            root = uri_path(params.root_uri)
        ls.styles = Styles(style, root)

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: NewslintServer, params: lsp.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps is not None else None
        if watched is None or not watched.dynamic_registration:
            return
        options = lsp.DidChangeWatchedFilesRegistrationOptions(
            watchers=[lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in WATCHED]
        )
        registration = lsp.Registration(
            id="newslint-settings",
            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        ls.client_register_capability(lsp.RegistrationParams(registrations=[registration]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        draft = _draft(params.text_document)
        if _is_draft(draft):
            ls.update(draft)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        old = ls.drafts.get(params.text_document.uri)
        if old is None or not params.content_changes:
            return
        change = params.content_changes[-1]  # full sync: each change is the whole text
        if not isinstance(change, lsp.TextDocumentContentChangeWholeDocument):
            log.warning("ignored a change by range: the server asks for whole texts")
            return
        version = params.text_document.version
        ls.update(Draft(old.uri, old.language, version, change.text), ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: NewslintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = uri_path(uri)
        if path is not None and is_setting_file(path):
            ls.relint_all()
        elif uri in ls.drafts:
            ls.schedule(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        timer = ls.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        ls.results.pop(uri, None)
        if ls.drafts.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: NewslintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        paths = (uri_path(change.uri) for change in params.changes)
        if any(path is not None and is_setting_file(path) for path in paths):
            ls.relint_all()

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[
                lsp.CodeActionKind.QuickFix,
                lsp.CodeActionKind.SourceFixAll,
                FIX_ALL_KIND,
            ]
        ),
    )
    async def code_action(
        ls: NewslintServer, params: lsp.CodeActionParams
    ) -> list[lsp.CodeAction] | None:
        result = await ls.result_for(params.text_document.uri)
        if result is None or result.error is not None:
            return None
        draft = result.draft
        only = params.context.only
        start = draft.lines.offset(
            params.range.start.line, params.range.start.character, ls.encoding
        )
        end = draft.lines.offset(params.range.end.line, params.range.end.character, ls.encoding)
        actions: list[lsp.CodeAction] = []
        disabling: list[lsp.CodeAction] = []
        offered: set[tuple[str, int]] = set()
        for i, v in enumerate(result.violations):
            if v.start > end or v.end < start or not _wanted(only, lsp.CodeActionKind.QuickFix):
                continue
            diagnostic = ls.diagnostic(result, v)
            if i in result.fixable:
                actions.append(
                    lsp.CodeAction(
                        title=fix_title(v),
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        is_preferred=True,
                        edit=ls.workspace_edit(draft, [replacement_edit(draft, v)]),
                    )
                )
            disable = disable_edit(draft, v)
            if disable is not None and (v.rule, v.line) not in offered:
                offered.add((v.rule, v.line))
                disabling.append(
                    lsp.CodeAction(
                        title=f"Disable {v.rule} for this line",
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        edit=ls.workspace_edit(draft, [disable]),
                    )
                )
        actions += disabling
        if result.fixable and _wanted(only, FIX_ALL_KIND):
            edit = await ls.off_loop(fix_all, draft, ls.styles)
            if edit is not None and ls.drafts.get(draft.uri) is draft:
                actions.append(
                    lsp.CodeAction(
                        title="Fix all newslint violations",
                        kind=FIX_ALL_KIND,
                        edit=ls.workspace_edit(draft, [edit]),
                    )
                )
        return actions

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: NewslintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        result = await ls.result_for(params.text_document.uri)
        if result is None:
            return None
        draft = result.draft
        at = draft.lines.offset(params.position.line, params.position.character, ls.encoding)
        found = [v for v in result.violations if v.start <= at < v.end or v.start == at == v.end]
        if not found:
            return None
        text = "\n---\n\n".join(describe(v, result.rule(v)) for v in found)
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
            range=ls.range(draft, found[0].start, found[0].end),
        )

    @server.command(FIX_ALL_COMMAND)
    async def fix_all_command(
        ls: NewslintServer, *arguments: Any
    ) -> lsp.ApplyWorkspaceEditResult | None:
        uri = _uri_of(arguments[0]) if arguments else None
        draft = ls.drafts.get(uri) if uri is not None else None
        if draft is None:
            raise ValueError(f"{FIX_ALL_COMMAND} takes the URI of an open draft")
        try:
            edit = await ls.off_loop(fix_all, draft, ls.styles)
        except NewslintError as exc:
            ls.window_show_message(
                lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"newslint: {exc}")
            )
            return None
        if edit is None or ls.drafts.get(draft.uri) is not draft:
            return None
        return await ls.workspace_apply_edit_async(
            lsp.ApplyWorkspaceEditParams(
                edit=ls.workspace_edit(draft, [edit]), label="Fix all newslint violations"
            )
        )

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: NewslintServer, *args: Any) -> None:
        for timer in ls.timers.values():
            timer.cancel()
        ls.timers.clear()
        ls.pool.shutdown(wait=False, cancel_futures=True)

    return server


def serve() -> int:
    """Serve over standard input and output until the client says exit."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # standard output carries the protocol and nothing else
    server = build()
    handler = ClientLog(server)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    log.setLevel(logging.INFO)
    server.start_io(stdin, stdout)
    return 0
