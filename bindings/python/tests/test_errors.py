"""Every error kind: its class, the ValueError base, the core's stable ``code``."""

from __future__ import annotations

import pickle
from typing import Any, Callable, Dict, List, Type

import pytest

import phonestorm as ps

CASES = [
    (ps.PhoneError, "too_few_digits", lambda: ps.normalize("12")),
    (ps.EmailError, "syntax", lambda: ps.validate_email("not an email")),
    (ps.DomainError, "empty", lambda: ps.analyze_domain("")),
    (ps.LeadError, "illegal_transition", lambda: ps.mark_outbound_sent("PENDING")),
    (ps.QualifyError, "bad_place", lambda: ps.parse_place({"rating": 3})),
    (ps.WorkflowError, "zero_leads", lambda: ps.clamp_num_leads(0)),
    (ps.AuditError, "unknown_signal", lambda: ps.fit_reason([], config={"phrases": {"NOPE": "x"}})),
    (ps.ReplyError, "out_of_range", lambda: ps.ReplyConfig(decision={"escalate_sentiment_above": 3})),
    (ps.MessageError, "missing_variable", lambda: ps.render_template("{a}", {})),
    (ps.InvalidConfigError, "invalid_config", lambda: ps.EmailConfig(nope=1)),
    (ps.InvalidConfigError, "invalid_config", lambda: ps.lead_priority({"id": "x"}, 0)),
    (ps.InvalidConfigError, "invalid_config", lambda: ps.validate_email("a@b.com", config=ps.SmsConfig())),  # type: ignore[arg-type]
]


@pytest.mark.parametrize("cls,code,call", CASES, ids=[f"{c[0].__name__}-{c[1]}" for c in CASES])
def test_error_class_and_code(cls: Type[ps.PhonestormError], code: str, call: Callable[[], Any]) -> None:
    with pytest.raises(cls) as info:
        call()
    err = info.value
    assert type(err) is cls
    assert isinstance(err, ps.PhonestormError) and isinstance(err, ValueError)
    assert err.code == code
    assert str(err)
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is cls and again.code == code and str(again) == str(err)


def test_compliance_error() -> None:
    for phone, code in (("+4420", "invalid_phone"), ("+19992345678", "unknown_area_code")):
        with pytest.raises(ps.ComplianceError) as info:
            ps.resolve_zones({"phone": phone})
        assert isinstance(info.value, ValueError) and info.value.code == code


def test_hostile_input_is_a_typed_error() -> None:
    # Wrong shapes are a typed ValueError from the core, never a panic.
    for bad in ({"recipient": "x"}, {"recipient": {}, "at": "nope"}, {"at": 3}, {}):
        with pytest.raises(ps.InvalidConfigError):
            ps.check_send_many([bad])
    for bad_place in ([1, 2], {"id": 3}, {"id": "x", "rating": "high"}):
        with pytest.raises(ps.PhonestormError) as info:
            ps.qualify_place(bad_place)  # type: ignore[arg-type]
        assert isinstance(info.value, ValueError)
    # Wrong Python types are the usual TypeError.
    with pytest.raises(TypeError):
        ps.extract_emails(None)  # type: ignore[arg-type]
    assert ps.extract_emails("<" * 100_000 + "a@b" * 1000) == ps.extract_emails("<" * 100_000 + "a@b" * 1000)


def _deep(levels: int) -> Any:
    x: Any = []
    for _ in range(levels):
        x = [x]
    return x


def test_deep_and_cyclic_input_is_an_error_not_a_crash() -> None:
    cyclic: List[Any] = []
    cyclic.append(cyclic)
    loop: Dict[str, Any] = {}
    loop["a"] = loop
    for hostile in (_deep(200_000), cyclic, loop):
        calls: List[Callable[[], Any]] = [
            lambda: ps.qualify_place({"id": "a", "displayName": hostile}),
            lambda: ps.check_send({"phone": "+13052345678", "x": hostile}, "2026-01-05T15:00:00Z"),
            lambda: ps.rank_results({"name": "x", "results": hostile}, []),
            lambda: ps.QualifyConfig(criteria=hostile),
            lambda: ps.qualify_places_many([{"id": "a"}, {"id": "b", "x": hostile}]),
        ]
        for call in calls:
            with pytest.raises(ps.InvalidConfigError) as info:
                call()
            assert info.value.code == "invalid_config"
    # Ordinary nesting is fine (Places records are a few levels deep).
    assert isinstance(ps.qualify_place({"id": "a", "extra": _deep(100)}), ps.Discarded)
