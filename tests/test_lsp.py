"""`auditor lsp`: a real client process speaking JSON-RPC to the server over its stdio.

The client below is deliberately not pygls: it writes Content-Length framed JSON by hand
and reads the raw JSON back, so the wire format (UTF-16 positions, fields) is checked as an
editor would see it. The workspace's auditor.toml selects two cheap packs' rules so the
server starts in about a second (Harper is not loaded).
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from auditor.findings import Finding
from auditor.lsp_convert import UTF8, UTF32, LineIndex, diagnostics

DOC = (
    "# Budget\n"
    "\n"
    "The minister allegedly hid the figures.\n"
    "\n"
    "😀 𝒜 Officials reportedly moved the money. They could of stopped it.\n"
)


def utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class Client:
    """A minimal LSP client: framed JSON-RPC over a subprocess's stdin/stdout."""

    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "auditor", "lsp", "--stdio", "--debounce-ms", "300"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.notes: queue.Queue[dict[str, Any]] = queue.Queue()
        self.replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self.next_id = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _send(self, msg: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **msg}).encode()
        assert self.proc.stdin is not None
        with self.lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line == b"\r\n":
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            assert length is not None, "a message without Content-Length"
            msg = json.loads(out.read(length))
            if "method" in msg and "id" in msg:  # a request from the server
                self._send({"id": msg["id"], "result": None})
                self.notes.put(msg)
            elif "method" in msg:
                self.notes.put(msg)
            else:
                self.replies.setdefault(msg["id"], queue.Queue()).put(msg)

    def request(self, method: str, params: Any, timeout: float = 10) -> Any:
        self.next_id += 1
        rid = self.next_id
        box = self.replies.setdefault(rid, queue.Queue())
        self._send({"id": rid, "method": method, "params": params})
        reply = box.get(timeout=timeout)
        assert "error" not in reply, reply
        return reply["result"]

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def wait(self, method: str, timeout: float = 10, **match: Any) -> dict[str, Any]:
        """The next notification of this method whose params hold `match`; others dropped."""
        end = time.monotonic() + timeout
        while True:
            msg = self.notes.get(timeout=max(0.01, end - time.monotonic()))
            params = msg.get("params") or {}
            if msg["method"] == method and all(params.get(k) == v for k, v in match.items()):
                return msg

    def drain(self, seconds: float) -> list[dict[str, Any]]:
        got: list[dict[str, Any]] = []
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                got.append(self.notes.get(timeout=left))
            except queue.Empty:
                break
        return got


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "auditor.toml").write_text('select = ["hedges", "grammar.modal-of"]\n')
    return tmp_path


def _by_code(diags: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {d["code"]: d for d in diags}


def _start(client: Client, root: Path) -> dict[str, Any]:
    caps = {
        "general": {"positionEncodings": ["utf-16"]},
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
        "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}},
    }
    result: dict[str, Any] = client.request(
        "initialize",
        {"processId": None, "rootUri": root.as_uri(), "capabilities": caps},
        timeout=30,
    )
    client.notify("initialized", {})
    return result


@pytest.mark.e2e
def test_lsp_session(workspace: Path) -> None:
    started = time.monotonic()
    client = Client(workspace)
    try:
        _session(client, workspace)
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
        client.proc.wait(timeout=10)
    assert time.monotonic() - started < 20


def _session(client: Client, root: Path) -> None:
    init = _start(client, root)
    caps = init["capabilities"]
    assert caps["positionEncoding"] == "utf-16"
    assert caps["hoverProvider"] and caps["codeActionProvider"]
    assert caps["textDocumentSync"]["change"] == 1  # whole documents
    assert caps["textDocumentSync"]["save"] == {"includeText": False}
    assert init["serverInfo"]["name"] == "auditor"
    reg = client.wait("client/registerCapability")
    globs = [
        w["globPattern"] for w in reg["params"]["registrations"][0]["registerOptions"]["watchers"]
    ]
    assert "**/auditor.toml" in globs

    uri = (root / "story.md").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DOC}},
    )
    diags = client.wait("textDocument/publishDiagnostics", uri=uri)["params"]
    assert diags["version"] == 1
    found = _by_code(diags["diagnostics"])
    assert set(found) == {"hedges.allegedly", "hedges.reportedly", "grammar.modal-of"}
    line = DOC.splitlines()[4]
    assert found["hedges.allegedly"]["range"] == _rng(2, 13, 2, 22)
    # two characters outside the BMP before it: two UTF-16 units each, one code point each
    rep = found["hedges.reportedly"]
    assert (
        rep["range"]["start"]
        == {"line": 4, "character": 16}
        == {"line": 4, "character": utf16(line[: line.index("reportedly")])}
    )
    assert rep["range"]["end"]["character"] == 26
    assert rep["severity"] == 2 and rep["source"] == "auditor"
    modal = found["grammar.modal-of"]
    assert modal["severity"] == 1
    assert modal["range"]["start"]["character"] == utf16(line[: line.index("could of")])
    assert modal["data"]["suggestions"] == ["could have"]

    _code_actions(client, uri, modal)
    _hover(client, uri, found["hedges.allegedly"])
    _edits(client, uri)
    _config_reload(client, root, uri)

    assert client.request("shutdown", None) is None
    client.notify("exit", None)
    assert client.proc.wait(timeout=10) == 0
    assert client.proc.stderr is not None
    assert b"Traceback" not in client.proc.stderr.read()


