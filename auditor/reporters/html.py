"""A self-contained HTML report for the copy desk: each article beside its findings.

One file, no network. Per document: the score and a card of scores per pack, then two
panes: the article as it reads (Markdown rendered, an HTML page's text, plain-text
paragraphs) with every finding highlighted in place by severity, and the list of findings,
each linked to its highlight (and a highlight back to its finding, with the script). A
legend gives the colours of the severities and the packs, with counts, and doubles as the
filters. Keyboard: j/k (n/p) move between findings (html_assets).

Safety: every piece of article text, message and path is HTML-escaped (Markdown is rendered
with raw HTML off, an HTML page shows only its text), and a Content-Security-Policy allows
no loads at all and only this report's own inline script, by hash, so markup inside an
article (`<script>`, `onerror=`) is shown as text and can never run.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter

from auditor._version import __version__
from auditor.findings import SEVERITIES, Finding
from auditor.report import DocumentResult, RenderOptions, Report
from auditor.reporters.html_article import article, article_html
from auditor.reporters.html_assets import CSS, SCRIPT
from auditor.reporters.html_marks import esc

__all__ = ["article_html", "csp", "render"]

_QUOTE_MAX = 90


def csp(script: str = SCRIPT) -> str:
    """The page's policy: nothing loads, inline styles, one script allowed by its hash."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


def _counts(findings: list[Finding]) -> Counter[str]:
    return Counter(f.severity for f in findings)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _tally(c: Counter[str]) -> str:
    return ", ".join(_plural(c[s], s) for s in SEVERITIES)


def _legend(report: Report) -> str:
    sevs = _counts([f for r in report.results for f in r.findings])
    packs = Counter(f.pack for r in report.results for f in r.findings)
    names = sorted({p for r in report.results for p in r.packs} | set(packs))
    sev_boxes = "".join(
        f'<label><input type="checkbox" data-kind="sev" value="{s}" checked hidden> '
        f'<span class="swatch sev-{s}" aria-hidden="true"></span>{s}'
        f'<span class="count">{sevs[s]}</span></label>'
        for s in SEVERITIES
    )
    pack_boxes = "".join(
        f'<label><input type="checkbox" data-kind="pack" value="{esc(p)}" checked hidden> '
        f'{esc(p)}<span class="count">{packs[p]}</span></label>'
        for p in names
    )
    return (
        '<form id="filters" class="legend" aria-label="Legend and filters">'
        f"<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>"
        f"<fieldset><legend>Packs</legend>{pack_boxes}</fieldset></form>"
    )


def _score_class(score: float) -> str:
    return "low" if score < 50 else "mid" if score < 80 else "high"


def _card(r: DocumentResult) -> str:
    """Scores per pack, one column a pack."""
    if not r.packs:
        return ""
    head = "".join(f'<th scope="col">{esc(p)}</th>' for p in r.packs)
    rows = [
        ("score", [f"{ps.score:.1f}" for ps in r.packs.values()]),
        ("findings", [str(ps.findings) for ps in r.packs.values()]),
        ("points lost", [f"{ps.lost:.1f}" for ps in r.packs.values()]),
    ]
    body = "".join(
        f'<tr><th scope="row">{name}</th>{"".join(f"<td>{v}</td>" for v in vals)}</tr>'
        for name, vals in rows
    )
    return (
        '<table class="card"><caption hidden>Score per pack</caption>'
        f'<thead><tr><th scope="col">pack</th>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_MAX else text[: _QUOTE_MAX - 1].rstrip() + "…"


def _finding(di: int, i: int, f: Finding, seg: int | None) -> str:
    target = f"d{di}-s{seg}" if seg is not None else f"d{di}-article"
    sug = f" → {esc(', '.join(f.suggestions[:3]))}" if f.suggestions else ""
    quoted = f" <q>{esc(_quote(f.text))}</q>" if f.text.strip() else ""
    return (
        f'<li class="finding sev-{esc(f.severity)}" id="d{di}-f{i}" data-i="{i}" '
        f'data-pack="{esc(f.pack)}" data-sev="{esc(f.severity)}" tabindex="-1">'
        f'<a class="jump" href="#{target}">{f.line}:{f.column}</a> '
        f'<span class="sev {esc(f.severity)}">{esc(f.severity)}</span> '
        f"<code>{esc(f.rule)}</code>{quoted}"
        f'<span class="msg">{esc(f.message)}{sug}</span></li>'
    )


def _document(di: int, r: DocumentResult) -> str:
    title = f" · {esc(r.doc.title)}" if r.doc.title else ""
    parts = [
        f'<section class="doc" id="d{di}"><header class="doc-head"><div>',
        f"<h2>{esc(r.doc.path)}</h2>",
        f'<p class="meta">score <strong class="score {_score_class(r.score)}">'
        f"{r.score:.1f}</strong>/100 · {r.doc.words} words · "
        f"{_tally(_counts(r.findings))}{title}</p>",
        *(f'<p class="errors">{esc(w)}</p>' for w in r.doc.warnings),
        "</div>",
        _card(r),
        "</header>",
    ]
    text, first_seg = article(di, r.doc, r.findings)
    parts.append(
        f'<div class="panes"><article class="article" id="d{di}-article" '
        f'aria-label="Article {esc(r.doc.path)}">{text}</article>'
        f'<aside class="pane" aria-label="Findings in {esc(r.doc.path)}">'
        f"<h3>Findings ({len(r.findings)})</h3>"
    )
    if r.findings:
        parts.append('<ol class="findings">')
        parts.extend(_finding(di, i, f, first_seg.get(i)) for i, f in enumerate(r.findings))
        parts.append("</ol>")
    else:
        parts.append("<p>No findings.</p>")
    parts.append("</aside></div></section>")
    return "\n".join(parts)


_KEYS = (
    '<p class="keys" hidden>Keys: <kbd>j</kbd>/<kbd>k</kbd> (or <kbd>n</kbd>/<kbd>p</kbd>) '
    "next/previous finding, <kbd>Enter</kbd> from a finding to its words and back, "
    "<kbd>Esc</kbd> back to the list. Click a highlight to find it in the list.</p>"
)


def render(report: Report, options: RenderOptions) -> str:
    c = _counts([f for r in report.results for f in r.findings])
    body = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp()}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="auditor {esc(__version__)}">',
        "<title>auditor report</title>",
        f"<style>{CSS}</style></head><body>",
        '<header class="top"><div class="title"><h1>auditor report</h1>',
        f'<p class="summary">{len(report.results)} document(s): {_tally(c)}. '
        "Hover over or tab to a highlight to read its finding.</p></div>",
        _legend(report),
        _KEYS,
        "</header><main>",
    ]
    body.extend(_document(di, r) for di, r in enumerate(report.results))
    if report.errors:
        body.append('<section class="errors"><h2>Inputs not audited</h2><ul>')
        body.extend(f"<li>{esc(e)}</li>" for e in report.errors)
        body.append("</ul></section>")
    body.append(f"</main><script>{SCRIPT}</script></body></html>")
    return "\n".join(body) + "\n"
