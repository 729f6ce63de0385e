"""Scores: 0-100, higher is better, length-normalised, weighted by severity, deterministic."""

from __future__ import annotations

from auditor.findings import Finding
from auditor.scoring import score_document, score_from_points


def finding(pack: str, severity: str) -> Finding:
    return Finding(f"{pack}.x", pack, severity, "m", 0, 1, 1, 1, "x")


def test_clean_document_scores_100() -> None:
    score, packs = score_document([], 500, ["hedges"])
    assert score == 100.0 and packs["hedges"].score == 100.0


def test_length_normalised() -> None:
    four = [finding("hedges", "warning")] * 4
    long_score, _ = score_document(four, 2000, ["hedges"])
    short_score, _ = score_document(four, 200, ["hedges"])
    assert long_score > short_score
    assert long_score == 93.3 and short_score == 50.0


def test_severity_weights() -> None:
    assert score_from_points(3, 300) == score_document([finding("g", "error")], 300, [])[0]
    err, _ = score_document([finding("grammar", "error")], 300, [])
    warn, _ = score_document([finding("grammar", "warning")], 300, [])
    info, _ = score_document([finding("grammar", "info")], 300, [])
    assert err < warn < info == 100.0


def test_where_the_points_went() -> None:
    findings = [
        finding("grammar", "error"),
        finding("hedges", "warning"),
        finding("hedges", "warning"),
    ]
    score, packs = score_document(findings, 400, ["grammar", "hedges", "causal"])
    assert packs["causal"].lost == 0 and packs["causal"].score == 100
    assert packs["grammar"].lost > packs["hedges"].lost > 0
    assert abs(packs["grammar"].lost + packs["hedges"].lost - (100 - score)) < 0.2
    assert 0 <= score <= 100


def test_deterministic() -> None:
    f = [finding("hedges", "warning")] * 3
    assert score_document(f, 321, ["hedges"]) == score_document(list(f), 321, ["hedges"])