def _code_actions(client: Client, uri: str, modal: dict[str, Any]) -> None:
    for sent in ([modal], []):  # diagnostics handed back, or not (the server remembers)
        actions = client.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": modal["range"],
                "context": {"diagnostics": sent},
            },
        )
        assert len(actions) == 1
        fix = actions[0]
        assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
        assert fix["edit"]["changes"][uri] == [{"range": modal["range"], "newText": "could have"}]
    nothing = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": _rng(0, 0, 0, 1), "context": {"diagnostics": []}},
    )
    assert not nothing


def _hover(client: Client, uri: str, alleged: dict[str, Any]) -> None:
    at = {"line": 2, "character": 15}
    got = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at})
    assert got["range"] == alleged["range"]
    text = got["contents"]["value"]
    assert got["contents"]["kind"] == "markdown"
    assert "hedges.allegedly" in text and "**Why:**" in text and "**Flagged:**" in text
    away = {"line": 0, "character": 2}
    assert (
        client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": away})
        is None
    )


def _edits(client: Client, uri: str) -> None:
    """Typing: three quick changes are checked once, after the pause, at the last version."""
    text = DOC.replace("allegedly ", "")
    for version, title in ((2, "Figures"), (3, "Money"), (4, "Money row")):
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text.replace("Budget", title)}],
            },
        )
    got = client.wait("textDocument/publishDiagnostics", uri=uri)["params"]
    assert got["version"] == 4
    found = _by_code(got["diagnostics"])
    assert set(found) == {"hedges.reportedly", "grammar.modal-of"}
    assert found["hedges.reportedly"]["range"]["start"] == {"line": 4, "character": 16}
    late = [m for m in client.drain(0.4) if m["method"] == "textDocument/publishDiagnostics"]
    assert not late  # nothing for versions 2 and 3


def _config_reload(client: Client, root: Path, uri: str) -> None:
    """A broken auditor.toml is one message and a line-0 diagnostic; fixing it recovers."""
    cfg = root / "auditor.toml"
    cfg.write_text("select = 5\n")
    client.notify(
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": cfg.as_uri(), "type": 2}]}
    )
    shown = client.wait("window/showMessage")["params"]
    assert "auditor.toml" in shown["message"] and "select" in shown["message"]
    diags = client.wait("textDocument/publishDiagnostics", uri=uri)["params"]["diagnostics"]
    assert len(diags) == 1 and diags[0]["range"]["start"] == {"line": 0, "character": 0}
    assert diags[0]["severity"] == 1 and "select" in diags[0]["message"]

    # fixed and saved in the editor: the server reloads on the save
    cfg.write_text('select = ["hedges"]\n')
    cfg_uri = cfg.as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": cfg_uri, "languageId": "toml", "version": 1, "text": "x"}},
    )
    client.notify("textDocument/didSave", {"textDocument": {"uri": cfg_uri}})
    got = client.wait("textDocument/publishDiagnostics")["params"]
    assert got["uri"] == uri  # the story, re-checked; the configuration is not audited
    assert [d["code"] for d in got["diagnostics"]] == ["hedges.reportedly"]

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.wait("textDocument/publishDiagnostics", uri=uri)["params"]["diagnostics"] == []


def test_check_does_not_import_pygls() -> None:
    code = (
        "import sys, auditor.cli; sys.exit('pygls' in sys.modules or 'lsprotocol' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def _finding(start: int, end: int) -> Finding:
    return Finding("hedges.x", "hedges", "info", "m", start, end, 1, 1, "")


def test_positions_count_utf16_units_and_lsp_line_ends() -> None:
    text = "a\r\nb😀c\rd\u2028e\nf"
    idx = LineIndex(text)
    assert idx.position(text.index("c")) == _pos(1, 3)  # the emoji is two units
    assert idx.position(text.index("d")) == _pos(2, 0)  # a lone \r ends a line
    assert idx.position(text.index("e")) == _pos(2, 2)  # U+2028 does not, for LSP
    assert idx.position(len(text)) == _pos(3, 1)
    assert LineIndex(text, UTF32).position(text.index("c")).character == 2
    assert LineIndex(text, UTF8).position(text.index("c")).character == 5


def test_byte_order_mark_shifts_ranges() -> None:
    text = "\ufeffThe minister allegedly hid."
    (d,) = diagnostics([_finding(13, 22)], text, {})  # offsets into the text less its BOM
    assert (d.range.start.character, d.range.end.character) == (14, 23)
    assert d.severity == 3 and d.source == "auditor" and d.code == "hedges.x"


def _rng(l1: int, c1: int, l2: int, c2: int) -> dict[str, Any]:
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def _pos(line: int, character: int) -> Any:
    from lsprotocol import types

    return types.Position(line=line, character=character)
