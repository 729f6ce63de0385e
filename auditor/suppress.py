"""Inline suppressions: silence a justified finding where it is, with a reason.

    <!-- auditor: ignore hedges.allegedly -- quoting the indictment -->   next block only
    <!-- auditor: off hedges -- reason -->  ...  <!-- auditor: on -->     a region
    # auditor: ignore hedges.reportedly -- reason                          plain text

`ignore` silences the named rules (ids or prefixes, separated by spaces or commas) in the
next block (paragraph, heading, block quote, or a whole list); `off` silences them, or every rule when none is
named, until `on` or the end of the document. A suppression that silences nothing, or
one that cannot be read, is itself reported (rules `meta.unused-suppression` and
`meta.invalid-suppression`), so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from auditor.document import Document
from auditor.findings import Finding, matches_prefix
from auditor.limits import TIME_LIMIT_RULE

UNUSED = "meta.unused-suppression"
INVALID = "meta.invalid-suppression"
META_RULES = {
    UNUSED: (
        "info",
        "A suppression comment that silenced no finding: remove it, or fix its rule id.",
    ),
    INVALID: (
        "warning",
        "A suppression comment that cannot be read: it names no known rule or no directive.",
    ),
    TIME_LIMIT_RULE: (
        "error",
        "A document whose audit passed the per-document time limit: it was not checked.",
    ),
}

_DIRECTIVE = re.compile(
    r"^auditor:\s*(?P<verb>[A-Za-z-]+)\b(?P<rules>.*?)(?:\s--\s*(?P<reason>.*))?\s*$", re.S
)
_SPLIT = re.compile(r"[\s,]+")


@dataclass
class Suppression:
    verb: str  # "ignore" | "off"
    prefixes: list[str]  # empty: every rule
    start: int  # original offsets of the region it covers
    end: int
    comment: tuple[int, int]  # original offsets of the comment itself
    reason: str | None = None
    used: int = 0

    def covers(self, f: Finding) -> bool:
        if not self.start <= f.start < self.end:
            return False
        return not self.prefixes or matches_prefix(f.rule, self.prefixes)


_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def _comment_span(doc: Document, start: int, end: int, body: str) -> tuple[int, int]:
    """The comment's span in the original text.

    The HTML loader keeps a comment as an empty view span, which maps to the text around
    it: find the comment with the same body that ends there."""
    s, e = doc.to_original(start, end)
    if doc.fmt != "html":
        return s, e
    lo, hi = min(s, e), max(s, e)
    found = None
    for m in _HTML_COMMENT.finditer(doc.original, 0 if lo == hi else lo, hi):
        if m.group(1).strip() == body:
            found = m.span()
    return found or (lo, lo)


def parse_suppressions(
    doc: Document, known: Callable[[str], bool]
) -> tuple[list[Suppression], list[Finding]]:
    """The document's suppressions, and findings for the ones that cannot be read."""
    sups: list[Suppression] = []
    problems: list[Finding] = []
    open_regions: list[Suppression] = []
    block_spans = [doc.to_original(b.start, b.end) for b in doc.blocks]
    block_view_starts = [b.start for b in doc.blocks]
    end_of_doc = len(doc.original)
    for c in doc.comments:
        body = c.body.strip()
        if not body.lower().startswith("auditor:"):
            continue
        span = _comment_span(doc, c.start, c.end, c.body)
        m = _DIRECTIVE.match(body)
        verb = m.group("verb").lower() if m else ""
        prefixes = [p for p in _SPLIT.split(m.group("rules").strip()) if p] if m else []
        reason = (m.group("reason") or "").strip() or None if m else None
        bad = [p for p in prefixes if not known(p)]
        if verb not in ("ignore", "off", "on") or (verb == "ignore" and not prefixes) or bad:
            why = (
                f"names no known rule: {', '.join(bad)}"
                if bad and verb in ("ignore", "off", "on")
                else "expected 'auditor: ignore RULE', 'auditor: off [RULE]' or 'auditor: on'"
            )
            problems.append(_meta_finding(doc, INVALID, span, f"Suppression {why}."))
            continue
        if verb == "on":
            for s in open_regions:
                s.end = span[0]
            open_regions.clear()
            continue
        if verb == "off":
            s = Suppression("off", prefixes, span[1], end_of_doc, span, reason)
            open_regions.append(s)
            sups.append(s)
            continue
        # ignore: the next block that starts at or after the comment
        nxt = next((i for i, vs in enumerate(block_view_starts) if vs >= c.end), None)
        if nxt is None:
            problems.append(
                _meta_finding(doc, UNUSED, span, "Suppression has no block after it to silence.")
            )
            continue
        bs, be = block_spans[nxt]
        blk = doc.blocks[nxt]
        if blk.kind == "bullet" and blk.list_id is not None:  # a list is one unit
            last = nxt
            while last + 1 < len(doc.blocks) and doc.blocks[last + 1].list_id == blk.list_id:
                last += 1
            be = block_spans[last][1]
        sups.append(Suppression("ignore", prefixes, bs, be, span, reason))
    return sups, problems


def _meta_finding(doc: Document, rule: str, span: tuple[int, int], message: str) -> Finding:
    line, col = doc.line_col(span[0])
    return Finding(
        rule=rule,
        pack="meta",
        severity=META_RULES[rule][0],
        message=message,
        start=span[0],
        end=span[1],
        line=line,
        column=col,
        text=doc.original[span[0] : span[1]],
    )


def apply_suppressions(
    doc: Document,
    findings: list[Finding],
    known: Callable[[str], bool],
    ran: Callable[[str], bool],
    report_meta: bool = True,
) -> tuple[list[Finding], int]:
    """Drop suppressed findings; add meta findings for unused or unreadable suppressions.

    `known(prefix)`: the prefix names a loaded rule. `ran(prefix)`: a rule under it ran
    (an `ignore` of a rule that was not selected is not reported as unused).
    Returns the kept findings and how many were suppressed.
    """
    if not doc.comments:
        return findings, 0
    sups, problems = parse_suppressions(doc, known)
    if not sups and not problems:
        return findings, 0
    kept: list[Finding] = []
    silenced = 0
    for f in findings:
        hit = False
        for s in sups:
            if s.covers(f):
                s.used += 1
                hit = True
        if hit:
            silenced += 1
        else:
            kept.append(f)
    if report_meta:
        for s in sups:
            if s.used or (s.prefixes and not any(ran(p) for p in s.prefixes)):
                continue
            names = " ".join(s.prefixes) or "all rules"
            where = "the next block" if s.verb == "ignore" else "its region"
            problems.append(
                _meta_finding(
                    doc, UNUSED, s.comment, f"Suppression of {names} silenced nothing in {where}."
                )
            )
        kept.extend(problems)
        kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept, silenced
