"""The Document: an article's original text plus the spans the checks work on.

Loaders turn a file into a *view* (the text the checks read, with markup blanked out or
removed) and a map from view offsets back to the original text. For plain text the view is
the original; for Markdown it is the original with markup replaced by spaces (same length);
for HTML it is shorter (tags removed, entities decoded) and the map does the work. Findings
always leave the engine with offsets into the original text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from auditor.segment import find_quotes, split_sentences

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading, bullet or block quote, as a span of the view text."""

    start: int
    end: int
    kind: str  # "paragraph" | "heading" | "bullet" | "blockquote"
    list_id: int | None = None  # bullets of one list share an id


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: int  # index into Document.blocks


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment in Markdown or HTML (or a comment line in plain text).

    Kept so that inline suppressions can be read; its text is never checked.
    """

    start: int  # view offsets
    end: int
    body: str


class OffsetMap:
    """Maps view offsets to original offsets, piece by piece.

    Each piece is (view_start, view_len, orig_start, orig_len). A literal piece copies
    text (view_len == orig_len); any other piece (a decoded entity, a separator standing
    for a tag) maps as a whole onto its original span.
    """

    __slots__ = ("_pieces", "_starts")

    def __init__(self, pieces: list[tuple[int, int, int, int]]) -> None:
        self._pieces = pieces
        self._starts = [p[0] for p in pieces]

    def _piece(self, pos: int) -> tuple[int, int, int, int]:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._pieces[max(i, 0)]

    def start(self, pos: int) -> int:
        vs, vl, os_, ol = self._piece(pos)
        if vl == ol:
            return os_ + min(pos - vs, ol)
        return os_

    def end(self, pos: int) -> int:
        if pos <= 0:
            return self.start(0)
        vs, vl, os_, ol = self._piece(pos - 1)
        if vl == ol:
            return os_ + min(pos - vs, ol)
        return os_ + ol


@dataclass
class Document:
    """One article: original text, the view the checks read, and its spans."""

    path: str
    original: str
    text: str
    blocks: list[Block]
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Span] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    offset_map: OffsetMap | None = None
    title: str | None = None
    fmt: str = "txt"
    warnings: list[str] = field(default_factory=list)
    record_line: int | None = None  # for a JSONL record: its line in the file

    # -- construction -------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        path: str,
        original: str,
        text: str,
        blocks: list[Block],
        *,
        offset_map: OffsetMap | None = None,
        comments: list[Comment] | None = None,
        fmt: str = "txt",
        title: str | None = None,
    ) -> Document:
        """Split blocks into sentences and find direct quotations."""
        sentences: list[Sentence] = []
        quotes: list[Span] = []
        for i, block in enumerate(blocks):
            for s, e in split_sentences(text, block.start, block.end):
                sentences.append(Sentence(s, e, i))
            quotes.extend(Span(s, e) for s, e in find_quotes(text, block.start, block.end))
        return cls(
            path=path,
            original=original,
            text=text,
            blocks=blocks,
            sentences=sentences,
            quotes=quotes,
            comments=comments or [],
            offset_map=offset_map,
            fmt=fmt,
            title=title,
        )

    # -- derived ------------------------------------------------------------------------

    @cached_property
    def words(self) -> int:
        return sum(len(WORD_RE.findall(self.text, b.start, b.end)) for b in self.blocks)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.original))
        return starts

    # -- queries ------------------------------------------------------------------------

    def sentence_index(self, start: int, end: int | None = None) -> int | None:
        """The index of the sentence that holds [start, end), or None."""
        end = start if end is None else end
        i = bisect.bisect_right(self._sentence_starts, start) - 1
        if i < 0:
            return None
        s = self.sentences[i]
        if s.start <= start and end <= s.end:
            return i
        return None

    def in_quote(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a direct quotation."""
        i = bisect.bisect_right(self._quote_starts, start) - 1
        return i >= 0 and self.quotes[i].start <= start and end <= self.quotes[i].end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.offset_map is None:
            return start, end
        return self.offset_map.start(start), self.offset_map.end(end)

    def line_col(self, orig_offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an original offset."""
        i = bisect.bisect_right(self._line_starts, orig_offset) - 1
        return i + 1, orig_offset - self._line_starts[i] + 1

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start : s.end]
