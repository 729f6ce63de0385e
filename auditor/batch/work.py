"""What a worker does with one Item: build the Document, audit it, return a store row.

Shared by the local worker processes and the Dask workers so both give identical rows.
A failure (a parse error, the per-document time limit) becomes the row's `error`; the
batch goes on.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from auditor.errors import AuditorError
from auditor.findings import SEVERITY_RANK
from auditor.inputs import Item, document_for
from auditor.limits import TIME_LIMIT_RULE, TimeLimit, time_limit
from auditor.pipeline import AuditOptions, Pipeline

Row = dict[str, Any]


@dataclass(frozen=True)
class AuditSpec:
    """Everything a worker needs to build the same Pipeline as `auditor check` would."""

    options: AuditOptions = field(default_factory=AuditOptions)
    timeout: float = 120.0  # seconds per document; 0 = no limit

    def build(self) -> Pipeline:
        """The Pipeline (built once per worker: packs compile, engines start)."""
        return Pipeline(self.options)


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


def audit_item(pipeline: Pipeline, item: Item, timeout: float = 0.0) -> Row:
    """Audit one Item into a row; any failure is the row's error, never an exception."""
    try:
        version = pipeline.version_for(item.path)
    except AuditorError as e:
        return error_row(item, "", e.line)
    if item.problem is not None:
        return error_row(item, version, item.problem)
    t0 = time.perf_counter()
    try:
        with time_limit(timeout):  # the Document's construction too (the Pipeline's limit
            doc = document_for(item)  # covers the rules): a pathological file gives up here
        result = pipeline.audit(doc).result
        findings = result.findings
    except AuditorError as e:
        return error_row(item, version, e.line)
    except TimeLimit:
        return error_row(item, version, f"{item.id}: over the {timeout:g} s time limit")
    except Exception as e:  # a parse or check failure on this document only
        return error_row(item, version, f"{item.id}: {type(e).__name__}: {e}"[:500])
    row = base_row(item, version)
    row["error"] = next((f"{item.id}: {f.message}" for f in findings if f.rule == TIME_LIMIT_RULE),
                        None)  # fmt: skip
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
