"""The LanguageTool client against a local HTTP server that answers like /v2/check.

No real LanguageTool runs here (its download is blocked); the fake server answers in the
documented format, the older one (rule.urls as plain strings), with 429/5xx, or too slowly.
`test_real_server` runs only when AUDITOR_LANGUAGETOOL_URL names a real server.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from auditor.engine import Auditor, Selection
from auditor.engines import languagetool as lt
from auditor.inputs import plain_document
from auditor.packs import load_packs


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def _answer(text: str, old: bool) -> dict:
    """Flag "recieved" the way LanguageTool does, offsets in UTF-16 code units."""
    matches = []
    i = text.find("recieved")
    if i >= 0:
        rule = {"id": "MORFOLOGIK_RULE_EN_GB", "description": "Possible spelling mistake",
                "issueType": "misspelling", "category": {"id": "TYPOS", "name": "Typos"}}  # fmt: skip
        if old:
            rule = {"id": "EN_SPELL", "urls": ["https://example.org/rule"]}
        else:
            rule["urls"] = [{"value": "https://example.org/rule"}]
        matches.append({
            "message": "Possible spelling mistake found.",
            "shortMessage": "Spelling mistake",
            "replacements": ["received"] if old else [{"value": "received"}],
            "offset": _utf16_len(text[:i]),
            "length": 8,
            "context": {"text": text, "offset": 0, "length": 8},
            "sentence": text,
            "rule": rule,
        })  # fmt: skip
    return {"software": {"name": "LanguageTool", "apiVersion": 1}, "language": {"code": "en-GB"},
            "matches": matches}  # fmt: skip


class _Handler(BaseHTTPRequestHandler):
    mode = "ok"
    seen: ClassVar[list[dict[str, list[str]]]] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
        type(self).seen.append(form)
        mode = type(self).mode
        if mode == "slow":
            time.sleep(2)
        if mode in ("429", "503"):
            self.send_response(int(mode))
            self.end_headers()
            return
        body = json.dumps(_answer(form["text"][0], old=mode == "old")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    # handler threads are joined at server_close: a slow reply of one test must not print
    # into the next test's captured stderr
    httpd.daemon_threads = False
    httpd.block_on_close = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.mode = "ok"
    _Handler.seen = []
    lt._SESSIONS.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    lt._SESSIONS.clear()


TEXT = "Kyiv 🇺🇦 said the 😀 minister recieved the report."


def test_client_converts_utf16_offsets(server: str) -> None:
    lints = lt.Client(server).check(TEXT)
    assert len(lints) == 1
    assert TEXT[lints[0].start : lints[0].end] == "recieved"
    assert lints[0].suggestions == ("received",)
    assert _Handler.seen[0]["language"] == ["en-GB"]


def test_older_format_with_plain_string_urls(server: str) -> None:
    _Handler.mode = "old"
    lints = lt.Client(server + "/v2/").check(TEXT)
    assert [(TEXT[x.start : x.end], x.rule, x.suggestions) for x in lints] == [
        ("recieved", "EN_SPELL", ("received",))
    ]


@pytest.mark.parametrize("mode", ["429", "503"])
def test_http_errors_are_unavailable(server: str, mode: str) -> None:
    _Handler.mode = mode
    with pytest.raises(lt.EngineUnavailable, match=mode):
        lt.Client(server).check(TEXT)


def test_timeout_does_not_hang(server: str) -> None:
    _Handler.mode = "slow"
    t = time.perf_counter()
    with pytest.raises(lt.EngineUnavailable, match="no answer within"):
        lt.Client(server, timeout=0.3).check(TEXT)
    assert time.perf_counter() - t < 1.5


def _audit(settings: dict) -> list:
    aud = Auditor(load_packs(), Selection(select=["grammar"]), {"grammar": settings})
    try:
        found = aud.audit(plain_document("a.txt", TEXT + " Officials in Kursk agreed."))
        return [f for f in found if f.rule.startswith(("grammar.harper", "grammar.languagetool"))]
    finally:
        aud.close()


def test_pack_uses_languagetool_when_named(server: str) -> None:
    findings = _audit({"languagetool": server})
    assert [(f.rule, f.text) for f in findings] == [
        ("grammar.languagetool.MORFOLOGIK_RULE_EN_GB", "recieved")
    ]
    assert "WHITESPACE_RULE" in _Handler.seen[0]["disabledRules"][0]


def test_fallback_to_harper(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    _Handler.mode = "503"
    findings = _audit({"languagetool": server})
    assert [(f.rule, f.text) for f in findings] == [("grammar.harper.SpellCheck", "recieved")]
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "falling back to Harper" in err[0]


def test_fallback_fail_raises(server: str) -> None:
    _Handler.mode = "429"
    with pytest.raises(lt.EngineUnavailable, match="429"):
        _audit({"languagetool": server, "languagetool_fallback": "fail"})


def test_utf16_conversion_direct() -> None:
    s = "a😀b recieved"
    assert lt.utf16_to_codepoints(s, 5, 8) == (4, 12)
    assert lt.utf16_to_codepoints(s, 1, 2) == (1, 2)
    assert lt.utf16_to_codepoints("abc", 1, 1) == (1, 2)


@pytest.mark.skipif(not os.environ.get("AUDITOR_LANGUAGETOOL_URL"), reason="no real server")
def test_real_server() -> None:
    client = lt.Client(os.environ["AUDITOR_LANGUAGETOOL_URL"], timeout=30)
    lints = client.check(TEXT)
    spans = [TEXT[x.start : x.end] for x in lints]
    assert "recieved" in spans


def test_out_of_range_matches_are_skipped() -> None:
    payload = {"matches": [{"offset": 50, "length": 3, "message": "x", "rule": {"id": "R"}},
                           {"offset": 1, "length": 0, "message": "x", "rule": {"id": "R"}},
                           {"message": "no offset"}]}  # fmt: skip
    assert lt.parse_matches("short", payload) == []


def test_local_without_java(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lt.shutil, "which", lambda name: None)
    with pytest.raises(lt.EngineUnavailable, match="no Java found"):
        lt.start_local("en-GB")


def test_local_without_an_unpacked_languagetool(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(lt, "_java_major", lambda: 17)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    with pytest.raises(lt.EngineUnavailable, match="never downloads"):
        lt.start_local("en-GB")
