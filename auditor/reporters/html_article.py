"""The article pane of the HTML report: the document drawn as it reads, findings in place.

- Markdown is rendered (headings, paragraphs, lists, emphasis; links and images as text):
  each cut is written into the source as a placeholder before rendering, then the
  placeholders become marks (see html_marks). A cut is first moved onto a place where a
  placeholder cannot change the parse: next to a character of prose (not markup, not
  inside an entity, not right after a backslash).
- HTML pages show their text (the view the checks read, block by block), never their markup.
- Plain text (and records) show their paragraphs, headline, bullets and comment lines.

Raw HTML in Markdown is never passed through: the renderer escapes it as text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt

from auditor.document import Document
from auditor.findings import Finding
from auditor.reporters.html_marks import (
    Cuts,
    Marker,
    Placeholders,
    esc,
    snapper,
    weave_html,
    weave_text,
)

Segment = tuple[int, int, str, int | None]  # start, end, kind, list id
_TAGS = {"heading": "h3", "paragraph": "p", "bullet": "li", "comment": 'p class="comment"'}
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _link_open(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    return f'<span class="link" title="{esc(tokens[idx].attrGet("href") or "")}">'


def _image(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    alt = self.renderInlineAsText(tokens[idx].children or [], options, env)
    return f'<span class="image">[image: {esc(alt)}]</span>'


def _raw(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    return esc(tokens[idx].content)


_MD = MarkdownIt("commonmark", {"html": False})
_MD.add_render_rule("link_open", _link_open)
_MD.add_render_rule("link_close", lambda *_: "</span>")
_MD.add_render_rule("image", _image)
_MD.add_render_rule("html_block", _raw)
_MD.add_render_rule("html_inline", _raw)


def article_html(di: int, text: str, findings: list[Finding]) -> tuple[str, dict[int, int]]:
    """A text, escaped, with every finding highlighted in place (overlaps allowed).

    Also returns, for each finding, the first highlight piece it covers (for links)."""
    n = len(text)
    spans = [(max(0, min(f.start, n)), max(0, min(f.end, n))) for f in findings]
    m = Marker(di, findings)
    return weave_text(m, Cuts.of(spans), text, 0, n), m.first_seg


def article(di: int, doc: Document, findings: list[Finding]) -> tuple[str, dict[int, int]]:
    """The article pane's HTML, and each finding's first highlight piece."""
    if doc.fmt == "md" and len(doc.text) == len(doc.original):
        return markdown_article(di, doc.original, doc.text, findings)
    if doc.fmt == "html":
        segments = [(b.start, b.end, b.kind, b.list_id) for b in doc.blocks]
        return blocks_article(di, doc.text, segments, _view_spans(doc, findings), findings)
    segments = [(b.start, b.end, b.kind, b.list_id) for b in doc.blocks]
    segments += [(c.start, c.end, "comment", None) for c in doc.comments if c.end > c.start]
    spans = [(f.start, f.end) for f in findings]
    return blocks_article(di, doc.original, sorted(segments), spans, findings)


def _view_spans(doc: Document, findings: list[Finding]) -> list[tuple[int, int]]:
    """Findings' original offsets mapped back onto the view (the page's text)."""
    omap = doc.offset_map
    n = len(doc.text)
    if omap is None:
        return [(min(f.start, n), min(f.end, n)) for f in findings]
    idx = range(n + 1)
    out = []
    for f in findings:
        s = bisect.bisect_left(idx, f.start, key=omap.start)
        e = bisect.bisect_right(idx, f.end, key=omap.end) - 1
        s = min(s, n)
        out.append((s, max(s, min(e, n))))
    return out


def _snap_spans(spans: Sequence[tuple[int, int]], snap: Callable[[int], int],
                n: int) -> list[tuple[int, int]]:  # fmt: skip
    out = []
    for s, e in spans:
        s, e = max(0, min(s, n)), max(0, min(e, n))
        out.append((snap(s), snap(max(s, e))))
    return out


def blocks_article(
    di: int, text: str, segments: list[Segment], spans: Sequence[tuple[int, int]],
    findings: list[Finding],
) -> tuple[str, dict[int, int]]:  # fmt: skip
    """The text block by block: paragraphs, headings, bullets (one list a run), quotes."""
    starts = [s for s, *_ in segments]

    def inside(p: int) -> bool:
        i = bisect.bisect_right(starts, p) - 1
        return i >= 0 and p <= segments[i][1]

    n = len(text)
    cuts = Cuts.of(_snap_spans(spans, snapper(inside, n), n))
    m = Marker(di, findings)
    out: list[str] = []
    open_list: int | None = None
    for s, e, kind, list_id in segments:
        if open_list is not None and (kind != "bullet" or list_id != open_list):
            out.append("</ul>")
            open_list = None
        if kind == "bullet" and open_list is None:
            out.append("<ul>")
            open_list = list_id if list_id is not None else -1
        body = weave_text(m, cuts, text, s, e)
        if kind == "blockquote":
            out.append(f"<blockquote><p>{body}</p></blockquote>")
        else:
            tag = _TAGS.get(kind, "p")
            out.append(f"<{tag}>{body}</{tag.split()[0]}>")
    if open_list is not None:
        out.append("</ul>")
    return "\n".join(out), m.first_seg


def _markdown_snapper(text: str, view: str) -> Callable[[int], int]:
    """Places where a placeholder leaves the Markdown parse as it was: next to prose."""
    n = len(text)
    prose = [view[i] == text[i] and not text[i].isspace() for i in range(n)]
    in_entity = bytearray(n + 1)
    for em in _ENTITY.finditer(text):
        in_entity[em.start() + 1 : em.end()] = b"\1" * (em.end() - em.start() - 1)

    def allowed(p: int) -> bool:
        if in_entity[p]:
            return False
        before = p > 0 and prose[p - 1]
        return before or (p < n and prose[p] and not (p > 0 and text[p - 1] == "\\"))

    return snapper(allowed, n)


def markdown_article(
    di: int, text: str, view: str, findings: list[Finding]
) -> tuple[str, dict[int, int]]:
    """Markdown rendered, with the highlights on the words they cover."""
    n = len(text)
    spans = [(f.start, f.end) for f in findings]
    cuts = Cuts.of(_snap_spans(spans, _markdown_snapper(text, view), n))
    ph = Placeholders(text)
    rendered = _MD.render(ph.insert(text, cuts))
    m = Marker(di, findings)
    return weave_html(m, cuts, rendered, ph), m.first_seg
