"""One line a finding: `path:line:col: severity rule message`, the shape editors' and CI
problem matchers parse (as Ruff's and ESLint's compact formats)."""

from __future__ import annotations

from auditor.baseline import source_file
from auditor.report import RenderOptions, Report


def render(report: Report, options: RenderOptions) -> str:
    out: list[str] = []
    for r in report.results:
        file = source_file(r.doc)
        for f in r.findings:
            text = " ".join(f.message.split())
            if f.suggestions:
                text += f" (suggestion: {f.suggestions[0]})"
            if r.doc.fmt == "record":  # the record's line in its file; the place in its text
                rid = r.doc.path[len(file) + 1 :]
                where = f"{file}:{r.doc.record_line or 1}:1"
                text = f"[record {rid} {f.line}:{f.column}] {text}"
            else:
                where = f"{file}:{f.line}:{f.column}"
            out.append(f"{where}: {f.severity} {f.rule} {text}")
    if not options.quiet:
        c = report.counts()
        out.append(
            f"{len(report.results)} document(s): {c['error']} error(s), "
            f"{c['warning']} warning(s), {c['info']} info"
        )
    return "\n".join(out) + ("\n" if out else "")
