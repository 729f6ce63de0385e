"""Stream an archive as Items: files in directories or globs, JSON/JSONL, CSV, Parquet, gzip.

Nothing here holds more than one file (or one Parquet batch) in memory, so an archive of
any size streams through. Each Item carries its raw bytes (files) or its text (records)
and a content hash, computed here so that the store can skip unchanged documents before
any worker sees them. A file or record that cannot be read becomes an Item with a
`problem`, recorded in the store as that document's error.
"""

from __future__ import annotations

import csv
import glob
import gzip
import hashlib
import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import AuditorError

DOC_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
RECORD_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
                  ".parquet": "parquet"}  # fmt: skip
SKIP_DIRS = {"node_modules", "venv", "__pycache__"}


@dataclass(frozen=True)
class InputOptions:
    """Where records keep their fields, and the largest file read."""

    id_column: str = "id"
    text_column: str = "text"
    title_column: str = "title"
    date_column: str = "date"
    max_bytes: int = 10 * 1024 * 1024


@dataclass(slots=True)
class Item:
    """One document to audit (or one that could not be read: `problem` says why)."""

    id: str
    path: str
    fmt: str  # txt | md | html | record
    folder: str
    content_hash: str
    data: bytes | str | None = None  # raw bytes of a file, text of a record
    title: str | None = None
    date: str | None = None
    problem: str | None = None


class SourceError(AuditorError):
    """A named input that does not exist or cannot be used at all (exit code 2)."""


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _record_hash(text: str, title: str | None) -> str:
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


# -- finding files ----------------------------------------------------------------------


