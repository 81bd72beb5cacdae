import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { loadInBareContext } from "./load.mjs";

const bare = "[typeof require, typeof process, typeof Buffer, typeof fetch].join()";

for (const entry of ["convex.js", "phones-convex.js"]) {
  test(`${entry} loads and runs in a bare V8 context`, async () => {
    const { api, context } = await loadInBareContext(entry);
    assert.equal(vm.runInContext(bare, context), "undefined,undefined,undefined,undefined");
    assert.equal(api.areaCode(305).state, "FL");
    const found = api.extractPhones("<footer>Call (305) 234-5678</footer>", null);
    assert.equal(found[0].e164, "+13052345678");
    assert.equal(found[0].placement, "footer");
    assert.equal(api.nanpSourceVersion().startsWith("phonenumbers"), true);
    assert.throws(
      () => api.normalize("12", "US"),
      // An Error of the context's realm (not this realm's `Error`).
      (err) => Object.prototype.toString.call(err) === "[object Error]" && err.code === "too_few_digits",
    );
  });
}

test("the whole core runs in a bare V8 context (zones, suffix list, regexes)", async () => {
  const { api } = await loadInBareContext("convex.js");
  const d = api.checkSend({
    recipient: { phone: "+13055550123" },
    at: "2025-06-03T00:30:00Z",
  });
  assert.equal(d.decision, "defer");
  assert.equal(d.until, "2025-06-03T12:00:00Z");
  assert.equal(api.canonicalDomain("https://www.shop.example.co.uk/x"), "example.co.uk");
  assert.equal(api.extractEmailsText("write to jane [at] joes [dot] com")[0].email, "jane@joes.com");
  assert.equal(api.classifyReply("STOP").action, "process_opt_out");
});
