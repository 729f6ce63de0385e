"""Grammar rules that need code rather than a pattern."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from auditor import inflect
from auditor.checks.substitution import match_case
from auditor.document import Document
from auditor.findings import Hit, render_message
from auditor.functions import rule_function
from auditor.packs import Rule

_FIRST_WORD = re.compile(r"[\"'“‘]*([^\W\d_][\w'’-]*)")
# words that are written in lower case even at the start of a sentence
_LOWER_OK = {"e.g", "i.e", "vs", "de", "van", "von", "der", "da", "di", "la", "le", "bin", "al",
             "el", "ibn", "x", "n", "pH", "mRNA"}  # fmt: skip


def _after_full_stop(text: str, pos: int) -> bool:
    """Whether the text before pos ends with a full stop (perhaps inside a closing quote).

    After "?" or "!" a lower-case word often continues the sentence ("... work?" he asked;
    Which? magazine); a split at neither is a gap in the text, not a new sentence."""
    before = text[max(0, pos - 6) : pos].rstrip().rstrip("\"'”’)]")
    return before.endswith(".") and not before.endswith("..")


@rule_function("grammar.lowercase_sentence_start")
def lowercase_sentence_start(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """A sentence that starts with a lower-case word ("... in Sudzha. reports suggest").

    Left alone: words with a capital inside (iPhone, eBay), a first bullet of a list (list
    items are often fragments), sentences opening with a bracket, digit or symbol.
    """
    prev_block = -1
    for sent in doc.sentences:
        block = doc.blocks[sent.block]
        first_in_block = sent.block != prev_block
        prev_block = sent.block
        if block.kind == "bullet" and first_in_block:
            continue
        if not first_in_block and not _after_full_stop(doc.text, sent.start):
            continue  # '"... will it work?" he asked', "Which? magazine", a gap in the text
        m = _FIRST_WORD.match(doc.text, sent.start, sent.end)
        if m is None:
            continue
        word = m.group(1)
        if not word[0].islower() or any(c.isupper() for c in word) or word.lower() in _LOWER_OK:
            continue
        s, e = m.span(1)
        yield Hit(s, e, suggestions=(word[0].upper() + word[1:],))


# -- auxiliary "have" with the wrong verb form ---------------------------------------------

_ADVERBS = (r"not|never|already|just|also|long|since|recently|yet|still|all|both|now|only|"
            r"even|ever|finally|previously|always|largely|mostly|reportedly|allegedly")  # fmt: skip
_HAVE = re.compile(
    r"\b(?P<aux>[Hh]ave|[Hh]as|[Hh]ad|[Hh]aving|(?<=[A-Za-z])['’]ve)"
    rf"(?P<adv>(?:\s+(?:{_ADVERBS})){{0,2}})\s+(?P<verb>[a-z]+)\b(?!['’-])"
    r"(?P<next>\s*[^\s]*)"
)
# after a form that is also a noun or an adjective ("have plans", "has rose bushes"), the
# verb reading is taken only when the next word is one a verb, not a noun, is followed by
_VERB_CONTEXT = frozenset(
    [
        "back",
        "into",
        "onto",
        "out",
        "off",
        "away",
        "up",
        "down",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "our",
        "its",
        "my",
        "your",
        "them",
        "him",
        "us",
        "me",
        "it",
        "sharply",
        "steadily",
        "again",
    ]
)
_PAST_CONTEXT = _VERB_CONTEXT | {"to", "by", "from", "above", "below"}
# words after "have" that are never verbs here, whatever the lexicon says
_NOT_VERBS = frozenset({"to", "better", "best", "rather", "been", "got", "has", "have", "had",
                        "is", "was", "are", "were", "do", "does"})  # fmt: skip
# adjectives the lexicon lists only as verbs ("has complete faith")
_ADJ_TOO = frozenset({"complete"})


_LETTERS = re.compile(r"[A-Za-z]+")


def _next_word(raw: str) -> str:
    """The next word in lower case, or "." when punctuation or nothing follows."""
    m = _LETTERS.match(raw.strip())
    return m.group().lower() if m else "."


@rule_function("grammar.have_participle")
def have_participle(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """have/has/had/having + a verb form that is not a past participle.

    "have remain" (base form), "to have travels back" (3rd person -s), "has rose", "had
    went" (past tense). Noun and adjective readings stay quiet: a base form that can be a
    noun or adjective ("have help", "have clear evidence") is never flagged, and an -s or
    past form that can be a noun ("have plans", "had talks", "has rose bushes") only when
    the next word shows a verb ("travels back", "rose sharply", "rose to").
    """
    for m in _HAVE.finditer(doc.text):
        verb = m.group("verb")
        if verb in _NOT_VERBS or verb in _ADJ_TOO:
            continue
        found = inflect.wrong_form(verb)
        if found is None:
            continue
        how, lemma = found
        r = inflect.reading(verb)
        nxt = _next_word(m.group("next"))
        if how == "base" and (r.noun or r.adj or r.other):
            continue
        context = _PAST_CONTEXT if how == "past" else _VERB_CONTEXT
        # an -s form always needs a verb context: the lexicon misses plurals ("adverts")
        ambiguous = how == "3sg" or r.noun or r.adj or r.other
        if how in ("3sg", "past") and ambiguous and nxt not in context:
            continue
        head = doc.text[m.start() : m.start("verb")]
        suggestions = tuple(head + p for p in inflect.participles(lemma))
        yield Hit(m.start(), m.end("verb"), suggestions=suggestions)


# -- a / an before the sound of the next word ---------------------------------------------

_ARTICLE = re.compile(
    r"\b(?P<art>[Aa]n?)\s+(?P<word>[A-Za-z][A-Za-z'’-]*|(?:8\d{0,2}|11|18)(?![\d,]))"
)
# "a" is right before these vowel letters: they sound like "you", "one", "wu"
_A_OK = ("one", "once", "eu", "ewe", "uni", "unan", "uto", "use", "usu", "uti", "ura", "ure", "uro", "ubi",
         "uga", "uk", "ufo", "ute", "uv", "oui")  # fmt: skip
# "a" is wrong before these u-words: the u sounds as in "up"
_A_BAD_U = ("un", "umb", "up", "ult", "urg", "ugl", "unde")
# "an" is wrong before these vowel letters: they start with a "you" or "w" sound
_AN_BAD = ("uni", "use", "usu", "uti", "ura", "eu", "one-", "one ", "once")
_UNI_UN = ("unim", "unin", "unid")  # "an unimportant", "an uninformed", "an unidentified"


def _article_wrong(art: str, word: str) -> str | None:
    """The right article when `art` is wrong before `word`, else None."""
    low = word.lower()
    if word[0].isdigit():
        return "an" if art.lower() == "a" else None
    if any(c.isupper() for c in word[1:]) or not any(c in "aeiouy" for c in low):
        return None  # an acronym or a token read letter by letter: "an MEP", "an ntl"
    if art.lower() == "a":
        if low[0] not in "aeiou" or low.startswith(_A_OK):
            return None
        if low[0] == "u" and (word[0].isupper() or not low.startswith(_A_BAD_U)):
            return None
        if word[0].isupper() and low[0] in "eu":
            return None  # "a European", "a Uefa Cup", "a Ukrainian"
        return "an"
    if low[0] in "aeio":
        return "a" if (low + " ").startswith(_AN_BAD) else None
    if low[0] == "u":
        return "a" if low.startswith(_AN_BAD) and not low.startswith(_UNI_UN) else None
    if low[0] in "hxy" or word[0].isupper():
        return None  # "an hour", "an historic", "an X-ray", "an LSE study"
    return "a"


@rule_function("grammar.article_sound")
def article_sound(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """ "a increase", "an unilateral", "a 8% rise": the article does not fit the next sound.

    Quiet on acronyms and letters ("an MEP", "a UN vote", "Grade A English"), "an hour",
    "an historic", "a one-off", "a European", "a Ukrainian", "an unidentified".
    """
    text = doc.text
    for m in _ARTICLE.finditer(text):
        art, word = m.group("art"), m.group("word")
        if art == "A" and m.start() > 0:
            before = text[max(0, m.start() - 3) : m.start()].rstrip()
            if before and before[-1] not in ".!?\"'“‘(:\n" and not before[-1].isspace():
                continue  # "Grade A English", "England A against France": a letter
        if text[m.end() : m.end() + 1] in (".", "@") and text[m.end() + 1 : m.end() + 2].isalnum():
            continue  # "an fbi.gov address": a domain, read letter by letter
        right = _article_wrong(art, word)
        if right is None:
            continue
        if art[0].isupper():
            right = right.capitalize()
        yield Hit(m.start("art"), m.end("art"), suggestions=(right,))


# -- plural subject, singular verb -------------------------------------------------------

# found from the verb back: "was" is rarer than a word ending in -s, so the scan is cheap
_SINGULAR_VERB = re.compile(r"\b(?:was|has|is|does)\b(?!['’])")
_SUBJECT_BEFORE = re.compile(
    r"(?:(?P<pre>\b[\w'’]+)\s+)?(?P<noun>\b(?:[A-Za-z][a-z]+s|[Pp]olice|[Pp]eople))"
    r"(?P<rel>,\s+(?:which|who|that))?\s+$"
)
# plural-looking words that take a singular verb, and measure words ("two years was long")
_SINGULAR_S = frozenset(
    [
        "news",
        "series",
        "species",
        "politics",
        "economics",
        "physics",
        "mathematics",
        "athletics",
        "gymnastics",
        "ethics",
        "means",
        "headquarters",
        "crossroads",
        "whereabouts",
        "measles",
        "diabetes",
        "aids",
        "this",
        "thus",
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "seconds",
        "miles",
        "metres",
        "kilometres",
        "pounds",
        "dollars",
        "euros",
        "pence",
        "cents",
        "points",
        "goals",
        "runs",
        "wickets",
        "yards",
        "tonnes",
        "percent",
        "barracks",
        "works",
        "gallows",
        "billiards",
        "darts",
        "odds",
        "thanks",
        "lens",
        "bus",
        "gas",
        "yes",
    ]
)
_NOT_SUBJECT_BEFORE = frozenset(
    [
        "of",
        "one",
        "each",
        "every",
        "none",
        "neither",
        "either",
        "any",
        "no",
        "whether",
        "if",
        "per",
        "than",
        "the",
    ]
)
_PLURAL_DET = frozenset(
    ["the", "these", "those", "many", "several", "both", "all", "some", "most", "few", "ministers"]
)
_PLACES_S = frozenset(["wales", "brussels", "athens", "paris", "texas", "barclays", "reuters", "jones", "williams", "philippines", "netherlands", "bahamas"])  # fmt: skip


@rule_function("grammar.plural_singular_verb")
def plural_singular_verb(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """ "ministers was", "Unions has", "the defences, which was built": simple cases only.

    The plural noun must open its sentence or follow a plural determiner (the, these, many,
    ...); never after "of" ("one of the ministers was" is right), and never a word that is
    plural in form but singular in use (news, politics, "two years was").
    """
    text = doc.text
    for v in _SINGULAR_VERB.finditer(text):
        base = max(0, v.start() - 60)
        m = _SUBJECT_BEFORE.search(text, base, v.start())
        if m is None:
            continue
        noun = m.group("noun")
        low = noun.lower()
        if low in _SINGULAR_S or low in _PLACES_S:
            continue
        if low not in ("police", "people") and not inflect.is_plural_noun(low):
            continue
        pre = (m.group("pre") or "").strip().lower().strip("'’")
        if pre and not _clause_start(doc, m.start("pre"), m.group("rel") is not None):
            continue  # "created by the villagers is": the noun is not the subject
        if noun[0].isupper():
            if pre or not _starts_sentence(doc, m.start("noun")):
                continue  # a name ("Barclays has"), unless it opens the sentence
            if len(re.findall(rf"\b{noun}\b", text)) > 1:
                continue  # a name or title used again ("Angels is a great song")
        elif pre not in _PLURAL_DET:
            continue
        if pre in _NOT_SUBJECT_BEFORE - {"the"}:
            continue
        s = m.start("noun")
        if _of_before(text, s):
            continue
        verb = v.group()
        right = {"was": "were", "has": "have", "is": "are", "does": "do"}[verb]
        yield Hit(v.start(), v.end(), suggestions=(right,))


_PREPOSITIONS = frozenset(["of", "from", "by", "to", "in", "on", "at", "for", "with", "into", "onto", "about", "over", "under", "than", "through", "between", "among", "against", "after", "before", "like"])  # fmt: skip


_CLAUSE_OPENERS = frozenset(
    ["but", "while", "because", "that", "when", "as", "since", "although", "if"]
)


def _clause_start(doc: Document, pos: int, relative: bool) -> bool:
    """Whether the noun phrase at pos is a subject: it opens a sentence or a clause. Before
    ", which" it only must not be the object of a preposition ("from the broadcasters")."""
    before = doc.text[max(0, pos - 30) : pos].rstrip()
    words = re.findall(r"[\w'’]+", before)
    if relative:
        return not words or words[-1].lower() not in _PREPOSITIONS
    if _starts_sentence(doc, pos) or before.endswith((",", ";", ":")):
        return True
    return bool(words) and words[-1].lower() in _CLAUSE_OPENERS


def _starts_sentence(doc: Document, pos: int) -> bool:
    si = doc.sentence_index(pos)
    return si is not None and not doc.text[doc.sentences[si].start : pos].strip(" \"'“‘")


def _of_before(text: str, pos: int) -> bool:
    """Whether "of" (or "one", "each") comes within the three words before pos."""
    words = re.findall(r"[\w'’]+", text[max(0, pos - 40) : pos])[-3:]
    return any(w.lower() in ("of", "one", "each", "every", "none", "neither", "either")
               for w in words)  # fmt: skip


# -- several substitutions, each with its own named group --------------------------------


_M_GROUP = re.compile(r"\(\?P<m>([^()]*)\)")
_LITERAL = re.compile(r"[a-z]+")


def _keywords(rx: str) -> tuple[str, ...]:
    """Literal beginnings of what group `m` matches ("then", "it" of "it['’]s"), or ()."""
    m = _M_GROUP.search(rx)
    if m is None:
        return ()
    keys = []
    for alt in m.group(1).split("|"):
        lit = _LITERAL.match(alt)
        if lit is None:
            return ()
        keys.append(lit.group())
    return tuple(keys)


@lru_cache(maxsize=64)
def _compiled(
    pairs: tuple[tuple[str, str], ...],
) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    return tuple((re.compile(k), v, _keywords(k)) for k, v in pairs)


@rule_function("grammar.swaps")
def swaps(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Like `substitution`, but each pattern may name its own group `m` (the span to flag),
    so that context can be matched around the word without being reported.

    Patterns run on the lower-cased text (case-blind without IGNORECASE, which is slower),
    and a pattern whose word does not occur in the document is not run at all."""
    table = options.get("swap", {})
    text = doc.text
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for rx, right, keys in _compiled(tuple(table.items())):
        if keys and not any(k in low for k in keys):
            continue
        for m in rx.finditer(low):
            s, e = m.span("m") if "m" in rx.groupindex else m.span()
            suggestion = match_case(right, text[s:e])
            msg = render_message(rule.message, match=text[s:e], suggestion=suggestion)
            yield Hit(s, e, msg, (suggestion,))


