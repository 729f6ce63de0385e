"""Duplicate detection on long documents scores only candidate pairs: the candidates must
hold every pair that scores above the threshold (prefix filtering loses nothing)."""

from __future__ import annotations

import random
import string

import pytest
from rapidfuzz import fuzz

from auditor.similarity import _upper_pairs, candidate_pairs


@pytest.mark.parametrize("cutoff", [60.0, 75.0, 83.0, 90.0])
def test_candidates_hold_every_close_pair(cutoff: float) -> None:
    rng = random.Random(int(cutoff))
    alphabet = string.ascii_letters[:20]
    strings: list[str] = []
    for _ in range(300):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 14)))
        if strings and rng.random() < 0.3:  # a near copy of an earlier one
            near = list(rng.choice(strings))
            near[rng.randrange(len(near))] = rng.choice(alphabet)
            s = "".join(near)
        strings.append(s)
    close = {(r, c) for r, c, _ in _upper_pairs(strings, fuzz.ratio, cutoff)}
    candidates = set(candidate_pairs(strings, cutoff))
    assert close and close <= candidates
    assert len(candidates) < len(strings) * (len(strings) - 1) // 2
