"""The causal pack: the seed article's findings, the traps it must stay quiet on, the reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cliutil import cli

from auditor.engine import Auditor, Selection
from auditor.findings import Finding
from auditor.inputs import load_file, plain_document
from auditor.packs import load_packs

ROOT = Path(__file__).resolve().parents[1]
AUDITOR = Auditor(load_packs(), Selection(select=["causal"]))


def audit(text: str) -> list[Finding]:
    return AUDITOR.audit(plain_document("t.txt", text))


def test_seed_findings() -> None:
    doc = load_file(ROOT / "seeds" / "kursk-incursion.txt").documents[0]
    found = AUDITOR.audit(doc)
    by_text = {f.text: f for f in found}
    motivated = by_text["may have been motivated by"]
    assert motivated.rule == "causal.unsupported.vague-source"
    assert motivated.severity == "warning"
    assert "unnamed group" in motivated.message and "hedged" in motivated.message
    assert doc.original[motivated.end :].startswith(" a recent minerals deal")
    prolonged = by_text["has prolonged"]
    assert prolonged.rule == "causal.unsupported.vague-source"
    assert (
        doc.original[prolonged.start - 3 : prolonged.end + 14] == "it has prolonged the conflicts"
    )
    # "The local governor also reported ... due to Ukrainian attacks": a named source
    due = by_text["due to"]
    assert due.rule == "causal.supported" and due.severity == "info"
    assert due.extra["source"] == "The local governor"
    # "potentially undermining Russian claims": hedged, and "Russian claims" is no source
    assert by_text["potentially undermining"].rule == "causal.unsupported.hedged"
    # the adjective in "the prospects of prolonged conflicts" is no claim; dates are none
    for f in found:
        assert "May" not in f.text
        assert not (
            f.text == "prolonged" and "prospects of" in doc.original[f.start - 20 : f.start]
        )
    # "Some analysts also speculate that North Korean troops might have played a role in"
    assert by_text["might have played a role in"].rule == "causal.unsupported.vague-source"
    warnings = [f for f in found if f.severity == "warning"]
    assert len(warnings) == 4


@pytest.mark.parametrize(
    "text",
    [
        "The study could not show cause and effect.",
        "Researchers cannot prove that coffee causes longer life.",
        "The new bridge is due to open in the spring.",
        "Repairs are due to begin in March.",
        "The march was led by the mayor.",
        "Prices have risen since 2019.",
        "The vote comes days after the minister resigned.",
        "Hawks kept their lead as they beat Eastwick 3-1.",
        "It was not immediately clear what triggered the strike.",
        "Police denied that the raid caused the fire.",
        "What caused the blackout?",
        "A prolonged drought is expected this summer.",
        "The road leading to the village was closed.",
        "He was led to believe the deal was done.",
        "Sales increased by 5% last year.",
        "The cause of the fire is under investigation.",
        "Thanks to all who came.",
        "Protesters from India Against Corruption gathered outside.",
        "He was due to light the flame at the opening ceremony.",
        "I am led to ponder what the chancellor meant.",
        "Before being driven by police to London, he spoke to reporters.",
        "Two soldiers were killed in Kabul on Monday.",
        "It is a demanding job.",
        "Plans to cut costs were announced on Monday.",
        "Its revenues were $3bn, which it hoped to double by 2009.",
    ],
)
def test_quiet(text: str) -> None:
    assert audit(text) == []


@pytest.mark.parametrize(
    ("text", "rule", "marked"),
    [
        ("Because of the high rates, thousands lost their homes.",
         "causal.reported", "Because of"),
        ("Inflation fell because of the government's policy.",
         "causal.unsupported.no-source", "because of"),
        ("The drop in visitors was the result of the new parking charges.",
         "causal.unsupported.no-source", "the result of"),
        ("The embargo emboldened the junta, some envoys believe.",
         "causal.unsupported.vague-source", "emboldened"),
        ("People familiar with the talks said the bid failed because of the new rules.",
         "causal.unsupported.vague-source", "because of"),
        ("The roof fell in because of corroded bolts, the inquiry concluded.",
         "causal.supported", "because of"),
        ("The crash was caused by ice, Mr Dunn told reporters.",
         "causal.supported", "was caused by"),
        ("Fares will rise as a result of the new tax rises, they counter.",
         "causal.supported", "as a result"),
        ("The band was forced to cancel its tour.", "causal.reported", "was forced"),
        ("The leak led to the resignation of the chairman.", "causal.reported", "led to"),
        ("He was expelled from the party because of his opposition to the war.",
         "causal.reported", "because of"),
        ("The firm dropped the plan, which would have triggered big redemptions.",
         "causal.reported", "would have triggered"),
        ("Experts say the policy led to a rise in crime.",
         "causal.unsupported.vague-source", "led to"),
        ("Correspondents say the vote was delayed because of the row.",
         "causal.unsupported.vague-source", "because of"),
        ("Sources said the blast was triggered by a gas leak.",
         "causal.unsupported.vague-source", "was triggered by"),
        ("The outage may have been caused by a software update.",
         "causal.unsupported.hedged", "may have been caused by"),
        ("The fire was caused by a faulty heater, the fire service said.",
         "causal.supported", "was caused by"),
        ("According to the ministry's report, the flooding was due to a blocked drain.",
         "causal.supported", "due to"),
        ("A study published in The Lancet found that smoking causes lung cancer.",
         "causal.supported", "causes"),
        ("Smoking increases the risk of stroke.", "causal.unsupported.no-source", "increases"),
        ("Critics may disagree, but the fire was caused by a heater.",
         "causal.reported", "was caused by"),
        ("Workers went on strike demanding higher pay.", "causal.implicit", "demanding"),
        ("Three people were injured in the blast.", "causal.implicit", "injured in"),
        ("He was killed in retaliation for the murder.",
         "causal.reported", "in retaliation for"),
    ],
)  # fmt: skip
def test_judged(text: str, rule: str, marked: str) -> None:
    found = audit(text)
    assert [(f.rule, f.text) for f in found] == [(rule, marked)]


def test_quote_speaker_in_neighbour_sentence() -> None:
    text = 'Mayor Jane Ortiz spoke on Monday. "The cuts caused the closures," she said.'
    found = audit(text)
    assert [f.rule for f in found] == ["causal.supported"]
    running = audit('"The cuts caused the closures. We had no choice," the mayor said.')
    assert [f.rule for f in running] == ["causal.supported"]
    assert running[0].extra["source"] == "the mayor"
    unattributed = audit('"The cuts caused the closures."')  # the speaker's: info
    assert [f.rule for f in unattributed] == ["causal.reported"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Russian media claims that the blast was caused by a drone.", "Russian media"),
        ("A war blogger posted that the bridge collapsed because of rockets.", "A war blogger"),
        ("Police said on Monday the blast was caused by a gas leak.", "Police"),
        ("Dr Lee told reporters the drug caused the illness.", "Dr Lee"),
    ],
)
def test_named_sources(text: str, source: str) -> None:
    (f,) = audit(text)
    assert f.rule == "causal.supported"
    assert f.extra["source"] == source


def test_first_person_reason_is_the_writers() -> None:
    (f,) = audit("I do find it comfortable running in the gym because there is more cushioning.")
    assert f.rule == "causal.supported"
    assert f.extra["source"] == "the writer (first person)"


def test_supported_message_names_source() -> None:
    (f,) = audit("Police said the crash was caused by ice on the road.")
    assert f.rule == "causal.supported"
    assert "'Police'" in f.message


def test_cli_jsonl(tmp_path: Path) -> None:
    """The path the benchmark measures: JSONL records through `auditor check`."""
    path = tmp_path / "s.jsonl"
    rows = [{"id": 0, "text": "Prices rose due to the drought."},
            {"id": 1, "text": "The bridge is due to open in the spring."}]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = cli("check", str(path), "--select", "causal", "--format", "json")
    assert out.returncode == 0, out.stderr
    docs = json.loads(out.stdout)["documents"]
    assert [f["text"] for f in docs[0]["findings"]] == ["due to"]
    assert docs[0]["findings"][0]["rule"] == "causal.reported"
    assert docs[1]["findings"] == []


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("The strike caused delays across the city.", "caused"),
        ("The cuts led to closures.", "led to"),
        ("Flights were cancelled because of the fog.", "because of"),
        ("As a result, prices rose.", "As a result"),
        ("The arrest triggered protests.", "triggered"),
        ("The deal fuelled speculation about a merger.", "fuelled"),
        ("The deal fueled speculation about a merger.", "fueled"),
        ("The ruling sparked anger among farmers.", "sparked"),
        ("The decision prolonged the war.", "prolonged"),
        ("Leaks are undermining the inquiry.", "are undermining"),
        ("The real reason behind the delay was money.", "The real reason"),
        ("Sales rose thanks to a mild winter.", "thanks to"),
        ("Costs rose; therefore, fares went up.", "therefore"),
        ("The storm resulted in power cuts.", "resulted in"),
        ("Strong demand drove prices higher.", "drove"),
        ("The collapse was blamed on poor maintenance.", "was blamed"),
        ("The attack was motivated by revenge.", "was motivated by"),
    ],
)
def test_markers_from_the_issue(text: str, marked: str) -> None:
    found = [f for f in audit(text) if not f.rule.startswith("causal.implicit")]
    assert [f.text for f in found] == [marked]


def test_learned_cue_marks_a_content_word() -> None:
    """A causal.cue finding marks a content word, not "to" or "when", and says what it found."""
    found = audit("Residents blocked the road when police arrested four villagers.")
    assert [(f.rule, f.text) for f in found] == [("causal.cue", "arrested")]
    assert "'arrest'" in found[0].message


def test_learned_cues_respect_sense_checks() -> None:
    """Words of an explicit marker ruled out by its sense check are no cue ("due to open")."""
    from auditor.causal.cues import model, score_span

    text = "the protest march is due to open the festival after police arrested four villagers."
    plain = score_span(text, 0, len(text), model())
    start = text.index("due to")
    blocked = score_span(text, 0, len(text), model(), [(start, start + 6)])
    assert plain is not None
    assert blocked is None or blocked.score < plain.score


def test_cue_lexicon_is_data() -> None:
    """The lexicon is the generator's output: order 2, a threshold, signed weights."""
    from auditor.causal.cues import model

    m = model()
    assert m.order == 2 and len(m.weights) > 1000
    assert any(v < 0 for v in m.weights.values()) and any(v > 0 for v in m.weights.values())
    assert all(t in m.surface.values() for g in list(m.weights)[:50] for t in g.split())
