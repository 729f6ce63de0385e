"""Hedge cues found through an anchor-word index, and the document's hedge density.

Python's `re` tries a pattern at every character of an article, so nine hedge rules of
long alternations would cost several microseconds a word. Instead, every cue rule names
`anchors`: words at least one of which each of its matches contains ("allegedly"; the
group nouns of "some analysts claim"). One pass of a single trie-shaped regex finds all
anchors of the pack in the lower-cased text; each rule then runs its full patterns only over
the sentences that hold one of its anchors. The hits are the same as a whole-text scan
(tests/test_hedges_anchors.py checks this), at a fraction of the cost.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.checks.patterns import compile_patterns, hit_span
from auditor.document import Document
from auditor.findings import Hit, render_message
from auditor.functions import rule_function
from auditor.packs import Rule

_WORD = re.compile(r"^[a-z][a-z'-]*(?: [a-z][a-z'-]*)*$")
LOOK_BACK = 60  # characters before the first anchor of a sentence where a match may begin


def trie_regex(words: set[str]) -> re.Pattern[str]:
    """One regex matching any of the (lower-case) words, grouped by first letters for speed."""

    def build(ws: list[str], depth: int) -> str:
        if depth >= 2 or len(ws) < 4:
            alts = sorted((w[depth:] for w in ws), key=len, reverse=True)
            return "(?:" + "|".join(re.escape(a) for a in alts) + ")"
        groups: dict[str, list[str]] = defaultdict(list)
        tail = False
        for w in ws:
            if len(w) == depth:
                tail = True
            else:
                groups[w[depth]].append(w)
        alts = [re.escape(c) + build(g, depth + 1) for c, g in sorted(groups.items())]
        return "(?:" + "|".join(alts) + ("|" if tail else "") + ")"

    return re.compile(r"\b" + build(sorted(words), 0) + r"\b")


@dataclass
class _CueRule:
    anchors: frozenset[str]
    regex: re.Pattern[str]


@dataclass
class _DocIndex:
    """Per document: where each anchor first occurs in each sentence, and hits computed."""

    doc: weakref.ref[Document]
    words: frozenset[str]
    sentences: dict[str, dict[int, int]]  # anchor -> sentence index -> first offset
    hits: dict[str, list[Hit]] = field(default_factory=dict)


_rules: dict[tuple[str, str], _CueRule] = {}
_anchor_words: set[str] = set()
_anchor_regex: re.Pattern[str] | None = None
_last: _DocIndex | None = None


def _cue_rule(rule: Rule, options: dict[str, Any]) -> _CueRule:
    global _anchor_regex
    key = (rule.source, rule.id)
    cached = _rules.get(key)
    if cached is not None:
        return cached
    anchors = options.get("anchors")
    if (
        not isinstance(anchors, list)
        or not anchors
        or not all(isinstance(a, str) and _WORD.match(a) for a in anchors)
    ):
        raise ValueError(
            "'options.anchors' must be a non-empty list of lower-case words or phrases"
        )
    cue = _CueRule(frozenset(anchors), compile_patterns(options.get("patterns"), rule.ignorecase))
    _rules[key] = cue
    if not cue.anchors <= _anchor_words:
        _anchor_words.update(cue.anchors)
        _anchor_regex = None
    return cue


def _index(doc: Document) -> _DocIndex:
    """Anchor positions of the document, by sentence (rebuilt when new anchors appear)."""
    global _last, _anchor_regex
    if _anchor_regex is None:
        _anchor_regex = trie_regex(_anchor_words)
        _last = None
    if _last is not None and _last.doc() is doc and len(_last.words) == len(_anchor_words):
        return _last
    starts = [s.start for s in doc.sentences]
    where: dict[str, dict[int, int]] = defaultdict(dict)
    lower = doc.text.lower()
    if len(lower) != len(doc.text):  # a few characters lower-case to two ("İ"): keep offsets
        matches = re.compile(_anchor_regex.pattern, re.IGNORECASE).finditer(doc.text)
    else:
        matches = _anchor_regex.finditer(lower)
    for m in matches:
        pos = m.start()
        si = bisect.bisect_right(starts, pos) - 1
        if si >= 0:
            where[m.group().lower()].setdefault(si, pos)
    _last = _DocIndex(weakref.ref(doc), frozenset(_anchor_words), dict(where))
    return _last


def cue_hits(doc: Document, rule: Rule, options: dict[str, Any]) -> list[Hit]:
    """A cue rule's raw hits (view offsets), from the sentences that hold its anchors."""
    cue = _cue_rule(rule, options)
    idx = _index(doc)
    done = idx.hits.get(rule.id)
    if done is not None:
        return done
    first: dict[int, int] = {}
    for a in cue.anchors:
        for si, pos in idx.sentences.get(a, {}).items():
            if pos < first.get(si, pos + 1):
                first[si] = pos
    hits: list[Hit] = []
    text = doc.text
    for si in sorted(first):
        s = doc.sentences[si]
        # a match begins at most a few words before its anchor: skip the sentence's head
        for m in cue.regex.finditer(text, max(s.start, first[si] - LOOK_BACK), s.end):
            a, b = hit_span(m)
            if b > a:
                hits.append(Hit(a, b, render_message(rule.message, match=text[a:b])))
    idx.hits[rule.id] = hits
    return hits


