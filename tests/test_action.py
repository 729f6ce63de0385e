"""The GitHub Action's script, run as the runner runs it (bash, with GitHub's variables):
one audit writes the annotations, the SARIF file and the job summary; with changed-only, a
pull request's changed articles are audited and nothing else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HEDGED = "The minister allegedly hid the figures before the vote.\n"


def script() -> str:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    return str(step["run"])


def run_action(cwd: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    out, summary = cwd / "gh-output", cwd / "gh-summary"
    full = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(out),
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(cwd),
        "AUDITOR_PATHS": ".",
        "AUDITOR_FAIL_ON": "warning",
        "AUDITOR_FAIL_UNDER": "",
        "AUDITOR_MAX_WARNINGS": "",
        "AUDITOR_BASELINE": "",
        "AUDITOR_CONFIG": "",
        "AUDITOR_SARIF": "auditor.sarif",
        "AUDITOR_ANNOTATE": "true",
        "AUDITOR_SUMMARY": "true",
        "AUDITOR_CHANGED_ONLY": "false",
        "GITHUB_BASE_REF": "",
        **env,
    }
    p = subprocess.run(["bash", "-c", script()], cwd=cwd, env=full, capture_output=True,
                       text=True, timeout=120)  # fmt: skip
    return p, out, summary


@pytest.mark.e2e
def test_one_audit_gives_annotations_sarif_and_job_summary(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(HEDGED)
    (tmp_path / "auditor.toml").write_text('select = ["hedges"]\n')
    p, out, summary = run_action(tmp_path)
    assert p.returncode == 1, p.stderr
    assert p.stdout.startswith("::warning file=a.md,line=1,col=14")
    assert out.read_text().strip() == "exit-code=1"
    sarif = json.loads((tmp_path / "auditor.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["ruleId"] == "hedges.allegedly"
    assert summary.read_text().startswith("# auditor report")
    assert "hedges.allegedly" in summary.read_text()


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd,
                   check=True, capture_output=True)  # fmt: skip


@pytest.mark.e2e
def test_changed_only_audits_what_the_pull_request_changes(tmp_path: Path) -> None:
    (tmp_path / "auditor.toml").write_text('select = ["hedges"]\n')
    (tmp_path / "old.md").write_text(HEDGED)  # an old finding the pull request did not touch
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    git(tmp_path, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(tmp_path, "checkout", "-qb", "story")
    (tmp_path / "new.md").write_text("The council met on Monday, its clerk said.\n")
    git(tmp_path, "add", "new.md")
    git(tmp_path, "commit", "-qm", "new story")
    p, _out, _summary = run_action(tmp_path, AUDITOR_CHANGED_ONLY="true", GITHUB_BASE_REF="main")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "old.md" not in p.stdout
    sarif = json.loads((tmp_path / "auditor.sarif").read_text())
    uris = {a["location"]["uri"] for a in sarif["runs"][0]["artifacts"]}
    assert uris == {"new.md"}
