"""Floors for the causal pack on public data, so a change cannot silently lose accuracy.

The floors sit a point or two under the numbers measured when they were set (see the
README's bench-causal section); the test skips when the evaluation data is absent.
"""

from __future__ import annotations

import pytest

from benchmarks import causal_eval
from benchmarks.evaldata import has_eval

pytestmark = pytest.mark.skipif(
    not has_eval(
        "causal-news-corpus/dev_subtask1.csv", "press-release-claims/annotated_eureka.csv"
    ),
    reason="evaluation data (../shared/eval or $AUDITOR_EVAL_DIR) not present",
)


def test_cnc_dev_floor() -> None:
    """Measured: P 0.817, R 0.627, F1 0.709 (any causal finding)."""
    s = causal_eval.cnc_scores("dev_subtask1.csv")["any causal finding"]
    assert s.n == 340
    assert s.f1 >= 0.69, s
    assert s.p >= 0.80, s


def test_press_release_rates() -> None:
    """Measured: correlational 3.1% flagged as causal claims, direct causal 39.4%."""
    rates = causal_eval.press_rates()
    assert rates[1][1] <= 0.045, rates[1]
    assert rates[3][1] >= 0.375, rates[3]
