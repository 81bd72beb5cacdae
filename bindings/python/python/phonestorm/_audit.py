"""Website audits: gaps, deep signals, the fit reason (``core::audit``)."""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Mapping, Optional, Tuple, Union

from . import _core
from ._configs import AuditConfig, FitConfig, QualifyConfig, config_dict
from ._email import EmailFinding
from ._types import Result


@dataclasses.dataclass(frozen=True)
class Gap(Result):
    """One gap, shaped like seed 001's ``audit_dossier.identified_gaps[]``: the signal
    name, what was found, the page that shows it."""

    key: str
    value: str
    source_url: Optional[str]


@dataclasses.dataclass(frozen=True)
class AuditReport(Result):
    """What an audit of one site found: gaps (in signal order), their deep signals, the
    usable emails (page order), the email to contact, pages audited."""

    gaps: Tuple[Gap, ...]
    signals: Tuple[str, ...]
    emails: Tuple[EmailFinding, ...]
    best_email: Optional[str]
    pages: int

    _nested = {"gaps": Gap, "emails": EmailFinding}


@dataclasses.dataclass(frozen=True)
class ResolvedSignals(Result):
    """Initial and deep signals merged; ``confirmed``: a wanted deep gap confirmed
    ``NEEDS_WEB_AUDIT``."""

    signals: Tuple[str, ...]
    confirmed: bool


def audit_site(
    pages: Iterable[Mapping[str, str]],
    current_year: int,
    *,
    config: Union[AuditConfig, Mapping[str, Any], None] = None,
) -> AuditReport:
    """Pages ``[{url, html}]`` of one site → :class:`AuditReport` (GIL released); raises
    :class:`AuditError` (``no_pages``...)."""
    report = _core.audit_site(
        list(pages), current_year, config_dict(AuditConfig, config)
    )
    return AuditReport.from_dict(report)


def resolve_signals(
    initial: Iterable[str],
    deep: Iterable[str],
    *,
    config: Union[QualifyConfig, Mapping[str, Any], None] = None,
) -> ResolvedSignals:
    """Places signals + audit signals → the opportunity's signals under the qualify config."""
    out = _core.resolve_signals(list(initial), list(deep), config_dict(QualifyConfig, config))
    return ResolvedSignals.from_dict(out)


def fit_reason(
    signals: Iterable[str], *, config: Union[FitConfig, Mapping[str, Any], None] = None
) -> str:
    """Signals → the opportunity's ``fit_reason`` sentence; raises :class:`AuditError`."""
    return _core.fit_reason(list(signals), config_dict(FitConfig, config))
