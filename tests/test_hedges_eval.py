"""The measured wiki-weasel floor: a later change may not silently lose more than a point or two.

Skips when the evaluation data (../shared/eval or $AUDITOR_EVAL_DIR) is absent; it is never
copied into the repository.
"""

from __future__ import annotations

import pytest

from benchmarks.evaldata import has_eval
from benchmarks.hedges_eval import load_weasel
from benchmarks.metrics import prf
from benchmarks.records import audit_records, write_jsonl

# measured on wiki-weasel test.tsv by `python -m benchmarks.hedges_eval` (README, bench-hedges)
MEASURED_F1 = 0.623
MEASURED_PRECISION = 0.756
SLACK = 0.015


@pytest.fixture(scope="module")
def weasel_scores(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not has_eval("wiki-weasel/test.tsv"):
        pytest.skip("wiki-weasel evaluation data not found")
    rows = load_weasel("test")
    jsonl = tmp_path_factory.mktemp("weasel") / "test.jsonl"
    write_jsonl([t for t, _ in rows], jsonl)
    pred = [bool(r) for r in audit_records(jsonl, len(rows), ["hedges"])]
    return prf(pred, [g for _, g in rows])


def test_wiki_weasel_f1_floor(weasel_scores) -> None:  # type: ignore[no-untyped-def]
    assert weasel_scores.f1 >= MEASURED_F1 - SLACK, weasel_scores


def test_wiki_weasel_precision_floor(weasel_scores) -> None:  # type: ignore[no-untyped-def]
    assert weasel_scores.p >= MEASURED_PRECISION - SLACK, weasel_scores


def test_detokenise_undoes_treebank_spacing() -> None:
    from benchmarks.hedges_eval import detokenise

    got = detokenise("Some -LRB- not all -RRB- say `` it 's fine '' , and it is n't .")
    assert got == "Some (not all) say \"it's fine\", and it isn't."
