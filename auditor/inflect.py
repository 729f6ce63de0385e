"""Verb and noun forms from lemminflect's lexicon (its data ships in the wheel): the one
place the project asks it.

House rules ask "is this word a past participle?", "is it a bare verb with no noun
reading?", "what is the participle of its lemma?" here, instead of keeping hand-written
verb lists. Lookups are cached: rules call them only on the few candidates a regex finds.
lemminflect (and numpy under it) is imported on the first lookup, not when a rule loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from auditor import timing


@lru_cache(maxsize=1)
def _lemminflect() -> Any:
    with timing.shared("lexicon.lemminflect-load"):  # --profile: not the asking rule's
        import lemminflect

        return lemminflect


@lru_cache(maxsize=1)
def _lemma_tables() -> tuple[dict[str, Any], dict[str, Any]]:
    """lemminflect's lemma lookup and overrides, as its Lemmatizer loaded them."""
    lem = _lemminflect().Lemmatizer()
    with timing.shared("lexicon.lemminflect-load"):
        return lem._getLemmaDict(), lem._getOverridesDict()


_NONE: dict[str, tuple[str, ...]] = {}


@lru_cache(maxsize=65536)
def all_lemmas(word: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:
    """lemminflect's lemmas of a word by part of speech, in its own order.

    The common call (a lower-case word, any part of speech) reads lemminflect's tables
    directly: its getAllLemmas deep-copies two dicts per word, most of a cold archive
    run's lemma time. tests/test_inflect_fast_path.py holds the two equal.
    """
    if upos is None and not word.isupper() and not word[:1].isupper():  # its "lower" style
        lemmas, overrides = _lemma_tables()
        key = word.lower()
        merged = {**lemmas.get(key, _NONE), **overrides.get(key, _NONE)}
        return {k: tuple([w.lower() for w in v]) for k, v in merged.items()}
    found: dict[str, tuple[str, ...]] = _lemminflect().getAllLemmas(word, upos=upos)
    return {k: tuple(v) for k, v in found.items()}


@lru_cache(maxsize=65536)
def all_inflections(lemma: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:
    """lemminflect's inflections of a lemma by Penn tag, in its own order."""
    lem = _lemminflect()
    if not _inflections_loaded:
        _load_inflections()
    found: dict[str, tuple[str, ...]] = lem.getAllInflections(lemma, upos=upos)
    return {k: tuple(v) for k, v in found.items()}


_inflections_loaded = False


def _load_inflections() -> None:
    """lemminflect reads its inflection table on the first lookup: timed as a load."""
    global _inflections_loaded
    with timing.shared("lexicon.lemminflect-load"):
        _lemminflect().getAllInflections("be")
    _inflections_loaded = True


# participles lemminflect lists only as past tense, or not at all, that are standard
# (British "has got", "have learnt"; "have proven")
_PARTICIPLE_OK = frozenset({"got", "proven", "beat", "bet", "shone", "dived", "dove", "hung",
                            "lit", "sped", "spat", "strived", "woken"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reading:
    """What lemminflect says a lower-case word can be."""

    verb_lemmas: tuple[str, ...]
    noun: bool
    adj: bool
    other: bool  # adverb, preposition, determiner, ...


@lru_cache(maxsize=65536)
def reading(word: str) -> Reading:
    lemmas = all_lemmas(word)
    verbs = tuple(lemmas.get("VERB", ()))
    return Reading(
        verb_lemmas=verbs,
        noun="NOUN" in lemmas or "PROPN" in lemmas,
        adj="ADJ" in lemmas,
        other=any(k not in ("VERB", "NOUN", "PROPN", "ADJ", "AUX") for k in lemmas),
    )


@lru_cache(maxsize=65536)
def participles(lemma: str) -> tuple[str, ...]:
    """Past participles of a verb (American spelling first, then British if different)."""
    return tuple(_lemminflect().getInflection(lemma, "VBN") or ())


@lru_cache(maxsize=65536)
def forms(lemma: str, tag: str) -> tuple[str, ...]:
    return all_inflections(lemma, "VERB").get(tag, ())


def is_participle(word: str) -> bool:
    """Whether the word can be a past participle ("seen", "put", "learnt", "proved")."""
    if word in _PARTICIPLE_OK:
        return True
    for lemma in reading(word).verb_lemmas:
        if word in participles(lemma):
            return True
        # a past tense of a regular verb is a standard participle too ("learnt", "showed")
        if word in forms(lemma, "VBD") and (
            word.endswith("ed") or any(p.endswith("ed") for p in participles(lemma))
        ):
            return True
    return False


def is_plural_noun(word: str) -> bool:
    """A plural common noun ("ministers", "residents"), not a singular ending in -s."""
    lemmas = all_lemmas(word, "NOUN").get("NOUN", ())
    return bool(lemmas) and word not in lemmas and word.endswith("s")
