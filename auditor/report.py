"""A run's results: documents, findings and scores, and the JSON contract built from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from auditor._version import __version__
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

    def at_least(self, severity: str) -> Report:
        """The same report showing only findings of this severity or worse."""
        floor = SEVERITY_RANK[severity]
        results = [
            DocumentResult(r.doc, [f for f in r.findings if SEVERITY_RANK[f.severity] >= floor],
                           r.score, r.packs)
            for r in self.results
        ]  # fmt: skip
        return Report(results, list(self.errors))

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
    quiet: bool = False  # findings only: no summary lines
    fail_on: str = "error"  # the gate, for formats that mark failures (JUnit)
    fail_under: float | None = None
    max_warnings: int | None = None

    def fails(self, result: DocumentResult, report_warnings: int) -> bool:
        """Whether this document is one the gate fails on."""
        if self.fail_on != "none" and any(
            SEVERITY_RANK[f.severity] >= SEVERITY_RANK[self.fail_on] for f in result.findings
        ):
            return True
        if self.fail_under is not None and result.score < self.fail_under:
            return True
        return (
            self.max_warnings is not None
            and report_warnings > self.max_warnings
            and any(f.severity == "warning" for f in result.findings)
        )
