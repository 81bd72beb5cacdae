"""Emails: extraction from pages and text, validation of one address (``core::email``)."""

from __future__ import annotations

import dataclasses
from typing import Iterable, List, Optional, Union, Mapping, Any

from . import _core
from ._configs import EmailConfig, config_dict
from ._types import Result

EmailConfigArg = Union[EmailConfig, Mapping[str, Any], None]


@dataclasses.dataclass(frozen=True)
class EmailFinding(Result):
    """One address found on a page.

    ``kind``: ``personal``, ``role`` or ``no_reply``; ``source``: ``mailto``, ``schema``,
    ``cloudflare``, ``plain`` or ``obfuscated``; ``placement``: ``body``, ``footer``,
    ``header``, ``heading`` or ``schema``; ``placeholder``: a template address
    (``you@example.com``), never a real contact.
    """

    email: str
    domain: str
    kind: str
    source: str
    placement: str
    page_kind: str
    page: Optional[str]
    placeholder: bool


@dataclasses.dataclass(frozen=True)
class EmailAddress(Result):
    """A validated address (domain lowercased) and its kind."""

    address: str
    domain: str
    kind: str
    placeholder: bool


def _options(base_url: Optional[str], page_kind: Optional[str]) -> Optional[Mapping[str, Any]]:
    if base_url is None and page_kind is None:
        return None
    return {"base_url": base_url, "page_kind": page_kind}


def extract_emails(
    html: str,
    *,
    base_url: Optional[str] = None,
    page_kind: Optional[str] = None,
    config: EmailConfigArg = None,
) -> List[EmailFinding]:
    """Addresses on an HTML page (mailto links, schema.org, Cloudflare-protected, plain and
    ``[at]``-obfuscated text), validated and classified, in page order."""
    found = _core.extract_emails(
        html, _options(base_url, page_kind), config_dict(EmailConfig, config)
    )
    return [EmailFinding.from_dict(f) for f in found]


def extract_emails_many(
    pages: Iterable[str],
    *,
    base_url: Optional[str] = None,
    page_kind: Optional[str] = None,
    config: EmailConfigArg = None,
) -> List[List[EmailFinding]]:
    """:func:`extract_emails` over many pages at once, with the GIL released."""
    found = _core.extract_emails_many(
        list(pages), _options(base_url, page_kind), config_dict(EmailConfig, config)
    )
    return [[EmailFinding.from_dict(f) for f in page] for page in found]


def extract_emails_text(text: str, *, config: EmailConfigArg = None) -> List[EmailFinding]:
    """Addresses in plain text (``page`` is None)."""
    found = _core.extract_emails_text(text, config_dict(EmailConfig, config))
    return [EmailFinding.from_dict(f) for f in found]


def validate_email(candidate: str, *, config: EmailConfigArg = None) -> EmailAddress:
    """Validates and classifies one address; raises :class:`EmailError` (``syntax``,
    ``bad_domain``, ``asset_name``, ``version_string``, ``tracking``, ``encoded``...)."""
    return EmailAddress.from_dict(_core.validate_email(candidate, config_dict(EmailConfig, config)))


def decode_cfemail(hex: str) -> str:
    """A Cloudflare ``data-cfemail`` hex string → the address; raises :class:`EmailError`."""
    return _core.decode_cfemail(hex)
