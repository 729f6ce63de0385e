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
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from auditor.engine import Auditor, Selection
from auditor.inputs import decode, load_file, plain_document
from auditor.packs import load_packs

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


def eval_dir() -> Path:
    env = os.environ.get("AUDITOR_EVAL_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"


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
    path = eval_dir() / "wiki-weasel" / f"{split}.tsv"
    rows: list[tuple[str, bool]] = []
    with path.open(encoding="utf-8") as fh:
        next(fh)  # header
        for line in fh:
            text, _, label = line.rstrip("\n").rpartition("\t")
            if text.strip():
                rows.append((detokenise(text), label.strip() == "1"))
    return rows


@dataclass
class Scores:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / max(self.tp + self.fp, 1)

    @property
    def recall(self) -> float:
        return self.tp / max(self.tp + self.fn, 1)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(pred: list[bool], gold: list[bool]) -> Scores:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    return Scores(tp, fp, fn)


def write_jsonl(rows: list[tuple[str, bool]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, (text, _) in enumerate(rows):
            fh.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")


def hedges_auditor() -> Auditor:
    return Auditor(load_packs(), Selection(select=["hedges"]))


def api_rules_per_record(jsonl: Path, n: int) -> list[set[str]]:
    """Rule ids found per record, by the same loader and engine the CLI uses."""
    auditor = hedges_auditor()
    out: list[set[str]] = [set() for _ in range(n)]
    for doc in load_file(jsonl, max_bytes=1 << 31).documents:
        rid = int(doc.path.rpartition("#")[2])
        out[rid] = {f.rule for f in auditor.audit(doc)}
    return out


def cli_positive(jsonl: Path, n: int) -> list[bool]:
    """The independent path: `auditor check FILE --select hedges --format json`."""
    exe = Path(sys.executable).with_name("auditor")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "auditor.cli"]
    proc = subprocess.run(
        [*cmd, "check", str(jsonl), "--select", "hedges", "--format", "json", "--fail-on", "none",
         "--max-size", "1000"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if proc.returncode not in (0, 1):
        raise SystemExit(f"auditor CLI failed ({proc.returncode}): {proc.stderr.strip()[:300]}")
    pred = [False] * n
    for doc in json.loads(proc.stdout)["documents"]:
        if doc["findings"]:
            pred[int(doc["path"].rpartition("#")[2])] = True
    return pred


def bbc_measure() -> dict[str, object] | None:
    """Findings per 1,000 words on the BBC articles, sample findings, and time per word."""
    root = eval_dir() / "bbc-news"
    if not root.is_dir():
        return None
    docs = []
    for path in sorted(root.glob("*/*.txt")):
        text, _ = decode(path.read_bytes(), str(path))
        docs.append(plain_document(str(path), text))
    words = sum(d.words for d in docs)
    auditor = hedges_auditor()
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["train", "test"])
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI cross-check")
    ap.add_argument("--no-bbc", action="store_true", help="skip the BBC measurement")
    ap.add_argument("--per-rule", action="store_true", help="each rule's hits and precision")
    ap.add_argument("--samples", type=int, default=0, help="print N BBC findings per rule")
    args = ap.parse_args(argv)

    if not (eval_dir() / "wiki-weasel").is_dir():
        print(f"evaluation data not found in {eval_dir()}", file=sys.stderr)
        return 2
    rows = load_weasel(args.split)
    gold = [g for _, g in rows]
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / f"wiki-weasel-{args.split}.jsonl"
        write_jsonl(rows, jsonl)
        rules = api_rules_per_record(jsonl, len(rows))
        pred = [bool(r) for r in rules]
        cli = None if args.no_cli else cli_positive(jsonl, len(rows))
    if cli is not None and cli != pred:
        diff = sum(a != b for a, b in zip(cli, pred, strict=True))
        print(f"CLI and API disagree on {diff} sentences", file=sys.stderr)
        return 1
    info_rules = {r.id for p in load_packs() for r in p.rules if r.severity == "info"}
    warn_only = [bool(r - info_rules) for r in rules]

    table: list[tuple[str, ...]] = [("measure", "value")]
    s = score(pred, gold)
    table.append((f"wiki-weasel {args.split}: sentences (uncertain)",
                  f"{len(rows)} ({sum(gold)})"))  # fmt: skip
    table.append(("precision / recall / F1 (any finding)",
                  f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}"))  # fmt: skip
    w = score(warn_only, gold)
    table.append(("precision / recall / F1 (warnings only)",
                  f"{w.precision:.3f} / {w.recall:.3f} / {w.f1:.3f}"))  # fmt: skip
    table.append(("CLI cross-check (auditor check --select hedges)",
                  "skipped" if cli is None else "identical"))  # fmt: skip
    bbc = None if args.no_bbc else bbc_measure()
    if bbc is not None:
        words = bbc["words"]
        sev = bbc["by_severity"]
        assert isinstance(words, int) and isinstance(sev, Counter)
        table.append(("BBC news: articles / words", f"{bbc['articles']} / {words}"))
        for k in ("warning", "info", "quoted"):
            table.append((f"BBC {k} findings per 1,000 words", f"{1000 * sev[k] / words:.2f}"))
        table.append(("BBC articles with a density finding", str(bbc["density_docs"])))
        table.append(("hedges pack CPU time per word (µs)", f"{bbc['us_per_word']:.2f}"))
    print_table(table)

    if args.per_rule:
        print()
        per: list[tuple[str, ...]] = [("rule", "sentences", "precision", "F1 without it")]
        for rid in sorted({r for rs in rules for r in rs}):
            hit = [rid in rs for rs in rules]
            n = sum(hit)
            tp = sum(h and g for h, g in zip(hit, gold, strict=True))
            without = score([bool(rs - {rid}) for rs in rules], gold)
            per.append((rid, str(n), f"{tp / max(n, 1):.2f}", f"{without.f1:.3f}"))
        print_table(per)
    if bbc is not None:
        by_rule = bbc["by_rule"]
        assert isinstance(by_rule, Counter)
        print()
        print_table([("BBC rule", "findings", "per 1,000 words")] + [
            (r, str(c), f"{1000 * c / int(bbc['words']):.2f}") for r, c in by_rule.most_common()
        ])  # fmt: skip
        if args.samples:
            shown: Counter[str] = Counter()
            for doc, f in bbc["findings"]:  # type: ignore[attr-defined]
                if shown[f.rule] >= args.samples:
                    continue
                shown[f.rule] += 1
                a, b = max(f.start - 60, 0), min(f.end + 60, len(doc.original))
                ctx = doc.original[a:b].replace("\n", " ")
                print(f"{f.rule} [{f.severity}] ...{ctx}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
