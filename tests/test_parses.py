"""Parsed sentences are remembered by text: same analysis, no entities leaking, bounded."""

from __future__ import annotations

import pytest

from auditor.analysis import analysis_for, parses
from auditor.inputs import plain_document

SENTENCE = "Apple said on Monday it would hire 300 people in London."


def _analysis(text: str, sentence: int = 1, *, entities: bool = False):  # type: ignore[no-untyped-def]
    doc = plain_document("a.txt", f"Title\n\n{text}\n")
    return analysis_for(doc).sentence(sentence, entities=entities)


def test_a_remembered_parse_is_the_parse() -> None:
    parses.clear()
    fresh = _analysis(f"The cost of the repairs were high. {SENTENCE}", 2)
    before = parses.stats()
    again = _analysis(SENTENCE)
    assert parses.stats()["hits"] == before["hits"] + 1
    assert [(t.text, t.tag, t.dep, t.head, t.lemma) for t in again.tokens] == [
        (t.text, t.tag, t.dep, t.head, t.lemma) for t in fresh.tokens
    ]
    assert again.start != fresh.start  # offsets are the new document's own


def test_entities_asked_for_in_one_document_do_not_appear_in_another() -> None:
    parses.clear()
    with_entities = _analysis(SENTENCE, entities=True)
    assert {e.label for e in with_entities.entities} >= {"ORG", "GPE"}
    assert _analysis(SENTENCE).entities == ()


def test_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    parses.clear()
    monkeypatch.setattr(parses, "MAX_SENTENCES", 3)
    for n in range(6):
        _analysis(f"The council approved {n + 2} new homes on Tuesday.")
    assert len(parses._kept) == 3


def test_a_wall_of_text_is_parsed_but_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    parses.clear()
    monkeypatch.setattr(parses, "MAX_TOKENS", 8)
    wall = _analysis("The council approved the plan after a long and heated debate on Tuesday.")
    assert wall.tokens and len(parses._kept) == 0
    _analysis("It rained.")
    assert len(parses._kept) == 1
