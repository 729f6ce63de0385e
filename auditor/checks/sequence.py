"""`sequence`: token patterns over the linguistic analysis (Vale's `sequence`, LanguageTool's
token patterns).

A rule gives one pattern (`tokens`) or several (`patterns`), each a list of token tables
(see auditor/analysis/patterns.py for their keys), and a cheap prefilter: `anchors` (words,
matched whole and case-blind) or `prefilter` (a regex). Only sentences the prefilter finds
go further; of those, only sentences whose tokens (spaCy's tokenizer, no model) meet the
patterns' lexical constraints (text, lower, regex, lex, lemma) are parsed (lexical.py). A hit spans the whole match, or the
bound tokens `mark` names; `suggest` rewrites it:

    suggest = "{verb:base}"                  the marked span becomes this
    suggest = { verb = "{verb:participle}" } only the bound token changes, the rest is kept
    suggest = { w = "than" }                 a literal word, in the case of the one replaced

A field is `{name}` (the bound token as written) or `{name:form}`, the token's verb lemma
inflected by lemminflect (auditor/inflect.py): base, participle, past, 3sg, ing. Message
fields are the bound names, `match` and `suggestion`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from auditor import inflect
from auditor.checks import Check, register
from auditor.checks.regex_safety import unsafe_reason
from auditor.checks.substitution import match_case
from auditor.findings import Hit, render_message
from auditor.options import Opt

if TYPE_CHECKING:
    from auditor.analysis.patterns import TokenSpec
    from auditor.document import Document
    from auditor.packs import Rule

# the analysis layer (auditor/analysis/) is imported when a sequence rule is first built,
# not when the pack loader registers the kind

# The kind's options, typed (the shape check kinds are moving to); validated in __init__.
OPTIONS: dict[str, Opt] = {
    "tokens": Opt(object, None, "one token pattern: a list of token tables"),
    "patterns": Opt(object, None, "several token patterns: a list of token lists"),
    "anchors": Opt(list, None, "words a sentence must contain to be analysed"),
    "prefilter": Opt(str, None, "a regex a sentence must match to be analysed"),
    "mark": Opt(object, None, "the bound name(s) whose tokens the finding marks"),
    "suggest": Opt(object, None, "the rewrite: a template, or a table of bound name = template"),
}
FORMS = {"base": "VB", "participle": "VBN", "past": "VBD", "3sg": "VBZ", "ing": "VBG"}
_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
MAX_SUGGESTIONS = 4


def _patterns(rule: Rule) -> list[list[TokenSpec]]:
    from auditor.analysis.patterns import pattern

    tokens, many = rule.options.get("tokens"), rule.options.get("patterns")
    if (tokens is None) == (many is None):
        raise ValueError("give either 'tokens' (one pattern) or 'patterns' (a list of them)")
    if tokens is not None:
        return [pattern(tokens, "'tokens'")]
    if not isinstance(many, list) or not many:
        raise ValueError("'patterns' must be a non-empty list of token lists")
    return [pattern(p, f"pattern {i + 1}") for i, p in enumerate(many)]


def _prefilter(rule: Rule) -> re.Pattern[str]:
    anchors, rx = rule.options.get("anchors"), rule.options.get("prefilter")
    if anchors is None and rx is None:
        raise ValueError("needs 'anchors' (words) or 'prefilter' (a regex): only sentences "
                         "that have one are analysed")  # fmt: skip
    parts = []
    if anchors is not None:
        if (
            not isinstance(anchors, list)
            or not anchors
            or not all(isinstance(a, str) and a.strip() for a in anchors)
        ):
            raise ValueError("'anchors' must be a non-empty list of words")
        words = sorted({a.strip().lower() for a in anchors}, key=len, reverse=True)
        parts.append(r"(?<![\w'’])(?:" + "|".join(map(re.escape, words)) + r")(?![\w'’])")
    if rx is not None:
        if not isinstance(rx, str):
            raise ValueError("'prefilter' must be a regex")
        why = unsafe_reason(rx, re.IGNORECASE)
        if why is not None:
            raise ValueError(f"'prefilter': {why}")
        parts.append(rx)
    try:
        return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)
    except re.error as e:
        raise ValueError(f"invalid regex in 'prefilter': {e}") from None


def _names(value: object, key: str, bound: set[str]) -> list[str]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise ValueError(f"'{key}' must be a bound name or a list of them")
    for n in names:
        if n not in bound:
            raise ValueError(f"'{key}' names {n!r}, which no pattern binds")
    return names


def _check_template(template: str, bound: set[str]) -> None:
    for m in _FIELD.finditer(template):
        name, form = m.groups()
        if name not in bound:
            raise ValueError(f"'suggest' names {name!r}, which no pattern binds")
        if form is not None and form not in FORMS:
            raise ValueError(f"unknown form {form!r} in 'suggest' ({', '.join(FORMS)})")


def _suggest(value: object, bound: set[str]) -> str | dict[str, str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        _check_template(value, bound)
        return value
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        _names(list(value), "suggest", bound)
        for v in value.values():
            _check_template(v, bound)
        return dict(value)
    raise ValueError("'suggest' must be a template or a table of bound name = template")


def verb_lemma(word: str, hint: str) -> str | None:
    """The verb lemma of a word as the lexicon knows it; spaCy's lemma breaks a tie."""
    lemmas = inflect.reading(word).verb_lemmas
    if not lemmas:
        return None
    if hint in lemmas:
        return hint
    inflected = [
        lem for lem in lemmas if any(word in inflect.forms(lem, t) for t in FORMS.values())
    ]
    return (inflected or list(lemmas))[0]


