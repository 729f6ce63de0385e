"""No pattern can hang a run: a rule whose regex can backtrack catastrophically is refused
at load with one line naming the rule and the pattern; every built-in pattern passes."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from cliutil import run_cli

from auditor.checks.regex_safety import backtracking_risk
from auditor.packs import load_packs


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+$", r"(?:a|aa)+b", r"(\w+\s?)+$", r"(?:\w+,? )*end", r"((x)\2)+", r"(?:ab|a)*c"],
)
def test_catastrophic_shapes_are_caught(pattern: str) -> None:
    assert backtracking_risk(pattern) is not None


@pytest.mark.parametrize(
    "pattern",
    [r"\ballegedly\b", r"\b(?:some|many) (?:\w+ )?analysts", r"(?: (?:have|had|also))* say",
     r"(?<![-'])\b(?P<w>[a-z]+)\s+(?P=w)\b", r"[a-z]+ing\b"],
)  # fmt: skip
def test_news_patterns_pass(pattern: str) -> None:
    assert backtracking_risk(pattern) is None


def built_in_patterns() -> list[tuple[str, str]]:
    out = []
    for pack in load_packs():
        for rule in pack.rules:
            for key in ("patterns", "swap", "prefilter"):
                value = rule.options.get(key)
                values = [value] if isinstance(value, str) else value
                if isinstance(values, list | dict):  # a sequence rule's patterns are tokens
                    out += [(rule.id, p) for p in values if isinstance(p, str)]
            if rule.exceptions is not None:
                out.append((rule.id, rule.exceptions.pattern))
    return out


def test_every_built_in_pattern_is_safe() -> None:
    patterns = built_in_patterns()
    assert len(patterns) > 50
    assert [(r, p) for r, p in patterns if backtracking_risk(p, re.IGNORECASE)] == []


def test_a_house_rule_that_could_hang_is_refused_at_load(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "h.toml").write_text(
        '[pack]\nid = "house"\nsummary = "s"\n\n[[rule]]\nid = "house.slow"\nkind = "existence"\n'
        'severity = "info"\nmessage = "m"\nwhy = "w"\npatterns = [\'(a+)+$\']\n'
        'examples.bad = ["[[aa]]"]\nexamples.good = ["b"]\n'
    )
    (tmp_path / "auditor.toml").write_text('rule-paths = ["house"]\n')
    (tmp_path / "a.txt").write_text("a" * 40 + "b\n")
    t0 = time.perf_counter()
    r = run_cli(tmp_path, "check", "a.txt")
    assert time.perf_counter() - t0 < 30
    assert r.returncode == 2
    [line] = r.stderr.splitlines()
    assert "house.slow" in line and "(a+)+$" in line and "exponential" in line


def test_giant_tokens_and_walls_of_words_stay_bounded(tmp_path: Path) -> None:
    """A 20,000-character word is not fed to the grammar engine (an info finding says so);
    a long sentence with many hits does not make a rule quadratic."""
    (tmp_path / "word.txt").write_text("The minister said the cost was high. " + "x" * 20000 + "\n")
    r = run_cli(tmp_path, "check", "word.txt", "-f", "json", "--select", "grammar")
    findings = json.loads(r.stdout)["documents"][0]["findings"]
    [skip] = [f for f in findings if f["rule"] == "grammar.harper.not-checked"]
    assert skip["severity"] == "info" and skip["end"] - skip["start"] == 20000
    words = " ".join(["the", "the", "cost", "of", "repairs", "were", "high"] * 1500)
    (tmp_path / "wall.txt").write_text(words + "\n")
    t0 = time.perf_counter()
    r = run_cli(tmp_path, "check", "wall.txt", "--select", "grammar.repeated-word", "--statistics")
    assert time.perf_counter() - t0 < 20
    assert r.stdout.split()[:3] == ["1500", "error", "grammar.repeated-word"]
