"""Every rule's own examples: the bad ones yield exactly the marked findings, the good ones none.

One parametrized test for all packs, as LanguageTool runs every <example> of grammar.xml.
Test ids carry the rule id, so `pytest -k hedges.allegedly` runs one rule's examples.
"""

from __future__ import annotations

import pytest

from auditor.engine import Auditor
from auditor.examples import example_failure
from auditor.packs import Rule, load_packs

PACKS = load_packs()
AUDITOR = Auditor(PACKS)
CASES = [
    pytest.param(rule, kind, example, id=f"{rule.id}-{kind}-{i}")
    for pack in PACKS
    for rule in pack.rules
    for kind, examples in (("bad", rule.bad), ("good", rule.good))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "kind", "example"), CASES)
def test_rule_example(rule: Rule, kind: str, example: str) -> None:
    failure = example_failure(AUDITOR, rule, kind, example)
    assert failure is None, failure