def inflected(token: Any, form: str) -> tuple[str, ...]:
    """A token's verb lemma in a form ("went", "participle") -> ("gone",)), case kept."""
    lemma = verb_lemma(token.lower_, token.lemma_.lower())
    if lemma is None:
        return ()
    if form == "base":
        out: tuple[str, ...] = (lemma,)
    elif form == "participle":
        out = inflect.participles(lemma)
    else:
        out = inflect.forms(lemma, FORMS[form])
    return tuple(match_case(o, token.text) for o in out)


def _render(template: str, sdoc: Any, binds: dict[str, list[int]]) -> list[str]:
    """Every string a template gives (a field with two forms gives two strings)."""
    pieces: list[tuple[str, ...]] = []
    pos = 0
    for m in _FIELD.finditer(template):
        pieces.append((template[pos : m.start()],))
        name, form = m.groups()
        toks = binds.get(name, [])
        if not toks:
            return []
        if form is None:
            pieces.append((" ".join(sdoc[i].text for i in toks),))
        else:
            pieces.append(inflected(sdoc[toks[0]], form))
        pos = m.end()
    pieces.append((template[pos:],))
    return list(dict.fromkeys("".join(p) for p in itertools.product(*pieces)))


_SPACES = re.compile(r"\s+")


@register
class SequenceCheck(Check):
    kind = "sequence"
    options: ClassVar[dict[str, Opt]] = OPTIONS

    def __init__(self, rule: Rule) -> None:
        from auditor.analysis.lexical import LexicalPattern

        super().__init__(rule)
        if rule.scope != "sentence":
            raise ValueError("a sequence rule matches within a sentence: scope must be 'sentence'")
        self.patterns = _patterns(rule)
        self.prefilter = _prefilter(rule)
        bound = {s.bind for p in self.patterns for s in p if s.bind}
        mark = rule.options.get("mark")
        self.mark = None if mark is None else _names(mark, "mark", bound)
        self.suggest = _suggest(rule.options.get("suggest"), bound)
        self._matcher: Any = None
        lexical = [LexicalPattern(p) for p in self.patterns]
        # the patterns' lexical part, checked on the tokenizer's output (None: no use)
        self._lexical = None if any(p.trivial for p in lexical) else lexical
        self._keys: dict[int, int] = {}

    def matcher(self) -> Any:
        """spaCy's Matcher with every pattern of the rule, built on first use."""
        if self._matcher is None:
            from auditor.analysis import nlp

            vocab = nlp().vocab  # first: spaCy's import is the model load's time (--profile)
            from spacy.matcher import Matcher

            from auditor.analysis.patterns import matcher_pattern

            matcher = Matcher(vocab)
            for i, specs in enumerate(self.patterns):
                key = f"{self.rule.id}#{i}"
                matcher.add(key, [matcher_pattern(specs)])
                self._keys[vocab.strings[key]] = i
            self._matcher = matcher
        return self._matcher

    def warm(self) -> None:
        self.matcher()

    def lexical(self, tokens: Any) -> bool:
        """Whether a tokenized sentence passes some pattern's lexical part."""
        words = [(t.text, t.lower_) for t in tokens]
        return self._lexical is None or any(p.search(words) for p in self._lexical)

    def candidates(self, doc: Document) -> list[int]:
        """Sentences the prefilter finds: the only ones analysed."""
        found: set[int] = set()
        for m in self.prefilter.finditer(doc.text):
            si = doc.sentence_index(m.start(), m.end())
            if si is not None:
                found.add(si)
        return sorted(found)

    def run(self, doc: Document) -> Iterator[Hit]:
        wanted = self.candidates(doc)
        if not wanted:
            return
        from auditor.analysis import analysis_for

        matcher = self.matcher()
        analysis = analysis_for(doc)
        if self._lexical is not None:
            tokenized = analysis.tokenized(wanted)
            wanted = [i for i, t in zip(wanted, tokenized, strict=True) if self.lexical(t)]
        for sa in analysis.sentences(wanted):
            yield from self._hits(doc, sa.spacy_doc, sa.token_span, matcher)

    def _matches(self, sdoc: Any, matcher: Any) -> list[tuple[int, int, dict[str, list[int]]]]:
        """Accepted matches, longest first at each start, overlaps dropped."""
        from auditor.analysis.patterns import accept

        found = []
        for match_id, start, end, align in matcher(sdoc, with_alignments=True):
            specs = self.patterns[self._keys[match_id]]
            binds = accept(specs, sdoc, start, align)
            if binds is not None:
                found.append((start, -end, binds))
        out = []
        taken = 0
        for start, neg_end, binds in sorted(found, key=lambda f: (f[0], f[1])):
            if start >= taken:
                out.append((start, -neg_end, binds))
                taken = -neg_end
        return out

    def _hits(self, doc: Document, sdoc: Any, span: Any, matcher: Any) -> Iterator[Hit]:
        for start, end, binds in self._matches(sdoc, matcher):
            first, last = start, end - 1
            if self.mark is not None:
                toks = [i for n in self.mark for i in binds.get(n, [])]
                if not toks:
                    continue
                first, last = min(toks), max(toks)
            s, e = span(first, last)
            suggestions = self._suggestions(sdoc, binds, first, last)
            values = {n: " ".join(sdoc[i].text for i in toks) for n, toks in binds.items()}
            message = render_message(self.rule.message, **values, match=doc.text[s:e],
                                     suggestion=suggestions[0] if suggestions else "")  # fmt: skip
            yield Hit(s, e, message if message != self.rule.message else None, suggestions)

    def _suggestions(
        self, sdoc: Any, binds: dict[str, list[int]], first: int, last: int
    ) -> tuple[str, ...]:
        if self.suggest is None:
            return ()
        if isinstance(self.suggest, str):
            out = _render(self.suggest, sdoc, binds)
        else:
            out = _rewrite(self.suggest, sdoc, binds, first, last)
        return tuple(_SPACES.sub(" ", o).strip() for o in out[:MAX_SUGGESTIONS])


def _rewrite(
    table: dict[str, str], sdoc: Any, binds: dict[str, list[int]], first: int, last: int
) -> list[str]:
    """The marked tokens as written, each bound token the table names rewritten (in the
    case of the token it replaces: "Their" -> "There")."""
    pieces: list[Sequence[str]] = []
    for i in range(first, last + 1):
        tok = sdoc[i]
        name = next((n for n in table if i in binds.get(n, [])), None)
        if name is None:
            pieces.append((tok.text_with_ws,))
        elif i == binds[name][0]:
            rendered = _render(table[name], sdoc, binds)
            pieces.append([match_case(r, tok.text) + tok.whitespace_ for r in rendered])
    return list(dict.fromkeys("".join(p) for p in itertools.product(*pieces)))
