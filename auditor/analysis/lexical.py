"""The lexical pass: a pattern checked on the tokenizer's output alone, before any parse.

Each token spec keeps only what needs no model (text, lower, regex, lexicon classes, a
lemma among those the lexicon knows for the word, and a part of speech among the open
classes it knows: ADJ, ADV, NOUN, VERB, AUX); the rest is a wildcard. A word the lexicon
does not know passes any class test, and a lemma test when spaCy may still give it that
lemma (see `_lemma_may_be`). The pass matches
every sentence the full pattern can match, so a sentence it rejects need not be parsed.
Patterns are a handful of tokens: a small backtracking matcher in Python is enough, and it
reads each word's lexicon entry once (cached), where spaCy's Matcher would call a Python
extension getter for every token and pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from auditor.analysis.patterns import TokenSpec, lex_classes
from auditor.inflect import all_lemmas

Word = tuple[str, str]  # (text, lower)
_BOUNDS = re.compile(r"\{(\d+),(\d+)\}")


@lru_cache(maxsize=65536)
def lexicon_lemmas(lower: str) -> frozenset[str] | None:
    """The lemmas lemminflect knows for a lower-case word, or None when it does not know it
    (the tagger's lemma cannot be ruled out then)."""
    lemmas = {lem for group in all_lemmas(lower).values() for lem in group}
    return frozenset(lemmas) | {lower} if lemmas else None


# lemminflect's word classes; a `pos` or `tag` constraint naming only these is checked
# against the classes the lexicon gives the word (any other value: no lexical test)
_OPEN = {"ADJ": "ADJ", "ADV": "ADV", "NOUN": "NOUN", "VERB": "VERB", "AUX": "AUX",
         "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
         "NN": "NOUN", "NNS": "NOUN", "VB": "VERB", "VBD": "VERB", "VBG": "VERB",
         "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB"}  # fmt: skip


@lru_cache(maxsize=65536)
def lexicon_classes(lower: str) -> frozenset[str] | None:
    """The word classes lemminflect knows for a word, or None when it does not know it."""
    return frozenset(all_lemmas(lower)) or None


# what the tokenizer leaves of a contraction: "wo" (won't), "ca" (can't), "sha" (shan't)
_STUBS = frozenset({"wo", "ca", "sha", "ai"})


def _lemma_may_be(text: str, lower: str, lemmas: frozenset[str]) -> bool:
    """Whether spaCy may give the word one of these lemmas: one the lexicon knows for it;
    for a word the lexicon does not know (a name, a number, "the"), the word itself, a
    longer form of a lemma ("haves"), or a contraction ("'s", "’ve", "wo")."""
    known = lexicon_lemmas(lower)
    if known is not None:
        return text in lemmas or bool(known & lemmas)
    return (
        text in lemmas
        or lower in lemmas
        or lower in _STUBS
        or "'" in lower
        or "’" in lower
        or any(lower.startswith(lem) for lem in lemmas)
    )


# the words spaCy's English pipeline tags PART (TO, POS, and "not" through its rules)
PART_WORDS = frozenset({"to", "not", "n't", "n’t", "nt", "'s", "’s", "'", "’", "na"})


def _open_classes(values: list[str]) -> frozenset[str]:
    """The lemminflect classes a pos or tag list allows ("PART" for the few PART words),
    or nothing when a value is a class the lexicon does not describe."""
    if not values or any(v not in _OPEN and v != "PART" for v in values):
        return frozenset()
    out = {_OPEN.get(v, v) for v in values}
    return frozenset(out | ({"AUX", "VERB"} if out & {"AUX", "VERB"} else set()))


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
    classes: frozenset[str] = frozenset()  # lemminflect classes the word may have
    _memo: dict[Word, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __call__(self, word: Word) -> bool:
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            found = self._memo[word] = self._test(*word)
        return found

    def _test(self, text: str, lower: str) -> bool:
        if (self.text and text not in self.text) or (self.lower and lower not in self.lower):
            return False
        if text in self.not_text or lower in self.not_lower:
            return False
        if self.regex is not None and self.regex.fullmatch(text) is None:
            return False
        if self.lemma and not _lemma_may_be(text, lower, self.lemma):
            return False
        if self.classes and not ("PART" in self.classes and lower in PART_WORDS):
            known_classes = lexicon_classes(lower)
            if known_classes is not None and not known_classes & self.classes:
                return False
        if self.lex or self.not_lex:
            classes = set(lex_classes(lower))
            if (self.lex and not classes & self.lex) or classes & self.not_lex:
                return False
        return True


def _classes(attrs: dict[str, list[str]]) -> frozenset[str]:
    pos, tag = _open_classes(attrs.get("pos", [])), _open_classes(attrs.get("tag", []))
    if pos and tag:
        return pos & tag or pos
    return pos or tag


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
        classes=frozenset() if spec.negate else _classes(attrs),
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
        # step 0's test when it must consume a word (a match then starts at one passing it)
        self._first = steps[0][0] if steps and steps[0][2] >= 1 else None

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
        """Whether the pattern matches from some word (the backtracking matcher's answer).
        When step 0 must consume a word, a match starts only at a word passing it: those
        are found first, from the test's memo, so most sentences need no backtracking."""
        first = self._first
        if first is None:
            return any(self._from(0, words, i) for i in range(len(words)))
        get, negated = first._memo.get, self.steps[0][1]
        starts = []
        for i, w in enumerate(words):
            ok = get(w)
            if ok is None:
                ok = first(w)
            if ok != negated:
                starts.append(i)
        return any(self._from(0, words, i) for i in starts)
