"""Findings and cost of the duplicates and readability packs on the BBC News corpus.

2,225 edited articles (854k words): duplicates should almost never fire (the bar: at most
one finding per 50 articles), readability should fire on a minority of articles, and both
packs together should cost about 1.5 microseconds a word or less. Loading is timed apart.

    python -m benchmarks.bbc_packs [--repeat 3] [--show 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from auditor.document import Document
from auditor.engine import Auditor
from auditor.findings import matches_prefix
from auditor.inputs import load_file
from auditor.packs import Pack, load_packs
from auditor.similarity import make_unit, shared_phrases
from auditor.textnorm import Encoder
from auditor.tokens import sentence_tokens
from benchmarks.evaldata import bbc_articles, eval_missing

PACKS = ("duplicates", "readability")


def load_bbc() -> list[Document]:
    return [d for f in bbc_articles() for d in load_file(f).documents]


def phrase_pair_rate(docs: list[Document]) -> tuple[int, int]:
    """Stress test for `duplicates.bullet-phrase`: every pair of body sentences of an
    article treated as two bullets of one list. Returns (pairs flagged, pairs)."""
    flagged = pairs = 0
    for doc in docs:
        enc = Encoder()
        tokens = sentence_tokens(doc)
        units = [make_unit(tokens[k], s.start, s.end, enc, common=True)
                 for k, s in enumerate(doc.sentences)
                 if doc.blocks[s.block].kind != "heading"]  # fmt: skip
        n = len(units)
        pairs += n * (n - 1) // 2
        flagged += len(shared_phrases(units))
    return flagged, pairs


def time_packs(docs: list[Document], packs: list[Pack], repeat: int) -> dict[str, float]:
    """Best of `repeat` timed runs (seconds) of each pack alone and of both together."""
    runs = {"duplicates": [p for p in packs if p.id == "duplicates"],
            "readability": [p for p in packs if p.id == "readability"],
            "both packs": packs}  # fmt: skip
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, chosen in runs.items():
            timed = Auditor(chosen)
            for d in docs:  # what the packs cache on a document is paid for in each run
                for key in ("_readability_stats", "_sentence_tokens"):
                    d.__dict__.pop(key, None)
            t = time.perf_counter()
            for d in docs:
                timed.audit(d)
            best[name] = min(best[name], time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed runs (best is reported)")
    ap.add_argument("--show", type=int, default=5, help="duplicates findings to print")
    ap.add_argument("--stress", action="store_true", help="also run the bullet-phrase stress test")
    args = ap.parse_args(argv)
    if eval_missing("bbc_packs", "bbc-news"):
        return 2
    t = time.perf_counter()
    docs = load_bbc()
    load_secs = time.perf_counter() - t
    if not docs:
        print("bbc_packs: BBC corpus not found", file=sys.stderr)
        return 2
    words = sum(d.words for d in docs)
    packs = [p for p in load_packs() if p.id in PACKS]
    auditor = Auditor(packs)
    auditor.audit(docs[0])  # warm: cmudict table, lemma tables
    counts: Counter[str] = Counter()
    per_doc: Counter[str] = Counter()
    for d in docs:
        found = auditor.audit(d)
        counts.update(f.rule for f in found)
        per_doc.update({f.rule for f in found})
        for f in found:
            if f.pack == "duplicates" and args.show > 0:
                args.show -= 1
                print(f"{d.path}:{f.line}: {f.rule}: {f.message}")
    best = time_packs(docs, packs, args.repeat)
    n = len(docs)
    print(f"\n{n} articles, {words} words")
    print("\n| rule | findings | articles with one | findings per article |")
    print("| --- | --- | --- | --- |")
    for rule in sorted({r.id for p in packs for r in p.rules}):
        print(f"| {rule} | {counts[rule]} | {per_doc[rule]} | {counts[rule] / n:.3f} |")
    dup = sum(v for k, v in counts.items() if matches_prefix(k, ["duplicates"]))
    print(f"\nduplicates: {dup} findings, one per {n / dup:.0f} articles" if dup else
          "\nduplicates: no findings")  # fmt: skip
    print(
        f"loading (read, parse, split sentences, for scale): {load_secs / words * 1e6:.2f} us/word"
    )
    for name, secs in best.items():
        print(f"{name}: {secs / words * 1e6:.2f} us/word ({words / secs:,.0f} words/s)")
    if args.stress:
        flagged, pairs = phrase_pair_rate(docs)
        print(f"bullet-phrase stress: {flagged} of {pairs} sentence pairs ({flagged / pairs:.3%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
