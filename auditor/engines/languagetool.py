"""LanguageTool: a client for a server's `/v2/check`, remote or started locally.

`--languagetool URL` talks to a remote or self-hosted server; `--languagetool local` starts
the Java server that language-tool-python runs, only when Java 17+ and an unpacked
LanguageTool are already on the machine (nothing is downloaded at run time). LanguageTool
counts offsets in UTF-16 code units; they are converted to code points here. When the
engine is unavailable (no Java, no server, HTTP 429 or 5xx, a timeout) the session says so
once and is marked failed: the run falls back to Harper or stops, as the flag chooses.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.engines.harper import EngineLint
from auditor.errors import EngineUnavailable

DEFAULT_TIMEOUT = 10.0


def utf16_to_codepoints(text: str, offset: int, length: int) -> tuple[int, int]:
    """Convert a UTF-16 (offset, length) into code point (start, end) in text."""
    units = 0
    start = None
    target_end = offset + length
    for i, ch in enumerate(text):
        if start is None and units >= offset:
            start = i
        if units >= target_end:
            return (start if start is not None else i), i
        units += 2 if ord(ch) > 0xFFFF else 1
    return (start if start is not None else len(text)), len(text)


def parse_matches(text: str, payload: dict[str, Any]) -> list[EngineLint]:
    """LanguageTool's /v2/check JSON -> lints in code points of `text`.

    Accepts the current format and older ones (rule.urls as plain strings, no
    rule.category); a match it cannot read is skipped rather than failing the document.
    """
    out: list[EngineLint] = []
    has_astral = any(ord(c) > 0xFFFF for c in text)
    for m in payload.get("matches", []) or []:
        try:
            offset, length = int(m["offset"]), int(m["length"])
        except (KeyError, TypeError, ValueError):
            continue
        if has_astral:
            s, e = utf16_to_codepoints(text, offset, length)
        else:
            s, e = offset, offset + length
        s, e = max(0, min(s, len(text))), max(0, min(e, len(text)))
        if e <= s:
            continue  # an empty or out-of-range span from a confused server
        rule = m.get("rule") or {}
        rule_id = str(rule.get("id") or "UNKNOWN") if isinstance(rule, dict) else "UNKNOWN"
        reps = []
        for r in m.get("replacements", []) or []:
            value = r.get("value") if isinstance(r, dict) else r
            if isinstance(value, str) and value:
                reps.append(value)
        message = str(m.get("message") or m.get("shortMessage") or rule_id)
        out.append(EngineLint(rule_id, s, e, message, tuple(reps[:5])))
    return out


@dataclass
class Client:
    """A LanguageTool server at `url` (its /v2/check endpoint is derived)."""

    url: str
    language: str = "en-GB"
    timeout: float = DEFAULT_TIMEOUT
    disabled: tuple[str, ...] = ()

    def endpoint(self) -> str:
        base = self.url.rstrip("/")
        if base.endswith("/v2/check"):
            return base
        if base.endswith("/v2"):
            return base + "/check"
        return base + "/v2/check"

    def check(self, text: str) -> list[EngineLint]:
        form = {"text": text, "language": self.language}
        if self.disabled:
            form["disabledRules"] = ",".join(self.disabled)
        data = urllib.parse.urlencode(form).encode("utf-8")
        req = urllib.request.Request(
            self.endpoint(),
            data=data,
            headers={"Content-Type": "application/x-www-form-urlencoded",
                     "Accept": "application/json"},
        )  # fmt: skip
        where = self.endpoint()
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body = resp.read()
        except urllib.error.HTTPError as e:
            what = "rate limited (HTTP 429)" if e.code == 429 else f"HTTP {e.code}"
            raise EngineUnavailable(f"LanguageTool at {where}: {what}") from None
        except (TimeoutError, OSError) as e:  # URLError, refused, timeouts
            reason = getattr(e, "reason", e)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                reason = f"no answer within {self.timeout:g} s"
            raise EngineUnavailable(f"LanguageTool at {where}: {reason}") from None
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise EngineUnavailable(f"LanguageTool at {where}: not a JSON answer") from None
        if not isinstance(payload, dict):
            raise EngineUnavailable(f"LanguageTool at {where}: unexpected answer")
        return parse_matches(text, payload)


# -- local server --------------------------------------------------------------------------


def _java_major() -> int | None:
    java = shutil.which("java")
    if java is None:
        return None
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = out.stderr + out.stdout
    for token in text.replace('"', " ").split():
        head = token.split(".")[0]
        if head.isdigit() and "." in token:
            major = int(head)
            return int(token.split(".")[1]) if major == 1 else major
    return None


def _local_install() -> Path | None:
    """An unpacked LanguageTool: LTP_JAR_DIR_PATH, or a download language-tool-python made."""
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir and Path(jar_dir).is_dir():
        return Path(jar_dir)
    root = Path(os.environ.get("LTP_PATH", Path.home() / ".cache" / "language_tool_python"))
    if root.is_dir():
        found = sorted(root.glob("LanguageTool*"))
        if found:
            return found[-1]
    return None


def start_local(language: str) -> tuple[Any, str]:
    """Start language-tool-python's Java server; (the tool, its URL) or EngineUnavailable."""
    major = _java_major()
    if major is None:
        raise EngineUnavailable("LanguageTool local: no Java found (it needs Java 17 or later)")
    if major < 17:
        raise EngineUnavailable(f"LanguageTool local: Java {major} found, it needs 17 or later")
    install = _local_install()
    if install is None:
        raise EngineUnavailable(
            "LanguageTool local: no unpacked LanguageTool found (set LTP_JAR_DIR_PATH; "
            "auditor never downloads it)"
        )
    os.environ.setdefault("LTP_JAR_DIR_PATH", str(install))
    try:
        import language_tool_python

        tool = language_tool_python.LanguageTool(language)
    except Exception as e:
        reason = " ".join(str(e).split())
        raise EngineUnavailable(f"LanguageTool local: cannot start the server: {reason}") from None
    return tool, tool.url.rsplit("/v2/", 1)[0]


