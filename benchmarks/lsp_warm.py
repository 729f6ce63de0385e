"""Warm re-check time of `auditor lsp`: one edit to a 600-word article, then a re-check.

What the server does after each (debounced) edit: `api.audit(text, path=..., pipeline=...)`
through its one reused Pipeline, then the findings turned into LSP diagnostics. The first
check (packs load, engines start) is timed apart; then each of `--edits` re-checks follows
one edit (a word in the article changed, somewhere else each time) and is timed. Rows: all
packs, each pack alone (which pack costs what), hedges only; and all packs with Harper's
per-block lint cache emptied before every re-check (what a re-check cost without it: Harper
re-linting every paragraph). The target is a p95 of 50 ms.

    python -m benchmarks.lsp_warm [--edits 100] [--article PATH]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from auditor.api import audit
from auditor.engines import harper as harper_engine
from auditor.lsp_convert import diagnostics
from auditor.pipeline import AuditOptions, Pipeline
from benchmarks.evaldata import eval_root

ARTICLE = Path("bbc-news/politics/137.txt")  # 600 words: the hunting ban's first day
TARGET_MS = 50.0
# name, select, ignore, Harper's block cache cleared before each re-check
ROWS: list[tuple[str, list[str] | None, list[str] | None, bool]] = [
    ("all packs", None, None, False),
    ("all packs, no Harper block cache", None, None, True),
    ("all packs but Harper", None, ["grammar.harper"], False),
    ("grammar", ["grammar"], None, False),
    ("grammar: Harper alone", ["grammar.harper"], None, False),
    ("grammar: house rules alone", ["grammar"], ["grammar.harper"], False),
    ("hedges only", ["hedges"], None, False),
    ("causal", ["causal"], None, False),
    ("duplicates", ["duplicates"], None, False),
    ("readability", ["readability"], None, False),
]
WORD = re.compile(r"\b[a-z]{4,}\b")


def edits(text: str, n: int, seed: int = 7) -> list[str]:
    """`n` versions of the text, each with one word changed (as a writer types)."""
    rng = random.Random(seed)
    words = list(WORD.finditer(text))
    out = []
    for m in rng.sample(words, min(n, len(words))):  # each edit is new text somewhere
        word = m.group()
        new = word[:-1] if rng.random() < 0.5 else word + "s"
        out.append(text[: m.start()] + new + text[m.end() :])
    return out


def forget_harper() -> None:
    """Empty Harper's per-block lint cache (each row starts without it)."""
    harper_engine.clear_cache()


def measure(
    text: str, path: str, row: tuple[str, list[str] | None, list[str] | None, bool], n: int
) -> tuple[float, list[float]]:
    """(first check, re-check times), in milliseconds."""
    _name, select, ignore, no_cache = row
    forget_harper()
    pipeline = Pipeline(AuditOptions.make(select=select, ignore=ignore))
    try:
        t = time.perf_counter()
        diagnostics(audit(text, path=path, pipeline=pipeline).findings, text, pipeline.rules)
        first = (time.perf_counter() - t) * 1000
        times = []
        for version in edits(text, n):
            if no_cache:
                forget_harper()
            t = time.perf_counter()
            found = audit(version, path=path, pipeline=pipeline).findings
            diagnostics(found, version, pipeline.rules)
            times.append((time.perf_counter() - t) * 1000)
        return first, times
    finally:
        pipeline.close()


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[18]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edits", type=int, default=100, help="re-checks per row")
    ap.add_argument("--article", type=Path, default=None, help="a plain-text article")
    args = ap.parse_args(argv)
    source = args.article or eval_root() / ARTICLE
    if not source.is_file():
        print(f"lsp_warm: article not found: {source}", file=sys.stderr)
        return 2
    text = source.read_text(encoding="utf-8")
    words = len(text.split())
    # a file name in an empty folder: no auditor.toml applies, every default rule runs
    path = str(Path(tempfile.mkdtemp(prefix="lsp_warm_")) / "article.txt")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{source.name}: {words} words, {args.edits} re-checks after one edit each; "
          f"{os.cpu_count()} CPUs, load average {load}")  # fmt: skip
    print()
    print(
        f"| packs | first check (ms) | p50 (ms) | p95 (ms) | max (ms) | p95 <= {TARGET_MS:g} ms |"
    )
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for row in ROWS:
        name = row[0]
        first, times = measure(text, path, row, args.edits)
        ok = "yes" if p95(times) <= TARGET_MS else "no"
        print(f"| {name} | {first:.0f} | {statistics.median(times):.1f} | {p95(times):.1f} "
              f"| {max(times):.1f} | {ok} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
