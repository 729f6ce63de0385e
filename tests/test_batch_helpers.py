"""Shared by the batch tests: generated archives, the BBC corpus when present, store reads."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

EVAL = Path(
    os.environ.get("AUDITOR_EVAL_DIR", Path(__file__).parents[1] / ".." / "shared" / "eval")
)
BBC = EVAL / "bbc-news"

_SENTENCES = [
    "The minister said on Tuesday that the budget would be published in May.",
    "Officials allegedly ignored the warnings for months.",
    "The company reportedly hid the losses from its auditors.",
    "Some analysts claim the deal prolonged the conflict.",
    "Prices rose by 4.25% in the year to March, the statistics office said.",
    "the council voted to close the library on Friday.",
    "Residents said they had not been consulted about the plan.",
    "The report could not be independently confirmed.",
]


def article(i: int, rng: random.Random) -> str:
    """A short generated news article; some sentences carry known findings."""
    paras = []
    for _ in range(rng.randint(3, 7)):
        paras.append(" ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(2, 5))))
    return f"Story number {i}\n\n" + "\n\n".join(paras) + "\n"


def make_archive(root: Path, n: int, folders: int = 3, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        d = root / f"desk{i % folders}"
        d.mkdir(parents=True, exist_ok=True)
        p = d / f"{i:05d}.txt"
        p.write_text(article(i, rng), encoding="utf-8")
        paths.append(p)
    return paths


def bbc_files(n: int | None = None, per_folder: int | None = None) -> list[Path]:
    """BBC articles in a stable order: all, the first n, or the first per_folder of each."""
    files = sorted(BBC.glob("*/*.txt"))
    if per_folder is not None:
        by: dict[str, list[Path]] = {}
        for f in files:
            by.setdefault(f.parent.name, []).append(f)
        files = [f for fs in by.values() for f in fs[:per_folder]]
    return files[:n] if n is not None else files


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def results(db: Path) -> tuple[list[tuple], list[tuple]]:  # type: ignore[type-arg]
    """What must not depend on the engine: per-document scores and every finding."""
    docs = rows(db, "SELECT id, content_hash, words, score, packs, findings_count, worst, error,"
                    " folder, date FROM documents ORDER BY id")  # fmt: skip
    finds = rows(db, 'SELECT document_id, rule, pack, severity, start, "end", message, line,'
                     ' "column", text, suggestions, quoted FROM findings'
                     ' ORDER BY document_id, start, "end", rule')  # fmt: skip
    return docs, finds
