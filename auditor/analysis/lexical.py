"""The lexical pass: a pattern checked on the tokenizer's output alone, before any parse.

Each token spec keeps only what needs no model (text, lower, regex, lexicon classes, and a
lemma among those the lexicon knows for the word); the rest is a wildcard. The pass matches
every sentence the full pattern can match, so a sentence it rejects need not be parsed.
Patterns are a handful of tokens: a small backtracking matcher in Python is enough, and it
reads each word's lexicon entry once (cached), where spaCy's Matcher would call a Python
extension getter for every token and pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import lemminflect  # type: ignore[import-untyped]

from auditor.analysis.patterns import TokenSpec, lex_classes

Word = tuple[str, str]  # (text, lower)
_BOUNDS = re.compile(r"\{(\d+),(\d+)\}")


@lru_cache(maxsize=65536)
def lexicon_lemmas(lower: str) -> frozenset[str] | None:
    """The lemmas lemminflect knows for a lower-case word, or None when it does not know it
    (the tagger's lemma cannot be ruled out then)."""
    lemmas = {lem for group in lemminflect.getAllLemmas(lower).values() for lem in group}
    return frozenset(lemmas) | {lower} if lemmas else None


@dataclass(frozen=True)
class WordTest:
    """What one token must satisfy before the tagger has run (empty fields: no test)."""

    text: frozenset[str] = frozenset()
    lower: frozenset[str] = frozenset()
    lemma: frozenset[str] = frozenset()
    regex: re.Pattern[str] | None = None
    lex: frozenset[str] = frozenset()
    not_text: frozenset[str] = frozenset()
    not_lower: frozenset[str] = frozenset()
    not_lex: frozenset[str] = frozenset()

    def __call__(self, word: Word) -> bool:
        text, lower = word
        if (self.text and text not in self.text) or (self.lower and lower not in self.lower):
            return False
        if text in self.not_text or lower in self.not_lower:
            return False
        if self.regex is not None and self.regex.fullmatch(text) is None:
            return False
        if self.lemma:
            known = lexicon_lemmas(lower)
            if known is not None and text not in self.lemma and not known & self.lemma:
                return False
        if self.lex or self.not_lex:
            classes = set(lex_classes(lower))
            if (self.lex and not classes & self.lex) or classes & self.not_lex:
                return False
        return True


def word_test(spec: TokenSpec) -> WordTest | None:
    """A token spec's lexical part, or None when it has none (a wildcard)."""
    attrs, neg = spec.attrs, spec.negative or TokenSpec()
    lemmas = attrs.get("lemma", []) if not spec.negate else []
    test = WordTest(
        text=frozenset(attrs.get("text", [])),
        lower=frozenset(attrs.get("lower", [])),
        lemma=frozenset([*lemmas, *(v.lower() for v in lemmas)]),
        regex=spec.regex,
        lex=frozenset(spec.lex),
        not_text=frozenset(neg.attrs.get("text", [])),
        not_lower=frozenset(neg.attrs.get("lower", [])),
        not_lex=frozenset(neg.lex),
    )
    return None if test == WordTest() else test


def _bounds(spec: TokenSpec) -> tuple[int, int]:
    if spec.repeat is None:
        return 1, 1
    m = _BOUNDS.fullmatch(spec.repeat)
    if m is not None:
        return int(m.group(1)), int(m.group(2))
    return {"?": (0, 1), "*": (0, 1 << 30), "+": (1, 1 << 30)}[spec.repeat]


class LexicalPattern:
    """One pattern's lexical part, matched anywhere in a list of words."""

    def __init__(self, specs: Sequence[TokenSpec]) -> None:
        steps: list[tuple[WordTest | None, bool, int, int]] = []
        for spec in specs:
            pred = word_test(spec)
            fully_lexical = not (set(spec.attrs) - {"text", "lower"}) and not spec.morph
            negated = spec.negate and pred is not None and fully_lexical
            steps.append((None if spec.negate and not negated else pred, negated, *_bounds(spec)))
        self.steps = steps
        self.trivial = all(p is None for p, _, _, _ in steps)

    def _token(self, k: int, word: Word) -> bool:
        pred, negated, _, _ = self.steps[k]
        if pred is None:
            return True
        return not pred(word) if negated else pred(word)

    def _from(self, k: int, words: Sequence[Word], i: int) -> bool:
        if k == len(self.steps):
            return True
        _, _, low, high = self.steps[k]
        n = 0
        while n < low:
            if i + n >= len(words) or not self._token(k, words[i + n]):
                return False
            n += 1
        while True:
            if self._from(k + 1, words, i + n):
                return True
            if n >= high or i + n >= len(words) or not self._token(k, words[i + n]):
                return False
            n += 1

    def search(self, words: Sequence[Word]) -> bool:
        return any(self._from(0, words, i) for i in range(len(words)))
