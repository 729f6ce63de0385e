"""A batch worker's set-up (Pipeline.warm) loads the analysis model only when a rule may parse."""

from __future__ import annotations

from typing import Any

import pytest

from auditor.analysis import model
from auditor.pipeline import AuditOptions, Pipeline


@pytest.mark.parametrize(
    ("select", "loads"),
    [(("causal",), 1), (("grammar.agreement",), 1), (("hedges", "readability"), 0)],
)
def test_warm_loads_the_model_for_rules_that_parse(
    monkeypatch: pytest.MonkeyPatch, select: tuple[str, ...], loads: int
) -> None:
    calls: list[int] = []
    real = model.load

    def counted() -> Any:
        calls.append(1)
        return real()

    monkeypatch.setattr(model, "load", counted)
    Pipeline(AuditOptions(select=select, ignore=("grammar.harper",))).warm()
    assert (len(calls) > 0) == bool(loads)
