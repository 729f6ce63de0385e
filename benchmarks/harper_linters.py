"""Each of Harper's linters: what it costs and what it catches (docs/harper-linters.md).

    python -m benchmarks.harper_linters                    # every linter (about 15 min here)
    python -m benchmarks.harper_linters --json linters.json

Cost: CPU time with only that linter on minus the time with every linter off, in
microseconds per word, on BBC paragraphs fed as the auditor feeds them (plain text,
blocks joined up to MAX_PIECE characters a call). Measured in lockstep: the two
Linters read each piece in turn, so a busy spell of a shared machine weighs on both; each
configuration is new to its Linter (Harper caches chunk results per configuration). Every
25 linters an all-off-against-all-off run measures the noise: costs under its 90th
percentile are noise. Group costs (every default linter, the ones the pack switches off,
the spell checker in context) are measured the same way against the shipped configuration.

Catches: every default linter on (dedup off, so each linter is credited with its own
lints) over JFLEG dev (detokenised; a sentence has an error when no correction equals it)
and 300 articles of the BBC tuning split (edited copy: nearly every lint is a false
alarm; raw lints, before the pack's names filter). "Only catch" counts the JFLEG sentences
with an error that nothing else loud in the shipped configuration (another warning-level
linter or a house rule) catches: switching the linter off would lose exactly those from the
recall. Tuning data only: the report splits (JFLEG test, BBC report) are left for
`python -m benchmarks.grammar_eval`.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from typing import Any

from auditor.document import Document
from auditor.engine import Auditor, Selection
from auditor.engines.feed import feed
from auditor.engines.guard import MAX_PIECE
from auditor.inputs import plain_document
from auditor.packs import load_packs
from benchmarks.evaldata import eval_missing
from benchmarks.grammar_eval import LOUD, bbc_docs, load_jfleg

BASELINE_EVERY = 10


@dataclass
class Row:
    """One linter's evidence."""

    name: str
    default_on: bool
    shipped: str  # the pack's severity for it: warning, info or off
    cost: float = 0.0  # us/word, alone against all off
    jfleg_err: int = 0  # JFLEG dev sentences with an error on which it fires
    jfleg_ok: int = 0  # ... without an error
    only: int = 0  # erroneous sentences only it catches among the loud ones
    bbc: int = 0  # lints on the BBC articles


def shipped_levels() -> dict[str, str]:
    """The shipped pack's level for every linter Harper has (default: the block's)."""
    import harper

    rule = next(r for p in load_packs() for r in p.rules if r.kind == "harper")
    sev: dict[str, str] = rule.options.get("severities", {})
    default = rule.options.get("default") or rule.severity
    on = harper.get_default_lint_config()
    return {n: (sev.get(n, default) if on[n] else "off") for n in on}


def fed_texts(docs: list[Document]) -> list[str]:
    """The strings the auditor hands Harper for these documents (blocks, spaces collapsed)."""
    out = []
    for d in docs:
        for b in d.blocks:
            text = feed(d.text, b.start, b.end).text
            if text:
                out.append(text)
    return out


def _lints(lin: Any, text: str) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = lin.organized_lints(text, language="plaintext", dedup=False)
    return out


def count_hits(rows: dict[str, Row], jfleg: list[tuple[str, bool]], bbc: list[str]) -> None:
    """Fill in what each linter catches, with every default linter on."""
    import harper

    lin = harper.Linter(harper.Dialect.BRITISH)
    house = Auditor(load_packs(), Selection(select=["grammar"], ignore=["grammar.harper"]))
    for text in bbc:
        for name, lints in _lints(lin, text).items():
            rows[name].bbc += len(lints)
    for text, has_error in jfleg:
        fired = {n for n, lints in _lints(lin, text).items() if lints}
        for n in fired:
            if has_error:
                rows[n].jfleg_err += 1
            else:
                rows[n].jfleg_ok += 1
        if not has_error:
            continue
        loud = {n for n in fired if rows[n].shipped in LOUD}
        by_house = any(f.severity in LOUD for f in house.audit(plain_document("s.txt", text)))
        if len(loud) == 1 and not by_house:
            rows[loud.pop()].only += 1


def _lint(lin: Any, text: str) -> float:
    t = time.process_time()
    lin.organized_lints(text, language="plaintext")
    return time.process_time() - t


def cost_all(rows: dict[str, Row], texts: list[str], words: int) -> list[float]:
    """Each default linter alone against every linter off, in lockstep; returns the
    all-off-against-all-off differences (us/word), the noise."""
    import harper

    alone = harper.Linter(harper.Dialect.BRITISH)
    none = harper.Linter(harper.Dialect.BRITISH)
    off: dict[str, bool | None] = dict.fromkeys(rows, False)
    none.set_lint_config(off)
    names = sorted(n for n, r in rows.items() if r.default_on)
    random.Random(0).shuffle(names)
    noise: list[float] = []
    for i, name in enumerate(names):
        if i % 25 == 0:
            alone.set_lint_config(off)
            noise.append(_lockstep(alone, none, texts) / words * 1e6)
        alone.set_lint_config({**off, name: True})  # a new configuration: no cached chunks
        rows[name].cost = _lockstep(alone, none, texts) / words * 1e6
        if i % 100 == 99:
            print(f"  {i + 1}/{len(names)}", file=sys.stderr, flush=True)
    return noise


