"""Sense checks: is this marker causal here? The lexicon names a check; this maps the name.

Each check takes (text, match, sentence start, sentence end) and answers from a few words
either side: "due to rain" is causal, "due to open in the spring" a schedule; "prolonged the
war" a verb, "a prolonged war" an adjective; "injured in the blast" a result, "killed in
Kabul" a place. The checks live by marker family in the *_senses modules.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from auditor.causal import (
    connective_senses,
    effect_senses,
    motive_senses,
    reason_senses,
    sequence_senses,
    verb_senses,
)

SenseCheck = Callable[[str, re.Match[str], int, int], bool]

CHECKS: dict[str, SenseCheck] = {
    "verb_not_noun": verb_senses.verb_not_noun,
    "object_follows": verb_senses.object_follows,
    "force_to": verb_senses.force_to,
    "blame_for": verb_senses.blame_for,
    "driven_by": verb_senses.driven_by,
    "drive_effect": verb_senses.drive_effect,
    "lead_to": connective_senses.lead_to,
    "due_to": connective_senses.due_to,
    "thanks_to": connective_senses.thanks_to,
    "effect_object": effect_senses.effect_object,
    "have_effect": effect_senses.have_effect,
    "purpose_to": motive_senses.purpose_to,
    "motive_context": motive_senses.motive_context,
    "protest_context": motive_senses.protest_context,
    "protest_object": motive_senses.protest_object,
    "clause_initial": motive_senses.clause_initial,
    "after_clause": sequence_senses.after_clause,
    "following_event": sequence_senses.following_event,
    "result_clause": sequence_senses.result_clause,
    "event_follows": sequence_senses.event_follows,
    "for_gerund": reason_senses.for_gerund,
    "condition": reason_senses.condition,
}
