"""The causal marker lexicon: phrases, their kind, and the sense check each one needs.

Markers are data: a verb lemma with its particle ("lead" + "to") is expanded to every
inflection with lemminflect, so "led to", "leads to" and "leading to" come from one line.
All phrases are compiled into one trie-shaped regex, so a document is scanned once, and
each match is looked up here to learn what to check next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllInflections


@dataclass(frozen=True, slots=True)
class Marker:
    """One causal marker phrase and how to judge a match of it."""

    lemma: str  # what the message calls it ("lead to", "because")
    tier: str  # "explicit": a causal claim, judged for support | "implicit": motive/sequence
    check: str | None = None  # name of the sense check in detect.py, None = always causal
    verb: bool = False  # a verb: its span takes in its auxiliaries ("may have been ...")


# (lemma, particle or "", tenses wanted, tier, check). Tenses: "all" or a subset of
# VB VBD VBN VBG VBZ. A particle is a literal phrase that must follow the verb.
VERBS: tuple[tuple[str, str, str, str, str | None], ...] = (
    ("cause", "", "VBD VBN VBG", "explicit", None),
    ("cause", "", "VB VBZ", "explicit", "verb_not_noun"),
    ("lead", "to", "all", "explicit", "lead_to"),
    ("result", "in", "all", "explicit", None),
    ("trigger", "", "VBD VBN VBG VBZ", "explicit", "object_follows"),
    ("spark", "", "VBD VBN VBG", "explicit", "object_follows"),
    ("prompt", "", "VBD VBN VBG", "explicit", "object_follows"),
    ("provoke", "", "VBD VBN VBG VBZ", "explicit", "object_follows"),
    ("fuel", "", "VBD VBN VBG", "explicit", "object_follows"),
    ("spur", "", "VBD VBN VBG", "explicit", "object_follows"),
    ("stoke", "", "VBD VBN VBG", "explicit", "object_follows"),
    ("prolong", "", "all", "explicit", "object_follows"),
    ("undermine", "", "all", "explicit", "object_follows"),
    ("exacerbate", "", "all", "explicit", "object_follows"),
    ("motivate", "by", "VBD VBN", "explicit", None),
    ("drive", "by", "VBN", "explicit", "driven_by"),
    ("drive", "", "VBD VBZ VBG", "explicit", "drive_effect"),
    ("drive", "up", "all", "explicit", None),
    ("drive", "down", "all", "explicit", None),
    ("force", "", "VBD VBN VBG", "explicit", "force_to"),
    ("compel", "", "VBD VBN VBG", "explicit", "force_to"),
    ("blame", "", "VBD VBN VBG VBZ", "explicit", "blame_for"),
    ("contribute", "to", "all", "explicit", None),
    ("stem", "from", "all", "explicit", None),
    ("attribute", "to", "VBD VBN", "explicit", None),
    ("bring", "about", "all", "explicit", None),
    ("give", "rise to", "all", "explicit", None),
    # effect verbs state a cause only with an outcome as object: "X increases the risk of Y"
    *(
        (verb, "", "VB VBZ", "explicit", "effect_object")
        for verb in (
            "increase",
            "reduce",
            "improve",
            "lower",
            "raise",
            "boost",
            "cut",
            "prevent",
            "affect",
            "worsen",
            "halve",
            "double",
            "triple",
            "harm",
            "protect",
            "influence",
            "enhance",
            "decrease",
            "impair",
            "slow",
            "delay",
            "alter",
            "damage",
            "promote",
            "inhibit",
            "suppress",
            "curb",
            "shorten",
            "lengthen",
            "extend",
            "benefit",
            "hurt",
            "weaken",
            "strengthen",
            "ease",
            "relieve",
            "impact",
            "accelerate",
            "hasten",
            "aggravate",
        )
    ),
    ("play", "a role in", "all", "explicit", None),
    ("play", "a part in", "all", "explicit", None),
    ("play", "a key role in", "all", "explicit", None),
    ("play", "a major role in", "all", "explicit", None),
    ("play", "an important role in", "all", "explicit", None),
    ("disrupt", "", "VBD VBN VBG", "implicit", "object_follows"),
    ("paralyse", "", "VBD VBN VBG", "implicit", None),
    ("paralyze", "", "VBD VBN VBG", "implicit", None),
    ("cripple", "", "VBD VBN", "implicit", None),
    ("disperse", "", "VB", "implicit", "purpose_to"),
)

# Connectives and fixed phrases: (phrases, lemma, tier, check).
PHRASES: tuple[tuple[tuple[str, ...], str, str, str | None], ...] = (
    (("because", "because of"), "because", "explicit", None),
    (("due to",), "due to", "explicit", "due_to"),
    (("owing to",), "owing to", "explicit", None),
    (("thanks to",), "thanks to", "explicit", "thanks_to"),
    (("on account of",), "on account of", "explicit", None),
    (
        ("as a result", "as a direct result", "as a consequence", "in consequence"),
        "as a result",
        "explicit",
        None,
    ),
    (("consequently", "therefore", "hence", "thereby"), "therefore", "explicit", None),
    (
        ("which is why", "that is why", "that's why", "which was why"),
        "which is why",
        "explicit",
        None,
    ),
    (
        (
            "the reason for",
            "the reason behind",
            "the reasons behind",
            "the reasons for",
            "the real reason",
            "the main reason",
            "reason why",
            "reasons why",
        ),
        "the reason behind",
        "explicit",
        None,
    ),
    (
        (
            "in response to",
            "in reaction to",
            "in retaliation for",
            "in retaliation against",
            "in retaliation to",
            "in the wake of",
            "in the aftermath of",
        ),
        "in response to",
        "explicit",
        None,
    ),
    # motive and purpose: why people acted, as news reports it
    (
        ("in protest", "as a mark of protest", "as a protest", "to protest"),
        "in protest",
        "implicit",
        None,
    ),
    (
        (
            "demanding",
            "demanded",
            "demands",
            "seeking",
            "condemning",
            "calling for",
            "urging",
            "opposing",
            "denouncing",
        ),
        "demanding",
        "implicit",
        "motive_context",
    ),
    (("against", "over"), "against", "implicit", "protest_context"),
    (("in support of", "in solidarity with"), "in support of", "implicit", "motive_context"),
    (("in order to", "so as to", "aimed at", "in a bid to"), "in order to", "implicit", None),
    (
        (
            "to demand",
            "to press for",
            "to press",
            "to condemn",
            "to oppose",
            "to highlight",
            "to mark",
            "to express",
            "to register",
            "to voice",
            "to end the",
            "to draw attention",
            "to stop",
            "to force",
            "to pressurise",
            "to pressurize",
            "to ensure",
            "to seek",
            "to show",
            "to send",
            "to draw",
            "to save",
            "to support",
        ),
        "to demand",
        "implicit",
        "purpose_to",
    ),
    (("in connection with",), "in connection with", "implicit", None),
    (
        (
            "arrested for",
            "booked for",
            "held for",
            "jailed for",
            "convicted of",
            "charged with",
            "sentenced for",
            "accused of",
        ),
        "arrested for",
        "implicit",
        None,
    ),
    # harm as the result of an event: "three were injured in the blast"
    (
        (
            "injured in",
            "hurt in",
            "wounded in",
            "killed in",
            "died in",
            "injured during",
            "killed during",
            "wounded during",
            "hurt during",
            "damaged in",
            "destroyed in",
        ),
        "injured in",
        "implicit",
        "event_follows",
    ),
    # a protest with its object: "residents protested the delay"
    (("protested", "protesting"), "protested", "implicit", "protest_object"),
    # sequence read as consequence ("X after Y did Z"): only with a clause after it
    (("after",), "after", "implicit", "after_clause"),
    (("following",), "following", "implicit", "following_event"),
    (("in retaliation",), "in response to", "explicit", None),
    (
        (
            "an impact on",
            "an effect on",
            "a significant impact on",
            "a significant effect on",
            "a major impact on",
            "a big impact on",
            "a positive effect on",
            "a negative effect on",
            "a positive impact on",
            "a negative impact on",
            "a direct effect on",
            "an adverse effect on",
            "a profound effect on",
            "a dramatic effect on",
        ),
        "an effect on",
        "explicit",
        "have_effect",
    ),
    (
        (
            "is effective in",
            "is effective at",
            "is effective against",
            "are effective in",
            "are effective at",
            "are effective against",
            "was effective in",
            "were effective in",
            "is highly effective",
            "are highly effective",
        ),
        "is effective",
        "explicit",
        None,
    ),
    # a reason given as "for doing": "arrested for attacking", "praised for ending"
    (("for",), "for doing", "implicit", "for_gerund"),
    # conditions: "if the talks fail, the strike will go on"
    (("if", "unless"), "if", "implicit", "condition"),
    # a motive in a sentence-initial participle: "Resenting the arrests, activists ..."
    (
        (
            "resenting",
            "suspecting",
            "alleging",
            "protesting",
            "fearing",
            "angered by",
            "angry over",
            "angry at",
            "angry about",
            "incensed",
            "irked",
            "enraged",
            "outraged",
            "infuriated",
            "miffed",
            "upset over",
            "upset by",
            "agitated over",
        ),
        "resenting",
        "implicit",
        "clause_initial",
    ),
    # a result clause: "..., killing two people"
    (("killing", "leaving", "injuring", "wounding"), "killing", "implicit", "result_clause"),
)


def _forms(lemma: str, tenses: str) -> set[str]:
    infl = getAllInflections(lemma, upos="VERB")
    wanted = set(infl) if tenses == "all" else set(tenses.split())
    out: set[str] = set()
    for tag, forms in infl.items():
        if tag in wanted:
            out.update(forms)
    if "VBN" in wanted:  # lemminflect lists one spelling; VBD carries the other
        out.update(infl.get("VBD", ()))
    if "VBD" in wanted and lemma.endswith(("l",)):  # fuelled / fueled
        out.update(f.replace("led", "lled") for f in infl.get("VBD", ()) if "lled" not in f)
    if "VBG" in wanted and lemma.endswith(("l",)):
        out.update(f.replace("ling", "lling") for f in infl.get("VBG", ()) if "lling" not in f)
    return out


@lru_cache(maxsize=1)
def markers() -> dict[str, Marker]:
    """Every marker phrase (lower case, single spaces) mapped to its Marker."""
    table: dict[str, Marker] = {}
    for lemma, particle, tenses, tier, check in VERBS:
        name = f"{lemma} {particle}".strip()
        for form in _forms(lemma, tenses):
            phrase = f"{form} {particle}".strip()
            table.setdefault(phrase, Marker(name, tier, check, verb=True))
    for phrases, lemma, tier, check in PHRASES:
        for p in phrases:
            table.setdefault(p, Marker(lemma, tier, check))
    return table


def _trie_regex(phrases: list[str]) -> str:
    """A regex equivalent to the alternation of phrases, factored as a trie (fast to scan)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = []
        optional = False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            piece = r"\s+" if ch == " " else re.escape(ch)
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        if optional:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


@lru_cache(maxsize=2)
def marker_regex(lowered: bool = False) -> re.Pattern[str]:
    """One compiled pattern for every marker, word-bounded.

    `lowered=True` gives a case-sensitive pattern for text already lower-cased, which
    scans about twice as fast as the case-insensitive one.
    """
    body = _trie_regex(sorted(markers()))
    # not inside a hyphenated word: "cause-specific", "police-led"
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", 0 if lowered else re.IGNORECASE)


_SPACE = re.compile(r"\s+")


def lookup(matched: str) -> Marker:
    return markers()[_SPACE.sub(" ", matched.lower())]
