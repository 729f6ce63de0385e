"""Findings as LSP diagnostics: code-point offsets to LSP positions, severities, fields.

A Finding carries `start`/`end` in Unicode code points into the text that was audited.
LSP positions are a line (split at "\\n", "\\r\\n" or "\\r", and nothing else) and a
character offset counted in the negotiated position encoding: UTF-16 code units unless the
client offered another (an emoji or any other character outside the Basic Multilingual
Plane is two UTF-16 units, one code point). Nothing here talks to a client.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from lsprotocol import types

from auditor.findings import Finding
from auditor.packs import Rule

SOURCE = "auditor"
UTF16, UTF8, UTF32 = "utf-16", "utf-8", "utf-32"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_EOL = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str = UTF16) -> int:
    """The length of `text` in the position encoding's code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """Where each line of a text starts, to turn code-point offsets into LSP positions."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(m.end() for m in _EOL.finditer(text))]

    def position(self, offset: int) -> types.Position:
        """The LSP position of a code-point offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line=line, character=units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(max(start, end)))


def parent_rule(rules: dict[str, Rule], rule_id: str) -> Rule | None:
    """The rule with this id, or the rule that reports it (grammar.harper.X -> grammar.harper)."""
    while rule_id:
        if rule_id in rules:
            return rules[rule_id]
        rule_id = rule_id.rpartition(".")[0]
    return None


def diagnostic(
    finding: Finding, index: LineIndex, rule: Rule | None, shift: int = 0
) -> types.Diagnostic:
    """One finding as a Diagnostic; `shift` code points are added to its offsets (a byte
    order mark the audit did not see)."""
    data: dict[str, object] = {"rule": finding.rule, "pack": finding.pack, "text": finding.text,
                               "suggestions": list(finding.suggestions)}  # fmt: skip
    if finding.extra:
        data["extra"] = {k: v for k, v in finding.extra.items() if _plain(v)}
    description = None
    if rule is not None and rule.url:
        description = types.CodeDescription(href=rule.url)
    return types.Diagnostic(
        range=index.range(finding.start + shift, finding.end + shift),
        message=finding.message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Information),
        code=finding.rule,
        code_description=description,
        source=SOURCE,
        data=data,
    )


def _plain(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def diagnostics(
    findings: Iterable[Finding], text: str, rules: dict[str, Rule], encoding: str = UTF16
) -> list[types.Diagnostic]:
    """Every finding of an audit of `text` (as the editor holds it) as Diagnostics."""
    index = LineIndex(text, encoding)
    shift = 1 if text.startswith("\ufeff") else 0  # audit() reads the text without its BOM
    return [diagnostic(f, index, parent_rule(rules, f.rule), shift) for f in findings]


def problem_diagnostic(message: str) -> types.Diagnostic:
    """An error the user can fix (a bad auditor.toml), shown at the top of the document."""
    return types.Diagnostic(
        range=types.Range(start=types.Position(0, 0), end=types.Position(0, 0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
