"""Measure the hedges pack: wiki-weasel sentence F1, BBC findings per 1,000 words, speed.

    python -m benchmarks.hedges_eval                 # test split, BBC, CLI cross-check
    python -m benchmarks.hedges_eval --split train   # the split rules are tuned on
    python -m benchmarks.hedges_eval --per-rule      # what each rule adds (tuning aid)

A wiki-weasel sentence is predicted uncertain when the hedges pack gives it any finding, info
included (`auditor check --select hedges --format json` over one JSONL record a sentence).
The text is detokenised first (-LRB-, spaces before punctuation). The evaluation data is read
from ../shared/eval (or $AUDITOR_EVAL_DIR) and never copied into the repository.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from auditor.engine import Auditor, Selection
from auditor.inputs import decode, plain_document
from auditor.packs import load_packs
from benchmarks.evaldata import bbc_articles, eval_missing, eval_path, has_eval
from benchmarks.metrics import prf
from benchmarks.records import audit_records, cli_records, write_jsonl

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


def detokenise(s: str) -> str:
    """Undo Penn-Treebank tokenisation so the sentence reads like edited copy."""
    for tok, ch in _BRACKETS.items():
        s = s.replace(tok, ch)
    s = s.replace("``", '"').replace("''", '"')
    s = re.sub(r"([(\[{]) ", r"\1", s)
    s = re.sub(r" ([)\]},.;:!?%])", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s, flags=re.IGNORECASE)
    s = re.sub(r"\$ (?=\d)", "$", s)
    return re.sub(r'" ([^"]*?) "', r'"\1"', s)


def load_weasel(split: str) -> list[tuple[str, bool]]:
    path = eval_path(f"wiki-weasel/{split}.tsv")
    rows: list[tuple[str, bool]] = []
    with path.open(encoding="utf-8") as fh:
        next(fh)  # header
        for line in fh:
            text, _, label = line.rstrip("\n").rpartition("\t")
            if text.strip():
                rows.append((detokenise(text), label.strip() == "1"))
    return rows


def bbc_measure() -> dict[str, object] | None:
    """Findings per 1,000 words on the BBC articles, sample findings, and time per word."""
    if not has_eval("bbc-news"):
        return None
    docs = []
    for path in bbc_articles():
        text, _ = decode(path.read_bytes(), str(path))
        docs.append(plain_document(str(path), text))
    words = sum(d.words for d in docs)
    auditor = Auditor(load_packs(), Selection(select=["hedges"]))
    for d in docs:  # build cached spans before timing the checks alone
        _ = d.words, d._sentence_starts, d._quote_starts
    t0 = time.process_time()  # CPU time: the machine may be shared
    findings = [(d, f) for d in docs for f in auditor.audit(d)]
    elapsed = time.process_time() - t0
    by_rule: Counter[str] = Counter()
    by_sev: Counter[str] = Counter()
    for _, f in findings:
        by_rule[f.rule] += 1
        by_sev["quoted" if f.extra.get("quoted") else f.severity] += 1
    density_docs = sum(1 for _, f in findings if f.rule == "hedges.density")
    return {
        "articles": len(docs),
        "words": words,
        "by_rule": by_rule,
        "by_severity": by_sev,
        "density_docs": density_docs,
        "us_per_word": elapsed / max(words, 1) * 1e6,
        "findings": findings,
    }


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for j, r in enumerate(rows):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
        if j == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def summary(
    split: str,
    rules: list[set[str]],
    gold: list[bool],
    cli: list[bool] | None,
    bbc: dict[str, object] | None,
) -> list[tuple[str, ...]]:
    """The headline table: wiki-weasel scores (any finding, warnings only), then BBC."""
    info_rules = {r.id for p in load_packs() for r in p.rules if r.severity == "info"}
    s = prf([bool(r) for r in rules], gold)
    w = prf([bool(r - info_rules) for r in rules], gold)
    measures = "precision / recall / F1"
    table: list[tuple[str, ...]] = [
        ("measure", "value"),
        (f"wiki-weasel {split}: sentences (uncertain)", f"{len(rules)} ({sum(gold)})"),
        (f"{measures} (any finding)", f"{s.p:.3f} / {s.r:.3f} / {s.f1:.3f}"),
        (f"{measures} (warnings only)", f"{w.p:.3f} / {w.r:.3f} / {w.f1:.3f}"),
        (
            "CLI cross-check (auditor check --select hedges)",
            "skipped" if cli is None else "identical",
        ),
    ]
    if bbc is not None:
        words = bbc["words"]
        sev = bbc["by_severity"]
        assert isinstance(words, int) and isinstance(sev, Counter)
        table.append(("BBC news: articles / words", f"{bbc['articles']} / {words}"))
        for k in ("warning", "info", "quoted"):
            table.append((f"BBC {k} findings per 1,000 words", f"{1000 * sev[k] / words:.2f}"))
        table.append(("BBC articles with a density finding", str(bbc["density_docs"])))
        table.append(("hedges pack CPU time per word (µs)", f"{bbc['us_per_word']:.2f}"))
    return table


def per_rule(rules: list[set[str]], gold: list[bool]) -> list[tuple[str, ...]]:
    """Each rule's sentences, precision, and the F1 the pack would have without it."""
    per: list[tuple[str, ...]] = [("rule", "sentences", "precision", "F1 without it")]
    for rid in sorted({r for rs in rules for r in rs}):
        hit = [rid in rs for rs in rules]
        n = sum(hit)
        tp = sum(h and g for h, g in zip(hit, gold, strict=True))
        without = prf([bool(rs - {rid}) for rs in rules], gold)
        per.append((rid, str(n), f"{tp / max(n, 1):.2f}", f"{without.f1:.3f}"))
    return per


