"""The pre-commit hook and the GitHub Action's script, run as their hosts would run them.

The hooks' entries run in process (cliutil.cli; their first word must name the console script
that runs auditor.cli:main); the Action's script runs in a real bash with the installed
command (e2e).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from cliutil import cli

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ARTICLE = "The minister allegedly hid the figures before the vote.\n"


def test_pre_commit_hooks_run_on_matching_files(tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"auditor", "auditor-strict"}
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text("The council met on Monday.\n")
    for hook in hooks:
        assert hook["language"] == "python" and hook["name"]
        files = [f for f in ("a.md", "b.txt", "setup.py") if re.search(hook["files"], f)]
        assert files == ["a.md", "b.txt"]
        command, *args = shlex.split(hook["entry"])
        assert scripts[command] == "auditor.cli:main"  # the command cliutil.cli runs
        p = cli(*args, *files, cwd=tmp_path)
        # a warning passes the default hook and fails the strict one
        assert p.returncode == (1 if hook["id"] == "auditor-strict" else 0), p.stdout


def _action_script() -> tuple[dict[str, object], str]:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    return action, step["run"]


@pytest.mark.e2e
def test_action_writes_sarif_and_annotations(tmp_path: Path) -> None:
    action, script = _action_script()
    (tmp_path / "a.md").write_text(ARTICLE)
    out = tmp_path / "gh-output"
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(out),
        "AUDITOR_PATHS": "a.md",
        "AUDITOR_FAIL_ON": "warning",
        "AUDITOR_FAIL_UNDER": "",
        "AUDITOR_MAX_WARNINGS": "",
        "AUDITOR_BASELINE": "",
        "AUDITOR_CONFIG": "",
        "AUDITOR_SARIF": "auditor.sarif",
        "AUDITOR_ANNOTATE": "true",
    }
    p = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                       text=True, timeout=60)  # fmt: skip
    assert p.returncode == 1
    assert p.stdout.startswith("::warning file=a.md,line=1,col=14")
    assert out.read_text().strip() == "exit-code=1"
    sarif = json.loads((tmp_path / "auditor.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["ruleId"] == "hedges.allegedly"
    inputs = action["inputs"]
    assert isinstance(inputs, dict)
    for name in ("paths", "fail-on", "fail-under", "max-warnings", "baseline", "config", "sarif"):
        assert name in inputs
