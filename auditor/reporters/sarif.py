"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Rules carry their message, their reason (`help`) and default level; results point at the
file with line/column and character offsets (code points, declared by `columnKind`), and
carry the baseline fingerprint as a partial fingerprint so a viewer can track a finding
across edits as the baseline does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from auditor._version import __version__
from auditor.baseline import fingerprint, source_file
from auditor.findings import Finding
from auditor.report import DocumentResult, RenderOptions, Report
from auditor.suppress import META_RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> tuple[str, bool]:
    """A relative URI against the working folder when the file is under it."""
    p = Path(path)
    try:
        rel = p.resolve().relative_to(Path.cwd().resolve())
        return quote(rel.as_posix()), True
    except ValueError:
        return p.resolve().as_uri(), False


def _rule_for(rules: dict[str, Any], rule_id: str) -> Any | None:
    """The rule that reports an id (a sub-rule such as grammar.harper.X: its parent)."""
    while rule_id:
        if rule_id in rules:
            return rules[rule_id]
        rule_id = rule_id.rpartition(".")[0]
    return None


def _descriptor(rule_id: str, finding: Finding, rules: dict[str, Any]) -> dict[str, Any]:
    rule = _rule_for(rules, rule_id)
    if rule is not None:
        short, why, level = rule.message, rule.why, rule.severity
    elif rule_id in META_RULES:
        level, why = META_RULES[rule_id]
        short = why
    else:
        short, why, level = finding.message, finding.message, finding.severity
    short = short.replace("'{match}'", "This text").replace("{match}", "this text")
    d: dict[str, Any] = {
        "id": rule_id,
        "name": rule_id.split(".", 1)[-1],
        "shortDescription": {"text": short},
        "fullDescription": {"text": why},
        "help": {"text": why, "markdown": f"{why}\n\nSee `auditor explain {rule_id}`."},
        "defaultConfiguration": {"level": LEVEL[level]},
        "properties": {"pack": finding.pack, "tags": [finding.pack]},
    }
    if rule is not None and getattr(rule, "url", None):
        d["helpUri"] = rule.url
    return d


def _region(r: DocumentResult, f: Finding) -> dict[str, Any]:
    if r.doc.fmt == "record":  # offsets count within a record's text field, not the file
        region: dict[str, Any] = {"startLine": r.doc.record_line or 1}
        return region
    end_line, end_col = r.doc.line_col(f.end)
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": f.start,
        "charLength": f.end - f.start,
        "snippet": {"text": f.text if len(f.text) <= 500 else f.text[:500] + "…"},
    }


def _result(r: DocumentResult, f: Finding, location: dict[str, Any], rule_index: int) -> Any:
    """One SARIF result for a finding."""
    text = f.message
    if r.doc.fmt == "record":
        text += f" (record {r.doc.path}, line {f.line}, column {f.column} of its text)"
    if f.suggestions:
        text += " Suggestion: " + ", ".join(f.suggestions[:3]) + "."
    physical = {"artifactLocation": location, "region": _region(r, f)}
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[f.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {"auditorFingerprint/v1": fingerprint(r.doc, f)},
        "properties": {"pack": f.pack, "documentScore": r.score},
    }
    if f.extra.get("quoted"):
        res["properties"]["quoted"] = True
    return res


def _run(rules: list[Any], artifacts: list[Any], results: list[Any], errors: list[str]) -> Any:
    """The SARIF run object around the results."""
    driver = {"name": "auditor", "version": __version__, "semanticVersion": __version__,
              "rules": rules}  # fmt: skip
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        # a category with no run id: code scanning keeps one series of results per category
        "automationDetails": {"id": "auditor/"},
        "originalUriBaseIds": {
            "%SRCROOT%": {"uri": Path.cwd().resolve().as_uri().rstrip("/") + "/"}
        },
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if errors:
        notes = [{"level": "error", "message": {"text": e}} for e in errors]
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notes}]
    return run


def build(report: Report, options: RenderOptions) -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    for r in report.results:
        uri, relative = _uri(source_file(r.doc))
        if uri not in artifact_index:
            artifact_index[uri] = len(artifacts)
            loc: dict[str, Any] = {"uri": uri}
            if relative:
                loc["uriBaseId"] = "%SRCROOT%"
            artifacts.append({"location": loc, "encoding": "utf-8"})
        location: dict[str, Any] = {"uri": uri, "index": artifact_index[uri]}
        if relative:
            location["uriBaseId"] = "%SRCROOT%"
        for f in r.findings:
            if f.rule not in index:
                index[f.rule] = len(rules)
                rules.append(_descriptor(f.rule, f, options.rules))
            results.append(_result(r, f, location, index[f.rule]))
    run = _run(rules, artifacts, results, report.errors)
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, options: RenderOptions) -> str:
    return json.dumps(build(report, options), ensure_ascii=False, indent=2) + "\n"
