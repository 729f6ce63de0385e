"""A run's results: documents, findings and scores, and the JSON contract built from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from auditor import __version__
from auditor.document import Document
from auditor.findings import SEVERITY_RANK, Finding
from auditor.scoring import PackScore, score_document


@dataclass
class DocumentResult:
    doc: Document
    findings: list[Finding]
    score: float
    packs: dict[str, PackScore]

    @classmethod
    def build(cls, doc: Document, findings: list[Finding], pack_ids: list[str]) -> DocumentResult:
        score, packs = score_document(findings, doc.words, pack_ids)
        return cls(doc, findings, score, packs)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "path": self.doc.path,
            "words": self.doc.words,
            "score": self.score,
            "packs": {
                pid: {"score": ps.score, "findings": ps.findings} for pid, ps in self.packs.items()
            },
            "findings": [f.to_json() for f in self.findings],
        }
        if self.doc.title:
            out["title"] = self.doc.title
        if self.doc.record_line is not None:
            out["record_line"] = self.doc.record_line
        if self.doc.warnings:
            out["warnings"] = list(self.doc.warnings)
        return out


@dataclass
class Report:
    results: list[DocumentResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # inputs that could not be audited

    def counts(self) -> dict[str, int]:
        c = {"error": 0, "warning": 0, "info": 0}
        for r in self.results:
            for f in r.findings:
                c[f.severity] = c.get(f.severity, 0) + 1
        return c

    def worst_severity(self) -> str | None:
        worst = None
        for r in self.results:
            for f in r.findings:
                if worst is None or SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]:
                    worst = f.severity
        return worst

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "tool": {"name": "auditor", "version": __version__},
            "documents": [r.to_json() for r in self.results],
        }
        if self.errors:
            out["errors"] = list(self.errors)
        return out


@dataclass
class RenderOptions:
    """How a reporter renders a Report."""

    color: bool = False
    rules: dict[str, Any] = field(default_factory=dict)  # rule id -> packs.Rule (for SARIF)
