"""The Dask engine: the same audit on a Dask distributed cluster.

Each Dask worker builds its Pipeline once (cached per process). When every input is
Parquet, the workers read the partitions where they are (dask.dataframe) and only results
travel back; otherwise the batch process streams Items to the cluster in chunks, with a
bounded number of chunks in flight. Rows come back to the batch process and go into the
same store as the local engine's, or, with `--results-parquet DIR`, each partition's rows
are written by the worker to DIR as Parquet and only counts come back.

The per-document time limit is not enforced here: Dask runs tasks in threads, where no
signal can interrupt them (use Dask's own worker lifetime settings instead).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from auditor.batch.runner import Batch
from auditor.batch.store import DOC_COLUMNS, FINDING_COLUMNS
from auditor.batch.work import AuditSpec, Row, audit_item, error_row
from auditor.errors import AuditorError
from auditor.inputs import InputOptions, Item, Sources, folder_of
from auditor.inputs.items import split_ext
from auditor.inputs.records import record_item

CHUNK = 16
_CACHE: dict[AuditSpec, Any] = {}


class DaskUnavailable(AuditorError):
    """Dask is not installed or the scheduler cannot be reached (one line, exit 2)."""


def _pipeline(spec: AuditSpec) -> Any:
    """This worker process's Pipeline for the spec, built on first use."""
    if spec not in _CACHE:
        _CACHE[spec] = spec.build()
    return _CACHE[spec]


def audit_chunk(spec: AuditSpec, items: list[Item]) -> list[Row]:
    pipeline = _pipeline(spec)
    return [audit_item(pipeline, item) for item in items]


def audit_frame(
    frame: Any,
    spec: AuditSpec,
    opts: InputOptions,
    name: str,
    folder: str,
    done: dict[str, tuple[str, str]],
    out_dir: str | None,
    part: int,
) -> dict[str, Any]:
    """Audit one Parquet partition (a pandas DataFrame) of the file `name`; skip what `done`
    already has. Returns the rows (or, with `out_dir`, writes them there) and counts."""
    pipeline = _pipeline(spec)
    version = pipeline.version_for(name)
    rows: list[Row] = []
    skipped = 0
    records = frame.to_dict("records")
    for index, rec in enumerate(records, 1):
        rec = {k: _plain(v) for k, v in rec.items()}
        if opts.id_column not in rec:
            rec[opts.id_column] = str(index)  # no id column: one partition per file, row number
        item = record_item(Path(name), folder, rec, f"{name}:row {index}", opts)
        if done.get(item.id) == (item.content_hash, version):
            skipped += 1
            continue
        if item.problem is not None:
            rows.append(error_row(item, version, item.problem))
        else:
            rows.append(audit_item(pipeline, item))
    counts = {"skipped": skipped, "written": 0, "words": sum(r["words"] or 0 for r in rows),
              "errors": sum(1 for r in rows if r["error"])}  # fmt: skip
    if out_dir is not None:
        write_parquet_part(Path(out_dir), part, version, rows)
        counts["written"] = len(rows)
        rows = []
    return {"rows": rows, **counts}


def _plain(v: Any) -> Any:
    """A pandas value as pyarrow's to_pylist gives it (so ids match the local engine's)."""
    if v is None:
        return None
    if isinstance(v, float):
        if v != v:
            return None
        return int(v) if v.is_integer() else v
    if hasattr(v, "item") and not isinstance(v, str):
        try:
            return _plain(v.item())
        except (ValueError, TypeError):
            return v
    return v


