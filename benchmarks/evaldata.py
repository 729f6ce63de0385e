"""Where the evaluation data lives: one answer for every benchmark and test.

The public corpora sit in ../shared/eval beside the repository, or wherever
$AUDITOR_EVAL_DIR points. They are read in place and never copied into the repository, so
each script asks here for a corpus by name instead of building the path itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "AUDITOR_EVAL_DIR"
DEFAULT_ROOT = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"


class EvalDataMissing(FileNotFoundError):
    """A corpus is not where it should be; str() is a one-line message saying where."""


def eval_root() -> Path:
    """The folder holding the corpora: $AUDITOR_EVAL_DIR when set, else ../shared/eval."""
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else DEFAULT_ROOT


def eval_path(name: str) -> Path:
    """The path of <eval root>/<name> ("bbc-news", "wiki-weasel/test.tsv"); must exist."""
    path = eval_root() / name
    if not path.exists():
        raise EvalDataMissing(
            f"evaluation data not found: {path} (set {ENV_VAR} to the folder of the corpora)"
        )
    return path


def has_eval(*names: str) -> bool:
    """Whether every named corpus or file is present (tests skip when one is not)."""
    return all((eval_root() / name).exists() for name in names)


def eval_missing(prog: str, *names: str) -> bool:
    """For a benchmark's main: print the one-line error and say True when a name is missing."""
    try:
        for name in names:
            eval_path(name)
    except EvalDataMissing as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return True
    return False


def bbc_articles() -> list[Path]:
    """Every BBC News article (bbc-news/<topic>/<n>.txt), sorted by path."""
    return sorted(eval_path("bbc-news").glob("*/*.txt"))
