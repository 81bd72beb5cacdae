"""The lead-generation workflow: source query, opportunity lifecycle, the ``lead_gen_flow``
state machine, progress and retries (``core::workflow``)."""

from __future__ import annotations

import dataclasses
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import _core
from ._configs import ProgressConfig, RetryPolicy, SourceConfig, config_dict
from ._types import Result

ProgressArg = Union[ProgressConfig, Mapping[str, Any], None]
RetryArg = Union[RetryPolicy, Mapping[str, Any], None]


@dataclasses.dataclass(frozen=True)
class PhaseState(Result):
    """A phase (``source``, ``filter_rank``, ``persist_leads``, ``scrape_content``,
    ``generate_dossier``, ``finalize_rank``) and its status (``pending``,
    ``in_progress``, ``complete``, ``error``)."""

    name: str
    status: str


@dataclasses.dataclass(frozen=True)
class OpportunityCounts(Result):
    """Opportunities of a run per status."""

    sourced: int = 0
    scraping: int = 0
    data_ready: int = 0
    auditing: int = 0
    ready: int = 0
    contacted: int = 0


@dataclasses.dataclass(frozen=True)
class LeadGenFlow(Result):
    """One ``lead_gen_flow`` run as immutable data: phase states, opportunities as
    ``(status, has_website)`` pairs, run status (``running``, ``completed``, ``failed``)
    and the UI's ``last_event``. :meth:`apply` returns the next state; the core decides
    which events are legal."""

    phases: Tuple[PhaseState, ...]
    opportunities: Tuple[Tuple[str, bool], ...]
    status: str
    last_event: Optional[str]

    _nested = {"phases": PhaseState}

    @classmethod
    def new(cls) -> "LeadGenFlow":
        """A new run: every phase pending."""
        return cls.from_dict(_core.flow_new())

    def apply(self, event: Union[str, Mapping[str, Any]], **fields: Any) -> "LeadGenFlow":
        """The run after ``event``: ``flow.apply("start_phase", phase="source")`` or the
        FlowEvent dict ``{"event": "start_phase", "phase": "source"}``. Raises
        :class:`WorkflowError` (``illegal_phase``, ``illegal_transition``,
        ``unknown_opportunity``...) when the core refuses it."""
        payload = {"event": event} if isinstance(event, str) else dict(event)
        payload.update(fields)
        return LeadGenFlow.from_dict(_core.flow_apply(self.to_dict(), payload))

    def progress(self, *, config: ProgressArg = None) -> float:
        """The run's progress in [0, 1]."""
        return _core.flow_progress(self.to_dict(), config_dict(ProgressConfig, config))

    def counts(self) -> OpportunityCounts:
        """The run's opportunities per status."""
        return OpportunityCounts.from_dict(_core.flow_counts(self.to_dict()))


def text_query(target_vertical: str, target_geography: str) -> str:
    """The Places text query (``"plumber in Miami, FL"``); raises :class:`WorkflowError`."""
    return _core.text_query(target_vertical, target_geography)


def clamp_num_leads(
    num_leads: int, *, config: Union[SourceConfig, Mapping[str, Any], None] = None
) -> int:
    """``num_leads`` clamped to the source's maximum; raises :class:`WorkflowError`
    (``zero_leads``)."""
    return _core.clamp_num_leads(num_leads, config_dict(SourceConfig, config))


def transition_opportunity(from_status: str, to_status: str, has_website: bool) -> str:
    """An opportunity's next status; raises :class:`WorkflowError` (``illegal_transition``)."""
    return _core.transition(from_status, to_status, has_website)


def opportunity_counts(statuses: Iterable[str]) -> OpportunityCounts:
    """Opportunity statuses → counts per status."""
    return OpportunityCounts.from_dict(_core.opportunity_counts(list(statuses)))


def progress(
    phases: Iterable[Union[PhaseState, Mapping[str, Any]]],
    counts: Union[OpportunityCounts, Mapping[str, int]],
    *,
    config: ProgressArg = None,
) -> float:
    """Phase states + opportunity counts → the run's progress in [0, 1]."""
    items = [p.to_dict() if isinstance(p, PhaseState) else dict(p) for p in phases]
    plain: Dict[str, int] = counts.to_dict() if isinstance(counts, OpportunityCounts) else dict(counts)
    return _core.progress(items, plain, config_dict(ProgressConfig, config))


def retry_delay_ms(retry: int, *, seed: int = 0, policy: RetryArg = None) -> Optional[int]:
    """Delay before retry number ``retry`` (0-based, jitter from ``seed``), or None when
    the retries are used up."""
    return _core.retry_delay_ms(retry, seed, config_dict(RetryPolicy, policy))


def retry_schedule_ms(*, seed: int = 0, policy: RetryArg = None) -> List[int]:
    """Every retry delay of the policy, in order."""
    return _core.retry_schedule_ms(seed, config_dict(RetryPolicy, policy))
