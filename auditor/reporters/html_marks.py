"""Highlights for the HTML report: where they change, and the <mark> elements that show them.

Findings may nest or overlap. The text is cut at every finding boundary ("cuts"); after each
cut, a known set of findings covers the text, and each covered piece becomes one <mark>
listing all of them (its tooltip shows each message). A zero-width finding is a caret mark
of its own. The same cuts serve two ways of drawing an article:

- `weave_text` draws a slice of a text (plain text, the text of an HTML page), escaped;
- `weave_html` takes HTML rendered from a text in which each cut was replaced by a
  placeholder (Markdown), and wraps every run of text between placeholders in marks, so
  marks never cross an element boundary and the HTML stays well formed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from auditor.findings import SEVERITY_RANK, Finding


def esc(text: object) -> str:
    return escape(str(text), quote=True)


@dataclass
class Cuts:
    """Sorted cut positions; after cut k, findings `after[k]` cover the text; `points[k]`
    are the zero-width findings at cut k."""

    at: list[int]
    after: list[tuple[int, ...]]
    points: list[tuple[int, ...]]

    @classmethod
    def of(cls, spans: Sequence[tuple[int, int]]) -> Cuts:
        starts: dict[int, list[int]] = {}
        ends: dict[int, list[int]] = {}
        points: dict[int, list[int]] = {}
        for i, (s, e) in enumerate(spans):
            if s >= e:
                points.setdefault(s, []).append(i)
            else:
                starts.setdefault(s, []).append(i)
                ends.setdefault(e, []).append(i)
        at = sorted({*starts, *ends, *points})
        active: set[int] = set()
        after: list[tuple[int, ...]] = []
        for c in at:
            active.difference_update(ends.get(c, ()))
            active.update(starts.get(c, ()))
            after.append(tuple(sorted(active)))
        return cls(at, after, [tuple(points.get(c, ())) for c in at])

    def before(self, k: int) -> tuple[int, ...]:
        """The findings covering the text just before cut k."""
        return self.after[k - 1] if k > 0 else ()


def snapper(allowed: Callable[[int], bool], n: int) -> Callable[[int], int]:
    """A map of positions onto allowed ones: forward to the next allowed position, else back
    to the last one (order is kept, so a span never turns inside out)."""
    ok = [p for p in range(n + 1) if allowed(p)]

    def snap(p: int) -> int:
        if not ok:
            return 0
        i = bisect.bisect_left(ok, p)
        return ok[i] if i < len(ok) else ok[-1]

    return snap


@dataclass
class Marker:
    """Draws marks for one document's findings and remembers where each finding starts."""

    di: int
    findings: list[Finding]
    seg: int = 0
    first_seg: dict[int, int] = field(default_factory=dict)
    _points_done: set[int] = field(default_factory=set)

    def mark(self, ids: Sequence[int], inner: str, point: bool = False) -> str:
        here = [self.findings[i] for i in ids]
        worst = max((f.severity for f in here), key=lambda s: SEVERITY_RANK.get(s, 0))
        classes = f"hl sev-{esc(worst)}" + (" multi" if len(ids) > 1 else "")
        classes += " point" if point else ""
        tip_id = f"d{self.di}-t{self.seg}"
        tip = "".join(_tip_line(i, self.findings[i]) for i in ids)
        for i in ids:
            self.first_seg.setdefault(i, self.seg)
        self.seg += 1
        return (
            f'<mark class="{classes}" id="d{self.di}-s{self.seg - 1}" tabindex="0" '
            f'data-f="{" ".join(map(str, ids))}" aria-describedby="{tip_id}">{inner}'
            f'<span class="tip" role="tooltip" id="{tip_id}">{tip}</span></mark>'
        )

    def piece(self, ids: Sequence[int], inner: str) -> str:
        """Escaped text, marked when findings cover it (line breaks between blocks never)."""
        if not inner or not ids or (inner.isspace() and "\n" in inner):
            return inner
        return self.mark(ids, inner)

    def closed(self, old: Sequence[int], new: Sequence[int]) -> str:
        """A caret for the findings that end here without having marked any text (their
        words were not drawn: markup, a line break between blocks)."""
        gone = [i for i in old if i not in new and i not in self.first_seg]
        return self.mark(gone, "‸", point=True) if gone else ""

    def point(self, cuts: Cuts, k: int) -> str:
        if not cuts.points[k] or k in self._points_done:
            return ""
        self._points_done.add(k)
        return self.mark(cuts.points[k], "‸", point=True)


def _tip_line(i: int, f: Finding) -> str:
    sug = f" Suggestion: {', '.join(f.suggestions[:3])}." if f.suggestions else ""
    return (
        f'<span data-i="{i}"><b>{esc(f.severity)} · {esc(f.rule)}</b> '
        f"{esc(f.message)}{esc(sug)}</span>"
    )


def weave_text(m: Marker, cuts: Cuts, text: str, a: int, b: int) -> str:
    """text[a:b], escaped, with its highlights (and the caret marks at a..b)."""
    out: list[str] = []
    k = bisect.bisect_left(cuts.at, a)
    ids = cuts.before(k)
    pos = a
    while k < len(cuts.at) and cuts.at[k] <= b:
        c = cuts.at[k]
        out.append(m.piece(ids, esc(text[pos:c])))
        out.append(m.closed(ids, cuts.after[k]) + m.point(cuts, k))
        ids, pos = cuts.after[k], c
        k += 1
    out.append(m.piece(ids, esc(text[pos:b])))
    return "".join(out)


class Placeholders:
    """Cut k written into a text as private-use characters: a lead and k in hex digits,
    from a range of code points the text does not use."""

    def __init__(self, text: str) -> None:
        used = set(text)
        base = next(
            (b for b in range(0xE000, 0xF8FF - 17, 0x100)
             if not any(chr(c) in used for c in range(b, b + 17))),
            0xF0000,
        )  # fmt: skip
        self.lead = chr(base)
        self.digits = "".join(chr(base + 1 + d) for d in range(16))
        self.pattern = re.compile(f"{re.escape(self.lead)}([{re.escape(self.digits)}]+)")

    def encode(self, k: int) -> str:
        return self.lead + "".join(self.digits[int(h, 16)] for h in f"{k:x}")

    def decode(self, digits: str) -> int:
        return int("".join(f"{self.digits.index(d):x}" for d in digits), 16)

    def insert(self, text: str, cuts: Cuts) -> str:
        out: list[str] = []
        pos = 0
        for k, c in enumerate(cuts.at):
            out.append(text[pos:c])
            out.append(self.encode(k))
            pos = c
        out.append(text[pos:])
        return "".join(out)


_TAG = re.compile(r"(<[^>]*>)")


def weave_html(m: Marker, cuts: Cuts, rendered: str, ph: Placeholders) -> str:
    """Rendered HTML with placeholders -> the same HTML with marks, placeholders gone.

    Only placeholders in text count: one inside a tag (an attribute, where the renderer may
    repeat a piece of the source) is dropped."""
    out: list[str] = []
    ids: tuple[int, ...] = ()
    for part in _TAG.split(rendered):
        if part.startswith("<"):
            out.append(ph.pattern.sub("", part))
            continue
        pos = 0
        for km in ph.pattern.finditer(part):
            out.append(m.piece(ids, part[pos : km.start()]))
            k = ph.decode(km.group(1))
            out.append(m.closed(ids, cuts.after[k]) + m.point(cuts, k))
            ids, pos = cuts.after[k], km.end()
        out.append(m.piece(ids, part[pos:]))
    return "".join(out)
