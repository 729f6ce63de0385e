"""What the analysis layer costs: spaCy's load, a parsed sentence, and the grammar pack's
speed with and without its `sequence` rules (same run, interleaved, fresh documents).

    python -m benchmarks.analysis_cost [--docs 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from auditor.document import Document
from auditor.inputs import load_file
from benchmarks.evaldata import eval_root


def bbc_files(n: int) -> list[Path]:
    files = sorted((eval_root() / "bbc-news").rglob("*.txt"))
    step = max(1, len(files) // n) if files else 1
    return files[::step][:n]


def fresh(files: list[Path]) -> list[Document]:
    """Documents with no analysis cached on them."""
    return [d for f in files for d in load_file(f).documents]


_LOAD = """
import json, time
t0 = time.perf_counter()
import spacy
t1 = time.perf_counter()
from auditor.analysis import model
model.verify(model.package_dir())
t2 = time.perf_counter()
model.load()
t3 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2]))
"""


def load_times() -> list[tuple[str, float]]:
    """In a fresh process: spaCy's import, the model's digest check, and the check plus
    spaCy's load (what the first parsed sentence of a run costs)."""
    out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True)
    imp, digest, load = json.loads(out.stdout)
    return [
        ("import spacy (fresh process)", imp),
        ("check the model's files (sha256)", digest),
        ("check + spacy.load", load),
    ]


def pack_speed(
    files: list[Path], repeat: int
) -> tuple[dict[str, tuple[float, float, float]], list[str]]:
    """Median words/s of the grammar pack without its sequence rules, with them, and of
    the sequence rules alone. Each round runs the three on fresh copies of the articles
    (nothing parsed is reused), in an order that turns from round to round."""
    from auditor.engine import Auditor, Selection
    from auditor.packs import load_packs

    packs = load_packs()
    seq = [r.id for p in packs for r in p.rules if r.kind == "sequence" and r.pack == "grammar"]
    auditors = {
        "without": Auditor(packs, Selection(select=["grammar"], ignore=seq)),
        "with": Auditor(packs, Selection(select=["grammar"])),
        "alone": Auditor(packs, Selection(select=seq)),
    }
    for d in fresh(files[:3]):  # Harper's and spaCy's first-use costs are not the pack's speed
        for auditor in auditors.values():
            auditor.audit(d)
    rates: dict[str, list[float]] = {name: [] for name in auditors}
    names = list(auditors)
    for r in range(repeat):
        for name in names[r % 3 :] + names[: r % 3]:
            docs = fresh(files)
            t = time.perf_counter()
            for d in docs:
                auditors[name].audit(d)
            rates[name].append(sum(d.words for d in docs) / (time.perf_counter() - t))
    return {name: (statistics.median(v), min(v), max(v)) for name, v in rates.items()}, seq


def _passing(checks: list[Any], doc: Document) -> tuple[set[int], set[int]]:
    """Sentences that pass some check's anchors, and those that pass its lexical pass too."""
    from auditor.analysis import analysis_for

    anchored: set[int] = set()
    lexical: set[int] = set()
    for c in checks:
        wanted = c.candidates(doc)
        anchored.update(wanted)
        toks = analysis_for(doc).tokenized(wanted)
        lexical.update(i for i, t in zip(wanted, toks, strict=True) if c.lexical(t))
    return anchored, lexical


def sentence_costs(files: list[Path]) -> list[tuple[str, str]]:
    """Sentences passing the prefilters, the time to analyse one, and a check that the
    lexical pass loses no hit."""
    from auditor.analysis import analysis_for, nlp
    from auditor.checks.sequence import SequenceCheck
    from auditor.packs import load_packs

    checks = [r.check for p in load_packs() for r in p.rules if isinstance(r.check, SequenceCheck)]

    nlp()  # loaded before the clock starts: its cost is reported apart
    docs = fresh(files)
    total = sum(len(d.sentences) for d in docs)
    t = time.perf_counter()
    passing = [_passing(checks, d) for d in docs]
    prefilter = (time.perf_counter() - t) / max(total, 1)
    n_anchor = sum(len(a) for a, _ in passing)
    n = sum(len(lex) for _, lex in passing)
    t = time.perf_counter()
    for d, (_, lex) in zip(docs, passing, strict=True):
        analysis_for(d).sentences(sorted(lex))
    parse = (time.perf_counter() - t) / max(n, 1)
    t = time.perf_counter()
    for d, (_, lex) in zip(docs, passing, strict=True):
        analysis_for(d).sentences(sorted(lex), entities=True)
    ner = (time.perf_counter() - t) / max(n, 1)
    t = time.perf_counter()
    hits = sorted((d.path, h.start, h.end) for c in checks for d in docs for h in c.run(d))
    again = (time.perf_counter() - t) / max(total, 1)
    lexicals = [c._lexical for c in checks]
    for c in checks:
        c._lexical = None  # every anchored sentence parsed and matched
    full = sorted((d.path, h.start, h.end) for c in checks for d in docs for h in c.run(d))
    for c, lexical in zip(checks, lexicals, strict=True):
        c._lexical = lexical
    return [
        ("sentences with an anchor", f"{n_anchor} of {total} ({100 * n_anchor / total:.0f}%)"),
        ("  ... passing the lexical pass (parsed)", f"{n} ({100 * n / total:.0f}%)"),
        (
            "anchors, tokenizer, lexical pass (first time), per sentence",
            f"{1000 * prefilter:.3f} ms",
        ),
        ("parse (no NER), per parsed sentence", f"{1000 * parse:.2f} ms"),
        ("NER on top, per sentence", f"{1000 * ner:.2f} ms"),
        (
            "all rules again, parses cached, per sentence",
            f"{1000 * again:.3f} ms ({len(hits)} hits)",
        ),
        ("hits lost by the lexical pass", f"{len(set(full) - set(hits))} (of {len(full)})"),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--docs", type=int, default=100, help="BBC articles (spread over topics)")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved rounds (median is kept)")
    args = ap.parse_args(argv)
    files = bbc_files(args.docs)
    if not files:
        print("analysis_cost: BBC corpus not found", file=sys.stderr)
        return 1
    rows = [(name, f"{1000 * secs:.0f} ms") for name, secs in load_times()]
    rows += sentence_costs(files)
    speed, seq = pack_speed(files, args.repeat)

    def rate(name: str) -> str:
        med, low, high = speed[name]
        return f"{med:,.0f} words/s (rounds: {low:,.0f} to {high:,.0f})"

    rows += [
        ("grammar pack without its sequence rules", rate("without")),
        ("grammar pack with them", rate("with")),
        ("the sequence rules alone", rate("alone")),
        ("their share of the pack's time", f"{100 * speed['with'][0] / speed['alone'][0]:.0f}%"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{len(files)} BBC articles; sequence rules: {', '.join(seq)}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
