"""Faster equivalents of two of the small pipeline's rule components, same output.

Measured on the sentences a full audit of 300 BBC articles parses (3,271 sentences, 84k
tokens), spaCy's attribute ruler took 3.2 s and its lemmatizer 0.5-2.9 s, against 7 s for
the two networks: the ruler runs a Matcher of 179 patterns over every token, the
lemmatizer recomputes every base form it does not cache. Here:

- the attribute ruler's matches come from a lookup: a one-token pattern depends only on
  the token's tag, lower-case form, dependency label and whether it is a space, so the
  patterns matching each such combination are found once; the few longer patterns are
  tried where their first token matches. The ruler then sets the attributes itself, in
  its own order (later patterns win), so nothing else changes;
- the lemmatizer remembers each lemma by (word, part of speech, morphology), everything
  the English rule lemmatizer reads.

`install` leaves the pipeline as it is when a pattern uses anything the lookup does not
understand; tests/test_fastpipes.py checks both against spaCy's own components.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["install", "matcher_for"]

# a token's attributes as a pattern reads them: TAG, LOWER, DEP, IS_SPACE
Key = tuple[str, str, str, bool]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
Test = Callable[[Key], bool]
Match = tuple[int, int, int, int]  # attribute id, match id, start, end (the ruler's)
_ATTRS = ["TAG", "LOWER", "DEP", "IS_SPACE"]
_REMEMBERED = 200_000  # distinct token keys or lemmas kept at most (each a few hundred bytes)


def _value_test(field: int, value: Any) -> Test | None:
    """One pattern entry as a test of a token's key; None when it is not understood."""
    if not isinstance(value, dict):
        return lambda k: k[field] == value
    if len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op == "IN":
        members = frozenset(arg)
        return lambda k: k[field] in members
    if op == "NOT_IN":
        excluded = frozenset(arg)
        return lambda k: k[field] not in excluded
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda k: isinstance(k[field], str) and pattern.search(k[field]) is not None
    return None


def _token_test(spec: dict[str, Any]) -> Test | None:
    tests: list[Test] = []
    for name, value in spec.items():
        field = _FIELDS.get(name)
        test = None if field is None else _value_test(field, value)
        if test is None:
            return None
        tests.append(test)
    return lambda k: all(t(k) for t in tests)


class _Entry:
    """One pattern of the ruler: its ids and one test per token."""

    __slots__ = ("attr_id", "match_id", "tests")

    def __init__(self, attr_id: int, match_id: int, tests: list[Test]) -> None:
        self.attr_id, self.match_id, self.tests = attr_id, match_id, tests


def _literals(spec: dict[str, Any], name: str) -> frozenset[str] | None:
    """The values a token's attribute must take for the spec to match, if it says."""
    value = spec.get(name)
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


class RulerMatcher:
    """The attribute ruler's matches without spaCy's Matcher (see the module docstring).

    A pattern is filed under the tags (or else the lower-case forms) its first token must
    have; a token's candidates are those filed under its tag and form plus the unfiled
    ones, and which of them match is remembered per distinct token key."""

    def __init__(self, strings: Any) -> None:
        self._strings = strings
        self._by_tag: dict[str, list[_Entry]] = {}
        self._by_lower: dict[str, list[_Entry]] = {}
        self._unfiled: list[_Entry] = []
        self._first: dict[tuple[int, int, int, int], tuple[_Entry, ...]] = {}

    def add(self, entry: _Entry, first: dict[str, Any]) -> None:
        tags, lowers = _literals(first, "TAG"), _literals(first, "LOWER")
        if tags is not None:
            for tag in tags:
                self._by_tag.setdefault(tag, []).append(entry)
        elif lowers is not None:
            for lower in lowers:
                self._by_lower.setdefault(lower, []).append(entry)
        else:
            self._unfiled.append(entry)

    def _starting(self, hashes: tuple[int, int, int, int]) -> tuple[_Entry, ...]:
        """The patterns whose first token matches a token with these attribute hashes."""
        found = self._first.get(hashes)
        if found is None:
            key = self._key(hashes)
            candidates = [
                *self._by_tag.get(key[0], ()),
                *self._by_lower.get(key[1], ()),
                *self._unfiled,
            ]
            found = tuple(e for e in candidates if e.tests[0](key))
            if len(self._first) >= _REMEMBERED:
                self._first.clear()  # an archive's vocabulary keeps growing
            self._first[hashes] = found
        return found

    def _key(self, hashes: tuple[int, int, int, int]) -> Key:
        tag, lower, dep, space = hashes
        strings = self._strings
        return (strings[tag], strings[lower], strings[dep], bool(space))

    def __call__(self, doc: Any) -> list[Match]:
        rows = doc.to_array(_ATTRS).tolist()
        hashes = [tuple(r) for r in rows]
        keys: dict[int, Key] = {}
        out: list[Match] = []
        for i, h in enumerate(hashes):
            for e in self._starting(h):
                n = len(e.tests)
                if n == 1:
                    out.append((e.attr_id, e.match_id, i, i + 1))
                elif i + n <= len(hashes) and all(
                    e.tests[j](keys.get(i + j) or keys.setdefault(i + j, self._key(hashes[i + j])))
                    for j in range(1, n)
                ):
                    out.append((e.attr_id, e.match_id, i, i + n))
        out.sort()
        return out


def matcher_for(ruler: Any) -> RulerMatcher | None:
    """A lookup matcher for an AttributeRuler's patterns, or None if one is not understood."""
    matcher = RulerMatcher(ruler.vocab.strings)
    for attr_id, entry in enumerate(ruler.patterns):
        match_id = ruler.vocab.strings[str(attr_id)]
        for pattern in entry["patterns"]:
            if not isinstance(pattern, Sequence) or not pattern:
                return None  # a phrase pattern (a Doc): not handled here
            tests = [_token_test(spec) for spec in pattern]
            if any(t is None for t in tests):
                return None
            matcher.add(_Entry(attr_id, match_id, [t for t in tests if t is not None]), pattern[0])
    return matcher


def _annotate(ruler: Any) -> Callable[[Any, list[Match]], None]:
    """The ruler's own `set_annotations` (same function setting the attributes, same
    order) without making a Span for each match: most tokens have one."""
    from spacy.tokens._retokenize import set_token_attrs

    attrs, indices = ruler.attrs, ruler.indices

    def set_annotations(doc: Any, matches: list[Match]) -> None:
        for attr_id, _, start, end in matches:
            index = indices[attr_id]
            set_token_attrs(doc[start + index if index >= 0 else end + index], attrs[attr_id])

    return set_annotations


def _cached_lemmatize(lemmatizer: Any) -> Callable[[Any], list[str]]:
    compute = lemmatizer.lemmatize
    seen: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = seen.get(key)
        if found is None:
            if len(seen) >= _REMEMBERED:
                seen.clear()
            found = seen[key] = compute(token)
        return found

    return lemmatize


def _index_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer asks `form in index` of word lists of up to 57,528 entries: as
    sets, the same answers without a scan."""
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for pos, words in list(table.items()):
        if isinstance(words, list):
            table[pos] = frozenset(words)


def install(nlp: Any) -> list[str]:
    """Swap in the faster equivalents where the pipeline has the components; returns the
    names of the components changed."""
    changed = []
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        matcher = matcher_for(ruler)
        if matcher is not None:
            ruler.match = matcher
            ruler.set_annotations = _annotate(ruler)
            changed.append("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule":
            _index_as_sets(lemmatizer)
            lemmatizer.lemmatize = _cached_lemmatize(lemmatizer)
            changed.append("lemmatizer")
    return changed
