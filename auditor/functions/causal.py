"""The causal pack's rules: causal claims, judged for support (auditor/causal/ does the work).

Five rules read one analysis of the document, made once and shared through a one-entry
cache: `causal.unsupported` (a warning, with the reason as a sub-rule: no-source,
vague-source, hedged) for explanations a reader could dispute (auditor/causal/stance.py),
speculation and claims resting on an unnamed group; `causal.supported` (info, naming the
source found, by the wording (support.py) or the parse (attribution.py));
`causal.reported` (info: an unsupported causal link that reports an event, or that a
quoted speaker makes); `causal.implicit` (info: motive, purpose, condition or sequence
read as cause) and `causal.cue` (info: a sentence with no marker that the learned cues
read as causal). The parse is asked for only for sentences with an explicit marker."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from auditor.analysis import SentenceAnalysis, analysis_for
from auditor.causal.attribution import general_claim, needs_parse, parse_source
from auditor.causal.cues import model, score_span
from auditor.causal.detect import Claim, find_claims, negated
from auditor.causal.stance import is_explanation, speculative
from auditor.causal.support import Support, judge
from auditor.causal.window import lowered
from auditor.document import Document
from auditor.findings import Hit
from auditor.functions import rule_function
from auditor.packs import Rule


@dataclass(frozen=True, slots=True)
class Judged:
    claim: Claim
    support: Support | None  # None for implicit links, which are not judged
    explanation: bool = False  # a contested explanation, not a reported event
    speculation: str | None = None  # a speculative hedge ("may have", "possibly")
    quoted: bool = False  # inside a direct quotation: the speaker's claim

    @property
    def warns(self) -> bool:
        """An unsupported explanation, speculation or vague attribution, outside quotes."""
        sup = self.support
        if sup is None or sup.supported or self.quoted:
            return False
        return sup.status == "vague" or self.speculation is not None or self.explanation


_cache: tuple[weakref.ref[Document], list[Judged], list[tuple[int, int]]] | None = None


def analyse(doc: Document) -> list[Judged]:
    """Every causal claim of the document with its support (cached for the last document)."""
    return _analysis(doc)[0]


def _analysis(doc: Document) -> tuple[list[Judged], list[tuple[int, int]]]:
    """The judged claims and the spans of markers ruled out by their sense checks."""
    global _cache
    if _cache is not None and _cache[0]() is doc:
        return _cache[1], _cache[2]
    ruled_out: list[tuple[int, int]] = []
    claims = find_claims(doc, ruled_out)
    # the parse is asked for only where an explicit causal marker was found, and only
    # when it can change the judgement (a reporting word, a present-tense causal verb)
    # and the wording alone names no source
    judged = {
        c.start: judge(doc, c.sentence, c.start, c.end)
        for c in claims
        if c.marker.tier == "explicit"
    }
    wanted = sorted(
        {c.sentence for c in claims if c.start in judged and _needs_parse(doc, c, judged[c.start])}
    )
    parsed = dict(zip(wanted, analysis_for(doc).sentences(wanted), strict=True))
    out = []
    for claim in claims:
        if claim.start not in judged:
            out.append(Judged(claim, None))
            continue
        out.append(_judged(doc, claim, judged[claim.start], parsed.get(claim.sentence)))
    _cache = (weakref.ref(doc), out, ruled_out)
    return out, ruled_out


def _needs_parse(doc: Document, claim: Claim, support: Support) -> bool:
    if support.supported:
        return False
    sent = doc.sentences[claim.sentence]
    return needs_parse(doc.text, sent.start, sent.end, claim.marker, claim.start, claim.end)


def _judged(doc: Document, claim: Claim, support: Support, sa: SentenceAnalysis | None) -> Judged:
    """An explicit claim judged: its support (the sentence's wording, unless the parse
    finds another kind of source), whether it explains or reports, its hedge, whether
    it is quoted."""
    text = doc.text
    sent = doc.sentences[claim.sentence]
    parsed = parse_source(sa, claim.start) if sa is not None else None
    if parsed is not None and (parsed[0] != support.status or support.source is None):
        support = Support(parsed[0], parsed[1], support.hedge)
    explains = is_explanation(text, claim.marker, sent.start, sent.end, claim.start, claim.end) or (
        sa is not None and general_claim(sa, claim.start)
    )
    spec = speculative(text, sent.start, claim.start, claim.end)
    quoted = doc.in_quote(claim.start, claim.end)
    return Judged(claim, support, explains, spec, quoted)


_REASONS = {
    "vague": ("vague-source", "causal claim attributed to an unnamed group"),
    "hedged": ("hedged", "hedged causal claim"),
    "none": ("no-source", "causal claim with no named source"),
}


def _quote(s: str) -> str:
    return f"'{s}'"


@rule_function("causal.unsupported", parses=True)
def unsupported(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Explicit causal claims with no named source, an unnamed group, or a hedge."""
    for j in analyse(doc):
        sup = j.support
        if sup is None or not j.warns:
            continue
        claim = j.claim
        marked = doc.text[claim.start : claim.end]
        if sup.status == "vague":
            key = "vague"
            detail = f"{_quote(marked)} rests on {_quote(sup.source or '')}"
            if j.speculation:
                detail += f" and is hedged ({_quote(j.speculation)})"
        elif j.speculation:
            key = "hedged"
            detail = f"{_quote(marked)} is hedged ({_quote(j.speculation)}) and no source is named"
        else:
            key = "none"
            detail = (
                f"{_quote(marked)} explains why something happened and the sentence names "
                "nobody who found it"
            )
        sub, reason = _REASONS[key]
        yield Hit(
            claim.start,
            claim.end,
            message=f"{reason}: {detail}. Name the source or the evidence, or drop the claim.",
            rule=f"{rule.id}.{sub}",
            data={"reason": reason, "marker": claim.marker.lemma},
        )


