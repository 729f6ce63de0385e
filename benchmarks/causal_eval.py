"""Measure the causal pack on public data: `python -m benchmarks.causal_eval [--cli] [--speed]`.

- Causal News Corpus (dev; train for reference): a sentence is predicted causal when the
  audit has any `causal` finding in it (supported, unsupported or implicit); precision,
  recall and F1 of the causal class. A second row counts explicit claims only.
- press-release-claims: how often each label is flagged; correlational findings (label 1)
  should rarely be flagged as causal claims, direct causal claims (label 3) should be.
- `--bbc`: findings per 1,000 words on 300 bbc-news articles (edited copy: false alarms).
- `--speed`: the pack's cost per word on bbc-news, beside the cost of reading the text.

Every sentence goes through the same path as `auditor check --select causal --format json`
over a JSONL file of {"id": n, "text": sentence} records: by default in process (the same
loader and engine), with `--cli` through the command itself (slower; the numbers match).
The data is read from ../shared/eval (or $AUDITOR_EVAL_DIR) and never copied.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from auditor.engine import Auditor, Selection
from auditor.findings import matches_prefix
from auditor.inputs import plain_document
from auditor.packs import load_packs
from benchmarks.evaldata import bbc_articles, eval_missing, eval_path
from benchmarks.metrics import PRF, prf
from benchmarks.records import audit_records, cli_records, write_jsonl


def read_cnc(name: str) -> list[tuple[str, int]]:
    path = eval_path(f"causal-news-corpus/{name}")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [(r["text"], int(r["label"])) for r in csv.DictReader(f)]


def read_press() -> list[tuple[str, int]]:
    path = eval_path("press-release-claims/annotated_eureka.csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [(r["sentence"], int(r["label"])) for r in csv.DictReader(f)]


def rules_by_record(texts: list[str], cli: bool = False) -> list[set[str]]:
    """For each text, the ids of the causal rules that fired on it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sentences.jsonl"
        write_jsonl(texts, path)
        audit = cli_records if cli else audit_records
        return audit(path, len(texts), ["causal"])


def _explicit(rules: set[str]) -> bool:
    kinds = ("causal.supported", "causal.unsupported", "causal.reported")
    return any(matches_prefix(r, kinds) for r in rules)


def cnc_scores(name: str, cli: bool = False) -> dict[str, PRF]:
    data = read_cnc(name)
    fired = rules_by_record([t for t, _ in data], cli)
    gold = [g for _, g in data]
    return {
        "any causal finding": prf((bool(r) for r in fired), gold),
        "explicit claims only": prf((_explicit(r) for r in fired), gold),
    }


def press_rates(cli: bool = False) -> dict[int, tuple[int, float, float]]:
    """label -> (sentences, share flagged as explicit claims, share with any finding)."""
    data = read_press()
    fired = rules_by_record([t for t, _ in data], cli)
    out: dict[int, tuple[int, float, float]] = {}
    for label in sorted({g for _, g in data}):
        rows = [r for r, (_, g) in zip(fired, data, strict=True) if g == label]
        explicit = sum(_explicit(r) for r in rows) / len(rows)
        anything = sum(bool(r) for r in rows) / len(rows)
        out[label] = (len(rows), explicit, anything)
    return out


def speed(limit: int | None = None) -> tuple[int, float, float]:
    """(words, seconds to build documents, seconds in the causal pack) on bbc-news."""
    files = bbc_articles()[:limit]
    docs = [plain_document(str(p), p.read_bytes().decode("utf-8", errors="replace")) for p in files]
    auditor = Auditor(load_packs(), Selection(select=["causal"]))
    auditor.audit(
        plain_document("warm-up.txt", "It was due to open after it rained, critics said.")
    )
    t0 = time.perf_counter()  # lexicons are loaded: time the steady state, as in a batch
    docs = [plain_document(d.path, d.original) for d in docs]
    t1 = time.perf_counter()
    for d in docs:
        auditor.audit(d)
    t2 = time.perf_counter()
    return sum(d.words for d in docs), t1 - t0, t2 - t1


def bbc_rates(limit: int = 300) -> tuple[int, dict[str, float]]:
    """(words, findings per 1,000 words by rule) on the first `limit` bbc-news articles.

    Edited copy: the warnings (causal.unsupported) are the false-alarm load on a copy desk.
    """
    files = bbc_articles()[:limit]
    auditor = Auditor(load_packs(), Selection(select=["causal"]))
    words = 0
    counts: dict[str, int] = {}
    for p in files:
        doc = plain_document(str(p), p.read_bytes().decode("utf-8", errors="replace"))
        words += doc.words
        for f in auditor.audit(doc):
            rule = ".".join(f.rule.split(".")[:2])
            counts[rule] = counts.get(rule, 0) + 1
    return words, {r: 1000 * n / words for r, n in sorted(counts.items())}


_PRESS_NAMES = {0: "no claim", 1: "correlational", 2: "conditional causal", 3: "direct causal"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", action="store_true", help="run `auditor check` itself")
    ap.add_argument("--bbc", action="store_true", help="findings per 1,000 words on bbc-news")
    ap.add_argument("--speed", action="store_true", help="also time the pack on bbc-news")
    args = ap.parse_args(argv)
    if eval_missing("causal_eval", "causal-news-corpus", "press-release-claims"):
        return 2
    print("Causal News Corpus, causal class (reference: naive connectives F1 0.51 P 0.84 "
          "R 0.36; fine-tuned transformer 0.86)\n")  # fmt: skip
    print("| split | prediction | sentences | precision | recall | F1 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for split, name in (("dev", "dev_subtask1.csv"), ("train", "train_subtask1.csv")):
        for what, s in cnc_scores(name, args.cli).items():
            print(f"| {split} | {what} | {s.n} | {s.p:.3f} | {s.r:.3f} | {s.f1:.3f} |")
    print("\npress-release-claims: share of sentences flagged\n")
    print("| label | sentences | flagged as a causal claim | any causal finding |")
    print("| --- | --- | --- | --- |")
    for label, (n, explicit, anything) in press_rates(args.cli).items():
        print(f"| {label} {_PRESS_NAMES.get(label, '')} | {n} | {explicit:.1%} | {anything:.1%} |")
    if args.bbc:
        words, rates = bbc_rates()
        print(f"\nbbc-news, first 300 articles ({words} words): findings per 1,000 words\n")
        print("| rule | per 1,000 words |")
        print("| --- | --- |")
        for rule, rate in rates.items():
            print(f"| {rule} | {rate:.2f} |")
    if args.speed:
        words, build, pack = speed()
        print(f"\nbbc-news: {words} words; building documents {1e6 * build / words:.2f} us/word, "
              f"causal pack {1e6 * pack / words:.2f} us/word")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
