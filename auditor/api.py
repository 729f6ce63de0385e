"""The Python API, and the one function every front end runs: `run`.

    from auditor import audit
    result = audit("The cost of the repairs were higher.", select=["grammar"])
    result.score, [f.rule for f in result.findings]

`auditor check` is `run` plus a reporter; `auditor batch` runs the same Pipeline per
document in its workers; the editor server calls `audit` on each edit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from auditor.baseline import write_baseline
from auditor.document import Document
from auditor.errors import InputError
from auditor.findings import Finding
from auditor.inputs import InputOptions, Sources, document_for, markup_document
from auditor.inputs.items import DOC_FORMATS, split_ext
from auditor.packs import Rule
from auditor.pipeline import AuditOptions, Pipeline
from auditor.report import DocumentResult, Report


@dataclass
class Run:
    """What a run over some paths produced."""

    report: Report
    rules: dict[str, Rule]  # every loaded rule, for reporters that describe rules (SARIF)
    missing: bool = False  # a named path did not exist
    suppressed: int = 0
    baselined: int = 0
    baseline_written: int | None = None
    problems: list[str] = field(default_factory=list)  # inputs not audited, one line each
    seconds: Counter[str] = field(default_factory=Counter)  # time per rule (--profile)


def audit_documents(
    documents: Iterable[Document],
    options: AuditOptions | None = None,
    *,
    baseline_write: Path | None = None,
) -> Run:
    """Audit Documents through the Pipeline (the configuration is validated before the
    first document is read); with `baseline_write`, write their findings as a baseline."""
    pipeline = Pipeline(options)
    pipeline.validate()
    out = Run(Report(), pipeline.rules)
    to_write: list[tuple[Document, list[Finding]]] = []
    try:
        for doc in documents:
            done = pipeline.audit(doc)
            out.suppressed += done.suppressed
            out.baselined += done.baselined
            out.report.results.append(done.result)
            if baseline_write is not None:
                to_write.append((doc, done.unbaselined))
    finally:
        out.seconds = pipeline.seconds()
        pipeline.close()
    if baseline_write is not None:
        out.baseline_written = write_baseline(baseline_write, to_write)
    return out


def run(
    paths: list[str],
    options: AuditOptions | None = None,
    inputs: InputOptions | None = None,
    *,
    baseline_write: Path | None = None,
    stdin: BinaryIO | None = None,
    on_problem: Callable[[str], None] | None = None,
) -> Run:
    """Audit every document under `paths` ("-" is standard input): what `auditor check`
    does before it renders. `on_problem` hears each input that could not be read, and each
    warning about one that was (invalid UTF-8), as it happens."""
    sources = Sources(paths, inputs, stdin)
    problems: list[str] = []

    def say(line: str, count: bool) -> None:
        if count:
            problems.append(line)
        if on_problem is not None:
            on_problem(line)

    def documents() -> Iterator[Document]:
        for item in sources.items():
            try:
                doc = document_for(item)
            except InputError as e:
                say(e.line, True)
                continue
            for w in doc.warnings:  # audited all the same: said, not counted as errors
                say(w, False)
            yield doc
        for line in sources.problems:
            say(line, True)

    out = audit_documents(documents(), options, baseline_write=baseline_write)
    out.missing = sources.missing
    out.problems = problems
    out.report.errors = list(problems)
    return out


def audit_paths(
    paths: list[str | Path],
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    config: Path | None = None,
    baseline: Path | None = None,
    settings: dict[str, dict[str, Any]] | None = None,
) -> Report:
    """Audit files and folders as `auditor check` does; `report.errors` lists what could not
    be read. Raises `auditor.errors.AuditorError` for a bad configuration or selection."""
    options = AuditOptions.make(select, ignore, config, baseline, settings)
    return run([str(p) for p in paths], options).report


def audit(
    text: str,
    *,
    path: str = "-",
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    config: Path | None = None,
    settings: dict[str, dict[str, Any]] | None = None,
    pipeline: Pipeline | None = None,
) -> DocumentResult:
    """Audit one text. `path` names it (its extension picks the reader: .md, .html, else
    plain text) and finds its configuration, as `--stdin-filename` does. Pass a Pipeline to
    reuse its loaded packs and engines across calls (an editor re-checking on each edit)."""
    own = pipeline is None
    if pipeline is None:
        pipeline = Pipeline(AuditOptions.make(select, ignore, config, None, settings))
    try:
        ext, _gz = split_ext(Path(path))
        doc = markup_document(path, text.removeprefix("\ufeff"), DOC_FORMATS.get(ext, "txt"))
        return pipeline.audit(doc).result
    finally:
        if own:
            pipeline.close()
