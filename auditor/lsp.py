"""`auditor lsp`: a Language Server over stdio (pygls 2).

Diagnostics on open and on save at once, and as you type after a pause (300 ms after the
last change by default); quick fixes that apply a finding's suggestion; a hover that
explains the rule under the cursor. Each document is audited as `audit(text, path=...)`
audits it: its extension picks the reader (.md, .html, else plain text) and the nearest
auditor.toml above it configures it. The packs and engines load once, in one Pipeline the
server reuses (see lsp_checker), rebuilt when a configuration file changes. An error a
user can cause (a bad auditor.toml) is shown once as a message and as a diagnostic on the
first line; it never stops the server.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import traceback
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from auditor import __version__
from auditor.errors import AuditorError
from auditor.findings import Finding
from auditor.lsp_actions import hover, overlaps, quick_fixes, under
from auditor.lsp_checker import Checker
from auditor.lsp_convert import SOURCE, UTF16, diagnostics, parent_rule, problem_diagnostic
from auditor.pipeline import AuditOptions

DEBOUNCE = 0.3  # seconds after the last change before a re-check
LANGUAGE_EXT = {"markdown": ".md", "html": ".html"}  # for documents that are not files
CONFIG_GLOBS = ("**/auditor.toml", "**/pyproject.toml", "**/*.toml")
log = logging.getLogger(__name__)


def document_path(uri: str, language_id: str | None) -> str:
    """The file a document stands for; an unsaved one is named after its language so the
    right reader reads it, in the working folder so the configuration there applies."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if path:
        return path
    return str(Path.cwd() / f"untitled{LANGUAGE_EXT.get(language_id or '', '.txt')}")


