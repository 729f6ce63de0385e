"""Run rules over a Document and turn their hits into findings.

What every kind shares is done here, once: a hit must lie inside its scope (one sentence,
one block), an exception pattern in the same sentence clears it, and a hit inside a direct
quotation is kept, downgraded to info, or skipped as the rule says. Offsets go back to the
original text only at the end.
"""

from __future__ import annotations

import bisect
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from auditor import timing
from auditor.checks import Check
from auditor.document import Document
from auditor.excepted import excepted_for
from auditor.findings import Finding, Hit, matches_prefix
from auditor.packs import Pack, Rule


@dataclass
class Selection:
    """Which rules run and how severe they are: from the command line and configuration."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule-id prefix -> severity

    def wants(self, rule_id: str) -> bool:
        if self.select and not matches_prefix(rule_id, self.select):
            return False
        return not matches_prefix(rule_id, self.ignore)

    def may_want(self, rule_id: str) -> bool:
        """Whether a rule, or a sub-rule it reports (grammar.harper.X), may be wanted."""
        if self.select and not any(
            matches_prefix(rule_id, [p]) or matches_prefix(p.rstrip("."), [rule_id])
            for p in self.select
        ):
            return False
        return not matches_prefix(rule_id, self.ignore)

    def severity_for(self, rule_id: str, default: str) -> str:
        best, best_len = default, -1
        for prefix, sev in self.severity.items():
            if matches_prefix(rule_id, [prefix]) and len(prefix) > best_len:
                best, best_len = sev, len(prefix)
        return best


class Auditor:
    """Compiled packs plus a selection: audits documents into findings."""

    def __init__(
        self,
        packs: list[Pack],
        selection: Selection | None = None,
        settings: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        """`settings` holds per-pack options (pack id -> options), given to every check."""
        self.packs = packs
        self.selection = selection or Selection()
        self.rules: list[Rule] = [
            r for p in packs for r in p.rules if self.selection.may_want(r.id) and self._opted(r)
        ]
        self.pack_ids = sorted({r.pack for r in self.rules})
        # Each auditor has its own check objects: two auditors over the same packs (two
        # configurations in one run) must not share settings.
        self.checks: dict[str, Check] = {}
        self.seconds: dict[str, float] = defaultdict(float)  # time per rule (for --profile)
        for r in self.rules:
            cls = r.kind_class  # the kind, without compiling the rule itself first
            assert cls is not None
            check = cls(r)
            check.configure(dict((settings or {}).get(r.pack, {})))
            self.checks[r.id] = check

    def _opted(self, rule: Rule) -> bool:
        """An opt-in rule runs only when a selected prefix names it or its pack."""
        return not rule.opt_in or matches_prefix(rule.id, self.selection.select)

    def warm(self) -> None:
        """Every check's one-off set-up (engines, the analysis model), before any document."""
        for check in self.checks.values():
            check.warm()

    def close(self) -> None:
        for check in self.checks.values():
            check.close()

    def run_rule(self, rule: Rule, doc: Document) -> list[Finding]:
        """One rule's findings on a document (used by the examples test too)."""
        check = self.checks.get(rule.id) or rule.check
        assert check is not None
        return list(self._findings(rule, doc, check.run(doc)))

    def audit(self, doc: Document) -> list[Finding]:
        out: list[tuple[Finding, Rule]] = []
        seen: set[tuple[str, int, int]] = set()
        for rule in self.rules:
            before = timing.snapshot()
            t0 = time.perf_counter()
            found = self.run_rule(rule, doc)
            took = time.perf_counter() - t0
            shared = timing.since(before)  # a parse or model load other rules use too
            self.seconds[rule.id] += took - sum(shared.values())
            for name, spent in shared.items():
                self.seconds[name] += spent
            for f in found:
                key = (f.rule, f.start, f.end)
                if key in seen or not self.selection.wants(f.rule):
                    continue
                seen.add(key)
                out.append((f, rule))
        kept = one_alarm_per_error(out)
        kept.sort(key=lambda f: (f.start, f.end, f.rule))
        return kept

    def _findings(self, rule: Rule, doc: Document, hits: Iterable[Hit]) -> Iterable[Finding]:
        block_starts = [b.start for b in doc.blocks] if rule.scope == "block" else []
        excepted = excepted_for(rule, doc.text)
        for hit in hits:
            if rule.scope == "sentence":
                si = doc.sentence_index(hit.start, hit.end)
                if si is None:
                    continue
                sent = doc.sentences[si]
                if rule.skip_headings and doc.blocks[sent.block].kind == "heading":
                    continue
                if excepted is not None and excepted.cover(sent.start, sent.end, hit):
                    continue
            elif rule.scope == "block":
                bi = bisect.bisect_right(block_starts, hit.start) - 1
                if bi < 0 or hit.end > doc.blocks[bi].end:
                    continue
                b = doc.blocks[bi]
                if rule.skip_headings and b.kind == "heading":
                    continue
                if excepted is not None and excepted.cover(b.start, b.end, hit):
                    continue
            severity = hit.severity or rule.severity
            rule_id = hit.rule or rule.id
            severity = self.selection.severity_for(rule_id, severity)
            quoted = (
                rule.in_quotes != "keep"
                and hit.end > hit.start
                and doc.in_quote(hit.start, hit.end)
            )
            if quoted:
                if rule.in_quotes == "skip":
                    continue
                severity = "info"
            yield make_finding(doc, rule, hit, rule_id, severity, quoted)


def make_finding(
    doc: Document, rule: Rule, hit: Hit, rule_id: str, severity: str, quoted: bool = False
) -> Finding:
    start, end = doc.to_original(hit.start, hit.end)
    line, column = doc.line_col(start)
    message = hit.message or rule.message
    if quoted:
        message += (
            " (inside a direct quotation: reported for information, quotes are not rewritten)"
        )
    extra: dict[str, object] = dict(hit.data) if hit.data else {}
    if quoted:
        extra["quoted"] = True
    return Finding(
        rule=rule_id,
        pack=rule.pack,
        severity=severity,
        message=message,
        start=start,
        end=end,
        line=line,
        column=column,
        text=doc.original[start:end],
        suggestions=list(hit.suggestions),
        extra=extra,
    )


ENGINE_KINDS = frozenset({"harper", "languagetool"})


def one_alarm_per_error(found: list[tuple[Finding, Rule]]) -> list[Finding]:
    """Drop an engine's finding where a house rule of the same pack already reports an error
    or warning on an overlapping span ("to have wrote": grammar.have-participle, not also
    Harper's SimplePastToPastParticiple): an editor should see one alarm per slip, with the
    house rule's message and fix."""
    house: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for f, rule in found:
        if rule.kind not in ENGINE_KINDS and f.severity in ("error", "warning"):
            house[rule.pack].append((f.start, f.end))
    return [
        f
        for f, rule in found
        if rule.kind not in ENGINE_KINDS
        or not any(s < f.end and f.start < e for s, e in house.get(rule.pack, ()))
    ]
