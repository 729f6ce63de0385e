"""HTML to a checkable view: tags removed, entities decoded, an OffsetMap back."""

from __future__ import annotations

import html
import re
from collections import Counter

from auditor.document import Block, Comment, OffsetMap


def strip_span(seg: str, offset: int) -> tuple[int, int]:
    """The span of seg (found at offset) without leading and trailing whitespace."""
    return offset + len(seg) - len(seg.lstrip()), offset + len(seg.rstrip())


_HTML_TOKEN = re.compile(
    r"<!--(?P<comment>.*?)-->"
    r"|<(?P<skip>script|style|noscript|template|pre|code|textarea|svg)\b.*?</(?P=skip)\s*>"
    r"|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?.*?\?>"
    r"|<(?P<close>/)?(?P<tag>[A-Za-z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
    r"|(?P<entity>&(?:\#\d{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)",
    re.S | re.I,
)
_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "tr",
    "figcaption", "caption", "dt", "dd", "section", "article", "header", "footer", "ul", "ol",
    "table", "main", "aside", "nav", "title", "body", "head", "html", "hr", "figure", "form",
}  # fmt: skip
_KIND_OF_TAG = {"li": "bullet", "blockquote": "blockquote"} | dict.fromkeys(
    ("h1", "h2", "h3", "h4", "h5", "h6"), "heading"
)
_VOID_BREAK = {"br", "hr", "img", "wbr"}


class _View:
    """The view being built: text pieces and their map, blocks, open block tags.

    Every lookup is O(1) so that deep nesting stays linear: tags are counted rather than
    searched for on the stack, each open tag carries the block kind its innermost
    h1-h6/li/blockquote gives, and a block's text is joined once, not the whole view.
    """

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pieces: list[tuple[int, int, int, int]] = []
        self.blocks: list[Block] = []
        self.vpos = 0
        self.open_tags: list[str] = []
        self.open_count: Counter[str] = Counter()
        self.kinds: list[str] = []
        self.list_ids: list[int] = []
        self.next_list = 0
        self.block_start = 0  # view offset and index into out of the current block
        self.block_piece = 0
        self.title_start: int | None = None
        self.title_span: tuple[int, int] | None = None

    def emit(self, s: str, o_start: int, o_len: int) -> None:
        if s:
            self.out.append(s)
            self.pieces.append((self.vpos, len(s), o_start, o_len))
            self.vpos += len(s)

    def close_block(self) -> None:
        s, e = strip_span("".join(self.out[self.block_piece :]), self.block_start)
        if e > s and not self.open_count["title"] and self.open_tags[-1:] != ["head"]:
            kind = self.kinds[-1] if self.kinds else "paragraph"
            list_id = self.list_ids[-1] if kind == "bullet" and self.list_ids else None
            self.blocks.append(Block(s, e, kind, list_id))
        self.block_start, self.block_piece = self.vpos, len(self.out)

    def block_tag(self, tag: str, closing: bool, self_closing: bool, start: int, end: int) -> None:
        """A block tag ends the current block and stands in the view as a blank line."""
        self.close_block()
        self.emit("\n\n", start, end - start)
        self.block_start, self.block_piece = self.vpos, len(self.out)
        if closing:
            if tag in ("ul", "ol") and self.list_ids:
                self.list_ids.pop()
            while self.open_count[tag]:  # close it and whatever was left open inside it
                self.kinds.pop()
                self.open_count[top := self.open_tags.pop()] -= 1
                if top == tag:
                    break
            if tag == "title" and self.title_start is not None:
                self.title_span = (self.title_start, self.vpos)
        elif not self_closing:
            if tag in ("ul", "ol"):
                self.next_list += 1
                self.list_ids.append(self.next_list)
            if tag == "title":
                self.title_start = self.vpos
            if tag != "hr":
                self.open_tags.append(tag)
                self.open_count[tag] += 1
                inherited = self.kinds[-1] if self.kinds else "paragraph"
                self.kinds.append(_KIND_OF_TAG.get(tag, inherited))

    def title(self, view: str) -> str | None:
        """The text of the last <title> closed, on one line."""
        title = view[slice(*self.title_span)].strip() if self.title_span else ""
        return re.sub(r"\s+", " ", title) if title else None


def html_view(
    text: str,
) -> tuple[str, list[Block], list[Comment], OffsetMap, str | None]:
    """The prose of an HTML document, with a map back to the original offsets."""
    v = _View()
    comments: list[Comment] = []
    pos = 0
    for m in _HTML_TOKEN.finditer(text):
        if m.start() > pos:
            v.emit(text[pos : m.start()], pos, m.start() - pos)
        pos = m.end()
        tag = (m.group("tag") or "").lower()
        if m.group("entity"):
            v.emit(html.unescape(m.group("entity")), m.start(), len(m.group(0)))
        elif m.group("comment") is not None:
            comments.append(Comment(v.vpos, v.vpos, m.group("comment").strip()))
        elif tag in _BLOCK_TAGS:
            v.block_tag(tag, bool(m.group("close")), m.group(0).endswith("/>"), *m.span())
        elif tag in _VOID_BREAK:
            v.emit(" ", m.start(), len(m.group(0)))
    if pos < len(text):
        v.emit(text[pos:], pos, len(text) - pos)
    v.close_block()
    view = "".join(v.out)
    return view, v.blocks, comments, OffsetMap(v.pieces or [(0, 0, 0, 0)]), v.title(view)
