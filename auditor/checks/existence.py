"""`existence`: flag every match of a set of patterns (Vale's check of the same name).

Without `anchors` the patterns scan the whole text. With `anchors` (lower-case words or
phrases, one of which every match contains) they run only in the sentences that hold an
anchor, found by one pass shared by all anchored rules (auditor/checks/anchors.py): the
same hits inside sentences, at a fraction of the cost for long alternations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from auditor.checks import Check, register
from auditor.checks.anchors import ANCHORS, WORD, anchored_spans
from auditor.checks.patterns import compile_patterns, hit_span
from auditor.findings import Hit, render_message
from auditor.options import BadOption, Opt

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.packs import Rule

_HITS = "_existence_hits"
_KEYS: dict[tuple[str, int, frozenset[str] | None, str], int] = {}


@register
class Existence(Check):
    kind = "existence"
    options: ClassVar[dict[str, Opt]] = {
        "patterns": Opt(list, doc="regexes; a group named m narrows the span", required=True,
                        nonempty=True),
        "anchors": Opt(list, doc="lower-case words one of which every match contains: "
                       "only sentences holding one are scanned", nonempty=True),
    }  # fmt: skip

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.regex = compile_patterns(
            rule.options.get("patterns"), rule.ignorecase, trusted=rule.builtin
        )
        anchors = rule.options.get("anchors")
        self.anchors: frozenset[str] | None = None
        if anchors is not None:
            bad = [a for a in anchors if not WORD.match(a)]
            if bad:
                raise BadOption("anchors", f"must be lower-case words or phrases, not {bad[0]!r}")
            self.anchors = frozenset(anchors)
            ANCHORS.add(self.anchors)
        # checks of one rule (each auditor builds its own) share their hits on a document;
        # a Pattern's hash costs microseconds, so the key is a number given once per rule
        self._key = _KEYS.setdefault(
            (self.regex.pattern, self.regex.flags, self.anchors, rule.message), len(_KEYS)
        )

    def hits(self, doc: Document) -> list[Hit]:
        """The rule's raw hits (view offsets), computed once per document: the pack's
        density and weasel rules read them too."""
        cache: dict[tuple[int, int], list[Hit]] = doc.__dict__.setdefault(_HITS, {})
        key = (self._key, ANCHORS.version if self.anchors else 0)
        got = cache.get(key)
        if got is not None:
            return got
        if self.anchors is None:
            matches = self.regex.finditer(doc.text)
        else:
            matches = iter(anchored_spans(doc, self.anchors, self.regex))
        text = doc.text
        got = []
        for m in matches:
            s, e = hit_span(m)
            if e > s:
                got.append(Hit(s, e, render_message(self.rule.message, match=text[s:e])))
        cache[key] = got
        return got

    def run(self, doc: Document) -> list[Hit]:
        return self.hits(doc)
