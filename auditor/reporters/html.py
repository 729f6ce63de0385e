"""A self-contained HTML report for the copy desk: the article with its findings in place.

One file, no network: inline CSS and one small inline script (filters only; the page reads
fully without it). Every piece of article text, message and path is HTML-escaped, and a
Content-Security-Policy allows only this report's own script (by hash), so markup inside
an article (`<script>`, `onerror=`) is shown as text and can never run.

Findings may nest or overlap: the text is cut at every finding boundary, and each piece
covered by findings becomes one highlight listing all of them (shown on hover and on
keyboard focus, and linked with aria-describedby for screen readers).
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from auditor._version import __version__
from auditor.findings import SEVERITY_RANK, Finding
from auditor.report import DocumentResult, RenderOptions, Report

CSS = """
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--bg:#fffdf7;--fg:#1d1d1d}
body{font:16px/1.55 Georgia,'Times New Roman',serif;color:var(--fg);background:var(--bg);
 margin:0 auto;max-width:62em;padding:1em 1.5em 4em}
h1,h2,h3,table,.findings,.filters,.summary,.meta{font-family:system-ui,sans-serif}
h1{font-size:1.4em;margin:.3em 0}h2{font-size:1.15em;margin:1.8em 0 .3em;word-break:break-all}
.summary{margin:.2em 0 1em}.meta{color:#555;font-size:.9em;margin:0 0 .6em}
.filters{display:flex;gap:2em;flex-wrap:wrap;border:1px solid #ddd;padding:.4em .8em;
 border-radius:6px;background:#fff}
.filters fieldset{border:0;margin:0;padding:0}.filters legend{font-weight:600}
.filters label{margin-right:1em;white-space:nowrap}
table.card{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}
.card th,.card td{border:1px solid #ddd;padding:.2em .7em;text-align:right}
.card th:first-child,.card td:first-child{text-align:left}
.article{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #e4e0d4;
 padding:1em 1.2em;border-radius:6px}
mark.hl{position:relative;background:#fff1c1;border-bottom:2px solid var(--warn);color:inherit;
 cursor:help;padding:0 1px}
mark.hl.sev-error{background:#fde0e0;border-bottom-color:var(--err)}
mark.hl.sev-info{background:#e3efff;border-bottom-color:var(--info)}
mark.hl.multi{border-bottom-style:double;border-bottom-width:3px}
mark.hl.off{background:none;border-bottom:0;cursor:text}
mark.hl.off>.tip{display:none!important}
mark.hl:focus{outline:2px solid #333;outline-offset:1px}
mark.hl.point{padding:0 2px}
.tip{display:none;position:absolute;left:0;top:1.7em;z-index:10;width:max-content;max-width:30em;
 white-space:normal;background:#222;color:#fff;font:13px/1.4 system-ui,sans-serif;
 padding:.45em .6em;border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.tip span{display:block}.tip span+span{margin-top:.35em}
.tip b{font-weight:600}
mark.hl:hover>.tip,mark.hl:focus>.tip{display:block}
.findings{font-size:.92em;padding-left:1.6em}
.findings li{margin:.25em 0}.findings li.off{display:none}
.sev{font-weight:600;text-transform:uppercase;font-size:.8em}
.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
code{font-size:.9em}.errors{color:var(--err)}
"""

SCRIPT = """
(function(){
var form=document.getElementById('filters');if(!form)return;form.hidden=false;
function on(kind){var s={};form.querySelectorAll('input[data-kind="'+kind+'"]').forEach(
function(i){s[i.value]=i.checked;});return s;}
function apply(){var packs=on('pack'),sevs=on('sev'),rank={info:0,warning:1,error:2};
document.querySelectorAll('section.doc').forEach(function(sec){var vis={};
sec.querySelectorAll('li.finding').forEach(function(li){var v=packs[li.dataset.pack]!==false
&&sevs[li.dataset.sev]!==false;vis[li.dataset.i]=v?li.dataset.sev:null;li.classList.toggle('off',!v);});
sec.querySelectorAll('mark.hl').forEach(function(m){var best=null;
m.dataset.f.split(' ').forEach(function(i){var s=vis[i];if(s&&(best===null||rank[s]>rank[best]))best=s;});
m.classList.remove('sev-error','sev-warning','sev-info');m.classList.toggle('off',best===null);
if(best)m.classList.add('sev-'+best);m.tabIndex=best?0:-1;
m.querySelectorAll('.tip>span').forEach(function(t){t.hidden=vis[t.dataset.i]==null;});});});}
form.addEventListener('change',apply);apply();})();
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _worst(findings: list[Finding]) -> str:
    return max((f.severity for f in findings), key=lambda s: SEVERITY_RANK[s])


def _tip_line(i: int, f: Finding) -> str:
    sug = f" Suggestion: {', '.join(f.suggestions[:3])}." if f.suggestions else ""
    return (
        f'<span data-i="{i}"><b>{_e(f.severity)} · {_e(f.rule)}</b> {_e(f.message)}{_e(sug)}</span>'
    )


def _mark(di: int, seg: int, ids: list[int], findings: list[Finding], inner: str,
          point: bool = False) -> str:  # fmt: skip
    here = [findings[i] for i in ids]
    tip_id = f"d{di}-t{seg}"
    classes = f"hl sev-{_worst(here)}" + (" multi" if len(ids) > 1 else "")
    classes += " point" if point else ""
    tip = "".join(_tip_line(i, findings[i]) for i in ids)
    return (
        f'<mark class="{classes}" id="d{di}-s{seg}" tabindex="0" '
        f'data-f="{" ".join(map(str, ids))}" '
        f'aria-describedby="{tip_id}">{inner}'
        f'<span class="tip" role="tooltip" id="{tip_id}">{tip}</span></mark>'
    )


def article_html(di: int, text: str, findings: list[Finding]) -> tuple[str, dict[int, int]]:
    """The original text with every finding highlighted in place (overlaps allowed).

    Also returns, for each finding, the first highlight piece it covers (for links)."""
    n = len(text)
    spans = [(max(0, min(f.start, n)), max(0, min(f.end, n))) for f in findings]
    cuts = sorted({0, n, *(s for s, _ in spans), *(e for _, e in spans)})
    points: dict[int, list[int]] = {}
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (s, e) in enumerate(spans):
        if s == e:
            points.setdefault(s, []).append(i)
        else:
            starts.setdefault(s, []).append(i)
            ends.setdefault(e, []).append(i)
    active: set[int] = set()  # a sweep over the cuts: findings covering the current piece
    out: list[str] = []
    seg = 0
    first_seg: dict[int, int] = {}
    for a, b in zip(cuts, [*cuts[1:], n], strict=True):
        if a in points:
            ids = points.pop(a)
            first_seg.update((i, seg) for i in ids)
            out.append(_mark(di, seg, ids, findings, "‸", point=True))
            seg += 1
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        if b <= a:
            continue
        ids = sorted(active)
        chunk = _e(text[a:b])
        if not ids:
            out.append(chunk)
            continue
        for i in ids:
            first_seg.setdefault(i, seg)
        out.append(_mark(di, seg, ids, findings, chunk))
        seg += 1
    return "".join(out), first_seg


def _document(di: int, r: DocumentResult) -> str:
    parts = [f'<section class="doc" id="d{di}">', f"<h2>{_e(r.doc.path)}</h2>"]
    c = {"error": 0, "warning": 0, "info": 0}
    for f in r.findings:
        c[f.severity] += 1
    title = f" · {_e(r.doc.title)}" if r.doc.title else ""
    parts.append(
        f'<p class="meta">score <strong>{r.score:.1f}</strong>/100 · {r.doc.words} words · '
        f"{c['error']} error(s), {c['warning']} warning(s), {c['info']} info{title}</p>"
    )
    for w in r.doc.warnings:
        parts.append(f'<p class="errors">{_e(w)}</p>')
    parts.append('<table class="card"><caption hidden>Score per pack</caption>')
    parts.append(
        '<tr><th scope="col">pack</th><th scope="col">score</th>'
        '<th scope="col">findings</th><th scope="col">points lost</th></tr>'
    )
    for pid, ps in r.packs.items():
        parts.append(
            f"<tr><td>{_e(pid)}</td><td>{ps.score:.1f}</td><td>{ps.findings}</td>"
            f"<td>{ps.lost:.1f}</td></tr>"
        )
    parts.append("</table>")
    article, first_seg = article_html(di, r.doc.original, r.findings)
    parts.append(f'<div class="article">{article}</div>')
    if r.findings:
        parts.append('<ol class="findings">')
        for i, f in enumerate(r.findings):
            sug = f" → {_e(', '.join(f.suggestions[:3]))}" if f.suggestions else ""
            parts.append(
                f'<li class="finding" data-i="{i}" data-pack="{_e(f.pack)}" '
                f'data-sev="{_e(f.severity)}"><a href="#d{di}-s{first_seg.get(i, 0)}">'
                f"{f.line}:{f.column}</a> "
                f'<span class="sev {_e(f.severity)}">{_e(f.severity)}</span> '
                f"<code>{_e(f.rule)}</code> “{_e(f.text)}”: {_e(f.message)}{sug}</li>"
            )
        parts.append("</ol>")
    else:
        parts.append("<p>No findings.</p>")
    parts.append("</section>")
    return "\n".join(parts)


def _filters(report: Report) -> str:
    packs = sorted({p for r in report.results for p in r.packs} | {
        f.pack for r in report.results for f in r.findings})  # fmt: skip
    boxes = "".join(
        f'<label><input type="checkbox" data-kind="pack" value="{_e(p)}" checked> {_e(p)}</label>'
        for p in packs
    )
    sevs = "".join(
        f'<label><input type="checkbox" data-kind="sev" value="{s}" checked> {s}</label>'
        for s in ("error", "warning", "info")
    )
    return (
        '<form id="filters" class="filters" hidden><fieldset><legend>Packs</legend>'
        f"{boxes}</fieldset><fieldset><legend>Severity</legend>{sevs}</fieldset></form>"
    )


def render(report: Report, options: RenderOptions) -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    c = report.counts()
    body = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="auditor {_e(__version__)}">',
        "<title>auditor report</title>",
        f"<style>{CSS}</style></head><body>",
        "<header><h1>auditor report</h1>",
        f'<p class="summary">{len(report.results)} document(s): {c["error"]} error(s), '
        f"{c['warning']} warning(s), {c['info']} info. Hover over or tab to a highlight "
        "to read its finding.</p>",
        _filters(report),
        "</header><main>",
    ]
    body.extend(_document(di, r) for di, r in enumerate(report.results))
    if report.errors:
        body.append('<section class="errors"><h2>Inputs not audited</h2><ul>')
        body.extend(f"<li>{_e(e)}</li>" for e in report.errors)
        body.append("</ul></section>")
    body.append(f"</main><script>{SCRIPT}</script></body></html>")
    return "\n".join(body) + "\n"
