"""Keep lemminflect from importing spaCy at its own import.

lemminflect, when spaCy is installed, imports it (3-4 s) to add `._.lemma` and
`._.inflect` to spaCy's tokens. auditor never uses them, and most runs never need spaCy: the
analysis layer loads it only for a sentence a rule asks it to parse. This finder makes
`import spacy` fail while lemminflect's own module is still being executed, and only then;
any later `import spacy` goes through.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder
from typing import Any


class HideSpacyFromLemminflect(MetaPathFinder):
    def find_spec(self, fullname: str, *args: Any, **kwargs: Any) -> None:
        if fullname != "spacy":
            return None
        lemminflect = sys.modules.get("lemminflect")
        spec = getattr(lemminflect, "__spec__", None)
        if getattr(spec, "_initializing", False):
            raise ImportError("auditor: spaCy is not imported by lemminflect")
        return None


def install() -> None:
    if not any(isinstance(f, HideSpacyFromLemminflect) for f in sys.meta_path):
        sys.meta_path.insert(0, HideSpacyFromLemminflect())
