"""Run a rule's own examples: what the examples test and `auditor rules --check` share.

A bad example must yield exactly the [[marked]] spans for that rule (or its sub-rules, or
only the sub-rule the example names), each offering the example's `suggestion` first when
it gives one; a good example must yield none (a finding downgraded because it sits in a
quotation is allowed: quotes are reported for information only). An example with
`options` runs the rule with those options in place of its own.
"""

from __future__ import annotations

from auditor.engine import Auditor, Selection
from auditor.findings import Finding, matches_prefix
from auditor.inputs import plain_document
from auditor.packs import Example, Pack, Rule, strip_marks


def _own(rule: Rule, example: Example, findings: list[Finding]) -> list[Finding]:
    name = example.rule or rule.id
    return [f for f in findings if matches_prefix(f.rule, [name])]


def _findings(auditor: Auditor, rule: Rule, example: Example, text: str) -> list[Finding]:
    doc = plain_document("example.txt", text)
    if not example.options:
        return auditor.run_rule(rule, doc)
    assert rule.check is not None
    variant, settings = rule.check.variant(example.options)
    pack = Pack(rule.pack, "", rule.source, [variant], "")
    own = Auditor([pack], Selection(select=[rule.id]), {rule.pack: settings})
    try:
        return own.run_rule(variant, doc)
    finally:
        own.close()


def example_failure(auditor: Auditor, rule: Rule, example: Example) -> str | None:
    """Why one example fails, or None when it behaves."""
    text, marked = strip_marks(example.text)
    findings = _own(rule, example, _findings(auditor, rule, example, text))
    where = f"{rule.id}: {example.kind} example"
    if example.options:
        where += f" (options {example.options})"
    if example.kind == "bad":
        got = sorted((f.start, f.end) for f in findings)
        want = sorted(marked)
        if got != want:
            return (
                f"{where} should flag {[text[s:e] for s, e in want]}, "
                f"flagged {[text[s:e] for s, e in got]} in {text!r}"
            )
        if example.suggestion is not None:
            offered = [f.suggestions[0] if f.suggestions else None for f in findings]
            if any(s != example.suggestion for s in offered):
                return f"{where} should suggest {example.suggestion!r}, suggested {offered}"
        return None
    loud = [f for f in findings if not f.extra.get("quoted")]
    if loud:
        return f"{where} flagged {[f.text for f in loud]} in {text!r}"
    return None


def rule_failures(auditor: Auditor, rule: Rule) -> list[str]:
    """Every failing example of a rule."""
    examples = rule.examples or [
        *(Example("bad", t) for t in rule.bad),
        *(Example("good", t) for t in rule.good),
    ]
    out = []
    for example in examples:
        why = example_failure(auditor, rule, example)
        if why:
            out.append(why)
    return out
