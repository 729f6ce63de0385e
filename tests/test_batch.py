"""Batch audits: inputs, the store, resume, per-document failures, the report and exports."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from cliutil import cli, run_binary
from test_batch_helpers import article, make_archive, rows

from auditor.batch.local import LocalEngine
from auditor.batch.runner import Batch
from auditor.batch.store import Store
from auditor.batch.summary import export_documents, write_html
from auditor.batch.work import AuditSpec
from auditor.inputs import InputOptions, count_items, iter_items
from auditor.pipeline import AuditOptions

# the tests that audit thousands of documents leave out the grammar pack (its engine is the
# slow part), so that they stay fast whatever the grammar pack grows into
FAST = AuditSpec(AuditOptions(ignore=("grammar",)))
# the tests whose subject is not the packs (resume, the store, warnings, the report) run one
# light pack: each run starts a worker, and a worker's first document sets up every engine
# it runs (Harper, the causal models) in seconds; the batch CLI and Dask tests run them all
LIGHT = AuditSpec(AuditOptions(select=("hedges",)))


def run_local(paths: list[str], db: Path, spec: AuditSpec | None = None, workers: int = 1) -> Batch:
    spec = spec or AuditSpec()
    version_for = spec.build().version_for
    store = Store(db)
    batch = Batch(store, version_for)
    try:
        LocalEngine(spec, version_for, workers).run(batch.pending(iter_items(paths)), batch)
        batch.flush()
    finally:
        store.close()
    return batch


def test_inputs_read_every_format(tmp_path: Path) -> None:
    import random

    rng = random.Random(1)
    (tmp_path / "a.txt").write_text(article(1, rng))
    (tmp_path / "b.md").write_text("# Title\n\nOfficials allegedly lied.\n")
    (tmp_path / "c.html").write_text("<p>Officials allegedly lied.</p>")
    with gzip.open(tmp_path / "d.txt.gz", "wt") as f:
        f.write("Officials reportedly lied.\n")
    (tmp_path / "e.jsonl").write_text(
        json.dumps({"id": 1, "text": "One.", "date": "2005-03-01"}) + "\n{bad\n"
        + json.dumps({"id": 2, "text": ""}) + "\n"
    )  # fmt: skip
    (tmp_path / "f.csv").write_text('story,body,headline\nx1,"Prices rose, they said.",Prices\n')
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": ["First.", "Second."]}),
                   tmp_path / "g.parquet")  # fmt: skip
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "ignored.py").write_text("x = 1\n")

    items = {i.id: i for i in iter_items([str(tmp_path)])}
    t = str(tmp_path)
    assert set(items) == {
        f"{t}/a.txt", f"{t}/b.md", f"{t}/c.html", f"{t}/d.txt.gz", f"{t}/e.jsonl#1",
        f"{t}/e.jsonl:2", f"{t}/e.jsonl#2", f"{t}/f.csv", f"{t}/g.parquet#p1",
        f"{t}/g.parquet#p2", f"{t}/empty.txt",
    }  # fmt: skip
    assert items[f"{t}/d.txt.gz"].data == b"Officials reportedly lied.\n"
    assert items[f"{t}/e.jsonl#1"].date == "2005-03-01"
    assert "invalid JSON" in (items[f"{t}/e.jsonl:2"].problem or "")
    assert items[f"{t}/e.jsonl#2"].problem and items[f"{t}/empty.txt"].problem
    assert "no 'text' column" in (items[f"{t}/f.csv"].problem or "")
    opts = InputOptions(id_column="story", text_column="body", title_column="headline")
    csv_items = [i for i in iter_items([f"{t}/f.csv"], opts)]
    assert [(i.id, i.data, i.title) for i in csv_items] == [
        (f"{t}/f.csv#x1", "Prices rose, they said.", "Prices")
    ]
    assert count_items([str(tmp_path)]) is None  # a CSV file: not counted up front
    assert count_items([f"{t}/g.parquet", f"{t}/a.txt"]) == 3


def test_resume_skips_unchanged_and_reaudits_changed(tmp_path: Path) -> None:
    files = make_archive(tmp_path / "arch", 30)
    db = tmp_path / "r.db"
    first = run_local([str(tmp_path / "arch")], db, LIGHT)
    assert (first.stats.audited, first.stats.skipped) == (30, 0)
    before = dict(rows(db, "SELECT id, findings_count FROM documents"))

    files[0].write_text("Officials allegedly lied. Officials allegedly lied again.\n")
    (tmp_path / "arch" / "desk0" / "new.txt").write_text("Officials reportedly lied.\n")
    second = run_local([str(tmp_path / "arch")], db, LIGHT)
    assert (second.stats.audited, second.stats.skipped) == (2, 29)
    n = rows(db, "SELECT count(*) FROM findings WHERE document_id = ?", (str(files[0]),))[0][0]
    assert n == 2 and before[str(files[0])] != 2  # the old findings were replaced
    assert rows(db, "SELECT count(*), count(DISTINCT id) FROM documents") == [(31, 31)]
    per_doc = rows(db, "SELECT d.findings_count, (SELECT count(*) FROM findings f WHERE"
                       " f.document_id = d.id) FROM documents d")  # fmt: skip
    assert all(a == b for a, b in per_doc)

    # another selection is another rules version: everything is audited again
    other = "SELECT count(*) FROM findings WHERE rule != 'hedges.allegedly'"
    assert rows(db, other)[0][0] > 0
    third = run_local(
        [str(tmp_path / "arch")], db, AuditSpec(AuditOptions(select=("hedges.allegedly",)))
    )
    assert (third.stats.audited, third.stats.skipped) == (31, 0)
    assert rows(db, other) == [(0,)]


def test_pathological_document_hits_the_time_limit_and_the_batch_goes_on(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "slow.toml").write_text(
        '[pack]\nid = "slow"\nsummary = "A rule with catastrophic backtracking."\n\n'
        '[[rule]]\nid = "slow.backtrack"\nkind = "existence"\nscope = "document"\n'
        'severity = "info"\nmessage = "m"\nwhy = "w"\npatterns = [\'aa*a*a*a*a*a*a*c\']\n'
        'examples.bad = ["[[aac]]"]\nexamples.good = ["xyz"]\n'
    )
    arch = tmp_path / "arch"
    make_archive(arch, 6, folders=1)
    (arch / "desk0" / "evil.txt").write_text("a" * 200 + "b\n")
    db = tmp_path / "t.db"
    # only light packs beside the slow one: under load, Harper's first-use set-up alone could
    # pass a one-second limit on an ordinary document
    (tmp_path / "auditor.toml").write_text('rule-paths = ["packs"]\n')
    options = AuditOptions(select=("slow", "hedges"), config=tmp_path / "auditor.toml")
    spec = AuditSpec(options, timeout=1.0)
    batch = run_local([str(arch)], db, spec)
    assert (batch.stats.audited, batch.stats.errors) == (6, 1)
    [(error,)] = rows(db, "SELECT error FROM documents WHERE id LIKE '%evil.txt'")
    assert "time limit" in error


def test_invalid_utf8_is_audited_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(
        "Prices rose to £5 in May, officials said.\n".encode("latin-1")
    )
    db = tmp_path / "u.db"
    batch = run_local([str(tmp_path)], db, LIGHT)
    assert (batch.stats.audited, batch.stats.warned, batch.stats.errors) == (1, 1, 0)
    [(warning, score)] = rows(db, "SELECT warnings, score FROM documents")
    assert "invalid UTF-8" in warning and score is not None


def test_report_and_exports(tmp_path: Path) -> None:
    make_archive(tmp_path / "arch", 40)
    (tmp_path / "arch" / "desk1" / "empty.txt").write_text("")
    db = tmp_path / "s.db"
    run_local([str(tmp_path / "arch")], db, LIGHT)
    out = tmp_path / "summary.html"
    write_html(db, out)
    page = out.read_text()
    assert page.count("<svg") == 3  # histogram, rules, scores by folder
    assert "hedges.allegedly" in page and "desk2" in page and "empty file" in page
    assert not any(x in page for x in ("<link", "<script", "src=", "<img"))  # self-contained
    for ext in ("csv", "jsonl", "parquet"):
        assert export_documents(db, tmp_path / f"e.{ext}") == 41
    table = pq.read_table(tmp_path / "e.parquet")
    assert {"score", "score_hedges", "folder"} <= set(table.column_names)
    lines = (tmp_path / "e.jsonl").read_text().splitlines()
    assert json.loads(lines[0])["id"].endswith("00000.txt")


@pytest.mark.e2e
def test_cli_batch_report_and_exit_codes(tmp_path: Path) -> None:
    """The first batch runs the installed command in a real process; the rest in process."""
    make_archive(tmp_path / "arch", 12)
    db = tmp_path / "c.db"
    html = tmp_path / "s.html"
    r = run_binary("batch", str(tmp_path / "arch"), "--db", str(db), "-w", "1", "--report",
                   str(html))  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "12 audited" in r.stderr and html.exists()
    r = cli("batch", str(tmp_path / "arch"), "--db", str(db), "-w", "1", "--fail-on", "warning")
    assert r.returncode == 1 and "12 unchanged" in r.stderr  # the gate reads stored results
    r = cli("report", str(db))
    assert r.returncode == 0 and "most frequent rules" in r.stdout
    r = cli("batch", str(tmp_path / "nowhere"), "--db", str(db))
    assert r.returncode == 2 and r.stderr.count("\n") <= 2 and "Traceback" not in r.stderr
    r = cli("batch", str(tmp_path / "arch"), "--db", str(db), "--engine", "spark")
    assert r.returncode == 2 and "unknown engine" in r.stderr
    (tmp_path / "junk.db").write_text("not a database, just text\n" * 50)
    r = cli("report", str(tmp_path / "junk.db"))
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_store_rewrite_replaces_a_document_and_its_findings(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    run_local([str(make_archive(tmp_path / "a", 3)[0])], db, LIGHT)
    con = sqlite3.connect(db)
    cur = con.execute("SELECT * FROM documents")
    row = dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))
    con.close()
    row["findings"] = [(row["id"], "x.y", "x", "info", 0, 1, "m", 1, 1, "S", None, 0)]
    store = Store(db)
    store.write([row, row])  # the same document twice in one transaction
    store.close()
    assert rows(db, "SELECT count(*) FROM documents") == [(1,)]
    assert rows(db, "SELECT rule FROM findings") == [("x.y",)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize("name", ["x.db"])
def test_store_refuses_a_non_database(tmp_path: Path, name: str) -> None:
    from auditor.batch.store import StoreError

    p = tmp_path / name
    p.write_bytes(b"\x00garbage" * 100)
    with pytest.raises(StoreError):
        Store(p)


def test_a_worker_that_dies_is_replaced_and_its_chunk_requeued(tmp_path: Path) -> None:
    import multiprocessing
    import threading
    import time

    make_archive(tmp_path / "arch", 600, folders=2)
    db = tmp_path / "k.db"
    killed: list[int] = []

    def kill_a_worker() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] > 20:
                break
            time.sleep(0.02)
        for child in multiprocessing.active_children():
            child.kill()  # a worker crashes mid-chunk
            killed.append(child.pid or 0)
            return

    db.touch()
    Store(db).close()
    killer = threading.Thread(target=kill_a_worker)
    killer.start()
    batch = run_local([str(tmp_path / "arch")], db, FAST)
    killer.join()
    assert killed, "the batch ended before a worker could be killed"
    assert batch.stats.audited + batch.stats.errors == 600
    assert batch.stats.errors <= 1  # the document the worker was on, if it was on one
    assert rows(db, "SELECT count(*), count(DISTINCT id) FROM documents") == [(600, 600)]
    errors = rows(db, "SELECT error FROM documents WHERE error IS NOT NULL")
    assert all("worker stopped" in e for (e,) in errors)


def test_plain_progress_lines_when_not_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from auditor.batch.runner import Progress, Stats

    progress = Progress(total=10, enabled=True, every=0.0)
    stats = Stats(audited=4, words=1000)
    progress.update(stats)
    err = capsys.readouterr().err
    assert err.startswith("auditor: 4/10 documents,") and "docs/s" in err and "ETA" in err


def test_documents_in_flight_stay_bounded(tmp_path: Path) -> None:
    """The engine pulls documents only as workers free up: memory does not grow with the
    archive."""
    from auditor.batch.local import CHUNK, CHUNKS_IN_FLIGHT

    make_archive(tmp_path / "arch", 600)
    spec = LIGHT
    version_for = spec.build().version_for
    batch = Batch(None, version_for)
    pulled = 0
    peak = 0

    def counting(items):  # type: ignore[no-untyped-def]
        nonlocal pulled, peak
        for item in items:
            pulled += 1
            done = batch.stats.audited + batch.stats.errors
            peak = max(peak, pulled - done)
            yield item

    LocalEngine(spec, version_for, 2).run(counting(iter_items([str(tmp_path / "arch")])), batch)
    assert batch.stats.audited == 600
    assert peak <= 2 * CHUNK * CHUNKS_IN_FLIGHT + 1  # +1: the first, read to see if any


def test_report_groups_by_month_when_records_have_dates(tmp_path: Path) -> None:
    from auditor.batch.summary import text_summary

    with (tmp_path / "wire.jsonl").open("w") as f:
        for i in range(12):
            text = "Officials allegedly lied to the committee." if i % 3 else "Prices rose."
            f.write(json.dumps({"id": i, "text": text, "date": f"2005-0{i % 3 + 1}-1{i % 9}"}))
            f.write("\n")
    db = tmp_path / "m.db"
    run_local([str(tmp_path / "wire.jsonl")], db, LIGHT)
    summary = text_summary(db)
    assert "by month:" in summary
    assert "2005-01" in summary and "2005-03" in summary
    write_html(db, tmp_path / "m.html")
    assert "Scores by month" in (tmp_path / "m.html").read_text()


def test_workers_that_cannot_start_stop_the_batch(tmp_path: Path) -> None:
    from auditor.batch.local import WorkerFailure

    make_archive(tmp_path / "arch", 5)
    (tmp_path / "auditor.toml").write_text('rule-paths = ["no-such-packs"]\n')
    spec = AuditSpec(AuditOptions(config=tmp_path / "auditor.toml"))
    batch = Batch(None, lambda path: "v")
    with pytest.raises(WorkerFailure, match="could not start"):
        LocalEngine(spec, lambda path: "v", 2).run(iter_items([str(tmp_path / "arch")]), batch)
    assert batch.stats.errors == 0  # no document blamed
