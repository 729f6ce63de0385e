"""Markdown to a checkable view: markup replaced by spaces, so offsets need no map.

markdown-it finds the blocks; inline markup is blanked by patterns. Each pattern that
scans for a terminator is run as a remembered search (or read from run lengths), because
a regex rescans the rest of the block for every unterminated opener: quadratic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from auditor.document import Block, Comment
from auditor.markup_html import NextMatch, html_comments, strip_span

# Only block tokens are read, so inline parsing (most of markdown-it's time) is off.
_MD = MarkdownIt("commonmark").disable(["inline", "text_join"])

_NEWLINE = re.compile(r"\r\n?|\n")  # markdown-it's line breaks, so its line numbers fit
_NOT_BREAK = re.compile(r"[^\r\n]|\r(?=\n)")  # blanked: all but "\n" and a lone "\r"
_LINE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")
# "\r?$": a "\r\n" line keeps its "\r" (below), which must not hide the end of the line
_HEADING_MARK = re.compile(r"#{1,6}(?:[ \t]+|\r?$)")
_SETEXT = re.compile(r"[ \t]*(?:=+|-+)[ \t]*\r?$")
_TICKS = re.compile(r"`+")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\]]*[^\s<>()\].,;:!?'\"]")
_AUTOLINK_HEAD = re.compile(r"<https?://")
_HTML_HEAD = re.compile(r"</?[A-Za-z]")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!])")
_EMPHASIS = re.compile(r"\*+|~~|(?<![^\W_])_+|_+(?![^\W_])")


def _find_all(
    text: str, start: int, end: int, opener: str, match_at: Callable[[int], int]
) -> Iterator[tuple[int, int]]:
    """Spans as re.finditer gives them: try each opener, resume after a match."""
    pos = start
    while (p := text.find(opener, pos, end)) >= 0:
        e = match_at(p)
        if e < 0:
            pos = p + 1
        else:
            yield p, e
            pos = e


def _blocks(tokens: list[Token]) -> Iterator[tuple[list[int], str, int | None, bool]]:
    """(line map, kind, list id, opens a list item) of each paragraph and heading."""
    open_types: list[str] = []
    depth: Counter[str] = Counter()  # open tokens by type, so the stack is never searched
    list_ids: list[int] = []
    next_list = 0
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            next_list += 1
            list_ids.append(next_list)
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_ids.pop()
        if tok.nesting == 1:
            open_types.append(tok.type)
            depth[tok.type] += 1
        elif tok.nesting == -1 and open_types:
            depth[open_types.pop()] -= 1
        if tok.type not in ("paragraph_open", "heading_open") or tok.map is None:
            continue
        if tok.type == "heading_open":
            yield tok.map, "heading", None, False
        elif depth["list_item_open"]:
            in_item = i > 0 and tokens[i - 1].type == "list_item_open"
            yield tok.map, "bullet", list_ids[-1] if list_ids else None, in_item
        else:
            yield tok.map, "blockquote" if depth["blockquote_open"] else "paragraph", None, False


def _heading_end(text: str, p: int, e: int) -> int:
    """Where a closing `[ \\t]+#+[ \\t]*$` starts in text[p:e], else e.

    Read back from the end: searching for it from every space is quadratic in a long line.
    """
    i = e - 1 if e > p and text[e - 1] == "\r" else e  # the "\r" of a "\r\n"
    while i > p and text[i - 1] in " \t":
        i -= 1
    hashes = i
    while i > p and text[i - 1] == "#":
        i -= 1
    if i in (hashes, p) or text[i - 1] not in " \t":
        return e
    while i > p and text[i - 1] in " \t":
        i -= 1
    return i


def _copy_lines(
    text: str, chars: list[str], starts: list[int], lines: list[int], kind: str, in_item: bool
) -> tuple[int, int]:
    """Copy a block's lines into the view without quote, list and heading markers."""

    def span(ln: int) -> tuple[int, int]:  # a "\r\n" line keeps its "\r", as it always has
        return starts[ln], min(starts[ln + 1] - 1, len(text))

    first, last = lines
    if kind == "heading" and last - first == 2 and _SETEXT.match(text, *span(last - 1)):
        last -= 1
    start = end = -1
    for ln in range(first, last):
        s, e = span(ln)
        p = _LINE_PREFIX.match(text, s, e).end()  # type: ignore[union-attr]
        if ln == first and in_item:
            m = _LIST_MARKER.match(text, p, e)
            p = m.end() if m else p
        if ln == first and kind == "heading" and (m := _HEADING_MARK.match(text, p, e)):
            p = m.end()
            e = _heading_end(text, p, e)
        chars[p:e] = text[p:e]
        start = p if start < 0 else start
        end = e
    return start, end


