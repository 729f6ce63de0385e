"""The duplicates pack against the shared evaluation data (skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.engine import Auditor
from auditor.inputs import load_file
from auditor.packs import load_packs
from benchmarks.evaldata import bbc_articles, has_eval
from benchmarks.mrpc_eval import calibrate, load_split, precision_recall, score


def _pack_threshold() -> float:
    pack = next(p for p in load_packs() if p.id == "duplicates")
    rule = next(r for r in pack.rules if r.id == "duplicates.bullet")
    return float(rule.options["threshold"])


@pytest.mark.skipif(
    not has_eval("mrpc/msr_paraphrase_train.txt", "mrpc/msr_paraphrase_test.txt"),
    reason="MRPC not available",
)
def test_shipped_threshold_is_the_mrpc_calibration() -> None:
    train = score(load_split("train"))
    assert calibrate(train, 0.94) == _pack_threshold()
    test = score(load_split("test"))
    t = _pack_threshold()
    p, r, _ = precision_recall(test, [s.score >= t for s in test])
    assert p >= 0.9 and r >= 0.2, (p, r)


@pytest.mark.skipif(not has_eval("bbc-news"), reason="BBC corpus not available")
def test_edited_copy_rarely_has_duplicates_floor() -> None:
    """The fast floor: the first 100 articles of each of the five folders, the same bar."""
    by_folder: dict[str, list[Path]] = {}
    for f in bbc_articles():
        by_folder.setdefault(f.parent.name, []).append(f)
    docs = [doc for fs in by_folder.values() for f in fs[:100] for doc in load_file(f).documents]
    assert len(docs) == 500
    auditor = Auditor([p for p in load_packs() if p.id == "duplicates"])
    findings = sum(len(auditor.audit(d)) for d in docs)
    assert findings <= len(docs) / 50, findings


@pytest.mark.slow
@pytest.mark.skipif(not has_eval("bbc-news"), reason="BBC corpus not available")
def test_edited_copy_rarely_has_duplicates() -> None:
    """The whole corpus, as `python -m benchmarks.bbc_packs` measures it (run with -m slow)."""
    from benchmarks.bbc_packs import load_bbc

    docs = load_bbc()
    assert len(docs) == 2225
    auditor = Auditor([p for p in load_packs() if p.id == "duplicates"])
    findings = sum(len(auditor.audit(d)) for d in docs)
    assert findings <= len(docs) / 50, findings
