"""How check shows its results: concise lines, --quiet, --statistics, --min-severity,
--show-settings, JUnit failures where the gate fails, explain for engine rule ids."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from cliutil import run_cli

TEXT = (
    "Budget row\n\n"
    "The minister allegedly hid the figures before the vote.\n\n"
    "Many residents were angry.\n"
)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text("Prices rose in May, the statistics office said.\n")
    return tmp_path


def test_concise_is_one_line_a_finding(folder: Path) -> None:
    r = run_cli(folder, "check", "a.txt", "-f", "concise", "--select", "hedges")
    lines = r.stdout.splitlines()
    assert lines[0].startswith("a.txt:3:14: warning hedges.allegedly ")
    assert any(line.startswith("a.txt:5:1: info hedges.vague-quantity") for line in lines)
    assert lines[-1].startswith("1 document(s):")
    quiet = run_cli(folder, "check", "a.txt", "-f", "concise", "--select", "hedges", "-q")
    assert quiet.stdout.splitlines() == lines[:-1]


def test_quiet_text_shows_findings_only(folder: Path) -> None:
    r = run_cli(folder, "check", ".", "--select", "hedges", "--quiet")
    assert "hedges.allegedly" in r.stdout
    assert "score" not in r.stdout and "document(s)" not in r.stdout
    assert "b.txt" not in r.stdout  # a document with nothing to say says nothing


def test_statistics_counts_per_rule(folder: Path) -> None:
    r = run_cli(folder, "check", ".", "--select", "hedges", "--statistics")
    rows = [line.split() for line in r.stdout.splitlines()]
    assert ["1", "warning", "hedges.allegedly"] in rows
    assert all(row[0].isdigit() for row in rows)


def test_min_severity_hides_but_keeps_the_exit_code(folder: Path) -> None:
    full = run_cli(folder, "check", "a.txt", "--select", "hedges", "-f", "json",
                   "--fail-on", "info")  # fmt: skip
    shown = run_cli(folder, "check", "a.txt", "--select", "hedges", "-f", "json",
                    "--fail-on", "info", "--min-severity", "warning")  # fmt: skip
    sev = {f["severity"] for f in json.loads(full.stdout)["documents"][0]["findings"]}
    assert "info" in sev
    sev = {f["severity"] for f in json.loads(shown.stdout)["documents"][0]["findings"]}
    assert sev == {"warning"}
    assert full.returncode == shown.returncode == 1


def test_show_settings_resolves_without_auditing(folder: Path) -> None:
    (folder / "auditor.toml").write_text(
        'ignore = ["grammar"]\n[packs.readability]\nmax_sentence_words = 30\n'
        '[per-path-ignores]\n"a.txt" = ["hedges.allegedly"]\n'
    )
    r = run_cli(folder, "check", "--show-settings", "a.txt")
    assert r.returncode == 0
    settings = {
        k.strip(): json.loads(v) for k, v in (ln.split("=", 1) for ln in r.stdout.splitlines())
    }
    assert settings["config"].endswith("auditor.toml")
    assert settings["ignore"] == ["grammar"]
    assert settings["per-path-ignores"] == ["hedges.allegedly"]
    assert settings["packs"] == {"readability": {"max_sentence_words": 30}}
    assert not any(rule.startswith("grammar") for rule in settings["rules"])


@pytest.mark.parametrize(("gate", "failing"), [((), {"a.txt"}), (("--fail-on", "error"), set())])
def test_junit_fails_where_the_gate_fails(
    folder: Path, gate: tuple[str, ...], failing: set[str]
) -> None:
    args = ("check", ".", "--select", "hedges", "-f", "junit", *(gate or ("--fail-on", "warning")))
    r = run_cli(folder, *args)
    cases = ET.fromstring(r.stdout).iter("testcase")
    failed = {Path(c.get("name", "")).name for c in cases if c.find("failure") is not None}
    assert failed == failing
    assert r.returncode == (1 if failing else 0)


def test_explain_engine_rule_ids(folder: Path) -> None:
    r = run_cli(folder, "explain", "grammar.harper.SpellCheck")
    assert r.returncode == 0 and "reported by grammar.harper" in r.stdout
    assert "Severity in this pack: warning." in r.stdout
    tail = run_cli(folder, "explain", "grammar.harper.WreakHavoc").stdout
    assert "Off in this pack (all_harper_rules = true under [packs.grammar] runs it)." in tail
    assert "Off in this pack.\n" in run_cli(folder, "explain", "grammar.harper.OxfordComma").stdout
    skipped = run_cli(folder, "explain", "grammar.harper.not-checked").stdout
    assert "nothing in it was checked" in skipped and "Off in this pack" not in skipped
    bad = run_cli(folder, "explain", "grammar.harper.NoSuchLinter")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_profile_shows_time_per_pack_and_rule(folder: Path) -> None:
    r = run_cli(folder, "check", "a.txt", "--select", "hedges", "--profile", "-q")
    assert r.stderr.splitlines()[0].split() == ["pack", "/", "rule", "seconds", "share", "us/word"]
    assert any(line.startswith("hedges ") for line in r.stderr.splitlines())
    assert any(line.strip().startswith("hedges.allegedly ") for line in r.stderr.splitlines())
    missing = run_cli(folder, "check", "nope.txt", "--select", "hedges", "--profile", "-q")
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1  # no empty table


@pytest.mark.parametrize("text", ["Some analysts\nclaim the deal failed.\n",
                                  "Some **analysts** claim the deal failed.\n"])  # fmt: skip
def test_phrase_rules_match_across_a_hard_wrap(tmp_path: Path, text: str) -> None:
    (tmp_path / "a.md").write_text(text)
    r = run_cli(tmp_path, "check", "a.md", "-f", "json", "--select", "hedges.vague-attribution")
    [f] = json.loads(r.stdout)["documents"][0]["findings"]
    assert f["text"].split() == ["Some", "analysts", "claim"] or "analysts" in f["text"]
    assert "\n" not in f["message"]


def test_suggestions_follow_the_house_dialect(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("They claim to have travels back to the border.\n")
    args = ("check", "a.txt", "-f", "concise", "-q", "--select", "grammar.have-participle")
    assert "(suggestion: have travelled)" in run_cli(tmp_path, *args).stdout  # en-GB default
    assert "(suggestion: have traveled)" in run_cli(tmp_path, *args, "--dialect", "en-US").stdout
    (tmp_path / "auditor.toml").write_text('dialect = "en-US"\n')
    assert "(suggestion: have traveled)" in run_cli(tmp_path, *args).stdout
    bad = run_cli(tmp_path, *args, "--dialect", "fr")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_explain_knows_every_id_check_emits(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    (tmp_path / "a.md").write_text(
        "<!-- auditor: ignore nosuch.rule -->\nThe cost of the repairs were high, and they "
        "could of left. Some analysts claim the drop was caused by the charges. " + "x" * 80 + "\n"
    )
    r = run_cli(tmp_path, "check", str(seeds), "a.md", "-f", "json", "--fail-on", "none")
    ids = {f["rule"] for d in json.loads(r.stdout)["documents"] for f in d["findings"]}
    assert len(ids) > 15
    for rule_id in sorted(ids):
        e = run_cli(tmp_path, "explain", rule_id)
        assert e.returncode == 0, (rule_id, e.stderr)
