"""What each pack costs of the grammar-off archive run, against the issue's 50x budget.

    .venv/bin/python -m benchmarks.pack_costs [--rounds 2] [--limit 300]

Grammar off must reach 50x Harper alone's words per CPU second (issue #16): this says where
the time goes. Each row is one fresh `benchmarks.perf_worker` process auditing the whole BBC
archive (2,225 articles) with one pack's default rules (or some rules), after its set-up (imports, packs,
engines, the analysis model), the way a batch worker does; Harper alone (its default
linters, paragraph by paragraph, `--limit` articles) gives the budget: the archive's words
at 50x its rate. The floor row selects one cheap rule (`hedges.allegedly`, one regex): what
reading each file, building its Document and writing its row cost whatever the packs do.
Rows run in turn, round after round, so a busy spell of the shared machine weighs on all.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from benchmarks.batch_bench import count_words, pick_files
from benchmarks.evaldata import eval_missing
from benchmarks.perf_bench import Worker

PACKS = ("hedges", "causal", "duplicates", "readability")
# a pack's row ignores the others (selecting a pack would also run its opt-in rules)
ROWS = {
    "floor: one cheap rule": "select=hedges.allegedly",
    **{p: "ignore=" + ",".join(["grammar", *(q for q in PACKS if q != p)]) for p in PACKS},
    "every pack but grammar": "off",
}


def one_round(archive: list[Path], few: list[Path]) -> dict[str, float]:
    """CPU seconds of each row's articles (set-up left out), and Harper alone's."""
    out: dict[str, float] = {}
    for label, kind in [("Harper alone", "harper"), *ROWS.items()]:
        w = Worker(kind)
        setup = w.total["cpu"]
        w.work(few if kind == "harper" else archive)
        out[label] = w.close()["cpu"] - setup
        print(f"  {label}: {out[label]:.2f} CPU s", file=sys.stderr, flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--limit", type=int, default=300, help="articles for Harper alone")
    args = ap.parse_args(argv)
    if eval_missing("pack_costs", "bbc-news"):
        return 2
    archive, few = pick_files(None), pick_files(args.limit)
    words, few_words = count_words(archive), count_words(few)
    runs = [one_round(archive, few) for _ in range(args.rounds)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    budget = words / (50 * few_words / med["Harper alone"])
    print(f"{len(archive):,} articles, {words:,} words; Harper alone {few_words / med['Harper alone']:,.0f}"
          f" words per CPU s on {len(few)} articles; 50x budget for the archive {budget:.1f} CPU s")  # fmt: skip
    print("\n| rows (set-up left out) | CPU s (median) | µs per word | of the 50x budget |")
    print("| --- | ---: | ---: | ---: |")
    for label in ROWS:
        cpu = med[label]
        print(f"| {label} | {cpu:.2f} | {cpu / words * 1e6:.1f} | {cpu / budget:.0%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
