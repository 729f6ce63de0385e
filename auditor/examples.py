"""Run a rule's own examples: what the examples test and `auditor rules --check` share.

A bad example must yield exactly the [[marked]] spans for that rule (or its sub-rules); a
good example must yield none (a finding downgraded because it sits in a quotation is
allowed: quotes are reported for information only).
"""

from __future__ import annotations

from auditor.engine import Auditor
from auditor.findings import Finding
from auditor.inputs import plain_document
from auditor.packs import Rule, strip_marks


def _own(rule: Rule, findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == rule.id or f.rule.startswith(rule.id + ".")]


def example_failure(auditor: Auditor, rule: Rule, kind: str, example: str) -> str | None:
    """Why one example fails, or None when it behaves."""
    text, marked = strip_marks(example)
    doc = plain_document("example.txt", text)
    findings = _own(rule, auditor.run_rule(rule, doc))
    if kind == "bad":
        got = sorted((f.start, f.end) for f in findings)
        want = sorted(marked)
        if got != want:
            return (
                f"{rule.id}: bad example should flag {[text[s:e] for s, e in want]}, "
                f"flagged {[text[s:e] for s, e in got]} in {text!r}"
            )
        return None
    loud = [f for f in findings if not f.extra.get("quoted")]
    if loud:
        return f"{rule.id}: good example flagged {[f.text for f in loud]} in {text!r}"
    return None


def rule_failures(auditor: Auditor, rule: Rule) -> list[str]:
    """Every failing example of a rule."""
    out = []
    for kind, examples in (("bad", rule.bad), ("good", rule.good)):
        for ex in examples:
            why = example_failure(auditor, rule, kind, ex)
            if why:
                out.append(why)
    return out
