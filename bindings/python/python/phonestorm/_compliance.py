"""Compliance: may this message go to this recipient now (``core::compliance``).

Shapes are the compliance corpus's (``testdata/README.md``): a recipient ``{phone, email,
state, zone, dnc_listed, business, consent}``, an outgoing message ``{channel, campaign_id,
subject, user_id, manual}`` (default: an SMS), a history ``{messages, opt_outs, opt_ins}``,
instants as RFC 3339 strings.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import _core
from ._configs import Policy, config_dict
from ._types import Result

PolicyArg = Union[Policy, Mapping[str, Any], None]


@dataclasses.dataclass(frozen=True)
class Reason(Result):
    """Why a send was deferred or denied: the stable ``code``, a sentence, and the
    reason's own fields (``details``: state, window, cap... as the core reports them)."""

    code: str
    explanation: str
    # A plain dict (picklable for task queues); left out of the hash so reasons hash.
    details: Dict[str, Any] = dataclasses.field(default_factory=dict, hash=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Reason":
        rest = {k: v for k, v in data.items() if k not in ("code", "explanation")}
        return cls(data["code"], data["explanation"], rest)

    def to_dict(self) -> Dict[str, Any]:
        return {"code": self.code, **self.details, "explanation": self.explanation}


@dataclasses.dataclass(frozen=True)
class SendDecision(Result):
    """``decision`` is ``allow``, ``defer`` (then ``until``: the next allowed instant,
    RFC 3339) or ``deny``; ``reasons`` explain it."""

    decision: str
    until: Optional[str]
    reasons: Tuple[Reason, ...]

    _nested = {"reasons": Reason}

    @property
    def allowed(self) -> bool:
        """True when the message may go now."""
        return self.decision == "allow"

    @property
    def codes(self) -> Tuple[str, ...]:
        """The reason codes, in order."""
        return tuple(r.code for r in self.reasons)


@dataclasses.dataclass(frozen=True)
class ResolvedZones(Result):
    """A recipient's state and candidate IANA zones, and where they came from."""

    state: Optional[str]
    zones: Tuple[str, ...]
    source: str


@dataclasses.dataclass(frozen=True)
class AreaZones(Result):
    """The zones and state of an area code after the reviewed overrides."""

    npa: int
    state: str
    region: str
    zones: Tuple[str, ...]
    overridden: bool


@dataclasses.dataclass(frozen=True)
class Holiday(Result):
    """One holiday: ISO date and name (``"Independence Day (observed)"``)."""

    date: str
    name: str


def _request(
    recipient: Mapping[str, Any],
    at: str,
    outgoing: Optional[Mapping[str, Any]],
    history: Optional[Mapping[str, Any]],
    policy: PolicyArg,
) -> Dict[str, Any]:
    request: Dict[str, Any] = {"recipient": recipient, "at": at}
    if outgoing is not None:
        request["outgoing"] = outgoing
    if history is not None:
        request["history"] = history
    if policy is not None:
        request["policy"] = config_dict(Policy, policy)
    return request


def check_send(
    recipient: Mapping[str, Any],
    at: str,
    *,
    outgoing: Optional[Mapping[str, Any]] = None,
    history: Optional[Mapping[str, Any]] = None,
    policy: PolicyArg = None,
) -> SendDecision:
    """Whether a message may go to ``recipient`` at ``at`` (RFC 3339), per the core's
    rules (TCPA hours, state rules, holidays, caps, DNC, opt-outs, consent). ``policy``
    is a :class:`Policy` or a partial dict (missing fields take the defaults). Bad shapes
    raise :class:`InvalidConfigError`."""
    report = _core.check_send(_request(recipient, at, outgoing, history, policy))
    return SendDecision.from_dict(report)


def check_send_many(
    requests: Iterable[Mapping[str, Any]], *, policy: PolicyArg = None
) -> List[SendDecision]:
    """Many sends at once with the GIL released. Each request is ``{recipient, at,
    outgoing?, history?, policy?}``; those without a ``policy`` use ``policy``."""
    reports = _core.check_send_many(list(requests), config_dict(Policy, policy))
    return [SendDecision.from_dict(r) for r in reports]


def is_allowed_at(
    recipient: Mapping[str, Any],
    at: str,
    *,
    outgoing: Optional[Mapping[str, Any]] = None,
    history: Optional[Mapping[str, Any]] = None,
    policy: PolicyArg = None,
) -> bool:
    """Whether :func:`check_send` would allow the message."""
    return _core.is_allowed_at(_request(recipient, at, outgoing, history, policy))


def resolve_zones(recipient: Mapping[str, Any], *, policy: PolicyArg = None) -> ResolvedZones:
    """The recipient's state and candidate zones; raises :class:`ComplianceError`."""
    return ResolvedZones.from_dict(
        _core.resolve_zones(recipient, config_dict(Policy, policy))
    )


def area_zones(npa: int) -> Optional[AreaZones]:
    """The zones of area code ``npa``, or None when it has none."""
    data = _core.area_zones(npa)
    return None if data is None else AreaZones.from_dict(data)


def federal_holidays(year: int) -> List[Holiday]:
    """The US federal holidays of ``year`` with their observed days."""
    return [Holiday.from_dict(h) for h in _core.federal_holidays(year)]
