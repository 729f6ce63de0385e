"""The evaluation's own parts: JFLEG detokenising, labels, splits."""

from __future__ import annotations

import pytest

from benchmarks.evaldata import has_eval
from benchmarks.grammar_eval import bbc_files, detokenise, load_jfleg


def test_detokenise() -> None:
    assert detokenise("He said , `` I do n't know . '' ") == 'He said, "I don\'t know."'
    assert detokenise("-LRB- about 5 % -RRB- of them 's") == "(about 5%) of them's"


@pytest.mark.skipif(not has_eval("jfleg", "bbc-news"), reason="no evaluation data")
def test_jfleg_labels_and_splits_are_disjoint() -> None:
    data = load_jfleg("test")
    assert len(data) == 747 and 0 < sum(h for _, h in data) < len(data)
    assert not any(" ," in s or " ." in s[-2:] for s, _ in data[:50])
    tune, report = set(bbc_files("tune", 10_000)), set(bbc_files("report", 10_000))
    assert tune and report and not tune & report
