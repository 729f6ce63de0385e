"""`density`: a document finding when too many of its sentences hold a hit of the pack's
other rules (one hedge is honest; one sentence in four resting on a hedge is rumour).

The rules counted are the pack's rules of kind `count_kind` and a severity among
`count_severity` (read from the rule block, not changed by a run's severity overrides). A
sentence counts once, for its first hit outside quotations that no exception of the hit's
rule clears. Density = counted sentences per 100 sentences; the finding sits on the first
counted hit. Message fields: {counted}, {sentences}, {density}.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from auditor.checks import Check, register
from auditor.excepted import excepted_for
from auditor.findings import SEVERITIES, Hit, render_message
from auditor.options import Opt

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.packs import Rule

_loaded: dict[str, list[Rule]] = {}


def pack_rules(rule: Rule) -> list[Rule]:
    """The rules of a rule's pack, in file order (the pack file is read again for a Rule
    built by hand, which the loader has not linked to its pack)."""
    if rule.pack_rules:
        return rule.pack_rules
    got = _loaded.get(rule.source)
    if got is None:
        from auditor.packs import load_pack  # late: packs imports the check kinds

        got = _loaded[rule.source] = load_pack(Path(rule.source)).rules
    return got


def sentence_hits(doc: Document, rules: list[Rule], quoted: bool = True) -> dict[int, Hit]:
    """Sentence index -> the first hit in it of the rules (in their order), leaving out hits
    their rule's exceptions clear, hits across sentences, and (quoted=False) quoted ones."""
    out: dict[int, Hit] = {}
    for rule in rules:
        assert rule.check is not None
        excepted = excepted_for(rule, doc.text)
        for hit in rule.check.run(doc):
            si = doc.sentence_index(hit.start, hit.end)
            if si is None or si in out or (not quoted and doc.in_quote(hit.start, hit.end)):
                continue
            s = doc.sentences[si]
            if excepted is None or not excepted.cover(s.start, s.end, hit):
                out[si] = hit
    return out


@register
class Density(Check):
    kind = "density"
    options: ClassVar[dict[str, Opt]] = {
        "count_kind": Opt(str, "existence", "the kind of the pack's rules whose hits count"),
        "count_severity": Opt(list, ["warning"], "the severities of the rules that count",
                              choices=SEVERITIES, nonempty=True),
        "min_sentences": Opt(int, 8, "documents with fewer sentences are not judged",
                             minimum=0, setting=True),
        "threshold": Opt(float, 30.0, "counted sentences per 100 from which to flag",
                         minimum=0, setting=True),
        "field": Opt(str, "density", "the JSON field that carries the density"),
    }  # fmt: skip

    def counted(self) -> list[Rule]:
        kind, levels = self.value("count_kind"), self.value("count_severity")
        return [
            r
            for r in pack_rules(self.rule)
            if r.kind == kind and r.severity in levels and r.id != self.rule.id
        ]

    def run(self, doc: Document) -> Iterator[Hit]:
        n = len(doc.sentences)
        if n < self.value("min_sentences"):
            return
        counted = sentence_hits(doc, self.counted(), quoted=False)
        per100 = 100.0 * len(counted) / n
        if not counted or per100 < self.value("threshold"):
            return
        first = counted[min(counted)]
        msg = render_message(
            self.rule.message, density=f"{per100:.0f}", counted=len(counted), sentences=n
        )
        yield Hit(first.start, first.end, msg, data={self.value("field"): round(per100, 1)})