def write_parquet_part(out: Path, part: int, version: str, rows: list[Row]) -> None:
    """One partition's documents and findings, written atomically (rename) by the worker."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    ints = {"words", "findings_count", "start", "end", "line", "column", "quoted"}
    floats = {"score", "seconds"}

    def schema(cols: tuple[str, ...]) -> Any:
        return pa.schema([(c, pa.int64() if c in ints else pa.float64() if c in floats
                           else pa.string()) for c in cols])  # fmt: skip

    flat = [f for r in rows for f in r["findings"]]
    tables = {
        "findings": pa.table({c: [f[i] for f in flat] for i, c in enumerate(FINDING_COLUMNS)},
                             schema=schema(FINDING_COLUMNS)),
        "documents": pa.table({c: [r[c] for r in rows] for c in DOC_COLUMNS},
                              schema=schema(DOC_COLUMNS)),
    }  # fmt: skip
    for name, table in tables.items():  # documents last: their file marks the part done
        final = part_path(out, part, version, name)
        tmp = final.with_suffix(".tmp")
        pq.write_table(table, tmp)
        tmp.replace(final)


def part_path(out: Path, part: int, version: str, name: str = "documents") -> Path:
    return out / f"{name}-{part:05d}-{version}.parquet"


CHUNKS_PER_THREAD = 3  # enough queued per worker thread that none waits for the next chunk


def in_flight_target(client: Any, fallback: int) -> int:
    """Chunks to keep in flight: three per thread the cluster has now (it may grow or
    shrink during a run), not per core of the machine that submits them."""
    try:
        threads = sum(client.nthreads().values())
    except Exception:  # the scheduler is busy or going away: keep the last known size
        threads = 0
    return CHUNKS_PER_THREAD * (threads or fallback)


class DaskEngine:
    def __init__(
        self,
        spec: AuditSpec,
        version_for: Callable[[str], str],
        workers: int,
        scheduler: str | None = None,
        results_parquet: Path | None = None,
    ) -> None:
        self.spec, self.version_for, self.n = spec, version_for, max(1, workers)
        self.scheduler, self.results_parquet = scheduler, results_parquet

    def _client(self) -> tuple[Any, Any]:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise DaskUnavailable(
                "the dask engine needs dask: pip install 'auditor[dask]'"
            ) from None
        if self.scheduler:
            try:
                return Client(self.scheduler, timeout="20s"), None
            except OSError as e:
                raise DaskUnavailable(f"cannot reach scheduler {self.scheduler}: {e}") from None
        cluster = LocalCluster(
            n_workers=self.n,
            threads_per_worker=1,
            processes=True,
            protocol="tcp",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        return Client(cluster), cluster

    def run(
        self, paths: list[str], opts: InputOptions, items: Iterator[Item], batch: Batch
    ) -> None:
        files = list(Sources(paths, opts).files())
        all_parquet = bool(files) and all(split_ext(f)[0] == ".parquet" for f, _r in files)
        if self.results_parquet is not None and not all_parquet:
            raise DaskUnavailable("--results-parquet needs Parquet inputs (one part per partition)")
        client, cluster = self._client()
        try:
            if all_parquet:
                self._run_frames(client, files, opts, batch)
            else:
                self._run_items(client, items, batch)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _run_items(self, client: Any, items: Iterator[Item], batch: Batch) -> None:
        """Stream Items to the cluster in chunks, at most a few chunks per worker in flight."""
        from distributed import as_completed

        source = iter(items)

        def next_chunk() -> list[Item]:
            chunk = []
            for item in source:
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    break
            return chunk

        ac = as_completed()
        inflight = 0

        def top_up() -> None:
            nonlocal inflight
            while inflight < in_flight_target(client, self.n):
                chunk = next_chunk()
                if not chunk:
                    return
                ac.add(client.submit(audit_chunk, self.spec, chunk, pure=False))
                inflight += 1

        top_up()
        for fut in ac:
            inflight -= 1
            for row in fut.result():
                batch.sink(row)
            fut.release()
            top_up()

    def _run_frames(
        self, client: Any, files: list[tuple[Path, Path]], opts: InputOptions, batch: Batch
    ) -> None:
        """Parquet: each worker reads and audits its own partitions."""
        import dask
        import dask.dataframe as dd
        import pyarrow.parquet as pq
        from distributed import as_completed

        done = self._done(batch)
        [done_ref] = client.scatter([done], broadcast=True)
        out = str(self.results_parquet) if self.results_parquet else None
        tasks: list[Any] = []
        versions: list[str] = []
        for f, root in files:
            names = set(pq.ParquetFile(f).schema_arrow.names)
            if opts.text_column not in names:
                raise DaskUnavailable(f"{f}: no '{opts.text_column}' column")
            cols = [c for c in (opts.id_column, opts.text_column, opts.title_column,
                                opts.date_column) if c in names]  # fmt: skip
            # without an id column the row number is the id: keep a file in one partition
            split: Any = "infer" if opts.id_column in names else False
            ddf = dd.read_parquet(str(f), columns=cols, split_row_groups=split)
            for p in ddf.to_delayed():
                versions.append(self.version_for(str(f)))
                tasks.append(dask.delayed(audit_frame)(  # type: ignore[attr-defined]
                    p, self.spec, opts, str(f), folder_of(f, root), done_ref, out, len(tasks)
                ))  # fmt: skip
        if out is not None:  # resume: a partition already written for this version is done
            todo = []
            for i, t in enumerate(tasks):
                done_part = part_path(Path(out), i, versions[i])
                if done_part.exists():
                    batch.stats.skipped += pq.ParquetFile(done_part).metadata.num_rows
                else:
                    todo.append(t)
            tasks = todo
        futures = client.compute(tasks)
        for fut in as_completed(futures):
            res = fut.result()
            batch.stats.skipped += res["skipped"]
            for row in res["rows"]:
                batch.sink(row)
            if res["written"]:  # written by the worker: only counts come back
                batch.stats.errors += res["errors"]
                batch.stats.audited += res["written"] - res["errors"]
                batch.stats.words += res["words"]
                batch.progress.update(batch.stats)
            fut.release()

    def _done(self, batch: Batch) -> dict[str, tuple[str, str]]:
        """What the store already holds: id -> (content hash, rules version)."""
        if batch.store is None or self.results_parquet is not None:
            return {}
        q = "SELECT id, content_hash, rules_version FROM documents"
        if batch.retry_errors:
            q += " WHERE error IS NULL"
        return {i: (h, v) for i, h, v in batch.store.db.execute(q)}
