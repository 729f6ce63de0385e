"""The commands' coercion shortcut (auditor/cli_fast.py) answers as Typer's own would.

For every parameter of every command, values of each kind a command line or a default
gives (None, strings, numbers, booleans, Enum members, lists and tuples) are coerced both
by the shortcut and by Typer's pydantic adapter: the same value (and type) or the same
error, always.
"""

from __future__ import annotations

import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer
from typer._coercion import build_runtime_param

from auditor.cli import app
from auditor.cli_fast import Shortcut

SAMPLES: list[Any] = [None, "", "x", "text", "1.5", "3", "-1", "yes", "none", 0, 3, -2, 1.5,
                      0.0, float("inf"), True, False, (), ("a",), ("a", "b"), ["a"], ("1",),
                      (1,), Path("p")]  # fmt: skip


def _params() -> list[tuple[str, Any, Any]]:
    group = typer.main.get_command(app)
    ctx = group.make_context("auditor", ["--help"], resilient_parsing=True)
    out = [("auditor", group, p) for p in group.get_params(ctx)]
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        sub = cmd.make_context(name, [], parent=ctx, resilient_parsing=True)
        out += [(name, sub, p) for p in cmd.get_params(sub)]
    return out


def _outcome(coerce: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        out = coerce(value, param=param, ctx=ctx)
    except Exception as e:  # the same error, message and all
        return ("error", (type(e).__name__, str(e)))
    return ("value", (type(out), out))


@pytest.mark.parametrize(
    ("command", "ctx", "param"), _params(), ids=lambda v: getattr(v, "name", None) or str(v)
)
def test_shortcut_answers_as_typer(command: str, ctx: Any, param: Any) -> None:
    descriptor = param.type_descriptor
    full = build_runtime_param(descriptor)
    samples = [*SAMPLES, param.default]
    annotation = descriptor.annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        samples += [*annotation, *(m.value for m in annotation)]
    for value in samples:
        if isinstance(value, Path) and descriptor.annotation is not str:
            continue  # a path is checked on disk: Typer's coercion, not the shortcut's
        fast = _outcome(Shortcut(descriptor).coerce, value, param, ctx)
        assert fast == _outcome(full.coerce, value, param, ctx), (command, param.name, value)


# what `auditor check --select hedges` must not load (the cold start, issue 15 item 8):
# Typer's pydantic coercion, OpenSSL, the other commands, the other kinds' heavy code
NOT_FOR_HEDGES = ("pydantic", "_hashlib", "auditor.cli_batch", "auditor.cli_rules",
                  "auditor.cli_lsp", "auditor.similarity", "auditor.syllables",
                  "auditor.analysis", "auditor.causal", "spacy", "lemminflect")  # fmt: skip


def test_check_on_a_tiny_text_loads_only_what_hedges_needs(tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.txt"
    tiny.write_text("Some analysts claim the plan may possibly work.\n", encoding="utf-8")
    code = (
        "import sys\nfrom auditor.cli import run_app\n"
        f"code = run_app(['check', {str(tiny)!r}, '--select', 'hedges', '-q'])\n"
        f"print([m for m in {NOT_FOR_HEDGES!r} if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"  # audited (exit 0 or 1), nothing of the above
