import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { loadInBareContext } from "./load.mjs";

test("the Convex entry loads and runs in a bare V8 context", async () => {
  const { api, context } = await loadInBareContext();
  assert.equal(
    vm.runInContext(
      "[typeof require, typeof process, typeof Buffer, typeof fetch].join()",
      context,
    ),
    "undefined,undefined,undefined,undefined",
  );
  assert.equal(api.areaCode(305).state, "FL");
  const found = api.extractPhones("<footer>Call (305) 234-5678</footer>", null);
  assert.equal(found[0].e164, "+13052345678");
  assert.equal(found[0].placement, "footer");
  assert.equal(api.nanpSourceVersion().startsWith("phonenumbers"), true);
});
