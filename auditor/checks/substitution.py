"""`substitution`: a wrong form and the right one (Vale's `substitution`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from auditor.checks import Check, register
from auditor.checks.patterns import hit_span
from auditor.findings import Hit, render_message

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.packs import Rule


def match_case(replacement: str, original: str) -> str:
    """Give the replacement the case pattern of what it replaces."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@register
class Substitution(Check):
    kind = "substitution"
    options = frozenset({"swap", "ignorecase"})

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        swap = rule.options.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise ValueError("'swap' must be a table of 'wrong regex' = 'right form'")
        flags = re.IGNORECASE if rule.ignorecase else 0
        self.pairs: list[tuple[re.Pattern[str], str]] = []
        for wrong, right in swap.items():
            if not isinstance(right, str):
                raise ValueError(f"swap value for {wrong!r} must be a string")
            try:
                self.pairs.append((re.compile(wrong, flags), right))
            except re.error as e:
                raise ValueError(f"invalid regex in 'swap': {wrong!r}: {e}") from None
        # one pass over the text: every wrong form in a single alternation
        self.regex = re.compile("|".join(f"(?:{w})" for w in swap), flags)

    def run(self, doc: Document) -> Iterator[Hit]:
        for m in self.regex.finditer(doc.text):
            for rx, right in self.pairs:
                mm = rx.match(doc.text, m.start())
                if mm is None:
                    continue
                s, e = hit_span(mm)
                suggestion = match_case(mm.expand(right), doc.text[s:e])
                msg = render_message(self.rule.message, match=doc.text[s:e], suggestion=suggestion)
                yield Hit(s, e, msg, (suggestion,))
                break
