"""The fast path of inflect.all_lemmas must answer what lemminflect.getAllLemmas answers."""

from __future__ import annotations

import lemminflect
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import inflect
from auditor.inflect import all_lemmas

ODD = ["", "I", "May", "US", "NASA", "o'clock", "don't", "it's", "rock'n'roll", "xyzzyq",
       "Ökonom", "naïve", "straße", "ǅemal", "İstanbul", "ϒ", "iPhone", "e-mail", "3d", "42",
       "mr.", "  ", "ﬁle", "ς", "Ⓐb", "aⒶ"]  # fmt: skip


def _expected(word: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in lemminflect.getAllLemmas(word, upos=upos).items()}


def _same(word: str) -> None:
    got = inflect.all_lemmas.__wrapped__(word)
    want = _expected(word)
    assert got == want, word
    assert list(got) == list(want), word  # the order of parts of speech too


def test_every_dictionary_word_and_override() -> None:
    lemmas, overrides = inflect._lemma_tables()
    words = set(lemmas) | set(overrides)
    words |= {w for e in lemmas.values() for forms in e.values() for w in forms}
    assert len(words) > 10_000
    for w in sorted(words):
        _same(w)
        _same(w.capitalize())
        _same(w.upper())


def test_odd_words() -> None:
    for w in ODD:
        _same(w)
        for upos in ("NOUN", "VERB", "PROPN", "ADJ"):
            assert all_lemmas(w, upos) == _expected(w, upos)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdeiosyzAEIZ'-éİǅϒⒶ")), max_size=8))
def test_random_words(word: str) -> None:
    _same(word)
