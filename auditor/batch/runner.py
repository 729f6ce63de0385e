"""What every engine shares: skip what the store already has, write rows, count, show progress.

An engine receives the Items that need auditing and hands back rows through `Batch.sink`;
the Batch writes them to the store in small transactions and keeps the counts the summary
line and the exit gate are made of.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from auditor.batch.store import Store
from auditor.batch.work import Row, error_row
from auditor.findings import SEVERITY_RANK
from auditor.inputs import Item

FLUSH_ROWS = 512
FLUSH_SECONDS = 0.5


@dataclass
class Stats:
    audited: int = 0
    skipped: int = 0
    errors: int = 0
    warned: int = 0
    words: int = 0
    findings: int = 0
    min_score: float | None = None
    worst: str | None = None
    started: float = field(default_factory=time.perf_counter)

    def see(self, score: float | None, worst: str | None) -> None:
        if score is not None and (self.min_score is None or score < self.min_score):
            self.min_score = score
        if worst is not None and (
            self.worst is None or SEVERITY_RANK[worst] > SEVERITY_RANK[self.worst]
        ):
            self.worst = worst

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def line(self) -> str:
        t = max(self.elapsed, 1e-9)
        done = self.audited + self.errors
        return (
            f"{done} audited ({self.errors} failed, {self.warned} with warnings), "
            f"{self.skipped} unchanged and skipped, {self.findings} findings, in {t:.1f} s "
            f"({done / t:.1f} docs/s, {self.words / t:,.0f} words/s)"
        )


class Progress:
    """A rich progress bar on a terminal; a plain line every few seconds elsewhere."""

    def __init__(self, total: int | None, enabled: bool = True, every: float = 10.0) -> None:
        self.total, self.enabled, self.every = total, enabled, every
        self.tty = enabled and sys.stderr.isatty()
        self._last = time.perf_counter()
        self._bar: Any = None
        if self.tty:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import (
                Progress as RichProgress,
            )

            self._bar = RichProgress(
                TextColumn("auditing"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                transient=True,
            )
            self._task = self._bar.add_task("audit", total=total, rate="")
            self._bar.start()

    def update(self, stats: Stats) -> None:
        if not self.enabled:
            return
        done = stats.audited + stats.errors + stats.skipped
        t = max(stats.elapsed, 1e-9)
        rate = (stats.audited + stats.errors) / t
        if self._bar is not None:
            self._bar.update(self._task, completed=done, rate=f"{rate:.1f} docs/s")
            return
        now = time.perf_counter()
        if now - self._last < self.every:
            return
        self._last = now
        of = f"/{self.total}" if self.total else ""
        eta = ""
        if self.total and rate > 0:
            eta = f", ETA {max(self.total - done, 0) / rate:.0f} s"
        print(f"auditor: {done}{of} documents, {rate:.1f} docs/s, "
              f"{stats.words / t:,.0f} words/s{eta}", file=sys.stderr, flush=True)  # fmt: skip

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


class Batch:
    """Skips unchanged documents, buffers rows and writes them to the store."""

    def __init__(
        self,
        store: Store | None,
        version_for: Callable[[str], str],
        retry_errors: bool = False,
        progress: Progress | None = None,
    ) -> None:
        self.store, self.version_for, self.retry_errors = store, version_for, retry_errors
        self.stats = Stats()
        self.progress = progress or Progress(None, enabled=False)
        self._buffer: list[Row] = []
        self._last_flush = time.perf_counter()
        self.extra_sinks: list[Any] = []

    def pending(self, items: Iterator[Item]) -> Iterator[Item]:
        """The Items a worker must audit; unchanged ones are counted and skipped, unreadable
        ones recorded as errors at once."""
        for item in items:
            version = self.version_for(item.path)
            if self.store is not None:
                old = self.store.lookup(item.id)
                if (
                    old is not None
                    and old.content_hash == item.content_hash
                    and old.rules_version == version
                    and not (self.retry_errors and old.error)
                ):
                    self.stats.skipped += 1
                    self.stats.see(old.score, old.worst)
                    self.progress.update(self.stats)
                    continue
            if item.problem is not None:
                self.sink(error_row(item, version, item.problem))
                continue
            yield item

    def sink(self, row: Row) -> None:
        s = self.stats
        if row["error"]:
            s.errors += 1
        else:
            s.audited += 1
            s.words += row["words"] or 0
            s.findings += row["findings_count"]
            s.warned += 1 if row["warnings"] else 0
            s.see(row["score"], row["worst"])
        for extra in self.extra_sinks:
            extra(row)
        if self.store is not None:
            self._buffer.append(row)
            if (
                len(self._buffer) >= FLUSH_ROWS
                or time.perf_counter() - self._last_flush > FLUSH_SECONDS
            ):
                self.flush()
        self.progress.update(s)

    def flush(self) -> None:
        if self._buffer and self.store is not None:
            self.store.write(self._buffer)
        self._buffer = []
        self._last_flush = time.perf_counter()
