"""The pre-commit hooks, run as pre-commit would run them, and the Action's definition.

The hooks' entries run in process (cliutil.cli; their first word must name the console script
that runs auditor.cli:main); the Action's script runs in test_action.py.
"""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import yaml
from cliutil import cli

ROOT = Path(__file__).resolve().parents[1]
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


def test_action_is_composite_with_its_inputs() -> None:
    """The Action's inputs; its script runs in test_action.py (real bash, the installed
    command), which checks the annotations, SARIF and exit code this test used to run for."""
    action, _script = _action_script()
    inputs = action["inputs"]
    assert isinstance(inputs, dict)
    for name in ("paths", "fail-on", "fail-under", "max-warnings", "baseline", "config", "sarif"):
        assert name in inputs
