"""Causal claims: find them (lexicon, senses, detect) and judge their support (support).

`lexicon` holds the marker phrases, `window` the word windows the checks read, `senses`
whether a marker is causal where it stands, `detect` the one-pass scan with negation and
spans, `support` the named source, evidence, vague source or hedge behind a claim.
"""
