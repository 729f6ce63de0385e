"""The local engine: worker processes, each building its Auditor once.

Items go to each worker in small chunks through its own queue, with at most two chunks in
flight per worker, so memory stays bounded whatever the archive size. Each worker sends
one row per document back over its own pipe. A worker that dies, or hangs in native code
past the per-document time limit, is killed and replaced: the document it was on is
recorded as failed, the rest of its chunk goes to another worker. A worker whose parent
dies (SIGKILL of the batch) exits at its next chunk boundary.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import queue
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from auditor.batch.runner import Batch
from auditor.batch.work import AuditSpec, audit_item, error_row
from auditor.errors import AuditorError
from auditor.inputs import Item

CHUNK = 8
CHUNKS_IN_FLIGHT = 2
KILL_GRACE = 10.0  # seconds past the time limit before a stuck worker is killed


def _ignore_sigint() -> Callable[[], None]:
    """Ignore SIGINT until the returned function is called (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)

    def restore() -> None:
        signal.signal(signal.SIGINT, old)

    return restore


class WorkerFailure(AuditorError):
    """Workers cannot start (the packs or an engine fail to load): one line, exit 2."""


def _worker_main(spec: AuditSpec, tasks: Any, conn: Connection) -> None:
    """A worker process: build the Auditor once, then audit chunks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch process's to handle
    try:
        pipeline = spec.build()
        pipeline.warm()
    except Exception as e:
        conn.send(("fatal", f"{type(e).__name__}: {e}"))
        return
    parent = mp.parent_process()
    try:
        conn.send(("ready", os.getpid()))
        while True:
            try:
                chunk = tasks.get(timeout=1.0)
            except queue.Empty:
                if parent is not None and not parent.is_alive():
                    os._exit(0)
                continue
            if chunk is None:
                break
            for item in chunk:
                conn.send(("row", audit_item(pipeline, item, spec.timeout)))
        ru = resource.getrusage(resource.RUSAGE_SELF)
        conn.send(("bye", {"maxrss_kb": ru.ru_maxrss, "cpu": ru.ru_utime + ru.ru_stime}))
    except (BrokenPipeError, EOFError, OSError):
        os._exit(0)  # the batch process is gone: nothing to report to
    finally:
        pipeline.close()


@dataclass
class _Worker:
    proc: Any
    tasks: Any
    conn: Connection
    inflight: deque[Item] = field(default_factory=deque)
    ready: bool = False
    since: float = 0.0  # when the document at the head of `inflight` started
    done: bool = False


class LocalEngine:
    """Runs Items through `workers` processes and hands rows to the Batch."""

    def __init__(self, spec: AuditSpec, version_for: Callable[[str], str], workers: int) -> None:
        self.spec, self.version_for, self.n = spec, version_for, max(1, workers)
        self.ctx = mp.get_context("spawn")
        self.usage: list[dict[str, float]] = []  # per worker: peak memory, CPU seconds

    def _start(self) -> _Worker:
        tasks = self.ctx.Queue()
        recv, send = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=_worker_main, args=(self.spec, tasks, send), daemon=True)
        # Started with Ctrl-C ignored, so that a Ctrl-C while the child is still importing
        # (before _worker_main runs) cannot kill it with a traceback: Python keeps an
        # inherited SIG_IGN for SIGINT.
        restore = _ignore_sigint()
        try:
            proc.start()
        finally:
            restore()
        send.close()
        return _Worker(proc, tasks, recv)

    def run(self, items: Iterator[Item], batch: Batch) -> None:
        source = iter(items)
        first = next(source, None)
        if first is None:
            return  # everything is up to date: start no worker
        source = itertools.chain([first], source)
        workers = [self._start() for _ in range(self.n)]
        retry: deque[Item] = deque()
        exhausted = False
        limit = self.spec.timeout + KILL_GRACE if self.spec.timeout > 0 else None
        try:
            while True:
                for w in workers:
                    while not exhausted or retry:
                        if len(w.inflight) + CHUNK > CHUNK * CHUNKS_IN_FLIGHT or w.done:
                            break
                        chunk = [retry.popleft() for _ in range(min(CHUNK, len(retry)))]
                        while len(chunk) < CHUNK and not exhausted:
                            nxt = next(source, None)
                            if nxt is None:
                                exhausted = True
                            else:
                                chunk.append(nxt)
                        if not chunk:
                            break
                        if not w.inflight:
                            w.since = time.perf_counter()
                        w.inflight.extend(chunk)
                        w.tasks.put(chunk)
                if exhausted and not retry and all(not w.inflight for w in workers):
                    break
                ready = wait([w.conn for w in workers] + [w.proc.sentinel for w in workers], 0.5)
                for i, w in enumerate(workers):
                    alive = self._drain(w, batch)
                    if not alive or (w.proc.sentinel in ready and not w.proc.is_alive()):
                        code = w.proc.exitcode
                        workers[i] = self._replace(w, batch, retry, f"worker stopped ({code})")
                    elif (
                        limit is not None
                        and w.ready
                        and w.inflight
                        and time.perf_counter() - w.since > limit
                    ):
                        w.proc.kill()
                        msg = f"over the {self.spec.timeout:g} s time limit (worker killed)"
                        workers[i] = self._replace(w, batch, retry, msg)
                batch.progress.update(batch.stats)
            self._stop(workers)
        finally:
            for w in workers:
                if w.proc.is_alive():
                    w.proc.kill()
                w.tasks.cancel_join_thread()

    def _drain(self, w: _Worker, batch: Batch) -> bool:
        """Take every message a worker has sent; False when its pipe is closed."""
        try:
            while w.conn.poll():
                kind, value = w.conn.recv()
                if kind == "row":
                    item = w.inflight.popleft()
                    assert item.id == value["id"], "worker rows out of order"
                    w.since = time.perf_counter()
                    batch.sink(value)
                elif kind == "ready":
                    w.ready = True
                    w.since = time.perf_counter()
                elif kind == "fatal":
                    raise WorkerFailure(f"a worker could not start: {value}")
                elif kind == "bye":
                    self.usage.append(value)
                    w.done = True
        except (EOFError, OSError):
            return False
        return True

    def _replace(self, w: _Worker, batch: Batch, retry: deque[Item], why: str) -> _Worker:
        """Record the document a dead worker was on as failed; requeue the rest.

        A worker that dies before it is ready was not on any document: something is wrong
        with every worker (a crash while loading), so the batch stops rather than blame
        document after document.
        """
        if w.proc.is_alive():
            w.proc.kill()
        w.proc.join(5)
        w.tasks.cancel_join_thread()
        if not w.ready:
            raise WorkerFailure(f"a worker died while starting ({why})")
        if w.inflight:
            item = w.inflight.popleft()
            batch.sink(error_row(item, self.version_for(item.path), f"{item.id}: {why}"))
            retry.extendleft(reversed(w.inflight))
        return self._start()

    def _stop(self, workers: list[_Worker]) -> None:
        """Ask every worker to finish and collect its peak memory."""
        for w in workers:
            w.tasks.put(None)
        deadline = time.perf_counter() + 10
        for w in workers:
            while not w.done and time.perf_counter() < deadline:
                if w.conn.poll(0.2):
                    try:
                        kind, value = w.conn.recv()
                    except (EOFError, OSError):
                        break
                    if kind == "bye":
                        self.usage.append(value)
                        w.done = True
                elif not w.proc.is_alive():
                    break
            w.proc.join(5)
