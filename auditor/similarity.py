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

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from auditor.textnorm import Encoder
from auditor.tokens import TOKEN_RE


@dataclass(slots=True)
class Unit:
    """A bullet, sentence or paragraph: its view span and its content words, encoded.

    What only a candidate pair needs (sorted words, figures) is worked out on first use.
    """

    start: int
    end: int
    code: str  # one character per content word, in order (textnorm.Encoder)
    figures: set[str]  # the encoder's set of characters that stand for figures (shared)
    common: frozenset[str] = frozenset()  # words written in lower case (not names, figures)
    _sorted: str | None = None
    _numbers: frozenset[str] | None = None

    @property
    def sorted_code(self) -> str:
        if self._sorted is None:
            self._sorted = "".join(sorted(self.code))
        return self._sorted

    @property
    def numbers(self) -> frozenset[str]:
        if self._numbers is None:
            self._numbers = frozenset(self.figures.intersection(self.code)) if self.figures \
                else _NONE  # fmt: skip
        return self._numbers


_NONE: frozenset[str] = frozenset()


def make_unit(
    raw: list[str], start: int, end: int, encoder: Encoder, *, common: bool = False
) -> Unit:
    """A unit from its tokens as written (auditor.tokens); `common` also collects the
    content words written in lower case."""
    code = encoder.encode(raw)
    if common:
        lower = frozenset(encoder.encode([w for w in raw if w[0].islower()]))
        return Unit(start, end, code, encoder.numbers, lower)
    return Unit(start, end, code, encoder.numbers)


def text_unit(text: str, encoder: Encoder, *, common: bool = False) -> Unit:
    """A unit for a whole string (benchmarks, tests)."""
    return make_unit(TOKEN_RE.findall(text), 0, len(text), encoder, common=common)


def join_units(units: list[Unit], start: int, end: int, figures: set[str]) -> Unit:
    """One unit for consecutive units (a paragraph from its sentences)."""
    if len(units) == 1:
        u = units[0]
        return Unit(start, end, u.code, figures, u.common)
    code = "".join([u.code for u in units])
    lower = frozenset().union(*[u.common for u in units]) if units else _NONE
    return Unit(start, end, code, figures, lower)


def figures_differ(a: Unit, b: Unit) -> bool:
    """Each side states a figure the other does not: two different facts."""
    an, bn = a.numbers, b.numbers
    return bool(an) and bool(bn) and bool(an - bn) and bool(bn - an)


def overlap(a: Unit, b: Unit, *, ordered: bool = False) -> float:
    """The score `similar_pairs` gives one pair (0 when the figures differ)."""
    if figures_differ(a, b):
        return 0.0
    if ordered:
        return float(fuzz.ratio(a.code, b.code))
    return float(fuzz.ratio(a.sorted_code, b.sorted_code))


_CHUNK = 256  # rows of the score matrix at a time: memory stays flat on long documents


def _upper_pairs(
    strings: list[str], scorer: Any, cutoff: float
) -> Iterator[tuple[int, int, float]]:
    """(r, c, score) for r < c with score >= cutoff, the matrix built a band at a time."""
    import numpy as np  # only for a many-unit matrix: a short check does not load numpy
    from rapidfuzz import process

    n = len(strings)
    for top in range(0, n - 1, _CHUNK):
        band = process.cdist(strings[top : top + _CHUNK], strings[top:], scorer=scorer,
                             score_cutoff=cutoff, dtype=np.float32)  # fmt: skip
        if cutoff > 0:  # zeros never pass: no need to blank the lower triangle
            rows, cols = np.nonzero(band >= cutoff)
            keep = cols > rows
            rows, cols = rows[keep], cols[keep]
        else:
            rows, cols = np.nonzero(np.triu(band, k=1) >= cutoff)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            yield top + r, top + c, float(band[r, c])


BLOCK_FROM = 200  # units: below this every pair is scored (in C, fast); above, candidates only


def _tokens(code: str) -> list[tuple[str, int]]:
    """A code's characters as a set: the k-th repeat of a character is its own token."""
    seen: dict[str, int] = {}
    out = []
    for ch in code:
        seen[ch] = seen.get(ch, 0) + 1
        out.append((ch, seen[ch]))
    return out


