"""phonestorm: phone, email and lead intelligence for business leads (Rust core).

Every decision is made by ``phonestorm-core`` (Rust); this package is a thin, typed layer
over the native module ``phonestorm._core``. Results are frozen objects with ``to_dict()``
(the core's JSON shape); configs are built from keyword arguments or dicts; functions
named ``*_many`` work on many inputs at once without holding the GIL.

Areas (one private module each): phones (this file, ``_types``), emails (``_email``),
domains (``_domain``), leads (``_lead``), qualification (``_qualify``), the workflow
(``_workflow``), audits (``_audit``), compliance (``_compliance``), replies (``_reply``)
and messages (``_message``); configs are in ``_configs``, errors in ``_errors``. Every
config argument takes its config object (``QualifyConfig(criteria=[...])``), a dict of
the same options, or None for the core's defaults.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _core
from ._errors import (
    AuditError,
    ComplianceError,
    DomainError,
    EmailError,
    InvalidConfigError,
    LeadError,
    MessageError,
    PhoneError,
    PhonestormError,
    QualifyError,
    ReplyError,
    WorkflowError,
)
from ._configs import (
    EmailConfig,
    DomainConfig,
    RankConfig,
    LeadConfig,
    QualifyConfig,
    Campaign,
    SourceConfig,
    ProgressConfig,
    RetryPolicy,
    FitConfig,
    AuditConfig,
    Policy,
    ReplyConfig,
    SmsConfig,
    SuggestConfig,
)
from ._email import (
    EmailFinding,
    EmailAddress,
    extract_emails,
    extract_emails_many,
    extract_emails_text,
    validate_email,
    decode_cfemail,
)
from ._domain import (
    PSL_VERSION,
    DomainInfo,
    Candidate,
    Dropped,
    Deduped,
    analyze_domain,
    canonical_domain,
    host_of,
    rank_results,
    dedupe_places,
)
from ._lead import (
    DomainRetry,
    Priority,
    CyclePlan,
    next_status,
    mark_outbound_sent,
    is_customer_visible,
    check_lead,
    lead_priority,
    plan_cycle,
    is_high_value,
    admin_filter,
)
from ._qualify import (
    Place,
    Opportunity,
    Discarded,
    Outcome,
    parse_place,
    qualify_place,
    qualify_places_many,
    qualification_score,
    wanted_signals,
    select_for_audit,
)
from ._workflow import (
    PhaseState,
    OpportunityCounts,
    LeadGenFlow,
    text_query,
    clamp_num_leads,
    transition_opportunity,
    opportunity_counts,
    progress,
    retry_delay_ms,
    retry_schedule_ms,
)
from ._audit import (
    Gap,
    AuditReport,
    ResolvedSignals,
    audit_site,
    resolve_signals,
    fit_reason,
)
from ._compliance import (
    Reason,
    SendDecision,
    ResolvedZones,
    AreaZones,
    Holiday,
    check_send,
    check_send_many,
    is_allowed_at,
    resolve_zones,
    area_zones,
    federal_holidays,
)
from ._reply import (
    REPLY_MAX_CHARS,
    ReplyClassification,
    KeywordMatch,
    IntentGuess,
    classify_reply,
    classify_reply_many,
    decide_reply,
    detect_keyword,
    intent_by_keywords,
    reply_sentiment,
    normalize_reply,
    reply_tokens,
)
from ._message import (
    DEFAULT_EMAIL_MAX_WORDS,
    Segments,
    Sms,
    ComposedEmail,
    render_template,
    template_variables,
    sms_segments,
    gsm_safe,
    is_gsm,
    compose_sms,
    compose_email,
    clean_llm_output,
    confidence_tag,
    suggested_sms,
    suggested_call_script,
)
from ._types import (
    AreaCode,
    Classification,
    Config,
    Finding,
    LeadPhoneFields,
    PhoneNumber,
    Result,
    ScoreConfig,
    ScoredNumber,
    SiteScore,
    Sighting,
)

__version__: str = _core.__version__
#: Version of the numbering data the NANP table was generated from.
NANP_SOURCE_VERSION: str = _core.NANP_SOURCE_VERSION

__all__ = [
    "__version__",
    "NANP_SOURCE_VERSION",
    # errors
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
    # objects
    "Result",
    "Config",
    "AreaCode",
    "Finding",
    "PhoneNumber",
    "Classification",
    "Sighting",
    "ScoredNumber",
    "LeadPhoneFields",
    "SiteScore",
    "ScoreConfig",
    # functions
    "area_code",
    "normalize",
    "normalize_many",
    "parse",
    "classify",
    "score_site",
    "extract_phones_text",
    "extract_phones_text_many",
    "extract_phones",
    "extract_phones_many",
    # configs
    "EmailConfig",
    "DomainConfig",
    "RankConfig",
    "LeadConfig",
    "QualifyConfig",
    "Campaign",
    "SourceConfig",
    "ProgressConfig",
    "RetryPolicy",
    "FitConfig",
    "AuditConfig",
    "Policy",
    "ReplyConfig",
    "SmsConfig",
    "SuggestConfig",
    # email
    "EmailFinding",
    "EmailAddress",
    "extract_emails",
    "extract_emails_many",
    "extract_emails_text",
    "validate_email",
    "decode_cfemail",
    # domain
    "PSL_VERSION",
    "DomainInfo",
    "Candidate",
    "Dropped",
    "Deduped",
    "analyze_domain",
    "canonical_domain",
    "host_of",
    "rank_results",
    "dedupe_places",
    # lead
    "DomainRetry",
    "Priority",
    "CyclePlan",
    "next_status",
    "mark_outbound_sent",
    "is_customer_visible",
    "check_lead",
    "lead_priority",
    "plan_cycle",
    "is_high_value",
    "admin_filter",
    # qualify
    "Place",
    "Opportunity",
    "Discarded",
    "Outcome",
    "parse_place",
    "qualify_place",
    "qualify_places_many",
    "qualification_score",
    "wanted_signals",
    "select_for_audit",
    # workflow
    "PhaseState",
    "OpportunityCounts",
    "LeadGenFlow",
    "text_query",
    "clamp_num_leads",
    "transition_opportunity",
    "opportunity_counts",
    "progress",
    "retry_delay_ms",
    "retry_schedule_ms",
    # audit
    "Gap",
    "AuditReport",
    "ResolvedSignals",
    "audit_site",
    "resolve_signals",
    "fit_reason",
    # compliance
    "Reason",
    "SendDecision",
    "ResolvedZones",
    "AreaZones",
    "Holiday",
    "check_send",
    "check_send_many",
    "is_allowed_at",
    "resolve_zones",
    "area_zones",
    "federal_holidays",
    # reply
    "REPLY_MAX_CHARS",
    "ReplyClassification",
    "KeywordMatch",
    "IntentGuess",
    "classify_reply",
    "classify_reply_many",
    "decide_reply",
    "detect_keyword",
    "intent_by_keywords",
    "reply_sentiment",
    "normalize_reply",
    "reply_tokens",
    # message
    "DEFAULT_EMAIL_MAX_WORDS",
    "Segments",
    "Sms",
    "ComposedEmail",
    "render_template",
    "template_variables",
    "sms_segments",
    "gsm_safe",
    "is_gsm",
    "compose_sms",
    "compose_email",
    "clean_llm_output",
    "confidence_tag",
    "suggested_sms",
    "suggested_call_script",
]


def _plain(value: Any) -> Any:
    if isinstance(value, (Result, Config)):
        return value.to_dict()
    return value


def area_code(npa: int) -> Optional[AreaCode]:
    """The assigned NANP area code ``npa`` (e.g. 305), or None when unassigned."""
    data = _core.area_code(npa)
    return None if data is None else AreaCode.from_dict(data)


def normalize(text: str, region: str = "US") -> str:
    """``text`` as an E.164 string (``"(305) 555-0123"`` → ``"+13055550123"``).

    ``region`` is the ISO 3166 region for numbers written without ``+``.
    Raises :class:`PhoneError` (a ``ValueError``) with the core's ``code``.
    """
    return _core.normalize(text, region)


def parse(text: str, region: str = "US") -> PhoneNumber:
    """Like :func:`normalize`, keeping the extension."""
    return PhoneNumber.from_dict(_core.parse(text, region))


def normalize_many(texts: Iterable[str], region: str = "US") -> List[Optional[str]]:
    """E.164 for each string, or None where it is not a valid number (GIL released)."""
    return _core.normalize_many(list(texts), region)


def classify(
    number: Union[str, PhoneNumber],
    *,
    roles: Sequence[str] = (),
    line_type: Optional[Mapping[str, str]] = None,
) -> Classification:
    """Line type of ``number`` from its digits, the labels it was seen with (``roles``:
    ``main``, ``fax``, ``tollfree``, ``mobile``, ``sms``, ``other``) and outside
    line-type data (``{"phone_type": ..., "source": ...}``)."""
    if isinstance(number, str):
        number = parse(number)
    data = _core.classify(
        number.to_dict(), {"roles": list(roles), "line_type": _plain(line_type)}
    )
    return Classification.from_dict(data)


def score_site(
    sightings: Iterable[Union[Sighting, Mapping[str, Any]]],
    domain_counts: Optional[Mapping[str, int]] = None,
    config: Union[ScoreConfig, Mapping[str, Any], None] = None,
) -> SiteScore:
    """Scores every number seen on a site and picks the best one.

    ``domain_counts`` maps E.164 → number of domains the number was seen on (from the
    registry); ``config`` is a :class:`ScoreConfig` or a dict of its options.
    """
    items = [_plain(s) for s in sightings]
    if config is not None and not isinstance(config, ScoreConfig):
        config = ScoreConfig(config)
    data = _core.score_site(items, domain_counts, _plain(config))
    return SiteScore.from_dict(data)


def _options(base_url: Optional[str], page_kind: Optional[str]) -> Optional[Dict[str, Any]]:
    if base_url is None and page_kind is None:
        return None
    return {"base_url": base_url, "page_kind": page_kind}


def extract_phones_text(
    text: str, *, base_url: Optional[str] = None, page_kind: Optional[str] = None
) -> List[Finding]:
    """Numbers in plain text, classified and scored; ``text[f.start:f.end] == f.raw``.

    ``page_kind`` is ``home``, ``contact``, ``about`` or ``other`` (default).
    """
    return [Finding(**f) for f in _core.extract_phones_text(text, _options(base_url, page_kind))]


def extract_phones_text_many(
    texts: Iterable[str], *, base_url: Optional[str] = None, page_kind: Optional[str] = None
) -> List[List[Finding]]:
    """:func:`extract_phones_text` over many texts at once, with the GIL released."""
    found = _core.extract_phones_text_many(list(texts), _options(base_url, page_kind))
    return [[Finding(**f) for f in page] for page in found]


def extract_phones(
    html: str, *, base_url: Optional[str] = None, page_kind: Optional[str] = None
) -> List[Finding]:
    """Numbers on an HTML page (``tel:`` links, schema.org, header/footer, headings, body
    text), classified and scored together; scripts and styles are ignored.

    ``base_url`` names the page (and helps guess its kind); ``page_kind`` is ``home``,
    ``contact``, ``about`` or ``other`` (default: guessed from URL and title).
    ``start``/``end`` are None (offsets are for :func:`extract_phones_text`).
    """
    return [Finding(**f) for f in _core.extract_phones(html, _options(base_url, page_kind))]


def extract_phones_many(
    pages: Iterable[str], *, base_url: Optional[str] = None, page_kind: Optional[str] = None
) -> List[List[Finding]]:
    """:func:`extract_phones` over many pages at once, with the GIL released."""
    found = _core.extract_phones_many(list(pages), _options(base_url, page_kind))
    return [[Finding(**f) for f in page] for page in found]
