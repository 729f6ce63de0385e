"""The Dask engine on a real LocalCluster (worker processes over TCP) gives the local results.

20 BBC articles (4 from each folder) when the evaluation data is present, else 20
generated ones; as files (streamed to the cluster) and as Parquet (read by the workers).
Small on purpose: the engines' agreement does not need more, and every document is audited
several times.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from cliutil import cli
from test_batch_helpers import BBC, bbc_files, make_archive, results

distributed = pytest.importorskip("distributed")

N = 20  # documents


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    c = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        protocol="tcp",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        yield c
    finally:
        c.close()


def _articles(tmp_path: Path) -> list[Path]:
    if BBC.is_dir():
        return bbc_files(per_folder=N // 5)
    return make_archive(tmp_path / "gen", N, folders=5)


def test_dask_equals_local_on_files(tmp_path: Path, cluster) -> None:  # type: ignore[no-untyped-def]
    files = [str(f) for f in _articles(tmp_path)]
    assert len(files) == N
    local, dask = tmp_path / "local.db", tmp_path / "dask.db"
    # one local worker: the reference does not depend on how many, and each sets up every engine
    r = cli("batch", *files, "--db", str(local), "-w", "1", "--no-progress")
    assert r.returncode == 0, r.stderr
    r = cli("batch", *files, "--db", str(dask), "--engine", "dask",
            "--scheduler", cluster.scheduler_address, "--no-progress")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert f"{N} audited" in r.stderr
    docs, finds = results(dask)
    assert len(docs) == N and finds
    assert (docs, finds) == results(local)


def test_dask_reads_parquet_partitions_and_resumes(tmp_path: Path, cluster) -> None:  # type: ignore[no-untyped-def]
    files = _articles(tmp_path)
    texts = [f.read_bytes().decode("utf-8", "replace") for f in files]
    table = pa.table({
        "story_id": [f"{f.parent.name}-{f.stem}" for f in files],
        "body": texts,
        "date": [f"2005-{i % 12 + 1:02d}-01" for i in range(len(files))],
    })  # fmt: skip
    (tmp_path / "pq").mkdir()
    # two files of several row groups each
    pq.write_table(table.slice(0, 8), tmp_path / "pq" / "a.parquet", row_group_size=4)
    pq.write_table(table.slice(8), tmp_path / "pq" / "b.parquet", row_group_size=4)
    cols = ["--id-column", "story_id", "--text-column", "body", "--ignore", "grammar"]
    local, dask = tmp_path / "local.db", tmp_path / "dask.db"
    r = cli("batch", str(tmp_path / "pq"), "--db", str(local), "-w", "2", "--no-progress",
            *cols)  # fmt: skip
    assert r.returncode == 0, r.stderr
    dargs = ["batch", str(tmp_path / "pq"), "--db", str(dask), "--engine", "dask",
             "--scheduler", cluster.scheduler_address, "--no-progress", *cols]  # fmt: skip
    r = cli(*dargs)
    assert r.returncode == 0, r.stderr
    assert results(dask) == results(local)
    assert len(results(dask)[0]) == N
    r = cli(*dargs)
    assert r.returncode == 0 and f"{N} unchanged and skipped" in r.stderr

    out = tmp_path / "results"
    r = cli(*dargs[:3], str(tmp_path / "unused.db"), *dargs[4:], "--results-parquet", str(out))
    assert r.returncode == 0, r.stderr
    written = pa.concat_tables([pq.read_table(p) for p in sorted(out.glob("documents-*"))])
    assert sorted(written.column("id").to_pylist()) == [d[0] for d in results(local)[0]]
    assert pa.concat_tables([pq.read_table(p) for p in out.glob("findings-*")]).num_rows
    r = cli(*dargs[:3], str(tmp_path / "unused.db"), *dargs[4:], "--results-parquet", str(out))
    assert r.returncode == 0, r.stderr
    # all parts already written
    assert "auditor: 0 audited" in r.stderr and f"{N} unchanged" in r.stderr


def test_work_in_flight_is_sized_from_the_cluster(cluster) -> None:  # type: ignore[no-untyped-def]
    from auditor.batch.dask_engine import CHUNKS_PER_THREAD, in_flight_target

    with distributed.Client(cluster) as client:
        threads = sum(client.nthreads().values())
        assert threads == 2
        # the cluster's threads, not the submitting machine's cores (fallback 1 here)
        assert in_flight_target(client, 1) == CHUNKS_PER_THREAD * threads
