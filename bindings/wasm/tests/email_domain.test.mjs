import { test } from "node:test";
import assert from "node:assert/strict";
import * as ps from "phonestorm";
import { cases } from "./corpus.mjs";

test("email extract corpus", () => {
  for (const c of cases("email/extract")) {
    const found =
      c.html !== undefined
        ? ps.extractEmails(c.html, { baseUrl: c.base_url })
        : ps.extractEmailsText(c.text);
    assert.deepEqual(
      found.map((f) => ({ email: f.email, kind: f.kind, source: f.source, placement: f.placement })),
      c.expected,
      c.name,
    );
    for (const f of found) {
      assert.equal(Object.getPrototypeOf(f), Object.prototype);
      assert.equal(f.page, c.html !== undefined ? c.base_url : null, c.name);
    }
  }
});

test("email validate corpus", () => {
  for (const c of cases("email/validate")) {
    if (c.error) {
      assert.throws(
        () => ps.validateEmail(c.input),
        (err) => err instanceof Error && err.code === c.error,
        c.name,
      );
    } else {
      const e = ps.validateEmail(c.input);
      assert.equal(e.kind, c.kind, c.name);
      assert.equal(e.placeholder, c.placeholder, c.name);
    }
  }
});

test("email config and Cloudflare decoding", () => {
  const cfg = ps.defaultEmailConfig();
  assert.ok(cfg.roleLocals.includes("info"));
  // With "jane" as a role mailbox, the same address changes kind: the config is used.
  assert.equal(ps.validateEmail("jane@joes.com").kind, "personal");
  assert.equal(ps.validateEmail("jane@joes.com", { roleLocals: ["jane"] }).kind, "role");
  assert.throws(() => ps.decodeCfemail("zz"), (err) => err.code === "cloudflare_encoding");
  assert.throws(() => ps.validateEmail("x@y.com", { maxResults: "many" }), (err) => err.code === "invalid_config");
});

test("domain canonical corpus", () => {
  for (const c of cases("domain/canonical")) {
    if (c.error) {
      assert.throws(
        () => ps.analyzeDomain(c.input),
        (err) => err instanceof Error && err.code === c.error,
        c.name,
      );
      assert.throws(() => ps.canonicalDomain(c.input), (err) => err.code === c.error, c.name);
    } else {
      const info = ps.analyzeDomain(c.input);
      assert.equal(info.domain, c.domain, c.name);
      assert.equal(info.kind, c.kind, c.name);
      if (c.kind === "own") assert.equal(ps.canonicalDomain(c.input), c.domain, c.name);
    }
  }
});

test("domain rank corpus", () => {
  for (const c of cases("domain/rank")) {
    const ranked = ps.rankResults(c.business, c.results);
    assert.deepEqual(
      ranked.map((r) => r.domain),
      c.expected_order,
      c.name,
    );
    assert.ok(ranked.every((r) => r.confidence >= 0 && r.confidence <= 1));
  }
});

test("dedupePlaces drops a repeated place id or domain", () => {
  const out = ps.dedupePlaces([
    { placeId: "p1", website: "https://joes.com" },
    { placeId: "p2", website: "http://www.joes.com/x" },
    { placeId: "p1" },
    { placeId: "p3", website: "https://facebook.com/a" },
    { placeId: "p4", website: "https://facebook.com/b" },
  ]);
  assert.deepEqual(out.kept, [0, 3, 4]);
  assert.deepEqual(out.dropped, [
    { index: 1, key: "domain", value: "joes.com" },
    { index: 2, key: "place_id", value: "p1" },
  ]);
  assert.equal(ps.hostOf("HTTPS://WWW.Example.COM./a?b"), "www.example.com");
  assert.match(ps.pslVersion(), /^\d{4}-\d{2}-\d{2}/);
});
