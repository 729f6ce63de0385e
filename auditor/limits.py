"""Bounded work per document: a time limit that interrupts a runaway audit.

The limit is a SIGALRM timer, so it interrupts Python code in the main thread (a pattern
that backtracks, a quadratic loop); native code that never returns to Python is stopped
by the batch engine killing its worker. Elsewhere (a thread) there is no limit here.
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_TIMEOUT = 120.0  # seconds per document: no normal article comes near it
TIME_LIMIT_RULE = "meta.time-limit"


class TimeLimit(Exception):
    """A document took longer than the per-document time limit."""


def check_timeout(value: object, where: str) -> float:
    """A time limit in seconds: a finite number, 0 for none; else a one-line problem."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{where} must be a number of seconds, not {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{where} must be a finite number of seconds (0: no limit), not {value}")
    return float(value)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt Python code after `seconds` (only in a main thread; else no limit here)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise TimeLimit

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
