"""The words of each sentence, found once per document and shared by the packs that count.

Duplicates and readability both need every sentence's words; one regex pass per sentence,
cached on the Document, serves both. A token is a run of word characters with inner
apostrophes or figure separators ("Russia's", "30,000", "4.25"), so a figure stays whole.
"""

from __future__ import annotations

import re

from auditor.document import Document

TOKEN_RE = re.compile(r"\w+(?:[.,:'’]\w+)*")
_KEY = "_sentence_tokens"


def sentence_tokens(doc: Document) -> list[list[str]]:
    """Tokens of doc.sentences[i], for every i; computed on first use."""
    cached = doc.__dict__.get(_KEY)
    if cached is None:
        findall, text = TOKEN_RE.findall, doc.text
        cached = [findall(text, s.start, s.end) for s in doc.sentences]
        doc.__dict__[_KEY] = cached
    return cached
