"""Leads: enrichment status, priority, autopilot cycle plan, admin filters (``core::lead``).

Leads are LeadEvent dicts in the core's snake_case shape (``id``, ``enrichment_status``,
``lead_phone_e164``, ``phone_confidence``, ``phone_type``, ``domain``,
``domain_attempts``, ``last_domain_attempt_at_ms``, ``created_at_ms``...). Statuses are
SCREAMING_SNAKE_CASE strings (``PENDING``, ``WITH_PHONE_ONLY``, ``ENRICHED_NO_OUTBOUND``...).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, List, Mapping, Optional, Tuple, Union

from . import _core
from ._configs import LeadConfig, config_dict
from ._types import Result

LeadConfigArg = Union[LeadConfig, Mapping[str, Any], None]


@dataclasses.dataclass(frozen=True)
class DomainRetry(Result):
    """Domain discovery by phone: ``state`` is ``not_needed``, ``due``, ``wait_until``
    (then ``at_ms``, Unix ms) or ``exhausted``."""

    state: str
    at_ms: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"state": self.state}
        if self.at_ms is not None:
            out["at_ms"] = self.at_ms
        return out


@dataclasses.dataclass(frozen=True)
class Priority(Result):
    """A lead's processing priority: ``tier`` (``phone_and_domain``, ``phone_only``,
    ``no_phone``, ``done``), ``urgency`` within the tier, domain retry state, whether to
    process it now."""

    tier: str
    urgency: float
    domain_retry: DomainRetry
    actionable: bool

    _nested = {"domain_retry": DomainRetry}


@dataclasses.dataclass(frozen=True)
class CyclePlan(Result):
    """One autopilot cycle: indices of the leads to process (in order) and to archive."""

    process: Tuple[int, ...]
    archive: Tuple[int, ...]


def next_status(current: str, has_phone: bool, has_email: bool) -> str:
    """The status after an enrichment pass; an unknown status raises
    :class:`InvalidConfigError`."""
    return _core.next_status(current, has_phone, has_email)


def mark_outbound_sent(current: str) -> str:
    """The status after an outbound message; raises :class:`LeadError`
    (``illegal_transition``)."""
    return _core.mark_outbound_sent(current)


def is_customer_visible(status: str, *, config: LeadConfigArg = None) -> bool:
    """Whether customers see leads in ``status`` (never ``WITH_PHONE_ONLY``)."""
    return _core.is_customer_visible(status, config_dict(LeadConfig, config))


def check_lead(lead: Mapping[str, Any]) -> None:
    """Checks a LeadEvent; raises :class:`LeadError` (``invalid_confidence``...)."""
    _core.check_lead(lead)


def lead_priority(
    lead: Mapping[str, Any], now_ms: int, *, config: LeadConfigArg = None
) -> Priority:
    """The lead's priority at ``now_ms`` (Unix ms)."""
    return Priority.from_dict(_core.priority(lead, now_ms, config_dict(LeadConfig, config)))


def plan_cycle(
    leads: Iterable[Mapping[str, Any]], now_ms: int, *, config: LeadConfigArg = None
) -> CyclePlan:
    """Which leads to process this cycle and which to archive (GIL released)."""
    plan = _core.plan_cycle(list(leads), now_ms, config_dict(LeadConfig, config))
    return CyclePlan.from_dict(plan)


def is_high_value(lead: Mapping[str, Any], *, config: LeadConfigArg = None) -> bool:
    """Whether the lead is a high-value phone lead (confidence and line type)."""
    return _core.is_high_value(lead, config_dict(LeadConfig, config))


def admin_filter(
    leads: Iterable[Mapping[str, Any]], filter: str, *, config: LeadConfigArg = None
) -> List[int]:
    """Indices of the leads an admin filter (``WITH_PHONE_ONLY``, ``PHONE_HIGH_VALUE``) shows."""
    return _core.admin_filter(list(leads), filter, config_dict(LeadConfig, config))
