"""The command line's LanguageTool flags: unavailable engines never hang or trace back."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

from cliutil import cli

SEED = str(Path(__file__).resolve().parents[1] / "seeds")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """Through main()'s own runner (in process), so its one-line errors and exit codes are tested."""
    return cli("check", SEED, "--select", "grammar", *args)


def test_fallback_to_harper_says_so_once(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    (tmp_path / "typo.txt").write_text("The minister said he did not recieve the letter.\n")
    result = cli("check", SEED, str(tmp_path / "typo.txt"), "--select", "grammar",
                 "--languagetool", url, "--format", "json")  # fmt: skip
    assert result.returncode == 1  # the seed has grammar errors: the gate fails, no crash
    assert "grammar.harper.SpellCheck" in result.stdout  # Harper ran in LanguageTool's place
    assert result.stderr.count("falling back to Harper") == 1


def test_fallback_fail_exits_2() -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    result = _run("--languagetool", url, "--languagetool-fallback", "fail")
    assert result.returncode == 2
    assert "LanguageTool" in result.stderr and "Traceback" not in result.stdout + result.stderr


def test_bad_fallback_value_exits_2() -> None:
    result = _run("--languagetool", "local", "--languagetool-fallback", "maybe")
    assert result.returncode == 2
