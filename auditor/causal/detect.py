"""Find causal claims: one regex pass for marker phrases, then clause checks per candidate.

A marker is only a candidate. Each one is kept when its sense is causal ("due to rain",
not "due to open"; "prolonged the war", not "a prolonged war"; "led to", not "led by"),
when the clause does not negate or question it ("could not show that X caused Y", "it
is unclear what triggered"), and when it is not plain sequence ("comes days after").
The checks read a few words either side of the marker inside its sentence: a window,
not a parse, which is what keeps the pass cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.causal.lexicon import Marker, lookup, marker_regex
from auditor.causal.senses import CHECKS
from auditor.causal.window import clause_before, lowered, words_before
from auditor.document import Document


@dataclass(frozen=True, slots=True)
class Claim:
    """A causal marker kept as a claim, in view offsets (span = what the finding marks)."""

    start: int
    end: int
    sentence: int
    marker: Marker


# --- negation, caveats, questions --------------------------------------------------------

_NEGATION = re.compile(
    r"\b(?:not|never|no|cannot|nor|neither|unclear|unknown|whether|deny|denies|denied|"
    r"denying|dismissed|rejected|disputed|ruled out|rules out|failed to (?:show|prove|find)|"
    r"rather than|instead of|without)\b|n['’]t\b",
    re.IGNORECASE,
)
_QUESTION_WORDS = {"what", "why", "how", "whether", "if"}


def negated(text: str, start: int, sent_start: int) -> bool:
    """Whether the clause before the marker negates or questions the causation."""
    before = clause_before(text, start, sent_start, 70)
    if _NEGATION.search(before):
        return True
    prev = words_before(text, start, sent_start, 2)
    return bool(prev) and prev[-1] in _QUESTION_WORDS


_VERB_GROUP = re.compile(
    r"(?:\b(?:may|might|could|would|will|can|should|must|did|does|do|has|have|had|'s|is|"
    r"are|was|were|be|been|being|also|already|potentially|possibly|probably|likely|"
    r"allegedly|reportedly|apparently|partly|largely|further|directly|indirectly|"
    r"ultimately|eventually|in part|only|then|now)\s+)+$",
    re.IGNORECASE,
)
_BY = re.compile(r"\s+by\b", re.IGNORECASE)


def _span(text: str, m: re.Match[str], marker: Marker, lo: int) -> tuple[int, int]:
    """The finding's span: a verb with its auxiliaries, or the connective phrase itself."""
    start, end = m.start(), m.end()
    if marker.verb:
        g = _VERB_GROUP.search(text, max(lo, m.start() - 60), m.start())
        if g is not None and g.end() == m.start():
            start = g.start()
        by = _BY.match(text, end)
        if by is not None:  # a passive takes its "by": "was caused by"
            end = by.end()
    return start, end


_INNER_CAPITAL = re.compile(r"\s[A-Z]")
_CAP_WORD = re.compile(r"[A-Z][\w’'-]*")


def _in_name(text: str, m: re.Match[str], lo: int) -> bool:
    """A marker inside a name: "India Against Corruption", "Alliance in Support of"."""
    if _INNER_CAPITAL.search(m.group(0)):
        return True
    if not m.group(0)[0].isupper() or m.start() <= lo + 1:
        return False
    before = text[max(lo, m.start() - 30) : m.start()].split()
    after = _CAP_WORD.match(text, m.end() + 1) if m.end() + 1 < len(text) else None
    return bool(before) and before[-1][:1].isupper() and after is not None


def _candidate(doc: Document, m: re.Match[str]) -> Claim | None:
    """The claim a marker match makes, or None when its sense, clause or name rules it out."""
    text = doc.text
    si = doc.sentence_index(m.start(), m.end())
    if si is None:
        return None
    sent = doc.sentences[si]
    if _in_name(text, m, sent.start):
        return None
    marker = lookup(m.group(0))
    if marker.check is not None and not CHECKS[marker.check](text, m, sent.start, sent.end):
        return None
    if negated(text, m.start(), sent.start):
        return None
    if text[sent.end - 1] == "?":  # a question asks about a cause, it claims none
        return None
    start, end = _span(text, m, marker, sent.start)
    return Claim(start, end, si, marker)


def find_claims(doc: Document, ruled_out: list[tuple[int, int]] | None = None) -> list[Claim]:
    """Every causal claim in the document, in order, one per marker.

    Two markers side by side ("in protest against") are one claim; when one of them is
    an explicit claim and the other an implicit link, the explicit one is kept. A marker
    ruled out does not hide one that overlaps it ("killed in retaliation for"). The spans
    of explicit markers ruled out ("due to open", "led by") are added to `ruled_out`
    when it is given; implicit ones ruled out ("comes days after") still count as cues.
    """
    text = doc.text
    low = lowered(text)
    scan, rx = (text, marker_regex()) if low is None else (low, marker_regex(lowered=True))
    exact = marker_regex()
    out: list[Claim] = []
    pos = 0
    while (lm := rx.search(scan, pos)) is not None:
        m = lm if scan is text else exact.match(text, lm.start())
        claim = _candidate(doc, m) if m is not None else None
        if claim is None:
            if ruled_out is not None and lookup(lm.group(0)).tier == "explicit":
                ruled_out.append((lm.start(), lm.end()))  # "due to open": not causal at all
            pos = lm.start() + 1
            continue
        pos = lm.end()
        if out and claim.start - out[-1].end <= 2:
            if claim.marker.tier == "explicit" and out[-1].marker.tier == "implicit":
                out[-1] = claim
            continue
        out.append(claim)
    return out
