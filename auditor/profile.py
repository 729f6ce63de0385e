"""`auditor check --profile` (or AUDITOR_PROFILE=1): where the time of a run went, per pack
and per rule, so a newsroom can see what its house rules cost (as ESLint's TIMING does)."""

from __future__ import annotations

from collections import Counter

SHARED = ("analysis.", "lexicon.", "grammar.harper-start-up")  # auditor/timing.py's names


def profile_table(seconds: Counter[str], words: int, top: int = 15) -> str:
    """Time per pack, then the costliest rules, with each one's share and cost per word."""
    total = sum(seconds.values()) or 1e-12
    packs: Counter[str] = Counter()
    for rule, s in seconds.items():
        packs[rule.split(".", 1)[0]] += s
    lines = [f"{'pack / rule':<36} {'seconds':>9} {'share':>7} {'us/word':>9}"]

    def row(name: str, s: float) -> str:
        per_word = 1e6 * s / words if words else 0.0
        return f"{name:<36} {s:>9.3f} {100 * s / total:>6.1f}% {per_word:>9.2f}"

    lines += [row(p, s) for p, s in packs.most_common()]
    lines.append("")
    lines += [row(f"  {r}", s) for r, s in seconds.most_common(top)]
    lines.append(row("total (rules)", total))
    if any(r.startswith(SHARED) for r in seconds):
        lines.append("analysis.*, lexicon.*, *-start-up: work the rules share (one-off loads,")
        lines.append("the parse), not charged to the rule that happened to ask first")
    return "\n".join(lines) + "\n"
