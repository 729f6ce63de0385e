"""The lexical pass's shortcut (a match starts only at a word passing step 0) gives the
answers of the plain backtracking matcher, for every sequence pattern the packs ship."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.analysis.lexical import LexicalPattern, Word


@lru_cache(maxsize=1)
def _patterns() -> list[LexicalPattern]:
    from auditor.checks.sequence import SequenceCheck
    from auditor.packs import load_packs

    out = []
    for pack in load_packs():
        for rule in pack.rules:
            if rule.kind == "sequence":
                assert isinstance(rule.check, SequenceCheck)
                out.extend(LexicalPattern(p) for p in rule.check.patterns)
    return out


def _plain(p: LexicalPattern, words: list[Word]) -> bool:
    return any(p._from(0, words, i) for i in range(len(words)))


_POOL = """
he had has have not never went gone said to the a big cats city were was is are people feels
they 've ’ve did done been being do does may might could would will of in on by and but it
its their his her an very quite really home year years more less than between among whom who
which that this these those I me my
""".split()  # noqa: SIM905


def _words(tokens: list[str]) -> list[Word]:
    return [(t, t.lower()) for t in tokens]


def test_patterns_are_loaded() -> None:
    assert len(_patterns()) > 10


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_POOL + [w.capitalize() for w in _POOL]), max_size=12))
def test_search_equals_plain_backtracking(tokens: list[str]) -> None:
    words = _words(tokens)
    for p in _patterns():
        assert p.search(words) == _plain(p, words)


def test_search_on_sentences() -> None:
    sentences = [
        "He had not yet went home",
        "They have never been there",
        "The people feels the change",
        "Young people has said so",
        "She could of gone",
        "",
    ]
    found = 0
    for s in sentences:
        words = _words(s.split())
        for p in _patterns():
            assert p.search(words) == _plain(p, words)
            found += p.search(words)
    assert found > 0  # some sentence matches: both branches are compared
