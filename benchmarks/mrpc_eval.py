"""Calibrate and measure the duplicate detector on MRPC (Microsoft Research Paraphrase Corpus).

The threshold of `duplicates.bullet` is chosen on the train split as the lowest score whose
precision reaches the target (default 0.94): MRPC's negatives are sentences about the same
event, the hard case for bullets about one story, and a false duplicate costs a copy desk
more than a missed one. Precision and recall are then reported on the test split, which
plays no part in the choice.

    python -m benchmarks.mrpc_eval [--target 0.94] [--markdown]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from auditor.similarity import overlap, shared_phrases, text_unit
from auditor.textnorm import Encoder
from benchmarks.evaldata import eval_missing, eval_path
from benchmarks.metrics import prf


@dataclass(frozen=True)
class Pair:
    label: int
    a: str
    b: str


def load_split(name: str) -> list[Pair]:
    """One MRPC split; the header line (if any) and the BOM are skipped."""
    path = eval_path(f"mrpc/msr_paraphrase_{name}.txt")
    pairs = []
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 5 and f[0] in ("0", "1"):
                pairs.append(Pair(int(f[0]), f[3], f[4]))
    return pairs


@dataclass(frozen=True)
class Scored:
    label: int
    score: float  # duplicates.bullet's score, 0-100
    phrase: bool  # duplicates.bullet-phrase would fire


def score(pairs: list[Pair]) -> list[Scored]:
    out = []
    for p in pairs:
        enc = Encoder()
        ua = text_unit(p.a, enc, common=True)
        ub = text_unit(p.b, enc, common=True)
        out.append(Scored(p.label, overlap(ua, ub), bool(shared_phrases([ua, ub]))))
    return out


def precision_recall(rows: list[Scored], flagged: list[bool]) -> tuple[float, float, int]:
    """(precision, recall, pairs flagged) of the paraphrase class."""
    s = prf(flagged, [r.label for r in rows])
    return s.p, s.r, sum(flagged)


def calibrate(rows: list[Scored], target: float) -> float:
    """The lowest threshold (whole numbers 50-100) reaching `target` precision."""
    for t in range(50, 101):
        p, _, n = precision_recall(rows, [r.score >= t for r in rows])
        if n and p >= target:
            return float(t)
    return 100.0


def best_f1(rows: list[Scored]) -> float:
    def f1(t: int) -> float:
        return prf([s.score >= t for s in rows], [s.label for s in rows]).f1

    return float(max(range(0, 101), key=f1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--target", type=float, default=0.94, help="train precision to reach")
    args = ap.parse_args(argv)
    if eval_missing("mrpc_eval", "mrpc/msr_paraphrase_train.txt", "mrpc/msr_paraphrase_test.txt"):
        return 2
    train, test = score(load_split("train")), score(load_split("test"))
    chosen = calibrate(train, args.target)
    f1_point = best_f1(train)
    print(f"MRPC train {len(train)} pairs, test {len(test)} pairs; "
          f"threshold for train precision >= {args.target}: {chosen:g}")  # fmt: skip
    print()
    print("| operating point | threshold | train P | train R | test P | test R | test F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    points = [("precision (chosen)", chosen), ("best F1 on train", f1_point)]
    points += [(f"threshold {t}", float(t)) for t in (70, 80, 90)]
    for name, t in points:
        trp, trr, _ = precision_recall(train, [r.score >= t for r in train])
        tep, ter, _ = precision_recall(test, [r.score >= t for r in test])
        f1 = 2 * tep * ter / (tep + ter) if tep + ter else 0.0
        print(f"| {name} | {t:g} | {trp:.3f} | {trr:.3f} | {tep:.3f} | {ter:.3f} | {f1:.3f} |")
    tep, ter, n = precision_recall(test, [r.phrase for r in test])
    print(f"| bullet-phrase rule alone (not calibrated here) | - | - | - | {tep:.3f} | {ter:.3f} "
          f"| fires on {n / len(test):.0%} of pairs |")  # fmt: skip
    base = sum(r.label for r in test) / len(test)
    print(f"\nbase rate (share of test pairs that are paraphrases): {base:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
