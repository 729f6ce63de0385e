"""One figure of benchmarks/perf_bench.py in its own process, working only when told to.

    python -m benchmarks.perf_worker harper|full|off|select=<prefixes>|ignore=<prefixes>

Reads one JSON list of file paths a line on stdin, audits (or lints) them, and answers one
JSON line: the CPU and wall seconds the work took in this process and the findings. The
first answer, before any work, is the set-up: Harper's Linter for `harper`; imports,
packs and engines for the auditor (what a batch worker does before its first document).
CPU time is the process's, every thread included (Harper's Linters are built in one).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable

Work = Callable[[list[str]], int]


def harper_alone() -> Work:
    """Harper with its default linters, fed paragraph by paragraph in its default mode."""
    from harper import Linter

    linter = Linter()

    def run(files: list[str]) -> int:
        n = 0
        for f in files:
            with open(f, "rb") as fh:
                text = fh.read().decode("utf-8", "replace")
            for para in re.split(r"\n\s*\n", text):
                if para.strip():
                    n += len(linter.lint(para))
        return n

    return run


def auditor(ignore: tuple[str, ...], select: tuple[str, ...] = ()) -> Work:
    """What a batch worker does: one Pipeline, then each file read, audited, made a row."""
    import threading

    from auditor.batch.work import AuditSpec, audit_item
    from auditor.inputs import iter_items, plain_document
    from auditor.pipeline import AuditOptions

    pipeline = AuditSpec(AuditOptions(select=select, ignore=ignore)).build()
    pipeline.warm()
    pipeline.audit(plain_document("warm.txt", "Warm up the engines."))  # tables load
    for t in threading.enumerate():
        if t.name == "harper-prewarm":
            t.join()  # set-up is over when the Linters are built, not while they are

    def run(files: list[str]) -> int:
        return sum(len(audit_item(pipeline, it)["findings"]) for it in iter_items(files))

    return run


def main() -> int:
    kind = sys.argv[1]
    t0, c0 = time.perf_counter(), time.process_time()
    if kind == "harper":
        work = harper_alone()
    elif kind.startswith("select="):  # benchmarks/pack_costs.py: some rules only
        work = auditor((), tuple(kind.removeprefix("select=").split(",")))
    elif kind.startswith("ignore="):  # benchmarks/pack_costs.py: the default rules of a pack
        work = auditor(tuple(kind.removeprefix("ignore=").split(",")))
    else:
        work = auditor(("grammar",) if kind == "off" else ())
    print(json.dumps({"cpu": time.process_time() - c0, "wall": time.perf_counter() - t0,
                      "findings": 0}), flush=True)  # fmt: skip
    for line in sys.stdin:
        files = json.loads(line)
        t0, c0 = time.perf_counter(), time.process_time()
        n = work(files)
        print(json.dumps({"cpu": time.process_time() - c0, "wall": time.perf_counter() - t0,
                          "findings": n}), flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
