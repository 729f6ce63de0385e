"""A Markdown report, for a pull-request comment or a wiki page."""

from __future__ import annotations

from auditor.report import RenderOptions, Report

_ICON = {"error": "🔴", "warning": "🟡", "info": "🔵"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("`", "'")


def render(report: Report, options: RenderOptions) -> str:
    c = report.counts()
    out = [
        "# auditor report",
        "",
        f"{len(report.results)} document(s): **{c['error']}** error(s), "
        f"**{c['warning']}** warning(s), {c['info']} info.",
        "",
    ]
    for r in report.results:
        out.append(f"## `{r.doc.path}`: score {r.score:.1f}/100 ({r.doc.words} words)")
        out.append("")
        out.append("| pack | score | findings |")
        out.append("| --- | ---: | ---: |")
        out.extend(f"| {pid} | {ps.score:.1f} | {ps.findings} |" for pid, ps in r.packs.items())
        out.append("")
        if r.findings:
            out.append("| line:col | severity | rule | text | message | suggestion |")
            out.append("| --- | --- | --- | --- | --- | --- |")
            for f in r.findings:
                sug = _cell(", ".join(f.suggestions[:3]))
                out.append(
                    f"| {f.line}:{f.column} | {_ICON[f.severity]} {f.severity} | `{f.rule}` "
                    f"| `{_cell(f.text)}` | {_cell(f.message)} | {sug} |"
                )
            out.append("")
        else:
            out.append("No findings.")
            out.append("")
    if report.errors:
        out.append("## Inputs not audited")
        out.append("")
        out.extend(f"- {_cell(e)}" for e in report.errors)
        out.append("")
    return "\n".join(out)
