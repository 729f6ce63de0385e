"""Markdown to a checkable view: markup replaced by spaces, so offsets need no map."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from auditor.document import Block, Comment

_MD = MarkdownIt("commonmark")

_NEWLINE = re.compile(r"\r\n?|\n")  # markdown-it's line breaks, so its line numbers fit
_NOT_BREAK = re.compile(r"[^\r\n]|\r(?=\n)")  # blanked: all but "\n" and a lone "\r"
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_LINE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")
_HEADING_MARK = re.compile(r"#{1,6}(?:[ \t]+|$)")
_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"[ \t]*(?:=+|-+)[ \t]*$")
_INLINE_MASKS = [
    re.compile(r"(`+).*?\1", re.S),  # inline code
    re.compile(r"!\[[^\]]*\]\([^)]*\)"),  # images
    re.compile(r"<https?://[^>]*>|<[^>@\s]+@[^>\s]+>"),  # autolinks
    re.compile(r"</?[A-Za-z][^>]*>"),  # inline HTML
    re.compile(r"\b(?:https?://|www\.)[^\s<>()\]]*[^\s<>()\].,;:!?'\"]"),  # bare URLs
    re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!])"),  # backslash escapes
    re.compile(r"\*+|~~|(?<![^\W_])_+|_+(?![^\W_])"),  # emphasis markers
]
_LINK = re.compile(r"(\[)([^\]\n]*)(\]\([^)\n]*\)|\]\[[^\]\n]*\])")


def _blank(chars: list[str], blank: str, start: int, end: int) -> None:
    chars[start:end] = blank[start:end]


def markdown_view(text: str) -> tuple[str, list[Block], list[Comment]]:
    """The prose of a Markdown document, same length as the original."""
    # lines as markdown-it counts them ("\r\n", "\r" or "\n"), then a sentinel past the end
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text)), len(text) + 1]

    def line_span(i: int) -> tuple[int, int]:  # a "\r\n" line keeps its "\r", as it always has
        return line_starts[i], min(line_starts[i + 1] - 1, len(text))

    blank = _NOT_BREAK.sub(" ", text)  # blanking keeps line breaks
    chars = list(blank)
    blocks: list[Block] = []
    stack: list[str] = []
    list_ids: list[int] = []
    next_list = 0
    tokens = _MD.parse(text)
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            next_list += 1
            list_ids.append(next_list)
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_ids.pop()
        if tok.nesting == 1:
            stack.append(tok.type)
        elif tok.nesting == -1 and stack:
            stack.pop()
        if tok.type not in ("paragraph_open", "heading_open") or tok.map is None:
            continue
        first, last = tok.map
        if tok.type == "heading_open":
            kind, list_id = "heading", None
            if last - first == 2 and _SETEXT.match(text, *line_span(last - 1)):
                last -= 1
        elif "list_item_open" in stack:
            kind, list_id = "bullet", list_ids[-1] if list_ids else None
        elif "blockquote_open" in stack:
            kind, list_id = "blockquote", None
        else:
            kind, list_id = "paragraph", None
        in_item = kind == "bullet" and i > 0 and tokens[i - 1].type == "list_item_open"
        start = end = -1
        for ln in range(first, last):
            s, e = line_span(ln)
            p = _LINE_PREFIX.match(text, s, e).end()  # type: ignore[union-attr]
            if ln == first and in_item:
                m = _LIST_MARKER.match(text, p, e)
                p = m.end() if m else p
            if ln == first and kind == "heading":
                m = _HEADING_MARK.match(text, p, e)
                if m:
                    p = m.end()
                    t = _HEADING_TAIL.search(text, p, e)
                    e = t.start() if t else e
            chars[p:e] = text[p:e]
            if start < 0:
                start = p
            end = e
        if start < 0:
            continue
        for rx in _INLINE_MASKS[:5]:
            for m in rx.finditer(text, start, end):
                _blank(chars, blank, *m.span())
        for m in _LINK.finditer(text, start, end):
            _blank(chars, blank, *m.span(1))
            _blank(chars, blank, *m.span(3))
        for rx in _INLINE_MASKS[5:]:
            for m in rx.finditer(text, start, end):
                if chars[m.start()] != " ":
                    _blank(chars, blank, *m.span())
        blocks.append(Block(start, end, kind, list_id))
    comments = []
    for m in _COMMENT.finditer(text):
        _blank(chars, blank, *m.span())
        comments.append(Comment(m.start(), m.end(), m.group(1).strip()))
    view = "".join(chars)
    # drop blocks left with no prose (an image alone, a comment alone), trim the rest
    kept = []
    for b in blocks:
        s, e = b.start, b.end
        while s < e and view[s].isspace():
            s += 1
        while e > s and view[e - 1].isspace():
            e -= 1
        if e > s:
            kept.append(Block(s, e, b.kind, b.list_id))
    return view, kept, comments
