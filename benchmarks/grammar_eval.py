"""Grammar pack evaluation: JFLEG sentence-level detection and BBC false alarms.

    python -m benchmarks.grammar_eval                 # the README table (JFLEG test, BBC report split)
    python -m benchmarks.grammar_eval --per-rule      # Harper rule by rule on the tuning data
    python -m benchmarks.grammar_eval --articles 200  # fewer BBC articles

JFLEG: a sentence has an error when none of its four corrections equals it; a system
detects it when it reports at least one warning or error. The text is detokenised first
(JFLEG is tokenised: "word , word"), or every checker flags the spacing. BBC News articles
went through an editor, so nearly every finding there is a false alarm: reported per 1,000
words. Tuning used JFLEG dev and the BBC tuning split (every 4th article from the first);
the table uses JFLEG test and the report split (every 4th from the second), never seen in
tuning. Data is read from ../shared/eval (or AUDITOR_EVAL_DIR), never copied.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from auditor.document import Document
from auditor.engine import Auditor, Selection
from auditor.engines import harper as harper_engine
from auditor.engines.feed import feed
from auditor.inputs import plain_document
from auditor.packs import load_packs
from benchmarks.evaldata import eval_missing, eval_path

LOUD = ("warning", "error")
Detector = Callable[[Document], list[tuple[str, str]]]  # -> [(rule, severity)]


_DETOK = [
    (re.compile(r"-LRB-|-LSB-"), "("),
    (re.compile(r"-RRB-|-RSB-"), ")"),
    (re.compile(r"``|''"), '"'),
    (re.compile(r"\( "), "("),
    (re.compile(r" \)"), ")"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r" ([.,;:!?%])"), r"\1"),
    (re.compile(r"\$ (?=\d)"), "$"),
    (re.compile(r'" (.*?) "'), r'"\1"'),
]


def detokenise(s: str) -> str:
    """Undo Penn-style tokenisation: "word , word ." -> "word, word."."""
    s = s.strip()
    for rx, rep in _DETOK:
        s = rx.sub(rep, s)
    return s


def load_jfleg(split: str) -> list[tuple[str, bool]]:
    """(detokenised sentence, has an error) for a JFLEG split."""
    d = eval_path("jfleg")
    src = (d / f"{split}.src").read_text(encoding="utf-8").splitlines()
    refs = [(d / f"{split}.ref{i}").read_text(encoding="utf-8").splitlines() for i in range(4)]
    out = []
    for i, s in enumerate(src):
        same = any(r[i].strip() == s.strip() for r in refs if i < len(r))
        out.append((detokenise(s), not same))
    return out


def bbc_files(split: str, n: int) -> list[Path]:
    """Every 4th article per topic: offset 0 is the tuning split, offset 1 the report split."""
    root = eval_path("bbc-news")
    offset = 0 if split == "tune" else 1
    files: list[Path] = []
    for topic in sorted(p for p in root.iterdir() if p.is_dir()):
        files.extend(sorted(topic.glob("*.txt"))[offset::4])
    files.sort(key=lambda p: (int(p.stem), p.parent.name))  # interleave topics
    return files[:n]


def bbc_docs(split: str, n: int) -> list[Document]:
    docs = []
    for p in bbc_files(split, n):
        text = p.read_bytes().decode("utf-8", errors="replace")
        docs.append(plain_document(str(p), text))
    return docs


# -- systems ---------------------------------------------------------------------------


def harper_defaults(doc: Document) -> list[tuple[str, str]]:
    """Harper as shipped: every default rule, no names filter, everything counts."""
    out = []
    for b in doc.blocks:
        fed = feed(doc.text, b.start, b.end)
        out.extend(("harper." + lt.rule, "warning") for lt in harper_engine.lint(fed.text))
    return out


def auditor_system(select: list[str], ignore: list[str], settings: dict | None = None) -> Detector:
    aud = Auditor(load_packs(), Selection(select=select, ignore=ignore), settings)

    def run(doc: Document) -> list[tuple[str, str]]:
        return [(f.rule, f.severity) for f in aud.audit(doc)]

    return run


def systems() -> dict[str, Detector]:
    return {
        "Harper defaults": harper_defaults,
        "Harper as configured": auditor_system(["grammar.harper"], []),
        "house rules": auditor_system(["grammar"], ["grammar.harper", "grammar.languagetool"]),
        "all combined": auditor_system(["grammar"], []),
    }


# -- measures --------------------------------------------------------------------------


def jfleg_scores(detect: Detector, data: list[tuple[str, bool]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for text, has_error in data:
        found = any(sev in LOUD for _, sev in detect(plain_document("s.txt", text)))
        tp += found and has_error
        fp += found and not has_error
        fn += (not found) and has_error
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
    return p, r, f


def bbc_rate(detect: Detector, docs: list[Document]) -> tuple[float, float]:
    """(loud findings per 1,000 words, words per CPU second: fairer on a shared machine)."""
    words = sum(d.words for d in docs)
    t = time.process_time()
    loud = sum(sev in LOUD for d in docs for _, sev in detect(d))
    dt = time.process_time() - t
    return 1000 * loud / words, words / dt


def table(articles: int) -> None:
    data = load_jfleg("test")
    docs = bbc_docs("report", articles)
    words = sum(d.words for d in docs)
    errs = sum(h for _, h in data)
    print(f"JFLEG test: {len(data)} sentences ({errs} with an error); "
          f"BBC report split: {len(docs)} articles, {words:,} words")  # fmt: skip
    print()
    print(
        "| system | JFLEG P | JFLEG R | JFLEG F0.5 | BBC warnings+errors / 1,000 words | words / CPU s |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for name, detect in systems().items():
        detect(plain_document("warm.txt", "Warm up the engine."))
        p, r, f = jfleg_scores(detect, data)
        rate, speed = bbc_rate(detect, docs)
        print(f"| {name} | {p:.2f} | {r:.2f} | {f:.2f} | {rate:.2f} | {speed:,.0f} |")


def per_rule(articles: int) -> None:
    """Harper's default rules one by one on the tuning data: how often, and how right."""
    data = load_jfleg("dev")
    docs = bbc_docs("tune", articles)
    words = sum(d.words for d in docs)
    bbc: Counter[str] = Counter()
    for d in docs:
        bbc.update(r for r, _ in harper_defaults(d))
    on_err: Counter[str] = Counter()
    on_ok: Counter[str] = Counter()
    for text, has_error in data:
        fired = {r for r, _ in harper_defaults(plain_document("s.txt", text))}
        (on_err if has_error else on_ok).update(fired)
    print(f"BBC tuning split: {len(docs)} articles, {words:,} words; JFLEG dev {len(data)}")
    print("rule | BBC per 1,000 words | JFLEG dev: fires on erroneous / on correct sentences")
    for r in sorted(set(bbc) | set(on_err) | set(on_ok), key=lambda r: -bbc[r] - on_err[r]):
        print(f"{r:45} {1000 * bbc[r] / words:7.3f} {on_err[r]:5d} {on_ok[r]:5d}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300, help="BBC articles (default 300)")
    ap.add_argument("--per-rule", action="store_true", help="Harper rule by rule (tuning data)")
    args = ap.parse_args(argv)
    if eval_missing("grammar_eval", "jfleg", "bbc-news"):
        return 2
    (per_rule if args.per_rule else table)(args.articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
