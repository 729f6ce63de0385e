"""Sense checks: is this marker causal here? One function per marker family.

Each check takes (text, match, sentence start, sentence end) and answers from a few words
either side: "due to rain" is causal, "due to open in the spring" a schedule; "prolonged the
war" a verb, "a prolonged war" an adjective; "injured in the blast" a result, "killed in
Kabul" a place. The lexicon names the check each marker needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from lemminflect import getAllLemmas

from auditor.causal.window import clause_before, words_after, words_before

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this",
                "that", "these", "those", "some", "any", "no", "more", "further", "fresh",
                "new", "widespread", "renewed", "public", "anger", "fears", "concerns"}  # fmt: skip
_NOUN_BEFORE_CAUSE = {"the", "a", "an", "its", "their", "his", "her", "our", "root", "main",
                      "underlying", "leading", "common", "real", "good", "just", "probable",
                      "possible", "noble", "lost", "this", "that", "no", "whose", "people's",
                      "people’s", "one", "major", "primary", "true", "same", "official",
                      "exact", "immediate", "likely", "precise", "national", "worthy",
                      "other", "natural", "unknown", "various", "many", "several",
                      "multiple", "different", "external", "known", "all", "these", "those"}  # fmt: skip
_SCHEDULE = {"be", "open", "begin", "start", "close", "end", "finish", "take", "make", "arrive",
             "return", "meet", "visit", "launch", "hold", "resume", "retire", "leave", "go",
             "come", "expire", "appear", "face", "stand", "play", "sign", "vote", "complete",
             "report", "publish", "release", "announce", "give", "deliver", "host", "run",
             "speak", "testify", "attend", "travel", "fly", "reopen", "debut", "air", "hear",
             "decide", "rule", "conclude", "join", "marry", "receive", "submit", "present",
             "address", "become", "undergo", "tour", "perform", "feature", "step", "kick",
             "get", "have", "hit", "land", "enter", "move", "restart", "transfer", "welcome",
             "light", "sit", "stay", "unveil", "lead"}  # fmt: skip
_TIME_BEFORE_AFTER = {"day", "days", "hour", "hours", "week", "weeks", "month", "months", "year",
                      "years", "minute", "minutes", "moments", "soon", "shortly", "just", "even",
                      "long", "immediately", "night", "morning", "evening", "afternoon",
                      "weekend", "decade", "decades", "seconds", "time", "straight", "season",
                      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday", "look", "looks", "looked", "looking", "named", "chased",
                      "ran", "run", "went", "go", "clean", "cleaning", "tidy", "one",
                      "day-after", "only", "right"}  # fmt: skip
_SAYING = {"claimed", "said", "announced", "stated", "declared", "insisted", "reported",
           "suggested", "argued", "told", "wrote", "posted", "tweeted"}  # fmt: skip
_COME = {"come", "comes", "came", "coming"}
_PURE_SEQUENCE = {
    "soon",
    "shortly",
    "just",
    "even",
    "long",
    "immediately",
    "straight",
    "only",
    "right",
    "moments",
    "look",
    "looks",
    "looked",
    "looking",
    "named",
    "chased",
    "ran",
    "run",
    "went",
    "go",
    "clean",
    "cleaning",
    "tidy",
    "day-after",
}
_FINITE = re.compile(
    r"^(?:was|were|had|has|have|is|are|did|went|broke|took|began|began|fell|made|got|"
    r"came|left|ran|threw|beat|shot|hit|set|struck|stormed|gave|met|\w+ed)$"
)
_GERUND_OK = {"being"}
_TIME_NOUNS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "morning",
               "night", "evening", "afternoon", "weekend", "season", "game", "match", "list",
               "statement", "people", "example", "points", "reasons", "question", "questions",
               "table", "items", "steps", "rules", "issues", "guidelines", "quarter", "hour",
               "hours", "decade", "summer", "winter", "spring", "autumn", "fall", "term",
               "round", "race", "lap", "period", "extract", "text", "message", "passage"}  # fmt: skip
_PROTEST = re.compile(
    r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ies|ied)|strike|strikes|striking|march(?:ed|es)?|"
    r"agitat\w+|dharna|bandh|hartal|stir|sit-in|boycott\w*|picket\w*|clash\w*|riot\w*|"
    r"slogans?|anger|angry|outrage\w*|fury|furious|row|dispute|tensions?|violence|"
    r"unrest|uproar|backlash|resign\w*|quit|sued|sue|suing|petition\w*|fast|"
    r"hunger strike|memorandum|walk-?out|walked out|gherao\w*|roko|blockade|"
    r"campaign\w*|fight|fighting|fought|revolt|uprising|sanctions?|charges?|"
    r"case|cases|complaint|complained|lawsuit|cracked down|crackdown)\b",
    re.IGNORECASE,
)
_NUMBERISH = re.compile(r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                        r"eleven|twelve|dozens?|scores|hundreds|thousands|at|more|over|"
                        r"about|around|nearly|some|several|many|a|an|the|his|her|their|"
                        r"its|him|them|all|least)$")  # fmt: skip
_RESULT_NOUNS = re.compile(
    r"\b(?:dead|injured|wounded|stranded|homeless|hurt|people|persons|civilians|"
    r"soldiers|policemen|police|officers|protesters|students|workers|children|members|"
    r"passengers|residents|jawans|personnel|others|villagers|troops|militants)\b",
    re.IGNORECASE,
)


def _verb_not_noun(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    prev = words_before(text, m.start(), lo, 1)
    nxt = words_after(text, m.end(), hi, 2)
    if prev and prev[-1] in _NOUN_BEFORE_CAUSE:
        return False
    if nxt and nxt[0] in {"of", "for", "and", "célèbre"}:
        return False
    return bool(nxt)


_BE = {"was", "were", "been", "be", "is", "are", "being", "am"}


def _object_follows(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """A transitive verb use: "prolonged the war", not "a prolonged war", "the fuelled fire"."""
    prev = words_before(text, m.start(), lo, 1)
    nxt = words_after(text, m.end(), hi, 1)
    if m.group(0).lower() == "prolonged" and (not nxt or nxt[0] not in _DETERMINERS):
        return False  # mostly an adjective: "had prolonged exposure", "prolonged conflicts"
    progressive = m.group(0).lower().endswith("ing") and prev and prev[-1] in _BE
    if not progressive and prev and prev[-1] in {"a", "an", "the", "of", "in", "for", "after",
                                                 "its", "their", "his", "her", "this",
                                                 "remotely", "when", *_BE}:  # fmt: skip
        # passive or adjectival; "was triggered by X" still states a cause
        return (
            bool(nxt)
            and nxt[0] == "by"
            and prev[-1] in {"was", "were", "been", "be", "is", "are", "being"}
        )
    return bool(nxt) and (nxt[0] in _DETERMINERS or nxt[0] == "by" or not nxt[0].isdigit())


def _lead_to(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    prev = words_before(text, m.start(), lo, 1)
    if _infinitive_follows(text, m.end(), hi):
        return False  # "I am led to ponder", "he was led to believe"
    return not (prev and prev[-1] in {"road", "roads", "path", "paths", "street", "door",
                                      "doors", "stairs", "route", "routes", "highway",
                                      "bridge", "lane", "way", "steps", "corridor",
                                      "run-up", "gate", "gates", "track", "trail"})  # fmt: skip


_OBJECT_START = {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those",
                 "him", "them", "it", "us", "me", "up", "out", "off", "back", "down", "our",
                 "my", "your", "new", "two", "three", "four"}  # fmt: skip


@lru_cache(maxsize=4096)
def _readings(word: str) -> tuple[bool, bool]:
    """(has a base-form verb reading, has a noun reading), from lemminflect."""
    lemmas = getAllLemmas(word)
    return word in lemmas.get("VERB", ()), "NOUN" in lemmas


def _infinitive_follows(text: str, end: int, hi: int) -> bool:
    """Whether "to" is followed by a verb ("due to open", "led to believe"), not a noun."""
    nxt = words_after(text, end, hi, 2)
    if not nxt:
        return False
    if nxt[0] in _SCHEDULE:
        return True
    verb, noun = _readings(nxt[0])
    if not verb:
        return False
    if not noun:
        return True
    # both ("light", "rain"): a verb here takes an object: "due to light the flame"
    return len(nxt) > 1 and nxt[1] in _OBJECT_START


def _due_to(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "due to rain" is causal; "due to open in the spring" is a schedule."""
    return bool(words_after(text, m.end(), hi, 1)) and not _infinitive_follows(text, m.end(), hi)


