"""The `sequence` kind: validation at load time, matching, binds, suggestions, prefilter."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.analysis import analysis_for
from auditor.engine import Auditor
from auditor.errors import PackError
from auditor.findings import Finding
from auditor.inputs import plain_document
from auditor.packs import Pack, load_pack


def make_pack(tmp_path: Path, body: str, message: str = "Found '{match}'.") -> Pack:
    path = tmp_path / "t.toml"
    path.write_text(
        '[pack]\nid = "t"\n\n[[rule]]\nid = "t.r"\nkind = "sequence"\nseverity = "error"\n'
        f'message = "{message}"\nwhy = "A test."\n{body}\n'
        'examples.bad = ["[[x]]"]\nexamples.good = ["y"]\n',
        encoding="utf-8",
    )
    return load_pack(path)


def run(pack: Pack, text: str) -> list[Finding]:
    auditor = Auditor([pack])
    return auditor.run_rule(pack.rules[0], plain_document("a.txt", text))


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('tokens = [{ lemma = "go" }]', "needs 'anchors'"),
        ('anchors = ["go"]', "give either 'tokens'"),
        ('anchors = ["go"]\ntokens = [{ lemma = "go", colour = "red" }]', "unknown key(s) colour"),
        ('anchors = ["go"]\ntokens = [{ pos = "VRB" }]', "unknown part of speech 'VRB'"),
        ('anchors = ["go"]\ntokens = [{ lex = "dual" }]', "unknown lex class 'dual'"),
        ('anchors = ["go"]\ntokens = [{ lemma = "go", repeat = "many" }]', "'repeat' must be"),
        ('anchors = ["go"]\ntokens = [{ lemma = "go", repeat = "?" }]', "every token is optional"),
        ('anchors = ["go"]\ntokens = [{ regex = "(" }]', "invalid regex"),
        ('anchors = ["go"]\ntokens = [{ lemma = "go" }]\nmark = "verb"', "which no pattern binds"),
        (
            'anchors = ["go"]\ntokens = [{ lemma = "go", bind = "v" }]\nsuggest = "{v:plural}"',
            "unknown form 'plural'",
        ),
        ('anchors = ["go"]\ntokens = [{ lemma = "go", child_of = "x" }]', "'x' is not bound"),
        ('anchors = ["go"]\nscope = "block"\ntokens = [{ lemma = "go" }]', "scope must be"),
        (
            'anchors = ["go"]\ntokens = [{ lemma = "go", negate = true, bind = "v" }]',
            "a negated token cannot",
        ),
    ],
)
def test_bad_rules_fail_at_load(tmp_path: Path, body: str, problem: str) -> None:
    with pytest.raises(PackError) as err:
        make_pack(tmp_path, body)
    assert problem in str(err.value)
    assert "rule t.r" in str(err.value)


def test_binds_mark_and_suggestion_table(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path,
        'anchors = ["have", "has", "had"]\nmark = ["aux", "verb"]\n'
        'suggest = { verb = "{verb:participle}" }\n'
        'tokens = [{ lemma = "have", bind = "aux" }, { pos = ["ADV", "PART"], repeat = [0, 2] },'
        ' { lex = "past", not = { lex = "participle" }, bind = "verb" }]',
        message="'{verb}' after '{aux}': '{suggestion}'.",
    )
    (f,) = run(pack, "Officials said they had not went home at all.")
    assert f.text == "had not went"
    assert f.suggestions == ["had not gone"]
    assert f.message == "'went' after 'had': 'had not gone'."
    assert run(pack, "Officials said they had not gone home.") == []


def test_template_suggestion_keeps_case_and_regex(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path,
        'anchors = ["to"]\nmark = "verb"\nsuggest = "{verb:base}"\n'
        'tokens = [{ lower = "to", bind = "to" }, { regex = "[A-Za-z]+ed", bind = "verb" }]',
    )
    (f,) = run(pack, "They plan to Discussed it.")
    assert (f.text, f.suggestions) == ("Discussed", ["Discuss"])


def test_literal_table_suggestion_takes_the_case_of_the_word_it_replaces(
    tmp_path: Path,
) -> None:
    """A table rewrite by a literal word: "Their is" -> "There", "they're car" -> "their";
    an empty template drops its token."""
    pack = make_pack(
        tmp_path,
        'anchors = ["their", "they\'re"]\nmark = ["w", "they", "re"]\n'
        'suggest = { w = "there", they = "their", re = "" }\n'
        'patterns = [[{ lower = "their", bind = "w" }, { lower = "is" }],'
        ' [{ lower = "they", bind = "they" }, { lower = "\'re", bind = "re" }, { lower = "car" }]]',
    )
    found = [(f.text, f.suggestions) for f in run(pack, "Their is doubt. THEIR is. They're car.")]
    assert found == [("Their", ["There"]), ("THEIR", ["THERE"]), ("They're", ["Their"])]


def test_negate_and_morph(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path,
        'anchors = ["the"]\n'
        'tokens = [{ lower = "the" }, { pos = "ADJ", negate = true },'
        ' { pos = "NOUN", morph = { Number = "Plur" } }]',
    )
    # a negated token is one token that does not match: "the city cats", not "The big dogs"
    found = [f.text for f in run(pack, "The big dogs saw the city cats and the city dog.")]
    assert found == ["the city cats"]  # "the city dog": singular


def test_dependency_links(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path,
        'anchors = ["have"]\n'
        'tokens = [{ lemma = "have", child_of = "v" }, { pos = "VERB", bind = "v" }]',
    )
    assert [f.text for f in run(pack, "They have broke the record.")] == ["have broke"]
    sibling = make_pack(
        tmp_path,
        'anchors = ["would"]\n'
        'tokens = [{ lower = "would", bind = "m" }, { pos = "AUX", sibling_of = "m" }]',
    )
    assert [f.text for f in run(sibling, "They would have won.")] == ["would have"]


def test_several_patterns_and_no_overlap(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path,
        'anchors = ["very"]\n'
        'patterns = [[{ lower = "very" }, { lower = "very", repeat = "+" }], [{ lower = "very" }]]',
    )
    found = [f.text for f in run(pack, "It was very very very good, very.")]
    assert found == ["very very very", "very"]


def test_prefilter_keeps_other_sentences_unparsed(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path,
        'anchors = ["had"]\ntokens = [{ lemma = "have" }, { lex = "past", pos = "VERB" }]',
    )
    doc = plain_document("a.txt", "Nothing here. Nor here. He had went. Fine again.")
    auditor = Auditor([pack])
    assert [f.text for f in auditor.run_rule(pack.rules[0], doc)] == ["had went"]
    assert analysis_for(doc).parsed == 1
    regex = make_pack(tmp_path, 'prefilter = "\\\\bw[a-z]+t\\\\b"\ntokens = [{ lower = "went" }]')
    doc = plain_document("b.txt", "Nothing here. He had went. Fine again.")
    assert [f.text for f in Auditor([regex]).run_rule(regex.rules[0], doc)] == ["went"]
    assert analysis_for(doc).parsed == 1


def test_lexical_pass_parses_only_sentences_that_can_match() -> None:
    from auditor.packs import load_packs

    rule = next(r for p in load_packs() for r in p.rules if r.id == "grammar.to-base")
    text = "They want to go home. He plans to discussed it. Talks led to a deal."
    doc = plain_document("a.txt", text)
    found = [f.text for f in Auditor(load_packs()).run_rule(rule, doc)]
    assert found == ["to discussed"]
    # every sentence has the anchor "to"; only one has a word that can be a past form
    assert analysis_for(doc).parsed == 1


def test_lexical_pass_is_a_superset_of_the_pattern() -> None:
    from auditor.analysis.lexical import LexicalPattern
    from auditor.analysis.patterns import pattern

    specs = pattern(
        [
            {"lemma": "have", "dep": "aux"},
            {"pos": ["ADV", "PART"], "repeat": [0, 2]},
            {"pos": "VERB", "lex": "past", "not": {"lex": "participle", "lower": "said"}},
        ],
        "test",
    )
    lexical = LexicalPattern(specs)

    def words(text: str) -> list[tuple[str, str]]:
        return [(w, w.lower()) for w in text.split()]

    assert lexical.search(words("He had not yet went home"))
    assert lexical.search(words("They ’ve went"))  # a word the lexicon does not know
    assert not lexical.search(words("He had not gone home"))  # a participle
    assert not lexical.search(words("He had said so"))  # `not` lower
    assert not lexical.search(words("He had not really quite went"))  # three words between
    assert not lexical.search(words("He went home"))  # no form of "have"
    negated = LexicalPattern(pattern([{"lower": "the"}, {"lower": "big", "negate": True},
                                      {"lex": "noun"}], "test"))  # fmt: skip
    assert negated.search(words("the city cats")) and not negated.search(words("the big cats"))
