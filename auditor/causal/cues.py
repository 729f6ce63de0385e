"""Learned causal cues: a weighted lexicon of lemma unigrams and bigrams, mined from news.

Much causal news language has no causal connective: "students rallied outside the
ministry to demand ...", "hundreds were detained in the crackdown on protesters". The
hand-written markers (lexicon.py) miss it. This lexicon, rebuilt from the Causal News
Corpus train split by `python -m benchmarks.causal_cues`, gives each cue a weight; a
sentence reads as causal when the bias plus the weights of the cues it holds passes the
threshold chosen on train folds. The finding marks the strongest cue of the sentence.
The data is in cues.json; this module only reads it and scores sentences.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from auditor.inflect import all_inflections, all_lemmas

DATA = Path(__file__).with_name("cues.json")
TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_POS_ORDER = ("VERB", "NOUN", "AUX", "ADJ")
# Function words weigh in the score but make a poor mark: a span of "to" tells an editor
# nothing, so the finding marks the strongest cue with a content word when there is one.
_FUNCTION_WORDS = (
    "a an the to for of in on at by with from as when after before while since until "
    "because if that this these those it its they them their he she his her we our you "
    "i be have do will would can could may might should must not no and or but so than "
    "then there here which who what where why how all any some more most other such "
    "only also into over under about against between through during out up down off"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A lower-case word's lemma, verb reading first (the generator uses the same one)."""
    readings: dict[str, tuple[str, ...]] = all_lemmas(word)
    for pos in _POS_ORDER:
        if pos in readings:
            return readings[pos][0]
    return word


def grams(lemmas: list[str], n: int = 2) -> Iterator[tuple[int, int, str]]:
    """(first token, last token + 1, n-gram) for every 1..n-gram of a lemma sequence."""
    for i in range(len(lemmas)):
        for k in range(1, n + 1):
            if i + k <= len(lemmas):
                yield i, i + k, " ".join(lemmas[i : i + k])


@dataclass(frozen=True, slots=True)
class CueModel:
    """Cue weights, bias and threshold, and the surface forms that can take part in a cue."""

    weights: dict[str, float]
    bias: float
    threshold: float
    order: int
    surface: dict[str, str]  # lower-case word -> lemma, for words of some cue only


@lru_cache(maxsize=1)
def model() -> CueModel:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    weights: dict[str, float] = raw["weights"]
    surface: dict[str, str] = {}
    for lem in {t for g in weights for t in g.split()}:
        forms = {lem}
        for table in (all_inflections(lem, "VERB"), all_inflections(lem, "NOUN")):
            for fs in table.values():
                forms.update(fs)
        for f in forms:
            if lemma(f) == lem:
                surface[f] = lem
    if raw["order"] != 2:  # score_span reads unigrams and bigrams
        raise ValueError(f"{DATA}: cue order {raw['order']} is not supported")
    return CueModel(weights, raw["bias"], raw["threshold"], raw["order"], surface)


@dataclass(frozen=True, slots=True)
class CueHit:
    """A sentence the lexicon reads as causal: its score and its strongest cue's span."""

    start: int
    end: int
    cue: str
    score: float


def score_span(
    scan: str,
    start: int,
    end: int,
    m: CueModel | None = None,
    blocked: list[tuple[int, int]] | None = None,
) -> CueHit | None:
    """Score the text scan[start:end] (already lower-cased); a hit when it passes.

    Words inside a `blocked` span (a marker whose sense check ruled it out: "due to
    open") take no part in any cue, so the lexicon cannot undo the sense check.
    """
    m = m or model()
    surface = m.surface
    spans = [b for b in blocked if b[0] < end and b[1] > start] if blocked else []
    if spans:  # rare: words of a ruled-out marker are no cue
        lems = [
            None if any(b0 <= t.start() < b1 for b0, b1 in spans) else surface.get(t.group())
            for t in TOKEN.finditer(scan, start, end)
        ]
    else:  # the common path stays in C as far as it can: no match objects
        lems = [surface.get(w) for w in TOKEN.findall(scan, start, end)]
    w = m.weights
    found: dict[str, int] = {}  # cue -> index of its first word, each cue counted once
    prev: str | None = None
    for i, lem in enumerate(lems):
        if lem is not None:
            if lem in w and lem not in found:
                found[lem] = i
            if prev is not None:
                g = f"{prev} {lem}"
                if g in w and g not in found:
                    found[g] = i - 1
        prev = lem
    total = m.bias + sum(w[g] for g in found)
    if total < m.threshold:
        return None
    best: tuple[float, str] | None = None
    for g in found:
        wt = w[g]
        if wt <= 0:
            continue
        rank = wt + (0.0 if all(p in FUNCTION_WORDS for p in g.split()) else 10.0)
        if best is None or rank > best[0]:
            best = (rank, g)
    if best is None:
        return None
    first = found[best[1]]
    last = first + best[1].count(" ")
    toks = [t.span() for t in TOKEN.finditer(scan, start, end)]
    return CueHit(toks[first][0], toks[last][1], best[1], total)
