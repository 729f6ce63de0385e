"""What a worker does with one Item: build the Document, audit it, return a store row.

Shared by the local worker processes and the Dask workers so both give identical rows.
A failure (a parse error, the per-document time limit) becomes the row's `error`; the
batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.batch.inputs import Item
from auditor.document import Document
from auditor.engine import Auditor, Selection
from auditor.findings import SEVERITY_RANK
from auditor.loaders import plain_document
from auditor.markup import html_view, markdown_view
from auditor.packs import load_packs, packs_digest
from auditor.report import DocumentResult

Row = dict[str, Any]


@dataclass(frozen=True)
class AuditSpec:
    """Everything a worker needs to build the same Auditor as every other worker."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    timeout: float = 120.0  # seconds per document; 0 = no limit
    settings: str = "{}"  # per-pack options as JSON ({pack: {option: value}}): hashable

    def build(self) -> tuple[Auditor, str]:
        """The Auditor (built once per worker: packs compile, engines start) and its version."""
        packs = load_packs([Path(d) for d in self.rule_dirs])
        selection = Selection(select=list(self.select), ignore=list(self.ignore))
        auditor = Auditor(packs, selection, json.loads(self.settings))
        return auditor, self.version(packs_digest(packs))

    def version(self, digest: str) -> str:
        """The rules version: packs, selection, settings and auditor version (a change
        re-audits)."""
        key = json.dumps([__version__, digest, sorted(self.select), sorted(self.ignore),
                          json.loads(self.settings)], sort_keys=True)  # fmt: skip
        return hashlib.sha256(key.encode()).hexdigest()[:16]


class TimeLimit(Exception):
    """A document took longer than the per-document time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt Python code after `seconds` (only in a main thread; else no limit here)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise TimeLimit

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """UTF-8 text; invalid bytes are replaced and reported (as `auditor check` does)."""
    try:
        text = data.decode("utf-8")
        warnings = []
    except UnicodeDecodeError as e:
        text = data.decode("utf-8", errors="replace")
        warnings = [f"{path}: invalid UTF-8 at byte {e.start} (bad bytes replaced with U+FFFD)"]
    return text.removeprefix("\ufeff"), warnings


def document_for(item: Item) -> Document:
    """The Document of an Item, built as `auditor check` builds it."""
    if item.fmt == "record":
        assert isinstance(item.data, str)
        doc = plain_document(item.id, item.data)
        doc.title, doc.fmt = item.title, "record"
        return doc
    assert isinstance(item.data, bytes)
    text, warnings = decode(item.data, item.path)
    if item.fmt == "md":
        view, blocks, comments = markdown_view(text)
        doc = Document.build(item.path, text, view, blocks, comments=comments, fmt="md")
    elif item.fmt == "html":
        view, blocks, comments, omap, title = html_view(text)
        if not blocks:
            raise ValueError("no text found in the HTML")
        doc = Document.build(item.path, text, view, blocks, offset_map=omap, comments=comments,
                             fmt="html", title=title)  # fmt: skip
    else:
        doc = plain_document(item.path, text)
    doc.warnings.extend(warnings)
    return doc


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def base_row(item: Item, version: str) -> Row:
    return {
        "id": item.id,
        "path": item.path,
        "folder": item.folder,
        "date": item.date,
        "title": item.title,
        "content_hash": item.content_hash,
        "words": None,
        "score": None,
        "packs": None,
        "findings_count": 0,
        "worst": None,
        "error": None,
        "warnings": None,
        "rules_version": version,
        "audited_at": now(),
        "seconds": 0.0,
        "findings": [],
    }


def error_row(item: Item, version: str, error: str) -> Row:
    row = base_row(item, version)
    row["error"] = error
    return row


def audit_item(auditor: Auditor, item: Item, version: str, timeout: float = 0.0) -> Row:
    """Audit one Item into a row; any failure is the row's error, never an exception."""
    if item.problem is not None:
        return error_row(item, version, item.problem)
    t0 = time.perf_counter()
    try:
        with time_limit(timeout):
            doc = document_for(item)
            findings = auditor.audit(doc)
            result = DocumentResult.build(doc, findings, auditor.pack_ids)
    except TimeLimit:
        return error_row(item, version, f"{item.id}: over the {timeout:g} s time limit")
    except Exception as e:  # a parse or check failure on this document only
        return error_row(item, version, f"{item.id}: {type(e).__name__}: {e}"[:500])
    row = base_row(item, version)
    worst = None
    out = []
    for f in findings:
        if worst is None or SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]:
            worst = f.severity
        out.append((item.id, f.rule, f.pack, f.severity, f.start, f.end, f.message, f.line,
                    f.column, f.text, json.dumps(f.suggestions) if f.suggestions else None,
                    1 if f.extra.get("quoted") else 0))  # fmt: skip
    row.update(
        words=doc.words,
        score=result.score,
        packs=json.dumps(
            {pid: {"score": ps.score, "findings": ps.findings} for pid, ps in result.packs.items()},
            sort_keys=True,
        ),
        findings_count=len(findings),
        worst=worst,
        warnings="\n".join(doc.warnings) or None,
        title=item.title or doc.title,
        seconds=round(time.perf_counter() - t0, 4),
        findings=out,
    )
    return row