# -- a modal or "do" with a past form ----------------------------------------------------

_MODAL = re.compile(
    r"\b(?P<aux>will|would|could|can|should|shall|must|might|may|"
    r"did|does|do|won['’]t|wouldn['’]t|couldn['’]t|can['’]t|cannot|shouldn['’]t|didn['’]t|"
    r"doesn['’]t|don['’]t)"
    rf"(?P<adv>(?:\s+(?:{_ADVERBS})){{0,2}})\s+(?P<verb>[a-z]+)\b(?!['’-])"
)
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "that", "whose", "military", "last", "free"])  # fmt: skip


# "could could" is a repeated word; "the only thing he did was": "did" ends a clause
_MODAL_SKIP = frozenset(
    ["was", "were", "is", "are", "been", "could", "would", "should", "might", "must", "did", "does"]
)


@rule_function("grammar.modal_base")
def modal_base(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """A modal or do/does/did with a past form: "did not went", "could took", "didn't knew".

    Only forms that cannot be anything else: a past tense or participle that is not also a
    base form ("found", "lay", "read" stay quiet) and has no noun or adjective reading
    ("saw", "left", "felt" stay quiet); never after a determiner ("the will said", "the
    military might saw": nouns, not modals).
    """
    for m in _MODAL.finditer(doc.text):
        verb = m.group("verb")
        if verb in _MODAL_SKIP:
            continue
        r = inflect.reading(verb)
        if not r.verb_lemmas or r.noun or r.adj or r.other or verb in r.verb_lemmas:
            continue
        lemma = next(
            (lem for lem in r.verb_lemmas
             if verb in inflect.forms(lem, "VBD") or verb in inflect.participles(lem)),
            None,
        )  # fmt: skip
        if lemma is None or _previous_word(doc.text, m.start("aux")) in _DETERMINERS:
            continue
        head = doc.text[m.start("aux") : m.start("verb")]
        yield Hit(m.start("aux"), m.end("verb"), suggestions=(head + lemma,))


_LAST_WORD = re.compile(r"([\w'’]+)\W*$")


def _previous_word(text: str, pos: int) -> str:
    """The word before pos, lower case ("" at the start of the text)."""
    m = _LAST_WORD.search(text, max(0, pos - 40), pos)
    return m.group(1).lower() if m else ""


# -- "to" + a past form, after a word that takes an infinitive ---------------------------

_TO_PAST = re.compile(
    r"\b(?:expected|able|unable|going|want|wants|wanted|need|needs|needed|plan|plans|planned|"
    r"trying|tried|try|hope|hopes|hoped|decided|agreed|refused|failed|managed|likely|unlikely|"
    r"about|order|seeks|sought|vowed|pledged|promised|threatened|intends|intended|aims|aimed|"
    r"has|have|had|used)\s+to(?P<adv>(?:\s+(?:not|also|further|fully|quickly|finally))?)"
    r"\s+(?P<verb>[a-z]+)\b(?!['’-])"
)


@rule_function("grammar.to_base")
def to_base(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """ "expected to continued", "plans to attended": an infinitive needs the base form.

    Only after words that take an infinitive ("expected to", "has to", "plans to"), so
    that "to" as a preposition ("contributed to improved confidence") stays quiet, and only
    for forms that are never a base form ("read", "cut", "found" stay quiet)."""
    for m in _TO_PAST.finditer(doc.text):
        verb = m.group("verb")
        r = inflect.reading(verb)
        if not r.verb_lemmas or verb in r.verb_lemmas or r.noun:
            continue
        lemma = next(
            (lem for lem in r.verb_lemmas
             if verb in inflect.forms(lem, "VBD") or verb in inflect.participles(lem)),
            None,
        )  # fmt: skip
        if lemma is None:
            continue
        to = m.start("verb") - len(m.group("adv")) - 1
        to = doc.text.rfind("to", 0, to + 1)
        head = doc.text[to : m.start("verb")]
        yield Hit(to, m.end("verb"), suggestions=(head + lemma,))
