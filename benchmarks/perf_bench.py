"""The issue's speed targets, measured side by side in one run (docs/benchmarks.md).

    .venv/bin/python -m benchmarks.perf_bench                 # 3 rounds, about 20 min here
    .venv/bin/python -m benchmarks.perf_bench --rounds 5 --batch-rounds 1 --json out.json

Three figures, each in its own fresh process per round (benchmarks/perf_worker.py):

- Harper alone: harper-py with its default linters, one Linter (construction included),
  fed paragraph by paragraph in its default (Markdown) mode, on `--limit` BBC articles
  spread over the folders (300);
- full audit: what a batch worker does, on one core: imports, packs and engines set up,
  then each article read, audited with every default pack and made into a store row;
- grammar off: the same with `--ignore grammar`, on the whole archive (2,225 articles).

The processes take turns, article by article (Harper alone, full audit, and the next
seven or eight archive articles for grammar off; the order rotates), and only one works at
a time: a busy spell of the shared machine weighs on every figure alike, which separate
runs cannot promise. Each figure is its set-up plus its articles, in CPU seconds of its
process (wall seconds too); the table also gives the set-up alone, and one ratio leaves it
out on both sides (what an archive of millions of articles sees). Per round: full audit /
Harper alone, and grammar-off words/s over Harper alone's words/s. `--batch-rounds N` adds N rounds of the real `auditor batch`
(local engine, one worker, a fresh store: worker start-up and store writes included)
against Harper alone in a fresh process, one after the other, as a cross-check.
Targets: full <= 0.9x Harper alone; grammar off >= 50x Harper alone's words/s. Data is
read in place from ../shared/eval (or $AUDITOR_EVAL_DIR).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.batch_bench import HARPER, count_words, pick_files, run_auditor, run_snippet
from benchmarks.evaldata import eval_missing

FIGURES = ("harper", "full", "off")
LABELS = {
    "harper": "Harper alone (default linters, paragraph by paragraph)",
    "full": "full audit, grammar on, 1 worker",
    "off": "grammar off, 1 worker",
}
Run = dict[str, float]  # cpu, wall, findings of one figure in one round


class Worker:
    """A perf_worker process: set up on start, then one batch of files per request."""

    def __init__(self, kind: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "benchmarks.perf_worker", kind],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
        self.total = self._answer()  # the set-up
        self.total["setup_cpu"] = self.total["cpu"]

    def _answer(self) -> Run:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"perf_bench: a worker died (exit {self.proc.wait()})")
        out: Run = json.loads(line)
        return out

    def work(self, files: list[Path]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps([str(f) for f in files]) + "\n")
        self.proc.stdin.flush()
        got = self._answer()
        for k in ("cpu", "wall", "findings"):
            self.total[k] += got[k]

    def close(self) -> Run:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()
        return self.total


def lockstep_round(few: list[Path], archive: list[Path], r: int) -> dict[str, Run]:
    """One round: three fresh processes set up one after the other, then taking turns."""
    workers = {}
    for kind in FIGURES:
        print(f"  setting up {kind} ...", file=sys.stderr, flush=True)
        workers[kind] = Worker(kind)
    per = len(archive) / len(few)
    for i, f in enumerate(few):
        todo = {"harper": [f], "full": [f], "off": archive[round(i * per) : round((i + 1) * per)]}
        k = (i + r) % 3
        for kind in FIGURES[k:] + FIGURES[:k]:
            workers[kind].work(todo[kind])
        if i % 50 == 49:
            print(f"  {i + 1}/{len(few)} articles", file=sys.stderr, flush=True)
    return {kind: w.close() for kind, w in workers.items()}


def batch_round(few: list[Path]) -> dict[str, Run]:
    """The cross-check: Harper alone in a fresh process, then `auditor batch`, 1 worker."""
    h = run_snippet([sys.executable, "-c", HARPER], few)
    if h is None:
        raise SystemExit("perf_bench: Harper alone failed")
    full = run_auditor(few, 1, ())
    return {"harper": {"cpu": h["cpu"], "wall": h["seconds"], "findings": h["findings"]},
            "full": {"cpu": full["cpu"], "wall": full["seconds"], "findings": full["findings"]}}  # fmt: skip


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def header(rounds: int) -> str:
    from importlib.metadata import version

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=False).stdout.strip()  # fmt: skip
    return (
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}; nproc {os.cpu_count()}, {cpu_model()}; "
        f"Python {platform.python_version()}, harper-py {version('harper-py')}; "
        f"commit {commit or '?'}; {rounds} rounds; load average {os.getloadavg()[0]:.1f} "
        "at the start"
    )


def _mm(values: list[float], fmt: str) -> str:
    return f"{format(min(values), fmt)} / {format(statistics.median(values), fmt)}"


def table(runs: list[dict[str, Run]], words: dict[str, int], docs: dict[str, int]) -> list[str]:
    out = [
        "| figure | articles | words | CPU s (min / median) | wall s (min / median) "
        "| words per CPU s (best / median) | of which set-up, CPU s (median) | findings |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name in FIGURES:
        got = [r[name] for r in runs if name in r]
        if not got:
            continue
        cpu = [g["cpu"] for g in got]
        rate = [words[name] / c for c in cpu]
        found = ", ".join(f"{n:,}" for n in sorted({int(g["findings"]) for g in got}))
        out.append(f"| {LABELS[name]} | {docs[name]:,} | {words[name]:,} | {_mm(cpu, '.1f')} "
                   f"| {_mm([g['wall'] for g in got], '.1f')} | {max(rate):,.0f} / "
                   f"{statistics.median(rate):,.0f} "
                   f"| {_median(got, 'setup_cpu')} | {found} |")  # fmt: skip
    return out


def _median(got: list[Run], key: str) -> str:
    vals = [g[key] for g in got if key in g]
    return f"{statistics.median(vals):.1f}" if vals else "-"


def _off_steady(r: dict[str, Run], key: str, words: dict[str, int]) -> float:
    """As _off, with each side's one-off set-up left out: what an archive of millions sees."""
    off, harper = (
        r["off"]["cpu"] - r["off"]["setup_cpu"],
        r["harper"]["cpu"] - r["harper"]["setup_cpu"],
    )
    return words["off"] / off / (words["harper"] / harper)


