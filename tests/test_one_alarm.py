"""One alarm per slip: an engine's finding on a span a house rule already reports is dropped."""

from __future__ import annotations

from auditor.engine import Auditor, Selection
from auditor.inputs import plain_document
from auditor.packs import load_packs


def _grammar(text: str) -> list[tuple[str, str]]:
    aud = Auditor(load_packs(), Selection(select=["grammar"]))
    return [(f.rule, f.text) for f in aud.audit(plain_document("a.txt", text))]


def test_house_rule_wins_over_harper_on_the_same_slip() -> None:
    found = _grammar("Union leaders claim to have wrote to the company twice.")
    assert [r for r, _ in found] == ["grammar.have-participle"], found


def test_harper_keeps_what_no_house_rule_reports() -> None:
    # Harper's spell checker on a typo no house rule sees, beside a house finding elsewhere
    found = _grammar("The council could of acted. The restructuing was delayed.")
    rules = [r for r, _ in found]
    assert "grammar.modal-of" in rules
    assert any(r.startswith("grammar.harper.") for r in rules), found