def _thanks_to(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "thanks to the rain" gives a cause; "said thanks to", "thanks to all" give thanks."""
    prev = words_before(text, m.start(), lo, 1)
    nxt = words_after(text, m.end(), hi, 1)
    if nxt and nxt[0] in {"all", "everyone", "everybody", "you", "god"}:
        return False
    return not (prev and prev[-1] in {"said", "say", "says", "give", "gave", "giving", "extend",
                                      "extended", "express", "expressed", "special", "many",
                                      "big", "our", "my", "huge", "sincere", "heartfelt"})  # fmt: skip


def _force_to(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    nxt = words_after(text, m.end(), hi, 4)
    return "to" in nxt or "into" in nxt or (bool(nxt) and nxt[0] in {"out", "down", "off"})


def _blame_for(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    nxt = words_after(text, m.end(), hi, 8)
    return "on" in nxt or "for" in nxt


_CONTROL = {"want", "wants", "wanted", "try", "tries", "tried", "trying", "decide", "decided",
            "plan", "plans", "planned", "planning", "agree", "agreed", "refuse", "refused",
            "fail", "failed", "fails", "hope", "hopes", "hoped", "need", "needs", "needed",
            "able", "unable", "going", "likely", "unlikely", "expected", "asked", "urged",
            "vowed", "threatened", "promised", "continue", "continued", "began", "begin",
            "started", "ordered", "allowed", "forced", "way", "ways", "bid", "attempt",
            "effort", "efforts", "move", "chance", "right", "power", "used", "ought", "about",
            "has", "have", "had", "due", "meant", "set", "seeks", "sought", "seek", "wish",
            "wished", "intend", "intends", "intended", "aim", "aims", "aimed", "order",
            "help", "helped", "helps", "managed", "enough", "ready", "willing", "reluctant",
            "keen", "eager", "prepared", "determined", "called", "appealed", "said", "told",
            "would", "will", "is", "are", "was", "were", "be", "been", "not", "how", "what",
            "whether", "where", "when", "struggle", "struggled", "struggling",
            "refusal", "decision", "failure", "ability", "demand", "call",
            "pledged", "pledge", "proposed", "propose", "requested", "request",
            "invited", "encouraged", "advised", "persuaded", "convinced", "authorised",
            "authorized", "expect", "expects", "mandate", "bound", "obliged"}  # fmt: skip
_FORCE = re.compile(r"\b(?:police|tear ?gas|teargas|lathi|batons?|water cannon)\b", re.I)
# purpose verbs too common to read as motive without a protest or police action before
_NEEDS_CONTEXT = {"show", "send", "draw", "support", "save", "ensure",
                  "mark", "express", "register"}  # fmt: skip


def _purpose_to(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """A purpose infinitive after an action ("staged a dharna to demand ...").

    Not the complement of a verb of wanting or trying ("wants to stop", "failed to ensure"),
    which states an aim, not why something was done.
    """
    prev = words_before(text, m.start(), lo, 1)
    if prev and prev[-1] in _CONTROL:
        return False
    before = clause_before(text, m.start(), lo, 120)
    if _PROTEST.search(before) or _FORCE.search(before):
        return True
    return m.group(0).lower().split()[-1] not in _NEEDS_CONTEXT


def _motive_context(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "demanding", "seeking" state a motive when they follow a protest or strike.

    "demanding" as a participle ("rallied, demanding the release of ...") needs no protest
    word before it; as an adjective ("a demanding job", "more demanding") it is no motive.
    """
    prev = words_before(text, m.start(), lo, 1)
    if prev and prev[-1] in _NOT_MOTIVE:
        return False
    word = m.group(0).lower()
    if word == "demanding":
        nxt = words_after(text, m.end(), hi, 1)
        return bool(nxt) and nxt[0] not in {"and", "but", "or", "job", "role", "task", "work"}
    before = text[max(lo, m.start() - 160) : m.start()]
    return bool(_PROTEST.search(before))


_NOT_MOTIVE = {"the", "a", "an", "their", "his", "her", "its", "of", "more", "most", "very",
               "too", "so", "less", "physically", "mentally", "extremely", "quite", "really",
               "increasingly", "how", "as", "our", "my", "your"}  # fmt: skip


_COMPLEMENT_NOUNS = {"case", "cases", "charge", "charges", "complaint", "complaints", "fir", "firs",
                     "action", "violence", "crime", "crimes", "atrocities", "atrocity", "war",
                     "measures", "allegations", "evidence", "campaign", "warrant", "warrants",
                     "sanctions", "discrimination", "attacks", "attack", "abuse", "bias",
                     "offences", "offenses", "proceedings", "petition", "suit", "vote",
                     "votes", "voted", "win", "won", "lead", "victory", "match", "game",
                     "defeat", "goals", "goal", "runs", "record"}  # fmt: skip


def _protest_context(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "against"/"over" give the motive of a protest, strike or clash ("protest over pay")."""
    before = clause_before(text, m.start(), lo, 70)
    if not _PROTEST.search(before):
        return False
    prev = words_before(text, m.start(), lo, 1)
    if prev and prev[-1] in _COMPLEMENT_NOUNS:  # "cases against", "violence against women"
        return False
    nxt = words_after(text, m.end(), hi, 1)
    if m.group(0).lower() == "over":
        if not nxt or nxt[0].isdigit() or (nxt[0] in {"the", "a"} and _over_time(text, m, hi)):
            return False
        if nxt[0] in {"a", "an"} and _over_time(text, m, hi):
            return False
    return bool(nxt)


def _over_time(text: str, m: re.Match[str], hi: int) -> bool:
    nxt = words_after(text, m.end(), hi, 3)
    return any(w in _TIME_NOUNS or w in {"past", "last", "next", "coming"} for w in nxt)


def _after_clause(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "X after Y did Z" reads as consequence; "comes days after", "after 10 minutes" do not."""
    prev = words_before(text, m.start(), lo, 3)
    if prev and any(w in _COME for w in prev[-2:]):
        return False  # "the vote comes days after ..."
    if prev and prev[-1] in _TIME_BEFORE_AFTER:
        # "two days after", "soon after" are sequence; "closed last week after" is not
        quantity = len(prev) > 1 and bool(_NUMBERISH.match(prev[-2])) and prev[-2] != "the"
        if quantity or prev[-1] in _PURE_SEQUENCE:
            return False
    comma = text.find(",", m.end(), hi)
    nxt = words_after(text, m.end(), comma if comma >= 0 else hi, 6)
    if not nxt or (nxt[0].endswith("ing") and nxt[0] not in _GERUND_OK):
        return False
    verb = next((w for w in nxt[1:6] if _FINITE.match(w)), None)
    # "a reversal after Moscow claimed ...": a statement followed, it caused nothing
    return verb is not None and verb not in _SAYING


def _following_event(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    prev = words_before(text, m.start(), lo, 1)
    if prev and prev[-1] in {"the", "a", "an", "of", "is", "are", "was", "were", "be", "been",
                             "by", "and", "strong", "large", "loyal", "huge", "big", "cult",
                             "its", "their", "his", "her"}:  # fmt: skip
        return False
    nxt = words_after(text, m.end(), hi, 2)
    if not nxt or nxt[0] in _TIME_NOUNS or nxt[0] in {"him", "her", "them", "me", "us", "it"}:
        return False
    return not (len(nxt) > 1 and nxt[1] in _TIME_NOUNS)


def _result_clause(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ ", killing two people" / ", leaving 45 injured": a participle clause of result."""
    before = text[max(lo, m.start() - 3) : m.start()]
    if "," not in before and "—" not in before:
        return False
    nxt = words_after(text, m.end(), hi, 5)
    if not nxt or not _NUMBERISH.match(nxt[0]):
        return m.group(0).lower() != "leaving" and bool(nxt) and nxt[0] in {"him", "her", "them"}
    if m.group(0).lower() != "leaving":
        return True
    return bool(_RESULT_NOUNS.search(" ".join(nxt))) or nxt[0][0].isdigit()


_NOT_GERUND = {"nothing", "something", "anything", "everything", "morning", "evening", "spring",
               "king", "thing", "things", "during", "bring", "sing", "ring", "wing", "sterling",
               "string", "ceiling", "offering", "offerings", "hearing", "meeting", "meetings",
               "building", "buildings", "funding", "housing", "clothing", "training",
               "wedding", "shipping", "parking", "outstanding", "beijing", "reading",
               "viewing", "listening", "screening", "landing", "spending", "savings",
               "feelings", "feeling", "earnings", "findings", "proceedings", "shootings",
               "bombings", "killings", "opening", "swing", "boxing", "bowling", "batting",
               "being"}  # fmt: skip
_NOT_IF = {"as", "even", "asked", "ask", "asks", "asking", "know", "knew", "known", "see",
           "saw", "seen", "wonder", "wondered", "wondering", "check", "checked", "decide",
           "whether", "unclear", "clear", "sure", "doubt", "doubtful", "tell", "told", "find",
           "found", "out", "only", "what", "and", "or", "but", "question", "matter"}  # fmt: skip


def _for_gerund(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "for attacking": a reason ("arrested for attacking"), not "for training" (a noun)."""
    nxt = words_after(text, m.end(), hi, 1)
    return bool(nxt) and nxt[0].endswith("ing") and len(nxt[0]) > 5 and (nxt[0] not in _NOT_GERUND)


def _condition(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """A condition ("if the talks fail, ..."), not an embedded question ("asked if")."""
    prev = words_before(text, m.start(), lo, 1)
    nxt = words_after(text, m.end(), hi, 1)
    if prev and prev[-1] in _NOT_IF:
        return False
    return bool(nxt) and nxt[0] not in {
        "any",
        "so",
        "not",
        "necessary",
        "possible",
        "only",
        "ever",
        "anything",
        "need",
        "needed",
        "true",
    }


def _clause_initial(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """A participle of motive that opens the sentence or a clause: "Resenting X, they ..."."""
    before = text[max(lo, m.start() - 3) : m.start()].strip(" \"'“‘(")
    return m.start() - lo <= 2 or before.endswith((",", ";", ":"))


_OUTCOMES = re.compile(
    r"\b(?:risks?|chances?|odds|likelihood|incidence|mortality|survival|symptoms|outcomes?|"
    r"levels?|quality|function|functioning|response|growth|progression|recovery|severity|"
    r"burden|pain|weight|performance|health|memory|spread|infections?|deaths?|disease|"
    r"damage|inflammation|pressure|cholesterol|sleep|mood|anxiety|depression|cancer|"
    r"tumou?rs?|immunity|resistance|efficacy|effectiveness|productivity|development|"
    r"behaviou?r|learning|abilit(?:y|ies)|rates? of|lives|life|death|harm|injur(?:y|ies)|"
    r"complications?|side effects|blood|bone|heart|brain|crime|violence|unemployment|"
    r"inflation|poverty|emissions|pollution|costs?|adherence|readmissions?|"
    r"admissions?|number of|care|well-?being|relief|hospitali[sz]ations?|morbidity|"
    r"fatigue|stress|obesity|diabetes|fractures?|falls|errors|outbreaks?|transmission|"
    r"\d[\d.]* ?(?:per ?cent|%)|percent)\b",
    re.IGNORECASE,
)
# words before a base-form effect verb that make it a verb: "can cut", "does not improve"
# ("to" is left out: "plans to cut costs" is an aim, not a claim)
_MODALS = {"can", "could", "may", "might", "will", "would", "does", "did", "do", "not", "also",
           "significantly", "greatly", "further", "dramatically", "substantially"}  # fmt: skip


_TO_ADJECTIVE = {"linked", "associated", "related", "tied", "connected", "due", "thanks",
                 "led", "lead", "leads", "leading", "contribute", "contributes", "contributed",
                 "compared", "similar", "close", "attributed", "owing", "exposed", "prior"}  # fmt: skip


# a plural noun before a base-form verb: "corticosteroids raise the risk"
_PLURAL = re.compile(r"^[a-z]{3,}[^s'’]s$")


def _effect_object(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """An effect verb with an outcome as object: "smoking increases the risk of stroke"."""
    word = m.group(0).lower()
    if not word.endswith("s") or word.endswith("ss"):
        prev = words_before(text, m.start(), lo, 2)
        plural_subject = bool(prev) and _PLURAL.match(prev[-1]) is not None
        if not prev or (prev[-1] not in _MODALS and not plural_subject):
            return False
        if prev[-1] == "to" and len(prev) > 1 and prev[-2] in _TO_ADJECTIVE:
            return False  # "linked to lower birth weight": an adjective, not a verb
    else:
        prev = words_before(text, m.start(), lo, 1)
        if prev and prev[-1] in _NOUN_BEFORE_CAUSE:  # "the cuts", "a double"
            return False
    nxt = " ".join(words_after(text, m.end(), hi, 5))
    return bool(_OUTCOMES.search(nxt))


def _have_effect(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "has an impact on": the verb must be have ("had no effect" is negated elsewhere)."""
    prev = words_before(text, m.start(), lo, 2)
    return any(w in {"has", "have", "had", "having"} for w in prev)


_VEHICLE = {"police", "officers", "car", "cars", "bus", "taxi", "chauffeur", "driver", "drivers",
            "his", "her", "friends", "van", "ambulance", "limousine", "truck", "lorry"}  # fmt: skip


def _driven_by(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "growth driven by demand" gives a cause; "driven by police to London" is a ride."""
    nxt = words_after(text, m.end(), hi, 2)
    return bool(nxt) and not any(w in _VEHICLE for w in nxt)


_EVENTS = re.compile(
    r"\b(?:firing|clash|clashes|blast|blasts|attack|attacks|encounter|violence|gunfight|"
    r"explosion|explosions|stampede|riot|riots|rioting|lathi-?charge|stone-?pelting|ambush|"
    r"bombing|bombings|shooting|shootings|crash|accident|fire|collision|quake|earthquake|"
    r"storm|floods?|flooding|landslide|shelling|air ?strikes?|raid|raids|fighting|"
    r"violence|incident|melee|scuffle|brawl|assault|stabbing|arson|cross-?fire)\b",
    re.IGNORECASE,
)


def _event_follows(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "injured in the blast": harm caused by an event, not "killed in Kabul" (a place)."""
    return bool(_EVENTS.search(" ".join(words_after(text, m.end(), hi, 4))))


def _protest_object(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "protested the delay" (a motive as object); "protesting workers" is a participle."""
    nxt = words_after(text, m.end(), hi, 1)
    return bool(nxt) and nxt[0] in {"the", "a", "an", "his", "her", "their", "its", "this",
                                    "against", "over", "at", "outside"} and nxt[0] not in {
        "outside", "at"}  # fmt: skip


def _drive_effect(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "demand drove prices higher", "drove investors away"; not "drove to the airport"."""
    nxt = words_after(text, m.end(), hi, 5)
    if not nxt or nxt[0] in {
        "to",
        "through",
        "home",
        "off",
        "back",
        "into",
        "past",
        "across",
        "around",
        "from",
        "along",
        "a",
        "an",
        "his",
        "her",
        "my",
    }:
        return False
    return any(w in {"higher", "lower", "away", "out", "down", "up"} for w in nxt[1:])


CHECKS: dict[str, Callable[[str, re.Match[str], int, int], bool]] = {
    "verb_not_noun": _verb_not_noun,
    "object_follows": _object_follows,
    "lead_to": _lead_to,
    "due_to": _due_to,
    "thanks_to": _thanks_to,
    "force_to": _force_to,
    "blame_for": _blame_for,
    "purpose_to": _purpose_to,
    "motive_context": _motive_context,
    "protest_context": _protest_context,
    "after_clause": _after_clause,
    "following_event": _following_event,
    "result_clause": _result_clause,
    "for_gerund": _for_gerund,
    "condition": _condition,
    "clause_initial": _clause_initial,
    "effect_object": _effect_object,
    "have_effect": _have_effect,
    "driven_by": _driven_by,
    "event_follows": _event_follows,
    "protest_object": _protest_object,
    "drive_effect": _drive_effect,
}

# auxiliaries and hedges that belong to a causal verb's group ("may have been motivated by")
