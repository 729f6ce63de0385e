"""What the CLI tests share: the installed `auditor` command and a small hedged article."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

AUDITOR = str(Path(sys.executable).parent / "auditor")
ARTICLE = (
    "# Budget row\n\n"
    "The minister allegedly hid the figures before the vote.\n\n"
    "The general was reportedly dismissed last week.\n"
)


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `auditor check ARGS` in cwd, as a user would."""
    return subprocess.run(
        [AUDITOR, "check", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )
