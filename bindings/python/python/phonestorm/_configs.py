"""Config objects for every core area: the core's defaults, overridden by keyword arguments
or a dict, checked by the core when built (see :class:`phonestorm.Config`).

Option names are the core's serde names (``testdata/README.md``, the core's docs);
``XConfig().to_dict()`` lists them with their defaults.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Type, TypeVar, Union

from ._errors import InvalidConfigError
from ._types import Config

C = TypeVar("C", bound=Config)


class EmailConfig(Config):
    """Role mailboxes, placeholder and reserved domains, asset extensions, result limit."""

    __slots__ = ()
    _kind = "email"


class DomainConfig(Config):
    """Social, directory and site-builder domain lists."""

    __slots__ = ()
    _kind = "domain"


class RankConfig(Config):
    """Weights for ranking search results as a business's website."""

    __slots__ = ()
    _kind = "rank"


class LeadConfig(Config):
    """Customer-visible statuses, domain retry schedule, cycle sizes, high-value rules."""

    __slots__ = ()
    _kind = "lead"


class QualifyConfig(Config):
    """Signal weights, criteria (wanted signals), low-rating thresholds, audit selection."""

    __slots__ = ()
    _kind = "qualify"


class Campaign(Config):
    """The campaign a place is qualified for (``targetVertical``, ``targetGeography``)."""

    __slots__ = ()
    _kind = "campaign"


class SourceConfig(Config):
    """Limits of the Places source (``max_leads``)."""

    __slots__ = ()
    _kind = "source"


class ProgressConfig(Config):
    """Phase weights of the lead-generation run's progress."""

    __slots__ = ()
    _kind = "progress"


class RetryPolicy(Config):
    """Exponential backoff: ``max_retries``, ``base_delay_ms``, ``multiplier``,
    ``max_delay_ms``, ``jitter``."""

    __slots__ = ()
    _kind = "retry"


class FitConfig(Config):
    """The phrases of the ``fit_reason`` sentence, per signal."""

    __slots__ = ()
    _kind = "fit"


class AuditConfig(Config):
    """Call-to-action phrases, LocalBusiness schema types, stale-copyright age."""

    __slots__ = ()
    _kind = "audit"


class Policy(Config):
    """Compliance policy: state rules (hours, caps), holidays, zone overrides, consent."""

    __slots__ = ()
    _kind = "policy"


class ReplyConfig(Config):
    """Opt-out/opt-in/help keywords, intent cues and the reply decision table."""

    __slots__ = ()
    _kind = "reply"


class SmsConfig(Config):
    """SMS footer and segment limits."""

    __slots__ = ()
    _kind = "sms"


class SuggestConfig(Config):
    """Templates and thresholds of the suggested SMS, call script and confidence tag."""

    __slots__ = ()
    _kind = "suggest"


def config_dict(
    cls: Type[C], value: Union[C, Mapping[str, Any], None]
) -> Optional[Mapping[str, Any]]:
    """A config argument as the native module takes it: a ``cls`` object or a dict (both
    checked by building a ``cls``), or None for the core's defaults."""
    if value is None:
        return None
    if isinstance(value, cls):
        return value.to_dict()
    if isinstance(value, Config):
        raise InvalidConfigError(
            f"expected {cls.__name__} or a dict, got {type(value).__name__}", "invalid_config"
        )
    return cls(value).to_dict()
