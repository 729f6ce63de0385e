"""The results store: SQLite in WAL mode, one writer, a transaction per batch of documents.

A document's row and its findings are written in the same transaction, after deleting
any older findings for that id, so a crash at any moment leaves every document either
wholly old, wholly new or absent, and never duplicates rows. WAL keeps readers (the
report) working while a batch writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.errors import StoreError

DOC_COLUMNS = ("id", "path", "folder", "date", "title", "content_hash", "words", "score", "packs",
               "findings_count", "worst", "error", "warnings", "rules_version", "audited_at",
               "seconds")  # fmt: skip
FINDING_COLUMNS = ("document_id", "rule", "pack", "severity", "start", "end", "message", "line",
                   "column", "text", "suggestions", "quoted")  # fmt: skip

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    path TEXT,
    folder TEXT,
    date TEXT,
    title TEXT,
    content_hash TEXT NOT NULL,
    words INTEGER,
    score REAL,
    packs TEXT,              -- JSON: {pack: {"score": .., "findings": ..}}
    findings_count INTEGER,
    worst TEXT,              -- the most severe finding's severity
    error TEXT,              -- why the document could not be audited
    warnings TEXT,           -- problems met while reading (e.g. invalid UTF-8)
    rules_version TEXT NOT NULL,
    audited_at TEXT,
    seconds REAL
);
CREATE TABLE IF NOT EXISTS findings (
    document_id TEXT NOT NULL,
    rule TEXT NOT NULL,
    pack TEXT NOT NULL,
    severity TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    message TEXT,
    line INTEGER,
    "column" INTEGER,
    text TEXT,
    suggestions TEXT,        -- JSON list, or NULL
    quoted INTEGER
);
CREATE INDEX IF NOT EXISTS findings_document ON findings(document_id);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule);
"""


APPLICATION_ID = 0x41554454  # "AUDT" in the SQLite header: this file is an auditor store


def refuse_foreign(path: Path) -> None:
    """An existing database that is not an auditor store is refused, and left untouched."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        with path.open("rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                raise StoreError(f"{path}: not an SQLite database (refusing to overwrite it)")
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (app,) = db.execute("PRAGMA application_id").fetchone()
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            db.close()
    except (OSError, sqlite3.DatabaseError) as e:
        raise StoreError(f"{path}: cannot use as a results database: {e}") from None
    if app == APPLICATION_ID or (app == 0 and tables <= {"documents", "findings"}):
        return  # ours (or an empty database, or a store from before the application id)
    raise StoreError(
        f"{path}: a database that is not an auditor results store (tables: "
        f"{', '.join(sorted(tables)) or 'none'}); refusing to change it (choose another --db)"
    )


@dataclass(slots=True)
class Stored:
    content_hash: str
    rules_version: str
    score: float | None
    worst: str | None
    error: str | None


class Store:
    """The SQLite results store; every write goes through `write`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        refuse_foreign(self.path)  # before anything could write to someone else's file
        try:
            self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=30.0)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot use as a results database: {e}") from None
        cols = ", ".join(f'"{c}"' for c in DOC_COLUMNS)
        self._insert_doc = f"INSERT OR REPLACE INTO documents ({cols}) VALUES ({', '.join('?' * len(DOC_COLUMNS))})"
        fcols = ", ".join(f'"{c}"' for c in FINDING_COLUMNS)
        self._insert_finding = (
            f"INSERT INTO findings ({fcols}) VALUES ({', '.join('?' * len(FINDING_COLUMNS))})"
        )

    def lookup(self, doc_id: str) -> Stored | None:
        row = self.db.execute(
            "SELECT content_hash, rules_version, score, worst, error FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        return Stored(*row) if row else None

    def write(self, rows: Iterable[dict[str, Any]]) -> int:
        """Write documents and their findings in one transaction; returns how many.

        Three statements for the whole batch (executemany), not three per document: the
        single writer keeps up with many workers."""
        batch = list({r["id"]: r for r in rows}.values())  # a row written twice: the last wins
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.executemany(
                    "DELETE FROM findings WHERE document_id = ?", [(r["id"],) for r in batch]
                )
                self.db.executemany(self._insert_doc, [[r[c] for c in DOC_COLUMNS] for r in batch])
                self.db.executemany(self._insert_finding, [f for r in batch for f in r["findings"]])
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot write results: {e}") from None
        return len(batch)

    def close(self) -> None:
        self.db.close()


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A connection for reading a store (the report); refuses what is not one."""
    p = Path(path)
    if not p.is_file():
        raise StoreError(f"{p}: no such results database")
    try:
        db = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        db.execute("SELECT id, score, packs FROM documents LIMIT 1")
        db.execute("SELECT rule FROM findings LIMIT 1")
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{p}: not an auditor results database ({e})") from None
    return db
