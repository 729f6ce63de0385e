"""The command line as a user runs it: real files, exit codes, stderr lines and the JSON contract.

In process (cliutil.cli, through the entry point's own error mapping); the tests marked e2e
run the installed `auditor` command and `python -m auditor` in real processes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cliutil import cli, run_binary

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "kursk-incursion.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return cli(*args, cwd=cwd)


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr
    assert "Traceback" not in proc.stdout


@pytest.mark.e2e
def test_seed_json_contract() -> None:
    """End to end: the installed command, in a real process."""
    proc = run_binary("check", str(SEED), "--format", "json", "--fail-on", "none")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["tool"] == {"name": "auditor", "version": "0.1.0"}
    original = SEED.read_text(encoding="utf-8")
    lines = original.split("\n")
    (doc,) = data["documents"]
    assert doc["path"].endswith("kursk-incursion.txt")
    assert isinstance(doc["words"], int) and doc["words"] > 600
    assert 0 <= doc["score"] <= 100
    assert doc["findings"]
    for pid, pack in doc["packs"].items():
        assert set(pack) >= {"score", "findings"} and 0 <= pack["score"] <= 100, pid
    for f in doc["findings"]:
        assert set(f) >= {
            "rule",
            "pack",
            "severity",
            "message",
            "start",
            "end",
            "line",
            "column",
            "text",
            "suggestions",
        }
        assert f["rule"].startswith(f["pack"] + ".")
        assert f["severity"] in ("error", "warning", "info")
        assert original[f["start"] : f["end"]] == f["text"]
        line = lines[f["line"] - 1]
        assert line[f["column"] - 1 :].startswith(f["text"].split("\n")[0])


def test_seed_first_rules_fire() -> None:
    proc = run("check", str(SEED), "--format", "json", "--fail-on", "none")
    found = {(f["rule"], f["text"]) for f in json.loads(proc.stdout)["documents"][0]["findings"]}
    assert ("hedges.allegedly", "allegedly") in found
    assert ("hedges.vague-attribution", "some analysts claim") in found
    assert ("grammar.lowercase-start", "reports") in found
    assert not any(text in ("May", "May 4", "May 9") for _, text in found)


def test_text_report_for_a_person() -> None:
    proc = run("check", str(SEED), "--fail-on", "none")
    assert proc.returncode == 0
    out = proc.stdout
    assert "kursk-incursion.txt" in out
    assert "score" in out and "where the points went" in out
    assert "\x1b[" not in out  # no colour when not on a terminal
    assert "13:347" in out  # line:column of "reports"


def test_markdown_report() -> None:
    proc = run("check", str(SEED), "--format", "markdown", "--fail-on", "none")
    assert proc.returncode == 0
    assert proc.stdout.startswith("# auditor report")
    assert "| hedges |" in proc.stdout


def test_select_runs_only_that_pack() -> None:
    proc = run("check", str(SEED), "--format", "json", "--select", "hedges", "--fail-on", "none")
    doc = json.loads(proc.stdout)["documents"][0]
    assert {f["pack"] for f in doc["findings"]} == {"hedges"}
    assert list(doc["packs"]) == ["hedges"]


def test_ignore_prefix() -> None:
    proc = run("check", str(SEED), "--format", "json", "--ignore", "hedges", "--fail-on", "none")
    doc = json.loads(proc.stdout)["documents"][0]
    assert "hedges" not in {f["pack"] for f in doc["findings"]}


def test_unknown_prefix_is_a_usage_error() -> None:
    proc = run("check", str(SEED), "--select", "hedgez")
    assert proc.returncode == 2
    assert "matches no rule" in proc.stderr
    no_traceback(proc)


def test_gates(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("The council approved the budget on Monday.\n")
    assert run("check", str(clean)).returncode == 0
    assert run("check", str(SEED)).returncode == 1  # errors fail by default
    assert run("check", str(SEED), "--fail-on", "none").returncode == 0
    assert run("check", str(SEED), "--fail-on", "none", "--fail-under", "99").returncode == 1
    assert run("check", str(clean), "--fail-under", "99").returncode == 0


@pytest.mark.e2e
def test_missing_file_exits_2() -> None:
    """End to end: `python -m auditor` in a real process, so main()'s exit code is the process's."""
    proc = subprocess.run(
        [sys.executable, "-m", "auditor", "check", "no/such/file.txt"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "no such file or directory" in proc.stderr
    assert proc.stderr.count("\n") <= 2
    no_traceback(proc)


def test_binary_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    proc = run("check", str(path))
    assert proc.returncode == 2
    assert "binary file" in proc.stderr
    no_traceback(proc)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("data.rtf", b"a,b\n", "unsupported file type"),
        ("big.txt", b"word " * 300_000, "over the"),
    ],
)
def test_bad_input_exits_2(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    proc = run("check", str(path), "--max-size", "1")
    assert proc.returncode == 2
    assert message in proc.stderr
    no_traceback(proc)


def test_directory_without_supported_files(tmp_path: Path) -> None:
    (tmp_path / "notes.rtf").write_text("x")
    proc = run("check", str(tmp_path))
    assert proc.returncode == 2
    assert "no supported files" in proc.stderr
    no_traceback(proc)


def test_bad_files_do_not_stop_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("It allegedly fell on Monday.\n")
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "bad.txt").write_bytes("Costs of £5m allegedly rose.".encode("latin-1"))
    proc = run("check", str(tmp_path), "--format", "json", "--fail-on", "none")
    assert proc.returncode == 0, proc.stderr
    docs = json.loads(proc.stdout)["documents"]
    assert sorted(Path(d["path"]).name for d in docs) == ["bad.txt", "good.txt"]
    assert "empty file" in proc.stderr and "invalid UTF-8" in proc.stderr
    bad = next(d for d in docs if d["path"].endswith("bad.txt"))
    assert bad["warnings"] and bad["findings"][0]["text"] == "allegedly"


def test_jsonl_bad_line_reported_others_audited(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "x", "text": "It allegedly fell."}\n{broken\n{"id": "y", "text": "Fine."}\n'
    )
    proc = run("check", str(path), "--format", "json", "--fail-on", "none")
    assert proc.returncode == 0
    docs = json.loads(proc.stdout)["documents"]
    assert [d["path"].split("#")[1] for d in docs] == ["x", "y"]
    assert f"{path}:2: invalid JSON" in proc.stderr
    f = docs[0]["findings"][0]
    assert "It allegedly fell."[f["start"] : f["end"]] == f["text"]


def test_rules_and_explain() -> None:
    proc = run("rules")
    assert proc.returncode == 0 and "hedges.allegedly" in proc.stdout
    proc = run("explain", "hedges.allegedly")
    assert proc.returncode == 0
    assert "Why:" in proc.stdout and "[[allegedly]]" in proc.stdout
    proc = run("explain", "hedges.nope")
    assert proc.returncode == 2 and "no rule" in proc.stderr
    no_traceback(proc)


def test_installed_package_runs_from_elsewhere(tmp_path: Path) -> None:
    """The packs are found from any directory (inside the package or the checkout)."""
    proc = run("check", str(SEED), "--format", "json", "--fail-on", "none", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["documents"][0]["findings"]
