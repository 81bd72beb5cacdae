"""Messages: templates, SMS and email composition, GSM-7 segments, LLM output cleanup,
suggested SMS and call scripts (``core::message``)."""

from __future__ import annotations

import dataclasses
from typing import Any, List, Mapping, Optional, Tuple, Union

from . import _core
from ._configs import SmsConfig, SuggestConfig, config_dict
from ._types import Result

#: Most words in an email body by default (seed 002: 200-300 words).
DEFAULT_EMAIL_MAX_WORDS: int = _core.DEFAULT_EMAIL_MAX_WORDS
SuggestArg = Union[SuggestConfig, Mapping[str, Any], None]


@dataclasses.dataclass(frozen=True)
class Segments(Result):
    """How a body goes over SMS: ``encoding`` ``gsm7`` or ``ucs2``, ``units`` (septets or
    UTF-16 code units), ``count`` parts and their text."""

    encoding: str
    units: int
    count: int
    parts: Tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Sms(Result):
    """A composed SMS: final text (with the opt-out footer), characters, encoding, parts."""

    text: str
    chars: int
    encoding: str
    segments: Segments

    _nested = {"segments": Segments}


@dataclasses.dataclass(frozen=True)
class ComposedEmail(Result):
    """A composed plain-text email (body with the CAN-SPAM footer)."""

    subject: str
    text: str


def render_template(template: str, vars: Optional[Mapping[str, str]] = None, **values: str) -> str:
    """``{name}``-style template → text, variables from ``vars`` and keyword arguments;
    raises :class:`MessageError` (``missing_variable``, ``unclosed_brace``...)."""
    return _core.render_template(template, {**(dict(vars) if vars else {}), **values})


def template_variables(template: str) -> List[str]:
    """The variable names of a template, in order of first use."""
    return _core.template_variables(template)


def sms_segments(text: str) -> Segments:
    """How ``text`` is split into SMS parts."""
    return Segments.from_dict(_core.segments(text))


def gsm_safe(text: str) -> str:
    """``text`` with every non-GSM-7 character transliterated or dropped."""
    return _core.gsm_safe(text)


def is_gsm(text: str) -> bool:
    """Whether every character of ``text`` is in the GSM-7 alphabet."""
    return _core.is_gsm(text)


def compose_sms(body: str, *, config: Union[SmsConfig, Mapping[str, Any], None] = None) -> Sms:
    """An SMS body → the message to send (opt-out footer added); raises
    :class:`MessageError` (``too_long``, ``empty``...)."""
    return Sms.from_dict(_core.compose_sms(body, config_dict(SmsConfig, config)))


def compose_email(
    subject: str,
    body: str,
    footer: Mapping[str, Any],
    *,
    max_words: int = DEFAULT_EMAIL_MAX_WORDS,
) -> ComposedEmail:
    """Subject + body + CAN-SPAM footer (``{sender_name, postal_address,
    unsubscribe_url}``) → the email; raises :class:`MessageError`."""
    return ComposedEmail.from_dict(_core.compose_email(subject, body, dict(footer), max_words))


def clean_llm_output(text: str) -> str:
    """An LLM draft → plain message text (quotes, preambles, markdown, sign-offs removed)."""
    return _core.clean_llm_output(text)


def confidence_tag(phone_type: str, confidence: float, *, config: SuggestArg = None) -> str:
    """The lead-table tag for a line type and confidence (``"Mobile – High Direct Value"``)."""
    return _core.confidence_tag(phone_type, confidence, config_dict(SuggestConfig, config))


def suggested_sms(name: str, signal_context: str, *, config: SuggestArg = None) -> str:
    """The Suggested SMS for a lead; raises :class:`MessageError`."""
    return _core.suggested_sms(name, signal_context, config_dict(SuggestConfig, config))


def suggested_call_script(name: str, signal_context: str, *, config: SuggestArg = None) -> str:
    """The Suggested Call Script for a lead; raises :class:`MessageError`."""
    return _core.suggested_call_script(name, signal_context, config_dict(SuggestConfig, config))
