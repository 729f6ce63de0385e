"""What the analysis layer costs: spaCy's load, a parsed sentence, and the grammar pack's
speed with and without its `sequence` rules (same run, interleaved, fresh documents).

    python -m benchmarks.analysis_cost [--docs 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from auditor.document import Document
from auditor.loaders import load_file
from benchmarks.mrpc_eval import eval_dir


def bbc_files(n: int) -> list[Path]:
    files = sorted((eval_dir() / "bbc-news").rglob("*.txt"))
    step = max(1, len(files) // n) if files else 1
    return files[::step][:n]


def fresh(files: list[Path]) -> list[Document]:
    """Documents with no analysis cached on them."""
    return [d for f in files for d in load_file(f).documents]


def load_times() -> list[tuple[str, float]]:
    """spaCy's import, the model's digest check and spaCy's load, timed apart."""
    from auditor.analysis import model

    t0 = time.perf_counter()
    import spacy  # noqa: F401

    t1 = time.perf_counter()
    root = model.package_dir()
    model.verify(root)
    t2 = time.perf_counter()
    model.load()  # verifies again (30 ms) and loads
    t3 = time.perf_counter()
    return [
        ("import spacy", t1 - t0),
        ("check the model's files (sha256)", t2 - t1),
        ("check + spacy.load", t3 - t2),
    ]


def pack_speed(files: list[Path], repeat: int) -> tuple[float, float, list[str]]:
    """Best words/s of the grammar pack with and without its sequence rules."""
    from auditor.engine import Auditor, Selection
    from auditor.packs import load_packs

    packs = load_packs()
    seq = [r.id for p in packs for r in p.rules if r.kind == "sequence" and r.pack == "grammar"]
    with_seq = Auditor(packs, Selection(select=["grammar"]))
    without = Auditor(packs, Selection(select=["grammar"], ignore=seq))
    best = {"with": 0.0, "without": 0.0}
    for _ in range(repeat):
        for name, auditor in (("without", without), ("with", with_seq)):
            docs = fresh(files)
            words = sum(d.words for d in docs)
            t = time.perf_counter()
            for d in docs:
                auditor.audit(d)
            best[name] = max(best[name], words / (time.perf_counter() - t))
    return best["with"], best["without"], seq


def sentence_costs(files: list[Path]) -> list[tuple[str, str]]:
    """Sentences passing the prefilters, and the time to analyse and match one."""
    from auditor.analysis import analysis_for
    from auditor.checks.sequence import SequenceCheck
    from auditor.packs import load_packs

    checks = [r.check for p in load_packs() for r in p.rules if isinstance(r.check, SequenceCheck)]
    docs = fresh(files)
    total = sum(len(d.sentences) for d in docs)
    wanted = [sorted({i for c in checks for i in c.candidates(d)}) for d in docs]
    n = sum(len(w) for w in wanted)
    t = time.perf_counter()
    for d, w in zip(docs, wanted, strict=True):
        analysis_for(d).sentences(w)
    parse = (time.perf_counter() - t) / max(n, 1)
    t = time.perf_counter()
    for d, w in zip(docs, wanted, strict=True):
        analysis_for(d).sentences(w, entities=True)
    ner = (time.perf_counter() - t) / max(n, 1)
    t = time.perf_counter()
    hits = sum(len(list(c.run(d))) for c in checks for d in docs)
    match = (time.perf_counter() - t) / max(n * len(checks), 1)
    return [
        ("sentences passing a prefilter", f"{n} of {total} ({100 * n / max(total, 1):.0f}%)"),
        ("parse (no NER), per sentence", f"{1000 * parse:.2f} ms"),
        ("NER on top, per sentence", f"{1000 * ner:.2f} ms"),
        ("prefilter + match, per sentence and rule", f"{1000 * match:.3f} ms ({hits} hits)"),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--docs", type=int, default=100, help="BBC articles (spread over topics)")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved rounds (best is kept)")
    args = ap.parse_args(argv)
    files = bbc_files(args.docs)
    if not files:
        print("analysis_cost: BBC corpus not found", file=sys.stderr)
        return 1
    rows = [(name, f"{1000 * secs:.0f} ms") for name, secs in load_times()]
    rows += sentence_costs(files)
    with_seq, without, seq = pack_speed(files, args.repeat)
    rows += [
        ("grammar pack without its sequence rules", f"{without:,.0f} words/s"),
        ("grammar pack with them", f"{with_seq:,.0f} words/s"),
        ("cost of the sequence rules", f"{100 * (without / with_seq - 1):.1f}% more time"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{len(files)} BBC articles; sequence rules: {', '.join(seq)}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
