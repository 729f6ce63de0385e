"""Content words of a sentence, normalised so that rewordings of one claim compare equal.

Lower case, lemmas (lemminflect's lookup tables, no model), stop words out, numbers kept
as written ("30,000" -> "30000"): "Northwind cancelled 240 flights" and "Northwind
Airways cancels 240 flights" share their content words, "240 flights" and "204 flights"
do not. Lemmas are cached per word form, so an archive pays the lookup once per form.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas

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
    lemmas = getAllLemmas(word)
    for pos in _POS_ORDER:
        forms = lemmas.get(pos)
        if forms:
            out: str = forms[0]
            return None if out in STOP_WORDS else out
    return word


_FORMS: dict[str, str | None] = {}  # word as written -> lemma or None (stop word)
_MAX_FORMS = 500_000


def lemmas_of(words: list[str]) -> list[str]:
    """Lemmas of words as written, stop words dropped; cached per written form."""
    forms = _FORMS
    try:
        out = [forms[w] for w in words]
    except KeyError:
        if len(forms) > _MAX_FORMS:
            forms.clear()
        for w in words:
            if w not in forms:
                forms[w] = lemma(w.lower())
        out = [forms[w] for w in words]
    return [x for x in out if x is not None]


def content_words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The normalised content words of text[start:end], in order."""
    end = len(text) if end is None else end
    return lemmas_of(TOKEN_RE.findall(text, start, end))


class _Codes(dict[str, str]):
    def __missing__(self, key: str) -> str:
        n = len(self)
        # one character a word; 0x100 keeps clear of ASCII and Latin-1, skip surrogates
        c = chr(0x100 + n if 0x100 + n < 0xD800 else 0xE000 + n)
        self[key] = c
        return c


class Encoder:
    """Maps each distinct content word to one character, so rapidfuzz compares words.

    Per document (or per pair of sentences in a benchmark): the alphabet stays small and
    an archive run never grows a global vocabulary.
    """

    __slots__ = ("codes",)

    def __init__(self) -> None:
        self.codes: dict[str, str] = _Codes()

    def encode(self, tokens: list[str]) -> str:
        return "".join(map(self.codes.__getitem__, tokens))

    def decode(self, code: str) -> list[str]:
        back = {c: w for w, c in self.codes.items()}
        return [back[c] for c in code]
