import { test } from "node:test";
import assert from "node:assert/strict";
import * as ps from "phonestorm";
import { cases, camel } from "./corpus.mjs";

test("compliance corpus (hours and rules), camelCase requests", () => {
  const all = cases("compliance");
  assert.ok(all.length > 500);
  for (const c of all) {
    const request = camel({
      recipient: c.recipient,
      outgoing: c.outgoing,
      history: c.history,
      policy: c.policy,
      at: c.at,
    });
    const d = ps.checkSend(request);
    assert.equal(d.decision, c.expect.decision, c.name);
    if (c.expect.decision === "defer") {
      assert.equal(d.until, c.expect.until, c.name);
      // A deferral's instant must itself be allowed.
      assert.equal(ps.isAllowedAt({ ...request, at: d.until }), true, c.name);
    } else {
      assert.equal(d.until, null, c.name);
    }
    const codes = d.reasons.map((r) => r.code);
    for (const code of c.expect.codes ?? []) assert.ok(codes.includes(code), `${c.name}: ${code}`);
    for (const r of d.reasons) assert.equal(typeof r.explanation, "string", c.name);
    assert.equal(ps.isAllowedAt(request), c.expect.decision === "allow", c.name);
  }
});

test("policy round trip, zones, holidays, errors", () => {
  const policy = ps.defaultPolicy();
  assert.ok(policy.stateRules.some((r) => r.state === "FL" && r.citation.length > 0));
  const request = { recipient: { phone: "+13055550123" }, at: "2025-06-03T00:30:00Z" };
  // The default policy given back explicitly decides like no policy at all.
  assert.deepEqual(ps.checkSend({ ...request, policy }), ps.checkSend(request));
  const quiet = ps.checkSend(request).reasons.find((r) => r.code === "quiet_hours");
  assert.equal(quiet.zone, "America/New_York");
  assert.equal(typeof quiet.localTime, "string");
  assert.deepEqual(ps.resolveZones({ phone: "+18505550100" }).zones.sort(), [
    "America/Chicago",
    "America/New_York",
  ]);
  assert.equal(ps.resolveZones({ phone: "+18505550100", zone: "America/Chicago" }).source, "address");
  const holidays = ps.federalHolidays(2026);
  assert.ok(holidays.some((h) => h.date === "2026-07-03" && h.name.includes("observed")));
  assert.throws(
    () => ps.checkSend({ recipient: {}, at: "yesterday" }),
    (err) => err instanceof Error && err.code === "invalid_config",
  );
  assert.throws(() => ps.resolveZones({ phone: "12" }), (err) => typeof err.code === "string" && err.code !== "invalid_config");
});
