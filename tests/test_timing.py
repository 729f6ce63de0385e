"""--profile's shared work: a model load or parse is its own row, not the asking rule's.

A fake clock (time.perf_counter replaced) keeps the test exact on a busy machine."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from auditor import timing
from auditor.engine import Auditor
from auditor.findings import Hit
from auditor.inputs import plain_document
from auditor.packs import load_packs


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(time, "perf_counter", c)
    return c


def test_nested_blocks_count_once_and_other_threads_not_at_all(clock: Clock) -> None:
    before = timing.snapshot()
    with timing.shared("t.outer"):
        clock.sleep(2)
        with timing.shared("t.inner"):
            clock.sleep(5)

    def elsewhere() -> None:
        with timing.shared("t.other"):
            clock.sleep(1)

    worker = threading.Thread(target=elsewhere)
    worker.start()
    worker.join()
    assert timing.since(before) == {"t.outer": 2, "t.inner": 5}


def test_the_engine_takes_shared_time_out_of_the_rule(
    clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    [pack] = [p for p in load_packs([]) if p.id == "hedges"]
    auditor = Auditor([pack])
    rule = auditor.rules[0]

    def run(doc: Any) -> Iterator[Hit]:
        clock.sleep(1)
        with timing.shared("analysis.parse"):
            clock.sleep(5)
        return iter(())

    monkeypatch.setattr(auditor.checks[rule.id], "run", run)
    auditor.audit(plain_document("a.txt", "A short article.\n"))
    auditor.audit(plain_document("b.txt", "Another short article.\n"))
    assert auditor.seconds["analysis.parse"] == 10  # added up over documents and rules
    assert auditor.seconds[rule.id] == 2
