"""Exception classes: one per error kind of phonestorm-core, under one base.

Each carries the core's stable snake_case ``code`` (``err.code``). Errors caused by bad
input also subclass :class:`ValueError`, so ``except ValueError`` keeps working.
The native module raises these by name (see ``bindings/python/src/convert.rs``).
"""

from __future__ import annotations

__all__ = [
    "PhonestormError",
    "InvalidConfigError",
    "PhoneError",
]


class PhonestormError(Exception):
    """Base class of every error raised by phonestorm."""

    code: str

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self):  # keep code across pickling (Celery results)
        return (type(self), (str(self), self.code))


class InvalidConfigError(PhonestormError, ValueError):
    """A config or input object does not have the expected shape (code ``invalid_config``)."""


class PhoneError(PhonestormError, ValueError):
    """A phone number cannot be parsed or is not a valid number (``phone::PhoneError``)."""
