"""Record formats: JSON, JSON Lines (NDJSON), CSV and Parquet, each record one Item.

Records stream: nothing holds more than one record (or one Parquet batch) at a time, except a
plain JSON file, which is one value. JSON Lines are split on "\n" only, as the format says:
a record whose strings hold U+2028 or a lone "\r" stays one record.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from auditor.inputs.items import InputOptions, Item, problem_item, record_hash


def open_binary(path: Path, gz: bool, data: bytes | None = None) -> IO[bytes]:
    """The file's bytes (decompressed), or `data` already read (standard input)."""
    raw: IO[bytes] = io.BytesIO(data) if data is not None else open(path, "rb")  # noqa: SIM115
    if gz:
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]  # a binary IO
    return raw


def _open_text(path: Path, gz: bool, data: bytes | None) -> io.TextIOWrapper:
    return io.TextIOWrapper(open_binary(path, gz, data), encoding="utf-8", errors="replace",
                            newline="")  # fmt: skip


def _bad(where: str, path: str, folder: str, problem: str) -> Item:
    """A record that cannot be audited, named by where it is (FILE:LINE, FILE:row N)."""
    return Item(where, path, "error", folder, "", problem=f"{where}: {problem}")


def record_item(path: Path, folder: str, rec: object, where: str, opts: InputOptions) -> Item:
    name = str(path)
    if not isinstance(rec, dict):
        return _bad(where, name, folder, "record is not an object")
    rid, text = rec.get(opts.id_column), rec.get(opts.text_column)
    if rid is None or rid == "":
        return _bad(where, name, folder, f"no '{opts.id_column}' field")
    item_id = f"{name}#{rid}"
    if not isinstance(text, str) or not text.strip():
        return problem_item(item_id, name, folder, f"record {rid}: no text in '{opts.text_column}'")
    title = rec.get(opts.title_column)
    title = str(title) if title is not None else None
    return Item(item_id, name, "record", folder, record_hash(text, title), data=text,
                title=title, date=date_text(rec.get(opts.date_column)))  # fmt: skip


def date_text(value: object) -> str | None:
    """A date as ISO text, whether it came as a string, a date or a timestamp."""
    if value is None or value == "":
        return None
    iso = getattr(value, "isoformat", None)
    text = iso() if callable(iso) else str(value)
    return text.removesuffix("T00:00:00")


def jsonl_items(
    path: Path, gz: bool, folder: str, opts: InputOptions, data: bytes | None = None
) -> Iterator[Item]:
    with open_binary(path, gz, data) as f:
        for lineno, raw in enumerate(f, 1):  # binary lines end at b"\n" and nowhere else
            line = raw.decode("utf-8", "replace")
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield _bad(where, str(path), folder, f"invalid JSON: {e.msg}")
                continue
            except RecursionError:
                yield _bad(where, str(path), folder, "JSON nested too deep")
                continue
            item = record_item(path, folder, rec, where, opts)
            item.line = lineno
            yield item


def json_items(
    path: Path, gz: bool, folder: str, opts: InputOptions, data: bytes | None = None
) -> Iterator[Item]:
    with open_binary(path, gz, data) as f:
        raw = f.read(opts.max_bytes + 1)
    if len(raw) > opts.max_bytes:
        raise ValueError(f"over the {opts.max_bytes / 1048576:.1f} MB limit (use JSON Lines)")
    try:
        parsed = json.loads(raw.decode("utf-8", "replace"))
    except json.JSONDecodeError as e:
        raise ValueError(f"invalid JSON at line {e.lineno}: {e.msg}") from None
    except RecursionError:
        raise ValueError("JSON nested too deep") from None
    for i, rec in enumerate(parsed if isinstance(parsed, list) else [parsed], 1):
        yield record_item(path, folder, rec, f"{path}:record {i}", opts)


def csv_items(
    path: Path, gz: bool, folder: str, opts: InputOptions, data: bytes | None = None
) -> Iterator[Item]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with _open_text(path, gz, data) as f:
        reader = csv.DictReader(f)
        if opts.text_column not in (reader.fieldnames or []):
            raise ValueError(f"no '{opts.text_column}' column (set one with --text-column)")
        for rowno, row in enumerate(reader, 1):
            if opts.id_column not in row:
                row[opts.id_column] = str(rowno)  # no id column: the row number
            yield record_item(path, folder, row, f"{path}:row {rowno}", opts)


def parquet_items(
    path: Path, gz: bool, folder: str, opts: InputOptions, data: bytes | None = None
) -> Iterator[Item]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(io.BytesIO(data) if data is not None else path)
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
            yield record_item(path, folder, rec, f"{path}:row {row}", opts)


READERS = {"json": json_items, "jsonl": jsonl_items, "csv": csv_items, "parquet": parquet_items}
