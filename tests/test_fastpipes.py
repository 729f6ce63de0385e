"""The faster attribute ruler and lemmatizer give exactly what spaCy's own components give.

The reference is the same verified model loaded a second time without `install`; the
texts are the seed article and every rule example of the shipped packs (news prose,
errors included), plus the contractions and spacing the ruler's multi-token patterns
are for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from auditor.analysis import fastpipes, model
from auditor.packs import load_packs, strip_marks

ROOT = Path(__file__).resolve().parents[1]
EXTRA = [
    "I ain't gonna do it, y'all, and we gotta go.",
    "Let's go, c'mon, there's nothin' doin'.",
    "He gets it; she got it. There are dogs and there is a cat.",
    "Give it to me and you, said I.",
    "  spaced   text \n\n here ",
    "What did they do? They did what they had to do, and that was that.",
    "Nothing and nobody, anything or everything: somebody told everyone something.",
    "Anyone, anybody, someone or everybody would not have known it wasn't him.",
]


def _texts() -> list[str]:
    seed = (ROOT / "seeds" / "kursk-incursion.txt").read_text(encoding="utf-8")
    examples = [
        strip_marks(ex.text)[0] for pack in load_packs() for rule in pack.rules
        for ex in rule.examples
    ]  # fmt: skip
    return [*seed.split("\n\n"), *examples, *EXTRA]


def _annotations(nlp: Any, texts: list[str]) -> list[list[tuple[str, ...]]]:
    return [
        [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i)) for t in doc]
        for doc in nlp.pipe(texts, disable=["ner"])
    ]


@pytest.fixture(scope="module")
def reference() -> Any:
    import spacy

    root = model.package_dir()
    return spacy.load(root / model.record()["data"], exclude=list(model.EXCLUDED))


def test_the_shipped_model_gets_both_replacements(reference: Any) -> None:
    ruler = reference.get_pipe("attribute_ruler")
    assert fastpipes.matcher_for(ruler) is not None
    assert reference.get_pipe("lemmatizer").mode == "rule"


def test_same_tags_morphology_and_lemmas_as_spacy(reference: Any) -> None:
    texts = _texts()
    assert len(texts) > 400
    want = _annotations(reference, texts)
    got = _annotations(model.load(), texts)
    differ = [(texts[i], w, g) for i, (w, g) in enumerate(zip(want, got, strict=True)) if w != g]
    assert not differ, differ[:2]


def test_same_ruler_matches_as_spacys_matcher(reference: Any) -> None:
    ruler = reference.get_pipe("attribute_ruler")
    fast = fastpipes.matcher_for(ruler)
    assert fast is not None
    for doc in reference.pipe(_texts(), disable=["ner"]):
        assert sorted(set(fast(doc))) == sorted(set(type(ruler).match(ruler, doc))), doc.text


def test_a_pattern_it_cannot_read_leaves_spacy_in_charge(reference: Any) -> None:
    ruler = reference.get_pipe("attribute_ruler")

    class Odd:
        def __init__(self) -> None:
            self.vocab = ruler.vocab
            odd = {"patterns": [[{"LENGTH": 3}]], "attrs": {}, "index": 0}
            self.patterns = [*ruler.patterns, odd]

    assert fastpipes.matcher_for(Odd()) is None