def _full(r: dict[str, Run], key: str, words: dict[str, int]) -> float:
    return r["full"][key] / r["harper"][key]


def _off(r: dict[str, Run], key: str, words: dict[str, int]) -> float:
    return words["off"] / r["off"][key] / (words["harper"] / r["harper"][key])


def ratios(runs: list[dict[str, Run]], words: dict[str, int]) -> list[str]:
    """Per round: full / Harper (CPU and wall), grammar-off words/s over Harper's."""
    rows = [
        ("full audit / Harper alone, CPU", _full, "cpu", "<= 0.9"),
        ("full audit / Harper alone, wall", _full, "wall", "<= 0.9"),
        ("grammar-off words/s / Harper alone's, CPU", _off, "cpu", ">= 50"),
        ("grammar-off words/s / Harper alone's, wall", _off, "wall", ">= 50"),
        (
            "the same, CPU, one-off set-up left out on both sides",
            _off_steady,
            "cpu",
            "(for reference)",
        ),
    ]
    out = ["| ratio | per round | min | median | max | target |",
           "| --- | --- | --- | --- | --- | --- |"]  # fmt: skip
    for label, f, key, target in rows:
        vals = [
            f(r, key, words) for r in runs if f is _full or ("off" in r and "setup_cpu" in r["off"])
        ]
        if vals:
            out.append(f"| {label} | {', '.join(f'{v:.2f}' for v in vals)} | {min(vals):.2f} "
                       f"| {statistics.median(vals):.2f} | {max(vals):.2f} | {target} |")  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="lockstep rounds (default 3)")
    ap.add_argument("--batch-rounds", type=int, default=0, help="auditor batch cross-checks")
    ap.add_argument("--limit", type=int, default=300, help="articles for Harper and the full audit")
    ap.add_argument("--off-limit", type=int, default=None,
                    help="articles for grammar off (default: all 2,225)")  # fmt: skip
    ap.add_argument("--json", type=Path, help="also write every run here")
    args = ap.parse_args(argv)
    if eval_missing("perf_bench", "bbc-news"):
        return 2
    few, archive = pick_files(args.limit), pick_files(args.off_limit)
    words = {"harper": count_words(few), "off": count_words(archive)}
    words["full"] = words["harper"]
    docs = {"harper": len(few), "full": len(few), "off": len(archive)}
    head = header(args.rounds)
    print(head, file=sys.stderr)
    runs = []
    for r in range(args.rounds):
        print(f"lockstep round {r + 1}/{args.rounds}", file=sys.stderr, flush=True)
        runs.append(lockstep_round(few, archive, r))
    batch = []
    for r in range(args.batch_rounds):
        print(f"batch round {r + 1}/{args.batch_rounds}", file=sys.stderr, flush=True)
        batch.append(batch_round(few))
    lines = [head, "", "Lockstep (fresh processes taking turns, article by article):", "",
             *table(runs, words, docs), "", *ratios(runs, words)]  # fmt: skip
    if batch:
        lines += ["", "Cross-check, `auditor batch` and Harper alone run one after the other:",
                  "", *table(batch, words, docs), "", *ratios(batch, words)]  # fmt: skip
    lines += ["", f"load average {os.getloadavg()[0]:.1f} at the end"]
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({"header": head, "words": words, "lockstep": runs,
                                         "batch": batch}, indent=1))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
