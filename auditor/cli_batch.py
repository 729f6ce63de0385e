"""`auditor batch` (audit an archive into a results store) and `auditor report` (summarise it).

Registered on the main Typer app by one import at the end of `auditor/cli.py`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from auditor.batch.inputs import InputOptions, check_paths, count_items, iter_items
from auditor.batch.local import LocalEngine, WorkerFailure
from auditor.batch.runner import Batch, Progress
from auditor.batch.store import Store, StoreError
from auditor.batch.work import AuditSpec
from auditor.cli import (
    FailUnderOption,
    IgnoreOption,
    MaxSizeOption,
    SelectOption,
    Severity,
    UsageError,
    app,
)
from auditor.engine import Selection
from auditor.findings import SEVERITY_RANK
from auditor.packs import load_packs, packs_digest
from auditor.pipeline import check_prefixes
from auditor.run import warn

EXPORT_FORMATS = (".csv", ".jsonl", ".parquet")


@app.command()
def batch(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Directories, files or globs: txt, md, html, json, jsonl, csv, parquet (and .gz)."
        ),
    ],
    db: Annotated[Path, typer.Option("--db", help="SQLite results store.")] = Path("auditor.db"),
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", help="Worker processes (default: all cores).")
    ] = None,
    engine: Annotated[str, typer.Option("--engine", help="local or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (else a local one).")
    ] = None,
    results_parquet: Annotated[
        Path | None,
        typer.Option("--results-parquet", help="Dask: write results per partition to this dir."),
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    id_column: Annotated[str, typer.Option("--id-column", help="Record id field.")] = "id",
    text_column: Annotated[str, typer.Option("--text-column", help="Record text field.")] = "text",
    title_column: Annotated[
        str, typer.Option("--title-column", help="Record title field.")
    ] = "title",
    date_column: Annotated[str, typer.Option("--date-column", help="Record date field.")] = "date",
    max_size: MaxSizeOption = 10.0,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Time limit per document in seconds (0: none).")
    ] = 120.0,
    retry_errors: Annotated[
        bool, typer.Option("--retry-errors", help="Re-audit documents that failed before.")
    ] = False,
    fail_under: FailUnderOption = None,
    fail_on: Annotated[
        Severity, typer.Option("--fail-on", help="Exit 1 on a finding this severe or worse.")
    ] = Severity.none,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the HTML summary here.")
    ] = None,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show progress on stderr.")
    ] = True,
) -> None:
    """Audit an archive into a results store: parallel, resumable, crash-safe."""
    if engine not in ("local", "dask"):
        raise UsageError(f"unknown engine '{engine}' (choose local or dask)")
    if engine == "local" and (scheduler or results_parquet):
        raise UsageError("--scheduler and --results-parquet go with --engine dask")
    n = workers if workers is not None else (os.cpu_count() or 1)
    if n < 1:
        raise UsageError("--workers must be at least 1")
    if report is not None and report.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"{report}: the report is HTML (name it .html)")
    problems = check_paths(paths)
    for p in problems:
        warn(p)
    if len(problems) == len(paths):
        raise UsageError("nothing to audit")
    packs = load_packs()
    check_prefixes(packs, list(select or []) + list(ignore or []))
    spec = AuditSpec(tuple(select or ()), tuple(ignore or ()), timeout=timeout)
    version = spec.version(packs_digest(packs))
    if not any(spec_wants(spec, r.id) for p in packs for r in p.rules):
        raise UsageError("the selection leaves no rule to run")
    opts = InputOptions(id_column, text_column, title_column, date_column,
                        int(max_size * 1024 * 1024))  # fmt: skip
    try:
        store = Store(db)
    except StoreError as e:
        raise UsageError(str(e)) from None
    total = count_items(paths, opts) if progress else None
    bar = Progress(total, enabled=progress)
    run = Batch(store, version, retry_errors, bar)
    try:
        items = run.pending(iter_items(paths, opts))
        if engine == "local":
            LocalEngine(spec, version, n).run(items, run)
        else:
            from auditor.batch.dask_engine import DaskEngine, DaskUnavailable

            try:
                dask = DaskEngine(spec, version, n, scheduler, results_parquet)
                dask.run(paths, opts, items, run)
            except DaskUnavailable as e:
                raise UsageError(str(e)) from None
        run.flush()
    except KeyboardInterrupt:
        run.flush()  # keep what the workers finished
        warn(f"interrupted: {run.stats.line()}; run the same command again to resume")
        raise
    except (StoreError, WorkerFailure) as e:
        raise UsageError(str(e)) from None
    finally:
        bar.close()
        store.close()
    stats = run.stats
    warn(stats.line())
    warn(f"results in {db}")
    if report is not None:
        from auditor.batch.summary import write_html

        try:
            write_html(db, report)
        except ImportError as e:
            raise UsageError(
                f"{e.name or e}: needed for --report (pip install 'auditor[batch]')"
            ) from None
        except OSError as e:
            raise UsageError(f"cannot write {report}: {e.strerror or e}") from None
        warn(f"summary in {report}")
    if stats.audited + stats.skipped == 0:
        warn("nothing was audited")
        raise typer.Exit(2)
    code = 0
    if fail_on.value != "none" and stats.worst is not None:
        code = int(SEVERITY_RANK[stats.worst] >= SEVERITY_RANK[fail_on.value])
    if fail_under is not None and stats.min_score is not None and stats.min_score < fail_under:
        code = 1
    if any("no such file" in p for p in problems):
        code = 2
    raise typer.Exit(code)


def spec_wants(spec: AuditSpec, rule_id: str) -> bool:
    return Selection(list(spec.select), list(spec.ignore)).may_want(rule_id)


@app.command("report")
def report_cmd(
    db: Annotated[Path, typer.Argument(help="A results store written by 'auditor batch'.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the HTML summary here.")
    ] = None,
    export: Annotated[
        list[Path] | None,
        typer.Option("--export", help="Export per-document results: .csv, .jsonl or .parquet."),
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Rows in the rule and worst lists.")] = 20,
) -> None:
    """Summarise a results store: score histogram, frequent rules, worst documents, exports."""
    from auditor.batch.summary import export_documents, text_summary, write_html

    for path in export or []:
        if path.suffix.lower() not in EXPORT_FORMATS:
            raise UsageError(f"{path}: export to {', '.join(EXPORT_FORMATS)}")
    try:
        if output is not None:
            write_html(db, output, top)
            warn(f"summary in {output}")
        for path in export or []:
            n = export_documents(db, path)
            warn(f"{n} documents exported to {path}")
        if output is None and not export:
            sys.stdout.write(text_summary(db, top))
    except StoreError as e:
        raise UsageError(str(e)) from None
    except ImportError as e:
        raise UsageError(f"{e.name or e}: needed here (pip install 'auditor[batch]')") from None
    except OSError as e:
        raise UsageError(f"cannot write: {e.strerror or e}") from None
