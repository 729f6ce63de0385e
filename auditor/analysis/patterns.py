"""Token patterns over the analysis: validated from rule data, matched with spaCy's Matcher.

A pattern is a list of token specs (TOML inline tables). What spaCy's Matcher can say
natively (exact, any-of and none-of values, a regex on the text, a superset of morphology
features, repeat operators, a negated token) it says; the rest (lexicon classes, a negated
regex or morphology, a dependency link between two bound tokens) is checked on each
candidate match afterwards, in Python: a Matcher predicate on a custom token attribute
calls Python for every token and pattern, and cost as much as the parse (measured). Every alignment the Matcher finds is a candidate, so the checks after it
never hide a match a shorter or longer alignment would have given.

Token spec keys:
  text, lower, lemma, pos, tag, dep   a string, or a list of strings (any of them)
  regex                               a regex the whole token text must match
  morph                               a table of features that must all hold: {Number = "Sing"}
  lex                                 lexicon classes (lemminflect, via auditor/inflect.py):
                                      base, 3sg, past, participle, ing, verb, noun, adj, other;
                                      singular, plural: a noun's base form / a form that
                                      is only some noun's plural ("week" / "rules")
  not                                 a table of the keys above, none of which may hold
  negate                              true: one token that does NOT match the spec
  repeat                              "?", "*", "+" or [min, max]
  bind                                a name for the token (message fields, suggest, links)
  child_of, head_of, sibling_of       a bound name: this token's head is that token / that
                                      token's head is this one / both have the same head
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from auditor import inflect

STRING_ATTRS = {"text": "ORTH", "lower": "LOWER", "lemma": "LEMMA", "pos": "POS", "tag": "TAG",
                "dep": "DEP"}  # fmt: skip
UPOS = frozenset({"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
                  "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE"})  # fmt: skip
LEX_CLASSES = ("base", "3sg", "past", "participle", "ing", "verb", "noun", "adj", "other",
               "singular", "plural")  # fmt: skip
_CONSTRAINTS = frozenset({*STRING_ATTRS, "regex", "morph", "lex"})
LINKS = ("child_of", "head_of", "sibling_of")
TOKEN_KEYS = _CONSTRAINTS | {"not", "negate", "repeat", "bind", *LINKS}
_REPEAT = {"?": "?", "*": "*", "+": "+"}


@lru_cache(maxsize=65536)
def lex_classes(word: str) -> tuple[str, ...]:
    """What lemminflect's lexicon says a lower-case word can be (see LEX_CLASSES)."""
    r = inflect.reading(word)
    out = [c for c, on in (("noun", r.noun), ("adj", r.adj), ("other", r.other)) if on]
    if r.noun:
        lemmas = inflect.all_lemmas(word, "NOUN").get("NOUN", ())
        out += ["singular"] if word in lemmas else ["plural"] if lemmas else []
    if not r.verb_lemmas:
        return tuple(out)
    out.append("verb")
    if word in r.verb_lemmas:
        out.append("base")
    for cls, tag in (("3sg", "VBZ"), ("past", "VBD"), ("ing", "VBG")):
        if any(word in inflect.forms(lemma, tag) for lemma in r.verb_lemmas):
            out.append(cls)
    if inflect.is_participle(word):
        out.append("participle")
    return tuple(out)


def _strings(value: object, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError(f"token key '{key}' must be a string or a non-empty list of strings")


@dataclass
class TokenSpec:
    """One validated token spec."""

    attrs: dict[str, list[str]] = field(default_factory=dict)  # key -> any of
    regex: re.Pattern[str] | None = None
    morph: dict[str, str] = field(default_factory=dict)
    lex: list[str] = field(default_factory=list)
    negative: TokenSpec | None = None  # the `not` table
    negate: bool = False
    repeat: str | None = None
    bind: str | None = None
    child_of: str | None = None
    head_of: str | None = None
    sibling_of: str | None = None


def _constraints(spec: TokenSpec, raw: dict[str, Any], where: str) -> None:
    for key, value in raw.items():
        if key in STRING_ATTRS:
            values = _strings(value, key)
            if key == "pos" and (bad := [v for v in values if v not in UPOS]):
                raise ValueError(f"{where}: unknown part of speech {bad[0]!r} (UPOS tags)")
            spec.attrs[key] = values
        elif key == "regex":
            if not isinstance(value, str):
                raise ValueError(f"{where}: 'regex' must be a string")
            try:
                spec.regex = re.compile(value)
            except re.error as e:
                raise ValueError(f"{where}: invalid regex {value!r}: {e}") from None
        elif key == "morph":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                raise ValueError(f"{where}: 'morph' must be a table of Feature = \"Value\"")
            spec.morph = dict(value)
        elif key == "lex":
            spec.lex = _strings(value, key)
            if bad := [v for v in spec.lex if v not in LEX_CLASSES]:
                raise ValueError(
                    f"{where}: unknown lex class {bad[0]!r} ({', '.join(LEX_CLASSES)})"
                )


def _repeat(value: object, where: str) -> str:
    if isinstance(value, str) and value in _REPEAT:
        return _REPEAT[value]
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
        and value[0] <= value[1]
    ):
        return f"{{{value[0]},{value[1]}}}"
    raise ValueError(f'{where}: \'repeat\' must be "?", "*", "+" or [min, max]')


