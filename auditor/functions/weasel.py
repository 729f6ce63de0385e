"""Vague or weasel wording scored by a learned lexicon of weighted word and word-pair cues.

Single cues ("some", "many", "considered") are weak signals; several together are strong.
Each sentence gets score = bias + the weights of the cues it contains (learned from
wiki-weasel train by `benchmarks/weasel_lexicon.py`, shipped as data in
`auditor/lexicons/`); a sentence whose score passes the lexicon's threshold gets one info
finding on its strongest cue, naming the strongest cues found.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.document import Document
from auditor.findings import Hit, render_message
from auditor.functions import rule_function
from auditor.functions.hedges import covered_sentences, trie_regex
from auditor.functions.weasel_features import tokens
from auditor.packs import Rule

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
MAX_NAMED = 3  # cues named in the message: the strongest, and others at least half as strong


@dataclass(frozen=True)
class Lexicon:
    """Cue weights, bias and threshold; `anchors` holds a word of every positive cue.

    A sentence can pass the threshold only through a positive cue (the bias lies below the
    threshold), so sentences without an anchor word are skipped unread: one regex pass over
    the article instead of tokenising every sentence.
    """

    weights: dict[str, float]
    bias: float
    threshold: float
    anchors: re.Pattern[str] | None  # None: no prefilter possible, score every sentence
    # first words of the word-pair cues: a pair is looked up only after one of them
    heads: frozenset[str] = frozenset()


_cache: dict[str, Lexicon] = {}


def load_lexicon(name: str) -> Lexicon:
    """The named lexicon file of auditor/lexicons (ValueError when missing or malformed)."""
    got = _cache.get(name)
    if got is not None:
        return got
    path = LEXICONS / name
    if Path(name).name != name or not path.is_file():
        raise ValueError(f"lexicon '{name}' not found in {LEXICONS}")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in raw["weights"].items()}
        bias, threshold = float(raw["bias"]), float(raw["threshold"])
        anchors = {str(a) for a in raw["anchors"]}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"lexicon '{name}' is malformed: {exc}") from exc
    complete = all(
        set(f.split(" ")) & anchors for f, w in weights.items() if w > 0
    )  # every positive cue holds an anchor word: the prefilter loses nothing
    usable = complete and bias <= threshold and anchors
    lex = Lexicon(
        weights,
        bias,
        threshold,
        trie_regex({a.lower() for a in anchors}) if usable else None,
        frozenset(f.split(" ")[0] for f in weights if " " in f),
    )
    _cache[name] = lex
    return lex


def _lexicon(options: dict[str, Any]) -> Lexicon:
    name = options.get("lexicon", "weasel_cues.json")
    if not isinstance(name, str):
        raise ValueError("option 'lexicon' must be a file name")
    return load_lexicon(name)


def sentence_cues(sentence: str, lex: Lexicon) -> tuple[float, list[tuple[float, int, int]]]:
    """(score, positive cues as (weight, start, end) in sentence offsets, first occurrence).

    Each word, then the pair it closes, is added in sentence order (the float sum and the
    cue order depend on it); a word with no weight that heads no pair costs one lookup.
    """
    get, heads = lex.weights.get, lex.heads
    total = lex.bias
    seen: set[str] = set()
    cues: list[tuple[float, int, int]] = []
    prev_word, prev_start = "", -1
    for word, a, b in tokens(sentence):
        w = get(word)
        if w is not None and word not in seen:
            seen.add(word)
            total += w
            if w > 0:
                cues.append((w, a, b))
        if prev_start >= 0 and prev_word in heads:
            pair = prev_word + " " + word
            w = get(pair)
            if w is not None and pair not in seen:
                seen.add(pair)
                total += w
                if w > 0:
                    cues.append((w, prev_start, b))
        prev_word, prev_start = word, a
    return total, cues


def _candidates(doc: Document, lex: Lexicon) -> Iterator[int]:
    """Indexes of the sentences holding an anchor word (all sentences without a prefilter)."""
    if lex.anchors is None:
        yield from range(len(doc.sentences))
        return
    lower = doc.text.lower()
    if len(lower) != len(doc.text):  # a few characters lower-case to two ("İ"): keep offsets
        yield from range(len(doc.sentences))
        return
    starts = doc._sentence_starts
    sentences = doc.sentences
    pos = 0
    search = lex.anchors.search
    while True:
        m = search(lower, pos)
        if m is None:
            return
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0:
            pos = m.end()
            continue
        yield i
        pos = max(sentences[i].end, m.end())


@rule_function("hedges.weasel")
def weasel(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """One finding per sentence whose cue score passes the lexicon's threshold.

    Sentences where a specific cue rule of the pack already has a hit are skipped: the
    editor gets the precise finding, not a second, vaguer one on the same sentence.
    """
    lex = _lexicon(options)
    text = doc.text
    covered = covered_sentences(doc, rule)
    for i in _candidates(doc, lex):
        if i in covered:
            continue
        s = doc.sentences[i]
        sentence = text[s.start : s.end]
        total, cues = sentence_cues(sentence, lex)
        if total <= lex.threshold or not cues:
            continue
        cues.sort(key=lambda c: (-c[0], c[1]))
        strong = [c for c in cues[:MAX_NAMED] if c[0] >= cues[0][0] / 2]
        named = ", ".join(f"'{sentence[a:b]}'" for _, a, b in strong)
        _, a, b = cues[0]
        msg = render_message(rule.message, cues=named)
        yield Hit(s.start + a, s.start + b, msg, data={"weasel_score": round(total, 2)})


def _validate(rule: Rule, options: dict[str, Any]) -> None:
    """At pack load: the lexicon must exist and parse."""
    _lexicon(options)


weasel.validate = _validate  # type: ignore[attr-defined]
