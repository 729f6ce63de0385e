"""The linguistic analysis of a Document's sentences, lazy and shared by every rule.

`analysis_for(doc)` returns the document's one `Analysis` (made on first use and kept on the
Document). A rule asks for the sentences it needs, `analysis.sentences([3, 7])`; those not
yet analysed are parsed together in one `nlp.pipe` batch, the rest come from the cache, so
a sentence is parsed at most once per document whichever rules ask for it. Sentences no
rule asks for are never parsed.

Each sentence is fed to spaCy with its whitespace runs collapsed (the Markdown view blanks
markup with spaces), and every offset given here is an offset into the view text
(`doc.text`); the engine maps findings back to the original text as for any check.

Named entities cost a second network (the small pipeline's NER has its own embedding): they
are computed only for sentences whose caller asks for them (`entities=True`), on top of the
cached parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from auditor import timing
from auditor.analysis.parses import parse_all
from auditor.engines.feed import Fed, feed

if TYPE_CHECKING:
    from auditor.document import Document

__all__ = ["Analysis", "Chunk", "Entity", "SentenceAnalysis", "Token", "analysis_for", "nlp"]

_ATTR = "_auditor_analysis"  # where the Analysis is kept on its Document

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a sentence; `head` is the index of its head in the same sentence."""

    i: int
    start: int  # view offsets
    end: int
    text: str
    lower: str
    lemma: str
    pos: str  # universal part of speech (VERB, AUX, NOUN, ...)
    tag: str  # Penn Treebank tag (VBD, VBN, NNS, ...)
    morph: Mapping[str, str]  # every feature spaCy gives: Number, Person, Tense, VerbForm, ...
    dep: str
    head: int
    quoted: bool  # inside a direct quotation


@dataclass(frozen=True, slots=True)
class Chunk:
    """A base noun phrase: view offsets and the index of its root token."""

    start: int
    end: int
    root: int


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, DATE, ...


def nlp() -> Any:
    """The loaded spaCy pipeline (verified and loaded on first call)."""
    from auditor.analysis import model

    return model.load()


class SentenceAnalysis:
    """The analysis of one sentence; `spacy_doc` is spaCy's own Doc for matchers."""

    def __init__(self, doc: Document, index: int, fed: Fed, spacy_doc: Any) -> None:
        self.document = doc
        self.index = index
        self.start = doc.sentences[index].start
        self.end = doc.sentences[index].end
        self.fed = fed
        self.spacy_doc = spacy_doc
        self.has_entities = False

    def view_span(self, start_char: int, end_char: int) -> tuple[int, int]:
        """View offsets of a span of the text spaCy read."""
        return self.fed.start(start_char), self.fed.end(end_char)

    def token_span(self, first: int, last: int) -> tuple[int, int]:
        """View offsets covering tokens first..last (inclusive)."""
        a, b = self.spacy_doc[first], self.spacy_doc[last]
        return self.view_span(a.idx, b.idx + len(b.text))

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        out = []
        for t in self.spacy_doc:
            s, e = self.view_span(t.idx, t.idx + len(t.text))
            out.append(
                Token(
                    i=t.i,
                    start=s,
                    end=e,
                    text=t.text,
                    lower=t.lower_,
                    lemma=t.lemma_,
                    pos=t.pos_,
                    tag=t.tag_,
                    morph=t.morph.to_dict(),
                    dep=t.dep_,
                    head=t.head.i,
                    quoted=self.document.in_quote(s, e),
                )
            )
        return tuple(out)

    @cached_property
    def noun_chunks(self) -> tuple[Chunk, ...]:
        return tuple(
            Chunk(*self.token_span(c.start, c.end - 1), c.root.i)
            for c in self.spacy_doc.noun_chunks
        )

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Named entities (empty unless the sentence was analysed with entities=True)."""
        return tuple(
            Entity(*self.token_span(e.start, e.end - 1), e.label_) for e in self.spacy_doc.ents
        )

    @cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        """Direct quotations that overlap the sentence, in view offsets."""
        return tuple(
            (q.start, q.end)
            for q in self.document.quotes
            if q.start < self.end and q.end > self.start
        )


class Analysis:
    """The analysed sentences of one document, parsed on demand."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._done: dict[int, SentenceAnalysis] = {}
        self._tokenized: dict[int, tuple[Fed, Any]] = {}

    def __reduce__(self) -> tuple[type[Analysis], tuple[Document]]:
        # a pickled Document (a batch worker's result) carries no spaCy objects
        return (Analysis, (self.doc,))

    @property
    def parsed(self) -> int:
        """How many sentences have been parsed so far."""
        return len(self._done)

    def sentence(self, index: int, *, entities: bool = False) -> SentenceAnalysis:
        return self.sentences([index], entities=entities)[0]

    def sentences(
        self, indices: Iterable[int], *, entities: bool = False
    ) -> list[SentenceAnalysis]:
        """The analyses of the given sentences, in the order asked; new ones in one batch."""
        wanted = list(indices)
        todo = sorted({i for i in wanted if i not in self._done})
        if todo:
            with timing.shared("analysis.parse"):
                self._parse(todo)
        out = [self._done[i] for i in wanted]
        if entities:
            with timing.shared("analysis.entities"):
                self._add_entities([a for a in out if not a.has_entities])
        return out

    def _parse(self, todo: list[int]) -> None:
        pairs = [
            self._tokenized.pop(i) if i in self._tokenized else self._tokenize(i) for i in todo
        ]
        parsed = parse_all(
            [d for _, d in pairs],
            lambda docs: nlp().pipe(docs, disable=["ner"], batch_size=64),
        )
        for i, (fed, _), sdoc in zip(todo, pairs, parsed, strict=True):
            self._done[i] = SentenceAnalysis(self.doc, i, fed, sdoc)

    def tokenized(self, indices: Iterable[int]) -> list[Any]:
        """spaCy Docs with tokens only (no tagger, no parser): what a lexical prefilter
        reads. Kept, so that parsing the sentence later does not tokenize it again."""
        with timing.shared("analysis.parse"):
            return self._tokenized_docs(indices)

    def _tokenized_docs(self, indices: Iterable[int]) -> list[Any]:
        out = []
        for i in indices:
            if i in self._done:
                out.append(self._done[i].spacy_doc)
            else:
                if i not in self._tokenized:
                    self._tokenized[i] = self._tokenize(i)
                out.append(self._tokenized[i][1])
        return out

    def _tokenize(self, i: int) -> tuple[Fed, Any]:
        s = self.doc.sentences[i]
        fed = feed(self.doc.text, s.start, s.end)
        # spaCy cannot encode a lone surrogate (a broken input): U+FFFD keeps the offsets
        return fed, nlp().tokenizer(_SURROGATE.sub("\ufffd", fed.text))

    def _add_entities(self, missing: list[SentenceAnalysis]) -> None:
        if not missing:
            return
        ner = nlp().get_pipe("ner")
        # on copies: a parse is shared by every document with that sentence (parses.py),
        # and a sentence nobody asked entities of has none
        copies = (a.spacy_doc.copy() for a in missing)
        for a, sdoc in zip(missing, ner.pipe(copies), strict=True):
            a.spacy_doc = sdoc
            a.has_entities = True


def analysis_for(doc: Document) -> Analysis:
    """The document's analysis, made on first use and kept on the Document."""
    found = doc.__dict__.get(_ATTR)
    if isinstance(found, Analysis):
        return found
    made = Analysis(doc)
    doc.__dict__[_ATTR] = made
    return made
