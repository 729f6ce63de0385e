"""Content words of a sentence, normalised so that rewordings of one claim compare equal.

Lower case, lemmas (lemminflect's lookup tables, no model), stop words out, numbers kept
as written ("30,000" -> "30000"): "Northwind cancelled 240 flights" and "Northwind
Airways cancels 240 flights" share their content words, "240 flights" and "204 flights"
do not. Lemmas are cached per word form, so an archive pays the lookup once per form.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from auditor.inflect import all_lemmas
from auditor.tokens import TOKEN_RE

# Function words, plus the glue words news copy uses for linking and hedging: they say
# nothing about which claim a sentence makes.
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are around as at be because been
before being below between both but by can could did do does doing down due during each
either else ever few for from further had has have having he her here hers herself him
himself his how however i if in into is it its itself just like may me might more most must
my myself neither no nor not now of off on once only or other ought our ours ourselves out
over own per same shall she should so some such than that the their theirs them themselves
then there these they this those through thus to too under until up upon us very via was
we were what when where whether which while who whom whose why will with within without
would yet you your yours yourself yourselves approximately roughly nearly almost
according said says say told tell
""".split())  # noqa: SIM905  # fmt: skip

_POS_ORDER = ("VERB", "NOUN", "ADJ", "ADV")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str | None:
    """The lemma of a lower-case word, or None for a stop word.

    Verb lemmas win over noun and adjective ones ("affected" -> "affect", "prolonged" ->
    "prolong"), so that a participle and its verb meet; unknown words (names) stay as
    written.
    """
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if word in STOP_WORDS or not word:
        return None
    if any(c.isdigit() for c in word):
        return word.replace(",", "")
    lemmas = all_lemmas(word)
    for pos in _POS_ORDER:
        forms = lemmas.get(pos)
        if forms:
            out: str = forms[0]
            return None if out in STOP_WORDS else out
    return word


def content_words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The normalised content words of text[start:end], in order."""
    end = len(text) if end is None else end
    out = (lemma(w.lower()) for w in TOKEN_RE.findall(text, start, end))
    return [w for w in out if w is not None]


class Encoder:
    """Maps each content word to one character, so rapidfuzz compares words, not letters.

    A word form as written goes straight to its lemma's character ("" for a stop word), so
    encoding a sentence is one C-level map and join once the forms have been seen. One
    encoder can serve many documents: `fresh()` (called per document) starts over when the
    alphabet grows past `limit`, so an archive run never runs out of code points.
    """

    __slots__ = ("_lock", "forms", "lemmas", "limit", "numbers")

    def __init__(self, limit: int = 900_000) -> None:
        self.forms: dict[str, str] = {}
        self.lemmas: dict[str, str] = {}
        self.numbers: set[str] = set()  # characters that stand for a figure
        self.limit = limit
        self._lock = threading.Lock()

    def fresh(self) -> Encoder:
        if len(self.lemmas) > self.limit or len(self.forms) > 2 * self.limit:
            with self._lock:
                self.forms.clear()
                self.lemmas.clear()
                self.numbers.clear()
        return self

    def encode(self, raw: list[str]) -> str:
        """One character per content word of `raw` (tokens as written), in order."""
        forms = self.forms
        try:
            return "".join(map(forms.__getitem__, raw))
        except KeyError:
            with self._lock:
                for w in raw:
                    if w not in forms:
                        forms[w] = self._code(w)
            return "".join(map(forms.__getitem__, raw))

    def encode_lemmas(self, lemmas: list[str]) -> str:
        with self._lock:
            return "".join(self._char(x) for x in lemmas)

    def _code(self, form: str) -> str:
        lem = lemma(form.lower())
        return "" if lem is None else self._char(lem)

    def _char(self, lem: str) -> str:
        c = self.lemmas.get(lem)
        if c is None:
            n = 0x100 + len(self.lemmas)  # clear of ASCII and Latin-1
            c = chr(n if n < 0xD800 else n + 0x800)  # never a surrogate
            self.lemmas[lem] = c
            if lem[0].isdigit():
                self.numbers.add(c)
        return c

    def decode(self, code: str) -> list[str]:
        back = {c: w for w, c in self.lemmas.items()}
        return [back[c] for c in code]
