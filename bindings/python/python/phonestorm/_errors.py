"""Exception classes: one per error kind of phonestorm-core, under one base.

Each carries the core's stable snake_case ``code`` (``err.code``). Errors caused by bad
input also subclass :class:`ValueError`, so ``except ValueError`` keeps working.
The native module raises these by name (see ``bindings/python/src/convert.rs``).
"""

from __future__ import annotations

from typing import Tuple, Type

__all__ = [
    "PhonestormError",
    "InvalidConfigError",
    "PhoneError",
    "EmailError",
    "DomainError",
    "LeadError",
    "QualifyError",
    "WorkflowError",
    "AuditError",
    "ComplianceError",
    "ReplyError",
    "MessageError",
]


class PhonestormError(Exception):
    """Base class of every error raised by phonestorm."""

    code: str

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> Tuple[Type["PhonestormError"], Tuple[str, str]]:
        # keep code across pickling (Celery results)
        return (type(self), (str(self), self.code))


class InvalidConfigError(PhonestormError, ValueError):
    """A config or input object does not have the expected shape (code ``invalid_config``)."""


class PhoneError(PhonestormError, ValueError):
    """A phone number cannot be parsed or is not a valid number (``phone::PhoneError``)."""


class EmailError(PhonestormError, ValueError):
    """An address is not a usable email (``email::EmailError``)."""


class DomainError(PhonestormError, ValueError):
    """A URL or host has no registrable domain (``domain::DomainError``)."""


class LeadError(PhonestormError, ValueError):
    """An illegal lead status change or bad lead/config value (``lead::LeadError``)."""


class QualifyError(PhonestormError, ValueError):
    """A Places record or qualify config the core refuses (``qualify::QualifyError``)."""


class WorkflowError(PhonestormError, ValueError):
    """An illegal workflow step or bad workflow input (``workflow::WorkflowError``)."""


class AuditError(PhonestormError, ValueError):
    """A site audit the core cannot run (``audit::AuditError``)."""


class ComplianceError(PhonestormError, ValueError):
    """A recipient whose zone cannot be resolved (``compliance::ComplianceError``)."""


class ReplyError(PhonestormError, ValueError):
    """A reply config the core refuses (``reply::ReplyError``)."""


class MessageError(PhonestormError, ValueError):
    """A template or message the core refuses (``message::MessageError``)."""
