"""Spelling alarms need more than "not in the engine's dictionary": a real, rare word stays
quiet; a common word's misspelling (a far more frequent word one edit away) still warns."""

from __future__ import annotations

import pytest

from auditor.engines.wordlist import known_word


@pytest.mark.parametrize("word", ["delist", "dimmable", "sutras", "slanging", "photonics"])
def test_real_rare_words_are_known(word: str) -> None:
    assert known_word(word, ("enlist", "delis"))


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [("recieve", "receive"), ("thier", "their"), ("beleive", "believe"), ("teh", "the")],
)
def test_misspellings_of_common_words_still_warn(typo: str, suggestion: str) -> None:
    assert not known_word(typo, (suggestion,))


def test_words_the_list_does_not_know_warn() -> None:
    assert not known_word("anyhting", ("anything",))
    assert not known_word("mispell", ())
