"""The report a person reads in a terminal: by document, with context and the score."""

from __future__ import annotations

from auditor.report import DocumentResult, RenderOptions, Report
from auditor.reporters.context import context
from auditor.scoring import HALF_DENSITY, MIN_WORDS, WEIGHTS

_COLORS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "hl": "4"}


def _c(text: str, code: str, on: bool) -> str:
    return f"\033[{_COLORS[code]}m{text}\033[0m" if on and text else text


def _document(r: DocumentResult, color: bool, quiet: bool = False) -> list[str]:
    lines = [_c(f"{r.doc.path}", "bold", color) + f"  ({r.doc.words} words)"]
    for w in r.doc.warnings:
        lines.append(f"  ! {w}")
    if not r.findings and not quiet:
        lines.append("  no findings")
    for f in r.findings:
        pos = f"{f.line}:{f.column}"
        lines.append(f"  {pos:<8} {_c(f'{f.severity:<7}', f.severity, color)} {f.rule}")
        lines.append(f"           {f.message}")
        before, flagged, after = context(r.doc, f)
        shown = before + _c(flagged, "hl", color) + after
        lines.append(_c("           | ", "dim", color) + shown)
        if not color:
            lines.append("           | " + " " * len(before) + "^" * max(1, len(flagged)))
        if f.suggestions:
            lines.append(f"           suggestion: {', '.join(f.suggestions[:3])}")
    if quiet:
        return lines if r.findings else []
    lines.append("")
    lines.append(f"  score {r.score:.1f}/100")
    parts = []
    for pid, ps in r.packs.items():
        cost = f", -{ps.lost:.1f} points" if ps.lost else ""
        parts.append(f"    {pid:<12} {ps.score:5.1f}  {ps.findings} finding(s){cost}")
    lines.append("  where the points went:")
    lines.extend(parts)
    return lines


def render(report: Report, options: RenderOptions) -> str:
    out: list[str] = []
    for r in report.results:
        lines = _document(r, options.color, options.quiet)
        out.extend([*lines, ""] if lines else [])
    if options.quiet:
        return "\n".join(out) + ("\n" if out else "")
    c = report.counts()
    n = len(report.results)
    out.append(
        f"{n} document(s) audited: {c['error']} error(s), {c['warning']} warning(s), {c['info']} info"
    )
    if report.errors:
        out.append(f"{len(report.errors)} input(s) could not be audited (see stderr)")
    out.append(
        f"score = 100 * 2^(-density/{HALF_DENSITY:g}), density = points per 100 words "
        f"(min {MIN_WORDS}); error {WEIGHTS['error']:g}, warning {WEIGHTS['warning']:g}, info 0"
    )
    return "\n".join(out) + "\n"
