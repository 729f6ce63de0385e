"""False alarms on edited BBC copy against issue 13's detection targets, finding by finding.

    python -m benchmarks.bbc_alarms            # the table: 200 articles of the report split
    python -m benchmarks.bbc_alarms --list     # and every error/warning, by pack and rule
    python -m benchmarks.bbc_alarms --n 60     # fewer articles

The articles are the grammar bar's sample: the first 200 of the BBC report split
(`benchmarks.grammar_eval.bbc_files("report", 200)`: every 4th article of each topic from
the second, topics interleaved), not seen while tuning. They go through `auditor.api.run`,
the pipeline `auditor check` runs, with the default selection (every pack, Harper on) and
whatever configuration `check` would find. BBC copy went through an editor, so nearly every
error or warning is a false alarm; `--list` prints each with the sentence around it so a
reader can judge. Data is read from ../shared/eval (or $AUDITOR_EVAL_DIR), never copied.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditor.api import run
from auditor.document import Document
from auditor.findings import Finding
from auditor.pipeline import AuditOptions
from benchmarks.evaldata import eval_missing
from benchmarks.grammar_eval import LOUD, bbc_files

# Issue 13: errors+warnings per 1,000 words on these articles, (target, figure when filed).
TARGETS: dict[str, tuple[float, float]] = {
    "grammar": (0.5, 1.01),
    "causal": (0.25, 1.09),
    "hedges": (1.25, 1.19),
}
CONTEXT = 160  # characters of sentence shown around a finding


@dataclass
class Alarm:
    """One finding with what a reader needs to judge it."""

    path: str
    rule: str
    pack: str
    severity: str
    text: str
    context: str
    in_quote: bool


def _sentence_span(doc: Document, pos: int) -> tuple[int, int]:
    """The original-text span of the sentence holding original offset `pos`."""
    omap = doc.offset_map
    for s in doc.sentences:
        start, end = (omap.start(s.start), omap.end(s.end)) if omap else (s.start, s.end)
        if start <= pos < end or (pos == end and start < end):
            return start, end
    return max(0, pos - CONTEXT // 2), min(len(doc.original), pos + CONTEXT // 2)


def trim_context(text: str, start: int, end: int, fstart: int, fend: int) -> str:
    """The sentence text[start:end] on one line, cut to about CONTEXT characters around
    the flagged span text[fstart:fend], which is marked with [[ ]]."""
    fstart = min(max(start, fstart), end)
    fend = min(max(fstart, fend), end, fstart + CONTEXT)
    budget = max(CONTEXT - (fend - fstart), 20)
    left = max(start, fstart - budget // 2)
    right = min(end, fend + budget - (fstart - left))
    left = max(start, fstart - (budget - (right - fend)))
    body = f"{text[left:fstart]}[[{text[fstart:fend]}]]{text[fend:right]}"
    body = " ".join(body.split())
    return ("..." if left > start else "") + body + ("..." if right < end else "")


def _in_quote(doc: Document, f: Finding) -> bool:
    omap = doc.offset_map
    for q in doc.quotes:
        start, end = (omap.start(q.start), omap.end(q.end)) if omap else (q.start, q.end)
        if start <= f.start and f.end <= end:
            return True
    return False


def alarms_of(doc: Document, findings: Iterable[Finding]) -> list[Alarm]:
    out = []
    for f in findings:
        start, end = _sentence_span(doc, f.start)
        ctx = trim_context(doc.original, start, end, f.start, f.end)
        out.append(Alarm(doc.path, f.rule, f.pack, f.severity, f.text, ctx, _in_quote(doc, f)))
    return out


def audit_articles(paths: list[Path]) -> tuple[int, list[Alarm], list[str]]:
    """(words, every finding, packs that ran) for the articles, as `auditor check` audits."""
    result = run([str(p) for p in paths], AuditOptions())
    for line in result.problems:
        print(f"bbc_alarms: {line}", file=sys.stderr)
    words, alarms, packs = 0, [], set()
    for res in result.report.results:
        words += res.doc.words
        packs.update(res.packs)
        alarms.extend(alarms_of(res.doc, res.findings))
    return words, alarms, sorted(packs)


def _fmt_target(pack: str) -> tuple[str, str]:
    if pack not in TARGETS:
        return "-", "-"
    target, before = TARGETS[pack]
    return f"<= {target:g}", f"{before:.2f}"


def table(words: int, alarms: list[Alarm], packs: list[str]) -> list[str]:
    """Markdown rows: per pack, errors+warnings and info per 1,000 words, against target."""
    loud = Counter(a.pack for a in alarms if a.severity in LOUD)
    info = Counter(a.pack for a in alarms if a.severity not in LOUD)
    quoted = Counter(a.pack for a in alarms if a.severity in LOUD and a.in_quote)
    rows = [
        "| pack | errors+warnings | per 1,000 words | in quotes | info per 1,000 words "
        "| target | when filed | met |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for pack in sorted(set(packs) | set(loud) | set(info)):
        rate = 1000 * loud[pack] / words if words else 0.0
        irate = 1000 * info[pack] / words if words else 0.0
        target, before = _fmt_target(pack)
        met = "-" if pack not in TARGETS else ("yes" if rate <= TARGETS[pack][0] else "no")
        rows.append(
            f"| {pack} | {loud[pack]} | {rate:.2f} | {quoted[pack]} | {irate:.2f} "
            f"| {target} | {before} | {met} |"
        )
    return rows


def listing(alarms: list[Alarm]) -> list[str]:
    """Every error/warning grouped by pack and rule: path, severity, flagged text, sentence."""
    groups: dict[tuple[str, str], list[Alarm]] = defaultdict(list)
    for a in alarms:
        if a.severity in LOUD:
            groups[(a.pack, a.rule)].append(a)
    out: list[str] = []
    for (pack, rule), items in sorted(groups.items()):
        out.append(f"\n## {pack} / {rule} ({len(items)})")
        for a in items:
            where = "/".join(Path(a.path).parts[-2:])
            quote = " [in quote]" if a.in_quote else ""
            text = a.text if len(a.text) <= 60 else a.text[:57] + "..."
            out.append(f"- {where} {a.severity}{quote}: {text!r}\n    {a.context}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="articles of the report split (200)")
    ap.add_argument("--list", action="store_true", help="every error/warning, by pack and rule")
    args = ap.parse_args(argv)
    if eval_missing("bbc_alarms", "bbc-news"):
        return 2
    paths = bbc_files("report", args.n)
    words, alarms, packs = audit_articles(paths)
    print(f"BBC report split, first {len(paths)} articles (the grammar bar's sample), "
          f"{words:,} words; `auditor check` default selection")  # fmt: skip
    print()
    print("\n".join(table(words, alarms, packs)))
    if args.list:
        print("\n".join(listing(alarms)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
