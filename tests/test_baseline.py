"""Baselines: fingerprints survive edits elsewhere; only new findings are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cliutil import ARTICLE, run

from auditor.api import audit_documents
from auditor.baseline import fingerprint
from auditor.inputs import load_file
from auditor.pipeline import AuditOptions


def test_bar_baseline_passes_unchanged_then_fails_on_new_hedge(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    w = run(tmp_path, "article.md", "--baseline-write", "baseline.json")
    assert w.returncode == 0, w.stderr
    assert "wrote 2 finding(s)" in w.stderr
    entries = json.loads((tmp_path / "baseline.json").read_text())["findings"]
    assert {e["rule"] for e in entries} == {"hedges.allegedly", "hedges.reportedly"}
    assert all("line" not in e and e["path"] == "article.md" for e in entries)

    same = run(tmp_path, "article.md", "--baseline", "baseline.json", "--fail-on", "info")
    assert same.returncode == 0, same.stdout + same.stderr
    without = run(tmp_path, "article.md", "--fail-on", "info")
    assert without.returncode == 1

    article.write_text(ARTICLE + "\nOfficials allegedly hid the report.\n", encoding="utf-8")
    new = run(tmp_path, "article.md", "--baseline", "baseline.json", "--fail-on", "warning",
              "--format", "json")  # fmt: skip
    assert new.returncode == 1
    found = json.loads(new.stdout)["documents"][0]["findings"]
    assert [(f["rule"], f["line"]) for f in found] == [("hedges.allegedly", 7)]


def test_edits_above_do_not_break_fingerprints(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(ARTICLE)
    assert run(tmp_path, "a.md", "--baseline-write", "b.json").returncode == 0
    moved = ARTICLE.replace("# Budget row\n\n", "# Budget row\n\nA new first paragraph.\n\n")
    article.write_text(moved)
    p = run(tmp_path, "a.md", "--baseline", "b.json", "--fail-on", "info")
    assert p.returncode == 0, p.stdout
    # run from another folder: paths are relative to the baseline file, not the cwd
    p = run(tmp_path.parent, str(article), "--baseline", str(tmp_path / "b.json"),
            "--fail-on", "info")  # fmt: skip
    assert p.returncode == 0, p.stdout


def test_a_second_copy_of_an_old_finding_is_new(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(ARTICLE)
    run(tmp_path, "a.md", "--baseline-write", "b.json")
    article.write_text(ARTICLE + "\nThe minister allegedly hid the figures before the vote.\n")
    p = run(tmp_path, "a.md", "--baseline", "b.json", "--fail-on", "warning")
    assert p.returncode == 1


def test_fingerprint_depends_on_rule_text_and_context_not_position(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("He allegedly left.\n\nShe allegedly stayed.\n\nHe allegedly left.\n")
    doc = load_file(p).documents[0]
    found = audit_documents([doc], AuditOptions()).report.results[0].findings
    fps = [fingerprint(doc, f) for f in found]
    assert fps[0] == fps[2] and fps[0] != fps[1]
    # case and spacing are normalised
    q = tmp_path / "b.txt"
    q.write_text("Intro line here.\n\nHE   ALLEGEDLY left.\n")
    doc2 = load_file(q).documents[0]
    (f2,) = audit_documents([doc2], AuditOptions()).report.results[0].findings
    assert fingerprint(doc2, f2) == fps[0]


@pytest.mark.parametrize("content", ["not json", '{"findings": 3}', '{"findings": [{"x": 1}]}'])
def test_bad_baseline_is_exit_2(tmp_path: Path, content: str) -> None:
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "b.json").write_text(content)
    p = run(tmp_path, "a.md", "--baseline", "b.json")
    assert p.returncode == 2 and "b.json" in p.stderr and "Traceback" not in p.stderr


def test_missing_baseline_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE)
    p = run(tmp_path, "a.md", "--baseline", "nope.json")
    assert p.returncode == 2 and "nope.json" in p.stderr


def test_jsonl_records_keyed_by_id(tmp_path: Path) -> None:
    recs = [{"id": 1, "text": "He allegedly left."}, {"id": 2, "text": "She stayed."}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    run(tmp_path, "a.jsonl", "--baseline-write", "b.json")
    entries = json.loads((tmp_path / "b.json").read_text())["findings"]
    assert [e["path"] for e in entries] == ["a.jsonl#1"]
    recs[1]["text"] = "She allegedly stayed."
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    p = run(tmp_path, "a.jsonl", "--baseline", "b.json", "--format", "json")
    docs = json.loads(p.stdout)["documents"]
    assert [len(d["findings"]) for d in docs] == [0, 1]