@rule_function("causal.supported", parses=True)
def supported(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Explicit causal claims whose sentence (or, for a quote, neighbour) names a source."""
    for j in analyse(doc):
        sup = j.support
        if sup is None or not sup.supported:
            continue
        what = "evidence" if sup.status == "evidence" else "source"
        yield Hit(
            j.claim.start,
            j.claim.end,
            message=f"causal claim supported by a named {what}: {_quote(sup.source or '')}.",
            data={"source": sup.source or "", "marker": j.claim.marker.lemma},
        )


@rule_function("causal.reported", parses=True)
def reported(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Unsupported causal links that report an event, or that a quoted speaker makes."""
    for j in analyse(doc):
        sup = j.support
        if sup is None or sup.supported or j.warns:
            continue
        marked = doc.text[j.claim.start : j.claim.end]
        why = (
            "inside a direct quotation: the speaker's claim"
            if j.quoted
            else "reports an event rather than explaining it"
        )
        yield Hit(
            j.claim.start,
            j.claim.end,
            message=f"causal link ({_quote(marked)}) {why}; not a claim to source.",
            data={"marker": j.claim.marker.lemma, "quoted": j.quoted},
        )


@rule_function("causal.implicit", parses=True)
def implicit(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Motive, purpose, condition or sequence that the sentence presents as a cause."""
    for j in analyse(doc):
        if j.support is not None:
            continue
        marked = doc.text[j.claim.start : j.claim.end]
        yield Hit(
            j.claim.start,
            j.claim.end,
            message=(
                f"implicit causal link ({_quote(marked)}): a motive, purpose, condition or "
                "sequence read as cause; not judged for support."
            ),
            data={"marker": j.claim.marker.lemma},
        )


@rule_function("causal.cue", parses=True)
def learned_cue(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Sentences with no causal marker that the learned cue lexicon reads as causal."""
    judged, ruled_out = _analysis(doc)
    claimed = {j.claim.sentence for j in judged}
    text = doc.text
    scan = lowered(text) or text  # lower-casing moved offsets (rare): score the text as is
    m = model()
    for si, sent in enumerate(doc.sentences):
        if si in claimed or text[sent.end - 1 : sent.end] == "?":
            continue
        hit = score_span(scan, sent.start, sent.end, m, ruled_out)
        if hit is None or negated(text, hit.start, sent.start):
            continue
        yield Hit(
            hit.start,
            hit.end,
            message=(
                f"reads as a causal claim: its words ('{hit.cue}' strongest) are those of "
                "causal news sentences; not judged for support."
            ),
            data={"cue": hit.cue, "score": round(hit.score, 2)},
        )
