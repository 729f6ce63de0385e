"""Every rule's own examples: the bad ones yield exactly the marked findings, the good ones none.

One parametrized test for all packs, as LanguageTool runs every <example> of grammar.xml.
Test ids carry the rule id, so `pytest -k hedges.allegedly` runs one rule's examples. An
example may give options for the rule, a sub-rule, and the suggestion it expects.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.engine import Auditor
from auditor.errors import PackError
from auditor.examples import example_failure, rule_failures
from auditor.packs import Example, Rule, load_pack, load_packs

PACKS = load_packs()
AUDITOR = Auditor(PACKS)


def _ids(rule: Rule) -> list[str]:
    count = {"bad": 0, "good": 0}
    out = []
    for ex in rule.examples:
        out.append(f"{rule.id}-{ex.kind}-{count[ex.kind]}")
        count[ex.kind] += 1
    return out


CASES = [
    pytest.param(rule, example, id=case_id)
    for pack in PACKS
    for rule in pack.rules
    for example, case_id in zip(rule.examples, _ids(rule), strict=True)
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule: Rule, example: Example) -> None:
    failure = example_failure(AUDITOR, rule, example)
    assert failure is None, failure


def test_every_rule_has_bad_and_good_examples_and_ids_name_the_rule() -> None:
    for pack in PACKS:
        for rule in pack.rules:
            kinds = {ex.kind for ex in rule.examples}
            assert kinds == {"bad", "good"}, rule.id
    assert all(c.id.startswith(c.values[0].id + "-") for c in CASES)  # type: ignore[union-attr]


def test_the_new_example_forms_are_used() -> None:
    """Options, a suggestion and a sub-rule are each stated by some shipped example."""
    examples = [ex for p in PACKS for r in p.rules for ex in r.examples]
    assert any(ex.options for ex in examples)
    assert any(ex.suggestion for ex in examples)
    assert any(ex.rule for ex in examples)


PACK = """[pack]
id = "demo"
[[rule]]
id = "demo.swap"
kind = "substitution"
severity = "warning"
message = "'{{match}}': write '{{suggestion}}'."
why = "Because."
swap = {{ '\\bcould of\\b' = 'could have' }}
examples.bad = [{bad}]
examples.good = [{good}]
"""


def _pack(tmp_path: Path, bad: str, good: str = '"Nothing."') -> Rule:
    path = tmp_path / "demo.toml"
    path.write_text(PACK.format(bad=bad, good=good), encoding="utf-8")
    return load_pack(path).rules[0]


def test_a_wrong_suggestion_fails(tmp_path: Path) -> None:
    rule = _pack(tmp_path, '{ text = "He [[could of]] won.", suggestion = "could have" }')
    assert rule_failures(Auditor([]), rule) == []
    rule = _pack(tmp_path, '{ text = "He [[could of]] won.", suggestion = "might have" }')
    failures = rule_failures(Auditor([]), rule)
    assert failures and "should suggest 'might have', suggested ['could have']" in failures[0]


def test_an_example_sub_rule_must_belong_to_the_rule(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"examples.bad\[0\]: rule 'other.x' is not demo.swap"):
        _pack(tmp_path, '{ text = "He [[could of]] won.", rule = "other.x" }')


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ('{ text = "[[could of]]", colour = "red" }', "unknown key 'colour'"),
        ('{ suggestion = "x" }', "must be a string, or a table with a 'text'"),
        ('{ text = "[[could of]]", options = { swap = 3 } }', "option 'swap': must be a table"),
        ('{ text = "[[could of]]", options = { nothing = 3 } }', "option 'nothing': unknown"),
        ('{ text = "could of" }', "has no [[marked]] text"),
    ],
)
def test_malformed_examples_fail_at_load(tmp_path: Path, bad: str, problem: str) -> None:
    with pytest.raises(PackError) as err:
        _pack(tmp_path, bad)
    assert "rule demo.swap" in str(err.value) and problem in str(err.value)


def test_a_suggestion_only_in_a_bad_example(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="a suggestion only in a bad example"):
        _pack(tmp_path, '"[[could of]]"', '{ text = "x", suggestion = "y" }')


def test_example_options_replace_the_rule_s_own(tmp_path: Path) -> None:
    rule = _pack(
        tmp_path,
        '"He [[could of]] won."',
        "{ text = \"He could of won.\", options = { swap = { 'never' = 'x' } } }",
    )
    assert rule_failures(Auditor([]), rule) == []
