"""Configuration files: auditor.toml / [tool.auditor], nearest wins, validation, init."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cliutil import ARTICLE, cli, run

from auditor.api import audit_documents
from auditor.config import ConfigError, ConfigFinder, load_config, parse, path_matches
from auditor.inputs import load_file
from auditor.pipeline import AuditOptions


def rules_found(cwd: Path, *args: str) -> list[str]:
    p = run(cwd, *args, "--format", "json")
    assert p.returncode in (0, 1), p.stderr
    return [f["rule"] for d in json.loads(p.stdout)["documents"] for f in d["findings"]]


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_no_config_reports_hedges(scratch: Path) -> None:
    assert rules_found(scratch, "article.md") == ["hedges.allegedly", "hedges.reportedly"]


def test_ignore_pack_in_auditor_toml(scratch: Path) -> None:
    (scratch / "auditor.toml").write_text('ignore = ["hedges"]\n')
    assert rules_found(scratch, "article.md") == []


def test_pyproject_tool_table_and_cli_select_replaces(scratch: Path) -> None:
    (scratch / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.auditor]\nselect = ["hedges.reportedly"]\n'
    )
    assert rules_found(scratch, "article.md") == ["hedges.reportedly"]
    assert rules_found(scratch, "article.md", "--select", "hedges.allegedly") == [
        "hedges.allegedly"
    ]


def test_pyproject_without_table_is_skipped_for_parent(scratch: Path) -> None:
    (scratch / "auditor.toml").write_text('ignore = ["hedges.allegedly"]\n')
    sub = scratch / "desk"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (sub / "a.md").write_text(ARTICLE)
    assert rules_found(scratch, "desk/a.md") == ["hedges.reportedly"]


def test_nearest_config_wins(scratch: Path) -> None:
    (scratch / "auditor.toml").write_text('ignore = ["hedges"]\n')
    sub = scratch / "wire"
    sub.mkdir()
    (sub / "auditor.toml").write_text('ignore = ["hedges.reportedly"]\n')
    (sub / "story.md").write_text(ARTICLE)
    p = run(scratch, ".", "--format", "json")
    docs = {
        Path(d["path"]).name: [f["rule"] for f in d["findings"]]
        for d in json.loads(p.stdout)["documents"]
    }
    assert docs == {"article.md": [], "story.md": ["hedges.allegedly"]}


def test_explicit_config_applies_to_every_file(scratch: Path, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    (scratch / "auditor.toml").write_text('ignore = ["hedges"]\n')
    other = tmp_path_factory.mktemp("cfg") / "strict.toml"
    other.write_text('[severity]\n"hedges.allegedly" = "error"\n')
    p = run(scratch, "article.md", "--config", str(other), "--format", "json")
    assert p.returncode == 1  # the error now fails the default gate
    sev = {f["rule"]: f["severity"] for f in json.loads(p.stdout)["documents"][0]["findings"]}
    assert sev == {"hedges.allegedly": "error", "hedges.reportedly": "warning"}


def test_per_path_ignores(scratch: Path) -> None:
    (scratch / "auditor.toml").write_text('[per-path-ignores]\n"wire/**" = ["hedges.allegedly"]\n')
    (scratch / "wire").mkdir()
    (scratch / "wire" / "a.md").write_text(ARTICLE)
    p = run(scratch, ".", "--format", "json")
    docs = {d["path"].replace("\\", "/"): [f["rule"] for f in d["findings"]]
            for d in json.loads(p.stdout)["documents"]}  # fmt: skip
    assert docs["article.md"] == ["hedges.allegedly", "hedges.reportedly"]
    assert docs["wire/a.md"] == ["hedges.reportedly"]


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ('ignored = ["hedges"]\n', "unknown key 'ignored'"),
        ('ignore = "hedges"\n', "key 'ignore'"),
        ('ignore = ["hedgez"]\n', "'hedgez' matches no rule"),
        ('[severity]\n"hedges.allegedly" = "fatal"\n', "severity.hedges.allegedly"),
        ("[packs.nosuch]\nx = 1\n", "no pack 'nosuch'"),
        ('rule-paths = ["missing"]\n', "rule-paths"),
        ("ignore = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_exit_2(scratch: Path, toml: str, needle: str) -> None:
    (scratch / "auditor.toml").write_text(toml)
    p = run(scratch, "article.md")
    assert p.returncode == 2
    assert needle in p.stderr and "auditor.toml" in p.stderr
    assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_unknown_key_in_pyproject_names_file(scratch: Path) -> None:
    (scratch / "pyproject.toml").write_text('[tool.auditor]\nfail_on = "warning"\n')
    p = run(scratch, "article.md")
    assert p.returncode == 2 and "pyproject.toml" in p.stderr and "'fail_on'" in p.stderr


HOUSE_PACK = """
[pack]
id = "house"
summary = "Our house style."