def _lockstep(a: Any, b: Any, texts: list[str]) -> float:
    """CPU seconds Linter a takes more than Linter b over the texts, read in turn."""
    diff = 0.0
    for text in texts:
        diff += _lint(a, text) - _lint(b, text)
    return diff


def group_cost(rows: dict[str, Row], on: set[str], without: set[str], texts: list[str]) -> float:
    """CPU seconds a set of linters costs together, on top of the linters `on`: a Linter
    with both against one without them, in lockstep, each built fresh."""
    import harper

    a = harper.Linter(harper.Dialect.BRITISH)
    a.set_lint_config({n: n in on for n in rows})
    b = harper.Linter(harper.Dialect.BRITISH)
    b.set_lint_config({n: n in on and n not in without for n in rows})
    return _lockstep(a, b, texts)


def sample(texts: list[str], words: int) -> list[str]:
    """The first texts holding about `words` words, joined as the auditor joins blocks
    (paragraphs of up to MAX_PIECE characters a call)."""
    out: list[str] = []
    n = 0
    for t in texts:
        if n >= words:
            break
        if out and len(out[-1]) + 2 + len(t) <= MAX_PIECE:
            out[-1] += "\n\n" + t
        else:
            out.append(t)
        n += len(t.split())
    return out


def markdown(rows: dict[str, Row], words: int, jfleg: int, floor: float) -> list[str]:
    """The table of every linter that costs above the floor or fires anywhere."""
    out = [
        "| linter | shipped | cost us/word | JFLEG dev: on errors / on correct | only catch "
        "| BBC per 1,000 words |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    shown = [r for r in rows.values() if r.default_on and
             (r.cost > floor or r.jfleg_err or r.jfleg_ok or r.bbc)]  # fmt: skip
    for r in sorted(shown, key=lambda r: -r.cost):
        out.append(f"| {r.name} | {r.shipped} | {r.cost:.2f} | {r.jfleg_err} / {r.jfleg_ok} "
                   f"| {r.only} | {1000 * r.bbc / words:.2f} |")  # fmt: skip
    quiet = sorted(r.name for r in rows.values() if r.default_on and r not in shown)
    out.append("")
    out.append(f"{len(quiet)} more default linters fired nowhere on {jfleg} JFLEG dev sentences "
               f"and {words:,} BBC words and cost less than the floor ({floor:.2f} us/word).")  # fmt: skip
    return out


def group_costs(rows: dict[str, Row], texts: list[str], words: int) -> dict[str, float]:
    """The costs that matter for the choice (us/word): all of Harper's default linters,
    the ones the pack switches off, the spell checker read in context."""
    default = {n for n, r in rows.items() if r.default_on}
    shipped = {n for n, r in rows.items() if r.shipped != "off"}
    sets = {
        "every default linter, against all off": (default, default),
        "the default linters the pack switches off": (default, default - shipped),
        "the spell checker in context, in the shipped set": (shipped, {"SpellCheck"}),
        "the shipped set without the spell checker, against all off": (
            shipped, shipped - {"SpellCheck"}),
    }  # fmt: skip
    return {k: group_cost(rows, on, off, texts) / words * 1e6 for k, (on, off) in sets.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300, help="BBC tuning articles (300)")
    ap.add_argument("--cost-words", type=int, default=20_000, help="BBC words timed per linter")
    ap.add_argument("--json", help="write every row here")
    args = ap.parse_args(argv)
    if eval_missing("harper_linters", "jfleg", "bbc-news"):
        return 2
    import harper

    levels = shipped_levels()
    on = harper.get_default_lint_config()
    rows = {n: Row(n, on[n], levels[n]) for n in on}
    jfleg = load_jfleg("dev")
    docs = bbc_docs("tune", args.articles)
    words = sum(d.words for d in docs)
    texts = fed_texts(docs)
    print(f"hits: {len(jfleg)} JFLEG dev sentences, {len(docs)} articles ...", file=sys.stderr)
    count_hits(rows, jfleg, texts)
    timed = sample(texts, args.cost_words)
    timed_words = sum(len(t.split()) for t in timed)
    print(f"cost of each linter on {timed_words:,} words ...", file=sys.stderr)
    noise = cost_all(rows, timed, timed_words)
    floor = statistics.quantiles([abs(x) for x in noise], n=10)[-1]
    groups = group_costs(rows, timed, timed_words)
    print(f"{len(docs)} BBC tuning articles ({words:,} words), {len(jfleg)} JFLEG dev sentences; "
          f"costs on {timed_words:,} words; noise (all off against all off, 90th percentile "
          f"of {len(noise)} runs): {floor:.2f} us/word\n")  # fmt: skip
    for k, v in groups.items():
        print(f"- {k}: {v:.1f} us/word")
    print()
    print("\n".join(markdown(rows, words, len(jfleg), floor)))
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"words": words, "timed_words": timed_words, "floor": floor, "noise": noise,
                       "groups": groups, "rows": [asdict(r) for r in rows.values()]}, fh, indent=0)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
