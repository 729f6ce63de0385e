"""Hostile and odd inputs: one clear line (check) or a recorded error (batch), never a
traceback, a hang or a lost record."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest
from cliutil import run_cli

GOOD = "The minister allegedly hid the figures.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    return path


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\x03", "binary file"),
        ("broken.txt.gz", gzip.compress(b"text")[:-6] + b"junk!!", "cannot read"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "cannot read"),
        ("bad.jsonl", b"{not json\n", "invalid JSON"),
    ],
)
def test_unreadable_input_is_one_line_in_check(tmp_path: Path, name: str, data: bytes,
                                               says: str) -> None:  # fmt: skip
    write(tmp_path / name, data)
    r = run_cli(tmp_path, "check", name)
    assert r.returncode == 2
    [line] = r.stderr.splitlines()
    assert line.startswith(f"auditor: {name}") and says in line


def test_a_folder_with_no_articles_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "x.py").write_text("x = 1\n")
    r = run_cli(tmp_path, "check", "notes")
    assert r.returncode == 2 and r.stderr.splitlines() == [
        "auditor: notes: no supported files in directory"
    ]


@pytest.mark.parametrize("fmt", ["text", "html", "json", "concise", "sarif", "junit", "markdown"])
def test_a_lone_surrogate_never_breaks_a_report(tmp_path: Path, fmt: str) -> None:
    rec = '{"id": 1, "text": "They allegedly met \\ud800 here."}\n'
    write(tmp_path / "a.jsonl", rec)
    r = run_cli(tmp_path, "check", "a.jsonl", "-f", fmt, "--select", "hedges")
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""


def test_markdown_with_cr_only_line_endings(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "# Title\r\rThe minister allegedly hid it.\r\r- one\r- two\r")
    r = run_cli(tmp_path, "check", "a.md", "-f", "json", "--select", "hedges")
    [f] = json.loads(r.stdout)["documents"][0]["findings"]
    assert f["text"] == "allegedly"


def test_batch_records_a_reason_for_each_bad_document_and_goes_on(tmp_path: Path) -> None:
    arch = tmp_path / "arch"
    arch.mkdir()
    write(arch / "good.txt", GOOD)
    write(arch / "broken.txt.gz", gzip.compress(GOOD.encode())[:-6] + b"junk!!")
    write(arch / "empty.txt", b"")
    write(arch / "deep.json", b"[" * 100_000 + b"]" * 100_000)
    r = run_cli(tmp_path, "batch", "arch", "--db", "b.db", "-w", "1", "--no-progress",
                "--select", "hedges")  # fmt: skip
    assert r.returncode == 0, r.stderr
    errors = dict(sqlite3.connect(tmp_path / "b.db").execute(
        "SELECT id, error FROM documents WHERE error IS NOT NULL").fetchall())  # fmt: skip
    assert {Path(i).name for i in errors} == {"broken.txt.gz", "empty.txt", "deep.json"}
    for reason in errors.values():
        assert f"failed: {reason}" in r.stderr
    assert "1 audited" not in r.stderr and "4 audited (3 failed" in r.stderr


def test_a_malformed_config_stops_batch_with_one_line(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "auditor.toml", "select = [\n")
    r = run_cli(tmp_path, "batch", "a.txt", "--db", "b.db", "--no-progress")
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1
    assert "invalid TOML" in r.stderr
