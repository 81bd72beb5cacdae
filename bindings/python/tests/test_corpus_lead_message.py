"""testdata/lead and testdata/message through the wheel, plus the lead and message API."""

from __future__ import annotations

from typing import Any, Callable, Dict, Union

import pytest

import phonestorm
from phonestorm import LeadError, MessageError

from conftest import cases

DAY = 86_400_000


@pytest.mark.parametrize("case", cases("lead/status"))
def test_lead_status(case: Dict[str, Any]) -> None:
    nxt = phonestorm.next_status(case["current"], case["has_phone"], case["has_email"])
    assert nxt == case["expected"]
    assert phonestorm.is_customer_visible(nxt) == case["visible"]


def test_lead_priority_cycle_filters() -> None:
    lead = {
        "id": "L1",
        "lead_phone_e164": "+13052345678",
        "phone_confidence": 0.8,
        "phone_type": "mobile",
        "domain_attempts": 1,
        "last_domain_attempt_at_ms": 0,
    }
    p = phonestorm.lead_priority(lead, 1000)
    assert p.tier == "phone_only" and p.urgency == 0.8 and not p.actionable
    assert p.domain_retry.to_dict() == {"state": "wait_until", "at_ms": 3_600_000}
    assert phonestorm.is_high_value(lead)
    assert not phonestorm.is_high_value({**lead, "phone_type": "tollfree"})
    leads = [
        {"id": "b", "created_at_ms": 0, "phone_confidence": 0},
        {"id": "c", "created_at_ms": 39 * DAY, "phone_confidence": 0},
        {"id": "a", "created_at_ms": 40 * DAY, "lead_phone_e164": "+13052345678", "phone_confidence": 0.5},
    ]
    plan = phonestorm.plan_cycle(leads, 41 * DAY)
    assert (plan.process, plan.archive) == ((2, 1), (0,))
    phone_only = {"id": "x", "enrichment_status": "WITH_PHONE_ONLY", "phone_confidence": 0}
    assert phonestorm.admin_filter([lead, phone_only], "WITH_PHONE_ONLY") == [1]
    assert phonestorm.mark_outbound_sent("WITH_PHONE_ONLY") == "OUTBOUND_SENT"
    with pytest.raises(LeadError) as info:
        phonestorm.mark_outbound_sent("PENDING")
    assert info.value.code == "illegal_transition"
    with pytest.raises(LeadError) as info:
        phonestorm.check_lead({"id": "x", "phone_confidence": 2})
    assert info.value.code == "invalid_confidence"
    with pytest.raises(phonestorm.InvalidConfigError):
        phonestorm.next_status("SLEEPING", True, True)
    assert phonestorm.LeadConfig().domain_max_attempts == 3
    # The core's own check runs when the config object is built.
    with pytest.raises(ValueError) as err:
        phonestorm.LeadConfig(customer_visible=["WITH_PHONE_ONLY"])
    assert getattr(err.value, "code") == "invalid_config"


def _run(f: Callable[[], Any]) -> Dict[str, Any]:
    try:
        return {"ok": f()}
    except MessageError as err:
        assert isinstance(err, ValueError)
        return {"err": err.code}


@pytest.mark.parametrize("case", cases("message/message"))
def test_message(case: Dict[str, Any]) -> None:
    kind = case["kind"]
    if kind == "render":
        got = _run(lambda: phonestorm.render_template(case["template"], case["vars"]))
        assert got == ({"err": case["error"]} if "error" in case else {"ok": case["expected"]})
    elif kind == "gsm_safe":
        assert phonestorm.gsm_safe(case["text"]) == case["expected"]
        assert phonestorm.is_gsm(phonestorm.gsm_safe(case["text"]))
    elif kind == "clean":
        assert phonestorm.clean_llm_output(case["text"]) == case["expected"]
    elif kind == "sms":
        got = _run(lambda: phonestorm.compose_sms(case["text"]))
        if "error" in case:
            assert got == {"err": case["error"]}
        else:
            assert got["ok"].text == case["expected"]
            if "segments" in case:
                assert got["ok"].segments.count == case["segments"]
    elif kind == "segments":
        s = phonestorm.sms_segments(case["text"])
        assert (s.encoding, s.units, s.count) == (case["encoding"], case["units"], case["segments"])
        if "part_lengths" in case:
            assert [len(p) for p in s.parts] == case["part_lengths"]
        assert "".join(s.parts) == case["text"]
    else:
        pytest.fail(f"unknown kind {kind}")


def test_templates_email_suggestions() -> None:
    assert phonestorm.render_template("Hi {owner_name}", owner_name="Ana") == "Hi Ana"
    with pytest.raises(MessageError) as info:
        phonestorm.render_template("Hi {ownerName}", {"owner_name": "Ana"})
    assert info.value.code == "missing_variable"
    assert phonestorm.template_variables("{a} and {b} and {a}") == ["a", "b"]
    footer = {"sender_name": "Acme Homes", "postal_address": "1 Main St, Miami, FL 33101"}
    email = phonestorm.compose_email("Your  property", "Hi Ana,\n\nQuick note.", footer)
    assert email.subject == "Your property"
    assert "1 Main St, Miami, FL 33101" in email.text
    with pytest.raises(MessageError) as info:
        phonestorm.compose_email("s", "one two three", footer, max_words=2)
    assert info.value.code == "too_many_words"
    with pytest.raises(MessageError) as info:
        phonestorm.compose_email("s", "body", {"sender_name": "A", "postal_address": ""})
    assert info.value.code == "missing_postal_address"
    assert "Ana" in phonestorm.suggested_sms("Ana", "your shop has no website")
    assert "Ana" in phonestorm.suggested_call_script("Ana", "your shop has no website")
    with pytest.raises(MessageError):
        phonestorm.suggested_sms("", "x")
    assert phonestorm.confidence_tag("mobile", 0.9) == "Mobile – High Direct Value"
    assert phonestorm.SmsConfig().require_footer is True
    sms = phonestorm.compose_sms("Hi Ana", config=phonestorm.SmsConfig(footer="Text STOP to end."))
    assert sms.text.endswith("Text STOP to end.") and sms.chars == len(sms.text)