[[rule]]
id = "house.figures"
kind = "substitution"
severity = "warning"
message = "House style: '{match}'."
why = "The stylebook says so."
swap = { '\\bfigures\\b' = 'numbers' }
examples.bad = ["He hid the [[figures]]."]
examples.good = ["He hid the numbers."]
"""


def test_rule_paths_load_a_house_pack(scratch: Path) -> None:
    (scratch / "house").mkdir()
    (scratch / "house" / "house.toml").write_text(HOUSE_PACK)
    (scratch / "auditor.toml").write_text('rule-paths = ["house"]\nselect = ["house"]\n')
    assert rules_found(scratch, "article.md") == ["house.figures"]
    assert rules_found(scratch, "article.md", "--select", "house.figures") == ["house.figures"]


def test_rule_paths_pack_is_validated_like_builtins(scratch: Path) -> None:
    (scratch / "house").mkdir()
    bad = HOUSE_PACK.replace('examples.good = ["He hid the numbers."]\n', "")
    (scratch / "house" / "house.toml").write_text(bad)
    (scratch / "auditor.toml").write_text('rule-paths = ["house"]\n')
    p = run(scratch, "article.md")
    assert p.returncode == 2 and "house.toml" in p.stderr and "good example" in p.stderr


def test_pack_options_reach_the_checks(scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (scratch / "auditor.toml").write_text(
        '[packs.grammar]\nwords = ["Zelensky"]\n[packs.readability]\nmax_sentence_words = 30\n'
    )
    seen: list[tuple[str, dict[str, object]]] = []
    from auditor.checks import Check

    def spy(self: Check, settings: dict[str, object]) -> None:
        seen.append((self.rule.id, settings))

    monkeypatch.setattr(Check, "configure", spy)
    doc = load_file(scratch / "article.md").documents[0]
    audit_documents([doc], AuditOptions.make(settings={"grammar": {"languagetool": "off"}}))
    got = dict(seen)
    assert got["readability.long-sentence"] == {"max_sentence_words": 30}
    assert got["hedges.allegedly"] == {}
    assert got["grammar.repeated-word"] == {"words": ["Zelensky"], "languagetool": "off"}


def test_init_writes_a_valid_commented_starter(tmp_path: Path) -> None:
    p = cli("init", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    cfg = load_config(tmp_path / "auditor.toml")
    assert cfg.select == [] and cfg.ignore == []
    text = (tmp_path / "auditor.toml").read_text()
    assert "# select" in text and "per-path-ignores" in text and "rule-paths" in text
    again = cli("init", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_starter_uncommented_is_valid(tmp_path: Path) -> None:
    """Every commented example in the starter file is a valid setting once uncommented."""
    import re
    import tomllib

    from auditor.config import STARTER

    example = re.compile(r'^# ((?:[\w"-][^=]* = .*)|\[.*\])$')
    lines = [m.group(1) if (m := example.match(ln)) else ln for ln in STARTER.splitlines()]
    (tmp_path / "house-rules").mkdir()
    cfg = parse(tomllib.loads("\n".join(lines)), tmp_path / "auditor.toml")
    assert cfg.select and cfg.ignore and cfg.severity and cfg.per_path_ignores
    assert cfg.packs["readability"] == {"max_sentence_words": 40}
    assert cfg.rule_paths == [(tmp_path / "house-rules").resolve()]


def test_path_matches() -> None:
    from pathlib import PurePosixPath as P

    assert path_matches(P("wire/a.md"), "wire/**")
    assert path_matches(P("wire/x/a.md"), "wire/")
    assert path_matches(P("desk/opinion.md"), "opinion.md")
    assert not path_matches(P("desk/opinion.md"), "wire/*")


def test_finder_caches_and_handles_no_config(tmp_path: Path) -> None:
    f = tmp_path / "a" / "b.md"
    f.parent.mkdir()
    finder = ConfigFinder()
    cfg = finder.for_file(f)
    assert finder.for_file(f) is cfg
    with pytest.raises(ConfigError):
        ConfigFinder(tmp_path / "nope.toml")


def test_rule_paths_examples_are_run(scratch: Path) -> None:
    (scratch / "house").mkdir()
    wrong = HOUSE_PACK.replace('["He hid the numbers."]', '["He hid the figures again."]')
    (scratch / "house" / "house.toml").write_text(wrong)
    (scratch / "auditor.toml").write_text('rule-paths = ["house"]\n')
    p = run(scratch, "article.md")
    assert p.returncode == 2
    assert "house.toml: rule house.figures: good example flagged ['figures']" in p.stderr


def test_finder_answers_per_folder_and_follows_a_symlinked_file(tmp_path: Path) -> None:
    """The finder caches by the folder as given, but a symlinked file still gets the
    configuration above its target."""
    house, other = tmp_path / "house", tmp_path / "other"
    house.mkdir()
    other.mkdir()
    (house / "auditor.toml").write_text('select = ["hedges"]\n')
    (house / "a.txt").write_text("x")
    (other / "b.txt").write_text("x")
    (other / "link.txt").symlink_to(house / "a.txt")
    finder = ConfigFinder()
    plain = finder.for_file(other / "b.txt")
    assert finder.for_file(other / "link.txt").select == ["hedges"]
    assert finder.for_file(other / "b.txt") is plain
    assert plain.select != ["hedges"]
    assert finder.for_file(house / "a.txt") is finder.for_file(house / "c.txt")
