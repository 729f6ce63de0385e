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
        try:
            self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=30.0)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
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
        """Write documents and their findings in one transaction; returns how many."""
        n = 0
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for row in rows:
                    self.db.execute("DELETE FROM findings WHERE document_id = ?", (row["id"],))
                    self.db.execute(self._insert_doc, [row[c] for c in DOC_COLUMNS])
                    if row["findings"]:
                        self.db.executemany(self._insert_finding, row["findings"])
                    n += 1
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot write results: {e}") from None
        return n

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
