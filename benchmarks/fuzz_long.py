"""The fuzz properties of tests/test_fuzz.py with a long budget.

One command: `python benchmarks/fuzz_long.py [EXAMPLES]` (default 5,000 per property) runs
every input format through the pipeline and the batch worker and prints pytest's summary.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def main(examples: int = 5000) -> int:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "AUDITOR_FUZZ_EXAMPLES": str(examples)}
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz.py"]
    return subprocess.call(cmd, cwd=root, env=env)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000))
