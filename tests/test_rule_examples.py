"""Every rule's own examples: the bad ones yield exactly the marked findings, the good ones none.

One parametrized test for all packs, as LanguageTool runs every <example> of grammar.xml.
Test ids carry the rule id, so `pytest -k hedges.allegedly` runs one rule's examples.
"""

from __future__ import annotations

import pytest

from auditor.engine import Auditor
from auditor.loaders import plain_document
from auditor.packs import Rule, load_packs, strip_marks

PACKS = load_packs()
AUDITOR = Auditor(PACKS)
CASES = [
    pytest.param(rule, kind, i, example, id=f"{rule.id}-{kind}-{i}")
    for pack in PACKS
    for rule in pack.rules
    for kind, examples in (("bad", rule.bad), ("good", rule.good))
    for i, example in enumerate(examples)
]


def _own(rule: Rule, findings: list) -> list:  # type: ignore[type-arg]
    return [f for f in findings if f.rule == rule.id or f.rule.startswith(rule.id + ".")]


@pytest.mark.parametrize(("rule", "kind", "index", "example"), CASES)
def test_rule_example(rule: Rule, kind: str, index: int, example: str) -> None:
    text, marked = strip_marks(example)
    doc = plain_document("example.txt", text)
    findings = _own(rule, AUDITOR.run_rule(rule, doc))
    got = sorted((f.start, f.end) for f in findings)
    if kind == "bad":
        want = sorted(marked)
        assert got == want, (
            f"{rule.id}: expected {[text[s:e] for s, e in want]}, "
            f"got {[text[s:e] for s, e in got]} in {text!r}"
        )
        for f in findings:
            assert f.text == text[f.start : f.end]
    else:
        loud = [f for f in findings if not f.extra.get("quoted")]
        assert not loud, f"{rule.id}: good example flagged {[f.text for f in loud]} in {text!r}"


def test_every_rule_has_examples() -> None:
    for pack in PACKS:
        for rule in pack.rules:
            assert rule.bad and rule.good, rule.id