def _code_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans of `(`+).*?\\1`, read from the lengths of the backtick runs.

    A run of n backticks closes at the next n backticks, or failing that with fewer, down
    to half the run (which closes itself). The regex retried each shorter run against the
    whole rest of the block: quadratic in a long run.
    """
    runs = [m.span() for m in _TICKS.finditer(text, start, end)]
    longest_after = [0] * (len(runs) + 1)
    for i in range(len(runs) - 1, -1, -1):
        longest_after[i] = max(longest_after[i + 1], runs[i][1] - runs[i][0])
    i, pos = 0, start
    while i < len(runs):
        p = max(runs[i][0], pos)
        n = runs[i][1] - p
        later = longest_after[i + 1]
        g = n if later >= n else max(later, n // 2)  # the longest opening that closes
        if g <= 0:
            i += 1
        elif 2 * g <= n:
            yield p, p + 2 * g
            pos = p + 2 * g
        else:
            i += 1
            while runs[i][1] - runs[i][0] < g:
                i += 1
            yield p, runs[i][0] + g
            pos = runs[i][0] + g


def _masked_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Code, images, autolinks, inline HTML and bare URLs in text[start:end]."""
    yield from _code_spans(text, start, end)
    bracket, paren = NextMatch(r"\]", text, end), NextMatch(r"\)", text, end)

    def image_at(p: int) -> int:  # !\[[^\]]*\]\([^)]*\)
        q = bracket.at(p + 2)
        r = paren.at(q + 2) if q >= 0 and text.startswith("(", q + 1, end) else -1
        return r + 1 if r >= 0 else -1

    yield from _find_all(text, start, end, "![", image_at)
    gt, user_end, host_end = (NextMatch(rx, text, end) for rx in (">", r"[>@\s]", r"[>\s]"))

    def autolink_at(p: int) -> int:  # <https?://[^>]*>|<[^>@\s]+@[^>\s]+>
        m = _AUTOLINK_HEAD.match(text, p, end)
        if m and (r := gt.at(m.end())) >= 0:
            return r + 1
        r1 = user_end.at(p + 1)
        r2 = host_end.at(r1 + 1) if r1 > p + 1 and text[r1] == "@" else -1
        return r2 + 1 if r2 > r1 + 1 and text[r2] == ">" else -1

    yield from _find_all(text, start, end, "<", autolink_at)
    tag_gt = NextMatch(">", text, end)

    def html_at(p: int) -> int:  # </?[A-Za-z][^>]*>
        m = _HTML_HEAD.match(text, p, end)
        r = tag_gt.at(m.end()) if m else -1
        return r + 1 if r >= 0 else -1

    yield from _find_all(text, start, end, "<", html_at)
    yield from (m.span() for m in _URL.finditer(text, start, end))


def _links(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(open, close, end) of each `\\[[^\\]\\n]*(\\]\\([^)\\n]*\\)|\\]\\[[^\\]\\n]*\\])`."""
    stops = (r"[\]\r\n]", r"[)\r\n]", r"[\]\r\n]")  # a lone "\r" ends a line too
    close, paren, ref = (NextMatch(rx, text, end) for rx in stops)

    def link_at(p: int) -> int:
        q = close.at(p + 1)
        if q < 0 or text[q] != "]":
            return -1
        if text.startswith("(", q + 1, end):
            r = paren.at(q + 2)
            return r + 1 if r >= 0 and text[r] == ")" else -1
        if text.startswith("[", q + 1, end):
            r = ref.at(q + 2)
            return r + 1 if r >= 0 and text[r] == "]" else -1
        return -1

    for p, e in _find_all(text, start, end, "[", link_at):
        yield p, close.at(p + 1), e


def _mask_inline(text: str, chars: list[str], blank: str, start: int, end: int) -> None:
    """Blank inline markup in a block: code, link targets, HTML, URLs, escapes, emphasis."""
    for s, e in _masked_spans(text, start, end):
        chars[s:e] = blank[s:e]
    for p, q, e in _links(text, start, end):  # the text of a link stays
        chars[p] = blank[p]
        chars[q:e] = blank[q:e]
    for rx in (_ESCAPE, _EMPHASIS):  # those inside blanked markup were blanked with it
        for m in rx.finditer(text, start, end):
            if chars[m.start()] != " ":
                chars[m.start() : m.end()] = blank[m.start() : m.end()]


def markdown_view(text: str) -> tuple[str, list[Block], list[Comment]]:
    """The prose of a Markdown document, same length as the original."""
    # lines as markdown-it counts them ("\r\n", "\r" or "\n"), then a sentinel past the end
    starts = [0, *(m.end() for m in _NEWLINE.finditer(text)), len(text) + 1]
    blank = _NOT_BREAK.sub(" ", text)  # blanking keeps line breaks
    chars = list(blank)
    blocks: list[Block] = []
    for lines, kind, list_id, in_item in _blocks(_MD.parse(text)):
        start, end = _copy_lines(text, chars, starts, lines, kind, in_item)
        if start >= 0:
            _mask_inline(text, chars, blank, start, end)
            blocks.append(Block(start, end, kind, list_id))
    comments = []
    for s, e, body in html_comments(text):
        chars[s:e] = blank[s:e]
        comments.append(Comment(s, e, body.strip()))
    view = "".join(chars)
    # drop blocks left with no prose (an image alone, a comment alone), trim the rest
    kept = []
    for b in blocks:
        s, e = strip_span(view[b.start : b.end], b.start)
        if e > s:
            kept.append(Block(s, e, b.kind, b.list_id))
    return view, kept, comments
