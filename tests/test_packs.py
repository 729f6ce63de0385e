"""Malformed packs fail at load with one message naming the file, the rule and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.engine import Auditor
from auditor.examples import rule_failures
from auditor.packs import PackError, load_pack, load_packs, strip_marks

GOOD_RULE = """
[[rule]]
id = "demo.{name}"
kind = "existence"
severity = "warning"
message = "'{{match}}' found."
why = "Because."
patterns = ['{pattern}']
examples.bad = ["This is [[{word}]] here."]
examples.good = ["Nothing to see."]
"""


def write_pack(tmp_path: Path, body: str, name: str = "demo.toml") -> Path:
    path = tmp_path / name
    path.write_text('[pack]\nid = "demo"\nsummary = "Demo."\n' + body, encoding="utf-8")
    return path


def rule(name: str = "word", pattern: str = r"\bword\b", word: str = "word") -> str:
    return GOOD_RULE.format(name=name, pattern=pattern, word=word)


def test_valid_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path, rule()))
    assert [r.id for r in pack.rules] == ["demo.word"]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("[[rule]\nid = 1", "invalid TOML"),
        (rule().replace('kind = "existence"', 'kind = "magic"'), "unknown kind 'magic'"),
        (rule(pattern="(unclosed"), "invalid regex"),
        (
            rule().replace('examples.bad = ["This is [[word]] here."]', ""),
            "needs at least one bad example",
        ),
        (
            rule().replace('examples.good = ["Nothing to see."]', ""),
            "needs at least one good example",
        ),
        (rule() + rule(), "duplicate rule id"),
        (rule().replace('severity = "warning"', 'severity = "fatal"'), "severity must be one of"),
        (rule().replace('id = "demo.word"', 'id = "other.word"'), "must start with the pack id"),
        (rule().replace("[[word]]", "word"), "has no [[marked]] text"),
        (rule().replace('why = "Because."', 'why = "Because."\ncolour = "red"'), "unknown key(s)"),
        (rule().replace('why = "Because."\n', ""), "needs a 'why'"),
    ],
)
def test_malformed_pack_fails_with_file_rule_and_problem(
    tmp_path: Path, body: str, problem: str
) -> None:
    path = write_pack(tmp_path, body)
    with pytest.raises(PackError) as err:
        load_pack(path)
    message = str(err.value)
    assert str(path) in message
    assert problem in message
    assert "\n" not in message
    if problem != "invalid TOML":
        assert "demo.word" in message or "other.word" in message


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    write_pack(extra, rule(), "a.toml")
    write_pack(extra, rule(), "b.toml")
    with pytest.raises(PackError, match="duplicate rule id"):
        load_packs([extra])


def test_examples_check_fails_when_a_good_example_fires(tmp_path: Path) -> None:
    """The examples test is not vacuous: a good example that fires is reported."""
    body = rule().replace('examples.good = ["Nothing to see."]', 'examples.good = ["A word here."]')
    pack = load_pack(write_pack(tmp_path, body))
    failures = rule_failures(Auditor([pack]), pack.rules[0])
    assert failures and "good example flagged ['word']" in failures[0]


def test_examples_check_fails_when_a_bad_example_is_missed(tmp_path: Path) -> None:
    body = rule(pattern=r"\bnever\b")
    pack = load_pack(write_pack(tmp_path, body))
    failures = rule_failures(Auditor([pack]), pack.rules[0])
    assert failures and "should flag ['word']" in failures[0]


def test_strip_marks() -> None:
    text, spans = strip_marks("a [[bc]] d [[e]]")
    assert text == "a bc d e"
    assert [text[s:e] for s, e in spans] == ["bc", "e"]


def test_auditors_over_the_same_packs_keep_their_own_settings() -> None:
    """Two configurations in one run share the loaded packs, never their settings."""
    from auditor.inputs import plain_document

    packs = load_packs()
    strict = Auditor(packs, settings={"readability": {"max_sentence_words": 8}})
    loose = Auditor(packs, settings={"readability": {"max_sentence_words": 80}})
    doc = plain_document(
        "a.txt", "The council met on Monday and agreed to spend more on the roads and schools."
    )
    assert any(f.rule == "readability.long-sentence" for f in strict.audit(doc))
    assert not any(f.rule == "readability.long-sentence" for f in loose.audit(doc))


def test_opt_in_rules_run_only_when_selected(tmp_path: Path) -> None:
    from auditor.engine import Selection
    from auditor.inputs import plain_document

    body = rule().replace('kind = "existence"', 'kind = "existence"\nopt_in = true')
    pack = load_pack(write_pack(tmp_path, body))
    doc = plain_document("a.txt", "A word here.")
    assert Auditor([pack]).audit(doc) == []
    assert [f.rule for f in Auditor([pack], Selection(select=["demo"])).audit(doc)] == ["demo.word"]
    assert [f.rule for f in Auditor([pack], Selection(select=["demo.word"])).audit(doc)] == [
        "demo.word"
    ]
