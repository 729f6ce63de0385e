"""Pairwise similarity of sentences, bullets and paragraphs by their content words.

Each unit becomes a string with one character per content word (see textnorm.Encoder), so
rapidfuzz's C code compares words, not letters, and `process.cdist` scores every pair of a
list at once. Two scores:

- overlap: how many content words two units share, order ignored (the Dice coefficient,
  as rapidfuzz's ratio of the sorted word strings). A paraphrase reorders ("a pilots'
  strike" / "a strike by its pilots") but keeps its words.
- order: the same with word order kept; a copy-paste keeps the order.

A pair whose figures differ ("240 flights" / "204 flights") is never a duplicate: each side
has a number the other lacks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from auditor.textnorm import Encoder
from auditor.tokens import TOKEN_RE


@dataclass(slots=True)
class Unit:
    """A bullet, sentence or paragraph: its view span and its content words, encoded."""

    start: int
    end: int
    code: str  # one character per content word, in order (textnorm.Encoder)
    sorted_code: str
    numbers: frozenset[str]  # characters that stand for figures
    common: frozenset[str]  # characters of words written in lower case (not names, figures)


_NONE: frozenset[str] = frozenset()


def make_unit(
    raw: list[str], start: int, end: int, encoder: Encoder, *, common: bool = False
) -> Unit:
    """A unit from its tokens as written (auditor.tokens); `common` also collects the
    content words written in lower case."""
    code = encoder.encode(raw)
    nums = encoder.numbers.intersection(code) if encoder.numbers else _NONE
    lower = _NONE
    if common:
        lower = frozenset(encoder.encode([w for w in raw if w[0].islower()]))
    return Unit(start, end, code, "".join(sorted(code)), frozenset(nums), lower)


def text_unit(text: str, encoder: Encoder, *, common: bool = False) -> Unit:
    """A unit for a whole string (benchmarks, tests)."""
    return make_unit(TOKEN_RE.findall(text), 0, len(text), encoder, common=common)


def join_units(units: list[Unit], start: int, end: int) -> Unit:
    """One unit for consecutive units (a paragraph from its sentences)."""
    code = "".join(u.code for u in units)
    numbers = frozenset().union(*(u.numbers for u in units)) if units else _NONE
    lower = frozenset().union(*(u.common for u in units)) if units else _NONE
    return Unit(start, end, code, "".join(sorted(code)), numbers, lower)


def figures_differ(a: Unit, b: Unit) -> bool:
    """Each side states a figure the other does not: two different facts."""
    return bool(a.numbers - b.numbers) and bool(b.numbers - a.numbers)


def overlap(a: Unit, b: Unit, *, ordered: bool = False) -> float:
    """The score `similar_pairs` gives one pair (0 when the figures differ)."""
    if figures_differ(a, b):
        return 0.0
    if ordered:
        return float(fuzz.ratio(a.code, b.code))
    return float(fuzz.ratio(a.sorted_code, b.sorted_code))


def similar_pairs(
    units: list[Unit], threshold: float, *, ordered: bool = False, min_words: int = 3
) -> list[tuple[int, int, float]]:
    """(earlier, later, score) for every pair scoring at least `threshold` (0-100)."""
    idx = [i for i, u in enumerate(units) if len(u.code) >= min_words]
    if len(idx) < 2:
        return []
    strings = [units[i].code if ordered else units[i].sorted_code for i in idx]
    matrix = process.cdist(
        strings, strings, scorer=fuzz.ratio, score_cutoff=threshold, dtype=np.float32
    )
    out: list[tuple[int, int, float]] = []
    rows, cols = np.nonzero(np.triu(matrix, k=1) >= threshold)
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        a, b = units[idx[r]], units[idx[c]]
        if figures_differ(a, b):
            continue
        out.append((idx[r], idx[c], float(matrix[r, c])))
    return out


def _windows(code: str, size: int) -> Iterable[tuple[int, str]]:
    if len(code) <= size:
        yield 0, code
        return
    for k in range(len(code) - size + 1):
        yield k, code[k : k + size]


def shared_phrases(
    units: list[Unit], *, size: int = 4, matched: int = 3, min_common: int = 2
) -> list[tuple[int, int, float]]:
    """(earlier, later, score) for pairs that repeat one phrase in near the same words.

    A phrase is `size` consecutive content words; two phrases match when `matched` of them
    recur in the same order ("prolonged the conflicts in territories like Kursk" / "prolonged
    conflicts in regions like Kursk"), and at least `min_common` of the shared words are
    ordinary lower-case words, so that a shared name ("Prime Minister Tony Blair") alone
    never counts. Score: the share of the phrase matched, in percent.
    """
    owner: list[int] = []
    strings: list[str] = []
    for i, u in enumerate(units):
        if len(u.code) < matched:
            continue
        for _, w in _windows(u.code, size):
            owner.append(i)
            strings.append(w)
    if len(set(owner)) < 2:
        return []
    cutoff = 100.0 * 2 * matched / (2 * size)
    matrix = process.cdist(strings, strings, scorer=fuzz.ratio, score_cutoff=cutoff,
                           dtype=np.float32)  # fmt: skip
    own = np.asarray(owner)
    hit = matrix >= cutoff
    # a phrase that recurs in three or more items is the list's pattern ("Film - ...;
    # director - ..."), not one item repeating another
    spread = np.array([len(set(own[row].tolist())) for row in hit])
    mask = hit & (own[:, None] < own[None, :]) & (spread[:, None] <= 2) & (spread[None, :] <= 2)
    best: dict[tuple[int, int], float] = {}
    for r, c in zip(*np.nonzero(mask), strict=True):
        a, b = units[owner[r]], units[owner[c]]
        if figures_differ(a, b):
            continue
        shared = set(strings[r]) & set(strings[c])
        if len(shared & a.common & b.common) < min_common:
            continue
        key = (owner[r], owner[c])
        best[key] = max(best.get(key, 0.0), float(matrix[r, c]))
    return [(i, j, s) for (i, j), s in sorted(best.items())]
