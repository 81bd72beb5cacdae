"""Domains: canonical domains and site kinds, ranking search results, de-duplicating
places (``core::domain``)."""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, List, Mapping, Optional, Tuple, Union

from . import _core
from ._configs import DomainConfig, RankConfig, config_dict
from ._types import Result

#: Version (date) of the Public Suffix List compiled into the core.
PSL_VERSION: str = _core.PSL_VERSION


@dataclasses.dataclass(frozen=True)
class DomainInfo(Result):
    """What the core knows about one URL: ``kind`` is ``own``, ``site_builder``, ``social``
    or ``directory``; ``identity`` tells one social/directory listing from another."""

    host: str
    domain: str
    suffix: str
    kind: str
    identity: str


@dataclasses.dataclass(frozen=True)
class Candidate(Result):
    """A search result ranked as the business's website (``confidence`` in 0..1,
    ``reasons`` as short codes, ``position`` in the input list)."""

    url: str
    domain: str
    kind: str
    confidence: float
    reasons: Tuple[str, ...]
    position: int


@dataclasses.dataclass(frozen=True)
class Dropped(Result):
    """An item dropped as a duplicate: which ``key`` (``place_id`` or ``domain``) repeated."""

    index: int
    key: str
    value: str


@dataclasses.dataclass(frozen=True)
class Deduped(Result):
    """Indices kept (first of each place id or site identity) and the ones dropped."""

    kept: Tuple[int, ...]
    dropped: Tuple[Dropped, ...]

    _nested = {"dropped": Dropped}


def analyze_domain(
    url: str, *, config: Union[DomainConfig, Mapping[str, Any], None] = None
) -> DomainInfo:
    """A URL or host → its canonical domain and site kind; raises :class:`DomainError`
    (``empty``, ``invalid_url``, ``no_host``, ``ip_address``, ``not_registrable``)."""
    return DomainInfo.from_dict(_core.analyze_domain(url, config_dict(DomainConfig, config)))


def canonical_domain(url: str) -> str:
    """A URL or host → its registrable domain (``https://www.joes.co.uk/x`` → ``joes.co.uk``)."""
    return _core.canonical_domain(url)


def host_of(url: str) -> str:
    """A URL or host → its lower-case host."""
    return _core.host_of(url)


def rank_results(
    business: Mapping[str, Any],
    results: Iterable[Mapping[str, Any]],
    *,
    config: Union[RankConfig, Mapping[str, Any], None] = None,
) -> List[Candidate]:
    """Search results (``{url, title, snippet}``) for ``business`` (``{name, city,
    vertical, phone}``) → candidates, best first."""
    ranked = _core.rank_results(business, list(results), config_dict(RankConfig, config))
    return [Candidate.from_dict(c) for c in ranked]


def dedupe_places(
    items: Iterable[Mapping[str, Any]],
    *,
    config: Union[DomainConfig, Mapping[str, Any], None] = None,
) -> Deduped:
    """Items ``{place_id, website}`` → the first of each place id or site identity kept."""
    kept, dropped = _core.dedupe_places(list(items), config_dict(DomainConfig, config))
    return Deduped.from_dict({"kept": kept, "dropped": dropped})
