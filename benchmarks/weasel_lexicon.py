"""Rebuild the weighted weasel-cue lexicon of the `hedges.weasel` rule from wiki-weasel train.

    python -m benchmarks.weasel_lexicon            # writes auditor/lexicons/weasel_cues.json

A logistic regression over word and word-pair presence (numpy, full-batch Adam, L2), trained
on `wiki-weasel/train.tsv` only. The threshold is chosen without the test split:
5-fold cross-validation on train gives the F1-optimal threshold of the rule on its own; the
shipped threshold is the lowest one at or above it whose sentences over threshold stay within
the news budget on the BBC articles (unlabelled; measures noise on edited copy): sentences
over threshold that no specific cue rule covers, the ones the rule reports. Deterministic:
same data, same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from auditor.functions.hedges import covered_sentences
from auditor.functions.weasel import load_lexicon
from auditor.functions.weasel_features import NUMBER, features, tokens
from auditor.inputs import decode, plain_document
from auditor.packs import load_packs
from benchmarks.evaldata import bbc_articles, eval_missing
from benchmarks.hedges_eval import load_weasel
from benchmarks.metrics import prf

OUT = Path(__file__).resolve().parents[1] / "auditor" / "lexicons" / "weasel_cues.json"
MIN_COUNT = 5  # a feature must occur in this many train sentences
CUE_PRECISION = 0.6  # share of uncertain sentences a cue candidate needs (base rate 0.29)
SMOOTH = 5.0  # pseudo-sentences at the base rate added to each candidate's count
L2 = 0.003
PRUNE = 0.05  # weights smaller than this (either sign) are dropped from the lexicon
FOLDS = 5
NEWS_BUDGET = 1.5  # findings (uncovered sentences over threshold) per 1,000 BBC words
GRID = [round(x, 2) for x in np.arange(-2.0, 3.0, 0.05)]


def sentence_features(text: str) -> set[str]:
    return features([w for w, _, _ in tokens(text)])


def candidates(feats: list[set[str]], gold: list[bool]) -> list[str]:
    """Cue candidates: features that are weasel-prone on their own, and their word pairs.

    A bag of all words learns Wikipedia style ("have been", "it is", "music") that means
    nothing on news copy. A candidate must occur in MIN_COUNT sentences and be uncertain in
    at least CUE_PRECISION of them (smoothed towards the base rate); word pairs holding a
    candidate word are kept whatever their sign, so that context ("some 500", "for some
    time") can pull the score down.
    """
    counts = Counter(f for fs in feats for f in fs)
    positive = Counter(f for fs, g in zip(feats, gold, strict=True) if g for f in fs)
    base = sum(gold) / len(gold)
    strong = {
        f
        for f, c in counts.items()
        if c >= MIN_COUNT and (positive[f] + SMOOTH * base) / (c + SMOOTH) >= CUE_PRECISION
    }
    words = {f for f in strong if " " not in f}
    context = {
        f
        for f, c in counts.items()
        if c >= MIN_COUNT and " " in f and any(w in words for w in f.split(" "))
    }
    return sorted(strong | context)


def fit(
    feats: list[set[str]], gold: list[bool], iters: int = 300
) -> tuple[dict[str, float], float]:
    """L2-regularised logistic regression; returns (weights by feature, bias)."""
    vocab = candidates(feats, gold)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for i, fs in enumerate(feats):
        for f in fs:
            j = index.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
    r, c = np.array(rows), np.array(cols)
    n, m = len(feats), len(vocab)
    y = np.array(gold, dtype=float)
    w, b = np.zeros(m), 0.0
    mw, vw, mb, vb = np.zeros(m), np.zeros(m), 0.0, 0.0
    for t in range(1, iters + 1):
        z = np.bincount(r, weights=w[c], minlength=n) + b
        g = 1.0 / (1.0 + np.exp(-z)) - y
        gw = np.bincount(c, weights=g[r], minlength=m) / n + L2 * w
        gb = float(g.mean())
        mw, vw = 0.9 * mw + 0.1 * gw, 0.999 * vw + 0.001 * gw * gw
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        w -= 0.05 * (mw / (1 - 0.9**t)) / (np.sqrt(vw / (1 - 0.999**t)) + 1e-8)
        b -= 0.05 * (mb / (1 - 0.9**t)) / (np.sqrt(vb / (1 - 0.999**t)) + 1e-8)
    weights = {f: round(float(x), 3) for f, x in zip(vocab, w, strict=True) if abs(x) >= PRUNE}
    return weights, round(b, 3)


def sentence_scores(feats: list[set[str]], weights: dict[str, float], bias: float) -> np.ndarray:
    return np.array([bias + sum(weights.get(f, 0.0) for f in fs) for fs in feats])


def bbc_sentences() -> tuple[list[set[str]], int]:
    """Features of the BBC sentences that no specific cue rule covers, and the word count."""
    try:  # the pack validates its lexicon on load; the coverage used here does not read it
        load_lexicon(OUT.name)
    except ValueError:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text('{"bias": 0, "threshold": 0, "anchors": [], "weights": {}}\n', "utf-8")
    rule = next(r for p in load_packs() for r in p.rules if r.id == "hedges.weasel")
    feats: list[set[str]] = []
    words = 0
    for path in bbc_articles():
        text, _ = decode(path.read_bytes(), str(path))
        doc = plain_document(str(path), text)
        words += doc.words
        covered = covered_sentences(doc, rule)
        feats.extend(
            sentence_features(doc.text[s.start : s.end])
            for i, s in enumerate(doc.sentences)
            if i not in covered
        )
    return feats, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if eval_missing("weasel_lexicon", "wiki-weasel/train.tsv", "bbc-news"):
        return 2
    rows = load_weasel("train")
    gold = [g for _, g in rows]
    feats = [sentence_features(t) for t, _ in rows]

    fold = np.random.RandomState(0).randint(0, FOLDS, len(rows))
    cv = np.zeros(len(rows))
    for k in range(FOLDS):
        train = [i for i in range(len(rows)) if fold[i] != k]
        held = [i for i in range(len(rows)) if fold[i] == k]
        weights, bias = fit([feats[i] for i in train], [gold[i] for i in train])
        cv[held] = sentence_scores([feats[i] for i in held], weights, bias)
    cv_f1 = {t: prf([bool(s > t) for s in cv], gold).f1 for t in GRID}
    best = max(GRID, key=lambda t: (cv_f1[t], -t))

    weights, bias = fit(feats, gold)
    bbc, bbc_words = bbc_sentences()
    bbc_scores = sentence_scores(bbc, weights, bias)
    rate = {t: 1000.0 * float((bbc_scores > t).sum()) / bbc_words for t in GRID}
    threshold = next(t for t in GRID if t >= best and rate[t] <= NEWS_BUDGET)
    cvs = prf([bool(s > threshold) for s in cv], gold)
    print(f"cross-validated F1-optimal threshold {best}: F1 {cv_f1[best]:.3f}, "
          f"BBC {rate[best]:.2f} sentences per 1,000 words")  # fmt: skip
    print(f"shipped threshold {threshold}: cross-validated P {cvs.p:.3f} "
          f"R {cvs.r:.3f} F1 {cvs.f1:.3f}, BBC {rate[threshold]:.2f} per 1,000 words")  # fmt: skip

    # a word of every positive cue: the positive single words, then for each word pair
    # holding none of them its rarer word (the rule skips sentences without an anchor)
    train_counts = Counter(w for fs in feats for w in fs if " " not in w)
    anchors = {f for f, x in weights.items() if x > 0 and " " not in f and f != NUMBER}
    for f, x in sorted(weights.items()):
        words = [w for w in f.split(" ") if w != NUMBER]
        if x > 0 and not anchors.intersection(words):
            anchors.add(min(words, key=lambda w: (train_counts[w], w)))
    lexicon = {
        "about": "Weights of word and word-pair cues for vague or weasel wording, learned by "
        "benchmarks/weasel_lexicon.py from wiki-weasel train.tsv. Do not edit by hand.",
        "min_count": MIN_COUNT,
        "l2": L2,
        "prune": PRUNE,
        "cv_optimal_threshold": best,
        "news_budget_per_1000_words": NEWS_BUDGET,
        "threshold": threshold,
        "bias": bias,
        "anchors": sorted(anchors),
        "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(lexicon, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(weights)} cues written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