def print_bbc(bbc: dict[str, object], samples: int) -> None:
    """BBC findings by rule, then up to `samples` findings of each rule in context."""
    by_rule = bbc["by_rule"]
    assert isinstance(by_rule, Counter)
    print()
    print_table([("BBC rule", "findings", "per 1,000 words")] + [
        (r, str(c), f"{1000 * c / int(bbc['words']):.2f}") for r, c in by_rule.most_common()
    ])  # fmt: skip
    if not samples:
        return
    shown: Counter[str] = Counter()
    for doc, f in bbc["findings"]:  # type: ignore[attr-defined]
        if shown[f.rule] >= samples:
            continue
        shown[f.rule] += 1
        a, b = max(f.start - 60, 0), min(f.end + 60, len(doc.original))
        ctx = doc.original[a:b].replace("\n", " ")
        print(f"{f.rule} [{f.severity}] ...{ctx}...")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["train", "test"])
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI cross-check")
    ap.add_argument("--no-bbc", action="store_true", help="skip the BBC measurement")
    ap.add_argument("--per-rule", action="store_true", help="each rule's hits and precision")
    ap.add_argument("--samples", type=int, default=0, help="print N BBC findings per rule")
    args = ap.parse_args(argv)

    if eval_missing("hedges_eval", f"wiki-weasel/{args.split}.tsv"):
        return 2
    rows = load_weasel(args.split)
    gold = [g for _, g in rows]
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / f"wiki-weasel-{args.split}.jsonl"
        write_jsonl([t for t, _ in rows], jsonl)
        rules = audit_records(jsonl, len(rows), ["hedges"])
        cli = None if args.no_cli else [bool(r) for r in cli_records(jsonl, len(rows), ["hedges"])]
    if cli is not None and cli != [bool(r) for r in rules]:
        diff = sum(a != bool(b) for a, b in zip(cli, rules, strict=True))
        print(f"CLI and API disagree on {diff} sentences", file=sys.stderr)
        return 1
    bbc = None if args.no_bbc else bbc_measure()
    print_table(summary(args.split, rules, gold, cli, bbc))
    if args.per_rule:
        print()
        print_table(per_rule(rules, gold))
    if bbc is not None:
        print_bbc(bbc, args.samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