@rule_function("hedges.cues")
def cues(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Every match of the rule's patterns, found through its anchor words."""
    yield from cue_hits(doc, rule, options)


def _validate_cues(rule: Rule, options: dict[str, Any]) -> None:
    """At pack load: anchors and patterns must be valid (ValueError names the problem)."""
    _cue_rule(rule, options)


def _validate_density(rule: Rule, options: dict[str, Any]) -> None:
    for key in ("min_sentences", "threshold"):
        value = options.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ValueError(f"option '{key}' must be a non-negative number")


cues.validate = _validate_cues  # type: ignore[attr-defined]


# -- document-level density ---------------------------------------------------------------


@dataclass
class _Sibling:
    rule: Rule
    options: dict[str, Any]


_siblings: dict[str, list[_Sibling]] = {}


def _sibling_rules(rule: Rule, warnings_only: bool = True) -> list[_Sibling]:
    """The cue rules (warning-level, or all) of the same pack file (read once, from its TOML)."""
    key = f"{rule.source}|{warnings_only}"
    got = _siblings.get(key)
    if got is not None:
        return got
    from auditor.packs import load_pack  # late: packs imports the check kinds

    pack = load_pack(Path(rule.source))
    got = [
        _Sibling(r, dict(r.options.get("options", {})))
        for r in pack.rules
        if r.kind == "python" and r.options.get("function") == "hedges.cues"
        and (r.severity == "warning" or not warnings_only)
    ]  # fmt: skip
    _siblings[key] = got
    return got


def _excepted(rule: Rule, text: str, start: int, end: int, hit: Hit) -> bool:
    if rule.exceptions is None:
        return False
    return any(
        m.start() <= hit.start and hit.end <= m.end()
        for m in rule.exceptions.finditer(text, start, end)
    )


def hedged_sentences(doc: Document, rule: Rule) -> dict[int, Hit]:
    """Sentence index -> first warning-level hedge in it, outside quotations."""
    out: dict[int, Hit] = {}
    for sib in _sibling_rules(rule):
        for hit in cue_hits(doc, sib.rule, sib.options):
            si = doc.sentence_index(hit.start, hit.end)
            if si is None or si in out or doc.in_quote(hit.start, hit.end):
                continue
            s = doc.sentences[si]
            if not _excepted(sib.rule, doc.text, s.start, s.end, hit):
                out[si] = hit
    return out


def covered_sentences(doc: Document, rule: Rule) -> set[int]:
    """Indexes of the sentences where any cue rule of the pack (any severity) has a hit."""
    out: set[int] = set()
    for sib in _sibling_rules(rule, warnings_only=False):
        for hit in cue_hits(doc, sib.rule, sib.options):
            si = doc.sentence_index(hit.start, hit.end)
            if si is None or si in out:
                continue
            s = doc.sentences[si]
            if not _excepted(sib.rule, doc.text, s.start, s.end, hit):
                out.add(si)
    return out


@rule_function("hedges.density")
def density(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """A finding when too many of an article's sentences carry a hedge or vague source.

    Density = hedged sentences per 100 sentences; warning-level cues outside quotations
    count, one per sentence. The finding sits on the first hedge.
    """
    min_sentences = int(options.get("min_sentences", 8))
    threshold = float(options.get("threshold", 30.0))
    n = len(doc.sentences)
    if n < min_sentences:
        return
    hedged = hedged_sentences(doc, rule)
    per100 = 100.0 * len(hedged) / n
    if per100 < threshold:
        return
    first = hedged[min(hedged)]
    msg = render_message(rule.message, density=f"{per100:.0f}", hedged=len(hedged), sentences=n)
    yield Hit(first.start, first.end, msg, data={"hedge_density": round(per100, 1)})


density.validate = _validate_density  # type: ignore[attr-defined]
