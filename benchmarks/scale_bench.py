"""Time per word as documents grow: 1k-, 10k- and 100k-word documents built from BBC
paragraphs, each pack on its own, in one process after a warm-up.

One command: `python -m benchmarks.scale_bench` prints the table. A pack whose cost per
word grows with the document's length has a quadratic step left.
"""

from __future__ import annotations

import sys
import time

from auditor.inputs import plain_document
from auditor.pipeline import AuditOptions, Pipeline
from benchmarks.evaldata import bbc_articles, eval_missing

SIZES = (1_000, 10_000, 100_000)
PACKS = ("grammar", "hedges", "causal", "duplicates", "readability")


def paragraphs() -> list[str]:
    out = []
    for f in bbc_articles():
        text = f.read_bytes().decode("utf-8", "replace")
        out += [p.strip() for p in text.split("\n\n")[1:] if p.strip()]
    return out


def document(paras: list[str], words: int) -> str:
    out, n = [], 0
    for p in paras:
        out.append(p)
        n += len(p.split())
        if n >= words:
            break
    return "Headline\n\n" + "\n\n".join(out) + "\n"


def main() -> int:
    if eval_missing("scale_bench", "bbc-news"):
        return 2
    paras = paragraphs()
    docs = {n: plain_document(f"{n}.txt", document(paras, n)) for n in SIZES}
    print("| pack | " + " | ".join(f"{n:,} words (us/word)" for n in SIZES) + " |")
    print("| --- |" + " ---: |" * len(SIZES))
    for pack in PACKS:
        pipeline = Pipeline(AuditOptions(select=(pack,)))
        pipeline.audit(plain_document("warm.txt", document(paras, 500)))
        cells = []
        for doc in docs.values():
            t0 = time.perf_counter()
            pipeline.audit(doc)
            cells.append(f"{1e6 * (time.perf_counter() - t0) / doc.words:.1f}")
        pipeline.close()
        print(f"| {pack} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
