"""A real SIGKILL in the middle of `auditor batch`, then a re-run: nothing lost, nothing doubled.

Real processes (the installed command), on 400 generated articles: resume does not depend on
what the articles say, and short ones keep the three runs quick.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from cliutil import AUDITOR, run_binary
from test_batch_helpers import make_archive, results, rows

FAST = ["--ignore", "grammar"]  # resume semantics do not depend on the packs; keep it quick


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.e2e
def test_sigkill_then_resume(tmp_path: Path) -> None:
    source = str(tmp_path / "arch")
    expected = len(make_archive(tmp_path / "arch", 400))
    db = tmp_path / "killed.db"
    args = [AUDITOR, "batch", source, "--db", str(db), "--workers", "2", "--no-progress", *FAST]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 120
    while _count(db) < 40 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be killed"
    proc.send_signal(signal.SIGKILL)  # the batch process only: its workers must notice
    proc.wait()
    written = _count(db)
    assert 40 <= written < expected

    # orphaned workers exit by themselves (parent death), without being killed
    deadline = time.monotonic() + 20
    while _alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(proc.pid), "workers outlived the killed batch"

    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    r = run_binary("batch", source, "--db", str(db), "--workers", "2", "--no-progress", *FAST)
    assert r.returncode == 0, r.stderr
    assert f"{written} unchanged and skipped" in r.stderr

    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "SELECT count(*), count(DISTINCT id) FROM documents") == [(expected, expected)]
    assert rows(db, 'SELECT count(*) FROM (SELECT 1 FROM findings GROUP BY document_id, rule,'
                    ' start, "end" HAVING count(*) > 1)') == [(0,)]  # fmt: skip
    assert rows(db, "SELECT count(*) FROM documents d WHERE d.findings_count != (SELECT"
                    " count(*) FROM findings f WHERE f.document_id = d.id)") == [(0,)]  # fmt: skip

    # and the result is the one an uninterrupted run gives
    clean = tmp_path / "clean.db"
    r = run_binary("batch", source, "--db", str(clean), "--workers", "2", "--no-progress", *FAST)
    assert r.returncode == 0, r.stderr
    assert results(db) == results(clean)


@pytest.mark.e2e
def test_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    source = tmp_path / "arch"
    # enough articles that the run is still going when the first rows land (1,500 were
    # finished in 10 s, sometimes before the interrupt arrived)
    make_archive(source, 5000)
    db = tmp_path / "int.db"
    args = [AUDITOR, "batch", str(source), "--db", str(db), "--workers", "2", "--no-progress",
            *FAST]  # fmt: skip
    # started as a shell starts it: Ctrl-C at its default (a disposition of SIG_IGN that the
    # test process may hold at this moment would be inherited, and Python keeps it)
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_default_sigint)  # fmt: skip
    deadline = time.monotonic() + 60
    while _count(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert _count(db) >= 20
