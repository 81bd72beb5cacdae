import { test } from "node:test";
import assert from "node:assert/strict";
import * as ps from "phonestorm";
import { cases } from "./corpus.mjs";

test("qualify places corpus", () => {
  for (const c of cases("qualify/places")) {
    const config = c.criteria ? { criteria: c.criteria } : null;
    if (c.error) {
      assert.throws(
        () => ps.qualifyPlace(c.place, null, config),
        (err) => err instanceof Error && err.code === c.error,
        c.name,
      );
      continue;
    }
    const out = ps.qualifyPlace(c.place, { targetVertical: "plumber", targetGeography: "Miami, FL" }, config);
    if (c.discarded) {
      assert.equal(out.discarded, c.discarded, c.name);
      continue;
    }
    assert.equal(out.discarded, undefined, c.name);
    assert.deepEqual(out.signals, c.signals, c.name);
    assert.equal(out.qualificationScore, c.qualificationScore, c.name);
    assert.equal(out.domain ?? null, c.domain, c.name);
    assert.equal(out.phone, c.phone, c.name);
    // The Convex row keeps seed 001's field names.
    assert.equal(typeof out.place_id, "string", c.name);
    assert.equal(out.status, "SOURCED");
    assert.equal(out.targetVertical, "plumber");
  }
});

test("qualifyPlaces, score and audit selection over the same corpus", () => {
  const places = cases("qualify/places").filter((c) => !c.error && c.criteria === null);
  const outcomes = ps.qualifyPlaces(places.map((c) => c.place));
  assert.equal(outcomes.length, places.length);
  const kept = outcomes.filter((o) => o.discarded === undefined);
  for (const o of kept) assert.equal(ps.qualificationScore(o.signals), o.qualificationScore);
  const picked = ps.selectForAudit(kept, { auditTopN: 1, auditMinScore: 1000 });
  const needing = kept.filter((o) => o.signals.includes("NEEDS_WEB_AUDIT"));
  assert.equal(picked.length, Math.min(1, needing.length));
  for (const i of picked) assert.ok(kept[i].signals.includes("NEEDS_WEB_AUDIT"));
  assert.throws(
    () => ps.qualifyPlaces([{ id: "a" }, { rating: 3 }]),
    (err) => err.code === "bad_place" && err.message.includes("place 1"),
  );
  assert.throws(
    () => ps.qualificationScore(["MISSING_WEBSITE"], { criteria: ["NOPE"] }),
    (err) => err.code === "unknown_signal",
  );
});

test("fit_reason corpus", () => {
  for (const c of cases("qualify/fit_reason")) {
    assert.equal(ps.fitReason(c.signals), c.fit_reason, c.name);
  }
  assert.throws(() => ps.fitReason([], { phrases: { NOPE: "x" } }), (err) => err.code === "unknown_signal");
});

test("audit sites corpus", () => {
  for (const c of cases("audit/sites")) {
    if (c.error) {
      assert.throws(
        () => ps.auditSite(c.pages, c.current_year),
        (err) => err instanceof Error && err.code === c.error,
        c.name,
      );
      continue;
    }
    const report = ps.auditSite(c.pages, c.current_year);
    assert.deepEqual(
      report.gaps.map((g) => g.key),
      c.gaps,
      c.name,
    );
    assert.deepEqual(report.signals, c.gaps, c.name);
    assert.equal(report.bestEmail, c.best_email, c.name);
    // identified_gaps shape: { key, value, source_url }.
    for (const g of report.gaps) {
      assert.deepEqual(Object.keys(g).sort(), ["key", "source_url", "value"], c.name);
      assert.equal(typeof g.source_url, "string", c.name);
    }
    assert.equal(report.pages, c.pages.length, c.name);
  }
});

test("resolveSignals confirms NEEDS_WEB_AUDIT only for wanted gaps", () => {
  const config = { criteria: ["NO_CALL_TO_ACTION"] };
  assert.deepEqual(ps.resolveSignals(["LOW_GOOGLE_RATING", "NEEDS_WEB_AUDIT"], ["NO_EMAIL"], config), {
    signals: ["LOW_GOOGLE_RATING", "NO_EMAIL"],
    confirmed: false,
  });
  assert.deepEqual(ps.resolveSignals(["NEEDS_WEB_AUDIT"], ["NO_CALL_TO_ACTION"], config), {
    signals: ["NEEDS_WEB_AUDIT", "NO_CALL_TO_ACTION"],
    confirmed: true,
  });
});
