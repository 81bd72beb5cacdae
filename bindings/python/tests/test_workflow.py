"""The lead_gen_flow state machine, source query, lifecycle and retries through the wheel."""

from __future__ import annotations

import dataclasses

import pytest

import phonestorm
from phonestorm import LeadGenFlow, RetryPolicy, WorkflowError


def test_lead_gen_flow() -> None:
    flow = LeadGenFlow.new()
    assert flow.status == "running" and flow.last_event is None
    with pytest.raises(WorkflowError) as info:
        flow.apply("start_phase", phase="filter_rank")
    assert info.value.code == "illegal_phase"
    for phase in ("source", "filter_rank"):
        flow = flow.apply("start_phase", phase=phase).apply({"event": "complete_phase", "phase": phase})
    flow = flow.apply("start_phase", phase="persist_leads")
    flow = flow.apply("add_opportunity", has_website=True)
    flow = flow.apply("add_opportunity", has_website=False)
    assert flow.last_event == "opportunity 1 sourced"
    flow = flow.apply("complete_phase", phase="persist_leads").apply("start_phase", phase="scrape_content")
    before = flow.progress()
    with pytest.raises(WorkflowError) as info:
        flow.apply("opportunity", index=1, to="SCRAPING")  # no website: scraping is skipped
    assert info.value.code == "illegal_transition"
    flow = flow.apply("opportunity", index=1, to="DATA_READY")
    assert flow.opportunities == (("SOURCED", True), ("DATA_READY", False))
    assert flow.progress() > before
    assert flow.counts() == phonestorm.opportunity_counts(["SOURCED", "DATA_READY"])
    assert phonestorm.progress(flow.phases, flow.counts()) == flow.progress()
    with pytest.raises(WorkflowError) as info:
        flow.apply("opportunity", index=7, to="READY")
    assert info.value.code == "unknown_opportunity"
    failed = flow.apply("finish", status="failed")
    assert failed.status == "failed" and flow.status == "running"
    with pytest.raises(dataclasses.FrozenInstanceError):
        flow.status = "x"  # type: ignore[misc]
    with pytest.raises(WorkflowError) as info:
        flow.progress(config={"weights": {"nope": 1}})
    assert info.value.code == "invalid_config"


def test_query_clamp_lifecycle_retries() -> None:
    assert phonestorm.text_query(" HVAC ", "Miami,  FL") == "HVAC in Miami, FL"
    with pytest.raises(WorkflowError) as info:
        phonestorm.text_query("", "Miami")
    assert info.value.code == "empty_query_part"
    assert phonestorm.clamp_num_leads(50) == 20
    assert phonestorm.clamp_num_leads(50, config={"max_leads": 40}) == 40
    with pytest.raises(WorkflowError) as info:
        phonestorm.clamp_num_leads(0)
    assert info.value.code == "zero_leads"
    assert phonestorm.transition_opportunity("SOURCED", "SCRAPING", True) == "SCRAPING"
    with pytest.raises(WorkflowError):
        phonestorm.transition_opportunity("SOURCED", "READY", True)
    policy = RetryPolicy(max_retries=3, base_delay_ms=1000, multiplier=2, max_delay_ms=60000, jitter=0)
    assert phonestorm.retry_schedule_ms(seed=7, policy=policy) == [1000, 2000, 4000]
    assert phonestorm.retry_delay_ms(3, seed=7, policy=policy) is None
    assert phonestorm.retry_delay_ms(1, policy=policy.to_dict()) == 2000
    jittered = phonestorm.retry_schedule_ms(seed=42)
    assert phonestorm.retry_schedule_ms(seed=42) == jittered
    assert len(jittered) == RetryPolicy().max_retries
    with pytest.raises(ValueError) as err:
        RetryPolicy(multiplier=0.5)
    assert getattr(err.value, "code") == "invalid_config"
