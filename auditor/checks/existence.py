"""`existence`: flag every match of a set of patterns (Vale's check of the same name)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from auditor.checks import Check, register
from auditor.checks.patterns import compile_patterns, hit_span
from auditor.findings import Hit, render_message

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.packs import Rule


@register
class Existence(Check):
    kind = "existence"
    options = frozenset({"patterns", "ignorecase"})

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.regex = compile_patterns(rule.options.get("patterns"), rule.ignorecase)

    def run(self, doc: Document) -> Iterator[Hit]:
        for m in self.regex.finditer(doc.text):
            s, e = hit_span(m)
            if e > s:
                yield Hit(s, e, render_message(self.rule.message, match=doc.text[s:e]))
