"""Markdown and HTML to a checkable view, with offsets kept.

Markdown: the view is the original with everything that is not prose (block markers,
code, URLs, link targets, HTML, emphasis markers) replaced by spaces, so view offsets *are*
original offsets. HTML: tags are removed and entities decoded, so the view is shorter and an
OffsetMap carries offsets back.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

from auditor.document import Block, Comment, OffsetMap

_MD = MarkdownIt("commonmark")

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


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def markdown_view(text: str) -> tuple[str, list[Block], list[Comment]]:
    """The prose of a Markdown document, same length as the original."""
    line_starts = [0]
    line_starts.extend(m.end() for m in re.finditer("\n", text))
    line_starts.append(len(text) + 1)

    def line_span(i: int) -> tuple[int, int]:
        return line_starts[i], min(line_starts[i + 1] - 1, len(text))

    chars = [c if c == "\n" else " " for c in text]
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
                _blank(chars, *m.span())
        for m in _LINK.finditer(text, start, end):
            _blank(chars, *m.span(1))
            _blank(chars, *m.span(3))
        for rx in _INLINE_MASKS[5:]:
            for m in rx.finditer(text, start, end):
                if chars[m.start()] != " ":
                    _blank(chars, *m.span())
        blocks.append(Block(start, end, kind, list_id))
    comments = []
    for m in _COMMENT.finditer(text):
        _blank(chars, *m.span())
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


# -- HTML -------------------------------------------------------------------------------

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
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VOID_BREAK = {"br", "hr", "img", "wbr"}


def html_view(
    text: str,
) -> tuple[str, list[Block], list[Comment], OffsetMap, str | None]:
    """The prose of an HTML document, with a map back to the original offsets."""
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    blocks: list[Block] = []
    comments: list[Comment] = []
    vpos = 0
    open_tags: list[str] = []
    list_ids: list[int] = []
    next_list = 0
    block_start = 0
    title: str | None = None
    title_start: int | None = None

    def emit(s: str, o_start: int, o_len: int) -> None:
        nonlocal vpos
        if not s:
            return
        out.append(s)
        pieces.append((vpos, len(s), o_start, o_len))
        vpos += len(s)

    def current_kind() -> tuple[str, int | None]:
        for t in reversed(open_tags):
            if t in _HEADINGS:
                return "heading", None
            if t == "li":
                return "bullet", list_ids[-1] if list_ids else None
            if t == "blockquote":
                return "blockquote", None
        return "paragraph", None

    def close_block() -> None:
        nonlocal block_start
        view = "".join(out)
        s, e = block_start, vpos
        while s < e and view[s].isspace():
            s += 1
        while e > s and view[e - 1].isspace():
            e -= 1
        if e > s and "title" not in open_tags and "head" not in open_tags[-1:]:
            kind, list_id = current_kind()
            blocks.append(Block(s, e, kind, list_id))
        block_start = vpos

    pos = 0
    for m in _HTML_TOKEN.finditer(text):
        if m.start() > pos:
            emit(text[pos : m.start()], pos, m.start() - pos)
        pos = m.end()
        if m.group("entity"):
            decoded = html.unescape(m.group("entity"))
            emit(decoded, m.start(), len(m.group(0)))
            continue
        if m.group("comment") is not None:
            comments.append(Comment(vpos, vpos, m.group("comment").strip()))
            continue
        tag = (m.group("tag") or "").lower()
        if not tag:
            continue
        if tag in _BLOCK_TAGS:
            close_block()
            emit("\n\n", m.start(), len(m.group(0)))
            block_start = vpos
            if m.group("close"):
                if tag in ("ul", "ol") and list_ids:
                    list_ids.pop()
                if tag in open_tags:
                    while open_tags and open_tags.pop() != tag:
                        pass
                if tag == "title" and title_start is not None:
                    title = "".join(out)[title_start:vpos].strip() or None
            elif not m.group(0).endswith("/>"):
                if tag in ("ul", "ol"):
                    next_list += 1
                    list_ids.append(next_list)
                if tag == "title":
                    title_start = vpos
                if tag not in ("hr",):
                    open_tags.append(tag)
        elif tag in _VOID_BREAK:
            emit(" ", m.start(), len(m.group(0)))
    if pos < len(text):
        emit(text[pos:], pos, len(text) - pos)
    close_block()
    if not pieces:
        pieces.append((0, 0, 0, 0))
    view = "".join(out)
    if title:
        title = re.sub(r"\s+", " ", title)
    return view, blocks, comments, OffsetMap(pieces), title
