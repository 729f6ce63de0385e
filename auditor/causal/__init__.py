"""Causal claims: find them (lexicon, senses, detect) and judge their support (support).

`lexicon` turns the marker phrases of `marker_phrases` into one regex, `window` gives the
word windows the checks read, `senses` names the check that says whether a marker is causal
where it stands (the checks live by family in the `*_senses` modules), `detect` is the
one-pass scan with negation and spans, `support` finds the named source, evidence, vague
source or hedge behind a claim, and `cues` scores sentences with no marker by learned cues.
"""
