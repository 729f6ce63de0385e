"""Rebuild auditor/causal/cues.json from the Causal News Corpus train split.

`python -m benchmarks.causal_cues [--check]`

The cue lexicon covers what the hand-written markers miss. Features are the lemma unigrams
and bigrams seen in at least MIN_SUPPORT train sentences, weights come from an L2 logistic regression (plain
gradient descent, deterministic), and the threshold is chosen by cross-validation on train,
one fold per annotation batch (train_01 .. train_09: dev is batch 10, so each fold is held
out the way dev is), scoring what the pack does (a sentence is causal when a hand-written rule fires
or the cues pass the threshold): the best F1 whose precision stays at or above MIN_PRECISION. Dev is never read.
Cues whose weight is too small to matter are dropped so the file stays small.
`--check` only prints the cross-validation table.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from collections import Counter

import numpy as np

from auditor.causal.cues import DATA, TOKEN, grams, lemma
from auditor.findings import matches_prefix
from benchmarks.causal_eval import read_cnc, rules_by_record
from benchmarks.evaldata import eval_missing, eval_path
from benchmarks.metrics import prf

ORDER = 2
MIN_SUPPORT = 3
L2 = 1e-3
STEPS = 300
RATE = 1.0
MIN_WEIGHT = 0.05
MIN_PRECISION = 0.81
THRESHOLDS = [round(0.05 * i, 2) for i in range(-4, 31)]


def features(text: str) -> set[str]:
    lemmas = [lemma(t) for t in TOKEN.findall(text.lower())]
    return {g for _, _, g in grams(lemmas, ORDER)}


def fit(feats: list[set[str]], gold: list[int]) -> tuple[dict[str, float], float]:
    """Logistic regression on binary cue features; returns (weights, bias)."""
    counts = Counter(g for f in feats for g in f)
    vocab = {g: j for j, g in enumerate(sorted(g for g, n in counts.items() if n >= MIN_SUPPORT))}
    x = np.zeros((len(feats), len(vocab)))
    for r, f in enumerate(feats):
        for g in f:
            if g in vocab:
                x[r, vocab[g]] = 1.0
    y = np.array(gold, dtype=float)
    w = np.zeros(len(vocab))
    b = 0.0
    for _ in range(STEPS):
        err = 1 / (1 + np.exp(-(x @ w + b))) - y
        w -= RATE * (x.T @ err / len(y) + L2 * w)
        b -= RATE * float(err.mean())
    weights = {g: round(float(w[j]), 4) for g, j in vocab.items() if abs(w[j]) >= MIN_WEIGHT}
    return weights, round(b, 4)


def batches(name: str) -> list[str]:
    """Each record's annotation batch ("01" in "train_01_0_892"), in file order."""
    path = eval_path(f"causal-news-corpus/{name}")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [r["index"].split("_")[1] for r in csv.DictReader(f)]


def score(f: set[str], weights: dict[str, float], bias: float) -> float:
    """bias + the cue weights, summed exactly: a set's order changes with the hash seed, and
    a plain float sum in that order made scores that tie a threshold fall either side."""
    return math.fsum([bias, *(weights.get(g, 0.0) for g in f)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="print the folds table, write nothing")
    args = ap.parse_args(argv)
    if eval_missing("causal_cues", "causal-news-corpus/train_subtask1.csv"):
        return 2
    data = read_cnc("train_subtask1.csv")
    gold = [g for _, g in data]
    fired = rules_by_record([t for t, _ in data])
    hand = [any(not matches_prefix(r, ["causal.cue"]) for r in rules) for rules in fired]
    feats = [features(t) for t, _ in data]
    batch = batches("train_subtask1.csv")
    ids = list(range(len(data)))
    scores: dict[int, float] = {}
    for b in sorted(set(batch)):
        fold = [i for i in ids if batch[i] == b]
        rest = [i for i in ids if batch[i] != b]
        weights, bias = fit([feats[i] for i in rest], [gold[i] for i in rest])
        for i in fold:
            scores[i] = score(feats[i], weights, bias)
    n = len(set(batch))
    print(f"| threshold | precision | recall | F1 |  (train, {n} batch folds, markers OR cues)")
    best: tuple[float, float] | None = None
    for t in THRESHOLDS:
        s = prf([hand[i] or scores[i] >= t for i in range(len(data))], gold)
        p, r, f = s.p, s.r, s.f1
        print(f"| {t:.2f} | {p:.3f} | {r:.3f} | {f:.3f} |")
        if p >= MIN_PRECISION and (best is None or f > best[1]):
            best = (t, f)
    if best is None:
        raise SystemExit("no threshold reaches the precision floor")
    print(f"chosen threshold {best[0]:.2f} (folds F1 {best[1]:.3f})")
    if args.check:
        return 0
    weights, bias = fit(feats, gold)
    out = {
        "source": "Causal News Corpus V2 train_subtask1.csv, rebuilt by benchmarks/causal_cues.py",
        "order": ORDER,
        "bias": bias,
        "threshold": best[0],
        "weights": dict(sorted(weights.items(), key=lambda kv: -kv[1])),
    }
    DATA.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {DATA} ({len(weights)} cues)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
