"""Batch throughput on the BBC News corpus, side by side with Harper, proselint and write-good.

    .venv/bin/python benchmarks/batch_bench.py              # all 2,225 articles
    .venv/bin/python benchmarks/batch_bench.py --limit 300  # 300 articles, spread over folders

Measures, in one run on the same files: Harper alone (harper-py, one Linter, fed paragraph
by paragraph in its default Markdown mode, on one core; construction included), `auditor batch` (local engine, a
fresh store each time) with grammar on and off on 1 and 2 workers, proselint and
write-good (each installed into this folder's own environment, never the project's:
`.venv-tools/` and `.tools/node_modules`), and `auditor check` on one article. Wall time
includes starting the workers; CPU s is the CPU time of every process of the run (for
auditor: the workers and the batch process), which stays meaningful on a shared machine
where wall time does not. Peak memory is each process's maximum resident set size.
Prints a Markdown table; the eval data is read in place from ../shared/eval (or
$AUDITOR_EVAL_DIR).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from auditor.document import WORD_RE
from benchmarks.evaldata import bbc_articles, eval_missing

HERE = Path(__file__).resolve().parent
TOOLS_VENV = HERE / ".venv-tools"
NODE_DIR = HERE / ".tools"

HARPER = r"""
import json, re, resource, sys, time
from harper import Linter
files = sys.stdin.read().splitlines()
t0 = time.perf_counter()
linter = Linter()
build = time.perf_counter() - t0
n = 0
for f in files:
    text = open(f, "rb").read().decode("utf-8", "replace")
    for para in re.split(r"\n\s*\n", text):
        if para.strip():
            n += len(linter.lint(para))
print(json.dumps({"seconds": time.perf_counter() - t0, "build": build, "findings": n,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "cpu": time.process_time()}))
"""

PROSELINT = r"""
import json, resource, sys, time
from proselint.checks import __register__
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
files = sys.stdin.read().splitlines()
t0 = time.perf_counter()
CheckRegistry().register_many(__register__)
n = 0
for f in files:
    text = open(f, "rb").read().decode("utf-8", "replace")
    n += len(LintFile(f, text).lint(DEFAULT))
print(json.dumps({"seconds": time.perf_counter() - t0, "findings": n,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "cpu": time.process_time()}))
"""

WRITE_GOOD = r"""
const fs = require("fs");
const writeGood = require("write-good");
const files = fs.readFileSync(0, "utf8").split("\n").filter(Boolean);
const t0 = process.hrtime.bigint();
let n = 0;
for (const f of files) n += writeGood(fs.readFileSync(f).toString("utf8")).length;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const u = process.resourceUsage();
console.log(JSON.stringify({seconds, findings: n, maxrss_kb: u.maxRSS,
                            cpu: (u.userCPUTime + u.systemCPUTime) / 1e6}));
