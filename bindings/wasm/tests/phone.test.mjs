import { test } from "node:test";
import assert from "node:assert/strict";
import { isNanp, metadataErrors, nanpOnly, variants } from "./modules.mjs";
import { cases } from "./corpus.mjs";

for (const [name, ps] of variants) {
  test(`${name}: normalize corpus`, () => {
    for (const c of cases("normalize")) {
      const international = c.error ? metadataErrors.has(c.error) : !isNanp(c.e164);
      if (nanpOnly(name) && international) {
        assert.throws(
          () => ps.normalize(c.input, c.region),
          (err) => err instanceof Error && err.code === "international_unsupported",
          c.name,
        );
      } else if (c.error) {
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

  test(`${name}: normalizeMany gives null for invalid input`, () => {
    assert.deepEqual(ps.normalizeMany(["(305) 234-5678", "12", "+44 20 7946 0958"]), [
      "+13052345678",
      null,
      nanpOnly(name) ? null : "+442079460958",
    ]);
  });

  test(`${name}: classify corpus`, () => {
    for (const c of cases("classify_score/classify")) {
      const lineType = c.line_type && { phoneType: c.line_type.phone_type, source: c.line_type.source };
      const out = ps.classify({ e164: c.e164, extension: null }, { roles: c.roles, lineType });
      // Without metadata a number outside +1 has no line type unless outside data gives one.
      const expected = nanpOnly(name) && !isNanp(c.e164) && !lineType ? "unknown" : c.expected_type;
      assert.equal(out.phoneType, expected, c.name);
      assert.ok(Array.isArray(out.evidence), c.name);
    }
  });

  test(`${name}: score corpus`, () => {
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
      for (const n of site.numbers) {
        const shouldReject = c.expected.rejected.includes(n.number.e164);
        assert.equal(n.rejected !== null, shouldReject, `${c.name}: ${n.number.e164} rejected`);
        assert.ok(n.explanation.length > 0, c.name);
      }
      assert.equal(site.leadPhoneFields.leadPhoneE164, c.expected.best ?? null, c.name);
    }
  });

  test(`${name}: text corpus, offsets in UTF-16 code units`, () => {
    for (const c of cases("phones/text_cases")) {
      const found = ps.extractPhonesText(c.text);
      const expect = nanpOnly(name) ? c.expect.filter((e) => isNanp(e.e164)) : c.expect;
      assert.deepEqual(
        found.map((f) => f.e164),
        expect.map((e) => e.e164),
        c.name,
      );
      found.forEach((f, i) => {
        assert.equal(f.extension, expect[i].extension, c.name);
        if (expect[i].raw !== null) assert.equal(f.raw, expect[i].raw, c.name);
        assert.equal(c.text.slice(f.start, f.end), f.raw, c.name);
      });
    }
  });

  test(`${name}: numbers outside +1`, () => {
    if (nanpOnly(name)) {
      assert.throws(() => ps.normalize("+44 20 7946 0958"), (err) => err.code === "international_unsupported");
      assert.deepEqual(ps.extractPhonesText("London +44 20 7946 0958"), []);
    } else {
      assert.equal(ps.normalize("+44 20 7946 0958"), "+442079460958");
      assert.equal(ps.extractPhonesText("London +44 20 7946 0958")[0].e164, "+442079460958");
    }
  });

  test(`${name}: errors are Error objects with a code`, () => {
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

  test(`${name}: results are plain objects in camelCase`, () => {
    const [f] = ps.extractPhonesText("Call 😀 (305) 234-5678", { baseUrl: "/contact", pageKind: "contact" });
    assert.equal(Object.getPrototypeOf(f), Object.prototype);
    assert.equal(f.pageKind, "contact");
    assert.equal(f.page, "/contact");
    assert.equal(f.type, "unknown");
    assert.equal("page_kind" in f, false);
    // "Call " is 5 code units, the emoji 2, the space 1 (in UTF-8 bytes it would be 10).
    assert.equal(f.start, 8);
    assert.equal(f.end, 8 + "(305) 234-5678".length);
    assert.equal(ps.defaultScoreConfig().contactPage, 0.8);
  });
}
