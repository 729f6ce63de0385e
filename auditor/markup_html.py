"""HTML to a checkable view: tags removed, entities decoded, an OffsetMap back.

Tokens are what one regex (comment | skipped element | CDATA | declaration | processing
instruction | tag | entity) used to match, but each terminator is now looked up with a
remembered search: the regex rescanned the rest of the file for every unterminated opener,
which is quadratic. The Markdown reader shares the scanning helpers.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator

from auditor.document import Block, Comment, OffsetMap


class NextMatch:
    """The first match of a pattern at or after a position, remembered.

    Openers that share one terminator (or all lack one) would each rescan the same text;
    asking again from a position no later than the remembered match reuses it, so asking
    from increasing positions costs one pass over the text in all.
    """

    __slots__ = ("_end", "_from", "_m", "_rx", "_text")

    def __init__(self, pattern: str, text: str, end: int | None = None) -> None:
        self._rx = re.compile(pattern)
        self._text = text
        self._end = len(text) if end is None else end
        self._from = self._end + 1
        self._m: re.Match[str] | None = None

    def match(self, pos: int) -> re.Match[str] | None:
        """The first match at or after pos (and before the end), or None."""
        if not (self._from <= pos and (self._m is None or pos <= self._m.start())):
            self._from, self._m = pos, self._rx.search(self._text, pos, self._end)
        return self._m

    def at(self, pos: int) -> int:
        """Where the first match at or after pos starts, or -1."""
        m = self.match(pos)
        return m.start() if m else -1


def html_comments(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, body) of each `<!--(.*?)-->`: the Markdown reader's comments."""
    close = NextMatch("-->", text)
    pos = 0
    while (p := text.find("<!--", pos)) >= 0:
        m = close.match(p + 4)
        if m is None:
            pos = p + 1
        else:
            yield p, m.end(), text[p + 4 : m.start()]
            pos = m.end()


def strip_span(seg: str, offset: int) -> tuple[int, int]:
    """The span of seg (found at offset) without leading and trailing whitespace."""
    return offset + len(seg) - len(seg.lstrip()), offset + len(seg.rstrip())


_MARKUP_START = re.compile(r"[<&]")
_ENTITY = re.compile(
    r"&(?:\#\d{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?", re.S | re.I
)
_SKIP_OPEN = re.compile(r"<(script|style|noscript|template|pre|code|textarea|svg)\b", re.S | re.I)
_CDATA_OPEN = re.compile(r"<!\[CDATA\[", re.I)
_TAG_HEAD = re.compile(r"<(/)?([A-Za-z][\w:-]*)", re.S | re.I)
_TAG_STOP = re.compile(r"[>\"']")
# What a case-insensitive back-reference to a skipped element's name accepts for each
# letter (the same simple lower case): the letter's two ASCII cases, except these.
_SAME_CASE = {"i": "iIİ", "I": "iIİ", "İ": "iIİ", "ı": "ı", "ſ": "ſ"}
_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "tr",
    "figcaption", "caption", "dt", "dd", "section", "article", "header", "footer", "ul", "ol",
    "table", "main", "aside", "nav", "title", "body", "head", "html", "hr", "figure", "form",
}  # fmt: skip
_KIND_OF_TAG = {"li": "bullet", "blockquote": "blockquote"} | dict.fromkeys(
    ("h1", "h2", "h3", "h4", "h5", "h6"), "heading"
)
_VOID_BREAK = {"br", "hr", "img", "wbr"}


class _Scanner:
    """The markup token at a '<': comment, skipped element (script, style, pre ...),
    CDATA, declaration, processing instruction or tag, tried in that order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = {k: NextMatch(rx, text) for k, rx in (("--", "-->"), ("]]", r"\]\]>"),
                                                          ("!", ">"), ("?", r"\?>"))}  # fmt: skip
        self.tag_stop = NextMatch(_TAG_STOP.pattern, text)
        self.skip_close: dict[str, NextMatch] = {}
        self.tag_end_after: dict[int, int] = {}  # quote outside quotes -> the tag's '>'

    def at(self, j: int) -> tuple[int, str, str] | None:
        """(end, kind, value) of the token at j, or None; kind is comment/open/close/other."""
        t = self.text
        if t.startswith("<!--", j) and (m := self.ends["--"].match(j + 4)):
            return m.end(), "comment", t[j + 4 : m.start()]
        if (m := _SKIP_OPEN.match(t, j)) and (e := self._skip_end(m.group(1), m.end())) >= 0:
            return e, "other", ""
        if _CDATA_OPEN.match(t, j) and (m := self.ends["]]"].match(j + 9)):
            return m.end(), "other", ""
        for opener in ("!", "?"):
            if t.startswith("<" + opener, j) and (m := self.ends[opener].match(j + 2)):
                return m.end(), "other", ""
        if (m := _TAG_HEAD.match(t, j)) and (r := self._tag_end(m.end())) >= 0:
            return r + 1, "close" if m.group(1) else "open", m.group(2).lower()
        return None

    def _skip_end(self, name: str, pos: int) -> int:
        """End of the first `</name\\s*>` at or after pos, or -1."""
        cls = "".join(f"[{_SAME_CASE.get(c, c.lower() + c.upper())}]" for c in name)
        if cls not in self.skip_close:
            self.skip_close[cls] = NextMatch(rf"</{cls}\s*>", self.text)
        m = self.skip_close[cls].match(pos)
        return m.end() if m else -1

    def _tag_end(self, pos: int) -> int:
        """Where `(?:[^>"']|"[^"]*"|'[^']*')*>` from pos puts its '>', or -1.

        Outside quotes the first '>' ends the tag and an unclosed quote fails it. Each quote
        met outside quotes remembers the outcome, so tags that share a tail (all of them
        in a file of unclosed tags) follow it once.
        """
        t, known = self.text, self.tag_end_after
        j = self.tag_stop.at(pos)
        path = []
        while j >= 0 and t[j] != ">" and j not in known:
            path.append(j)
            k = t.find(t[j], j + 1)
            m = _TAG_STOP.search(t, k + 1) if k >= 0 else None
            j = m.start() if m else -1
        end = j if j < 0 or t[j] == ">" else known[j]
        known.update(dict.fromkeys(path, end))
        return end


def _tokens(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, kind, value) of each entity, comment, tag or skipped span, in order."""
    scan = _Scanner(text)
    pos = 0
    while m := _MARKUP_START.search(text, pos):
        j = m.start()
        if text[j] == "&":
            e = _ENTITY.match(text, j)
            tok = (e.end(), "entity", html.unescape(e.group())) if e else None
        else:
            tok = scan.at(j)
        if tok is None:
            pos = j + 1
        else:
            yield j, *tok
            pos = tok[0]


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
    for start, end, kind, value in _tokens(text):
        if start > pos:
            v.emit(text[pos:start], pos, start - pos)
        pos = end
        if kind == "entity":
            v.emit(value, start, end - start)
        elif kind == "comment":
            comments.append(Comment(v.vpos, v.vpos, value.strip()))
        elif kind != "other" and value in _BLOCK_TAGS:
            v.block_tag(value, kind == "close", text.startswith("/>", end - 2), start, end)
        elif kind != "other" and value in _VOID_BREAK:
            v.emit(" ", start, end - start)
    if pos < len(text):
        v.emit(text[pos:], pos, len(text) - pos)
    v.close_block()
    view = "".join(v.out)
    return view, v.blocks, comments, OffsetMap(v.pieces or [(0, 0, 0, 0)]), v.title(view)
