"""Grammar rules that need code rather than a pattern."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.document import Document
from auditor.findings import Hit
from auditor.functions import rule_function
from auditor.packs import Rule

_FIRST_WORD = re.compile(r"[\"'“‘]*([^\W\d_][\w'’-]*)")
# words that are written in lower case even at the start of a sentence
_LOWER_OK = {"e.g", "i.e", "vs", "de", "van", "von", "der", "da", "di", "la", "le", "bin", "al",
             "el", "ibn", "x", "n", "pH", "mRNA"}  # fmt: skip


@rule_function("grammar.lowercase_sentence_start")
def lowercase_sentence_start(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """A sentence that starts with a lower-case word ("... in Sudzha. reports suggest").

    Left alone: words with a capital inside (iPhone, eBay), a first bullet of a list (list
    items are often fragments), sentences opening with a bracket, digit or symbol.
    """
    prev_block = -1
    for sent in doc.sentences:
        block = doc.blocks[sent.block]
        first_in_block = sent.block != prev_block
        prev_block = sent.block
        if block.kind == "bullet" and first_in_block:
            continue
        m = _FIRST_WORD.match(doc.text, sent.start, sent.end)
        if m is None:
            continue
        word = m.group(1)
        if not word[0].islower() or any(c.isupper() for c in word) or word.lower() in _LOWER_OK:
            continue
        s, e = m.span(1)
        yield Hit(s, e, suggestions=(word[0].upper() + word[1:],))
