"""What every reader yields: an Item (one document's raw data, or why it could not be read).

An Item carries its raw bytes (a file) or its text (a record) and a content hash computed
before any audit, so a results store can skip unchanged documents before a worker sees them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from auditor.hashes import blake2b

DOC_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
RECORD_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
                  ".parquet": "parquet"}  # fmt: skip
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class InputOptions:
    """Where records keep their fields, the largest file read, and what stdin is called."""

    id_column: str = "id"
    text_column: str = "text"
    title_column: str = "title"
    date_column: str = "date"
    max_bytes: int = DEFAULT_MAX_BYTES
    stdin_filename: str | None = None  # names "-" in reports and picks its reader


@dataclass(slots=True)
class Item:
    """One document to audit (or one that could not be read: `problem` says why)."""

    id: str
    path: str
    fmt: str  # txt | md | html | record | error
    folder: str
    content_hash: str
    data: bytes | str | None = None  # raw bytes of a file, text of a record
    title: str | None = None
    date: str | None = None
    problem: str | None = None
    line: int | None = None  # a JSON Lines record: its line in the file


def content_hash(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def record_hash(text: str, title: str | None) -> str:
    return content_hash(text.encode("utf-8", "surrogatepass") + b"\x00" + (title or "").encode())


def split_ext(path: Path) -> tuple[str, bool]:
    """The format extension of a file, looking through a trailing .gz."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gz


def supported(path: Path) -> bool:
    ext, gz = split_ext(path)
    return ext in DOC_FORMATS or (ext in RECORD_FORMATS and not (gz and ext == ".parquet"))


def supported_list() -> str:
    """The extensions a reader exists for, for messages."""
    return ", ".join(sorted({*DOC_FORMATS, *RECORD_FORMATS})) + " (and .gz of each but parquet)"


def why(e: BaseException) -> str:
    """One line saying why a read failed."""
    return getattr(e, "strerror", None) or str(e).splitlines()[0][:200] or type(e).__name__


def problem_item(item_id: str, path: str, folder: str, problem: str, h: str = "") -> Item:
    return Item(item_id, path, "error", folder, h, problem=f"{path}: {problem}")
