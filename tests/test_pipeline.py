"""One pipeline: `check` and `batch` give the same findings on the same folder, under the
same configuration (select/ignore, a pack option, per-path ignores, rule-paths), inline
suppressions and baseline; check reads every input batch reads, and standard input."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from cliutil import run_cli

from auditor import audit, audit_paths

BODY = (
    "Officials allegedly hid the figures before the vote, some analysts claim.\n\n"
    "The general was reportedly dismissed last week after a row that lasted for many months "
    "and drew in the ministry, the army and a dozen members of parliament from both sides.\n"
)
HOUSE = """[pack]
id = "house"
summary = "House style."

[[rule]]
id = "house.folks"
kind = "existence"
severity = "warning"
message = "Write 'people', not '{match}'."
why = "House style."
patterns = ['\\bfolks\\b']
examples.bad = ["The [[folks]] came."]
examples.good = ["The people came."]
"""


def make_folder(root: Path) -> Path:
    folder = root / "desk"
    (folder / "wire").mkdir(parents=True)
    (folder / "house").mkdir()
    (folder / "house" / "house.toml").write_text(HOUSE)
    (folder / "auditor.toml").write_text(
        'ignore = ["grammar"]\nrule-paths = ["house"]\n'
        "[packs.readability]\nmax_sentence_words = 12\n"
        '[per-path-ignores]\n"wire/**" = ["hedges.reportedly"]\n'
    )
    (folder / "a.txt").write_text("Budget row\n\n" + BODY + "\nThe folks were angry.\n")
    (folder / "b.md").write_text(
        "# Budget\n\n<!-- auditor: ignore hedges.allegedly -- the indictment's wording -->\n" + BODY
    )
    (folder / "wire" / "c.txt").write_text(BODY)
    (folder / "d.jsonl").write_text(
        json.dumps({"id": "r1", "text": BODY}) + "\n" + json.dumps({"id": "r2", "text": "Fine."})
    )
    with gzip.open(folder / "e.csv.gz", "wt") as f:
        f.write("id,text\n1," + json.dumps(BODY.replace("\n", " ")) + "\n")
    pq.write_table(pa.table({"id": ["p1"], "text": [BODY]}), folder / "f.parquet")
    return folder


def key(path: str, f: dict[str, object]) -> tuple[object, ...]:
    return (path, f["rule"], f["start"], f["end"], f["severity"], f["message"])


def test_check_and_batch_agree(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    checked = run_cli(folder, "check", ".", "-f", "json", "--fail-on", "none")
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    from_check = {key(d["path"], f) for d in report["documents"] for f in d["findings"]}
    batched = run_cli(folder, "batch", ".", "--db", str(tmp_path / "a.db"), "-w", "1",
                      "--no-progress")  # fmt: skip
    assert batched.returncode == 0, batched.stderr
    db = sqlite3.connect(tmp_path / "a.db")
    from_batch = {
        (doc, rule, start, end, sev, msg)
        for doc, rule, start, end, sev, msg in db.execute(
            'SELECT document_id, rule, start, "end", severity, message FROM findings'
        )
    }
    paths = {d["path"] for d in report["documents"]}
    assert len(paths) == 7  # every format, both JSONL records
    assert {p for p, *_ in from_batch} <= paths
    assert from_check == from_batch
    rules = {f[1] for f in from_check}
    assert "readability.long-sentence" in rules  # the pack option (12 words) applies
    assert "house.folks" in rules  # rule-paths
    assert not any(r.startswith("grammar") for r in rules)  # the config's ignore
    # the inline suppression and the per-path ignore hold in both
    assert not any(p.endswith("b.md") and r == "hedges.allegedly" for p, r, *_ in from_check)
    assert not any("wire" in p and r == "hedges.reportedly" for p, r, *_ in from_check)


def test_batch_takes_a_baseline_like_check(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    base = tmp_path / "baseline.json"
    run_cli(folder, "check", "a.txt", "--baseline-write", str(base))
    checked = run_cli(folder, "check", "a.txt", "-f", "json", "--baseline", str(base))
    assert json.loads(checked.stdout)["documents"][0]["findings"] == []
    batched = run_cli(folder, "batch", "a.txt", "--db", str(tmp_path / "b.db"), "-w", "1",
                      "--no-progress", "--baseline", str(base))  # fmt: skip
    assert batched.returncode == 0, batched.stderr
    n = sqlite3.connect(tmp_path / "b.db").execute("SELECT count(*) FROM findings").fetchone()
    assert n == (0,)


def test_bad_config_is_one_line_in_both(tmp_path: Path) -> None:
    (tmp_path / "auditor.toml").write_text('[packs.readability]\nmax_sentence_words = "x"\n')
    (tmp_path / "a.txt").write_text(BODY)
    for args in (("check", "a.txt"), ("batch", "a.txt", "--db", "x.db", "--no-progress")):
        r = run_cli(tmp_path, *args)
        assert r.returncode == 2, (args, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and "max_sentence_words" in lines[0], (args, r.stderr)


def test_check_reads_stdin(tmp_path: Path) -> None:
    r = run_cli(tmp_path, "check", "-", "--select", "hedges", "-f", "json",
                stdin="Officials allegedly lied.\n")  # fmt: skip
    doc = json.loads(r.stdout)["documents"][0]
    assert doc["path"] == "-"
    assert [f["rule"] for f in doc["findings"]] == ["hedges.allegedly"]
    r = run_cli(tmp_path, "check", "-", "--stdin-filename", "story.md", "--select", "hedges",
                "-f", "json", stdin="# Title\n\n<!-- auditor: off -->\nThey allegedly lied.\n")  # fmt: skip
    doc = json.loads(r.stdout)["documents"][0]
    assert doc["path"] == "story.md" and doc["findings"] == []


@pytest.mark.parametrize("bad", ["nan", "inf", "0", "-1"])
def test_max_size_must_be_positive_and_finite(tmp_path: Path, bad: str) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    for cmd in ("check", "batch"):
        r = run_cli(tmp_path, cmd, "a.txt", "--max-size", bad)
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, (cmd, r.stderr)


def test_missing_path_is_one_line(tmp_path: Path) -> None:
    for cmd in ("check", "batch"):
        r = run_cli(tmp_path, cmd, "nosuch.txt")
        assert r.returncode == 2
        assert r.stderr.strip().splitlines() == ["auditor: nosuch.txt: no such file or directory"]


def test_python_api(tmp_path: Path) -> None:
    result = audit("Officials allegedly lied.", select=["hedges"])
    assert [f.rule for f in result.findings] == ["hedges.allegedly"]
    assert 0 <= result.score < 100
    (tmp_path / "a.txt").write_text(BODY)
    report = audit_paths([tmp_path / "a.txt"], select=["hedges"])
    assert {f.rule for f in report.results[0].findings} >= {"hedges.allegedly"}


SLOW_PACK = (
    '[pack]\nid = "slow"\nsummary = "A rule with catastrophic backtracking."\n\n'
    '[[rule]]\nid = "slow.backtrack"\nkind = "existence"\nscope = "document"\n'
    'severity = "info"\nmessage = "m"\nwhy = "w"\npatterns = [\'aa*a*a*a*a*a*a*c\']\n'
    'examples.bad = ["[[aac]]"]\nexamples.good = ["xyz"]\n'
)


def test_time_limit_is_a_recorded_error_in_check_and_batch(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "slow.toml").write_text(SLOW_PACK)
    (tmp_path / "auditor.toml").write_text(
        'rule-paths = ["packs"]\ntimeout = 1\nselect = ["slow", "hedges"]\n'
    )
    (tmp_path / "evil.txt").write_text("a" * 200 + "b\n")
    (tmp_path / "fine.txt").write_text("Officials allegedly lied.\n")
    r = run_cli(tmp_path, "check", ".", "-f", "json")
    docs = {Path(d["path"]).name: d for d in json.loads(r.stdout)["documents"]}
    [f] = docs["evil.txt"]["findings"]
    assert (f["rule"], f["severity"]) == ("meta.time-limit", "error")
    assert [f["rule"] for f in docs["fine.txt"]["findings"]] == ["hedges.allegedly"]
    assert r.returncode == 1
    b = run_cli(tmp_path, "batch", ".", "--db", "t.db", "-w", "1", "--no-progress")
    assert "time limit" in b.stderr
    db = sqlite3.connect(tmp_path / "t.db")
    [(error,)] = db.execute("SELECT error FROM documents WHERE id LIKE '%evil.txt'").fetchall()
    assert "time limit" in error
    assert db.execute(
        "SELECT rule FROM findings WHERE document_id LIKE '%evil.txt'"
    ).fetchall() == [("meta.time-limit",)]


def test_duplicate_record_ids_stay_distinct(tmp_path: Path) -> None:
    lines = [json.dumps({"id": 1, "text": t}) for t in ("They allegedly met.", "Prices rose.")]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    r = run_cli(tmp_path, "check", "a.jsonl", "-f", "json", "--select", "hedges")
    assert [d["path"] for d in json.loads(r.stdout)["documents"]] == ["a.jsonl#1", "a.jsonl#1~2"]
    b = run_cli(tmp_path, "batch", "a.jsonl", "--db", "d.db", "-w", "1", "--no-progress",
                "--select", "hedges")  # fmt: skip
    assert b.stderr.startswith("auditor: 2 audited")
    ids = sqlite3.connect(tmp_path / "d.db").execute("SELECT id FROM documents ORDER BY id")
    assert [i for (i,) in ids] == ["a.jsonl#1", "a.jsonl#1~2"]


def test_jsonl_is_split_on_newline_only(tmp_path: Path) -> None:
    text = "First line\u2028still the same record\u0085and\rthis. They allegedly met."
    (tmp_path / "a.jsonl").write_bytes((json.dumps({"id": 1, "text": text}, ensure_ascii=False)
                                        + "\n").encode())  # fmt: skip
    r = run_cli(tmp_path, "check", "a.jsonl", "-f", "json", "--select", "hedges")
    [doc] = json.loads(r.stdout)["documents"]
    assert doc["path"] == "a.jsonl#1" and r.stderr == ""


def test_a_foreign_database_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE customers (name TEXT)")
    con.commit()
    con.close()
    before = db.read_bytes()
    (tmp_path / "a.txt").write_text(BODY)
    r = run_cli(tmp_path, "batch", "a.txt", "--db", str(db), "--no-progress")
    assert r.returncode == 2 and "not an auditor results store" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before
