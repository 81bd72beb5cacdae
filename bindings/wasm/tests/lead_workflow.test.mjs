import { test } from "node:test";
import assert from "node:assert/strict";
import * as ps from "phonestorm";
import { cases } from "./corpus.mjs";

test("lead status corpus", () => {
  for (const c of cases("lead/status")) {
    const next = ps.nextStatus(c.current, c.has_phone, c.has_email);
    assert.equal(next, c.expected, c.name);
    assert.equal(ps.isCustomerVisible(next), c.visible, c.name);
  }
});

test("lead priority, cycle, filters and errors", () => {
  const day = 86_400_000;
  const lead = {
    id: "L1",
    leadPhoneE164: "+13052345678",
    phoneConfidence: 0.8,
    phoneType: "mobile",
    domainAttempts: 1,
    lastDomainAttemptAtMs: 0,
  };
  const p = ps.leadPriority(lead, 1000);
  assert.equal(p.tier, "phone_only");
  assert.deepEqual(p.domainRetry, { state: "wait_until", atMs: 3_600_000 });
  assert.equal(p.actionable, false);
  assert.equal(ps.isHighValue(lead), true);
  assert.equal(ps.isHighValue({ ...lead, phoneType: "tollfree" }), false);
  const leads = [
    { id: "b", createdAtMs: 0, phoneConfidence: 0 },
    { id: "c", createdAtMs: 39 * day, phoneConfidence: 0 },
    { id: "a", createdAtMs: 40 * day, leadPhoneE164: "+13052345678", phoneConfidence: 0.5 },
  ];
  assert.deepEqual(ps.planCycle(leads, 41 * day), { process: [2, 1], archive: [0] });
  assert.deepEqual(ps.adminFilter([lead, { id: "x", enrichmentStatus: "WITH_PHONE_ONLY", phoneConfidence: 0 }], "WITH_PHONE_ONLY"), [1]);
  assert.equal(ps.markOutboundSent("WITH_PHONE_ONLY"), "OUTBOUND_SENT");
  assert.throws(() => ps.markOutboundSent("PENDING"), (err) => err.code === "illegal_transition");
  assert.throws(
    () => ps.isCustomerVisible("WITH_PHONE_ONLY", { customerVisible: ["WITH_PHONE_ONLY"] }),
    (err) => err.code === "invalid_config",
  );
  assert.throws(() => ps.checkLead({ id: "x", phoneConfidence: 2 }), (err) => err.code === "invalid_confidence");
  assert.throws(() => ps.leadPriority({ id: "x" }, 0), (err) => err.code === "invalid_config");
  assert.throws(() => ps.nextStatus("SLEEPING", true, true), (err) => err.code === "invalid_config");
  assert.equal(ps.defaultLeadConfig().domainMaxAttempts, 3);
});

test("lead_gen_flow: phases in order, lifecycle, progress, lastEvent", () => {
  let flow = ps.newLeadGenFlow();
  assert.equal(flow.status, "running");
  assert.equal(flow.lastEvent, null);
  assert.throws(
    () => ps.applyFlowEvent(flow, { event: "start_phase", phase: "filter_rank" }),
    (err) => err.code === "illegal_phase",
  );
  for (const phase of ["source", "filter_rank"]) {
    flow = ps.applyFlowEvent(flow, { event: "start_phase", phase });
    flow = ps.applyFlowEvent(flow, { event: "complete_phase", phase });
  }
  flow = ps.applyFlowEvent(flow, { event: "start_phase", phase: "persist_leads" });
  flow = ps.applyFlowEvent(flow, { event: "add_opportunity", hasWebsite: true });
  flow = ps.applyFlowEvent(flow, { event: "add_opportunity", hasWebsite: false });
  assert.equal(flow.lastEvent, "opportunity 1 sourced");
  flow = ps.applyFlowEvent(flow, { event: "complete_phase", phase: "persist_leads" });
  flow = ps.applyFlowEvent(flow, { event: "start_phase", phase: "scrape_content" });
  const before = ps.flowProgress(flow);
  // No website: SCRAPING is skipped.
  assert.throws(
    () => ps.applyFlowEvent(flow, { event: "opportunity", index: 1, to: "SCRAPING" }),
    (err) => err.code === "illegal_transition",
  );
  flow = ps.applyFlowEvent(flow, { event: "opportunity", index: 1, to: "DATA_READY" });
  assert.deepEqual(flow.opportunities, [
    ["SOURCED", true],
    ["DATA_READY", false],
  ]);
  assert.ok(ps.flowProgress(flow) > before);
  assert.throws(
    () => ps.applyFlowEvent(flow, { event: "opportunity", index: 7, to: "READY" }),
    (err) => err.code === "unknown_opportunity",
  );
  assert.throws(
    () => ps.applyFlowEvent(flow, { event: "finish", status: "completed" }),
    (err) => err.code === "illegal_phase",
  );
  const failed = ps.applyFlowEvent(flow, { event: "finish", status: "failed" });
  assert.equal(failed.status, "failed");
  assert.equal(
    ps.progress(flow.phases, { dataReady: 1, sourced: 1 }),
    ps.flowProgress(flow),
  );
  assert.throws(() => ps.flowProgress(flow, { weights: { nope: 1 } }), (err) => err.code === "invalid_config");
});

test("source query, clamp, lifecycle and retries", () => {
  assert.equal(ps.textQuery(" HVAC ", "Miami,  FL"), "HVAC in Miami, FL");
  assert.throws(() => ps.textQuery("", "Miami"), (err) => err.code === "empty_query_part");
  assert.equal(ps.clampNumLeads(50), 20);
  assert.equal(ps.clampNumLeads(5), 5);
  assert.throws(() => ps.clampNumLeads(0), (err) => err.code === "zero_leads");
  assert.equal(ps.transitionOpportunity("SOURCED", "SCRAPING", true), "SCRAPING");
  assert.throws(() => ps.transitionOpportunity("SOURCED", "READY", true), (err) => err.code === "illegal_transition");
  const policy = { maxRetries: 3, baseDelayMs: 1000, multiplier: 2, maxDelayMs: 60000, jitter: 0 };
  assert.deepEqual(ps.retrySchedule(policy, 7), [1000, 2000, 4000]);
  assert.equal(ps.retryDelayMs(policy, 3, 7), undefined);
  const jittered = ps.retrySchedule(null, 42);
  assert.deepEqual(ps.retrySchedule(null, 42), jittered);
  assert.equal(jittered.length, ps.defaultRetryPolicy().maxRetries);
  assert.throws(() => ps.retrySchedule({ multiplier: 0.5 }, 1), (err) => err.code === "invalid_config");
  assert.throws(() => ps.retrySchedule(null, -1), (err) => err.code === "invalid_config");
});