# -- one session per run -------------------------------------------------------------------


@dataclass
class Session:
    """LanguageTool for one run: the client, and whether it failed (then Harper takes over)."""

    target: str
    fallback: str = "harper"
    timeout: float = DEFAULT_TIMEOUT
    language: str = "en-GB"
    failed: bool = False
    client: Client | None = None
    _tool: Any = field(default=None, repr=False)

    def connect(self) -> Client:
        if self.client is None:
            if self.target == "local":
                self._tool, url = start_local(self.language)
            else:
                url = self.target
            self.client = Client(url, self.language, self.timeout)
        return self.client

    def fail(self, reason: str) -> None:
        """Say why once; stop the run (fallback "fail") or hand over to Harper."""
        if self.fallback == "fail":
            raise EngineUnavailable(reason)
        if not self.failed:
            print(f"auditor: {reason}; falling back to Harper", file=sys.stderr)
        self.failed = True

    def close(self) -> None:
        if self._tool is not None:
            try:
                self._tool.close()
            finally:
                self._tool = None


_SESSIONS: dict[tuple[str, str, float, str], Session] = {}


def session(settings: dict[str, Any]) -> Session | None:
    """The run's session for these settings (shared by the engine checks), or None."""
    target = settings.get("languagetool")
    if not target:
        return None
    fallback = str(settings.get("languagetool_fallback", "harper"))
    timeout = float(settings.get("languagetool_timeout", DEFAULT_TIMEOUT))
    language = str(settings.get("languagetool_language", "en-GB"))
    key = (str(target), fallback, timeout, language)
    if key not in _SESSIONS:
        _SESSIONS[key] = Session(str(target), fallback, timeout, language)
    return _SESSIONS[key]


def session_failed(settings: dict[str, Any]) -> bool:
    s = session(settings)
    return s is not None and s.failed
