"""The shipped packs' parsed TOML cache (auditor/packcache.py): named by content, so never
stale; exact or absent; never an error."""

from __future__ import annotations

import hashlib
import os
import tomllib
from pathlib import Path

import pytest

from auditor import packcache
from auditor.packcache import parse_pack
from auditor.packs import builtin_rules_dir, load_packs

PACK = b'[pack]\nid = "house"\nsummary = "s"\n\n[[rule]]\nid = "house.x"\nkind = "existence"\n'


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(folder))
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "packs").glob("*.json")) if (folder / "packs").is_dir() else []


def test_an_entry_gives_back_what_tomllib_gives(cache: Path) -> None:
    expected = tomllib.loads(PACK.decode())
    assert parse_pack(PACK, _digest(PACK), cached=True) == expected
    (entry,) = _entries(cache)
    assert entry.name.startswith(_digest(PACK))
    assert parse_pack(PACK, _digest(PACK), cached=True) == expected  # read from the entry


def test_other_bytes_are_another_entry(cache: Path) -> None:
    edited = PACK.replace(b'"s"', b'"edited"')
    parse_pack(PACK, _digest(PACK), cached=True)
    assert parse_pack(edited, _digest(edited), cached=True)["pack"]["summary"] == "edited"
    assert len(_entries(cache)) == 2


def test_a_damaged_entry_is_parsed_again_and_rewritten(cache: Path) -> None:
    parse_pack(PACK, _digest(PACK), cached=True)
    (entry,) = _entries(cache)
    entry.write_text("{not json", encoding="utf-8")
    assert parse_pack(PACK, _digest(PACK), cached=True) == tomllib.loads(PACK.decode())
    assert entry.read_text(encoding="utf-8").startswith("{")


def test_a_document_json_cannot_carry_is_not_cached(cache: Path) -> None:
    dated = PACK + b"\n[other]\nwhen = 2024-01-02\n"
    assert parse_pack(dated, _digest(dated), cached=True) == tomllib.loads(dated.decode())
    assert _entries(cache) == []


def test_house_packs_and_an_empty_setting_use_no_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse_pack(PACK, _digest(PACK), cached=False)
    assert _entries(cache) == []
    monkeypatch.setenv("AUDITOR_CACHE_DIR", "")
    assert packcache.cache_dir() is None
    parse_pack(PACK, _digest(PACK), cached=True)
    assert not cache.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_cache_is_no_error(cache: Path) -> None:
    cache.mkdir()
    cache.chmod(0o500)
    try:
        assert parse_pack(PACK, _digest(PACK), cached=True) == tomllib.loads(PACK.decode())
    finally:
        cache.chmod(0o700)


def test_a_cache_that_is_a_file_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(blocker))
    assert parse_pack(PACK, _digest(PACK), cached=True) == tomllib.loads(PACK.decode())


def test_shipped_packs_load_the_same_from_the_cache(cache: Path) -> None:
    def shape() -> list[object]:
        return [(p.id, p.digest, [(r.id, r.options, r.examples, r.message) for r in p.rules])
                for p in load_packs()]  # fmt: skip

    first = shape()  # parses, writes the entries
    assert len(_entries(cache)) == len(list(builtin_rules_dir().glob("*.toml")))
    assert shape() == first  # reads them


def test_a_derived_table_is_built_once_then_read_back(cache: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"banana": 3, "cat": 1}

    assert packcache.remembered("t", "k1", build) == {"banana": 3, "cat": 1}
    assert packcache.remembered("t", "k1", build) == {"banana": 3, "cat": 1}
    assert len(builds) == 1
    (entry,) = (cache / "t").iterdir()
    entry.write_bytes(b"\x00 damaged")
    assert packcache.remembered("t", "k1", build) == {"banana": 3, "cat": 1}
    assert len(builds) == 2
    assert packcache.remembered("t", "k2", build) == {"banana": 3, "cat": 1}  # another key
    assert len(builds) == 3


def test_the_syllable_table_from_the_cache_is_cmudicts(cache: Path) -> None:
    from auditor import syllables

    fresh = syllables._derive(syllables._dictionary().decode("utf-8"))
    assert syllables._read_table() == fresh  # built and stored
    assert syllables._read_table() == fresh  # read back
    assert len(list((cache / "syllables").iterdir())) == 1
    assert fresh["banana"] == 3
