"""How many small documents a second the results store writes (the single writer of a batch).

One command: `python benchmarks/store_bench.py [N]` prints documents/s for N rows (default
50,000), each with two findings, written in the batch runner's flush size. Grammar off, a
small document audits in well under a millisecond per worker, so the writer must keep up
with several workers: the target is at least 10,000 documents/s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from auditor.batch.runner import FLUSH_ROWS
from auditor.batch.store import Store


def row(i: int) -> dict[str, object]:
    doc_id = f"archive.jsonl#{i}"
    finding = (doc_id, "hedges.allegedly", "hedges", "warning", 10, 19, "'allegedly' ...", 1, 11,
               "allegedly", None, 0)  # fmt: skip
    return {"id": doc_id, "path": "archive.jsonl", "folder": ".", "date": None, "title": None,
            "content_hash": f"{i:032x}", "words": 120, "score": 90.0,
            "packs": '{"hedges": {"findings": 2, "score": 90.0}}', "findings_count": 2,
            "worst": "warning", "error": None, "warnings": None, "rules_version": "v1",
            "audited_at": "2026-12-03T00:00:00Z", "seconds": 0.001,
            "findings": [finding, finding]}  # fmt: skip


def main(n: int = 50_000) -> None:
    rows = [row(i) for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        for i in range(0, n, FLUSH_ROWS):
            store.write(rows[i : i + FLUSH_ROWS])
        seconds = time.perf_counter() - t0
        store.close()
    print("| documents | flush rows | seconds | documents/s |")
    print("| ---: | ---: | ---: | ---: |")
    print(f"| {n:,} | {FLUSH_ROWS} | {seconds:.2f} | {n / seconds:,.0f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
