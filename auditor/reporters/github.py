"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

Escaping follows GitHub's runner: in the message `%`, CR and LF are percent-encoded; in
properties (file, title) `:` and `,` are too.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from auditor.baseline import source_file
from auditor.report import RenderOptions, Report

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _relative(path: str) -> str:
    """Annotations need the path from the repository root: the working folder in CI."""
    p = Path(path)
    if p.is_absolute():
        with contextlib.suppress(ValueError):
            p = p.resolve().relative_to(Path.cwd().resolve())
    return p.as_posix()


def render(report: Report, options: RenderOptions) -> str:
    out: list[str] = []
    for r in report.results:
        file = escape_property(_relative(source_file(r.doc)))
        for f in r.findings:
            if r.doc.fmt == "record":  # the record's line in its file; the place in its text
                line = r.doc.record_line or 1
                where = f"file={file},line={line},col=1,endLine={line},endColumn=1"
                msg = f"{r.doc.path} {f.line}:{f.column}: {f.message}"
            else:
                end_line, end_col = r.doc.line_col(f.end)
                where = f"file={file},line={f.line},col={f.column},endLine={end_line}"
                where += f",endColumn={end_col}"
                msg = f.message
            if f.suggestions:
                msg += " Suggestion: " + ", ".join(f.suggestions[:3]) + "."
            title = escape_property(f.rule)
            out.append(f"::{COMMAND[f.severity]} {where},title={title}::{escape_data(msg)}")
    if options.quiet:
        return "\n".join(out) + ("\n" if out else "")
    c = report.counts()
    out.append(
        f"auditor: {len(report.results)} document(s), {c['error']} error(s), "
        f"{c['warning']} warning(s), {c['info']} info"
    )
    return "\n".join(out) + "\n"
