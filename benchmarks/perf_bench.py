"""The issue's speed targets, measured side by side in one run, in interleaved rounds.

    .venv/bin/python -m benchmarks.perf_bench              # 3 rounds (about 10 min here)
    .venv/bin/python -m benchmarks.perf_bench --rounds 5 --json out.json

Three figures, each round in a fresh process, the order rotated from round to round so
that a busy spell of a shared machine does not always fall on the same figure:

- Harper alone: harper-py with its default linters, one Linter built in a fresh Python
  process (construction included, imports not), fed paragraph by paragraph in its default
  (Markdown) mode, on `--limit` BBC articles spread over the folders (300);
- full audit: `auditor batch`'s local engine, one worker (a fresh spawned process: imports,
  packs, Harper's set-up included), every default pack, a fresh store, the same articles;
- grammar off: the same with `--ignore grammar`, on the whole archive (2,225 articles).

Each figure's min and median over the rounds are printed (wall seconds, words per second,
CPU seconds of every process of the run), and per round the ratio full audit / Harper alone
and grammar-off words/s / Harper alone's words/s (Harper's words/s from the same round;
words counted as the auditor counts them). Targets: full <= 0.9x Harper, grammar off >=
50x Harper's words/s. Data is read in place from ../shared/eval (or $AUDITOR_EVAL_DIR).
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
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.batch_bench import HARPER, count_words, pick_files, run_auditor, run_snippet
from benchmarks.evaldata import eval_missing

FIGURES = ("harper", "full", "off")
LABELS = {
    "harper": "Harper alone (default linters, paragraph by paragraph)",
    "full": "full audit, grammar on, 1 worker",
    "off": "grammar off, 1 worker",
}


@dataclass
class Figure:
    """One figure's runs: the articles it reads and what each round measured."""

    name: str
    articles: int
    words: int
    runs: list[dict[str, float]] = field(default_factory=list)

    def values(self, key: str) -> list[float]:
        return [r[key] for r in self.runs]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def header(args: argparse.Namespace) -> str:
    from importlib.metadata import version

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=False).stdout.strip()  # fmt: skip
    load = os.getloadavg()
    return (
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}; nproc {os.cpu_count()}, {cpu_model()}; "
        f"Python {platform.python_version()}, harper-py {version('harper-py')}; "
        f"commit {commit or '?'}; {args.rounds} rounds; load average {load[0]:.1f} at the start"
    )


def measure(fig: Figure, files: list[Path]) -> dict[str, float] | None:
    """One fresh run of one figure."""
    if fig.name == "harper":
        return run_snippet([sys.executable, "-c", HARPER], files)
    ignore = ("grammar",) if fig.name == "off" else ()
    return run_auditor(files, 1, ignore)


def run_rounds(figs: dict[str, Figure], files: dict[str, list[Path]], rounds: int) -> None:
    for r in range(rounds):
        order = FIGURES[r % 3 :] + FIGURES[: r % 3]
        for name in order:
            fig = figs[name]
            print(f"round {r + 1}/{rounds}: {LABELS[name]} ...", file=sys.stderr, flush=True)
            m = measure(fig, files[name])
            if m is None:
                raise SystemExit(f"perf_bench: {name} failed")
            m["words_s"] = fig.words / m["seconds"]
            m["round"] = r
            fig.runs.append(m)
            print(f"  {m['seconds']:.1f} s wall, {m['cpu']:.1f} s CPU, "
                  f"{int(m['findings']):,} findings", file=sys.stderr)  # fmt: skip


def _mm(values: list[float], fmt: str) -> str:
    return f"{format(min(values), fmt)} / {format(statistics.median(values), fmt)}"


def table(figs: dict[str, Figure]) -> list[str]:
    out = [
        "| figure | articles | words | wall s (min / median) | words/s (best / median) "
        "| CPU s (min / median) | findings |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name in FIGURES:
        f = figs[name]
        ws = f.values("words_s")
        best, med = max(ws), statistics.median(ws)
        found = sorted({int(x) for x in f.values("findings")})
        out.append(f"| {LABELS[name]} | {f.articles:,} | {f.words:,} "
                   f"| {_mm(f.values('seconds'), '.1f')} | {best:,.0f} / {med:,.0f} "
                   f"| {_mm(f.values('cpu'), '.1f')} | {', '.join(f'{n:,}' for n in found)} |")  # fmt: skip
    return out


def ratios(figs: dict[str, Figure]) -> list[str]:
    """Per round: full / Harper (wall and CPU) and grammar-off words/s over Harper's."""
    h, full, off = figs["harper"].runs, figs["full"].runs, figs["off"].runs
    wall = [f["seconds"] / x["seconds"] for f, x in zip(full, h, strict=True)]
    cpu = [f["cpu"] / x["cpu"] for f, x in zip(full, h, strict=True)]
    speed = [o["words_s"] / x["words_s"] for o, x in zip(off, h, strict=True)]
    speed_cpu = [
        (figs["off"].words / o["cpu"]) / (figs["harper"].words / x["cpu"])
        for o, x in zip(off, h, strict=True)
    ]
    return [
        "| ratio, per round | rounds | min | median | max | target |",
        "| --- | --- | --- | --- | --- | --- |",
        _ratio_row("full audit / Harper alone, wall time", wall, "<= 0.9"),
        _ratio_row("full audit / Harper alone, CPU time", cpu, "<= 0.9"),
        _ratio_row("grammar-off words/s / Harper words/s, wall", speed, ">= 50"),
        _ratio_row("grammar-off words/s / Harper words/s, CPU", speed_cpu, ">= 50"),
    ]


def _ratio_row(label: str, values: list[float], target: str) -> str:
    shown = ", ".join(f"{v:.2f}" for v in values)
    return (f"| {label} | {shown} | {min(values):.2f} | {statistics.median(values):.2f} "
            f"| {max(values):.2f} | {target} |")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    ap.add_argument("--limit", type=int, default=300, help="articles for Harper and the full audit")
    ap.add_argument("--off-limit", type=int, default=None,
                    help="articles for grammar off (default: all 2,225)")  # fmt: skip
    ap.add_argument("--json", type=Path, help="also write every run here")
    args = ap.parse_args(argv)
    if eval_missing("perf_bench", "bbc-news"):
        return 2
    few, archive = pick_files(args.limit), pick_files(args.off_limit)
    files = {"harper": few, "full": few, "off": archive}
    words = {len(few): count_words(few), len(archive): count_words(archive)}
    figs = {n: Figure(n, len(fl), words[len(fl)]) for n, fl in files.items()}
    head = header(args)
    print(head, file=sys.stderr)
    run_rounds(figs, files, args.rounds)
    lines = [head, "", *table(figs), "", *ratios(figs), "",
             f"load average {os.getloadavg()[0]:.1f} at the end"]  # fmt: skip
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({"header": head, "figures": {
            n: {"articles": f.articles, "words": f.words, "runs": f.runs} for n, f in figs.items()
        }}, indent=1))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
