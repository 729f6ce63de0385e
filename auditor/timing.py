"""Time spent on work that rules share, kept apart from the rules that happen to ask first.

The analysis layer's model load and its parses serve every rule that reads sentences: the
first rule to ask pays the load, a later one gets a remembered parse. `--profile` would
otherwise charge a newsroom's house rule with spaCy's start-up. The shared components add
their time here under a name ("analysis.parse"); the engine takes it out of the rule that
was running and shows it as its own row.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# per thread: a background thread's work (Harper's Linter built ahead) is not the time of
# the rule the auditing thread is running meanwhile
_local = threading.local()


def _state() -> tuple[dict[str, float], list[float]]:
    """This thread's shared time by name, and per open block the time its nested blocks
    took (counted there)."""
    try:
        return _local.spent, _local.open
    except AttributeError:
        _local.spent, _local.open = {}, []
        return _local.spent, _local.open


@contextmanager
def shared(name: str) -> Iterator[None]:
    """Time the block as shared work called `name` (a nested block's time is its own: the
    model loading during the first parse is load, not parse)."""
    spent, open_ = _state()
    t0 = time.perf_counter()
    open_.append(0.0)
    try:
        yield
    finally:
        took = time.perf_counter() - t0
        spent[name] = spent.get(name, 0.0) + took - open_.pop()
        if open_:
            open_[-1] += took


def snapshot() -> dict[str, float]:
    """This thread's shared time so far, by name (compare two with `since`)."""
    return dict(_state()[0])


def since(before: dict[str, float]) -> dict[str, float]:
    """Shared time this thread spent after `before` was taken, by name (names with none
    left out)."""
    spent = _state()[0]
    return {k: v - before.get(k, 0.0) for k, v in spent.items() if v != before.get(k, 0.0)}