def candidate_pairs(strings: list[str], cutoff: float) -> Iterator[tuple[int, int]]:
    """The pairs that can score at least `cutoff` with fuzz.ratio, found without scoring
    every pair (prefix filtering, as in set-similarity joins).

    ratio >= t needs a common subsequence of t/200 of the two lengths, so the two share at
    least a = t*len/(200-t) characters counted from either side; sorted rarest first, two
    such strings share a token among the first len - a + 1 of each."""
    freq: Counter[tuple[str, int]] = Counter(t for s in strings for t in _tokens(s))
    index: defaultdict[tuple[str, int], list[int]] = defaultdict(list)
    for j, s in enumerate(strings):
        toks = sorted(_tokens(s), key=lambda t: (freq[t], t))
        need = math.ceil(cutoff * len(toks) / (200 - cutoff)) if cutoff < 100 else len(toks)
        prefix = toks[: max(1, len(toks) - need + 1)]
        found: set[int] = set()
        for t in prefix:
            found.update(index[t])
            index[t].append(j)
        yield from ((i, j) for i in sorted(found))


def _scored_pairs(strings: list[str], cutoff: float) -> Iterator[tuple[int, int, float]]:
    """(r, c, score) for r < c scoring at least `cutoff`: every pair for a few strings,
    the candidates of `candidate_pairs` for many (near-linear on long documents)."""
    if len(strings) < BLOCK_FROM:
        yield from _upper_pairs(strings, fuzz.ratio, cutoff)
        return
    for i, j in candidate_pairs(strings, cutoff):
        score = fuzz.ratio(strings[i], strings[j], score_cutoff=cutoff)
        if score >= cutoff:
            yield i, j, float(score)


def similar_pairs(
    units: list[Unit], threshold: float, *, ordered: bool = False, min_words: int = 3
) -> list[tuple[int, int, float]]:
    """(earlier, later, score) for every pair scoring at least `threshold` (0-100)."""
    idx = [i for i, u in enumerate(units) if len(u.code) >= min_words]
    if len(idx) < 2:
        return []
    strings = [units[i].code if ordered else units[i].sorted_code for i in idx]
    out: list[tuple[int, int, float]] = []
    for r, c, score in _scored_pairs(strings, threshold):
        if not figures_differ(units[idx[r]], units[idx[c]]):
            out.append((idx[r], idx[c], score))
    return out


def _windows(code: str, size: int) -> list[str]:
    if len(code) <= size:
        return [code]
    return [code[k : k + size] for k in range(len(code) - size + 1)]


def shared_phrases(
    units: list[Unit], *, size: int = 4, matched: int = 3, min_common: int = 2
) -> list[tuple[int, int, float]]:
    """(earlier, later, score) for pairs that repeat one phrase in near the same words.

    A phrase is `size` consecutive content words; two phrases match when `matched` of them
    recur in the same order ("prolonged the conflicts in territories like Kursk" / "prolonged
    conflicts in regions like Kursk"), and at least `min_common` of the shared words are
    ordinary lower-case words, so that a shared name ("Prime Minister Tony Blair") alone
    never counts. A phrase that recurs in three items or more is the list's pattern
    ("Film - ...; director - ..."), not one item repeating another. Score: how alike the
    two phrases are, in percent.
    """
    import numpy as np
    from rapidfuzz import process

    idx = [i for i, u in enumerate(units) if len(u.code) >= matched]
    if len(idx) < 2:
        return []
    # candidates: pairs sharing `matched` words at all (rapidfuzz LCS of the sorted words)
    sorted_codes = [units[i].sorted_code for i in idx]
    windows = {i: _windows(units[i].code, size) for i in idx}
    cutoff = 100.0 * 2 * matched / (2 * size)
    partners: dict[tuple[int, int], set[int]] = {}  # (unit, window) -> units it matches
    found: list[tuple[int, int, int, int, float]] = []
    for r, c, _ in _upper_pairs(sorted_codes, LCSseq.similarity, matched):
        i, j = idx[r], idx[c]
        m = process.cdist(windows[i], windows[j], scorer=fuzz.ratio, score_cutoff=cutoff,
                          dtype=np.float32)  # fmt: skip
        for wa, wb in zip(*np.nonzero(m >= cutoff), strict=True):
            partners.setdefault((i, int(wa)), set()).add(j)
            partners.setdefault((j, int(wb)), set()).add(i)
            found.append((i, j, int(wa), int(wb), float(m[wa, wb])))
    best: dict[tuple[int, int], float] = {}
    for i, j, wa, wb, score in found:
        if len(partners[(i, wa)]) > 1 or len(partners[(j, wb)]) > 1:
            continue  # the phrase recurs in a third item: the list's pattern
        a, b = units[i], units[j]
        if figures_differ(a, b):
            continue
        shared = set(windows[i][wa]) & set(windows[j][wb])
        if len(shared & a.common & b.common) < min_common:
            continue
        best[(i, j)] = max(best.get((i, j), 0.0), score)
    return [(i, j, s) for (i, j), s in sorted(best.items())]
