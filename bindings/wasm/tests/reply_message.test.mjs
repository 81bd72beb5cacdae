import { test } from "node:test";
import assert from "node:assert/strict";
import * as ps from "phonestorm";
import { cases } from "./corpus.mjs";

test("reply corpus (keywords and intents)", () => {
  const all = cases("reply");
  assert.ok(all.length > 200);
  for (const c of all) {
    const r = ps.classifyReply(c.text);
    if ("keyword" in c) assert.equal(r.keyword, c.keyword, c.name);
    if ("intent" in c) assert.equal(r.intent, c.intent, c.name);
    if ("not_intent" in c) assert.notEqual(r.intent, c.not_intent, c.name);
    if ("sentiment_min" in c) assert.ok(r.sentiment >= c.sentiment_min, c.name);
    if ("sentiment_max" in c) assert.ok(r.sentiment <= c.sentiment_max, c.name);
    if ("action" in c) assert.equal(r.action, c.action, c.name);
    assert.equal(ps.decideReply(r), r.action, c.name);
    assert.equal(ps.sentiment(c.text), r.sentiment, c.name);
  }
});

test("reply config is checked and used", () => {
  assert.equal(ps.classifyReply("quit").intent, "opt_out");
  assert.equal(ps.detectKeyword("HELP").keyword, "help");
  assert.equal(ps.detectKeyword("see you at noon"), null);
  assert.throws(
    () => ps.classifyReply("x", { decision: { escalateSentimentAbove: 3 } }),
    (err) => err.code === "out_of_range",
  );
  assert.throws(
    () => ps.classifyReply("x", { keywords: { help: ["HELP!"] } }),
    (err) => err.code === "not_normalized",
  );
  const calm = { intent: "unknown", keyword: null, confidence: 0, sentiment: 0.6, evidence: [] };
  assert.equal(ps.decideReply(calm), "escalate");
  assert.equal(ps.decideReply(calm, { escalateSentimentAbove: 0.9 }), "none");
});

test("message corpus", () => {
  for (const c of cases("message/message")) {
    const run = (f) => {
      try {
        return { ok: f() };
      } catch (err) {
        assert.ok(err instanceof Error, c.name);
        return { err: err.code };
      }
    };
    switch (c.kind) {
      case "render": {
        const got = run(() => ps.renderTemplate(c.template, c.vars));
        assert.deepEqual(got, c.error ? { err: c.error } : { ok: c.expected }, c.name);
        break;
      }
      case "gsm_safe":
        assert.equal(ps.gsmSafe(c.text), c.expected, c.name);
        assert.equal(ps.isGsm(ps.gsmSafe(c.text)), true, c.name);
        break;
      case "clean":
        assert.equal(ps.cleanLlmOutput(c.text), c.expected, c.name);
        break;
      case "sms": {
        const got = run(() => ps.composeSms(c.text));
        if (c.error) {
          assert.deepEqual(got, { err: c.error }, c.name);
        } else {
          assert.equal(got.ok.text, c.expected, c.name);
          if ("segments" in c) assert.equal(got.ok.segments.count, c.segments, c.name);
        }
        break;
      }
      case "segments": {
        const s = ps.smsSegments(c.text);
        assert.equal(s.encoding, c.encoding, c.name);
        assert.equal(s.units, c.units, c.name);
        assert.equal(s.count, c.segments, c.name);
        if (c.part_lengths) {
          assert.deepEqual(
            s.parts.map((p) => [...p].length),
            c.part_lengths,
            c.name,
          );
        }
        assert.equal(s.parts.join(""), c.text, c.name);
        break;
      }
      default:
        assert.fail(`${c.name}: unknown kind ${c.kind}`);
    }
  }
});

test("templates, email, suggestions", () => {
  // Variable names are used as given, not case-converted.
  assert.equal(ps.renderTemplate("Hi {owner_name}", { owner_name: "Ana" }), "Hi Ana");
  assert.throws(() => ps.renderTemplate("Hi {ownerName}", { owner_name: "Ana" }), (err) => err.code === "missing_variable");
  assert.deepEqual(ps.templateVariables("{a} and {b} and {a}"), ["a", "b"]);
  const footer = { senderName: "Acme Homes", postalAddress: "1 Main St, Miami, FL 33101" };
  const email = ps.composeEmail("Your  property", "Hi Ana,\n\nQuick note.", footer);
  assert.equal(email.subject, "Your property");
  assert.ok(email.text.includes("1 Main St, Miami, FL 33101"));
  assert.throws(() => ps.composeEmail("s", "one two three", footer, 2), (err) => err.code === "too_many_words");
  assert.throws(
    () => ps.composeEmail("s", "body", { senderName: "A", postalAddress: "" }),
    (err) => err.code === "missing_postal_address",
  );
  assert.ok(ps.suggestedSms("Ana", "your shop has no website").includes("Ana"));
  assert.ok(ps.suggestedCallScript("Ana", "your shop has no website").includes("Ana"));
  assert.throws(() => ps.suggestedSms("", "x"), (err) => typeof err.code === "string");
  assert.equal(ps.confidenceTag("mobile", 0.9), "Mobile – High Direct Value");
  assert.equal(ps.defaultSmsConfig().requireFooter, true);
});
