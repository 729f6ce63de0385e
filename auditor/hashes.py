"""SHA-256 and BLAKE2b without OpenSSL: `import hashlib` loads libcrypto, 5-10 ms of a
cold start; Python's builtin implementations give the same digests at no import cost."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hashlib import blake2b, sha256
else:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:  # other Pythons: hashlib's
        from hashlib import sha256
    try:
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b

__all__ = ["blake2b", "sha256"]
