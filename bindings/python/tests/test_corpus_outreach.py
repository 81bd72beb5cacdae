"""testdata/compliance and testdata/reply through ``check_send`` and ``classify_reply``."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

import phonestorm
from phonestorm import ReplyClassification, SendDecision

from conftest import cases, corpus


def _check(case: Dict[str, Any]) -> SendDecision:
    report = phonestorm.check_send(
        case["recipient"],
        case["at"],
        outgoing=case.get("outgoing"),
        history=case.get("history"),
        policy=case.get("policy"),
    )
    expect = case["expect"]
    assert report.decision == expect["decision"], case["name"]
    assert report.allowed == (expect["decision"] == "allow")
    if expect["decision"] == "defer":
        assert report.until == expect["until"], case["name"]
        # A defer's `until` must itself allow.
        assert report.until is not None
        later = phonestorm.check_send(
            case["recipient"],
            report.until,
            outgoing=case.get("outgoing"),
            history=case.get("history"),
            policy=case.get("policy"),
        )
        assert later.decision == "allow", case["name"]
    assert set(expect.get("codes", [])) <= set(report.codes), case["name"]
    assert all(r.explanation for r in report.reasons)
    plain = report.to_dict()
    assert [r["code"] for r in plain["reasons"]] == list(report.codes)
    return report


@pytest.mark.parametrize("case", cases("compliance/rules"))
def test_check_send_rules(case: Dict[str, Any]) -> None:
    _check(case)


def test_check_send_hours_and_batch() -> None:
    hours = [case for _, case in corpus("compliance/hours")]
    assert len(hours) > 100
    single = [_check(case) for case in hours]
    requests: List[Dict[str, Any]] = [
        {k: case[k] for k in ("recipient", "at", "outgoing", "history", "policy") if k in case}
        for case in hours
    ]
    assert phonestorm.check_send_many(requests) == single
    assert [phonestorm.is_allowed_at(c["recipient"], c["at"], outgoing=c.get("outgoing")) for c in hours[:50]] == [
        d.allowed for d in single[:50]
    ]


def test_check_send_bad_input() -> None:
    with pytest.raises(phonestorm.InvalidConfigError) as info:
        phonestorm.check_send({"phone": "+13055550100"}, "not a time")
    assert info.value.code == "invalid_config"
    assert isinstance(info.value, ValueError)


def test_zones_and_holidays() -> None:
    zones = phonestorm.resolve_zones({"phone": "+13052345678"})
    assert (zones.state, zones.zones, zones.source) == ("FL", ("America/New_York",), "area_code")
    fl = phonestorm.area_zones(850)
    assert fl is not None and fl.zones == ("America/Chicago", "America/New_York")
    days = phonestorm.federal_holidays(2026)
    assert days[0].to_dict() == {"date": "2026-01-01", "name": "New Year's Day"}
    assert any(d.date == "2026-07-03" and "observed" in d.name for d in days)
    with pytest.raises(phonestorm.ComplianceError) as info:
        phonestorm.resolve_zones({"phone": "+4420"})
    assert info.value.code and isinstance(info.value, ValueError)


@pytest.mark.parametrize("case", cases("reply"))
def test_classify_reply(case: Dict[str, Any]) -> None:
    out = phonestorm.classify_reply(case["text"])
    assert isinstance(out, ReplyClassification)
    if "keyword" in case:
        assert out.keyword == case["keyword"]
    if "intent" in case:
        assert out.intent == case["intent"]
    if "not_intent" in case:
        assert out.intent != case["not_intent"]
    if case.get("sentiment_min") is not None:
        assert out.sentiment >= case["sentiment_min"]
    if case.get("sentiment_max") is not None:
        assert out.sentiment <= case["sentiment_max"]
    if "action" in case:
        assert out.action == case["action"]
    assert phonestorm.decide_reply(out) == out.action
    assert phonestorm.reply_sentiment(case["text"]) == out.sentiment


def test_reply_batch_and_config() -> None:
    texts = [c["text"] for _, c in corpus("reply")]
    assert phonestorm.classify_reply_many(texts) == [phonestorm.classify_reply(t) for t in texts]
    assert phonestorm.detect_keyword("HELP") == phonestorm.KeywordMatch("help", "help", True)
    assert phonestorm.detect_keyword("see you at noon") is None
    assert phonestorm.intent_by_keywords("yes interested").intent == "interested"
    with pytest.raises(phonestorm.ReplyError) as info:
        phonestorm.classify_reply("x", config={"decision": {"escalate_sentiment_above": 3}})
    assert info.value.code == "out_of_range"
    with pytest.raises(phonestorm.ReplyError) as info:
        phonestorm.ReplyConfig(keywords={"help": ["HELP!"]})
    assert info.value.code == "not_normalized"
    calm: Dict[str, Any] = {"intent": "unknown", "keyword": None, "confidence": 0, "sentiment": 0.6, "evidence": []}
    assert phonestorm.decide_reply(calm) == "escalate"
    assert phonestorm.decide_reply(calm, config={"decision": {"escalate_sentiment_above": 0.9}}) == "none"
    assert phonestorm.normalize_reply("  STÓP!! ") == "stop"
    assert phonestorm.reply_tokens("Yes, please call") == ["yes", "please", "call"]
    assert len(phonestorm.normalize_reply("a " * 10_000)) <= phonestorm.REPLY_MAX_CHARS
