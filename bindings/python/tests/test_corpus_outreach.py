"""testdata/compliance and testdata/reply through ``check_send`` and ``classify_reply``."""

from __future__ import annotations

from typing import Any, Dict

import pytest

import phonestorm

from conftest import cases, corpus


def _check(case: Dict[str, Any]) -> None:
    report = phonestorm.check_send(
        case["recipient"],
        case["at"],
        outgoing=case.get("outgoing"),
        history=case.get("history"),
        policy=case.get("policy"),
    )
    expect = case["expect"]
    assert report["decision"] == expect["decision"], case["name"]
    if expect["decision"] == "defer":
        assert report["until"] == expect["until"], case["name"]
    codes = {r["code"] for r in report["reasons"]}
    assert set(expect.get("codes", [])) <= codes, case["name"]
    assert all(r["explanation"] for r in report["reasons"])


@pytest.mark.parametrize("case", cases("compliance/rules"))
def test_check_send_rules(case: Dict[str, Any]) -> None:
    _check(case)


def test_check_send_hours() -> None:
    for _, case in corpus("compliance/hours"):
        _check(case)


def test_check_send_bad_input() -> None:
    with pytest.raises(phonestorm.InvalidConfigError) as info:
        phonestorm.check_send({"phone": "+13055550100"}, "not a time")
    assert info.value.code == "invalid_config"


@pytest.mark.parametrize("case", cases("reply"))
def test_classify_reply(case: Dict[str, Any]) -> None:
    out = phonestorm.classify_reply(case["text"])
    if "keyword" in case:
        assert out["keyword"] == case["keyword"]
    if "intent" in case:
        assert out["intent"] == case["intent"]
    if "not_intent" in case:
        assert out["intent"] != case["not_intent"]
    if case.get("sentiment_min") is not None:
        assert out["sentiment"] >= case["sentiment_min"]
    if case.get("sentiment_max") is not None:
        assert out["sentiment"] <= case["sentiment_max"]
    if "action" in case:
        assert out["action"] == case["action"]
