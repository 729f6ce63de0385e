"""One family for every error a user can cause: the CLI prints the message and exits 2.

Each subclass carries a one-line message naming what was wrong and where (the file, the
pack and rule, the key). Code that is not the CLI (the Python API, the editor server, batch
workers) catches `AuditorError` and reports the same line its own way.
"""

from __future__ import annotations


class AuditorError(Exception):
    """An error the user can fix (bad input, configuration, rule pack, usage): exit 2."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()) if "\n" in message else message)

    @property
    def line(self) -> str:
        """The one line to show the user."""
        return str(self)


class UsageError(AuditorError):
    """A problem with how auditor was called (an option, an unknown rule id)."""


class InputError(AuditorError):
    """A file or record that cannot be audited."""


class ConfigError(AuditorError):
    """A malformed configuration file; the message names the file and the key."""


class PackError(AuditorError):
    """A malformed rule pack; the message names the file, the rule and the problem."""


class OptionError(AuditorError):
    """A rule option of the wrong type, an unknown option key, or a bad value."""


class BaselineError(AuditorError):
    """A baseline file that cannot be read or written."""


class EngineUnavailable(AuditorError):
    """A grammar engine that was asked for and cannot run (LanguageTool not reachable)."""


class StoreError(AuditorError):
    """A results store that cannot be used (not an auditor store, locked, unwritable)."""


class ModelError(AuditorError):
    """The language model the analysis layer needs is missing or not the recorded one."""
