"""Qualification of Google Places records into opportunities (``core::qualify``)."""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, List, Mapping, Optional, Tuple, Union

from . import _core
from ._configs import Campaign, QualifyConfig, config_dict
from ._errors import QualifyError
from ._types import Result

QualifyConfigArg = Union[QualifyConfig, Mapping[str, Any], None]
CampaignArg = Union[Campaign, Mapping[str, Any], None]


@dataclasses.dataclass(frozen=True)
class Place(Result):
    """A business as the core reads it from a Places record (new or legacy API shape)."""

    place_id: str
    name: str
    website: Optional[str] = None
    phone: Optional[str] = None
    rating: Optional[float] = None
    reviews_count: Optional[int] = None
    address: Optional[str] = None
    city: Optional[str] = None


@dataclasses.dataclass(frozen=True)
class Opportunity(Result):
    """A qualified lead, shaped like a Convex ``client_opportunities`` row.

    ``to_dict()`` keeps the row's key names (``qualificationScore``, ``targetVertical``,
    ``targetGeography``); ``signals`` are every detected signal, the score counts the
    wanted ones.
    """

    name: str
    phone: str
    place_id: str
    source: str
    status: str
    target_vertical: str
    target_geography: str
    qualification_score: float
    signals: Tuple[str, ...]
    domain: Optional[str] = None
    email: Optional[str] = None
    address: Optional[str] = None
    city: Optional[str] = None
    rating: Optional[float] = None
    reviews_count: Optional[int] = None
    fit_reason: Optional[str] = None
    website: Optional[str] = None

    _keys = {
        "target_vertical": "targetVertical",
        "target_geography": "targetGeography",
        "qualification_score": "qualificationScore",
    }

    def to_dict(self) -> dict[str, Any]:
        # The core leaves unset optional fields out of the row; so do we.
        return {k: v for k, v in super().to_dict().items() if v is not None}


@dataclasses.dataclass(frozen=True)
class Discarded(Result):
    """A place dropped by the hard filter: ``discarded`` is ``missing_phone`` or
    ``invalid_phone: <why>``."""

    place_id: str
    name: str
    discarded: str


#: The result of qualifying one place.
Outcome = Union[Opportunity, Discarded]


def _outcome(data: Mapping[str, Any]) -> Outcome:
    if "discarded" in data:
        return Discarded.from_dict(data)
    return Opportunity.from_dict(data)


def parse_place(record: Mapping[str, Any]) -> Place:
    """A raw Places record → :class:`Place`; raises :class:`QualifyError` (``bad_place``)."""
    return Place.from_dict(_core.parse_place(record))


def qualify_place(
    record: Mapping[str, Any],
    *,
    config: QualifyConfigArg = None,
    campaign: CampaignArg = None,
) -> Outcome:
    """A raw Places record → an :class:`Opportunity` or a :class:`Discarded`; a record the
    core cannot read raises :class:`QualifyError`."""
    data = _core.qualify_place(
        record, config_dict(QualifyConfig, config), config_dict(Campaign, campaign)
    )
    return _outcome(data)


def qualify_places_many(
    records: Iterable[Mapping[str, Any]],
    *,
    config: QualifyConfigArg = None,
    campaign: CampaignArg = None,
) -> List[Union[Opportunity, Discarded, QualifyError]]:
    """:func:`qualify_place` over many records with the GIL released. A record the core
    refuses gives its :class:`QualifyError` in its slot (not raised), so one bad record
    does not lose the batch."""
    out = _core.qualify_places_many(
        list(records),
        config_dict(QualifyConfig, config),
        config_dict(Campaign, campaign),
    )
    results: List[Union[Opportunity, Discarded, QualifyError]] = []
    for data in out:
        if "code" in data and "error" in data:
            results.append(QualifyError(data["error"], data["code"]))
        else:
            results.append(_outcome(data))
    return results


def qualification_score(signals: Iterable[str], *, config: QualifyConfigArg = None) -> float:
    """The score of a set of signals (sum of the weights of the wanted ones)."""
    return _core.qualification_score(list(signals), config_dict(QualifyConfig, config))


def wanted_signals(*, config: QualifyConfigArg = None) -> List[str]:
    """The signals ``config`` looks for, in order."""
    return _core.wanted_signals(config_dict(QualifyConfig, config))


def select_for_audit(
    opportunities: Iterable[Union[Opportunity, Mapping[str, Any]]],
    *,
    config: QualifyConfigArg = None,
) -> List[int]:
    """Indices of the opportunities to deep-audit, best first."""
    rows = [o.to_dict() if isinstance(o, Opportunity) else dict(o) for o in opportunities]
    return _core.select_for_audit(rows, config_dict(QualifyConfig, config))