def _walk(root: Path) -> Iterator[Path]:
    """Supported files under root in a stable order, one directory listing at a time."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        if e.is_dir(follow_symlinks=False):
            if e.name not in SKIP_DIRS:
                yield from _walk(Path(e.path))
        elif e.is_file() and supported(Path(e.name)):
            yield Path(e.path)


def iter_files(paths: list[str]) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every supported file named by the paths (dirs, files, globs)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in _walk(p):
                yield f, p
        elif p.is_file():
            if supported(p):
                yield p, p.parent
        elif any(c in raw for c in "*?["):
            for m in sorted(glob.iglob(raw, recursive=True)):
                mp = Path(m)
                if mp.is_file() and supported(mp):
                    yield mp, _glob_root(raw)


def _glob_root(pattern: str) -> Path:
    """The directory part of a glob before its first wildcard (folders are relative to it)."""
    parts: list[str] = []
    for part in Path(pattern).parts:
        if any(c in part for c in "*?["):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def check_paths(paths: list[str]) -> list[str]:
    """Problems with the named inputs: missing paths, unsupported files, empty globs."""
    problems = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            continue
        if p.is_file():
            if not supported(p):
                problems.append(f"{p}: unsupported file type")
            continue
        if any(c in raw for c in "*?[") and any(glob.iglob(raw, recursive=True)):
            continue
        problems.append(f"{raw}: no such file or directory")
    return problems


def _folder(path: Path, root: Path) -> str:
    try:
        rel = path.parent.relative_to(root)
    except ValueError:
        rel = Path(path.parent.name)
    return str(rel) if str(rel) != "." else (root.name or ".")


# -- reading ----------------------------------------------------------------------------


def iter_items(paths: list[str], opts: InputOptions | None = None) -> Iterator[Item]:
    """Every document under the paths, streamed."""
    opts = opts or InputOptions()
    for path, root in iter_files(paths):
        ext, gz = split_ext(path)
        folder = _folder(path, root)
        if ext in DOC_FORMATS:
            yield _file_item(path, DOC_FORMATS[ext], gz, folder, opts)
        else:
            fmt = RECORD_FORMATS[ext]
            reader = {"json": _json_items, "jsonl": _jsonl_items, "csv": _csv_items,
                      "parquet": _parquet_items}[fmt]  # fmt: skip
            try:
                yield from reader(path, gz, folder, opts)
            except (OSError, ValueError, EOFError, ImportError) as e:
                yield _problem(str(path), str(path), folder, f"cannot read: {_why(e)}")


def _why(e: BaseException) -> str:
    return getattr(e, "strerror", None) or str(e).splitlines()[0][:200] or type(e).__name__


def _problem(item_id: str, path: str, folder: str, problem: str, h: str = "") -> Item:
    return Item(item_id, path, "error", folder, h, problem=f"{path}: {problem}")


def _file_item(path: Path, fmt: str, gz: bool, folder: str, opts: InputOptions) -> Item:
    name = str(path)
    try:
        st = path.stat()
        if st.st_size > opts.max_bytes:
            return _problem(name, name, folder,
                            f"file is {st.st_size / 1048576:.1f} MB, over the "
                            f"{opts.max_bytes / 1048576:.1f} MB limit (raise it with --max-size)",
                            f"stat:{st.st_size}:{st.st_mtime_ns}")  # fmt: skip
        data = path.read_bytes()
        if gz:
            data = _gunzip(data, opts.max_bytes)
    except (OSError, EOFError, ValueError) as e:
        return _problem(name, name, folder, f"cannot read: {_why(e)}")
    h = content_hash(data)
    if b"\x00" in data[:8192]:
        return _problem(name, name, folder, "binary file, not text", h)
    if not data.strip():
        return _problem(name, name, folder, "empty file, nothing to audit", h)
    return Item(name, name, fmt, folder, h, data=data)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
        out = f.read(max_bytes + 1)
    if len(out) > max_bytes:
        raise ValueError(f"decompressed size over the {max_bytes / 1048576:.1f} MB limit")
    return out


def _open_text(path: Path, gz: bool) -> io.TextIOBase:
    raw = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


def _record(path: Path, folder: str, rec: object, where: str, opts: InputOptions) -> Item:
    name = str(path)
    if not isinstance(rec, dict):
        return _problem(where, name, folder, f"{where.split(':')[-1]}: record is not an object")
    rid, text = rec.get(opts.id_column), rec.get(opts.text_column)
    if rid is None or rid == "":
        return _problem(where, name, folder, f"record at {where}: no '{opts.id_column}' field")
    item_id = f"{name}#{rid}"
    if not isinstance(text, str) or not text.strip():
        return _problem(item_id, name, folder, f"record {rid}: no text in '{opts.text_column}'")
    title = rec.get(opts.title_column)
    title = str(title) if title is not None else None
    return Item(item_id, name, "record", folder, _record_hash(text, title), data=text,
                title=title, date=_date(rec.get(opts.date_column)))  # fmt: skip


def _date(value: object) -> str | None:
    """A date as ISO text, whether it came as a string, a date or a timestamp."""
    if value is None or value == "":
        return None
    iso = getattr(value, "isoformat", None)
    text = iso() if callable(iso) else str(value)
    return text.removesuffix("T00:00:00")


def _jsonl_items(path: Path, gz: bool, folder: str, opts: InputOptions) -> Iterator[Item]:
    with _open_text(path, gz) as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield _problem(where, str(path), folder, f"line {lineno}: invalid JSON: {e.msg}")
                continue
            yield _record(path, folder, rec, where, opts)


def _json_items(path: Path, gz: bool, folder: str, opts: InputOptions) -> Iterator[Item]:
    data = path.read_bytes()
    if gz:
        data = _gunzip(data, opts.max_bytes)
    elif len(data) > opts.max_bytes:
        raise ValueError(f"file over the {opts.max_bytes / 1048576:.1f} MB limit (use JSONL)")
    try:
        parsed = json.loads(data.decode("utf-8", "replace"))
    except json.JSONDecodeError as e:
        raise ValueError(f"invalid JSON at line {e.lineno}: {e.msg}") from None
    for i, rec in enumerate(parsed if isinstance(parsed, list) else [parsed], 1):
        yield _record(path, folder, rec, f"{path}:record {i}", opts)


def _csv_items(path: Path, gz: bool, folder: str, opts: InputOptions) -> Iterator[Item]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with _open_text(path, gz) as f:
        reader = csv.DictReader(f)
        if opts.text_column not in (reader.fieldnames or []):
            raise ValueError(f"no '{opts.text_column}' column (set one with --text-column)")
        for rowno, row in enumerate(reader, 1):
            if opts.id_column not in row:
                row[opts.id_column] = str(rowno)  # no id column: the row number
            yield _record(path, folder, row, f"{path}:row {rowno}", opts)


def _parquet_items(path: Path, gz: bool, folder: str, opts: InputOptions) -> Iterator[Item]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    names = set(pf.schema_arrow.names)
    if opts.text_column not in names:
        raise ValueError(f"no '{opts.text_column}' column (set one with --text-column)")
    cols = [c for c in (opts.id_column, opts.text_column, opts.title_column, opts.date_column)
            if c in names]  # fmt: skip
    row = 0
    for batch in pf.iter_batches(batch_size=512, columns=cols):
        for rec in batch.to_pylist():
            row += 1
            if opts.id_column not in names:
                rec[opts.id_column] = str(row)
            yield _record(path, folder, rec, f"{path}:row {row}", opts)


# -- counting (for the progress bar) ----------------------------------------------------


def count_items(paths: list[str], opts: InputOptions | None = None) -> int | None:
    """How many Items the paths hold, when that is cheap to know (None if not)."""
    opts = opts or InputOptions()
    total = 0
    for path, _root in iter_files(paths):
        ext, gz = split_ext(path)
        if ext in DOC_FORMATS:
            total += 1
        elif gz or ext in (".json", ".csv"):
            return None
        elif ext == ".parquet":
            try:
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
            except Exception:
                return None
        else:
            try:
                with open(path, "rb") as f:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
            except OSError:
                return None
    return total
