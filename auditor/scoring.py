"""Findings to scores: 0 to 100, higher is better, length-normalised, deterministic.

    points  = 3 per error + 1 per warning + 0 per info
    density = 100 * points / max(words, 100)        (points per 100 words)
    score   = 100 * 2 ** (-density / 2)             (2 points per 100 words halve the score)

The same formula gives each pack's score from that pack's findings alone. Info findings
(a supported causal claim, a quote's grammar) inform and cost nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from auditor.findings import Finding

WEIGHTS = {"error": 3.0, "warning": 1.0, "info": 0.0}
HALF_DENSITY = 2.0
MIN_WORDS = 100


def points(findings: Iterable[Finding]) -> float:
    return sum(WEIGHTS.get(f.severity, 0.0) for f in findings)


def score_from_points(pts: float, words: int) -> float:
    density = 100.0 * pts / max(words, MIN_WORDS)
    return round(100.0 * float(2.0 ** (-density / HALF_DENSITY)), 1)


@dataclass
class PackScore:
    score: float
    findings: int
    points: float
    lost: float  # the document's lost points attributed to this pack


def score_document(
    findings: list[Finding], words: int, pack_ids: Iterable[str]
) -> tuple[float, dict[str, PackScore]]:
    """The document score and per-pack scores, with the lost points shared out by weight."""
    total_pts = points(findings)
    score = score_from_points(total_pts, words)
    lost_total = 100.0 - score
    packs: dict[str, PackScore] = {}
    for pid in sorted(set(pack_ids) | {f.pack for f in findings}):
        mine = [f for f in findings if f.pack == pid]
        pts = points(mine)
        lost = lost_total * pts / total_pts if total_pts else 0.0
        packs[pid] = PackScore(score_from_points(pts, words), len(mine), pts, round(lost, 1))
    return score, packs
