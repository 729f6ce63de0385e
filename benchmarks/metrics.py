"""Precision, recall and F1 of a binary prediction: the one scorer every benchmark uses.

The evaluations score a pack's verdict per sentence (or per pair) against gold labels; one
function keeps "precision" meaning the same thing in every table the README quotes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass
class PRF:
    """Precision, recall and F1 of the positive class over n items (0.0 when undefined)."""

    p: float
    r: float
    f1: float
    n: int


def prf(pred: Iterable[bool], gold: Iterable[int | bool]) -> PRF:
    """Score predictions against gold labels; the positive class is label 1 (or True)."""
    tp = fp = fn = n = 0
    for p, g in zip(pred, gold, strict=True):
        n += 1
        tp += p and g == 1
        fp += p and g != 1
        fn += (not p) and g == 1
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return PRF(prec, rec, f1, n)
