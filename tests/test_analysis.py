"""The analysis layer: lazy, cached per document, offsets in the view, a verified model."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from auditor.analysis import analysis_for, model
from auditor.errors import AuditorError, ModelError
from auditor.inputs import load_file, plain_document


def test_only_requested_sentences_are_parsed_once() -> None:
    doc = plain_document("a.txt", "One sentence here. They have broke the record. A third one.")
    analysis = analysis_for(doc)
    assert analysis_for(doc) is analysis
    first = analysis.sentence(1)
    assert analysis.parsed == 1
    assert analysis.sentences([1])[0] is first  # from the cache, not parsed again
    analysis.sentences([0, 1])
    assert analysis.parsed == 2


def test_tokens_carry_the_analysis() -> None:
    doc = plain_document("a.txt", "They have broke the record.")
    toks = {t.text: t for t in analysis_for(doc).sentence(0).tokens}
    have, broke = toks["have"], toks["broke"]
    assert (have.pos, have.tag, have.lemma, have.dep) == ("AUX", "VBP", "have", "aux")
    assert have.head == broke.i and broke.lemma == "break"
    assert toks["They"].morph["Number"] == "Plur" and toks["They"].morph["Person"] == "3"
    assert "VerbForm" in broke.morph and "Tense" in broke.morph
    assert toks["record"].dep == "dobj" and toks["record"].lower == "record"


def test_offsets_are_view_offsets(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text("# Title\n\nThey **have**   broke [the record](http://x.org).\n", "utf-8")
    doc = load_file(md).documents[0]
    si = next(i for i, s in enumerate(doc.sentences) if "broke" in doc.sentence_text(i))
    sa = analysis_for(doc).sentence(si)
    words = [t.text for t in sa.tokens]
    assert words[:3] == ["They", "have", "broke"]  # markup blanks are not tokens
    for t in sa.tokens:
        assert doc.text[t.start : t.end] == t.text
    chunk = next(c for c in sa.noun_chunks if doc.text[c.start : c.end].endswith("record"))
    assert doc.text[chunk.start : chunk.end] == "the record"


def test_entities_on_request_and_quotes() -> None:
    doc = plain_document("q.txt", 'Barack Obama said: "We visited Paris." He left.')
    analysis = analysis_for(doc)
    plain = analysis.sentence(0)
    assert not plain.has_entities
    sa = analysis.sentence(0, entities=True)
    assert sa is plain and sa.has_entities
    found = {doc.text[e.start : e.end]: e.label for e in sa.entities}
    assert found.get("Barack Obama") == "PERSON" and found.get("Paris") == "GPE"
    quoted = {t.text for t in sa.tokens if t.quoted}
    assert {"We", "visited", "Paris"} <= quoted and "Obama" not in quoted
    assert len(sa.quotes) == 1


def test_a_pickled_document_carries_no_parse() -> None:
    doc = plain_document("a.txt", "They have broke the record.")
    analysis_for(doc).sentence(0)
    again = pickle.loads(pickle.dumps(doc))
    assert analysis_for(again).parsed == 0
    assert analysis_for(again).sentence(0).tokens[1].text == "have"


def test_a_changed_model_file_fails_with_one_line(tmp_path: Path) -> None:
    root = model.package_dir()
    model.verify(root)  # the installed model is the recorded one
    copy = tmp_path / "model"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("__pycache__"))
    model.verify(copy)
    meta = copy / model.record()["data"] / "meta.json"
    meta.write_text(meta.read_text("utf-8") + " ", "utf-8")
    with pytest.raises(ModelError) as err:
        model.verify(copy)
    assert isinstance(err.value, AuditorError)
    assert "meta.json differs" in err.value.line and "\n" not in err.value.line
    meta.unlink()
    with pytest.raises(ModelError, match="is missing"):
        model.verify(copy)


def test_a_missing_model_package_fails_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    record = dict(model.record(), package="no_such_model_package_xyz")
    monkeypatch.setattr(model, "record", lambda: record)
    with pytest.raises(ModelError, match="is not installed"):
        model.package_dir()