"""


def pick_files(limit: int | None) -> list[Path]:
    files = bbc_articles()
    if limit is not None and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def count_words(files: list[Path]) -> int:
    return sum(len(WORD_RE.findall(f.read_bytes().decode("utf-8", "replace"))) for f in files)


def run_snippet(cmd: list[str], files: list[Path]) -> dict[str, float] | None:
    try:
        r = subprocess.run(cmd, input="\n".join(map(str, files)), capture_output=True, text=True,
                           timeout=1800, cwd=NODE_DIR if cmd[0] == "node" else None)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"  {cmd[0]}: {e}", file=sys.stderr)
        return None
    if r.returncode != 0:
        print(f"  {' '.join(cmd[:2])} failed: {r.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    return json.loads(r.stdout.strip().splitlines()[-1])


def ensure_tools() -> tuple[Path | None, bool]:
    """proselint in this folder's venv, write-good in this folder's node_modules."""
    py = TOOLS_VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(TOOLS_VENV)], check=False)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "proselint"], check=False)
    has_node = shutil.which("node") is not None and shutil.which("npm") is not None
    if has_node and not (NODE_DIR / "node_modules" / "write-good").is_dir():
        NODE_DIR.mkdir(exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(NODE_DIR), "write-good"],
                       check=False, capture_output=True)  # fmt: skip
    ok_node = has_node and (NODE_DIR / "node_modules" / "write-good").is_dir()
    return (py if py.exists() else None), ok_node


def run_auditor(files: list[Path], workers: int, ignore: tuple[str, ...]) -> dict[str, float]:
    """One `auditor batch` run through the local engine into a fresh store."""
    from auditor.batch.local import LocalEngine
    from auditor.batch.runner import Batch
    from auditor.batch.store import Store
    from auditor.batch.work import AuditSpec
    from auditor.inputs import iter_items
    from auditor.pipeline import AuditOptions

    with tempfile.TemporaryDirectory() as tmp:
        t0, cpu0 = time.perf_counter(), time.process_time()
        spec = AuditSpec(AuditOptions(ignore=ignore))
        version_for = spec.build().version_for
        store = Store(Path(tmp) / "bench.db")
        batch = Batch(store, version_for)
        engine = LocalEngine(spec, version_for, workers)
        engine.run(batch.pending(iter_items([str(f) for f in files])), batch)
        batch.flush()
        store.close()
        seconds = time.perf_counter() - t0
    s = batch.stats
    return {"seconds": seconds, "findings": s.findings, "errors": s.errors,
            "maxrss_kb": max([u["maxrss_kb"] for u in engine.usage] or [0]),
            "cpu": sum(u["cpu"] for u in engine.usage) + time.process_time() - cpu0}  # fmt: skip


def time_check(file: Path, repeat: int = 3) -> float:
    exe = str(Path(sys.executable).parent / "auditor")
    walls = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([exe, "check", str(file), "--format", "json", "--fail-on", "none"],
                       capture_output=True, check=False)  # fmt: skip
        walls.append(time.perf_counter() - t0)
    return sorted(walls)[len(walls) // 2]


Run = tuple[str, str, int, dict[str, float] | None]  # tool, configuration, workers, measures


def measure(files: list[Path], counts: list[int], skip_tools: bool) -> list[Run]:
    """Every tool's run on the files: Harper, auditor batch per worker count, the others."""
    runs: list[Run] = []
    print("harper alone ...", file=sys.stderr)
    runs.append(("Harper alone (harper-py)", "paragraph by paragraph", 1,
                 run_snippet([sys.executable, "-c", HARPER], files)))  # fmt: skip
    for label, ignore in (("grammar on", ()), ("grammar off", ("grammar",))):
        for w in counts:
            print(f"auditor batch, {label}, {w} worker(s) ...", file=sys.stderr)
            runs.append(("auditor batch", f"default packs, {label}", w,
                         run_auditor(files, w, ignore)))  # fmt: skip
    if not skip_tools:
        py, node = ensure_tools()
        if py is not None:
            print("proselint ...", file=sys.stderr)
            runs.append(("proselint", "default checks", 1, run_snippet([str(py), "-c", PROSELINT],
                                                                      files)))  # fmt: skip
        if node:
            print("write-good ...", file=sys.stderr)
            runs.append(("write-good", "default checks", 1,
                         run_snippet(["node", "-e", WRITE_GOOD], files)))  # fmt: skip
    return runs


def print_runs(files: list[Path], words: int, runs: list[Run]) -> None:
    """The Markdown table: one row a run, its time beside Harper's."""
    harper = runs[0][3]
    base = harper["seconds"] if harper else None
    print(
        "| tool | configuration | workers | wall s | docs/s | words/s | CPU s | peak MB/worker "
        "| findings | time vs Harper |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for tool, conf, w, m in runs:
        if m is None:
            print(f"| {tool} | {conf} | {w} | failed | | | | | | |")
            continue
        t = m["seconds"]
        vs = f"{t / base:.2f}x" if base else ""
        print(f"| {tool} | {conf} | {w} | {t:.1f} | {len(files) / t:,.0f} | {words / t:,.0f} "
              f"| {m['cpu']:.1f} | {m['maxrss_kb'] / 1024:.0f} | {int(m['findings']):,} "
              f"| {vs} |")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="articles (spread over folders)")
    ap.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    ap.add_argument("--skip-tools", action="store_true", help="no proselint / write-good")
    ap.add_argument("--json", type=Path, help="also write the measurements here")
    args = ap.parse_args()
    if eval_missing("batch_bench", "bbc-news"):
        return 2
    files = pick_files(args.limit)
    words = count_words(files)
    counts = [int(w) for w in args.workers.split(",")]
    print(f"{len(files)} articles, {words:,} words; {os.cpu_count()} cores, "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}",
          file=sys.stderr)  # fmt: skip

    runs = measure(files, counts, args.skip_tools)
    check_wall = time_check(files[0])

    load = os.getloadavg()
    print(
        f"{len(files)} articles, {words:,} words; {os.cpu_count()} cores "
        f"({platform.machine()}), load average {load[0]:.1f} at the end of the run\n"
    )
    print_runs(files, words, runs)
    print(
        f"\n`auditor check` on one article ({files[0].parent.name}/{files[0].name}): "
        f"{check_wall:.2f} s wall (median of 3)"
    )
    on = {w: m for tool, conf, w, m in runs if conf.endswith("grammar on") and m}
    if 1 in on and 2 in on:
        print(f"grammar on: 2 workers {on[1]['seconds'] / on[2]['seconds']:.2f}x faster than 1")
    if args.json:
        args.json.write_text(json.dumps({"articles": len(files), "words": words, "check_wall":
                                         check_wall, "runs": runs}, indent=1))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