def token_spec(raw: object, where: str) -> TokenSpec:
    """Validate one token table; ValueError names the token and the problem."""
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be a table")
    unknown = set(raw) - TOKEN_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    spec = TokenSpec()
    _constraints(spec, {k: v for k, v in raw.items() if k in _CONSTRAINTS}, where)
    if "not" in raw:
        neg = raw["not"]
        if not isinstance(neg, dict) or not neg or set(neg) - _CONSTRAINTS:
            raise ValueError(f"{where}: 'not' must be a table of {', '.join(sorted(_CONSTRAINTS))}")
        spec.negative = TokenSpec()
        _constraints(spec.negative, neg, f"{where} (not)")
    spec.negate = raw.get("negate", False) is True
    if "repeat" in raw:
        spec.repeat = _repeat(raw["repeat"], where)
    for key in ("bind", *LINKS):
        if key in raw:
            if not isinstance(raw[key], str) or not raw[key].isidentifier():
                raise ValueError(f"{where}: '{key}' must be a name (letters, digits, _)")
            setattr(spec, key, raw[key])
    if spec.negate and (spec.repeat or spec.bind or spec.negative):
        raise ValueError(f"{where}: a negated token cannot repeat, be bound or have 'not'")
    return spec


def pattern(raw: object, where: str) -> list[TokenSpec]:
    """Validate a list of token tables; bound names must be unique and links resolvable."""
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{where} must be a non-empty list of token tables")
    specs = [token_spec(t, f"{where} token {i + 1}") for i, t in enumerate(raw)]
    names = [s.bind for s in specs if s.bind]
    if len(names) != len(set(names)):
        raise ValueError(f"{where}: a name is bound twice")
    for s in specs:
        for link in (s.child_of, s.head_of, s.sibling_of):
            if link is not None and link not in names:
                raise ValueError(f"{where}: '{link}' is not bound in the pattern")
    if all(s.repeat in ("?", "*") or (s.repeat or "").startswith("{0,") for s in specs):
        raise ValueError(f"{where}: every token is optional")
    return specs


# -- compiling to spaCy's Matcher --------------------------------------------------------


def _matcher_token(spec: TokenSpec) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, values in spec.attrs.items():
        out[STRING_ATTRS[key]] = values[0] if len(values) == 1 else {"IN": values}
    if spec.regex is not None:
        out["TEXT"] = {"REGEX": rf"^(?:{spec.regex.pattern})$"}
    if spec.morph:
        out["MORPH"] = {"IS_SUPERSET": [f"{k}={v}" for k, v in spec.morph.items()]}
    if spec.negative is not None:
        for key, values in spec.negative.attrs.items():
            attr = STRING_ATTRS[key]
            if attr in out:  # both a positive and a negative value: checked afterwards
                continue
            out[attr] = {"NOT_IN": values}
    if spec.negate:
        out["OP"] = "!"
    elif spec.repeat:
        out["OP"] = spec.repeat
    return out


def matcher_pattern(specs: Sequence[TokenSpec]) -> list[dict[str, Any]]:
    return [_matcher_token(s) for s in specs]


# -- what the Matcher cannot check -------------------------------------------------------


def _holds(spec: TokenSpec, tok: Any) -> bool:
    """Whether a spaCy token meets every constraint of a spec (for the `not` table)."""
    for key, values in spec.attrs.items():
        value = tok.text if key == "text" else getattr(tok, f"{key}_")
        if value not in values:
            return False
    if spec.regex is not None and not spec.regex.fullmatch(tok.text):
        return False
    feats = tok.morph.to_dict() if spec.morph else {}
    if any(feats.get(k) != v for k, v in spec.morph.items()):
        return False
    return not spec.lex or bool(set(spec.lex) & set(lex_classes(tok.lower_)))


def _violates_negative(neg: TokenSpec, tok: Any) -> bool:
    """Whether any single constraint of a `not` table holds for the token."""
    parts: list[TokenSpec] = [TokenSpec(attrs={k: v}) for k, v in neg.attrs.items()]
    if neg.regex is not None:
        parts.append(TokenSpec(regex=neg.regex))
    parts.extend(TokenSpec(morph={k: v}) for k, v in neg.morph.items())
    if neg.lex:
        parts.append(TokenSpec(lex=neg.lex))
    return any(_holds(p, tok) for p in parts)


Binds = dict[str, list[int]]  # bound name -> token indices in the sentence


def accept(specs: Sequence[TokenSpec], sdoc: Any, start: int, align: Sequence[int]) -> Binds | None:
    """The bound tokens of a candidate match, or None when a later check fails."""
    placed: dict[int, list[int]] = {}  # spec index -> token indices
    for offset, k in enumerate(align):
        spec, tok = specs[k], sdoc[start + offset]
        if spec.negate:
            continue
        if spec.lex and not set(spec.lex) & set(lex_classes(tok.lower_)):
            return None
        if spec.negative is not None and _violates_negative(spec.negative, tok):
            return None
        placed.setdefault(k, []).append(start + offset)
    binds: Binds = {specs[k].bind or "": toks for k, toks in placed.items() if specs[k].bind}
    for k, toks in placed.items():
        spec = specs[k]
        if spec.child_of and not _linked(sdoc, toks, binds.get(spec.child_of, [])):
            return None
        if spec.head_of and not _linked(sdoc, binds.get(spec.head_of, []), toks):
            return None
        if spec.sibling_of and not _siblings(sdoc, toks, binds.get(spec.sibling_of, [])):
            return None
    return binds


def _linked(sdoc: Any, children: list[int], heads: list[int]) -> bool:
    """Whether some token of `children` has its head among `heads`."""
    return any(sdoc[c].head.i in heads and sdoc[c].head.i != c for c in children)


def _siblings(sdoc: Any, these: list[int], others: list[int]) -> bool:
    """Whether a token of `these` and a token of `others` depend on the same head."""
    heads = {sdoc[o].head.i for o in others if sdoc[o].head.i != o}
    return any(sdoc[t].head.i in heads for t in these if sdoc[t].head.i != t)