class AuditorServer(LanguageServer):
    """The Language Server: document state, scheduling, and what it publishes."""

    def __init__(self, options: AuditOptions | None = None, debounce: float = DEBOUNCE) -> None:
        # Whole-document sync: an article is a few kilobytes, and pygls applies ranged
        # edits on str.splitlines() lines, which also break at U+2028, U+0085 and form
        # feeds where LSP lines do not: such a document would be edited in the wrong place.
        super().__init__("auditor", __version__, types.TextDocumentSyncKind.Full)
        self.checker = Checker(options)
        self.debounce = debounce
        self.tasks: dict[str, asyncio.Task[None]] = {}  # uri -> its pending or running check
        self.generation: dict[str, int] = {}  # uri -> number of the latest check asked for
        self.published: dict[str, list[types.Diagnostic]] = {}
        self.shown: set[str] = set()  # problems already shown as a message

    @property
    def encoding(self) -> str:
        kind = self.workspace.position_encoding
        return str(getattr(kind, "value", kind) or UTF16)

    def schedule(self, uri: str, delay: float) -> None:
        """Check a document after `delay` seconds; a newer request supersedes this one."""
        old = self.tasks.pop(uri, None)
        if old is not None:
            old.cancel()
        gen = self.generation[uri] = self.generation.get(uri, 0) + 1
        self.tasks[uri] = asyncio.get_running_loop().create_task(self._check(uri, gen, delay))

    def forget(self, uri: str) -> None:
        task = self.tasks.pop(uri, None)
        if task is not None:
            task.cancel()
        self.generation.pop(uri, None)
        self.published.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    async def _check(self, uri: str, gen: int, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return
        text, version, path = doc.source, doc.version, document_path(uri, doc.language_id)
        if Path(path).suffix == ".toml":
            return  # a configuration or a pack, not copy
        try:
            found: list[Finding] = await self.checker.run(lambda: self._audit(text, path))
            diags = diagnostics(found, text, self.checker.rules, self.encoding)
        except AuditorError as e:
            diags = [problem_diagnostic(e.line)]
            self.show_once(e.line, types.MessageType.Error)
        except Exception as e:
            log.exception("check failed")
            self.window_log_message(
                types.LogMessageParams(types.MessageType.Error, traceback.format_exc())
            )
            self.show_once(f"auditor: the check of {path} failed: {e}", types.MessageType.Error)
            diags = []
        if self.generation.get(uri) != gen:
            return  # the document changed or closed meanwhile: a newer check will publish
        self.published[uri] = diags
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=version)
        )

    def _audit(self, text: str, path: str) -> list[Finding]:
        """On the worker thread: the findings, or none for a blank document."""
        if not text.strip():
            return []
        return self.checker.check(text, path)

    def show_once(self, message: str, kind: types.MessageType) -> None:
        if message in self.shown:
            return
        self.shown.add(message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    async def reload(self) -> None:
        """A configuration changed: rebuild the Pipeline, then re-check every open document."""
        await self.checker.run(self.checker.reset)
        self.shown.clear()
        for uri in list(self.generation):
            self.schedule(uri, 0)

    async def describe(self, rule_ids: list[str]) -> dict[str, str]:
        """Harper's own text for the Harper sub-rules among `rule_ids` (worker thread)."""
        wanted = {}
        for rid in rule_ids:
            rule = parent_rule(self.checker.rules, rid)
            if rule is not None and rule.kind == "harper" and rule.id != rid:
                wanted[rid] = rid[len(rule.id) + 1 :]
        if not wanted:
            return {}

        def fetch() -> dict[str, str]:
            from auditor.engines.harper import describe

            return {rid: text for rid, sub in wanted.items() if (text := describe(sub))}

        return await self.checker.run(fetch)


def build_server(options: AuditOptions | None = None, debounce: float = DEBOUNCE) -> AuditorServer:
    """The server with its features registered."""
    server = AuditorServer(options, debounce)
    _register_sync(server)
    _register_features(server)
    return server


def _register_sync(server: AuditorServer) -> None:
    @server.feature(types.INITIALIZED)
    async def initialized(ls: AuditorServer, params: types.InitializedParams) -> None:
        await _watch_configs(ls)
        try:
            await ls.checker.run(ls.checker.warm)
        except Exception:  # a bad configuration is reported when a document is checked
            log.debug("warm-up failed", exc_info=True)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: AuditorServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: AuditorServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    async def did_save(ls: AuditorServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path and ls.checker.is_config(Path(path)):
            await ls.reload()
        elif uri in ls.generation:
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: AuditorServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched(ls: AuditorServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [to_fs_path(c.uri) for c in params.changes if c.uri.startswith("file:")]
        if any(p and ls.checker.is_config(Path(p)) for p in paths):
            await ls.reload()

    @server.feature(types.SHUTDOWN)
    async def shutdown(ls: AuditorServer, params: Any) -> None:
        for task in ls.tasks.values():
            task.cancel()
        await asyncio.get_running_loop().run_in_executor(None, ls.checker.close)


async def _watch_configs(ls: AuditorServer) -> None:
    """Ask the client to tell us about configuration files, where it can."""
    caps = ls.client_capabilities.workspace
    watch = caps.did_change_watched_files if caps else None
    if not (watch and watch.dynamic_registration):
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=g) for g in CONFIG_GLOBS]
    )
    reg = types.Registration(id="auditor-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                             register_options=options)  # fmt: skip
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[reg]))
    except Exception:  # a client that refuses: saving an auditor.toml still reloads
        log.debug("could not register file watchers", exc_info=True)


def _register_features(server: AuditorServer) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: AuditorServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        sent = [d for d in params.context.diagnostics if d.source == SOURCE and d.data]
        if not sent:  # a client that does not hand diagnostics back: ours under the range
            sent = [d for d in ls.published.get(uri, []) if overlaps(d.range, params.range)]
        return quick_fixes(uri, sent)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: AuditorServer, params: types.HoverParams) -> types.Hover | None:
        here = under(ls.published.get(params.text_document.uri, []), params.position)
        if not here:
            return None
        texts = await ls.describe([str(d.code) for d in here])
        return hover(here, ls.checker.rules, texts.get)


def serve(options: AuditOptions | None = None, debounce: float = DEBOUNCE) -> None:
    """Serve over stdin/stdout until the client says exit.

    The protocol owns file descriptor 1: what native engines print there (Harper's debug
    lines) would corrupt it, so the protocol writes to a duplicate of it, and descriptor 1
    and Python's sys.stdout go to stderr for the life of the server."""
    sys.stdout.flush()
    protocol_out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    build_server(options, debounce).start_io(sys.stdin.buffer, protocol_out)
