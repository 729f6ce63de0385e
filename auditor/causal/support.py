"""Judge whether a causal claim is supported: a named source, evidence, a vague source, a hedge.

Supported means the sentence names who says it ("the fire service said", "according to the
ministry's report", "Dr Lee told reporters") or cites evidence ("a study published in The
Lancet found"); for a claim inside a direct quotation, the neighbouring sentence may name
the speaker. Unsupported means nobody is named, the source is an unnamed group ("some
analysts claim", "experts say", "sources said"), or the claim is hedged ("may have been
motivated by") with no named source to carry the hedge. The source nearest before the
claim wins, so "the governor said some analysts claim X caused Y" is vague.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from auditor.causal.window import last_in_clause
from auditor.document import Document

_SPEECH = (
    r"(?:said|says|say|told|tells|reported|reports|announced|announces|stated|states|"
    r"confirmed|confirms|found|finds|showed|shows|concluded|concludes|estimated|estimates|"
    r"wrote|writes|added|adds|noted|notes|explained|explains|argued|argues|claimed|claims|"
    r"claim|insisted|insists|warned|warns|tweeted|posted|revealed|reveals|suggested|"
    r"suggests|suggest|believes|believe|believed|blamed|blames|alleged|alleges|allege|"
    r"acknowledged|admitted|admits|testified|ruled|rules|declared|declares|maintained|"
    r"maintains|contended|contends|speculated|speculate|speculates|think|thinks|thought|"
    r"fear|feared|fears|assert|asserted|asserts|observed|pointed out|indicated|indicates|"
    r"documented|determined|established|attributed|traced|linked)"
)
# bodies that speak for themselves: "the ministry said", "police said"
_INSTITUTION = (
    r"(?:ministry|ministries|minister|department|government|governor|mayor|council|police|"
    r"spokesman|spokeswoman|spokesperson|president|premier|chancellor|secretary|"
    r"commission|commissioner|agency|authority|authorities|service|court|judge|prosecutor|"
    r"prosecutors|coroner|inquest|inquiry|company|firm|bank|regulator|watchdog|board|"
    r"committee|army|military|navy|command|embassy|office|union|federation|association|"
    r"institute|university|hospital|statement|report|study|survey|review|"
    r"audit|investigation|investigators|data|figures|statistics|researchers|scientists|"
    r"team|officer|official|chief|director|head|leader|chairman|chairwoman|ceo|"
    r"economist|analyst|expert|doctor|professor|fire service|brigade|coastguard|"
    r"paper|journal|newspaper|broadcaster|ombudsman|auditor|census|inspector|"
    r"inspectorate|party|organisation|organization|group|charity|foundation|center|"
    r"centre|lab|laboratory|who|un|nato|eu|imf|fbi|cia|nasa|bbc|media|outlet|outlets|"
    r"blogger|channel|channels|television|tv|radio|website|spokespeople|correspondent|"
    r"reporter|journalist|editor|columnist)"
)
_VAGUE_NOUN = (
    r"(?:analysts|experts|observers|commentators|critics|sources|insiders|bloggers|"
    r"enthusiasts|pundits|rumou?rs|reports|speculation|people|officials|scientists|"
    r"researchers|economists|studies|residents|locals|activists|witnesses|voices|"
    r"watchers|diplomats|figures|some|others|many|correspondents)"
)
_VAGUE_QUANT = (
    r"(?:some|many|several|certain|other|unnamed|anonymous|a few|a number of|numerous|"
    r"various|most|few|unidentified|independent|western|local|military|war|online)"
)
_VAGUE = re.compile(
    rf"\b(?:(?:{_VAGUE_QUANT})\s+(?:[a-z-]+\s+)?{_VAGUE_NOUN}|"
    r"(?:analysts|experts|observers|commentators|critics|sources|insiders|pundits|"
    r"rumou?rs|reports|studies|speculation|correspondents)(?=\s+(?:\w+\s+){0,3}?"
    + _SPEECH
    + r"\b)|"
    r"(?:war|military) (?:bloggers|enthusiasts|correspondents)|"
    r"it (?:is|was|has been|had been) (?:widely |generally |commonly )?"
    r"(?:said|believed|thought|claimed|alleged|rumou?red|understood|speculated|suggested|"
    r"feared|argued|reported)|"
    r"according to (?:some|many|several|unnamed|anonymous|sources|reports|rumou?rs|"
    r"experts|analysts|observers|critics|people|media reports|unconfirmed))\b",
    re.IGNORECASE,
)
_VAGUE_SPEECH = re.compile(rf"(?:\s+(?:\w+\s+){{0,3}}?){_SPEECH}\b", re.IGNORECASE)

_PROPER = r"(?:[A-Z][\w’'.-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w’'.-]*|of|de|van|von|al|bin|the|for|and))*"
_NAMED_SUBJECT = re.compile(
    rf"(?P<src>(?:(?i:the|a|an|its|their|his|her|one)|{_PROPER})\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?i:{_INSTITUTION})"
    rf"(?:['’]s)?(?:\s+(?:of|for|at|in|from)\s+{_PROPER})?|{_PROPER}|"
    rf"(?i:police|officials|investigators|researchers|scientists|authorities|prosecutors|doctors)"
    rf"\s+(?:at|from|of|in|with)\s+{_PROPER}|(?i:police|he|she|they))"
    rf"(?:\s*,[^,]{{1,60}},)?\s+(?:also\s+|later\s+|previously\s+|earlier\s+|had\s+|has\s+|"
    rf"have\s+|on\s+\w+\s+|last\s+\w+\s+|today\s+|yesterday\s+)*(?P<verb>{_SPEECH})\b",
)
# every _NAMED_SUBJECT and _INVERTED match holds one of these (case as written): a sentence
# without one is not scanned with those long patterns
_SPEECH_WORD = re.compile(rf"{_SPEECH}\b")
# reporting words that are also nouns: "Russian claims to the territories" is no source
_NOUN_LIKE = {"claims", "claim", "reports", "fears", "notes", "states", "rules", "findings",
              "finds", "shows", "estimates", "thought", "fear", "suggest"}  # fmt: skip
_NOUN_NEXT = re.compile(
    r"\s+(?:to|of|about|for|from|and|or|were|was|are|is|had|have|has|in|on|by|that\s+were)\b"
)
_INVERTED = re.compile(
    rf"\b(?:said|says|told|added)\s+(?P<src>(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?i:{_INSTITUTION})\b|{_PROPER})",
)
_EVIDENCE = re.compile(
    r"(?P<src>\b(?:a|an|the|new|recent|latest|this|its|their)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:study|report|survey|analysis|review|investigation|inquiry|audit|paper|trial|"
    r"census|data|figures|statistics|autopsy|post-mortem|inquest|experiment|poll|"
    r"meta-analysis|research)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:published|released|by|from|found|finds|shows|showed|concluded|concludes|suggests|"
    r"suggested|revealed|reveals|confirmed|confirms|says|said|in|of)\b|"
    r"\bpublished in\s+(?:the\s+)?[A-Z][\w ]{2,40}|\bdata from\s+(?:the\s+)?[\w ]{2,40})",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<src>[^,.;]{2,60})", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:may|might|could|possibly|perhaps|probably|likely|potentially|allegedly|"
    r"reportedly|apparently|presumably|arguably|supposedly|purportedly|conceivably|"
    r"seem(?:s|ed)? to|appear(?:s|ed)? to|(?:is|are|was|were) (?:thought|believed|"
    r"suspected|said|rumou?red) to|suspected(?: of)?)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\bI(?:['’](?:m|ve|d|ll))?\b")
_FUNCTION_WORDS = {"the", "a", "an", "this", "that", "these", "those", "it", "in", "on", "at",
                   "but", "and", "or", "however", "meanwhile", "under", "back", "late",
                   "after", "before", "when", "while", "as", "if", "some", "many", "several",
                   "experts", "analysts", "sources", "critics", "observers", "one", "both",
                   "during", "for", "with", "by", "from", "to", "of", "since", "until"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Support:
    """How a claim is supported: status is named | evidence | vague | none."""

    status: str
    source: str | None = None  # the source as written ("the local governor")
    hedge: str | None = None  # the hedge word ("may"), when the claim is hedged

    @property
    def supported(self) -> bool:
        return self.status in ("named", "evidence")


def _clean(src: str) -> str:
    return " ".join(src.split()).strip(" ,")


def _plausible_name(src: str) -> bool:
    """A capitalised run that is a name, not a sentence-initial function word ("The")."""
    words = src.split()
    return bool(words) and not all(w.lower().strip("’'") in _FUNCTION_WORDS for w in words)


@lru_cache(maxsize=64)
def _sources(text: str, lo: int, hi: int) -> tuple[tuple[int, str, str], ...]:
    """(position, kind, source text) of every source found in text[lo:hi] (cached: the
    claims of one sentence, and its neighbours' quotations, ask for the same span)."""
    out: list[tuple[int, str, str]] = []
    for m in _VAGUE.finditer(text, lo, hi):
        phrase = m.group(0)
        # a group is a source only when it speaks: "some analysts claim", not "some analysts"
        speaks = _VAGUE_SPEECH.match(text, m.end(), hi) is not None
        if not speaks and not phrase.lower().startswith(("it ", "according", "war ", "military ")):
            continue
        out.append((m.start(), "vague", _clean(phrase)))
    for m in _ACCORDING.finditer(text, lo, hi):
        src = _clean(m.group("src"))
        if not _VAGUE.match(m.group(0)):
            out.append((m.start(), "named", src))
    named = (_NAMED_SUBJECT, _INVERTED) if _SPEECH_WORD.search(text, lo, hi) else ()
    for rx in named:
        for m in rx.finditer(text, lo, hi):
            src = _clean(m.group("src"))
            if not _plausible_name(src) and src.lower() not in ("he", "she", "they", "police"):
                continue
            verb = m.groupdict().get("verb")
            if verb and verb.lower() in _NOUN_LIKE and _NOUN_NEXT.match(text, m.end()):
                continue
            if any(abs(p - m.start()) < 3 for p, _, _ in out):
                continue
            out.append((m.start(), "named", src))
    for m in _EVIDENCE.finditer(text, lo, hi):
        out.append((m.start(), "evidence", _clean(m.group("src"))))
    out.sort()
    return tuple(out)


def _pick(found: tuple[tuple[int, str, str], ...], claim_start: int) -> tuple[str, str] | None:
    """The nearest source before the claim; else the nearest after it."""
    before = [f for f in found if f[0] <= claim_start]
    if before:
        # a vague group anywhere before the claim governs it unless a named source is nearer
        _, kind, src = before[-1]
        return kind, src
    if found:
        _, kind, src = found[0]
        return kind, src
    return None


def _hedge(text: str, lo: int, start: int, end: int) -> str | None:
    """A hedge in the claim's clause before it or in its verb group ("may have been ...")."""
    return last_in_clause(_HEDGE, text, lo, start, end, reach=90)


def judge(doc: Document, sentence: int, start: int, end: int) -> Support:
    """The support of the causal claim at view offsets [start, end) in `sentence`."""
    text = doc.text
    sent = doc.sentences[sentence]
    hedge = _hedge(text, sent.start, start, end)
    found = _sources(text, sent.start, sent.end)
    pick = _pick(found, start)
    quoted = doc.in_quote(start, start + 1) or text[sent.start : sent.start + 1] in '"“'
    if pick is None and quoted:
        # a quotation: the speaker may be named in the sentence before or after it (or two
        # after, when the quotation runs over several sentences)
        for j in (sentence - 1, sentence + 1, sentence + 2):
            if 0 <= j < len(doc.sentences):
                s = doc.sentences[j]
                near = [f for f in _sources(text, s.start, s.end) if f[1] == "named"]
                if near:
                    pick = ("named", near[0][2])
                    break
    if pick is None and _FIRST_PERSON.search(text, sent.start, start):
        # "I stayed in because it rained": the writer gives their own reason
        pick = ("named", "the writer (first person)")
    if pick is None:
        return Support("none", None, hedge)
    kind, src = pick
    return Support(kind, src, hedge)
