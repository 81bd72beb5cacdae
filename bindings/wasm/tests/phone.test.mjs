import { test } from "node:test";
import assert from "node:assert/strict";
import * as ps from "phonestorm";
import { cases } from "./corpus.mjs";

test("normalize corpus", () => {
  for (const c of cases("normalize")) {
    if (c.error) {
      assert.throws(
        () => ps.normalize(c.input, c.region),
        (err) => err instanceof Error && err.code === c.error,
        c.name,
      );
    } else {
      assert.equal(ps.normalize(c.input, c.region), c.e164, c.name);
      assert.deepEqual(ps.parse(c.input, c.region), { e164: c.e164, extension: c.extension }, c.name);
    }
  }
});

test("classify corpus", () => {
  for (const c of cases("classify_score/classify")) {
    const lineType = c.line_type && { phoneType: c.line_type.phone_type, source: c.line_type.source };
    const out = ps.classify({ e164: c.e164, extension: null }, { roles: c.roles, lineType });
    assert.equal(out.phoneType, c.expected_type, c.name);
  }
});

test("score corpus", () => {
  for (const c of cases("classify_score/score")) {
    const sightings = c.sightings.map((s) => ({
      number: { e164: s.e164, extension: null },
      raw: s.raw,
      placement: s.placement,
      role: s.role,
      pageKind: s.page_kind,
      page: s.page,
    }));
    const site = ps.scoreSite(sightings, c.domain_counts);
    assert.equal(site.best ? site.best.number.e164 : null, c.expected.best, c.name);
    const byE164 = Object.fromEntries(site.numbers.map((n) => [n.number.e164, n]));
    for (const [e164, confidence] of Object.entries(c.expected.confidence)) {
      assert.ok(Math.abs(byE164[e164].confidence - confidence) < 1e-9, c.name);
    }
    for (const [e164, source] of Object.entries(c.expected.source)) {
      assert.equal(byE164[e164].source, source, c.name);
    }
    assert.equal(site.leadPhoneFields.leadPhoneE164, c.expected.best ?? null, c.name);
  }
});

test("text corpus, offsets in UTF-16 code units", () => {
  for (const c of cases("phones/text_cases")) {
    const found = ps.extractPhonesText(c.text);
    assert.deepEqual(found.map((f) => f.e164), c.expect.map((e) => e.e164), c.name);
    found.forEach((f, i) => {
      assert.equal(f.extension, c.expect[i].extension, c.name);
      if (c.expect[i].raw !== null) assert.equal(f.raw, c.expect[i].raw, c.name);
      assert.equal(c.text.slice(f.start, f.end), f.raw, c.name);
    });
  }
});

test("errors are Error objects with a code", () => {
  try {
    ps.normalize("call us", "US");
    assert.fail("no error");
  } catch (err) {
    assert.ok(err instanceof Error);
    assert.equal(typeof err.code, "string");
  }
  assert.throws(() => ps.scoreSite([{ raw: 1 }]), (err) => err.code === "invalid_config");
  assert.throws(
    () => ps.extractPhonesText("x", { pageKind: "basement" }),
    (err) => err.code === "invalid_config",
  );
});

test("results are plain objects in camelCase", () => {
  const [f] = ps.extractPhonesText("Call 😀 (305) 234-5678", { baseUrl: "/contact", pageKind: "contact" });
  assert.equal(Object.getPrototypeOf(f), Object.prototype);
  assert.equal(f.pageKind, "contact");
  assert.equal(f.page, "/contact");
  assert.equal(f.type, "unknown");
  assert.equal("page_kind" in f, false);
  assert.equal(ps.defaultScoreConfig().contactPage, 0.8);
});
