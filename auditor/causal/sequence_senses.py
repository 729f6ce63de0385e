"""Sense checks for sequence and result: when does "after" or "killed in" state a cause?

"X after Y did Z" reads as consequence, "comes days after" and "after 10 minutes" do not;
"following the blast" gives a cause, "following him" does not; ", killing two people" and
"injured in the blast" give a result of an event, "killed in Kabul" a place.
"""

from __future__ import annotations

import re

from auditor.causal.window import words_after, words_before

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
_PURE_SEQUENCE = {"soon", "shortly", "just", "even", "long", "immediately", "straight", "only",
                  "right", "moments", "look", "looks", "looked", "looking", "named", "chased",
                  "ran", "run", "went", "go", "clean", "cleaning", "tidy", "day-after"}  # fmt: skip
_FINITE = re.compile(
    r"^(?:was|were|had|has|have|is|are|did|went|broke|took|began|fell|made|got|"
    r"came|left|ran|threw|beat|shot|hit|set|struck|stormed|gave|met|\w+ed)$"
)
_GERUND_OK = {"being"}
TIME_NOUNS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "morning",
              "night", "evening", "afternoon", "weekend", "season", "game", "match", "list",
              "statement", "people", "example", "points", "reasons", "question", "questions",
              "table", "items", "steps", "rules", "issues", "guidelines", "quarter", "hour",
              "hours", "decade", "summer", "winter", "spring", "autumn", "fall", "term",
              "round", "race", "lap", "period", "extract", "text", "message", "passage"}  # fmt: skip
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
_EVENTS = re.compile(
    r"\b(?:firing|clash|clashes|blast|blasts|attack|attacks|encounter|violence|gunfight|"
    r"explosion|explosions|stampede|riot|riots|rioting|lathi-?charge|stone-?pelting|ambush|"
    r"bombing|bombings|shooting|shootings|crash|accident|fire|collision|quake|earthquake|"
    r"storm|floods?|flooding|landslide|shelling|air ?strikes?|raid|raids|fighting|"
    r"incident|melee|scuffle|brawl|assault|stabbing|arson|cross-?fire)\b",
    re.IGNORECASE,
)


def after_clause(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
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


def following_event(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    prev = words_before(text, m.start(), lo, 1)
    if prev and prev[-1] in {"the", "a", "an", "of", "is", "are", "was", "were", "be", "been",
                             "by", "and", "strong", "large", "loyal", "huge", "big", "cult",
                             "its", "their", "his", "her"}:  # fmt: skip
        return False
    nxt = words_after(text, m.end(), hi, 2)
    if not nxt or nxt[0] in TIME_NOUNS or nxt[0] in {"him", "her", "them", "me", "us", "it"}:
        return False
    return not (len(nxt) > 1 and nxt[1] in TIME_NOUNS)


def result_clause(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
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


def event_follows(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "injured in the blast": harm caused by an event, not "killed in Kabul" (a place)."""
    return bool(_EVENTS.search(" ".join(words_after(text, m.end(), hi, 4))))
