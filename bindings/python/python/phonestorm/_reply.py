"""Inbound replies: opt-out/opt-in/help keywords, intent, sentiment, the action to take
(``core::reply``)."""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, List, Mapping, Optional, Tuple, Union

from . import _core
from ._configs import ReplyConfig, config_dict
from ._types import Result

ReplyConfigArg = Union[ReplyConfig, Mapping[str, Any], None]
#: Longest reply the rules read; longer text is cut.
REPLY_MAX_CHARS: int = _core.REPLY_MAX_CHARS


@dataclasses.dataclass(frozen=True)
class ReplyClassification(Result):
    """A classified reply. ``intent``: ``interested``, ``not_interested``, ``question``,
    ``opt_out``, ``unknown``; ``keyword``: ``opt_out``, ``opt_in``, ``help`` or None;
    ``confidence`` in [0, 1]; ``sentiment`` in [-1, 1]; ``action`` from the decision
    table: ``process_opt_out``, ``process_opt_in``, ``send_help``, ``escalate``,
    ``auto_reply``, ``mark_cold``, ``none``."""

    intent: str
    keyword: Optional[str]
    confidence: float
    sentiment: float
    evidence: Tuple[str, ...]
    action: str


@dataclasses.dataclass(frozen=True)
class KeywordMatch(Result):
    """A keyword found in a reply; ``exact``: the whole reply was the keyword."""

    keyword: str
    matched: str
    exact: bool


@dataclasses.dataclass(frozen=True)
class IntentGuess(Result):
    """The keyword-cue intent guess and the cues found."""

    intent: str
    confidence: float
    evidence: Tuple[str, ...]


def classify_reply(text: str, *, config: ReplyConfigArg = None) -> ReplyClassification:
    """Classifies an inbound reply and picks the action; a config the core refuses
    raises :class:`ReplyError`."""
    return ReplyClassification.from_dict(
        _core.classify_reply(text, config_dict(ReplyConfig, config))
    )


def classify_reply_many(
    texts: Iterable[str], *, config: ReplyConfigArg = None
) -> List[ReplyClassification]:
    """:func:`classify_reply` over many replies at once, with the GIL released."""
    out = _core.classify_reply_many(list(texts), config_dict(ReplyConfig, config))
    return [ReplyClassification.from_dict(c) for c in out]


def decide_reply(
    classification: Union[ReplyClassification, Mapping[str, Any]],
    *,
    config: ReplyConfigArg = None,
) -> str:
    """The decision-table action for a classification."""
    plain = (
        classification.to_dict()
        if isinstance(classification, ReplyClassification)
        else dict(classification)
    )
    return _core.decide_reply(plain, config_dict(ReplyConfig, config))


def detect_keyword(text: str, *, config: ReplyConfigArg = None) -> Optional[KeywordMatch]:
    """The opt-out/opt-in/help keyword of a reply, or None."""
    data = _core.detect_keyword(text, config_dict(ReplyConfig, config))
    return None if data is None else KeywordMatch.from_dict(data)


def intent_by_keywords(text: str, *, config: ReplyConfigArg = None) -> IntentGuess:
    """The intent from cue phrases alone (the fallback of :func:`classify_reply`)."""
    return IntentGuess.from_dict(_core.intent_by_keywords(text, config_dict(ReplyConfig, config)))


def reply_sentiment(text: str) -> float:
    """Sentiment of a reply in [-1, 1]."""
    return _core.reply_sentiment(text)


def normalize_reply(text: str) -> str:
    """A reply as the rules see it (lower case, no accents or punctuation, bounded)."""
    return _core.normalize_reply(text)


def reply_tokens(text: str) -> List[str]:
    """The words of a normalised reply."""
    return _core.reply_tokens(text)
