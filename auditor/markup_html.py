"""HTML to a checkable view: tags removed, entities decoded, an OffsetMap back."""

from __future__ import annotations

import html
import re

from auditor.document import Block, Comment, OffsetMap

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
